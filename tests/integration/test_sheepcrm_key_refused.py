"""sheepCRM's answers to a key it does not accept (401, 403, and the documented 404 that
reads like a missing record) over real HTTP: a connection problem said once, every change
kept waiting in the outbox (none sent to needs attention), delivery resumed when the key
is fixed, at the platform or by a restart; and a real 404 with a good key still a
refusal for a person."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.domain import Status, StatusChange
from kiosk.sandbox import Sandbox
from kiosk.sandbox.gateway import RecordedRequest
from kiosk.sandbox.modes import Modes
from kiosk.services.checkin import Connection, Delivery
from kiosk.store.outbox import EntryState
from tests.integration.service_desk import open_desk

pytestmark = pytest.mark.anyio

REFUSED = "sheepCRM did not accept the API key"


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def _puts(sandbox: Sandbox) -> list[RecordedRequest]:
    return [r for r in sandbox.requests("sheepcrm") if r.method == "PUT"]


def _key_looks(sandbox: Sandbox) -> list[int | None]:
    """The answers to Kiosk's look at the bucket's event list (one event long)."""
    return [
        r.status
        for r in sandbox.requests("sheepcrm")
        if r.method == "GET" and dict(r.query).get("page_size") == "1"
    ]


@pytest.mark.parametrize("answer", [401, 403, 404])
async def test_a_key_withdrawn_at_the_platform_keeps_every_change_waiting(
    answer: int, sandbox: Sandbox, tmp_path: Path
) -> None:
    async with open_desk(sandbox, "sheepcrm", tmp_path / "desk.sqlite3") as desk:
        guests = [desk.guest_with(Status.ACCEPTED, skip=n) for n in range(6)]
        good_key = sandbox.sheepcrm.api_key
        sandbox.set_modes(Modes(sheepcrm_bad_key_status=answer))
        sandbox.sheepcrm.api_key = "withdrawn"  # the organiser regenerated the key
        for guest in guests:
            assert isinstance(desk.service.set_status(guest.id, Status.ATTENDED), StatusChange)
        desk.start_sending()

        await desk.heard.until(lambda: desk.service.connection is Connection.AUTH_FAILED)
        # Each change was tried once; after that one alone tries the key, a wait apart
        # (without the hold all six went again together).
        await desk.heard.until(lambda: len(_puts(sandbox)) >= 8)
        puts = _puts(sandbox)
        assert puts[7].at - puts[6].at >= 0.4  # FAST_RETRY's auth_wait is 0.5 s

        message = desk.service.connection_message
        assert message.startswith(REFUSED), message
        assert "withdrawn" not in message
        said = [m for state, m in desk.heard.connections if state is Connection.AUTH_FAILED]
        assert said == [message]  # shown once, however many changes met it
        assert all(desk.delivery(g.id) is Delivery.SAVED for g in guests)
        assert desk.service.outbox.needing_attention() == []
        assert desk.service.pending_count() == len(guests)
        if answer == 404:
            assert 404 in _key_looks(sandbox)  # the look that told it from a missing guest

        sandbox.sheepcrm.api_key = good_key  # the key is right again
        for guest in guests:
            await desk.delivered(guest.id)
        assert all(desk.delivery(g.id) is Delivery.SYNCED for g in guests)
        assert desk.service.connection is Connection.ONLINE
    assert all(sandbox.sheepcrm_session(g.id)["status"] == "attended" for g in guests)


async def test_changes_waiting_for_the_key_are_sent_after_a_restart(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    store = tmp_path / "desk.sqlite3"
    sandbox.set_modes(Modes(sheepcrm_bad_key_status=404))
    good_key = sandbox.sheepcrm.api_key
    async with open_desk(sandbox, "sheepcrm", store) as desk:
        guest = desk.guest_with(Status.INVITED)
        sandbox.sheepcrm.api_key = "withdrawn"
        desk.service.set_status(guest.id, Status.ACCEPTED)
        desk.start_sending()
        await desk.heard.until(lambda: desk.service.connection is Connection.AUTH_FAILED)
    sandbox.sheepcrm.api_key = good_key
    async with open_desk(sandbox, "sheepcrm", store) as again:
        [waiting] = again.service.outbox.pending()
        assert waiting.state is EntryState.PENDING
        again.start_sending()
        await again.delivered(guest.id)
        assert again.delivery(guest.id) is Delivery.SYNCED
    assert sandbox.sheepcrm_session(guest.id)["status"] == "accepted"


async def test_a_roster_answered_404_for_a_wrong_key_is_a_key_problem(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    sandbox.set_modes(Modes(sheepcrm_bad_key_status=404))
    store = tmp_path / "desk.sqlite3"
    async with open_desk(sandbox, "sheepcrm", store, api_key="wrong", load=False) as desk:
        assert not await desk.service.load_roster()
        assert desk.service.connection is Connection.AUTH_FAILED
        assert desk.service.connection_message.startswith(REFUSED)
    assert _key_looks(sandbox) == [404]


async def test_a_guest_removed_with_a_good_key_still_needs_a_person(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    sandbox.set_modes(Modes(sheepcrm_bad_key_status=404))  # both kinds of 404: the look decides
    async with open_desk(sandbox, "sheepcrm", tmp_path / "desk.sqlite3") as desk:
        guest = desk.guest_with(Status.ACCEPTED)
        sandbox.remove_sheepcrm_attendee(guest.platform_ref)
        desk.service.set_status(guest.id, Status.ATTENDED)
        desk.start_sending()
        await desk.delivered(guest.id)
        assert desk.delivery(guest.id) is Delivery.FAILED
        [attention] = desk.service.outbox.needing_attention()
        assert "has no event" in attention.message
        assert desk.service.connection is Connection.ONLINE
    assert _key_looks(sandbox) == [200]
