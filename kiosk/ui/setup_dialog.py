"""The first-run set-up: show the dialog inside the running loop and wait for its profile.

The dialog's parts: ``setup_view`` (the widgets), ``setup_viewmodel`` (its async side),
driving the Qt-free ``kiosk.services.setup``."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QWidget

from kiosk.api_key import KeyStore
from kiosk.backends.factory import open_backend
from kiosk.config import Profile
from kiosk.services.setup import BackendOpener
from kiosk.ui.qt_async import TaskSet
from kiosk.ui.setup_view import SetupDialog
from kiosk.ui.setup_viewmodel import SetupViewModel

__all__ = ["SetupDialog", "SetupViewModel", "run_first_setup"]


async def run_first_setup(
    profile_name: str,
    *,
    backend_opener: BackendOpener = open_backend,
    keystore: KeyStore | None = None,
    parent: QWidget | None = None,
    on_key: Callable[[str], None] | None = None,
    prefill: Profile | None = None,
) -> Profile | None:
    """Show the set-up dialog and wait for it; the saved Profile, or None if cancelled.

    ``on_key`` receives the key that was typed, so this run can use it even when no
    keyring could store it (kiosk PCs often have none); it is never written anywhere.

    Runs inside the qasync loop: the dialog is opened with ``open()`` and awaited through
    its ``finished`` signal, so the Qt loop (and every task) keeps running."""
    tasks = TaskSet()
    vm = SetupViewModel(profile_name, tasks=tasks, backend_opener=backend_opener, keystore=keystore)
    dialog = SetupDialog(vm, parent)
    if prefill is not None:
        dialog.prefill(prefill)
    finished: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    def on_finished(result: int) -> None:
        if not finished.done():
            finished.set_result(result)

    dialog.finished.connect(on_finished)
    dialog.open()
    try:
        result = await finished
        profile = dialog.profile
        if on_key is not None and result == QDialog.DialogCode.Accepted.value:
            on_key(dialog.draft().api_key.strip())
    finally:
        await tasks.cancel_all()
        if dialog.isVisible():  # cancelled from outside (shutdown): close it too
            dialog.done(QDialog.DialogCode.Rejected.value)
        dialog.deleteLater()
    return profile if result == QDialog.DialogCode.Accepted.value else None
