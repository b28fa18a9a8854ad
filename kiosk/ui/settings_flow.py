"""What Settings does in the running app: keep the profile, set up another connection,
and restart the desk inside Kiosk to apply what cannot change under a running desk."""

from __future__ import annotations

import asyncio
import dataclasses
import logging

from PySide6.QtCore import QCoreApplication

from kiosk import config
from kiosk.config import Profile
from kiosk.domain.errors import ConfigError
from kiosk.ui.main_window import MainWindow
from kiosk.ui.qt_async import TaskSet
from kiosk.ui.settings_dialog import SettingsDialog, open_settings

log = logging.getLogger(__name__)


class SettingsFlow:
    """Wires Settings (Ctrl+, and the wrong-key banner's *Fix the key…*) to ``window``.
    ``restart`` is set, and ``stop`` with it, when a change needs the desk built again;
    the app's main loop then starts over on the saved profile."""

    def __init__(
        self,
        window: MainWindow,
        tasks: TaskSet,
        profile: Profile | None,
        stop: asyncio.Event,
    ) -> None:
        self.window = window
        self.tasks = tasks
        self.profile = profile
        self.stop = stop
        self.restart = False
        self.dialog: SettingsDialog | None = None
        window.settings_requested.connect(self.open)
        if profile is not None:
            window.vm.set_scan_checks_in(profile.desk.check_in_on_scan)

    def open(self) -> SettingsDialog:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            return self.dialog
        event = self.window.vm.service.event
        title = event.title if event is not None else ""
        self.dialog = dialog = open_settings(self.window, self.profile, title)
        dialog.saved.connect(lambda chosen: self.tasks.spawn(self.keep(chosen), name="settings"))
        dialog.connection_requested.connect(
            lambda: self.tasks.spawn(self.change_connection(), name="set-up")
        )
        return dialog

    async def keep(self, chosen: Profile) -> None:
        """Write ``chosen`` into the profile file; apply the scan setting at once and
        restart for the rest."""
        before = self.profile
        path = config.profile_path(chosen.name)
        try:
            await asyncio.to_thread(lambda: config.save_profile(chosen, path))
        except (OSError, ConfigError) as exc:
            why = str(getattr(exc, "strerror", None) or exc)
            said = QCoreApplication.translate("MainWindow", "Settings not saved to %1: %2")
            self.window.show_notice(said.replace("%1", str(path)).replace("%2", why))
            return
        self.profile = chosen
        self.window.vm.set_scan_checks_in(chosen.desk.check_in_on_scan)
        if (
            before is None
            or dataclasses.replace(before, desk=chosen.desk) != chosen
            or (before.desk.refresh_interval != chosen.desk.refresh_interval)
        ):
            self.request_restart()

    async def change_connection(self) -> None:
        """The set-up dialog on this profile; a new connection restarts the desk, with
        this desk's own settings (its PIN, its name) kept."""
        from kiosk.ui.setup_dialog import run_first_setup

        if self.dialog is not None:
            self.dialog.close()
        old = self.profile
        if old is None:
            return
        made = await run_first_setup(old.name, parent=self.window, prefill=old)
        if made is None:
            return
        kept = dataclasses.replace(made, kiosk=old.kiosk, desk=old.desk, kiosk_id=old.kiosk_id)
        path = config.profile_path(old.name)
        await asyncio.to_thread(lambda: config.save_profile(kept, path))
        self.profile = kept
        self.request_restart()

    def request_restart(self) -> None:
        log.info("settings changed: the desk restarts to apply them")
        self.restart = True
        self.stop.set()
