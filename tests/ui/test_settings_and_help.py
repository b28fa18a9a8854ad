"""Settings (Ctrl+,) and Help -> Keyboard shortcuts on the real desk over real HTTP, and the
kiosk's staff corner at the screen's edge (issue 18)."""

from __future__ import annotations

import asyncio
import dataclasses
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from kiosk import config
from kiosk.app import Desk
from kiosk.desk_settings import DeskSettings
from kiosk.sandbox import Sandbox
from kiosk.ui.settings_dialog import SettingsDialog
from kiosk.ui.settings_flow import SettingsFlow
from kiosk.ui.setup_view import SetupDialog
from kiosk.ui.shortcuts_help import SHORTCUTS, ShortcutsHelp
from kiosk.ui.translations import Translations
from tests.ui.kiosk_harness import desk_tasks


def _shown(kind: type) -> Any:
    return next(
        (w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()),
        None,
    )


def _profile(sandbox: Sandbox) -> config.Profile:
    conn = sandbox.info["sheepcrm"]
    return config.Profile("sheepcrm", conn["base_url"], conn["event"], conn["bucket"], "desk-7")


def _desk_with_settings(make_desk: Any, sandbox: Sandbox, config_home: Path) -> Any:
    profile = _profile(sandbox)
    config.save_profile(profile, config.profile_path(profile.name))
    desk: Desk = make_desk("sheepcrm", sandbox.info["sheepcrm"])
    stop = asyncio.Event()
    flow = SettingsFlow(desk.window, desk_tasks(desk), profile, stop)
    return desk, flow, stop


def test_ctrl_comma_opens_settings_and_saving_keeps_them_and_restarts_the_desk(
    make_desk: Any, sandbox: Sandbox, qtbot: Any, config_home: Path
) -> None:
    desk, flow, stop = _desk_with_settings(make_desk, sandbox, config_home)
    desk.window.activateWindow()
    qtbot.wait_until(desk.window.isActiveWindow)
    qtbot.keyClick(desk.window.search, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait_until(lambda: _shown(SettingsDialog) is not None)
    dialog: SettingsDialog = _shown(SettingsDialog)
    event = desk.service.event
    assert event is not None
    assert event.title in dialog.connection_text.text()
    dialog.refresh.setValue(12.5)
    dialog.on_scan.setChecked(True)
    dialog.idle.setValue(90)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.wait_until(stop.is_set, timeout=5000)
    assert flow.restart  # the desk is built again on what was saved
    saved = config.load_profile(config.profile_path("default"))
    assert saved is not None
    assert saved.desk == DeskSettings(12.5, True)
    assert saved.kiosk.idle_seconds == 90
    assert saved.kiosk_id == "desk-7"
    assert desk.vm.scan_checks_in  # applied at once, too


def test_change_connection_opens_set_up_on_this_profile(
    make_desk: Any, sandbox: Sandbox, qtbot: Any, config_home: Path
) -> None:
    _desk, flow, _stop = _desk_with_settings(make_desk, sandbox, config_home)
    dialog = flow.open()
    qtbot.wait_until(dialog.isVisible)
    qtbot.mouseClick(dialog.change_connection, Qt.MouseButton.LeftButton)
    qtbot.wait_until(lambda: _shown(SetupDialog) is not None)
    setup: SetupDialog = _shown(SetupDialog)
    conn = sandbox.info["sheepcrm"]
    assert setup.url_field.text() == conn["base_url"]
    assert setup.bucket_field.text() == conn["bucket"]
    setup.reject()
    assert not flow.restart


def test_a_settings_dialog_fits_a_1024_by_640_screen(
    make_desk: Any, sandbox: Sandbox, qtbot: Any, config_home: Path
) -> None:
    _desk, flow, _stop = _desk_with_settings(make_desk, sandbox, config_home)
    dialog = flow.open()
    qtbot.wait_until(dialog.isVisible)
    hint = dialog.sizeHint()
    assert hint.width() <= 1024
    assert hint.height() <= 600  # a title bar and a panel still fit above and below


def test_help_lists_every_shortcut_in_the_windows_language(
    make_desk: Any, sandbox: Sandbox, qtbot: Any, qapp: QApplication
) -> None:
    german = Translations(qapp)
    german.use("de")
    try:
        desk = make_desk("sheepcrm", sandbox.info["sheepcrm"])
        desk.window.activateWindow()
        qtbot.wait_until(desk.window.isActiveWindow)
        assert desk.window.shortcuts_action.text() == "&Tastenkürzel"
        qtbot.keyClick(desk.window.search, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
        qtbot.wait_until(lambda: _shown(ShortcutsHelp) is not None)
        rows = _shown(ShortcutsHelp).rows()
        assert len(rows) == len(SHORTCUTS)
        keys = [k for k, _ in rows]
        for key in ("Ctrl+1", "Ctrl+4", "Esc", "Ctrl+L", "Ctrl+,", "Ctrl+/", "F1", "Ctrl+Q"):
            assert key in keys
        english = {what for _, what in SHORTCUTS}
        assert not english & {what for _, what in rows}  # every line in German
        _shown(ShortcutsHelp).close()
    finally:
        german.uninstall()


def test_the_staff_corner_answers_at_the_screens_very_edge(make_kiosk: Any, qtbot: Any) -> None:
    kiosk = make_kiosk("sheepcrm")
    window = kiosk.window
    edge = QPoint(window.width() - 1, 0)  # the top-right pixel a finger lands on
    target = window.childAt(edge)
    assert target is window.staff_corner
    spot = target.mapFrom(window, edge)
    for _ in range(5):
        qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=spot)
    assert kiosk.page() == "pinPage"


def test_saving_only_the_scan_setting_applies_it_without_a_restart(
    make_desk: Any, sandbox: Sandbox, qtbot: Any, config_home: Path, qloop: Any
) -> None:
    desk, flow, stop = _desk_with_settings(make_desk, sandbox, config_home)
    before = flow.profile
    assert before is not None
    chosen = dataclasses.replace(before, desk=DeskSettings(check_in_on_scan=True))
    keeping = qloop.create_task(flow.keep(chosen))
    qtbot.wait_until(keeping.done)
    assert desk.vm.scan_checks_in
    assert not stop.is_set()
