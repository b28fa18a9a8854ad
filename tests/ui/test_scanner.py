"""A keyboard-wedge scanner at the desk window, over real HTTP to the sandbox: bursts with
and without Enter open the right guest wherever the focus is, typing stays typing, a
double scan is applied once, and an unknown code is said so."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
)

from kiosk.app import Desk
from kiosk.domain import Guest, Status
from kiosk.sandbox import Sandbox
from kiosk.services.checkin import Delivery
from kiosk.ui.scanner import MAX_GAP_S, MIN_CHARS, ScanDetector

SCANNER_GAP = 0.004  # a scanner's time between two keys
TYPING_GAP = 0.150  # a person's


class Clock:
    """A test clock: every reading is ``step`` seconds after the previous one, so each
    key press looks as far apart as the test wants, however fast QtTest sends them."""

    def __init__(self, step: float) -> None:
        self.now = 1000.0
        self.step = step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


@pytest.fixture
def desk(make_desk: Any, sandbox: Sandbox, qtbot: Any) -> Desk:
    made: Desk = make_desk("sheepcrm", sandbox.info["sheepcrm"])
    window = made.window
    window.activateWindow()
    window.search.setFocus()
    qtbot.wait_until(lambda: QApplication.focusWidget() is window.search)
    return made


def _scanner(desk: Desk, step: float = SCANNER_GAP) -> ScanDetector:
    scanner = desk.window.scanner
    scanner.clock = Clock(step)
    scanner.min_chars = MIN_CHARS  # tests/ui/conftest.py turns detection off by default
    return scanner


def _some_guest(desk: Desk, status_not: Status = Status.ATTENDED) -> Guest:
    guests = desk.service.index.all()
    # A declined guest is asked about before a scan checks them in (issue 18).
    wanted = [g for g in guests[len(guests) // 3 :] if g.status is not Status.DECLINED]
    return next(g for g in wanted if g.status is not status_not)


def _message(desk: Desk) -> QLabel:
    found = desk.window.findChild(QLabel, "scanMessage")
    assert found is not None
    return found


def _scan(qtbot: Any, code: str, *, enter: bool) -> None:
    """Type ``code`` into whatever has focus, as a scanner would."""
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClicks(target, code)
    if enter:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)


def _opened(desk: Desk, guest: Guest) -> bool:
    return desk.window.selected_guest_id() == guest.id and desk.window.details.guest_id == guest.id


def test_a_burst_with_enter_opens_the_guest(desk: Desk, qtbot: Any) -> None:
    guest = _some_guest(desk)
    _scanner(desk)
    with qtbot.waitSignal(desk.window.scanner.scanned, timeout=5000) as signal:
        _scan(qtbot, guest.ticket, enter=True)
    assert signal.args == [guest.ticket]
    assert _opened(desk, guest)
    assert desk.window.search.text() == guest.ticket
    assert [desk.window.model.guest_id(r) for r in range(desk.window.model.rowCount())] == [
        guest.id
    ]
    # Focus went to the status buttons, as after Enter on a typed search.
    focused = QApplication.focusWidget()
    assert isinstance(focused, QPushButton)
    assert focused.objectName().startswith("status-")
    assert guest.name in _message(desk).text()
    assert desk.service.pending_count() == 0  # opening is not checking in


def test_a_burst_without_enter_opens_the_guest_after_the_pause(desk: Desk, qtbot: Any) -> None:
    guest = _some_guest(desk)
    _scanner(desk)
    with qtbot.waitSignal(desk.window.scanner.scanned, timeout=5000):
        _scan(qtbot, guest.ticket.lower(), enter=False)
    qtbot.wait_until(lambda: _opened(desk, guest), timeout=5000)


def test_a_person_uri_or_a_url_holding_one_opens_the_guest(desk: Desk, qtbot: Any) -> None:
    guest = _some_guest(desk)
    person_id = guest.platform_ref.strip("/").rsplit("/", 1)[-1]
    for code in (guest.platform_ref, f"https://sheep.example/demo/person/{person_id}/", guest.id):
        desk.window.clear_search()
        _scanner(desk)
        with qtbot.waitSignal(desk.window.scanner.scanned, timeout=5000):
            _scan(qtbot, code, enter=True)
        assert _opened(desk, guest), code


def test_a_scan_while_a_status_button_has_focus_presses_nothing(
    desk: Desk, qtbot: Any, sandbox: Sandbox
) -> None:
    first, second = _some_guest(desk), _some_guest(desk, status_not=Status.NO_SHOW)
    _scanner(desk)
    _scan(qtbot, first.ticket, enter=True)
    qtbot.wait_until(lambda: _opened(desk, first))
    focused = QApplication.focusWidget()
    assert isinstance(focused, QPushButton)  # a status button: Enter would press it
    sandbox.clear_requests()
    _scanner(desk)
    _scan(qtbot, second.ticket if second.id != first.id else first.id, enter=True)
    qtbot.wait_until(lambda: desk.window.details.guest_id is not None)
    assert desk.service.pending_count() == 0
    assert not [r for r in sandbox.requests(platform="sheepcrm") if r.method == "PUT"]
    shown = desk.service.guest(first.id)
    assert shown is not None
    assert shown.status is first.status


def test_typing_at_human_speed_stays_typing(desk: Desk, qtbot: Any) -> None:
    _scanner(desk, step=TYPING_GAP)
    guest = _some_guest(desk)
    text = guest.email[:10]
    qtbot.keyClicks(desk.window.search, text)
    qtbot.keyClick(desk.window.search, Qt.Key.Key_Return)
    assert desk.window.search.text() == text
    assert not _message(desk).isVisible()


def test_a_short_fast_burst_is_given_back_to_the_field(desk: Desk, qtbot: Any) -> None:
    """Two or three keys rolled over by a quick typist are not a scan: they arrive."""
    search = desk.window.search
    _scanner(desk)
    qtbot.keyClicks(search, "ann")
    qtbot.wait_until(lambda: search.text() == "ann", timeout=2000)
    assert not _message(desk).isVisible()
    assert MAX_GAP_S > SCANNER_GAP


def test_an_unknown_code_is_said_so(desk: Desk, qtbot: Any) -> None:
    before = desk.window.selected_guest_id()
    _scanner(desk)
    _scan(qtbot, "NOPE-0000-0000", enter=True)
    message = _message(desk)
    qtbot.wait_until(message.isVisible)
    assert "Unknown code" in message.text()
    assert "NOPE-0000-0000" in message.text()
    assert message.property("scan") == "unknown"
    assert before is not None
    # Nobody is chosen after it (issue 18): Ctrl+4 must not act on the guest shown before.
    assert desk.window.selected_guest_id() is None
    assert desk.window.details.guest_id is None
    assert desk.window.search.text() == ""


def test_check_in_on_scan_applies_a_double_scan_once(
    desk: Desk, qtbot: Any, sandbox: Sandbox
) -> None:
    toggle = desk.window.findChild(QCheckBox, "scanChecksIn")
    assert toggle is not None
    assert toggle.isVisible()
    assert not toggle.isChecked()
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert desk.vm.scan_checks_in
    guest = _some_guest(desk)
    sandbox.clear_requests()
    desk.window.search.setFocus()
    clock = Clock(SCANNER_GAP)
    _scanner(desk).clock = clock
    _scan(qtbot, guest.ticket, enter=True)
    qtbot.wait_until(
        lambda: (
            (s := desk.service.sync_state(guest.id)) is not None and s.delivery is Delivery.SYNCED
        ),
        timeout=10_000,
    )
    assert "checked in" in _message(desk).text()
    # The same ticket again a moment later (the scanner fired twice): nothing new.
    clock.now += 1.0
    _scan(qtbot, guest.ticket, enter=True)
    assert "Scanned again" in _message(desk).text()
    # Later still it is a new scan, but the guest is already in: said, not re-sent.
    clock.now += 10.0
    _scan(qtbot, guest.ticket, enter=True)
    assert "already checked in" in _message(desk).text()
    puts = [r for r in sandbox.requests(platform="sheepcrm") if r.method == "PUT"]
    assert len(puts) == 1
    assert sandbox.sheepcrm_session(guest.id)["status"] == Status.ATTENDED.wire


def test_scan_message_goes_when_the_person_types(desk: Desk, qtbot: Any) -> None:
    _scanner(desk)
    _scan(qtbot, "NOPE-0000-0001", enter=True)
    assert _message(desk).isVisible()
    _scanner(desk, step=TYPING_GAP)
    desk.window.search.setFocus()
    qtbot.keyClicks(desk.window.search, "a")
    assert not _message(desk).isVisible()


def test_scanner_ignores_other_windows(desk: Desk, qtbot: Any) -> None:
    other = QLineEdit()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    other.setFocus()
    qtbot.wait_until(lambda: QApplication.focusWidget() is other)
    _scanner(desk)
    qtbot.keyClicks(other, "KSK-AAAA-BBBB")
    qtbot.keyClick(other, Qt.Key.Key_Return)
    assert other.text() == "KSK-AAAA-BBBB"
    assert not _message(desk).isVisible()


def test_a_rescan_without_check_in_opens_the_guest_again(desk: Desk, qtbot: Any) -> None:
    """Only a check-in is guarded against a double scan: the person who closed the
    guest by mistake scans again and sees them again."""
    guest = _some_guest(desk)
    clock = Clock(SCANNER_GAP)
    _scanner(desk).clock = clock
    _scan(qtbot, guest.ticket, enter=True)
    qtbot.wait_until(lambda: _opened(desk, guest))
    other = next(g for g in desk.service.index.all() if g.id != guest.id)
    desk.window.search.setText(other.email)  # the person went on to someone else
    desk.window.search.setFocus()
    qtbot.wait_until(lambda: desk.window.details.guest_id == other.id)
    clock.now += 1.0
    _scan(qtbot, guest.ticket, enter=True)
    qtbot.wait_until(lambda: _opened(desk, guest))
    assert "Scanned again" not in _message(desk).text()
    assert guest.name in _message(desk).text()


def test_an_unknown_code_scanned_again_is_said_again(desk: Desk, qtbot: Any) -> None:
    clock = Clock(SCANNER_GAP)
    _scanner(desk).clock = clock
    _scan(qtbot, "NOPE-0000-0002", enter=True)
    assert _message(desk).property("scan") == "unknown"
    clock.now += 1.0
    _scan(qtbot, "NOPE-0000-0002", enter=True)
    assert _message(desk).property("scan") == "unknown"
    assert "Unknown code" in _message(desk).text()


def test_a_key_held_down_is_typing_however_fast_it_repeats(desk: Desk, qtbot: Any) -> None:
    search = desk.window.search
    _scanner(desk)  # every key 4 ms after the last, as fast as a scanner
    press = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
    QApplication.sendEvent(search, press)
    for _ in range(MIN_CHARS + 4):
        repeat = QKeyEvent(
            QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a", True
        )
        QApplication.sendEvent(search, repeat)
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert search.text() == "a" * (MIN_CHARS + 5)
    assert not _message(desk).isVisible()


def test_a_scan_while_a_question_is_open_answers_nothing(
    desk: Desk, qtbot: Any, sandbox: Sandbox
) -> None:
    # A guest changed at another desk, then picked here: Kiosk asks first.
    asked = next(g for g in desk.service.index.all() if g.status is Status.ACCEPTED)
    sandbox.set_sheepcrm_status(asked.platform_ref, "declined")
    desk.vm.reload()
    qtbot.wait_until(
        lambda: (g := desk.service.guest(asked.id)) is not None and g.status is Status.DECLINED,
        timeout=5000,
    )
    desk.window.search.setText(asked.email)
    desk.window.set_selected_status(Status.ATTENDED)
    box = desk.window.conflict_box
    assert isinstance(box, QMessageBox)
    qtbot.wait_until(box.isVisible)
    box.activateWindow()
    keep = box.findChild(QPushButton, "conflictKeep")
    assert keep is not None
    keep.setFocus()  # the default button: Enter would press it
    qtbot.wait_until(lambda: QApplication.focusWidget() is keep)

    other = _some_guest(desk)
    _scanner(desk)
    _scan(qtbot, other.ticket, enter=True)

    assert box.isVisible()
    assert box.clickedButton() is None  # the scan's Enter and letters answered nothing
    assert "while a message is open" in _message(desk).text()
    assert not _opened(desk, other)
    assert desk.window.selected_guest_id() == asked.id
    assert desk.service.pending_count() == 0


def test_a_scan_in_the_changes_list_opens_the_guest_in_the_window(desk: Desk, qtbot: Any) -> None:
    desk.window.show_changes(attention=False)
    dialog = desk.window.changes_dialog
    assert dialog is not None
    qtbot.wait_until(dialog.isVisible)
    dialog.activateWindow()
    dialog.table.setFocus()
    qtbot.wait_until(lambda: QApplication.focusWidget() is dialog.table)
    guest = _some_guest(desk)
    _scanner(desk)
    _scan(qtbot, guest.ticket, enter=True)
    assert _opened(desk, guest)
    assert guest.name in _message(desk).text()


def test_a_scan_handled_late_is_timed_by_when_its_keys_were_pressed(desk: Desk, qtbot: Any) -> None:
    """The window system stamps each key: a scan whose keys waited behind a busy window
    (handled 150 ms apart here) is still a scan, because they were pressed 4 ms apart."""
    guest = _some_guest(desk)
    _scanner(desk, step=TYPING_GAP)
    search = desk.window.search
    with qtbot.waitSignal(desk.window.scanner.scanned, timeout=5000) as signal:
        for n, char in enumerate(guest.ticket):
            key = QKeyEvent(
                QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char
            )
            key.setTimestamp(5_000_000 + 4 * n)
            QApplication.sendEvent(search, key)
        enter = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
        enter.setTimestamp(5_000_000 + 4 * len(guest.ticket))
        QApplication.sendEvent(search, enter)
    assert signal.args == [guest.ticket]
    assert _opened(desk, guest)
