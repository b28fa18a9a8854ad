"""Parties over real HTTP: some of an Attendu party by its head-count, sheepCRM's rows of
one booking as a group, each through the outbox and sent once, a lost answer included."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.domain import Status
from kiosk.domain.party import people_in
from kiosk.sandbox import Faults, Sandbox
from kiosk.services.parties import Parties
from tests.integration.service_desk import first_request_only, open_desk

pytestmark = pytest.mark.anyio


def _check_ins(sandbox: Sandbox, guest_id: str) -> list[dict[str, object]]:
    return [
        r.json
        for r in sandbox.requests("attendu")
        if r.method == "POST" and r.path.endswith(f"/v1/guests/{guest_id}/check-in")
    ]


async def test_attendu_some_of_a_party_then_the_rest(sandbox: Sandbox, tmp_path: Path) -> None:
    async with open_desk(sandbox, "attendu", tmp_path / "s.sqlite3") as desk:
        desk.start_sending()
        lead = next(
            g
            for g in desk.service.search("", limit=None)
            if g.status is Status.ACCEPTED and g.party_size >= 2
        )
        parties = Parties(desk.service)
        party = parties.party(lead.id)
        assert party is not None
        assert (party.size, party.present) == (lead.party_size, 0)
        sandbox.clear_requests()
        parties.check_in_count(lead.id, 1)
        assert parties.party(lead.id).present == 1  # type: ignore[union-attr]  # at once
        await desk.delivered(lead.id)
        assert _check_ins(sandbox, lead.id)[-1]["incrementBy"] == 1
        assert sandbox.attendu_guest(lead.id)["status"]["attendance"] == 1
        after = desk.service.guest(lead.id)
        assert after is not None
        assert people_in(after) == 1
        assert after.status is Status.ATTENDED

        parties.check_in_count(lead.id, lead.party_size)  # the rest arrive
        await desk.heard.until(
            lambda: sandbox.attendu_guest(lead.id)["status"]["attendance"] == lead.party_size
        )
        await desk.delivered(lead.id)
        assert [c["incrementBy"] for c in _check_ins(sandbox, lead.id)] == [
            1,
            lead.party_size - 1,
        ]
        assert parties.party(lead.id).present == lead.party_size  # type: ignore[union-attr]


async def test_attendu_party_count_lost_answer_is_not_added_twice(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    async with open_desk(sandbox, "attendu", tmp_path / "s.sqlite3") as desk:
        lead = next(
            g
            for g in desk.service.search("", limit=None)
            if g.status is Status.ACCEPTED and g.party_size >= 2
        )
        # The check-in is carried out, and its answer lost on the way back.
        sandbox.set_faults(
            first_request_only(drop_rate=0.5, drop_after_apply=True, only="/check-in")
        )
        desk.start_sending()
        Parties(desk.service).check_in_count(lead.id, 1)
        await desk.heard.until(lambda: desk.service.sync_state(lead.id) is not None)
        await desk.delivered(lead.id, within=20)
        assert sandbox.attendu_guest(lead.id)["status"]["attendance"] == 1
        posts = [
            r.fault
            for r in sandbox.requests("attendu")
            if r.method == "POST" and r.path.endswith("/check-in")
        ]
        assert posts == ["drop-after-apply"]  # its answer lost; looked, not sent again
        sandbox.set_faults(Faults())


async def test_sheepcrm_rows_of_one_booking_checked_in_as_a_group(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    async with open_desk(sandbox, "sheepcrm", tmp_path / "s.sqlite3") as desk:
        desk.start_sending()
        parties = Parties(desk.service)
        lead = next(
            g
            for g in desk.service.search("", limit=None)
            if g.party_size >= 2 and g.status is Status.ACCEPTED
        )
        party = parties.party(lead.id)
        assert party is not None
        assert party.by_rows
        assert party.size == lead.party_size
        plus_one = party.members[1]
        assert parties.party(plus_one.id).lead.id == lead.id  # type: ignore[union-attr]
        sandbox.clear_requests()
        chosen = [m.id for m in party.members[:-1]]  # all but one have come
        parties.check_in_rows(chosen)
        for gid in chosen:
            await desk.delivered(gid)
            assert sandbox.sheepcrm_session(gid)["status"] == "attended"
        left = party.members[-1]
        assert sandbox.sheepcrm_session(left.id)["status"] != "attended"
        puts = [r for r in sandbox.requests("sheepcrm") if r.method == "PUT"]
        assert len(puts) == len(chosen)
        assert parties.party(lead.id).present == len(chosen)  # type: ignore[union-attr]
