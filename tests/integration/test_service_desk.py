"""The desk-facing service without a window, over real HTTP against the sandbox with
the outbox on disk: changes made at another desk, discarding a change that needs a
person, and the end-of-day reconciliation CSV."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from kiosk.domain import Guest, Status, StatusChange
from kiosk.sandbox import Sandbox
from kiosk.services.checkin import Conflict, Delivery
from kiosk.store.outbox import EntryState
from tests.integration.service_desk import Desk, open_desk, puts_for

pytestmark = pytest.mark.anyio

CSV_HEADER = [
    "door_time", "kiosk", "guest_id", "guest", "status", "previous_status",
    "outcome", "attempts", "message", "change_key",
]  # fmt: skip


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def _declined_elsewhere_meanwhile(desk: Desk, sandbox: Sandbox) -> tuple[Guest, str]:
    """A change saved at this desk while offline (not yet sent); meanwhile another desk
    declines the same guest, and this desk's refresh sees it. Then the sender runs.
    Returns the guest and the change's key once its delivery has settled."""
    guest = desk.guest_with(Status.ACCEPTED)
    change = desk.service.set_status(guest.id, Status.ATTENDED)
    assert isinstance(change, StatusChange)
    sandbox.set_sheepcrm_status(guest.platform_ref, "declined")
    assert await desk.service.load_roster()
    desk.start_sending()
    await desk.delivered(guest.id)
    return guest, change.key


