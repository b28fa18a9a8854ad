"""Desks with a call budget on one sandbox quota, for the quota tests: the check-in
service over real HTTP, its outbox in SQLite on disk, sender and refresher running."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

from kiosk.app import build_backend
from kiosk.domain import Guest, Status
from kiosk.sandbox import Quota, Sandbox
from kiosk.services.budget import CallBudget
from kiosk.services.checkin import CheckinService, Delivery
from kiosk.store.local import open_store
from tests.integration.service_desk import FAST_RETRY, Heard


class BudgetDesk:
    """One desk: its service, its budget and what it told the window."""

    def __init__(self, service: CheckinService, budget: CallBudget, heard: Heard) -> None:
        self.service = service
        self.budget = budget
        self.heard = heard

    def synced(self, guest_id: str) -> bool:
        sync = self.service.sync_state(guest_id)
        return sync is None or sync.delivery is Delivery.SYNCED

    def shows(self, guest_id: str, status: Status) -> bool:
        guest = self.service.guest(guest_id)
        return guest is not None and guest.status is status


@contextlib.asynccontextmanager
async def budget_desks(
    sandbox: Sandbox,
    quota: Quota,
    folder: Path,
    count: int,
    *,
    refresh: float = 0.05,
    platform: str = "sheepcrm",
    page_size: int | None = None,
) -> AsyncIterator[list[BudgetDesk]]:
    """``count`` desks on ``platform`` under ``quota`` (set on the sandbox), each with a
    budget that knows only the documented windows (scaled as the sandbox has them); the
    roster is loaded, then sender and refresher (``refresh``: the floor) run. Attendu's
    list comes in pages of ``page_size`` when given."""
    sandbox.set_quota(platform, quota)
    connection: dict[str, Any] = dict(sandbox.info[platform])
    if page_size is not None:
        connection["page_size"] = str(page_size)
    windows = tuple(zip((c for c, _s in quota.windows), quota.seconds(), strict=True))
    desks: list[BudgetDesk] = []
    closing: list[Any] = []
    tasks: list[asyncio.Task[None]] = []
    try:
        for number in range(count):
            backend, http = build_backend(platform, connection, connection["api_key"])
            closing.append(http)
            store, _damage = open_store(folder / f"desk-{number}.sqlite3")
            closing.append(store)
            budget = CallBudget(platform, windows, bandwidth_window=3600 / quota.scale)
            budget.attach(http)
            heard = Heard()
            service = CheckinService(
                backend,
                store.outbox,
                kiosk_id=f"desk-{number}",
                listener=heard,
                cache=store.roster,
                retry=FAST_RETRY,
                budget=budget,
            )
            assert await service.load_roster(), service.connection_message
            desks.append(BudgetDesk(service, budget, heard))
        for desk in desks:
            tasks.append(asyncio.create_task(desk.service.run_sender()))
            tasks.append(asyncio.create_task(desk.service.run_refresher(refresh)))
        yield desks
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for desk in desks:
            await desk.service.cache_written()
        for thing in reversed(closing):
            if hasattr(thing, "aclose"):
                await thing.aclose()
            else:
                thing.close()


async def until_all(condition: Callable[[], bool], desks: list[BudgetDesk], within: float) -> None:
    """Return once ``condition`` (about several desks) holds, looked at every 20 ms: no
    one desk's news says when another desk delivered or refreshed. After ``within``
    seconds it fails, saying what each desk's budget thought."""
    try:
        async with asyncio.timeout(within):
            while not condition():  # noqa: ASYNC110 - several desks, no one event to wait on
                await asyncio.sleep(0.02)
    except TimeoutError:
        raise AssertionError(
            f"not within {within} s: " + "; ".join(describe(d) for d in desks)
        ) from None


def describe(desk: BudgetDesk) -> str:
    """What ``desk``'s budget thinks now, for a failure's message."""
    budget, sender = desk.budget, desk.service.sender
    return (
        f"{sender.pending_count()} pending, write delay {budget.write_delay():.2f} s, "
        f"{budget.describe()}"
    )


def pickable(desk: BudgetDesk, status: Status, count: int) -> list[Guest]:
    """``count`` guests of ``status`` at ``desk``, A to Z."""
    found = [g for g in desk.service.search("", limit=None) if g.status is status]
    assert len(found) >= count, f"only {len(found)} guests are {status.wire}"
    return found[:count]


def refused(sandbox: Sandbox, platform: str = "sheepcrm") -> int:
    return sum(1 for r in sandbox.requests(platform) if r.status == 429)
