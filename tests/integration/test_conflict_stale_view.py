"""Two desks on one event, one with an old view of the roster (refreshes are paced):
picking a status over another desk's change must never overwrite it without a word.
Attendu reads the one guest first and asks; sheepCRM, which cannot read one guest, says
how old the view is, checks the answer to the write, and tells the desk whose change was
replaced. Two services over real HTTP against the sandbox."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from datetime import timedelta
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from kiosk.app import build_backend
from kiosk.domain import Guest, Status
from kiosk.sandbox import Sandbox
from kiosk.services.checkin import CheckinService, Conflict, Connection, Delivery, GuestSync
from kiosk.store.local import open_store

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


class Quiet:
    def roster_changed(self) -> None: ...
    def guest_changed(self, guest: Guest) -> None: ...
    def sync_changed(self, guest_id: str, sync: GuestSync) -> None: ...
    def connection_changed(self, state: Connection, message: str) -> None: ...
    def pending_changed(self, count: int) -> None: ...


class Desks(NamedTuple):
    first: CheckinService  # its view is fresh
    old: CheckinService  # its view is old: never confirmed recently (fresh_for 0)


async def _desks(sandbox: Sandbox, tmp_path: Path, platform: str) -> AsyncIterator[Desks]:
    connection: dict[str, Any] = sandbox.info[platform]
    async with AsyncExitStack() as stack:
        services = []
        for name, fresh_for in (("first", 10.0), ("old", 0.0)):
            backend, http = build_backend(platform, connection, connection["api_key"])
            await stack.enter_async_context(http)
            store, _ = open_store(tmp_path / f"{name}.sqlite3")
            stack.callback(store.close)
            service = CheckinService(
                backend, store.outbox, kiosk_id=name, listener=Quiet(), fresh_for=fresh_for
            )
            assert await service.load_roster()
            sender = asyncio.create_task(service.run_sender())
            stack.push_async_callback(_stop, sender)
            services.append(service)
        yield Desks(*services)


async def _stop(task: asyncio.Task[None]) -> None:
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


@pytest.fixture
async def attendu(sandbox: Sandbox, tmp_path: Path) -> AsyncIterator[Desks]:
    async for desks in _desks(sandbox, tmp_path, "attendu"):
        yield desks


@pytest.fixture
async def sheep(sandbox: Sandbox, tmp_path: Path) -> AsyncIterator[Desks]:
    async for desks in _desks(sandbox, tmp_path, "sheepcrm"):
        yield desks


def _accepted(service: CheckinService) -> Guest:
    return next(
        g
        for g in service.search("", limit=None)
        if g.status is Status.ACCEPTED and g.party_size == 1
    )


def _single_reads(sandbox: Sandbox) -> list[Any]:
    return [
        r
        for r in sandbox.requests(platform="attendu")
        if r.method == "GET" and r.path.startswith("/attendu/api/v1/guests/")
    ]


async def test_attendu_a_pick_over_an_old_view_reads_the_guest_and_asks(
    attendu: Desks, sandbox: Sandbox
) -> None:
    first, old = attendu
    guest = _accepted(first)
    first.set_status(guest.id, Status.ATTENDED)
    await first.flush()
    assert sandbox.attendu_guest(guest.platform_ref)["status"]["attendance"] == 1
    stale = old.guest(guest.id)
    assert stale is not None
    assert stale.status is Status.ACCEPTED  # the old desk has not refreshed

    outcome = await old.pick(guest.id, Status.DECLINED)

    assert isinstance(outcome, Conflict)  # the window asks the person first
    assert outcome.guest.status is Status.ATTENDED
    (read,) = _single_reads(sandbox)
    assert read.path == f"/attendu/api/v1/guests/{guest.platform_ref}"
    await old.flush()
    kept = sandbox.attendu_guest(guest.platform_ref)["status"]
    assert kept["attendance"] == 1  # the other desk's check-in stands
    assert kept["confirmation"] >= 1
    shown = old.guest(guest.id)
    assert shown is not None
    assert shown.status is Status.ATTENDED  # what the old desk shows now
    assert old.changed_elsewhere(guest.id) is not None

    # The person saw the question and chose to overwrite: then it is written.
    assert not isinstance(await old.pick(guest.id, Status.DECLINED, force=True), Conflict)
    await old.flush()
    assert sandbox.attendu_guest(guest.platform_ref)["status"]["confirmation"] == -1


async def test_attendu_a_fresh_view_is_not_read_again(attendu: Desks, sandbox: Sandbox) -> None:
    first, _old = attendu
    guest = _accepted(first)
    outcome = await first.pick(guest.id, Status.ATTENDED)
    await first.flush()
    assert not isinstance(outcome, Conflict)
    assert _single_reads(sandbox) == []
    assert sandbox.attendu_guest(guest.platform_ref)["status"]["attendance"] == 1


async def test_attendu_an_old_view_that_still_holds_is_written(
    attendu: Desks, sandbox: Sandbox
) -> None:
    _first, old = attendu
    guest = _accepted(old)
    outcome = await old.pick(guest.id, Status.ATTENDED)
    await old.flush()
    assert not isinstance(outcome, Conflict)
    assert len(_single_reads(sandbox)) == 1  # one look, then the write
    assert sandbox.attendu_guest(guest.platform_ref)["status"]["attendance"] == 1


def _attendance_reads(sandbox: Sandbox) -> int:
    return sum(
        1
        for r in sandbox.requests(platform="sheepcrm")
        if r.method == "GET" and r.path.endswith("/attendance")
    )


async def test_sheepcrm_never_reads_the_whole_roster_for_one_guest(
    sheep: Desks, sandbox: Sandbox
) -> None:
    first, old = sheep
    guest = _accepted(first)
    reads = _attendance_reads(sandbox)
    assert not old.needs_look(guest.id, Status.DECLINED)  # sheepCRM reads no one guest

    await old.pick(guest.id, Status.DECLINED)
    await old.flush()

    assert _attendance_reads(sandbox) == reads  # the pick and its write read no roster
    assert sandbox.sheepcrm_session(guest.id)["status"] == "declined"


async def test_sheepcrm_says_how_old_the_view_is(sheep: Desks) -> None:
    _first, old = sheep
    guest = _accepted(old)
    age = old.view_age(guest.id)
    assert age is not None
    assert age < 5
    now = old.freshness.clock()
    old.freshness.clock = lambda: now + timedelta(seconds=40)
    age = old.view_age(guest.id)
    assert age is not None
    assert 39 <= age <= 45  # the pane says "as of 40 s ago"


async def test_sheepcrm_a_check_in_overwritten_from_an_old_view_is_told_not_silent(
    sheep: Desks, sandbox: Sandbox
) -> None:
    first, old = sheep
    guest = _accepted(first)
    first.set_status(guest.id, Status.ATTENDED)
    await first.flush()
    # The old desk cannot read one guest: its write goes out, over the check-in.
    await old.pick(guest.id, Status.DECLINED)
    await old.flush()
    assert sandbox.sheepcrm_session(guest.id)["status"] == "declined"

    assert await first.load_roster()  # the first desk's next refresh

    sync = first.sync_state(guest.id)
    assert sync is not None
    assert sync.delivery is Delivery.FAILED  # shown with a warning and Retry
    assert sync.status is Status.ATTENDED
    assert "declined" in sync.message
    assert "another desk" in sync.message
    # Retry puts the check-in back, as the person at the first desk decides.
    first.retry(guest.id)
    await first.flush()
    assert sandbox.sheepcrm_session(guest.id)["status"] == "attended"
