"""A desk without a window for the service tests: the check-in service on the sandbox
over real HTTP, its outbox in SQLite on disk, and a listener a test can await."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

from kiosk.app import build_backend
from kiosk.domain import Guest, Status
from kiosk.sandbox import Faults, Sandbox
from kiosk.sandbox.faults import FaultDie
from kiosk.sandbox.gateway import RecordedRequest
from kiosk.services.checkin import CheckinService, Connection, Delivery, GuestSync, RetryPolicy
from kiosk.store.local import LocalStore, open_store

#: Retries a test can wait for (the app's own policy waits up to 30 s).
FAST_RETRY = RetryPolicy(base=0.05, cap=0.5, auth_wait=0.5)


class Heard:
    """What the service told the window, and a way to wait for it to say something."""

    def __init__(self) -> None:
        self.syncs: list[tuple[str, GuestSync]] = []
        self.connections: list[tuple[Connection, str]] = []
        self._news = asyncio.Event()

    def roster_changed(self) -> None:
        self._news.set()

    def guest_changed(self, guest: Guest) -> None:
        self._news.set()

    def sync_changed(self, guest_id: str, sync: GuestSync) -> None:
        self.syncs.append((guest_id, sync))
        self._news.set()

    def connection_changed(self, state: Connection, message: str) -> None:
        self.connections.append((state, message))
        self._news.set()

    def pending_changed(self, count: int) -> None:
        self._news.set()  # said after every delivery attempt, whatever its outcome

    async def until(self, condition: Callable[[], bool], within: float = 10.0) -> None:
        """Return once ``condition`` holds; it is checked again each time the service
        tells the window something. TimeoutError after ``within`` seconds."""
        async with asyncio.timeout(within):
            while not condition():
                self._news.clear()
                await self._news.wait()


class Desk:
    """One kiosk at the door: the service, what it said, its store, and its sender."""

    def __init__(self, service: CheckinService, heard: Heard, store: LocalStore) -> None:
        self.service = service
        self.heard = heard
        self.store = store
        self._sender: asyncio.Task[None] | None = None

    def start_sending(self) -> None:
        if self._sender is None:
            self._sender = asyncio.create_task(self.service.run_sender())

    async def stop_sending(self) -> None:
        sender, self._sender = self._sender, None
        if sender is not None:
            sender.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await sender

    def delivery(self, guest_id: str) -> Delivery | None:
        sync = self.service.sync_state(guest_id)
        return sync.delivery if sync else None

    async def delivered(self, guest_id: str, within: float = 10.0) -> None:
        """Wait until the guest's change is synced or needs a person (then: failed)."""
        settled = (Delivery.SYNCED, Delivery.FAILED)
        await self.heard.until(lambda: self.delivery(guest_id) in settled, within)

    def guest_with(self, status: Status, *, skip: int = 0) -> Guest:
        """The ``skip``-th guest (A to Z) whose platform status is ``status``."""
        found = [g for g in self.service.search("", limit=None) if g.status is status]
        return found[skip]


@contextlib.asynccontextmanager
async def open_desk(
    sandbox: Sandbox,
    platform: str,
    store_path: Path,
    *,
    kiosk_id: str = "desk-1",
    load: bool = True,
    base_url: str | None = None,
    api_key: str | None = None,
) -> AsyncIterator[Desk]:
    """A desk on ``platform`` with its store at ``store_path`` (opened again by a second
    desk on the same path: a restart). The roster is loaded unless ``load`` is false;
    the sender runs once the test calls ``start_sending``. ``base_url`` and ``api_key``
    replace the sandbox's (the sandbox by another name, a wrong key)."""
    connection: dict[str, Any] = dict(sandbox.info[platform])
    connection["base_url"] = base_url or connection["base_url"]
    connection["api_key"] = api_key or connection["api_key"]
    backend, http = build_backend(platform, connection, connection["api_key"])
    store, _damage = open_store(store_path)
    heard = Heard()
    service = CheckinService(
        backend,
        store.outbox,
        kiosk_id=kiosk_id,
        listener=heard,
        cache=store.roster,
        retry=FAST_RETRY,
    )
    desk = Desk(service, heard, store)
    try:
        if load:
            assert await service.load_roster(), service.connection_message
        yield desk
    finally:
        await desk.stop_sending()
        await service.cache_written()
        await http.aclose()
        store.close()


def puts_for(sandbox: Sandbox, guest: Guest) -> list[RecordedRequest]:
    """The status writes sheepCRM received for ``guest``, oldest first."""
    return [
        r
        for r in sandbox.requests("sheepcrm")
        if r.method == "PUT" and dict(r.query).get("person_uri") == guest.platform_ref
    ]


def first_request_only(status: int | None = None, **faults: Any) -> Faults:
    """``Faults(**faults)`` with a seed whose die spoils the first matching request (with
    HTTP ``status``, when given) and lets the second through: "fails once, then works"
    without timing."""
    for seed in range(10_000):
        chosen = Faults(**faults, seed=seed)
        die = FaultDie(dataclasses.replace(chosen, only=None))  # the same rolls, any request
        first, second = die.roll("GET", "/"), die.roll("GET", "/")
        spoiled = first.fault is not None and (status is None or first.error_status == status)
        if spoiled and second.fault is None:
            return chosen
    raise AssertionError(f"no seed spoils only the first request with {faults}")
