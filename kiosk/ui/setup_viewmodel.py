"""The set-up dialog's view-model: drives the set-up service and says its outcomes as signals."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Coroutine
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from kiosk import config
from kiosk.api_key import KeyStore, key_file, store_key_file
from kiosk.backends.factory import open_backend
from kiosk.config import Profile
from kiosk.domain import Event
from kiosk.services.setup import (
    KEY_NOT_STORED,
    TRANSLATION_CONTEXT,
    BackendOpener,
    Problem,
    SetupDraft,
    SetupFailed,
    SetupService,
)
from kiosk.ui.qt_async import TaskSet


def say(problem: Problem) -> str:
    """The problem's message in the person's language."""
    return problem.render(QCoreApplication.translate(TRANSLATION_CONTEXT, problem.text))


class SetupViewModel(QObject):
    """The set-up's async side: test the connection, save the profile and the key.

    Problems name the field they are about (one of ``FIELDS``, or "" for none), so the
    dialog can show them there.

    Signals:
        busy_changed(bool): a test call or a save started (True) or ended (False).
        problem(str, str): field and message of something the person must fix.
        events_loaded(object): the platform's events (list[Event]), upcoming first.
        connection_forgotten(): a connection field changed, so the events are stale.
        saved(object): the Profile was written and its key stored.
        key_not_stored(object, str): the Profile was written, the key could not be
            stored; the message says how to provide it instead.
        checked(object): what ``kiosk --check`` found for the form and its event (Report).
    """

    busy_changed = Signal(bool)
    problem = Signal(str, str)
    events_loaded = Signal(object)
    connection_forgotten = Signal()
    saved = Signal(object)
    key_not_stored = Signal(object, str)
    checked = Signal(object)

    def __init__(
        self,
        profile_name: str,
        *,
        tasks: TaskSet,
        backend_opener: BackendOpener = open_backend,
        keystore: KeyStore | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = SetupService(profile_name, backend_opener=backend_opener, keystore=keystore)
        self._tasks = tasks
        self._busy = False
        self._task: asyncio.Task[None] | None = None

    @property
    def profile_name(self) -> str:
        return self.service.profile_name

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def connected(self) -> SetupDraft | None:
        """The values the current event list was loaded with."""
        return self.service.connected

    # -- intent -------------------------------------------------------------------------

    def connect_platform(self, draft: SetupDraft) -> None:
        self._start(self._connect(draft), "set-up test call")

    def save(self, draft: SetupDraft, event_id: str) -> None:
        self._start(self._save(draft, event_id), "set-up save")

    def check_connection(self, draft: SetupDraft, event_id: str) -> None:
        self._start(self._check(draft, event_id), "set-up connection check")

    def _start(self, work: Coroutine[Any, Any, None], name: str) -> None:
        # One at a time: a second click (or Enter plus a click) before the first task has
        # even started must not send a second test call or write twice.
        if self._task is not None and not self._task.done():
            work.close()
            return
        self._task = self._tasks.spawn(work, name=name)

    def draft_changed(self, draft: SetupDraft) -> None:
        """The form changed: events loaded with other values no longer apply."""
        connected = self.service.connected
        if connected is not None and draft != connected:
            self.service.forget()
            self.connection_forgotten.emit()

    # -- work ---------------------------------------------------------------------------

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_changed.emit(busy)

    def _say(self, problem: Problem) -> None:
        self.problem.emit(problem.field, say(problem))

    async def _connect(self, draft: SetupDraft) -> None:
        if self.service.connected is not None:
            self.service.forget()
            self.connection_forgotten.emit()
        try:
            self.service.checked(draft)  # the form alone: said before any busy state
        except SetupFailed as failed:
            self._say(failed.problem)
            return
        self._set_busy(True)
        events: list[Event] = []
        failure: Problem | None = None
        try:
            events = await self.service.test_call(draft)
        except SetupFailed as failed:
            failure = failed.problem
        finally:
            self._set_busy(False)
        # Said only now that the form is enabled again, so focus can move to the field.
        if failure is not None:
            self._say(failure)
            return
        self.events_loaded.emit(events)

    async def _save(self, draft: SetupDraft, event_id: str) -> None:
        try:
            profile = self.service.profile_to_save(draft, event_id)
        except SetupFailed as failed:
            self._say(failed.problem)
            return
        self._set_busy(True)
        failure: Problem | None = None
        key_stored = False
        try:
            key_stored = await self.service.save(profile, draft.api_key.strip())
        except SetupFailed as failed:
            failure = failed.problem
        finally:
            self._set_busy(False)
        if failure is not None:
            self._say(failure)
        elif not key_stored:
            where = (config.API_KEY_ENV, str(key_file(profile)))
            self.key_not_stored.emit(profile, say(dataclasses.replace(KEY_NOT_STORED, args=where)))
        else:
            self.saved.emit(profile)

    async def _check(self, draft: SetupDraft, event_id: str) -> None:
        self._set_busy(True)
        failure: Problem | None = None
        try:
            report = await self.service.check_connection(draft, event_id)
        except SetupFailed as failed:
            failure = failed.problem
        finally:
            self._set_busy(False)
        if failure is not None:
            self._say(failure)
            return
        self.checked.emit(report)

    def keep_key_in_file(self, profile: Profile, api_key: str) -> None:
        """The person chose the key file (no keyring here): ``saved`` when it is kept,
        ``problem`` when it could not be written."""
        self._start(self._keep_key(profile, api_key), "keep the key in a file")

    async def _keep_key(self, profile: Profile, api_key: str) -> None:
        try:
            await asyncio.to_thread(lambda: store_key_file(profile, api_key))
        except OSError as exc:
            self.problem.emit("api_key", f"{key_file(profile)}: {exc.strerror or exc}")
            return
        self.saved.emit(profile)
