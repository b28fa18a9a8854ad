"""Finding at the desk window over real HTTP, on both platforms: a ticket by a part of
its code, "no guest matches", filters, sorting by a column, and a kiosk's desk
reference typed or scanned."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QTableView, QToolButton

from kiosk.app import Desk
from kiosk.domain import Status
from kiosk.sandbox import Sandbox
from kiosk.services.selfservice import SeeDesk, SelfCheckin
from kiosk.ui.scanner import MIN_CHARS
from kiosk.ui.viewmodel import LIST_LIMIT
from tests.ui.wedge import Wedge

PLATFORMS = ["attendu", "sheepcrm"]


def _child(desk: Desk, kind: type[Any], name: str) -> Any:
    found = desk.window.findChild(kind, name)
    assert found is not None, name
    return found


def _listed(desk: Desk) -> list[str]:
    model = desk.window.model
    return [str(model.guest_id(row)) for row in range(model.rowCount())]


def _type(desk: Desk, qtbot: Any, text: str) -> None:
    search = _child(desk, QLineEdit, "searchField")
    search.clear()
    qtbot.keyClicks(search, text)


@pytest.mark.parametrize("platform", PLATFORMS)
def test_a_ticket_found_by_a_part_of_its_code_and_a_miss_said(
    make_desk: Any, sandbox: Sandbox, qtbot: Any, platform: str
) -> None:
    desk = make_desk(platform, sandbox.info[platform])
    guest = next(g for g in desk.service.index.all() if g.ticket.count("-") >= 1)
    last_part = guest.ticket.rsplit("-", 1)[1]
    _type(desk, qtbot, last_part)
    assert guest.id in _listed(desk)
    qtbot.wait_until(lambda: desk.window.details.guest_id is not None, timeout=2000)
    _type(desk, qtbot, "QQQQ-0000")
    note = _child(desk, QLabel, "resultsNote")
    assert _listed(desk) == []
    assert note.isVisible()
    assert note.text() == "No guest matches “QQQQ-0000”."


@pytest.mark.parametrize("platform", PLATFORMS)
def test_filters_and_a_column_order_by_touch(
    make_desk: Any, sandbox: Sandbox, qtbot: Any, platform: str
) -> None:
    desk = make_desk(platform, sandbox.info[platform])
    button = _child(desk, QToolButton, "filterButton")
    assert button.text() == "Filter"
    _child(desk, QAction, f"filterStatus-{Status.ATTENDED.wire}").trigger()  # a tap in its menu
    assert button.text() == "Attended"
    listed = [desk.service.guest(gid) for gid in _listed(desk)]
    everyone = desk.service.index.all()
    attended = [g for g in everyone if g.status is Status.ATTENDED]
    assert len(listed) == min(LIST_LIMIT, len(attended))
    assert all(g is not None and g.status is Status.ATTENDED for g in listed)
    _child(desk, QAction, "filterVip").trigger()
    assert button.text() == "Attended · VIP"
    listed = [desk.service.guest(gid) for gid in _listed(desk)]
    assert [g.id for g in listed if g] == [g.id for g in attended if g.starred]
    # The email column, by a tap on its header: A to Z, then Z to A.
    _child(desk, QAction, "filterClear").trigger()
    assert button.text() == "Filter"
    # Ticket types: Attendu names them; the sandbox's sheepCRM rows carry none.
    kinds = desk.service.index.ticket_types()
    assert bool(kinds) is (platform == "attendu")
    for kind in kinds[:1]:
        _child(desk, QAction, f"filterType-{kind}").trigger()
        assert button.text() == kind
        listed = [desk.service.guest(gid) for gid in _listed(desk)]
        of_kind = [g for g in everyone if g.ticket_type == kind]
        assert len(listed) == min(LIST_LIMIT, len(of_kind))
        assert all(g is not None and g.ticket_type == kind for g in listed)
        _child(desk, QAction, "filterClear").trigger()
    _type(desk, qtbot, "an")
    table = _child(desk, QTableView, "resultsView")
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(1) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    emails = [desk.service.guest(gid).email.lower() for gid in _listed(desk)]
    shown = [e for e in emails if e]
    assert len(shown) > 3
    assert shown == sorted(shown)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    emails = [desk.service.guest(gid).email.lower() for gid in _listed(desk)]
    assert [e for e in emails if e] == sorted(shown, reverse=True)
    # By keyboard, from the Filter menu: the ticket column.
    _child(desk, QAction, "sort-ticket").trigger()
    tickets = [str(desk.service.guest(gid).ticket).lower() for gid in _listed(desk)]
    assert tickets == sorted(tickets)


@pytest.mark.parametrize("platform", PLATFORMS)
def test_changed_at_this_desk_lists_only_those(
    make_desk: Any, sandbox: Sandbox, qtbot: Any, platform: str
) -> None:
    desk = make_desk(platform, sandbox.info[platform])
    guest = next(g for g in desk.service.index.all() if g.status is Status.ACCEPTED and g.email)
    _type(desk, qtbot, guest.email)
    qtbot.keyClick(
        _child(desk, QLineEdit, "searchField"), Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier
    )
    _type(desk, qtbot, "")
    _child(desk, QAction, "filterChangedHere").trigger()
    assert _listed(desk) == [guest.id]
    shown = desk.service.guest(guest.id)
    assert shown is not None
    assert shown.status is Status.ATTENDED


@pytest.mark.parametrize("platform", PLATFORMS)
def test_a_kiosk_reference_opens_the_guest_and_says_what_happened(
    make_desk: Any, sandbox: Sandbox, qtbot: Any, platform: str
) -> None:
    desk = make_desk(platform, sandbox.info[platform])
    declined = next(g for g in desk.service.index.all() if g.status is Status.DECLINED)
    # The kiosk (the same roster, its own screen) sends the guest to the desk.
    kiosk = SelfCheckin(desk.service)
    kiosk.begin(declined.ticket)
    step = kiosk.confirm()
    assert isinstance(step, SeeDesk)
    assert step.reference.startswith("D-")
    _type(desk, qtbot, step.reference.lower())
    assert declined.id in _listed(desk)
    qtbot.wait_until(lambda: desk.window.details.guest_id in _listed(desk), timeout=2000)
    message = _child(desk, QLabel, "scanMessage")
    assert message.isVisible()
    assert message.text().startswith(f"{step.reference} at the kiosk: ")
    assert "declined the invitation" in message.text()
    # A reference for no guest: what happened, and no one opened.
    _type(desk, qtbot, "N-AAAA")
    assert _listed(desk) == []
    assert "no guest had the name given" in message.text()


def test_a_kiosk_reference_scanned_opens_the_guest(
    make_desk: Any, sandbox: Sandbox, qtbot: Any
) -> None:
    desk = make_desk("sheepcrm", sandbox.info["sheepcrm"])
    desk.window.activateWindow()
    desk.window.search.setFocus()
    qtbot.wait_until(lambda: QApplication.focusWidget() is desk.window.search)
    desk.window.scanner.min_chars = MIN_CHARS  # tests/ui/conftest.py turns it off
    declined = next(g for g in desk.service.index.all() if g.status is Status.DECLINED)
    kiosk = SelfCheckin(desk.service)
    kiosk.begin(declined.ticket)
    step = kiosk.confirm()
    assert isinstance(step, SeeDesk)
    Wedge().scan(step.reference)  # a scanner types it as a wedge does, Enter and all
    message = _child(desk, QLabel, "scanMessage")
    qtbot.wait_until(lambda: message.text().startswith(f"{step.reference} at the kiosk"))
    assert declined.id in _listed(desk)
    assert "declined the invitation" in message.text()
    sent = [r for r in sandbox.requests("sheepcrm") if r.method == "PUT"]
    assert sent == []  # a reference opens the guest; it changes no one
