"""Parties and walk-ins at the desk window over real HTTP, on both platforms: what the
person sees, and what the platform received."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QLineEdit, QPushButton, QSpinBox

from kiosk.app import Desk
from kiosk.domain import Guest, Status
from kiosk.sandbox import Sandbox
from kiosk.ui.desk_toolkit import DeskToolkit
from kiosk.ui.translations import Translations
from kiosk.ui.walkin_dialog import WalkInDialog
from tests.ui.test_guestlist_flows import (
    make_list_desk,  # noqa: F401 - a fixture
    write_guest_list,
)


def _child(desk: Desk, kind: type[Any], name: str) -> Any:
    found = desk.window.findChild(kind, name)
    assert found is not None, name
    return found


def _open_guest(desk: Desk, qtbot: Any, guest: Guest) -> None:
    search = _child(desk, QLineEdit, "searchField")
    search.clear()
    qtbot.keyClicks(search, guest.email)
    qtbot.wait_until(lambda: desk.window.details.guest_id == guest.id, timeout=3000)


def _summary(desk: Desk) -> str:
    return str(_child(desk, QLabel, "partySummary").text())


def _party_lead(desk: Desk, *, size: int = 2) -> Guest:
    return next(
        g
        for g in desk.service.index.all()
        if g.status is Status.ACCEPTED and g.party_size >= size and g.email
    )


def test_attendu_some_of_a_party_by_keyboard_then_the_rest_by_touch(
    make_desk: Any, sandbox: Sandbox, qtbot: Any
) -> None:
    desk = make_desk("attendu", sandbox.info["attendu"])
    lead = _party_lead(desk)
    _open_guest(desk, qtbot, lead)
    assert _child(desk, QLabel, "partySummary").isVisible()
    assert _summary(desk) == f"Party of {lead.party_size}: 0 of {lead.party_size} in"
    sandbox.clear_requests()
    count = _child(desk, QSpinBox, "partyCount")
    count.setFocus()
    qtbot.keyClick(count, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(count, "1")
    assert count.value() == 1
    button = _child(desk, QPushButton, "partyCountCheckIn")
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)  # given back by the scan detector a moment on
    qtbot.wait_until(
        lambda: _summary(desk) == f"Party of {lead.party_size}: 1 of {lead.party_size} in"
    )
    qtbot.wait_until(lambda: sandbox.attendu_guest(lead.id)["status"]["attendance"] == 1)
    posts = [r for r in sandbox.requests("attendu") if r.path.endswith("/check-in")]
    assert [r.json["incrementBy"] for r in posts] == [1]
    # The rest of the party arrive: the count now offers the next one up; tap "all".
    count.setValue(lead.party_size)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.wait_until(
        lambda: sandbox.attendu_guest(lead.id)["status"]["attendance"] == lead.party_size
    )
    posts = [r for r in sandbox.requests("attendu") if r.path.endswith("/check-in")]
    assert [r.json["incrementBy"] for r in posts] == [1, lead.party_size - 1]
    qtbot.wait_until(
        lambda: (
            _summary(desk) == f"Party of {lead.party_size}: {lead.party_size} of "
            f"{lead.party_size} in"
        )
    )


def test_sheepcrm_rows_of_a_booking_ticked_and_checked_in(
    make_desk: Any, sandbox: Sandbox, qtbot: Any
) -> None:
    desk = make_desk("sheepcrm", sandbox.info["sheepcrm"])
    lead = _party_lead(desk)
    _open_guest(desk, qtbot, lead)
    assert _summary(desk) == f"Party of {lead.party_size}: 0 of {lead.party_size} in"
    toolkit = desk.window.findChild(DeskToolkit)
    party = toolkit.parties.party(lead.id)
    assert party is not None
    plus_one = party.members[1]
    box = _child(desk, QCheckBox, f"partyRow-{plus_one.id}")
    assert plus_one.first_name in box.text()
    sandbox.clear_requests()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(_child(desk, QPushButton, "partyRowsCheckIn"), Qt.MouseButton.LeftButton)
    qtbot.wait_until(lambda: sandbox.sheepcrm_session(plus_one.id)["status"] == "attended")
    puts = [r for r in sandbox.requests("sheepcrm") if r.method == "PUT"]
    assert [dict(r.query)["person_uri"] for r in puts] == [plus_one.platform_ref]
    assert sandbox.sheepcrm_session(lead.id)["status"] == "accepted"  # the host not yet
    assert _summary(desk) == f"Party of {lead.party_size}: 1 of {lead.party_size} in"
    assert not box.isEnabled()  # in: nothing more to do for that row


def _walk_in_dialog(desk: Desk, qtbot: Any) -> WalkInDialog:
    qtbot.keyClick(
        _child(desk, QLineEdit, "searchField"), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier
    )
    qtbot.wait_until(lambda: desk.window.findChild(WalkInDialog) is not None, timeout=2000)
    dialog = desk.window.findChild(WalkInDialog)
    assert dialog is not None
    qtbot.wait_until(dialog.isVisible, timeout=2000)
    return dialog


def test_attendu_walk_in_by_keyboard_is_added_checked_in_and_opened(
    make_desk: Any, sandbox: Sandbox, qtbot: Any
) -> None:
    desk = make_desk("attendu", sandbox.info["attendu"])
    assert _child(desk, QPushButton, "walkInButton").isEnabled()
    sandbox.clear_requests()
    dialog = _walk_in_dialog(desk, qtbot)
    qtbot.keyClicks(dialog.first, "Otakar")
    qtbot.keyClick(dialog.add, Qt.Key.Key_Return)  # no last name yet: said, nothing sent
    assert dialog.problem.isVisible()
    assert "last name" in dialog.problem.text()
    qtbot.keyClicks(dialog.last, "Chodec")
    dialog.party.setValue(2)
    qtbot.mouseClick(dialog.add, Qt.MouseButton.LeftButton)
    message = _child(desk, QLabel, "scanMessage")
    qtbot.wait_until(lambda: "checked in" in message.text(), timeout=15_000)
    assert message.text() == "✓ Walk-in Otakar Chodec added to Attendu and checked in."
    creates = [
        r for r in sandbox.requests("attendu") if r.method == "POST" and r.path.endswith("/guests")
    ]
    assert len(creates) == 1
    assert creates[0].json["properties"] == {"firstName": "Otakar", "lastName": "Chodec"}
    # The new guest is opened, as a search for them would: list, pane, status.
    qtbot.wait_until(lambda: desk.window.details.name.text() == "Otakar Chodec", timeout=3000)
    guest_id = desk.window.details.guest_id
    assert guest_id is not None
    assert desk.window.selected_guest_id() == guest_id
    qtbot.wait_until(
        lambda: sandbox.attendu_guest(guest_id)["status"]["attendance"] == 2, timeout=10_000
    )
    check_ins = [r for r in sandbox.requests("attendu") if r.path.endswith("/check-in")]
    assert [r.json["incrementBy"] for r in check_ins] == [2]


def test_sheepcrm_walk_in_button_is_disabled_and_says_why(
    make_desk: Any, sandbox: Sandbox, qtbot: Any
) -> None:
    desk = make_desk("sheepcrm", sandbox.info["sheepcrm"])
    button = _child(desk, QPushButton, "walkInButton")
    assert not button.isEnabled()
    assert "no way to add an attendee" in button.toolTip()
    sandbox.clear_requests()
    qtbot.keyClick(
        _child(desk, QLineEdit, "searchField"), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier
    )
    message = _child(desk, QLabel, "scanMessage")
    assert message.isVisible()
    assert message.text().startswith("No walk-ins here: sheepCRM's Events API (v2)")
    assert desk.window.findChild(WalkInDialog) is None
    assert QApplication.activeModalWidget() is None
    assert [r for r in sandbox.requests("sheepcrm") if r.method != "GET"] == []


def test_a_guest_list_file_takes_no_walk_in_and_says_why(
    make_list_desk: Any,  # noqa: F811 - the fixture imported above
    qtbot: Any,
    tmp_path: Path,
) -> None:
    path = write_guest_list(tmp_path)
    before = path.read_bytes()
    desk = make_list_desk(path)
    button = _child(desk, QPushButton, "walkInButton")
    assert not button.isEnabled()
    assert "add the guest to the file" in button.toolTip()
    qtbot.keyClick(
        _child(desk, QLineEdit, "searchField"), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier
    )
    assert "No walk-ins here" in _child(desk, QLabel, "scanMessage").text()
    assert desk.window.findChild(WalkInDialog) is None
    assert path.read_bytes() == before


def test_the_party_panel_speaks_german(
    make_desk: Any, sandbox: Sandbox, qtbot: Any, qapp: QApplication
) -> None:
    german = Translations(qapp)
    german.use("de")
    try:
        desk = make_desk("attendu", sandbox.info["attendu"])
        lead = _party_lead(desk)
        _open_guest(desk, qtbot, lead)
        size = lead.party_size
        assert _summary(desk) == f"Gruppe von {size}: 0 von {size} drinnen"
        assert _child(desk, QPushButton, "partyCountCheckIn").text() == "So viele einchecken"
        assert _child(desk, QPushButton, "walkInButton").text() == "+ Ohne Einladung"
    finally:
        german.uninstall()
