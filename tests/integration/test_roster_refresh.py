"""The check-in service loading and refreshing a roster from the sandbox over real HTTP:
what a refresh finds (removals, changes elsewhere), and the roster cache it leaves."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from kiosk.app import build_backend
from kiosk.domain import Guest, Status
from kiosk.sandbox import Sandbox
from kiosk.services.checkin import CheckinService, Connection, GuestSync
from kiosk.store.local import LocalStore, open_store
from kiosk.store.roster import load_cached_roster

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


class Heard:
    """A listener that keeps what the service said."""

    def __init__(self) -> None:
        self.roster_changes = 0
        self.guests: list[Guest] = []

    def roster_changed(self) -> None:
        self.roster_changes += 1

    def guest_changed(self, guest: Guest) -> None:
        self.guests.append(guest)

    def sync_changed(self, guest_id: str, sync: GuestSync) -> None: ...
    def connection_changed(self, state: Connection, message: str) -> None: ...
    def pending_changed(self, count: int) -> None: ...


class Desk(NamedTuple):
    service: CheckinService
    heard: Heard
    store: LocalStore


@pytest.fixture
async def desk(sandbox: Sandbox, tmp_path: Path) -> AsyncIterator[Desk]:
    connection: dict[str, Any] = sandbox.info["sheepcrm"]
    backend, http = build_backend("sheepcrm", connection, connection["api_key"])
    store, _ = open_store(tmp_path / "desk.sqlite3")
    heard = Heard()
    service = CheckinService(
        backend, store.outbox, kiosk_id="test", listener=heard, cache=store.roster
    )
    try:
        yield Desk(service, heard, store)
    finally:
        await service.cache_written()
        await http.aclose()
        store.close()


def _cached(store: LocalStore) -> dict[str, Guest]:
    reader = store.reader()
    try:
        cached = load_cached_roster(reader)
    finally:
        reader.close()
    assert cached is not None
    return {guest.id: guest for guest in cached[1]}


async def test_a_refresh_forgets_a_guest_the_platform_no_longer_lists(
    desk: Desk, sandbox: Sandbox
) -> None:
    service, heard, store = desk
    assert await service.load_roster()
    count = len(service.index)
    gone = service.search("")[5]
    sandbox.remove_sheepcrm_attendee(gone.platform_ref)
    changes_before = heard.roster_changes

    assert await service.load_roster()

    assert service.guest(gone.id) is None
    assert len(service.index) == count - 1
    assert gone.id not in {guest.id for guest in service.search("", limit=None)}
    assert heard.roster_changes == changes_before + 1  # the window lists everyone again
    await service.cache_written()
    cached = _cached(store)
    assert gone.id not in cached
    assert len(cached) == count - 1


async def test_a_refresh_with_nothing_new_changes_nothing(
    desk: Desk,
) -> None:
    service, heard, _store = desk
    assert await service.load_roster()
    before = {guest.id: guest for guest in service.search("", limit=None)}
    changes_before, guests_before = heard.roster_changes, len(heard.guests)

    assert await service.load_roster()

    assert {guest.id: guest for guest in service.search("", limit=None)} == before
    assert heard.roster_changes == changes_before
    assert len(heard.guests) == guests_before
    assert gc.isenabled()  # collection paused for the load only


async def test_a_change_made_elsewhere_shows_after_a_refresh(desk: Desk, sandbox: Sandbox) -> None:
    service, heard, store = desk
    assert await service.load_roster()
    guest = next(g for g in service.search("") if g.status is not Status.DECLINED)
    sandbox.set_sheepcrm_status(guest.platform_ref, "declined")

    assert await service.load_roster()

    shown = service.guest(guest.id)
    assert shown is not None
    assert shown.status is Status.DECLINED
    assert service.changed_elsewhere(guest.id) is not None
    assert heard.guests[-1].id == guest.id
    await service.cache_written()
    assert _cached(store)[guest.id].status is Status.DECLINED


async def test_the_first_load_leaves_the_whole_roster_in_the_cache(
    desk: Desk,
) -> None:
    service, _heard, store = desk
    assert await service.load_roster()
    await service.cache_written()

    cached = _cached(store)
    assert cached == {guest.id: guest for guest in service.search("", limit=None)}


@pytest.mark.parametrize("guests", [300, 0], ids=["guests", "an event without guests yet"])
async def test_the_first_roster_in_settles_the_heap_once_before_collecting_resumes(
    guests: int, tmp_path: Path
) -> None:
    with Sandbox(guests=guests) as sandbox:
        await _settles_once(sandbox, tmp_path)


async def _settles_once(sandbox: Sandbox, tmp_path: Path) -> None:
    connection: dict[str, Any] = sandbox.info["sheepcrm"]
    backend, http = build_backend("sheepcrm", connection, connection["api_key"])
    store, _ = open_store(tmp_path / "desk.sqlite3")
    settled: list[tuple[int, bool]] = []  # (guests searchable, collector running) then
    service = CheckinService(
        backend,
        store.outbox,
        kiosk_id="test",
        listener=Heard(),
        cache=store.roster,
        settle_heap=lambda: settled.append((len(service.index), gc.isenabled())),
    )
    try:
        assert await service.load_roster()
        assert await service.load_roster()  # a refresh: the heap is settled already
    finally:
        await service.cache_written()
        await http.aclose()
        store.close()
    # Once, even when a refresh again finds no guests (it takes the first path again).
    assert settled == [(len(service.index), False)]
    assert gc.isenabled()
