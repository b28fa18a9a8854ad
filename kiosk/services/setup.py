"""First-run set-up without Qt: form checks, the test call, the events, saving profile and key."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import Callable, Sequence
from contextlib import AbstractAsyncContextManager
from datetime import datetime

from kiosk import config
from kiosk.api_key import KeyStore, store_key
from kiosk.backends.base import Backend
from kiosk.backends.factory import open_backend
from kiosk.config import Profile
from kiosk.domain import (
    AuthRejected,
    Event,
    MalformedAnswer,
    NotFound,
    PlatformError,
    PlatformUnavailable,
    RateLimited,
)
from kiosk.domain.errors import ConfigError
from kiosk.services.probe_report import Report

log = logging.getLogger(__name__)

SHEEPCRM_URL = "https://sls-api.sheepcrm.com"
ATTENDU_URL_HINT = "https://yourworkspace.attendu.com/api"
#: The fields a problem can point at (``Profile`` names, plus the key).
FIELDS = ("platform", "base_url", "bucket", "api_key", "event")
#: Stands in for the event while checking the rest: it is chosen only after connecting.
_EVENT_NOT_CHOSEN = "-"
#: The translation context of every message here (the set-up dialog's view-model).
TRANSLATION_CONTEXT = "SetupViewModel"

#: Opens a backend for a (not yet validated for its event) profile and key, and closes
#: its HTTP client on exit. Only ``list_events`` is called on it.
BackendOpener = Callable[[Profile, str], AbstractAsyncContextManager[Backend]]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for pyside6-lupdate (scripts/build_translations.py) in ``context``,
    without importing Qt: the dialog translates it when it shows it."""
    del context
    return text


@dataclasses.dataclass(frozen=True, slots=True)
class Problem:
    """Something the person must fix: the field it is about (one of ``FIELDS``, or ""
    for none) and what to say, in English with ``%1``-style placeholders for ``args``
    (so the dialog can translate ``text`` first). ``detail`` follows as it is: the
    platform's own words."""

    field: str
    text: str
    args: tuple[str, ...] = ()
    detail: str = ""

    def render(self, text: str) -> str:
        """``text`` (this problem's, or its translation) with the arguments filled in."""
        for number, arg in enumerate(self.args, 1):
            text = text.replace(f"%{number}", arg)
        return text + self.detail

    @property
    def message(self) -> str:
        """What to say, in English."""
        return self.render(self.text)