async def test_a_pick_over_a_change_made_at_another_desk_asks_first(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    async with open_desk(sandbox, "sheepcrm", tmp_path / "desk.sqlite3") as desk:
        service = desk.service
        desk.start_sending()
        guest = desk.guest_with(Status.ACCEPTED)
        sandbox.set_sheepcrm_status(guest.platform_ref, "declined")  # another desk
        assert await service.load_roster()  # the refresh that brings it

        elsewhere = service.changed_elsewhere(guest.id)
        assert elsewhere is not None
        assert elsewhere.status is Status.DECLINED
        shown = service.guest(guest.id)
        assert shown is not None
        assert shown.status is Status.DECLINED
        outcome = service.set_status(guest.id, Status.ATTENDED)
        assert isinstance(outcome, Conflict)  # the window asks the person
        assert outcome.guest.status is Status.DECLINED
        assert outcome.status is Status.ATTENDED
        assert service.conflict(guest.id, Status.DECLINED) is None  # the same pick: no question
        assert service.outbox.all() == []  # nothing recorded, nothing sent
        assert puts_for(sandbox, guest) == []

        # The person says "set it anyway": now it is sent, and the question is answered.
        forced = service.set_status(guest.id, Status.ATTENDED, force=True)
        assert isinstance(forced, StatusChange)
        assert service.changed_elsewhere(guest.id) is None
        await desk.delivered(guest.id)
        assert desk.delivery(guest.id) is Delivery.SYNCED
        assert sandbox.sheepcrm_session(guest.id)["status"] == "attended"


async def test_a_saved_change_is_not_written_over_a_newer_one_from_another_desk(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    async with open_desk(sandbox, "sheepcrm", tmp_path / "desk.sqlite3") as desk:
        service = desk.service
        guest, key = await _declined_elsewhere_meanwhile(desk, sandbox)

        sync = service.sync_state(guest.id)
        assert sync is not None
        assert sync.delivery is Delivery.FAILED
        assert sync.message.startswith("changed elsewhere since this kiosk saved it (now declined ")
        assert sync.message.endswith("); not overwritten — Retry sends it anyway")
        [attention] = service.outbox.needing_attention()
        assert (attention.change.key, attention.message) == (key, sync.message)
        assert puts_for(sandbox, guest) == []
        assert sandbox.sheepcrm_session(guest.id)["status"] == "declined"

        # Retry: the person says this desk's change wins; it is sent as a new change.
        again = service.retry(guest.id)
        assert isinstance(again, StatusChange)
        await desk.heard.until(lambda: desk.delivery(guest.id) is Delivery.SYNCED)
        assert sandbox.sheepcrm_session(guest.id)["status"] == "attended"
        [put] = puts_for(sandbox, guest)
        assert put.status == 200
        old = service.outbox.get(key)
        assert old is not None
        assert (old.state, old.message) == (EntryState.DISCARDED, "sent again")


async def test_a_discarded_change_leaves_the_outbox_and_is_never_sent(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    store = tmp_path / "desk.sqlite3"
    async with open_desk(sandbox, "sheepcrm", store) as desk:
        service = desk.service
        guest, key = await _declined_elsewhere_meanwhile(desk, sandbox)
        assert desk.delivery(guest.id) is Delivery.FAILED

        service.discard_entry(key)

        entry = service.outbox.get(key)
        assert entry is not None
        assert entry.state is EntryState.DISCARDED
        assert service.outbox.needing_attention() == []
        assert service.outbox.count_pending() == 0
        assert service.pending_count() == 0
        assert service.sync_state(guest.id) is None
        shown = service.guest(guest.id)
        assert shown is not None
        assert shown.status is Status.DECLINED
        await service.flush()  # returns at once: nothing left to send
    # Not after a restart either.
    async with open_desk(sandbox, "sheepcrm", store) as restarted:
        restarted.start_sending()
        await restarted.service.flush()
        assert restarted.service.sync_state(guest.id) is None
    assert puts_for(sandbox, guest) == []
    assert sandbox.sheepcrm_session(guest.id)["status"] == "declined"


async def _rename_on_attendu(sandbox: Sandbox, guest: Guest, first: str, last: str) -> None:
    """The organiser edits the guest's name in Attendu (over its API)."""
    attendu: dict[str, Any] = sandbox.info["attendu"]
    async with httpx.AsyncClient(base_url=attendu["base_url"]) as http:
        answer = await http.patch(
            f"/v1/guests/{guest.platform_ref}",
            params={"event": attendu["event"]},
            headers={"x-api-key": attendu["api_key"]},
            json={"properties": {"firstName": first, "lastName": last}},
        )
        answer.raise_for_status()


async def test_the_reconciliation_csv_lists_every_change_as_made(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    async with open_desk(sandbox, "attendu", tmp_path / "desk.sqlite3") as desk:
        service = desk.service
        named, plain, refused = (desk.guest_with(Status.ACCEPTED, skip=n) for n in range(3))
        waiting = desk.guest_with(Status.DECLINED)
        await _rename_on_attendu(sandbox, named, 'Zoë "Zee", Jr.', "O'Brien-山田\n김민준")
        assert await service.load_roster()
        name = 'Zoë "Zee", Jr. O\'Brien-山田\n김민준'
        assert (renamed := service.guest(named.id)) is not None
        assert renamed.name == name

        before = datetime.now(UTC)
        keys = [
            service.set_status(named.id, Status.DECLINED),  # superseded by the next
            service.set_status(named.id, Status.ATTENDED),
            service.set_status(plain.id, Status.DECLINED),
            service.set_status(refused.id, Status.INVITED),  # Attendu cannot set it
        ]
        desk.start_sending()
        for guest in (named, plain, refused):
            await desk.delivered(guest.id)
        await desk.stop_sending()
        keys.append(service.set_status(waiting.id, Status.ACCEPTED))  # not sent yet
        after = datetime.now(UTC)
        refusal = service.sync_state(refused.id)
        assert refusal is not None
        assert refusal.delivery is Delivery.FAILED

        path = tmp_path / "changes.csv"
        assert service.export_csv(path) == 5

    text = path.read_bytes().decode("utf-8")  # what a spreadsheet opens
    assert '"Zoë ""Zee"", Jr. O\'Brien-山田\n김민준"' in text  # quoted, line break kept
    header, *rows = list(csv.reader(io.StringIO(text, newline="")))
    assert header == CSV_HEADER
    expected = [
        (named, "declined", "accepted", "superseded", "0", ""),
        (named, "attended", "accepted", "delivered", "1", ""),
        (plain, "declined", "accepted", "delivered", "1", ""),
        (refused, "invited", "accepted", "needs-attention", "1", refusal.message),
        (waiting, "accepted", "declined", "pending", "0", ""),
    ]
    assert len(rows) == len(expected)
    times = []
    for row, change, (guest, to, was, outcome, attempts, message) in zip(
        rows, keys, expected, strict=True
    ):
        assert isinstance(change, StatusChange)
        door_time = datetime.fromisoformat(row[0])
        assert door_time.tzinfo is not None
        assert before <= door_time <= after
        times.append(door_time)
        assert row[1:] == [
            "desk-1",
            guest.id,
            name if guest is named else guest.name,
            to,
            was,
            outcome,
            attempts,
            message,
            change.key,
        ]
    assert times == sorted(times)  # oldest first
