"""Issue 17, items 11 and 12: the kiosk's fields keep nothing of an earlier guest (no undo,
no context menu, no paste), and desk mode opened from the staff menu locks back to
self-service by itself after the idle time, with a button to go back at once."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from kiosk.domain import Status
from kiosk.search import fold
from kiosk.ui.selfservice import attach_desk
from tests.ui.kiosk_harness import PIN, Kiosk, type_in, unique_last_name

_CTRL = Qt.KeyboardModifier.ControlModifier


def test_ctrl_z_after_the_idle_wipe_brings_back_no_earlier_guest(
    make_kiosk: Any, qtbot: Any
) -> None:
    kiosk = make_kiosk("sheepcrm")
    window = kiosk.window
    field = window.welcome.field
    before = unique_last_name(kiosk.guests, Status.ACCEPTED)
    type_in(qtbot, field, before.last_name, enter=False)
    window.reset()  # the idle wipe, as the timer does
    assert field.text() == ""
    qtbot.keyClick(field, Qt.Key.Key_Z, _CTRL)
    assert field.text() == ""
    qtbot.keyClick(field, Qt.Key.Key_Z, _CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(field, Qt.Key.Key_Y, _CTRL)
    assert field.text() == ""
    assert not field.isUndoAvailable()
    assert not field.isRedoAvailable()
    field.undo()  # what right-click → Undo would do, had the field a menu
    assert field.text() == ""
    assert field.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu


def test_every_page_change_forgets_the_history(make_kiosk: Any, qtbot: Any) -> None:
    kiosk = make_kiosk("sheepcrm")
    window = kiosk.window
    guest = unique_last_name(kiosk.guests, Status.ACCEPTED)
    type_in(qtbot, window.welcome.field, guest.last_name)
    assert kiosk.page() == "factorPage"
    assert not window.welcome.field.isUndoAvailable()
    type_in(qtbot, window.factor.field, "zzz", enter=False)
    qtbot.keyClick(window.factor.field, Qt.Key.Key_Escape)  # start over
    assert kiosk.page() == "welcomePage"
    for field in (window.welcome.field, window.factor.field, window.pin.field):
        assert not field.isUndoAvailable(), field.objectName()
    qtbot.keyClick(window.welcome.field, Qt.Key.Key_Z, _CTRL)
    assert fold(guest.last_name) not in fold(window.welcome.field.text())


def test_paste_brings_back_nothing(make_kiosk: Any, qtbot: Any, qapp: QApplication) -> None:
    kiosk = make_kiosk("sheepcrm")
    qapp.clipboard().setText("Someone Else")
    qtbot.keyClick(kiosk.window.welcome.field, Qt.Key.Key_V, _CTRL)
    assert kiosk.window.welcome.field.text() == ""


def _to_desk(kiosk: Kiosk, qtbot: Any) -> None:
    window = kiosk.window
    window.open_staff()
    type_in(qtbot, window.pin.field, PIN)
    qtbot.wait_until(lambda: kiosk.page() == "staffPage", timeout=5000)
    window.staff.open_desk.click()
    qtbot.wait_until(kiosk.desk.window.isVisible, timeout=2000)
    assert not window.isVisible()


def test_desk_mode_left_untouched_locks_back_to_self_service(make_kiosk: Any, qtbot: Any) -> None:
    kiosk = make_kiosk("sheepcrm")  # idle 0.6 s
    desk_window = kiosk.desk.window
    desk_window.hide()
    attach_desk(kiosk.window, desk_window, kiosk.translations, "en")
    _to_desk(kiosk, qtbot)
    desk_window.search.setText("a")  # the whole guest list, on a public screen
    qtbot.wait_until(kiosk.window.isVisible, timeout=5000)
    assert not desk_window.isVisible()
    assert kiosk.page() == "welcomePage"
    assert desk_window.search.text() == ""  # nothing of the desk's search stays


def test_desk_mode_in_use_stays_and_a_button_goes_back(make_kiosk: Any, qtbot: Any) -> None:
    kiosk = make_kiosk("sheepcrm")
    desk_window = kiosk.desk.window
    desk_window.hide()
    attach_desk(kiosk.window, desk_window, kiosk.translations, "en")
    _to_desk(kiosk, qtbot)
    back = desk_window.findChild(QPushButton, "backToKiosk")
    assert back is not None
    assert back.isVisible()
    assert back.text() == "Back to self-service"
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    qtbot.wait_until(kiosk.window.isVisible, timeout=2000)
    assert not desk_window.isVisible()
    assert kiosk.page() == "welcomePage"
