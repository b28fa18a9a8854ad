"""Check-in: the roster in memory, status changes through the outbox, and their delivery."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import enum
import logging
import random
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Protocol

from kiosk.backends.base import Backend, Capabilities
from kiosk.domain import (
    AuthRejected,
    Event,
    Guest,
    NotFound,
    PlatformError,
    PlatformUnavailable,
    RateLimited,
    Status,
    StatusChange,
)
from kiosk.search import SearchIndex
from kiosk.store.outbox import EntryState, Outbox, OutboxEntry

log = logging.getLogger(__name__)


class Delivery(enum.StrEnum):
    """Where one guest's latest change is, as the window shows it."""

    SAVED = "saved"  # in the outbox on this kiosk, not yet on the wire
    SENT = "sent"  # on the wire, no answer yet
    SYNCED = "synced"  # the platform confirmed it
    FAILED = "failed"  # the platform refused it: needs a person


class Connection(enum.StrEnum):
    CONNECTING = "connecting"
    ONLINE = "online"
    OFFLINE = "offline"
    AUTH_FAILED = "auth-failed"
    PROBLEM = "problem"


@dataclasses.dataclass(frozen=True, slots=True)
class GuestSync:
    delivery: Delivery
    status: Status
    message: str = ""
    at: datetime = dataclasses.field(default_factory=lambda: datetime.now(UTC))


class CheckinListener(Protocol):
    """What the service tells the window (a view-model implements this)."""

    def roster_changed(self) -> None: ...
    def guest_changed(self, guest: Guest) -> None: ...
    def sync_changed(self, guest_id: str, sync: GuestSync) -> None: ...
    def connection_changed(self, state: Connection, message: str) -> None: ...
    def pending_changed(self, count: int) -> None: ...


@dataclasses.dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Exponential backoff with full jitter; a platform's Retry-After wins when longer."""

    base: float = 0.5
    cap: float = 30.0
    auth_wait: float = 30.0

    def delay(self, attempts: int, rng: Callable[[], float]) -> float:
        backoff: float = min(self.cap, self.base * 2 ** max(0, attempts - 1))
        return backoff * (0.5 + rng() / 2)


