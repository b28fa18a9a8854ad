"""Issue 17, items 9 and 13: a keyboard-wedge scanner as it really types, a Shift press
before every capital, against the sandbox over real HTTP. The demo's own upper-case
codes check a guest in at the desk and find them at the kiosk, a code typed on a
Czech or German layout is still read, and a scan while "Is this you?" is up never
presses Yes."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from kiosk.app import Desk
from kiosk.domain import Guest, Status
from kiosk.sandbox import Sandbox
from kiosk.services.checkin import Delivery
from kiosk.ui.scanner import MIN_CHARS
from tests.ui.kiosk_harness import Kiosk, focused, reach_confirm
from tests.ui.wedge import Wedge


@pytest.fixture
def desk(make_desk: Any, sandbox: Sandbox, qtbot: Any) -> Desk:
    made: Desk = make_desk("sheepcrm", sandbox.info["sheepcrm"])
    made.window.activateWindow()
    made.window.search.setFocus()
    qtbot.wait_until(lambda: QApplication.focusWidget() is made.window.search)
    made.window.scanner.min_chars = MIN_CHARS  # tests/ui/conftest.py turns it off
    return made


def _upper_case_guest(guests: list[Guest], status_not: Status = Status.ATTENDED) -> Guest:
    return next(
        g
        for g in guests[len(guests) // 4 :]
        if g.status is not status_not and g.ticket.startswith("KSK-") and g.ticket.isupper()
    )


def _synced(desk: Desk, guest: Guest) -> bool:
    sync = desk.service.sync_state(guest.id)
    return sync is not None and sync.delivery is Delivery.SYNCED


def test_an_upper_case_code_sent_with_shift_checks_the_guest_in_on_scan(
    desk: Desk, qtbot: Any, sandbox: Sandbox
) -> None:
    desk.window.scan_checks_in.setChecked(True)
    guest = _upper_case_guest(desk.service.index.all())
    sandbox.clear_requests()
    Wedge().scan(guest.ticket)  # e.g. KSK-LDP8-EM7W: Shift, K, Shift, S, ...
    qtbot.wait_until(lambda: _synced(desk, guest), timeout=10_000)
    assert "checked in" in desk.window.scan_message.text()
    assert desk.window.selected_guest_id() == guest.id
    assert sandbox.sheepcrm_session(guest.id)["status"] == Status.ATTENDED.wire


def test_a_scan_without_enter_ends_by_its_pause_even_after_shift(desk: Desk, qtbot: Any) -> None:
    guest = _upper_case_guest(desk.service.index.all())
    with qtbot.waitSignal(desk.window.scanner.scanned, timeout=5000) as signal:
        Wedge().scan(guest.ticket, enter=False)
    assert signal.args == [guest.ticket]
    assert desk.window.selected_guest_id() == guest.id


def test_dead_keys_and_altgr_inside_a_burst_do_not_end_it(desk: Desk, qtbot: Any) -> None:
    guest = _upper_case_guest(desk.service.index.all())
    wedge = Wedge()
    with qtbot.waitSignal(desk.window.scanner.scanned, timeout=5000) as signal:
        half = len(guest.ticket) // 2
        wedge.scan(guest.ticket[:half], enter=False)
        # A dead key (no text) and AltGr pressed and released mid-burst.
        wedge.press(Qt.Key.Key_Dead_Acute)
        wedge.press(Qt.Key.Key_AltGr)
        wedge.scan(guest.ticket[half:])
    assert signal.args == [guest.ticket]


@pytest.mark.parametrize(
    ("layout", "table"),
    [
        ("cs", str.maketrans("1234567890-yzYZ", "+ěščřžýáíé=zyZY")),
        ("de", str.maketrans("-yzYZ", "ßzyZY")),
    ],
)
def test_a_code_typed_on_another_keyboard_layout_is_still_read(
    desk: Desk, qtbot: Any, layout: str, table: dict[int, str]
) -> None:
    # A US-set scanner on a Czech or German keyboard: the same keys, other characters.
    guest = next(
        g
        for g in _guests_with_digits(desk.service.index.all())
        if g.ticket.translate(table) != g.ticket
    )
    with qtbot.waitSignal(desk.window.scanner.scanned, timeout=5000):
        Wedge().scan(guest.ticket.translate(table))
    assert desk.window.selected_guest_id() == guest.id
    assert desk.window.scan_message.property("scan") == "found"


def _guests_with_digits(guests: list[Guest]) -> list[Guest]:
    return [g for g in guests if g.ticket.startswith("KSK-") and any(c.isdigit() for c in g.ticket)]


def test_typing_with_shift_at_a_persons_pace_stays_typing(desk: Desk, qtbot: Any) -> None:
    wedge = Wedge()
    scanner = desk.window.scanner
    for char in "Novak":
        wedge.pause(180)
        wedge.scan(char, enter=False)
    # Until the scanner's pause has passed: nothing may be taken for a scan.
    qtbot.wait_until(lambda: not scanner._pause.isActive() and not scanner._arm.isActive())
    assert desk.window.search.text() == "Novak"
    assert desk.window.scan_message.isHidden()


# -- the kiosk ---------------------------------------------------------------------------


def _kiosk_on(kiosk: Kiosk) -> None:
    kiosk.window.scanner.min_chars = MIN_CHARS


def test_the_kiosk_finds_a_guest_by_an_upper_case_code_sent_with_shift(
    make_kiosk: Any, qtbot: Any
) -> None:
    kiosk = make_kiosk("sheepcrm")
    _kiosk_on(kiosk)
    guest = _upper_case_guest(kiosk.guests)
    Wedge().scan(guest.ticket)
    qtbot.wait_until(lambda: kiosk.page() == "confirmPage", timeout=3000)
    card = kiosk.window.confirm.card.card
    assert card is not None
    assert card.guest_id == guest.id
    assert kiosk.window.welcome.field.text() == ""


def test_a_scan_while_is_this_you_is_up_checks_in_nobody_shown(
    make_kiosk: Any, qtbot: Any, qapp: QApplication
) -> None:
    kiosk = make_kiosk("sheepcrm")
    window = kiosk.window
    shown = next(
        g
        for g in kiosk.guests
        if g.status is Status.ACCEPTED and g.email.isascii() and reach_confirm(kiosk, qtbot, g)
    )
    assert focused(qapp) is window.confirm.yes
    _kiosk_on(kiosk)
    other = _upper_case_guest([g for g in kiosk.guests if g.id != shown.id])
    Wedge().scan(other.ticket)  # the scanner's Enter lands on the focused Yes
    qtbot.wait_until(lambda: kiosk.page() == "confirmPage", timeout=3000)
    card = window.confirm.card.card
    assert card is not None
    assert card.guest_id == other.id  # the scanned guest, asked
    assert kiosk.desk.service.outbox.pending() == []  # and nobody checked in


def test_yes_is_never_pressed_by_a_burst_the_scanner_detector_let_through(
    make_kiosk: Any, qtbot: Any, qapp: QApplication
) -> None:
    """A burst too short to be a scan (a damaged label, a partial read) ends with the
    scanner's Enter on the focused Yes: that Enter is no one's decision."""
    kiosk = make_kiosk("sheepcrm")
    window = kiosk.window
    assert next(
        g
        for g in kiosk.guests
        if g.status is Status.ACCEPTED and g.email.isascii() and reach_confirm(kiosk, qtbot, g)
    )
    _kiosk_on(kiosk)
    Wedge().scan("AB1")
    assert kiosk.page() == "confirmPage"
    assert kiosk.desk.service.outbox.pending() == []
    # A person's deliberate Enter, a moment later, still says yes.
    later = window.confirm.deliberate.clock() + 1.0
    window.confirm.deliberate.clock = lambda: later
    enter = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window.confirm.yes, enter)
    assert kiosk.page() in ("donePage", "deskPage")
