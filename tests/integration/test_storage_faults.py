"""Storage errors are a state, not a loop: on a real full filesystem (a small tmpfs
filled to the brim) the desk keeps running, says so once, refuses new changes without
raising, delivers what was saved where that is safe, and recovers by itself when space
returns, marking on disk what was delivered meanwhile."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kiosk.domain import Status, StatusChange
from kiosk.sandbox import Sandbox
from kiosk.services.checkin import Delivery
from kiosk.services.storage import StorageFault, StorageProblem
from kiosk.store.outbox import EntryState
from tests.integration.service_desk import open_desk, puts_for
from tests.integration.small_disk import small_disk

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def until(condition: Callable[[], bool], news: asyncio.Event, within: float = 10.0) -> None:
    """Return once ``condition`` holds, checked each time ``news`` is set."""
    async with asyncio.timeout(within):
        while not condition():
            news.clear()
            await news.wait()


class Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


async def test_a_full_disk_is_a_state_delivery_goes_on_and_it_recovers(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    loop = asyncio.get_running_loop()
    errors: list[dict[str, Any]] = []
    loop.set_exception_handler(lambda _loop, context: errors.append(context))
    records = Records()
    logging.getLogger().addHandler(records)
    with small_disk(tmp_path / "disk") as disk:
        async with open_desk(sandbox, "sheepcrm", disk.root / "desk.sqlite3") as desk:
            await desk.service.cache_written()
            faults: list[StorageFault | None] = []
            news = asyncio.Event()

            def heard(fault: StorageFault | None) -> None:
                faults.append(fault)
                news.set()

            desk.service.storage.watch(heard)
            first = desk.guest_with(Status.ACCEPTED)
            second = desk.guest_with(Status.ACCEPTED, skip=1)
            saved = desk.service.set_status(first.id, Status.ATTENDED)
            assert isinstance(saved, StatusChange)

            disk.fill()
            records.records.clear()
            # Refused without raising while nothing can be saved, and said once.
            assert desk.service.set_status(second.id, Status.ATTENDED) is None
            assert desk.service.set_status(second.id, Status.ATTENDED) is None
            assert [f.problem if f else None for f in faults] == [StorageProblem.FULL]
            assert str(disk.root) in faults[0].folder  # type: ignore[union-attr]
            # What was saved before goes out (sheepCRM's status write is idempotent).
            desk.start_sending()
            await desk.heard.until(lambda: desk.service.pending_count() == 0)
            assert len(puts_for(sandbox, first)) == 1
            assert sandbox.sheepcrm_session(first.id)["status"] == "attended"
            assert puts_for(sandbox, second) == []
            # Not a loop: a few lines, no error escaping to the loop, one PUT.
            await asyncio.sleep(0)
            assert errors == []
            assert len(records.records) < 20, [r.getMessage() for r in records.records]
            assert desk.service.outbox.count_pending() == 1  # on disk: not marked yet
            # Another desk's change still shows: a refresh whose cache update fails
            # goes on without it (the cache only speeds up the next start).
            third = desk.guest_with(Status.ACCEPTED, skip=2)
            sandbox.set_sheepcrm_status(third.platform_ref, "attended")
            assert await desk.service.load_roster()
            shown = desk.service.guest(third.id)
            assert shown is not None
            assert shown.status is Status.ATTENDED

            disk.free()
            await until(lambda: faults[-1] is None, news)
            entry = desk.service.outbox.get(saved.key)
            assert entry is not None
            assert entry.state is EntryState.DELIVERED  # marked once the disk was back
            again = desk.service.set_status(second.id, Status.ATTENDED)
            assert isinstance(again, StatusChange)
            await desk.delivered(second.id)
            assert sandbox.sheepcrm_session(second.id)["status"] == "attended"
            assert len(puts_for(sandbox, first)) == 1
            assert errors == []
    logging.getLogger().removeHandler(records)


async def test_a_counted_check_in_waits_for_the_disk_and_lands_once(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    # Attendu's check-in adds to a counter: sent without its attempt counted on disk, a
    # crash would send it again without looking first. So it waits for the disk.
    with small_disk(tmp_path / "disk") as disk:
        async with open_desk(sandbox, "attendu", disk.root / "desk.sqlite3") as desk:
            await desk.service.cache_written()
            guest = desk.guest_with(Status.ACCEPTED)
            saved = desk.service.set_status(guest.id, Status.ATTENDED)
            assert isinstance(saved, StatusChange)
            disk.fill()
            desk.start_sending()
            # Tried, and parked: saved on this kiosk, waiting for the disk (it says why).
            await desk.heard.until(lambda: bool(desk.service.sync_state(guest.id).message))  # type: ignore[union-attr]
            assert desk.delivery(guest.id) is Delivery.SAVED
            assert sandbox.attendu_guest(guest.id)["status"]["attendance"] == 0
            disk.free()
            await desk.delivered(guest.id)
            assert sandbox.attendu_guest(guest.id)["status"]["attendance"] == 1
            entry = desk.service.outbox.get(saved.key)
            assert entry is not None
            assert entry.state is EntryState.DELIVERED
            assert entry.attempts == 1


async def test_a_store_that_turned_read_only_is_said_and_recovers(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    # SQLite's own read-only answer (SQLITE_READONLY), as a folder gone read-only gives.
    async with open_desk(sandbox, "sheepcrm", tmp_path / "desk.sqlite3") as desk:
        faults: list[StorageFault | None] = []
        news = asyncio.Event()

        def heard(fault: StorageFault | None) -> None:
            faults.append(fault)
            news.set()

        desk.service.storage.watch(heard)
        first = desk.guest_with(Status.ACCEPTED)
        with desk.store.lock:
            desk.store.db.execute("PRAGMA query_only=ON")
        assert desk.service.set_status(first.id, Status.ATTENDED) is None
        assert [f.problem if f else None for f in faults] == [StorageProblem.READ_ONLY]
        desk.start_sending()
        with desk.store.lock:
            desk.store.db.execute("PRAGMA query_only=OFF")
        await until(lambda: faults[-1] is None, news)
        assert isinstance(desk.service.set_status(first.id, Status.ATTENDED), StatusChange)
        await desk.delivered(first.id)
