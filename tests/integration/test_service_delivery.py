"""Delivery without a window, over real HTTP against the sandbox with the outbox on
disk: a failed write is tried again and lands exactly once, a platform's Retry-After is
honoured, and a refusal waits for a person instead of being lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.domain import Status, StatusChange
from kiosk.sandbox import ATTENDU_CONFIRMATION, Faults, Sandbox
from kiosk.services.checkin import Delivery
from kiosk.store.outbox import EntryState
from tests.integration.service_desk import first_request_only, open_desk, puts_for

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.mark.parametrize(
    "faults",
    [
        pytest.param(first_request_only(500, error_rate=0.5, only="PUT"), id="500"),
        pytest.param(first_request_only(503, error_rate=0.5, only="PUT"), id="503"),
        pytest.param(first_request_only(drop_rate=0.5, only="PUT"), id="dropped-connection"),
    ],
)
async def test_a_write_that_fails_once_is_tried_again_and_lands_once(
    faults: Faults, sandbox: Sandbox, tmp_path: Path
) -> None:
    async with open_desk(sandbox, "sheepcrm", tmp_path / "desk.sqlite3") as desk:
        guest = desk.guest_with(Status.ACCEPTED)
        sandbox.set_faults(faults)
        change = desk.service.set_status(guest.id, Status.ATTENDED)
        assert isinstance(change, StatusChange)
        desk.start_sending()

        await desk.delivered(guest.id)

        sync = desk.service.sync_state(guest.id)
        assert sync is not None
        assert sync.delivery is Delivery.SYNCED
        first, second = puts_for(sandbox, guest)  # one failure, one success, no more
        assert first.fault is not None
        assert second.fault is None
        assert second.status == 200
        assert sandbox.sheepcrm_session(guest.id)["status"] == "attended"
        entry = desk.service.outbox.get(change.key)
        assert entry is not None
        assert entry.state is EntryState.DELIVERED
        assert desk.service.pending_count() == 0
    # Nothing is sent again after a restart: the outbox on disk says it is delivered.
    async with open_desk(sandbox, "sheepcrm", tmp_path / "desk.sqlite3") as again:
        again.start_sending()
        await again.service.flush()
        assert len(puts_for(sandbox, guest)) == 2


async def test_a_check_in_whose_answer_is_lost_is_looked_up_not_counted_twice(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    """Attendu counts check-ins: after a write whose outcome is unknown (applied, then
    the connection dropped), the sender reads the guest back before writing again."""
    async with open_desk(sandbox, "attendu", tmp_path / "desk.sqlite3") as desk:
        guest = desk.guest_with(Status.ACCEPTED)
        assert sandbox.attendu_guest(guest.id)["status"]["attendance"] == 0
        # Every check-in call is applied and its answer lost; reads are not touched.
        sandbox.set_faults(Faults(drop_rate=1.0, drop_after_apply=True, only="/check-in"))
        desk.service.set_status(guest.id, Status.ATTENDED)
        desk.start_sending()

        await desk.delivered(guest.id)

        sync = desk.service.sync_state(guest.id)
        assert sync is not None
        assert sync.delivery is Delivery.SYNCED
        requests = [r for r in sandbox.requests("attendu") if guest.platform_ref in r.path]
        check_ins = [r for r in requests if r.method == "POST"]
        assert [r.fault for r in check_ins] == ["drop-after-apply"]
        assert any(r.method == "GET" and r.at > check_ins[0].at for r in requests)
        counted = sandbox.attendu_guest(guest.id)["status"]["attendance"]
        assert counted == max(1, guest.party_size)  # the party, once
        assert desk.service.outbox.count_pending() == 0


async def test_a_rate_limited_write_waits_as_long_as_retry_after_says(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    async with open_desk(sandbox, "attendu", tmp_path / "desk.sqlite3") as desk:
        guest = desk.guest_with(Status.ACCEPTED)
        # 429 with Retry-After: 1 once; the desk's own backoff would try again in <0.5 s.
        sandbox.set_faults(first_request_only(rate_limit_rate=0.5, retry_after=1, only="PATCH"))
        desk.service.set_status(guest.id, Status.DECLINED)
        desk.start_sending()

        # Meanwhile the desk shows the change as saved here, with the platform's reason.
        await desk.heard.until(
            lambda: (
                (s := desk.service.sync_state(guest.id)) is not None and "slow down" in s.message
            )
        )
        sync = desk.service.sync_state(guest.id)
        assert sync is not None
        assert sync.delivery is Delivery.SAVED
        assert "try again in 1 s" in sync.message
        shown = desk.service.guest(guest.id)
        assert shown is not None
        assert shown.status is Status.DECLINED
        await desk.delivered(guest.id)

        limited, accepted = [
            r
            for r in sandbox.requests("attendu")
            if r.method == "PATCH" and r.path.endswith(guest.platform_ref)
        ]
        assert limited.status == 429
        assert limited.fault == "rate-limit"
        assert accepted.status == 200
        assert accepted.at - limited.at >= 1.0
        said = sandbox.attendu_guest(guest.id)["status"]["confirmation"]
        assert said == ATTENDU_CONFIRMATION["declined"]


async def test_a_refused_write_needs_attention_and_is_kept(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    async with open_desk(sandbox, "sheepcrm", tmp_path / "desk.sqlite3") as desk:
        guest = desk.guest_with(Status.ACCEPTED)
        sandbox.remove_sheepcrm_attendee(guest.platform_ref)  # the next PUT is a 404
        change = desk.service.set_status(guest.id, Status.ATTENDED)
        assert isinstance(change, StatusChange)
        desk.start_sending()

        await desk.delivered(guest.id)

        [refused] = puts_for(sandbox, guest)
        assert refused.status == 404
        sync = desk.service.sync_state(guest.id)
        assert sync is not None
        assert sync.delivery is Delivery.FAILED
        assert sync.status is Status.ATTENDED
        assert sync.message
        [attention] = desk.service.outbox.needing_attention()
        assert attention.change.key == change.key
        assert attention.message == sync.message
        # The desk shows what the platform has, not the refused pick.
        shown = desk.service.guest(guest.id)
        assert shown is not None
        assert shown.status is Status.ACCEPTED
        assert desk.service.pending_count() == 0
        [row] = desk.service.changes()
        assert row.entry.state is EntryState.NEEDS_ATTENTION
        assert row.guest_name == guest.name
    # Still there for a person after a restart, and not sent again by itself.
    async with open_desk(sandbox, "sheepcrm", tmp_path / "desk.sqlite3", load=False) as again:
        [kept] = again.service.outbox.needing_attention()
        assert kept.change.key == change.key
        assert again.service.pending_count() == 0