class SetupFailed(Exception):
    """A step of the set-up could not go on; ``problem`` says why and where."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


#: Said when the profile was written but no keyring could keep the key.
KEY_NOT_STORED = Problem(
    "api_key",
    QT_TRANSLATE_NOOP(
        "SetupViewModel",
        "Settings saved. This computer has no usable keyring for the API key: Kiosk "
        "can keep it in %2, readable only by your user account, so that it starts "
        "next time. Or use it this time only, and set %1 to the key before each start.",
    ),
    (config.API_KEY_ENV,),
)


@dataclasses.dataclass(frozen=True, slots=True)
class SetupDraft:
    """What the form holds. The key is left out of ``repr`` so it cannot reach a log."""

    platform: config.Platform
    base_url: str
    bucket: str
    api_key: str = dataclasses.field(repr=False)

    def profile(self, name: str, event: str, kiosk_id: str = "") -> Profile:
        return Profile(
            platform=self.platform,
            base_url=self.base_url.strip(),
            # Attendu has no bucket; a stale one would only change the keyring entry name.
            bucket=self.bucket.strip() if self.platform == "sheepcrm" else "",
            event=event,
            kiosk_id=kiosk_id,
            name=name,
        )


def local_naive(moment: datetime) -> datetime:
    """sheepCRM times carry no zone (platform-local); aware ones are shown in local time."""
    return moment.astimezone().replace(tzinfo=None) if moment.tzinfo else moment


def upcoming_first(events: Sequence[Event], now: datetime | None = None) -> list[Event]:
    """Events by start time, the running and coming ones before those already over."""
    now = now or datetime.now()

    def key(event: Event) -> tuple[bool, bool, datetime]:
        start = local_naive(event.starts_at) if event.starts_at else None
        end = local_naive(event.ends_at) if event.ends_at else start
        over = end is not None and end < now
        return (over, start is None, start or datetime.max)

    return sorted(events, key=key)


class SetupService:
    """The set-up's work for one profile name, in the order the dialog drives it:
    ``checked`` (the form alone), ``test_call`` (the platform's events), then
    ``profile_to_save`` and ``save``. Each step raises ``SetupFailed`` with what to say.

    ``connected`` holds the form values the last event list was loaded with: saving
    needs them unchanged."""

    def __init__(
        self,
        profile_name: str,
        *,
        backend_opener: BackendOpener = open_backend,
        keystore: KeyStore | None = None,
    ) -> None:
        self.profile_name = profile_name
        self._open_backend = backend_opener
        self._keystore = keystore
        self.connected: SetupDraft | None = None

    def forget(self) -> None:
        """The form changed: events loaded with other values no longer apply."""
        self.connected = None

    def checked(self, draft: SetupDraft) -> Profile:
        """The profile to test ``draft`` with (no event yet, the address tidied): the
        profile's own rules, plus what they cannot check."""
        name = config.PLATFORM_NAMES.get(draft.platform, draft.platform)
        if not draft.base_url.strip():
            example = SHEEPCRM_URL if draft.platform == "sheepcrm" else ATTENDU_URL_HINT
            raise SetupFailed(
                Problem(
                    "base_url",
                    QT_TRANSLATE_NOOP(
                        "SetupViewModel", "Enter the address of the %1 API, for example %2."
                    ),
                    (name, example),
                )
            )
        try:
            draft.profile(self.profile_name, _EVENT_NOT_CHOSEN).validate()
        except ConfigError as exc:
            raise SetupFailed(Problem(exc.field or "", str(exc))) from exc
        if not draft.api_key.strip():
            raise SetupFailed(
                Problem(
                    "api_key",
                    QT_TRANSLATE_NOOP(
                        "SetupViewModel", "Enter the API key from your %1 account settings."
                    ),
                    (name,),
                )
            )
        profile = draft.profile(self.profile_name, "")
        return dataclasses.replace(profile, base_url=config.check_base_url(profile.base_url))

    async def test_call(self, draft: SetupDraft) -> list[Event]:
        """Connect with ``draft`` and list the events its key can see, upcoming first."""
        self.connected = None
        profile = self.checked(draft)
        name = config.PLATFORM_NAMES[draft.platform]
        try:
            async with self._open_backend(profile, draft.api_key.strip()) as backend:
                events = await backend.list_events()
        except PlatformError as exc:
            log.info("set-up test call to %s failed: %s", name, type(exc).__name__)
            raise SetupFailed(explain(exc, draft)) from exc
        log.info("set-up test call to %s: %d events", name, len(events))
        if not events:
            raise SetupFailed(
                Problem(
                    "event",
                    QT_TRANSLATE_NOOP(
                        "SetupViewModel",
                        "%1 lists no events for this key. Create the event there, "
                        "then press Connect again.",
                    ),
                    (name,),
                )
            )
        self.connected = draft
        return upcoming_first(events)

    async def check_connection(self, draft: SetupDraft, event_id: str) -> Report:
        """``kiosk --check`` on the form's values and the chosen event (only reads)."""
        from kiosk.services.probe import check_account

        if not event_id:
            raise SetupFailed(
                Problem(
                    "event",
                    QT_TRANSLATE_NOOP("SetupViewModel", "Choose the event to check guests in to."),
                )
            )
        profile = dataclasses.replace(self.checked(draft), event=event_id)
        return await check_account(profile, draft.api_key.strip())

    def profile_to_save(self, draft: SetupDraft, event_id: str) -> Profile:
        """The profile for ``draft`` (as connected) and the chosen event, with a new
        kiosk id."""
        if self.connected is None or draft != self.connected:
            raise SetupFailed(
                Problem(
                    "",
                    QT_TRANSLATE_NOOP(
                        "SetupViewModel", "Press Connect to test these settings first."
                    ),
                )
            )
        if not event_id:
            raise SetupFailed(
                Problem(
                    "event",
                    QT_TRANSLATE_NOOP("SetupViewModel", "Choose the event to check guests in to."),
                )
            )
        try:
            profile = draft.profile(self.profile_name, event_id, config.new_kiosk_id())
            return dataclasses.replace(
                profile, base_url=config.check_base_url(profile.base_url)
            ).validate()
        except ConfigError as exc:
            raise SetupFailed(Problem(exc.field or "", str(exc))) from exc

    async def save(self, profile: Profile, api_key: str) -> bool:
        """Write ``profile`` to its file, then keep ``api_key`` in the keyring (both in a
        worker thread). False when the key could not be stored (say ``KEY_NOT_STORED``);
        SetupFailed when the profile could not be written (then no key is stored)."""
        path = config.profile_path(self.profile_name)
        # Closures, never ``to_thread(func, *args)``: qasync's executor logs each
        # submitted callback with its arguments at DEBUG, and those would carry the key.
        try:
            await asyncio.to_thread(lambda: config.save_profile(profile, path))
        except OSError as exc:
            log.warning("could not write the profile %s: %s", path, exc.strerror)
            raise SetupFailed(
                Problem(
                    "",
                    QT_TRANSLATE_NOOP(
                        "SetupViewModel", "Kiosk could not save its settings to %1 (%2)."
                    ),
                    (str(path), exc.strerror or type(exc).__name__),
                )
            ) from exc
        log.info("profile %r saved to %s", profile.name, path)
        keystore = self._keystore
        return await asyncio.to_thread(lambda: store_key(profile, api_key, keystore))


def explain(exc: PlatformError, draft: SetupDraft) -> Problem:
    """Which field a failed test call points at, and what to say there."""
    name = config.PLATFORM_NAMES[draft.platform]
    if isinstance(exc, AuthRejected):
        return Problem(
            "api_key",
            QT_TRANSLATE_NOOP(
                "SetupViewModel",
                "%1 refused this API key. Check that the whole key was copied and that it "
                "is allowed to read events.",
            ),
            (name,),
        )
    if isinstance(exc, NotFound) and draft.platform == "sheepcrm":
        # sheepCRM answers 404 both for an unknown bucket and for bad credentials.
        return Problem(
            "bucket",
            QT_TRANSLATE_NOOP(
                "SetupViewModel",
                "sheepCRM found no bucket “%1” for this key. Check the bucket name "
                "(your sheepCRM database name), then the key.",
            ),
            (draft.bucket.strip(),),
        )
    if isinstance(exc, NotFound) and draft.base_url.strip().rstrip("/").endswith("/v1"):
        return Problem(
            "base_url",
            QT_TRANSLATE_NOOP(
                "SetupViewModel",
                "Leave out the “/v1” at the end: Kiosk adds it. The address ends in /api.",
            ),
        )
    if isinstance(exc, NotFound | MalformedAnswer):
        return Problem(
            "base_url",
            QT_TRANSLATE_NOOP(
                "SetupViewModel",
                "The server at this address did not answer like the %1 API. Check the address.",
            ),
            (name,),
        )
    if isinstance(exc, RateLimited):
        return Problem(
            "",
            QT_TRANSLATE_NOOP(
                "SetupViewModel",
                "%1 asks Kiosk to slow down. Wait a minute, then press Connect again.",
            ),
            (name,),
        )
    if isinstance(exc, PlatformUnavailable):
        if exc.status_code is not None:  # it answered: the address is right
            return Problem("", str(exc))
        detail = f" ({exc.platform_message})" if exc.platform_message else ""
        if exc.network is not None:  # what it ran into, in words: a certificate, a name…
            detail = f" {exc.message}"
        return Problem(
            "base_url",
            QT_TRANSLATE_NOOP(
                "SetupViewModel",
                "Kiosk cannot reach %1 at this address. Check the address and the network.",
            ),
            (name,),
            detail,
        )
    return Problem("", str(exc))
