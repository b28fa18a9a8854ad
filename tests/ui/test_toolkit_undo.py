"""Undo over real HTTP on both platforms: a sent change is answered with the previous
status sent back; an unsent one (the platform unreachable) is withdrawn and never sent;
both show in the Changes list, and the toast says what happened."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from kiosk.app import Desk
from kiosk.domain import Status
from kiosk.sandbox import Sandbox
from kiosk.services.checkin import Connection, Delivery
from kiosk.store.outbox import EntryState
from tests.ui.conftest import FAST_RETRY
from tests.ui.toolkit_desk import guest_with, pick, sheepcrm_statuses, writes_for

pytestmark = pytest.mark.timeout(90)


@pytest.fixture
def own_sandbox() -> Iterator[Sandbox]:
    """A sandbox of the test's own, so the platform can go away and come back."""
    sandbox = Sandbox(guests=300, seed=5)
    sandbox.start(0)
    try:
        yield sandbox
    finally:
        sandbox.stop()


def _changes(desk: Desk) -> list[tuple[str, str, str]]:
    """The Changes list as shown: status, from, outcome (newest first)."""
    desk.window.show_changes(attention=False)
    dialog = desk.window.changes_dialog
    assert dialog is not None
    dialog.reload()
    model = dialog.table.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    rows = []
    for row in range(model.rowCount()):
        cells = {headers[c]: model.index(row, c).data() for c in range(model.columnCount())}
        rows.append((cells.get("Guest", ""), cells.get("Status", ""), cells.get("Outcome", "")))
    return rows


@pytest.mark.parametrize("platform", ["sheepcrm", "attendu"])
def test_undo_after_the_change_was_sent_sends_the_previous_status_back(
    make_desk: Any, sandbox: Sandbox, qtbot: Any, platform: str
) -> None:
    desk = make_desk(platform, sandbox.info[platform])
    guest = guest_with(desk, Status.ACCEPTED)
    pick(desk, qtbot, guest, Status.ATTENDED)
    toast = desk.window.toolkit.toast
    assert toast.isVisible()
    assert f"{guest.first_name}" in toast.text.text()
    assert toast.button.text().startswith("Undo (")
    sync = lambda: desk.service.sync_state(guest.id)  # noqa: E731
    qtbot.wait_until(lambda: (s := sync()) is not None and s.delivery is Delivery.SYNCED)
    assert len(writes_for(sandbox, platform, guest)) == 1

    qtbot.keyClick(desk.window.search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait_until(lambda: "set back to Accepted" in toast.text.text())
    assert not toast.button.isVisible()
    qtbot.wait_until(lambda: desk.service.pending_count() == 0, timeout=10_000)
    sent = writes_for(sandbox, platform, guest)
    if platform == "sheepcrm":
        assert sheepcrm_statuses(sent) == ["attended", "accepted"]
        assert sandbox.sheepcrm_session_of(guest.platform_ref)["status"] == "accepted"
    else:
        assert [(r.method, r.path.rsplit("/", 1)[-1]) for r in sent] == [
            ("POST", "check-in"),
            ("DELETE", "check-in"),  # the check-in undone
            ("PATCH", guest.platform_ref),  # confirmed again, as accepted guests are
        ]
        assert sandbox.attendu_guest(guest.platform_ref)["status"]["attendance"] == 0
    qtbot.wait_until(lambda: (g := desk.service.guest(guest.id)) is not None
                     and g.status is Status.ACCEPTED)  # fmt: skip
    shown = _changes(desk)
    assert [row[1] for row in shown[:2]] == ["Accepted", "Attended"]
    # Only once: a second Ctrl+Z finds nothing to undo, and sends nothing.
    desk.window.activateWindow()
    qtbot.wait_until(desk.window.isActiveWindow)
    qtbot.keyClick(desk.window.search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(writes_for(sandbox, platform, guest)) == len(sent)


@pytest.mark.parametrize("platform", ["sheepcrm", "attendu"])
def test_undo_while_offline_withdraws_the_change_and_it_is_never_sent(
    make_desk: Any, own_sandbox: Sandbox, qtbot: Any, platform: str
) -> None:
    desk = make_desk(platform, own_sandbox.info[platform], retry=FAST_RETRY)
    port = int(own_sandbox.url.rsplit(":", 1)[1])
    guest = guest_with(desk, Status.ACCEPTED)
    own_sandbox.stop()  # the Wi-Fi drops
    pick(desk, qtbot, guest, Status.ATTENDED)
    qtbot.wait_until(lambda: desk.service.connection is Connection.OFFLINE, timeout=10_000)
    shown = desk.service.guest(guest.id)
    assert shown is not None
    assert shown.status is Status.ATTENDED  # saved on this kiosk, shown at once

    toast = desk.window.toolkit.toast
    qtbot.wait_until(lambda: toast.offering)
    qtbot.mouseClick(toast.button, Qt.MouseButton.LeftButton)  # a tap on Undo
    qtbot.wait_until(lambda: "Undone" in toast.text.text(), timeout=10_000)
    assert "withdrawn before it was sent" in toast.text.text()
    assert desk.service.pending_count() == 0
    back = desk.service.guest(guest.id)
    assert back is not None
    assert back.status is Status.ACCEPTED
    [entry] = [e for e in desk.service.outbox.all() if e.change.guest_id == guest.id]
    assert entry.state is EntryState.WITHDRAWN
    assert _changes(desk)[0][2] == "Undone before it was sent"

    own_sandbox.start(port)  # back: nothing goes out for this guest
    desk.vm.reload()
    qtbot.wait_until(lambda: desk.service.connection is Connection.ONLINE, timeout=15_000)
    later = desk.service.guest(guest.id)
    assert later is not None
    assert later.status is Status.ACCEPTED
    assert writes_for(own_sandbox, platform, guest) == []


def test_the_undo_offer_ends_with_its_time(make_desk: Any, sandbox: Sandbox, qtbot: Any) -> None:
    desk = make_desk("sheepcrm", sandbox.info["sheepcrm"])
    desk.window.toolkit.undo.window_s = 0.3  # the 10 s of the app, shortened
    guest = guest_with(desk, Status.ACCEPTED)
    pick(desk, qtbot, guest, Status.ATTENDED)
    toast = desk.window.toolkit.toast
    qtbot.wait_until(lambda: not toast.isVisible(), timeout=3000)
    # Ctrl+Z in the search field is the field's own again (its typing undone) ...
    qtbot.keyClick(desk.window.search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not toast.isVisible()
    # ... and Desk → Undo says why nothing happens.
    action = desk.window.findChild(QAction, "undoAction")
    assert action is not None
    action.trigger()
    qtbot.wait_until(lambda: "Nothing to undo" in toast.text.text())
    qtbot.wait_until(lambda: desk.service.pending_count() == 0, timeout=10_000)
    assert sheepcrm_statuses(writes_for(sandbox, "sheepcrm", guest)) == ["attended"]
