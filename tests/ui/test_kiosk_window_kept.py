"""The kiosk window is never gone while Kiosk runs: a close request or a destroyed
window from outside (a window manager, a session tool) brings it back full screen."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication


def test_a_window_destroyed_from_outside_is_shown_again(
    make_kiosk: Any, qtbot: Any, qapp: QApplication
) -> None:
    kiosk = make_kiosk("sheepcrm")
    window = kiosk.window
    handle = window.windowHandle()
    assert handle is not None
    assert handle.close() is False  # a close request is refused (needs the staff PIN)
    handle.destroy()  # what a window manager or xkill -id does to the native window
    qtbot.wait_until(lambda: window.isVisible() and window.isFullScreen(), timeout=5000)
    assert kiosk.page() == "welcomePage"


def test_hidden_for_desk_mode_it_stays_hidden(
    make_kiosk: Any, qtbot: Any, qapp: QApplication
) -> None:
    kiosk = make_kiosk("sheepcrm")
    window, desk = kiosk.window, kiosk.desk.window
    window.hide()  # as attach_desk does, the desk shown in the same turn
    desk.show()
    for _ in range(3):  # the turns in which a lost kiosk window would be shown again
        qapp.processEvents()
    assert not window.isVisible()
    desk.hide()
