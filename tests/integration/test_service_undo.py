"""Undo without a window, over real HTTP against the sandbox with the outbox on disk:
an undo while the change is on the wire neither loses nor doubles it; after a restart
a tried change is never withdrawn; a withdrawn change stays withdrawn across one."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.domain import Status, StatusChange
from kiosk.sandbox import Faults, Sandbox
from kiosk.services.state import Delivery
from kiosk.services.undo import UndoLast, Undone
from kiosk.store.outbox import EntryState
from tests.integration.service_desk import open_desk, puts_for

pytestmark = [pytest.mark.anyio, pytest.mark.timeout(60)]


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def test_an_undo_while_the_change_is_on_the_wire_sends_it_back_after_it(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    async with open_desk(sandbox, "sheepcrm", tmp_path / "desk.sqlite3") as desk:
        sandbox.set_faults(Faults(latency=0.3, only="PUT"))
        guest = desk.guest_with(Status.ACCEPTED)
        undo = UndoLast(desk.service)
        change = desk.service.set_status(guest.id, Status.ATTENDED)
        assert isinstance(change, StatusChange)
        undo.offer(change)
        desk.start_sending()
        await desk.heard.until(lambda: desk.delivery(guest.id) is Delivery.SENT)
        outcome, back = undo.undo()  # now, without waiting for the answer
        assert outcome is Undone.SENT_BACK
        assert back is not None
        assert undo.undo() == (Undone.TOO_LATE, None)  # once only
        await desk.heard.until(lambda: desk.service.pending_count() == 0, within=20)
        assert [dict(r.query)["status"] for r in puts_for(sandbox, guest)] == [
            "attended",
            "accepted",
        ]
        states = {e.change.key: e.state for e in desk.service.outbox.all()}
        assert states == {change.key: EntryState.DELIVERED, back.key: EntryState.DELIVERED}
        assert sandbox.sheepcrm_session_of(guest.platform_ref)["status"] == "accepted"


async def test_after_a_restart_a_tried_change_is_sent_back_not_withdrawn(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    """Whether an earlier run's try reached the platform is not known: never withdrawn."""
    store = tmp_path / "desk.sqlite3"
    async with open_desk(sandbox, "sheepcrm", store) as desk:
        guest = desk.guest_with(Status.ACCEPTED)
        change = desk.service.set_status(guest.id, Status.ATTENDED)
        assert isinstance(change, StatusChange)
        desk.service.outbox.begin_attempt(change.key)  # tried, then the process died
    async with open_desk(sandbox, "sheepcrm", store) as again:
        undo = UndoLast(again.service)
        undo.offer(change)
        outcome, back = undo.undo()
        assert outcome is Undone.SENT_BACK
        assert back is not None
        again.start_sending()
        await again.heard.until(lambda: again.service.pending_count() == 0)
        assert [dict(r.query)["status"] for r in puts_for(sandbox, guest)] == ["accepted"]
        entry = again.service.outbox.get(change.key)
        assert entry is not None
        assert entry.state is EntryState.SUPERSEDED  # replaced by the undo, kept


async def test_a_withdrawn_change_stays_withdrawn_after_a_restart(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    store = tmp_path / "desk.sqlite3"
    async with open_desk(sandbox, "sheepcrm", store) as desk:
        guest = desk.guest_with(Status.ACCEPTED)
        undo = UndoLast(desk.service)
        change = desk.service.set_status(guest.id, Status.ATTENDED)
        assert isinstance(change, StatusChange)
        undo.offer(change)
        assert undo.undo() == (Undone.WITHDRAWN, None)  # the sender has not run yet
    async with open_desk(sandbox, "sheepcrm", store) as again:
        assert again.service.pending_count() == 0  # nothing for the sender to take
        entry = again.service.outbox.get(change.key)
        assert entry is not None
        assert entry.state is EntryState.WITHDRAWN
        shown = again.service.guest(guest.id)
        assert shown is not None
        assert shown.status is Status.ACCEPTED
        assert puts_for(sandbox, guest) == []
