"""Delivery: the outbox sender, with backoff, Retry-After and a look after an unknown outcome."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import random
import time
from collections.abc import Awaitable, Callable

from kiosk.backends.base import Backend
from kiosk.domain import (
    AuthRejected,
    Guest,
    PlatformError,
    PlatformUnavailable,
    RateLimited,
    StatusChange,
)
from kiosk.domain.words import CHANGED_ELSEWHERE, fill
from kiosk.services.budget import CallBudget, QuotaWait
from kiosk.services.party_write import already_there, write_change
from kiosk.services.state import Delivery, DeskState, GuestSync
from kiosk.store.outbox import EntryState, Outbox, OutboxEntry

log = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Exponential backoff with jitter; a platform's Retry-After wins when longer."""

    base: float = 0.5
    cap: float = 30.0
    auth_wait: float = 30.0

    def delay(self, attempts: int, rng: Callable[[], float]) -> float:
        backoff: float = min(self.cap, self.base * 2 ** max(0, attempts - 1))
        return backoff * (0.5 + rng() / 2)


class OutboxSender:
    """Drains the outbox to the platform, a few guests at a time, one change per guest.

    A change is written to the outbox file before it is queued here; the file stays the
    truth. A refusal leaves the change needing attention (a person decides), a network
    problem or a rate limit only delays it. With a ``budget``, each write waits until
    the platform's quota has room for it (in queue order: nothing overtakes).
    """

    def __init__(
        self,
        backend: Backend,
        outbox: Outbox,
        state: DeskState,
        *,
        concurrency: int = 8,
        retry: RetryPolicy | None = None,
        rng: Callable[[], float] = random.random,
        budget: CallBudget | None = None,
    ) -> None:
        self.backend = backend
        self.budget = budget
        self._held = False  # writes wait for the quota (the status bar says why)
        self.outbox = outbox
        self._state = state
        self.concurrency = concurrency  # deliveries in flight at once, one per guest
        self._retry = retry or RetryPolicy()
        self._rng = rng
        self._wake = asyncio.Event()
        self._delivered = asyncio.Event()  # set after every delivery attempt
        self._in_flight: set[str] = set()  # guest ids
        self._not_before: dict[str, float] = {}  # change key → loop time
        # The key was refused: no change goes before this loop time, then one alone
        # until one is delivered, so a wrong key costs one request a wait, not one per
        # change (each would be refused the same way).
        self._key_hold: float | None = None
        # The pending part of the outbox, mirrored in memory (oldest first), so the
        # sender does not read the queue back from SQLite after every answer. The
        # file stays the truth: it is written first, and read again at start.
        self._queue: dict[str, OutboxEntry] = {e.change.key: e for e in outbox.pending()}
        #: Keeps a guest whose delivered status the platform cannot hold (its backend's
        #: ``kept_here``): this desk's record is then the only one (the roster cache).
        self.on_kept: Callable[[Guest], Awaitable[None]] | None = None
        # Changes tried in this run whose every try is known not to have reached the
        # platform (no connection, 503, 429, 401): they can still be withdrawn. Not kept:
        # after a restart, a change with attempts is taken as maybe sent.
        self._not_reached: set[str] = set()

    def pending_count(self) -> int:
        return len(self._queue)

    def quota_wait(self) -> QuotaWait | None:
        """Why changes wait for the platform's quota and until when; None when not."""
        if self.budget is None or not self._queue:
            return None
        self.budget.waiting = len(self._queue)
        return self.budget.quota_wait()

    def add(self, change: StatusChange, *, forced: bool) -> None:
        """Save ``change`` in the outbox (on disk before this returns) and queue it in
        place of the guest's earlier undelivered change, if any. Call ``wake`` after."""
        self.outbox.add(change, force=forced)
        for key in [k for k, e in self._queue.items() if e.change.guest_id == change.guest_id]:
            del self._queue[key]  # superseded in the file too
            self._not_reached.discard(key)
        self._queue[change.key] = OutboxEntry(change, EntryState.PENDING, 0, "", forced)

    def is_queued(self, key: str) -> bool:
        """Whether the change is still to be delivered (not yet answered for good)."""
        return key in self._queue

    def withdraw(self, key: str) -> bool:
        """Take back a change never sent (an undo, a cancelled sweep): only while it is
        queued, not on the wire and never attempted; the file first. True when it was:
        it is then never sent."""
        entry = self._queue.get(key)
        if entry is None or entry.change.guest_id in self._in_flight:
            return False
        if entry.attempts and key not in self._not_reached:
            return False  # it may be on the platform: an undo sends the previous status
        if not self.outbox.withdraw(key, entry.attempts):
            return False
        del self._queue[key]
        self._not_before.pop(key, None)
        self._not_reached.discard(key)
        return True

    async def settled(self, guest_id: str) -> None:
        """Wait until no change for the guest is on the wire (unbounded: bound it)."""
        while guest_id in self._in_flight:
            self._delivered.clear()
            await self._delivered.wait()

    def wake(self) -> None:
        """Look at the queue again (a change was added, the roster came in)."""
        self._wake.set()

    def resume(self) -> None:
        """The platform answers again: whatever waits for the network goes now."""
        self._not_before.clear()
        self._key_hold = None
        self._wake.set()

    async def run(self) -> None:
        """Drain the outbox for as long as the app runs (cancel to stop)."""
        loop = asyncio.get_running_loop()
        tasks: set[asyncio.Task[None]] = set()
        try:
            while True:
                self._wake.clear()
                now = loop.time()
                next_due = self._rate_limit_pause()
                platform = self._state.platform  # a first roster brings a new table
                limit = self.concurrency
                if self._key_hold is not None:
                    limit = 1  # one change tries the key; the others wait for its answer
                    if self._key_hold > now:
                        next_due = self._key_hold if next_due is None else next_due
                        limit = 0
                held = False
                if next_due is None:
                    for entry in list(self._queue.values()):
                        if len(self._in_flight) >= limit:
                            break
                        if self.budget is not None and (wait := self.budget.write_delay()) > 0:
                            # Not this one nor any after it: the queue keeps its order.
                            held, due = True, now + wait
                            next_due = due if next_due is None else min(next_due, due)
                            break
                        gid = entry.change.guest_id
                        due = self._not_before.get(entry.change.key, 0.0)
                        if gid in self._in_flight or gid not in platform:
                            continue
                        if due > now:
                            next_due = due if next_due is None else min(next_due, due)
                            continue
                        self._in_flight.add(gid)
                        if self.budget is not None:
                            self.budget.take_write()
                        task = asyncio.create_task(self._deliver(entry), name=f"deliver {gid}")
                        tasks.add(task)
                        task.add_done_callback(tasks.discard)
                if held != self._held:  # the status bar says why changes wait, or no more
                    self._held = held
                    self._state.listener.pending_changed(len(self._queue))
                timeout = None if next_due is None else max(0.0, next_due - loop.time())
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), timeout)
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

    def _rate_limit_pause(self) -> float | None:
        """Loop time to wait until, when the platform's rate-limit headers say the
        window is used up (sheepCRM ``x-rate-limit-*``); None to go on. A budget, when
        there is one, paces the writes instead."""
        if self.budget is not None:
            self.budget.waiting = len(self._queue)
            return None
        limit = getattr(self.backend, "rate_limit", None)
        exhausted = getattr(limit, "exhausted", False)
        seconds_left = getattr(limit, "seconds_left", None)
        if not exhausted or not callable(seconds_left):
            return None
        left = seconds_left(time.monotonic())
        if not isinstance(left, int | float) or left <= 0:
            return None
        return asyncio.get_running_loop().time() + min(float(left), self._retry.cap * 4)

    async def flush(self) -> None:
        """Try every pending change now and wait until none is pending or in flight.
        Unbounded: the caller bounds it."""
        self._not_before.clear()
        if self._key_hold is not None:
            self._key_hold = 0.0  # one more try of the key, now
        storage = self._state.storage  # delivered, not yet marked so in the file
        while self.outbox.count_pending() - storage.owed_pending() > 0 or self._in_flight:
            self._delivered.clear()
            self._wake.set()
            await self._delivered.wait()

    async def _deliver(self, entry: OutboxEntry) -> None:
        gid = entry.change.guest_id
        try:
            await self._attempt(entry)
        finally:
            self._in_flight.discard(gid)
            self._delivered.set()
            self._state.listener.pending_changed(len(self._queue))
            self._wake.set()

    async def _attempt(self, entry: OutboxEntry) -> None:
        state = self._state
        change = entry.change
        gid = change.guest_id
        guest = state.platform[gid]
        # A change is its guest's latest while it is in the queue mirror: a newer pick
        # for the guest takes it out (superseded), a final outcome pops it.
        if change.key in self._queue:
            state.update_sync(gid, GuestSync(Delivery.SENT, change.status))
        try:
            if entry.attempts and change.status not in self.backend.capabilities.idempotent:
                # An earlier try (maybe before a crash) may have reached the platform:
                # look before writing again; Attendu's check-in adds to a counter.
                guest = await self.backend.get_guest(guest)
                state.platform[gid] = guest
            if entry.attempts and already_there(guest, change):
                updated = guest
            else:
                if (conflict := self._delivery_conflict(change, guest, entry.force)) is not None:
                    self._needs_attention(change, conflict)
                    return
                if not self._attempt_recorded(entry):
                    return
                updated = await write_change(self.backend, guest, change)
        except (RateLimited, PlatformUnavailable, AuthRejected) as exc:
            self._reschedule(entry, exc)
            return
        except PlatformError as exc:
            log.warning("change %s refused: %s", change.key, exc)
            self._needs_attention(change, str(exc))
            state.connection_ok()
            return
        note = self.backend.capabilities.kept_here.get(change.status, "")
        self._state.storage.mark(change.key, EntryState.DELIVERED, note)
        self._key_hold = None
        if note and self.on_kept is not None:
            await self.on_kept(updated)
        latest = self._queue.pop(change.key, None) is not None
        self._not_before.pop(change.key, None)
        self._not_reached.discard(change.key)
        state.platform[gid] = updated
        state.ours[gid] = change.status
        log.info("delivered change %s: guest %s → %s", change.key, gid, change.status.wire)
        if latest:
            state.update_sync(gid, GuestSync(Delivery.SYNCED, change.status))
        state.connection_ok()

    def _delivery_conflict(self, change: StatusChange, platform: Guest, forced: bool) -> str | None:
        """The platform changed since this kiosk decided (another desk, offline for a
        while): do not overwrite it silently, unless a person said to (``forced``)."""
        if forced:
            return None
        now = platform.status
        ours = self._state.ours.get(change.guest_id)
        if now in (change.status, change.previous_status) or ours is now:
            return None
        when = platform.changed_at.astimezone().strftime("%H:%M") if platform.changed_at else ""
        return fill(CHANGED_ELSEWHERE, now.wire, when).replace(" )", ")")

    def _needs_attention(self, change: StatusChange, message: str) -> None:
        self._state.storage.mark(change.key, EntryState.NEEDS_ATTENTION, message)
        if self._queue.pop(change.key, None) is not None:  # still the guest's latest
            self._state.update_sync(
                change.guest_id, GuestSync(Delivery.FAILED, change.status, message)
            )

    def _reschedule(self, entry: OutboxEntry, exc: PlatformError) -> None:
        change = entry.change
        unknown = isinstance(exc, PlatformUnavailable) and exc.outcome_unknown
        if unknown or (entry.attempts and change.key not in self._not_reached):
            self._not_reached.discard(change.key)
        else:
            self._not_reached.add(change.key)
        self._state.storage.write(lambda: self.outbox.note(change.key, str(exc)))
        if change.key in self._queue:  # next time: an attempt was made, look first
            self._queue[change.key] = dataclasses.replace(
                entry, attempts=entry.attempts + 1, message=str(exc)
            )
        delay = self._retry.delay(entry.attempts + 1, self._rng)
        if isinstance(exc, RateLimited) and exc.retry_after is not None:
            delay = max(delay, exc.retry_after)
        if isinstance(exc, AuthRejected):
            delay = max(delay, self._retry.auth_wait)
            self._key_hold = asyncio.get_running_loop().time() + delay
        self._not_before[change.key] = asyncio.get_running_loop().time() + delay
        log.info("change %s waits %.1f s: %s", change.key, delay, exc)
        if not isinstance(exc, RateLimited):
            self._state.connection_from_error(exc)
        if change.key in self._queue:
            self._state.update_sync(
                change.guest_id, GuestSync(Delivery.SAVED, change.status, str(exc))
            )

    # -- while the outbox cannot be written (``StorageWatch``) ----------------------------

    def _attempt_recorded(self, entry: OutboxEntry) -> bool:
        """Count the attempt in the file before sending. When the file refuses, an
        idempotent write is sent all the same (the outcome is kept in memory until the
        file takes it); any other waits for the file: after a crash, an attempt not
        counted would be sent again without the look first."""
        change = entry.change
        if self._state.storage.write(lambda: self.outbox.begin_attempt(change.key)):
            return True
        if change.status in self.backend.capabilities.idempotent:
            return True
        message = self._state.storage.fault.detail if self._state.storage.fault else ""
        self._not_before[change.key] = asyncio.get_running_loop().time() + self._retry.cap
        if change.key in self._queue:
            self._state.update_sync(
                change.guest_id, GuestSync(Delivery.SAVED, change.status, message)
            )
        return False