class CheckinService:
    """Holds the roster, records changes in the outbox first, and delivers them.

    The displayed guest is the platform's view overlaid with this kiosk's undelivered
    change, so a status picked at the door shows at once and survives until the
    platform confirms or refuses it (a refusal restores the platform's status).
    """

    def __init__(
        self,
        backend: Backend,
        outbox: Outbox,
        *,
        kiosk_id: str,
        listener: CheckinListener,
        concurrency: int = 4,
        retry: RetryPolicy | None = None,
        rng: Callable[[], float] = random.random,
    ) -> None:
        self.backend = backend
        self.outbox = outbox
        self.kiosk_id = kiosk_id
        self.listener = listener
        self.index = SearchIndex()
        self.event: Event | None = None
        self.connection = Connection.CONNECTING
        self.connection_message = ""
        self._platform: dict[str, Guest] = {}
        self._sync: dict[str, GuestSync] = {}
        self._concurrency = concurrency
        self._retry = retry or RetryPolicy()
        self._rng = rng
        self._wake = asyncio.Event()
        self._in_flight: set[str] = set()  # guest ids
        self._not_before: dict[str, float] = {}  # change key → loop time
        self._delivered = asyncio.Event()  # set after every delivery attempt

    # -- reading ------------------------------------------------------------------------

    @property
    def capabilities(self) -> Capabilities:
        return self.backend.capabilities

    def guest(self, guest_id: str) -> Guest | None:
        return self.index.get(guest_id)

    def sync_state(self, guest_id: str) -> GuestSync | None:
        return self._sync.get(guest_id)

    def search(self, query: str, limit: int | None = 200) -> list[Guest]:
        return self.index.search(query, limit)

    def pending_count(self) -> int:
        return self.outbox.count_pending()

    # -- roster -------------------------------------------------------------------------

    async def load_roster(self) -> bool:
        """Load the event and its guests; True when the platform answered."""
        self._set_connection(Connection.CONNECTING, "")
        try:
            roster = await self.backend.load_roster()
        except PlatformError as exc:
            log.warning("roster load failed: %s", exc)
            self._connection_from_error(exc)
            return False
        self.event = roster.event
        self._platform = {guest.id: guest for guest in roster.guests}
        self.index.replace(self._displayed(guest) for guest in roster.guests)
        self.listener.roster_changed()
        problem = "" if roster.complete else (roster.problem or "The guest list is incomplete.")
        self._set_connection(Connection.ONLINE if roster.complete else Connection.PROBLEM, problem)
        self._wake.set()
        return True

    # -- changes ------------------------------------------------------------------------

    def set_status(self, guest_id: str, status: Status) -> StatusChange | None:
        """Record a change at the door; it is on disk before this returns."""
        current = self._platform.get(guest_id)
        if current is None:
            return None
        shown = self.index.get(guest_id) or current
        if shown.status is status and guest_id not in self._sync:
            return None  # nothing to change
        change = StatusChange(
            guest_id=guest_id,
            platform_ref=current.platform_ref,
            status=status,
            kiosk_id=self.kiosk_id,
            previous_status=current.status,
            seen_changed_at=current.changed_at,
        )
        self.outbox.add(change)
        log.info("saved change %s: guest %s → %s", change.key, guest_id, status.wire)
        self._update_sync(guest_id, GuestSync(Delivery.SAVED, status))
        self.listener.pending_changed(self.outbox.count_pending())
        self._wake.set()
        return change

    def retry(self, guest_id: str) -> StatusChange | None:
        """Send a refused change again (a person asked to)."""
        sync = self._sync.get(guest_id)
        if sync is None or sync.delivery is not Delivery.FAILED:
            return None
        self._sync.pop(guest_id, None)
        return self.set_status(guest_id, sync.status)

    # -- delivery -----------------------------------------------------------------------

    async def run_sender(self) -> None:
        """Drain the outbox for as long as the app runs (cancel to stop)."""
        loop = asyncio.get_running_loop()
        tasks: set[asyncio.Task[None]] = set()
        try:
            while True:
                self._wake.clear()
                now = loop.time()
                next_due: float | None = None
                for entry in self.outbox.pending():
                    if len(self._in_flight) >= self._concurrency:
                        break
                    gid = entry.change.guest_id
                    due = self._not_before.get(entry.change.key, 0.0)
                    if gid in self._in_flight or gid not in self._platform:
                        continue
                    if due > now:
                        next_due = due if next_due is None else min(next_due, due)
                        continue
                    self._in_flight.add(gid)
                    task = asyncio.create_task(self._deliver(entry), name=f"deliver {gid}")
                    tasks.add(task)
                    task.add_done_callback(tasks.discard)
                timeout = None if next_due is None else max(0.0, next_due - loop.time())
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), timeout)
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

    async def flush(self) -> None:
        """Try every pending change now and wait until none is pending or in flight.

        Unbounded: the caller bounds it (``asyncio.timeout``) at shutdown.
        """
        self._not_before.clear()
        while self.outbox.count_pending() or self._in_flight:
            self._delivered.clear()
            self._wake.set()
            await self._delivered.wait()

    async def _deliver(self, entry: OutboxEntry) -> None:
        change = entry.change
        gid = change.guest_id
        try:
            await self._attempt(entry)
        finally:
            self._in_flight.discard(gid)
            self._delivered.set()
            self.listener.pending_changed(self.outbox.count_pending())
            self._wake.set()

    async def _attempt(self, entry: OutboxEntry) -> None:
        change = entry.change
        gid = change.guest_id
        guest = self._platform[gid]
        if self._is_latest(change):
            self._update_sync(gid, GuestSync(Delivery.SENT, change.status))
        try:
            if entry.attempts and not self.capabilities.idempotent >= {change.status}:
                # An earlier try may have reached the platform: look before writing again
                # (Attendu's check-in adds to a counter, so a blind retry counts twice).
                guest = await self.backend.get_guest(guest)
                self._platform[gid] = guest
            if guest.status is change.status and entry.attempts:
                updated = guest
            else:
                updated = await self.backend.set_status(guest, change.status)
        except (RateLimited, PlatformUnavailable, AuthRejected) as exc:
            self._reschedule(entry, exc)
            return
        except PlatformError as exc:
            message = str(exc)
            log.warning("change %s refused: %s", change.key, message)
            self.outbox.mark(change.key, EntryState.NEEDS_ATTENTION, message)
            if self._is_latest(change):
                self._update_sync(gid, GuestSync(Delivery.FAILED, change.status, message))
            self._connection_ok()
            return
        self.outbox.mark(change.key, EntryState.DELIVERED)
        self._not_before.pop(change.key, None)
        self._platform[gid] = updated
        log.info("delivered change %s: guest %s → %s", change.key, gid, change.status.wire)
        if self._is_latest(change):
            self._update_sync(gid, GuestSync(Delivery.SYNCED, change.status))
        self._connection_ok()

    def _reschedule(self, entry: OutboxEntry, exc: PlatformError) -> None:
        change = entry.change
        self.outbox.count_attempt(change.key, str(exc))
        delay = self._retry.delay(entry.attempts + 1, self._rng)
        if isinstance(exc, RateLimited) and exc.retry_after is not None:
            delay = max(delay, exc.retry_after)
        if isinstance(exc, AuthRejected):
            delay = max(delay, self._retry.auth_wait)
        self._not_before[change.key] = asyncio.get_running_loop().time() + delay
        log.info("change %s waits %.1f s: %s", change.key, delay, exc)
        self._connection_from_error(exc)
        if self._is_latest(change):
            self._update_sync(change.guest_id, GuestSync(Delivery.SAVED, change.status, str(exc)))

    def _is_latest(self, change: StatusChange) -> bool:
        current = self.outbox.get(change.key)
        return current is not None and current.state is not EntryState.SUPERSEDED

    # -- state plumbing -----------------------------------------------------------------

    def _displayed(self, guest: Guest) -> Guest:
        sync = self._sync.get(guest.id)
        if sync and sync.delivery in (Delivery.SAVED, Delivery.SENT):
            return guest.with_status(sync.status)
        return guest

    def _update_sync(self, guest_id: str, sync: GuestSync) -> None:
        self._sync[guest_id] = sync
        platform_guest = self._platform.get(guest_id)
        if platform_guest is not None:
            shown = self._displayed(platform_guest)
            self.index.update(shown)
            self.listener.guest_changed(shown)
        self.listener.sync_changed(guest_id, sync)

    def _connection_ok(self) -> None:
        if self.connection in (Connection.OFFLINE, Connection.AUTH_FAILED, Connection.CONNECTING):
            self._set_connection(Connection.ONLINE, "")

    def _connection_from_error(self, exc: PlatformError) -> None:
        if isinstance(exc, AuthRejected):
            self._set_connection(
                Connection.AUTH_FAILED,
                f"The platform refused the API key. Check the key in the settings. ({exc})",
            )
        elif isinstance(exc, PlatformUnavailable | RateLimited):
            self._set_connection(Connection.OFFLINE, str(exc))
        elif isinstance(exc, NotFound):
            self._set_connection(Connection.PROBLEM, str(exc))
        else:
            self._set_connection(Connection.PROBLEM, str(exc))

    def _set_connection(self, state: Connection, message: str) -> None:
        if (state, message) == (self.connection, self.connection_message):
            return
        self.connection = state
        self.connection_message = message
        self.listener.connection_changed(state, message)
