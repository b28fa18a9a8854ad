"""sheepCRM rows as the service means them, over real HTTP with the sandbox playing a
real account's rows: one guest per person with their sessions, rows that name no
person or were cancelled shown with the reason and never written, and times without
an offset read in the event's zone."""

from __future__ import annotations

import collections
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from kiosk.backends.factory import build_backend
from kiosk.backends.sheepcrm.rows import CANCELLED_LABEL, CANCELLED_REASON, PLUS_ONE_REASON
from kiosk.domain import READ_ONLY, Status, write_refusal
from kiosk.sandbox import Sandbox
from kiosk.sandbox.sheepcrm.real_rows import SECOND_SESSION, RealRows
from tests.integration.service_desk import open_desk, puts_for

pytestmark = [pytest.mark.anyio, pytest.mark.timeout(60)]

ZONE = "America/New_York"


@pytest.fixture
def anyio_backend():
    return "asyncio"


def rows_sent(sandbox: Sandbox) -> list[dict[str, Any]]:
    """The attendance rows exactly as the sandbox's sheepCRM sends them."""
    info = sandbox.info["sheepcrm"]
    answer = httpx.get(
        f"{info['base_url']}/events/v2/{info['bucket']}/booking/{info['event']}/attendance",
        headers={"Authorization": f"Bearer {info['api_key']}"},
        timeout=10,
    )
    answer.raise_for_status()
    rows: list[dict[str, Any]] = answer.json()["sessions"]
    return rows


async def test_one_guest_per_person_with_their_sessions(sandbox: Sandbox, tmp_path: Path):
    sandbox.sheepcrm.play_real_rows(RealRows(ZONE))
    rows = rows_sent(sandbox)
    by_person = collections.defaultdict(list)
    for row in rows:
        if row["person_ref"]:
            by_person[row["person_ref"]].append(row)
    first, second = next(pair for pair in by_person.values() if len(pair) == 2)

    async with open_desk(sandbox, "sheepcrm", tmp_path / "desk.sqlite3") as desk:
        guests = {g.id: g for g in desk.service.search("", limit=None)}
        assert second["uid"] not in guests  # one guest for the person, not two
        guest = guests[first["uid"]]
        assert guest.extras["Sessions"] == f"Conference day, {SECOND_SESSION}"
        assert write_refusal(guest) is None

        desk.service.set_status(guest.id, Status.ATTENDED)
        desk.start_sending()
        await desk.delivered(guest.id)

    (put,) = puts_for(sandbox, guest)  # the PUT names the person: both rows follow
    assert dict(put.query)["status"] == "attended"
    after = {row["uid"]: row["status"] for row in rows_sent(sandbox)}
    assert after[first["uid"]] == after[second["uid"]] == "attended"


async def test_plus_ones_and_cancelled_rows_are_shown_and_never_written(
    sandbox: Sandbox, tmp_path: Path
):
    sandbox.sheepcrm.play_real_rows(RealRows(ZONE))
    rows = rows_sent(sandbox)
    plus_one = next(row for row in rows if row["guest"] and row["person_ref"] is None)
    cancelled = next(row for row in rows if row["record_state"] == "cancelled")

    async with open_desk(sandbox, "sheepcrm", tmp_path / "desk.sqlite3") as desk:
        service = desk.service
        shown_plus_one = service.guest(plus_one["uid"])
        shown_cancelled = service.guest(cancelled["uid"])
        assert shown_plus_one is not None
        assert shown_cancelled is not None
        assert shown_plus_one.extras[READ_ONLY] == PLUS_ONE_REASON
        assert shown_cancelled.extras[READ_ONLY] == CANCELLED_REASON
        assert shown_cancelled.status_label == CANCELLED_LABEL
        assert "Guest of" in shown_plus_one.extras  # still found beside their host

        for guest in (shown_plus_one, shown_cancelled):
            assert service.set_status(guest.id, Status.ATTENDED) is None  # nothing saved
        assert service.changes() == []
    assert [r for r in sandbox.requests("sheepcrm") if r.method == "PUT"] == []


@pytest.mark.parametrize(("time_zone", "read_right"), [(ZONE, True), ("", False)])
async def test_times_without_an_offset_are_read_in_the_events_zone(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch, time_zone: str, read_right: bool
):
    monkeypatch.setenv("TZ", "UTC")  # this computer's zone: not the event's
    sandbox.sheepcrm.play_real_rows(RealRows(ZONE))
    info = dict(sandbox.info["sheepcrm"], time_zone=time_zone)
    backend, http = build_backend("sheepcrm", info, info["api_key"])
    async with http:
        event = await backend.get_event()
        roster = await backend.load_roster()
    truth = sandbox.data.event.start
    assert event.starts_at is not None
    assert (event.starts_at == truth) is read_right
    if not read_right:  # read as UTC: off by the event's offset from UTC
        offset = truth.astimezone(ZoneInfo(ZONE)).utcoffset()
        assert offset is not None
        assert event.starts_at - truth == offset
    guest = next(g for g in roster.guests if g.changed_at is not None)
    seeded = sandbox.sheepcrm_session(guest.id)["last_updated"]  # naive UTC, unplayed
    assert (guest.changed_at == datetime.fromisoformat(seeded).replace(tzinfo=UTC)) is read_right
