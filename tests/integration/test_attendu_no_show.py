"""An Attendu no-show set at this desk, over real HTTP with the store on disk: Attendu
cannot hold one, so the desk keeps it, through refreshes that read the guest again,
through a restart, and in the end-of-day CSV; a later change elsewhere wins. The event
is read by id."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kiosk.backends.attendu import LOCAL_NO_SHOW_LABEL, LOCAL_NO_SHOW_NOTE
from kiosk.domain import Status
from kiosk.sandbox import Sandbox
from kiosk.startup import read_cached_roster
from tests.integration.service_desk import Desk, open_desk

pytestmark = [pytest.mark.anyio, pytest.mark.timeout(60)]


@pytest.fixture
def anyio_backend():
    return "asyncio"


async def mark_no_show(desk: Desk) -> str:
    guest = desk.guest_with(Status.ACCEPTED)
    desk.service.set_status(guest.id, Status.NO_SHOW)
    desk.start_sending()
    await desk.delivered(guest.id)
    await desk.stop_sending()
    return guest.id


def shown(desk: Desk, guest_id: str) -> tuple[Status, str]:
    guest = desk.service.guest(guest_id)
    assert guest is not None
    return guest.status, guest.status_label


async def test_a_no_show_set_here_stays_one_across_refreshes_and_a_restart(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    path = tmp_path / "desk.sqlite3"
    async with open_desk(sandbox, "attendu", path) as desk:
        gid = await mark_no_show(desk)
        # Another desk checks someone else in: the list changed, every page is read again.
        other = desk.guest_with(Status.ACCEPTED, skip=1)
        sandbox.attendu_check_in(other.id)
        assert await desk.service.load_roster()
        assert shown(desk, other.id)[0] is Status.ATTENDED  # the page was really read
        assert sandbox.attendu_guest(gid)["status"]["attendance"] == 0
        assert shown(desk, gid) == (Status.NO_SHOW, LOCAL_NO_SHOW_LABEL)

        csv_path = tmp_path / "changes.csv"
        assert desk.service.export_csv(csv_path) == 1
        with csv_path.open(newline="", encoding="utf-8") as text:
            (row,) = list(csv.DictReader(text))
        assert (row["guest_id"], row["status"]) == (gid, "no-show")
        assert (row["outcome"], row["message"]) == ("delivered", LOCAL_NO_SHOW_NOTE)

    async with open_desk(sandbox, "attendu", path, load=False) as again:
        cached = read_cached_roster(again.store)
        assert cached is not None
        again.service.load_cached(cached.event, cached.guests, cached.saved_at)
        sandbox.attendu_check_in(desk.guest_with(Status.ACCEPTED, skip=2).id)  # a change
        assert await again.service.load_roster()
        assert shown(again, gid) == (Status.NO_SHOW, LOCAL_NO_SHOW_LABEL)


async def test_a_check_in_elsewhere_after_the_no_show_wins(sandbox: Sandbox, tmp_path: Path):
    async with open_desk(sandbox, "attendu", tmp_path / "desk.sqlite3") as desk:
        gid = await mark_no_show(desk)
        sandbox.attendu_check_in(gid)  # the guest came after all, at another desk
        assert await desk.service.load_roster()
        assert shown(desk, gid)[0] is Status.ATTENDED


async def test_the_event_is_read_by_its_id(sandbox: Sandbox, tmp_path: Path) -> None:
    async with open_desk(sandbox, "attendu", tmp_path / "desk.sqlite3"):
        pass
    paths = [r.path for r in sandbox.requests("attendu") if "/v1/events" in r.path]
    assert paths
    assert set(paths) == {f"/attendu/api/v1/events/{sandbox.info['attendu']['event']}"}
