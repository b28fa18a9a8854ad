"""Walk-ins over real HTTP: added to Attendu and checked in once, a lost answer looked up
before anything is sent again, offline until the platform answers; sheepCRM and a
guest list file say why they cannot take one."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.domain import Status
from kiosk.sandbox import Faults, Sandbox
from kiosk.services.walkins import WalkInDesk
from kiosk.store.walkins import WalkIn, WalkInState
from tests.integration.service_desk import FAST_RETRY, Desk, first_request_only, open_desk

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@contextlib.asynccontextmanager
async def running(desk: Desk) -> AsyncIterator[WalkInDesk]:
    """The walk-in desk sending; each step it takes wakes the test's waits as a
    message to the window would."""
    walk_ins = WalkInDesk(
        desk.service, retry=FAST_RETRY, changed=lambda _w: desk.heard.pending_changed(-1)
    )
    task = asyncio.create_task(walk_ins.run())
    desk.start_sending()
    try:
        yield walk_ins
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


def _creates(sandbox: Sandbox) -> list[dict[str, object]]:
    return [
        r.json
        for r in sandbox.requests("attendu")
        if r.method == "POST" and r.path.endswith("/v1/guests")
    ]


def _named(sandbox: Sandbox, first: str, last: str) -> list[dict[str, Any]]:
    return [
        g
        for g in sandbox.attendu_guests()
        if (g["properties"]["firstName"], g["properties"]["lastName"]) == (first, last)
    ]


async def test_a_walk_in_is_added_and_checked_in_once(sandbox: Sandbox, tmp_path: Path) -> None:
    async with open_desk(sandbox, "attendu", tmp_path / "s.sqlite3") as desk:
        async with running(desk) as walk_ins:
            assert walk_ins.reason is None
            saved = walk_ins.add("Ota", "Pavel", "", 2)
            assert isinstance(saved, WalkIn)
            await desk.heard.until(lambda: not walk_ins.waiting(), within=15)
            guest_id = walk_ins.book.get(saved.key).guest_id  # type: ignore[union-attr]
            await desk.delivered(guest_id)
        on_platform = _named(sandbox, "Ota", "Pavel")
        assert len(on_platform) == 1
        assert "email" not in _creates(sandbox)[0]["properties"]  # type: ignore[operator]
        assert on_platform[0]["status"]["attendance"] == 2
        shown = desk.service.guest(guest_id)
        assert shown is not None
        assert shown.status is Status.ATTENDED


async def test_a_lost_answer_is_looked_up_not_created_again(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    async with open_desk(sandbox, "attendu", tmp_path / "s.sqlite3") as desk:
        # The platform makes the guest and the answer never comes back.
        sandbox.set_faults(first_request_only(drop_rate=0.5, drop_after_apply=True, only="POST"))
        async with running(desk) as walk_ins:
            saved = walk_ins.add("Zdena", "Lostová", "zdena@example.org", 1)
            assert isinstance(saved, WalkIn)
            await desk.heard.until(lambda: not walk_ins.waiting(), within=20)
            done = walk_ins.book.get(saved.key)
            assert done is not None
            assert done.attempts == 1
            assert done.state is WalkInState.DONE
            await desk.delivered(done.guest_id)
        sandbox.set_faults(Faults())
        creates = [
            r
            for r in sandbox.requests("attendu")
            if r.method == "POST" and r.path.endswith("/guests")
        ]
        assert [r.fault for r in creates] == ["drop-after-apply"]  # sent once, answer lost
        assert len(_named(sandbox, "Zdena", "Lostová")) == 1
        assert _named(sandbox, "Zdena", "Lostová")[0]["status"]["attendance"] == 1


async def test_offline_the_walk_in_waits_and_survives_a_restart(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    store = tmp_path / "s.sqlite3"
    async with open_desk(sandbox, "attendu", store) as desk:
        sandbox.set_faults(Faults(error_rate=1.0, only="POST"))
        async with running(desk) as walk_ins:
            saved = walk_ins.add("Olga", "Offline", "", 1)
            assert isinstance(saved, WalkIn)
            await desk.heard.until(
                lambda: bool((w := walk_ins.book.get(saved.key)) and w.message), within=10
            )
    sandbox.set_faults(Faults())
    async with open_desk(sandbox, "attendu", store) as desk:  # the desk started again
        walk_ins = WalkInDesk(desk.service)
        assert [w.key for w in walk_ins.waiting()] == [saved.key]
        async with running(desk) as sending:
            await desk.heard.until(lambda: not sending.waiting(), within=20)
    assert len(_named(sandbox, "Olga", "Offline")) == 1


@pytest.mark.parametrize("platform", ["sheepcrm"])
async def test_sheepcrm_says_why_it_takes_no_walk_in(
    sandbox: Sandbox, tmp_path: Path, platform: str
) -> None:
    async with open_desk(sandbox, platform, tmp_path / "s.sqlite3") as desk:
        walk_ins = WalkInDesk(desk.service)
        assert walk_ins.reason is not None
        assert "Events API" in walk_ins.reason
        sandbox.clear_requests()
        assert walk_ins.add("Ota", "Pavel", "", 1) == walk_ins.reason
        assert walk_ins.waiting() == []
    assert [r for r in sandbox.requests("sheepcrm") if r.method != "GET"] == []
