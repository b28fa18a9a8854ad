"""Check-in: the roster in memory (cached on disk), status changes through the outbox,
their delivery, background refresh from the platform, and conflicts with other desks."""

from __future__ import annotations

import asyncio
import contextlib
import csv
import dataclasses
import enum
import gc
import logging
import operator
import random
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from kiosk.backends.base import Backend, Capabilities, Roster
from kiosk.domain import (
    AuthRejected,
    Event,
    Guest,
    PlatformError,
    PlatformUnavailable,
    RateLimited,
    Status,
    StatusChange,
)
from kiosk.search import SearchIndex
from kiosk.store.outbox import EntryState, Outbox, OutboxEntry
from kiosk.store.roster import RosterCache

log = logging.getLogger(__name__)

#: Guests merged between two yields to the event loop during a refresh.
MERGE_BATCH = 1000
#: Guests let go between two yields after a refresh: freeing the 100,000 a refresh
#: brings and mostly finds unchanged, all at once, held the window for ~50 ms.
RELEASE_BATCH = 2000
#: Guests filed by id between two yields when the first roster comes in (~2 ms).
FIRST_BATCH = 10_000
#: Changed guests written to the roster cache per transaction after a refresh.
UPSERT_BATCH = 100


class Delivery(enum.StrEnum):
    """Where one guest's latest change is, as the window shows it."""

    SAVED = "saved"  # in the outbox on this kiosk, not yet on the wire
    SENT = "sent"  # on the wire, no answer yet
    SYNCED = "synced"  # the platform confirmed it
    FAILED = "failed"  # refused, or in conflict with a newer change: needs a person


_GUEST_ID = operator.attrgetter("id")


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


@dataclasses.dataclass(frozen=True, slots=True)
class Conflict:
    """A pick that would overwrite a newer change made elsewhere; ask before sending."""

    guest: Guest  # the platform's newer state, as changed elsewhere
    status: Status


@dataclasses.dataclass(frozen=True, slots=True)
class ChangeRow:
    """One change this kiosk made, for the end-of-day view and its CSV."""

    entry: OutboxEntry
    guest_name: str


class CheckinListener(Protocol):
    """What the service tells the window (a view-model implements this)."""

    def roster_changed(self) -> None: ...
    def guest_changed(self, guest: Guest) -> None: ...
    def sync_changed(self, guest_id: str, sync: GuestSync) -> None: ...
    def connection_changed(self, state: Connection, message: str) -> None: ...
    def pending_changed(self, count: int) -> None: ...


@dataclasses.dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Exponential backoff with jitter; a platform's Retry-After wins when longer."""

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
        cache: RosterCache | None = None,
        concurrency: int = 8,
        retry: RetryPolicy | None = None,
        rng: Callable[[], float] = random.random,
        settle_heap: Callable[[], None] | None = None,
    ) -> None:
        """``settle_heap`` is called once the first roster is in and searchable, before
        full garbage collections resume: the composition root freezes the heap there
        (``kiosk.app.settle_heap``), or the first full collection after the load walks
        every guest just made (77 ms at 100,000, a visible freeze)."""
        self.backend = backend
        self.outbox = outbox
        self.cache = cache
        self.kiosk_id = kiosk_id
        self.listener = listener
        self.index = SearchIndex()
        self.event: Event | None = None
        self.connection = Connection.CONNECTING
        self.connection_message = ""
        self.roster_saved_at: datetime | None = None
        self._platform: dict[str, Guest] = {}
        self._sync: dict[str, GuestSync] = {}
        # Guests whose platform status changed under us (another desk, the platform's
        # own UI): picking over it asks first. Our own delivered statuses are in _ours.
        self._elsewhere: dict[str, Guest] = {}
        self._ours: dict[str, Status] = {}
        self._concurrency = concurrency
        self._retry = retry or RetryPolicy()
        self._rng = rng
        self._settle_heap = settle_heap
        self._wake = asyncio.Event()
        self._delivered = asyncio.Event()  # set after every delivery attempt
        self._in_flight: set[str] = set()  # guest ids
        self._not_before: dict[str, float] = {}  # change key → loop time
        self._loading = asyncio.Lock()
        self._cache_write: asyncio.Future[None] | None = None
        # The pending part of the outbox, mirrored in memory (oldest first), so the
        # sender does not read the queue back from SQLite after every answer. The
        # file stays the truth: it is written first, and read again at start.
        self._queue: dict[str, OutboxEntry] = {e.change.key: e for e in outbox.pending()}

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
        return len(self._queue)

    def changed_elsewhere(self, guest_id: str) -> Guest | None:
        """The platform's newer state of a guest changed by someone else, if any."""
        return self._elsewhere.get(guest_id)

    # -- roster -------------------------------------------------------------------------

    def load_cached(
        self,
        event: Event,
        guests: Sequence[Guest | None],
        saved_at: datetime,
        index_state: dict[str, Any] | None = None,
    ) -> None:
        """Start from the roster cached on disk (offline-capable) before the network.
        With ``index_state`` (a start-up snapshot), ``guests`` are by index slot and the
        search index is taken in as it was built, not built again."""
        self.event = event
        self.roster_saved_at = saved_at
        present = list(filter(None, guests))  # a snapshot's free slots are None
        self._platform = dict(zip(map(_GUEST_ID, present), present, strict=True))  # in C
        self._restore_pending_overlay()
        if index_state is not None:
            try:
                self.index.restore(list(guests), index_state)
            except ValueError as exc:
                log.warning("start-up snapshot index unusable (%s); indexing again", exc)
                index_state = None
            else:
                for guest_id in self._sync:  # changes still waiting show as made here
                    known = self._platform.get(guest_id)
                    if known is not None:
                        self.index.update(self._displayed(known))
        if index_state is None:
            self.index.replace(self._displayed(guest) for guest in self._platform.values())
        self.listener.roster_changed()
        self._wake.set()

    def snapshot_source(self) -> tuple[list[Guest | None], dict[str, Any]] | None:
        """The platform's guests by index slot and the index tables, for a start-up
        snapshot; None while a roster load is under way (the tables are changing)."""
        if self._loading.locked() or not self._platform:
            return None
        shown, state = self.index.state()
        known = self._platform
        guests = [known.get(g.id, g) if g is not None else None for g in shown]
        return guests, state

    async def load_roster(self) -> bool:
        """Load (first time) or refresh the roster; True when the platform answered.

        The guests are searchable when this returns; the roster cache on disk may still
        be being written (``cache_written`` waits for that)."""
        async with self._loading:
            with _full_collections_postponed():
                if not self._platform:
                    self._set_connection(Connection.CONNECTING, "")
                try:
                    roster = await self.backend.load_roster(known=self._platform)
                except PlatformError as exc:
                    log.warning("roster load failed: %s", exc)
                    self._connection_from_error(exc)
                    return False
                complete, problem = roster.complete, roster.problem
                if not self._platform:
                    await self._take_first(roster)  # sets the event with the guests
                else:
                    self.event = roster.event
                    await self._merge(roster)
                    # Most refreshed guests equal known ones and are dropped: let them go a
                    # slice at a time (this list then holds the last references).
                    unused = list(roster.guests)
                    del roster
                    await _release(unused)
                # The full collection the load put off, in a turn of its own. Left to the
                # collector, it came with the next allocation once allowed again: with
                # the refresh's last step or in a keystroke, 4-7 ms on top of either.
                await asyncio.sleep(0)
                gc.collect()
                await asyncio.sleep(0)
            self.roster_saved_at = datetime.now(UTC)
            problem = "" if complete else (problem or "The guest list is incomplete.")
            self._set_connection(Connection.ONLINE if complete else Connection.PROBLEM, problem)
            # The platform answers again: whatever waits for the network goes now.
            self._not_before.clear()
            self._wake.set()
            return True

    async def run_refresher(self, interval: float) -> None:
        """Refresh the roster every ``interval`` seconds, so other desks' changes appear
        (and delivery resumes by itself when the platform is back)."""
        while True:
            await asyncio.sleep(interval)
            await self.load_roster()

    async def _take_first(self, roster: Roster) -> None:
        # The first roster makes a million objects and no cycles. Collected as they are
        # made, they would be walked by a young collection (30 ms at 100,000 guests),
        # again by a middle one (25 ms) and by the next full one (77 ms): the collector
        # waits, and ``settle_heap`` (when given) freezes them before it resumes. The
        # few cycles the rest of the window makes meanwhile are frozen with them: once,
        # like the start-up's own (``kiosk.app.settle_heap``).
        collecting = gc.isenabled()
        gc.disable()
        try:
            await self._index_first(roster)
            # Once: an event still without guests takes its every refresh this way, and
            # a freeze then would keep that moment's garbage cycles for good.
            settle, self._settle_heap = self._settle_heap, None
            if settle is not None:
                settle()
        finally:
            if collecting:
                gc.enable()

    async def _index_first(self, roster: Roster) -> None:
        platform: dict[str, Guest] = {}
        guests = roster.guests
        for lo in range(0, len(guests), FIRST_BATCH):  # in one go: 12-20 ms at 100,000
            platform.update({guest.id: guest for guest in guests[lo : lo + FIRST_BATCH]})
            await asyncio.sleep(0)
        self._platform = platform
        self._restore_pending_overlay()
        # In slices: indexing 100,000 guests at once held the window for ~1 s.
        await self.index.replace_async(self._displayed(guest) for guest in roster.guests)
        # Set with the guests, not before: the index fills in slices, and whoever sees
        # an event (the status bar, tests waiting for the load) expects its guests too.
        self.event = roster.event
        self.listener.roster_changed()
        if self.cache is not None:
            # Not awaited: writing 100,000 rows takes ~2 s, and the guests are searchable
            # without it. A refresh and ``flush`` (at shutdown) wait for it.
            write = asyncio.to_thread(
                self.cache.save_all, roster.event, roster.guests, complete=roster.complete
            )
            self._cache_write = asyncio.ensure_future(write)
            self._cache_write.add_done_callback(_note_cache_failure)

    async def cache_written(self) -> None:
        """Wait until the roster cache on disk holds the last roster loaded (a failed
        write is logged, not raised: the cache only speeds up the next start)."""
        if self._cache_write is not None:
            await asyncio.wait([self._cache_write])

    async def _merge(self, roster: Roster) -> None:
        """Fold a refreshed roster in, in batches so the window never stalls."""
        changed: list[Guest] = []
        added = False
        for position, fresh in enumerate(roster.guests):
            if position and position % MERGE_BATCH == 0:
                await asyncio.sleep(0)
            known = self._platform.get(fresh.id)
            if known == fresh:
                continue
            added = added or known is None
            self._platform[fresh.id] = fresh
            changed.append(fresh)
            if known is not None and known.status is not fresh.status:
                if self._ours.get(fresh.id) is fresh.status:
                    self._elsewhere.pop(fresh.id, None)
                else:
                    self._elsewhere[fresh.id] = fresh
                    log.info("guest %s changed elsewhere: %s", fresh.id, fresh.status.wire)
            shown = self._displayed(fresh)
            self.index.update(shown)
            if not added:
                self.listener.guest_changed(shown)
        # Every id of the roster (one guest per id: ``Roster``) is known now, so only a
        # longer list of known ones has removals; only then are the roster's ids made a
        # set, for a set difference at C speed (a Python pass took ~30 ms). Collected as
        # the merge went, that set resized to a fresh 4 MB table mid-merge: a 14 ms step.
        removed: list[str] = []
        if roster.complete and len(self._platform) > len(roster.guests):
            removed = list(self._platform.keys() - {guest.id for guest in roster.guests})
        for gid in removed:
            del self._platform[gid]
            self.index.remove(gid)
        if added or removed:
            self.listener.roster_changed()
        if self.cache is not None and (changed or removed):
            await self.cache_written()  # the whole roster's first write goes first
            # In parts: each holds SQLite's write lock, which a change saved at the door
            # waits for.
            for start in range(0, len(changed), UPSERT_BATCH):
                await asyncio.to_thread(self.cache.upsert, changed[start : start + UPSERT_BATCH])
            if removed:
                await asyncio.to_thread(self.cache.upsert, [], removed)

    # -- changes ------------------------------------------------------------------------

    def conflict(self, guest_id: str, status: Status) -> Conflict | None:
        """A reason to ask before setting ``status``: the guest was changed elsewhere
        after this kiosk first saw them, to something else than this pick."""
        fresh = self._elsewhere.get(guest_id)
        if fresh is None or fresh.status is status:
            return None
        return Conflict(fresh, status)

    def set_status(
        self, guest_id: str, status: Status, *, force: bool = False
    ) -> StatusChange | Conflict | None:
        """Record a change at the door; it is on disk before this returns.

        Returns a Conflict instead (nothing recorded) when the guest was changed
        elsewhere and ``force`` is not set; the window asks the person and calls again.
        """
        current = self._platform.get(guest_id)
        if current is None:
            return None
        shown = self.index.get(guest_id) or current
        if shown.status is status and guest_id not in self._sync:
            return None  # nothing to change
        if not force and (conflict := self.conflict(guest_id, status)) is not None:
            return conflict
        change = StatusChange(
            guest_id=guest_id,
            platform_ref=current.platform_ref,
            status=status,
            kiosk_id=self.kiosk_id,
            previous_status=current.status,
            seen_changed_at=current.changed_at,
        )
        forced = force or guest_id in self._elsewhere
        self.outbox.add(change, force=forced)
        for key in [k for k, e in self._queue.items() if e.change.guest_id == guest_id]:
            del self._queue[key]  # superseded in the file too
        self._queue[change.key] = OutboxEntry(change, EntryState.PENDING, 0, "", forced)
        self._elsewhere.pop(guest_id, None)
        log.info("saved change %s: guest %s → %s", change.key, guest_id, status.wire)
        self._update_sync(guest_id, GuestSync(Delivery.SAVED, status))
        self.listener.pending_changed(len(self._queue))
        self._wake.set()
        return change

    def retry(self, guest_id: str) -> StatusChange | Conflict | None:
        """Send a refused or conflicting change again (a person asked to)."""
        sync = self._sync.get(guest_id)
        if sync is None or sync.delivery is not Delivery.FAILED:
            return None
        for entry in self.outbox.needing_attention():
            if entry.change.guest_id == guest_id:
                self.outbox.mark(entry.change.key, EntryState.DISCARDED, "sent again")
        self._sync.pop(guest_id, None)
        return self.set_status(guest_id, sync.status, force=True)

    def retry_entry(self, key: str) -> None:
        entry = self.outbox.get(key)
        if entry is None or entry.state is not EntryState.NEEDS_ATTENTION:
            return
        self._sync[entry.change.guest_id] = GuestSync(Delivery.FAILED, entry.change.status)
        self.retry(entry.change.guest_id)

    def discard_entry(self, key: str) -> None:
        """A person decided a refused change should not be sent. Kept, marked discarded."""
        entry = self.outbox.get(key)
        if entry is None or entry.state is not EntryState.NEEDS_ATTENTION:
            return
        self.outbox.mark(key, EntryState.DISCARDED, entry.message)
        gid = entry.change.guest_id
        sync = self._sync.get(gid)
        if sync and sync.delivery is Delivery.FAILED and sync.status is entry.change.status:
            self._sync.pop(gid, None)
            if (guest := self._platform.get(gid)) is not None:
                self.index.update(guest)
                self.listener.guest_changed(guest)
        self.listener.pending_changed(len(self._queue))

    def changes(self) -> list[ChangeRow]:
        """Every change this kiosk made, oldest first, with the guest's name."""
        rows = []
        for entry in self.outbox.all():
            guest = self._platform.get(entry.change.guest_id)
            rows.append(ChangeRow(entry, guest.name if guest else entry.change.guest_id))
        return rows

    def export_csv(self, path: Path) -> int:
        """Write the end-of-day reconciliation CSV; returns the number of changes."""
        rows = self.changes()
        with path.open("w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(
                ["door_time", "kiosk", "guest_id", "guest", "status", "previous_status",
                 "outcome", "attempts", "message", "change_key"]
            )  # fmt: skip
            for row in rows:
                change = row.entry.change
                writer.writerow(
                    [
                        change.door_time.isoformat(),
                        change.kiosk_id,
                        change.guest_id,
                        row.guest_name,
                        change.status.wire,
                        change.previous_status.wire if change.previous_status else "",
                        row.entry.state.value,
                        row.entry.attempts,
                        row.entry.message,
                        change.key,
                    ]
                )
        return len(rows)

    # -- delivery -----------------------------------------------------------------------

    async def run_sender(self) -> None:
        """Drain the outbox for as long as the app runs (cancel to stop)."""
        loop = asyncio.get_running_loop()
        tasks: set[asyncio.Task[None]] = set()
        try:
            while True:
                self._wake.clear()
                now = loop.time()
                next_due = self._rate_limit_pause()
                if next_due is None:
                    for entry in list(self._queue.values()):
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

    def _rate_limit_pause(self) -> float | None:
        """Loop time to wait until, when the platform's rate-limit headers say the
        window is used up (sheepCRM ``x-rate-limit-*``); None to go on."""
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
        """Try every pending change now and wait until none is pending or in flight, and
        until the roster cache is written.

        Unbounded: the caller bounds it (``asyncio.timeout``) at shutdown.
        """
        self._not_before.clear()
        while self.outbox.count_pending() or self._in_flight:
            self._delivered.clear()
            self._wake.set()
            await self._delivered.wait()
        await self.cache_written()

    async def _deliver(self, entry: OutboxEntry) -> None:
        gid = entry.change.guest_id
        try:
            await self._attempt(entry)
        finally:
            self._in_flight.discard(gid)
            self._delivered.set()
            self.listener.pending_changed(len(self._queue))
            self._wake.set()

    async def _attempt(self, entry: OutboxEntry) -> None:
        change = entry.change
        gid = change.guest_id
        guest = self._platform[gid]
        # A change is its guest's latest while it is in the queue mirror: a newer pick
        # for the guest takes it out (superseded), a final outcome pops it.
        if change.key in self._queue:
            self._update_sync(gid, GuestSync(Delivery.SENT, change.status))
        try:
            if entry.attempts and change.status not in self.capabilities.idempotent:
                # An earlier try (maybe before a crash) may have reached the platform:
                # look before writing again; Attendu's check-in adds to a counter.
                guest = await self.backend.get_guest(guest)
                self._platform[gid] = guest
            if entry.attempts and guest.status is change.status:
                updated = guest
            else:
                if (conflict := self._delivery_conflict(change, guest, entry.force)) is not None:
                    self._needs_attention(change, conflict)
                    return
                self.outbox.begin_attempt(change.key)
                updated = await self.backend.set_status(guest, change.status)
        except (RateLimited, PlatformUnavailable, AuthRejected) as exc:
            self._reschedule(entry, exc)
            return
        except PlatformError as exc:
            log.warning("change %s refused: %s", change.key, exc)
            self._needs_attention(change, str(exc))
            self._connection_ok()
            return
        self.outbox.mark(change.key, EntryState.DELIVERED)
        latest = self._queue.pop(change.key, None) is not None
        self._not_before.pop(change.key, None)
        self._platform[gid] = updated
        self._ours[gid] = change.status
        log.info("delivered change %s: guest %s → %s", change.key, gid, change.status.wire)
        if latest:
            self._update_sync(gid, GuestSync(Delivery.SYNCED, change.status))
        self._connection_ok()

    def _delivery_conflict(self, change: StatusChange, platform: Guest, forced: bool) -> str | None:
        """The platform changed since this kiosk decided (another desk, offline for a
        while): do not overwrite it silently, unless a person said to (``forced``)."""
        if forced:
            return None
        now = platform.status
        if now in (change.status, change.previous_status) or self._ours.get(change.guest_id) is now:
            return None
        when = platform.changed_at.astimezone().strftime("%H:%M") if platform.changed_at else ""
        return (
            f"changed elsewhere since this kiosk saved it (now {now.wire} {when}); "
            "not overwritten — Retry sends it anyway"
        ).replace("  ", " ")

    def _needs_attention(self, change: StatusChange, message: str) -> None:
        self.outbox.mark(change.key, EntryState.NEEDS_ATTENTION, message)
        if self._queue.pop(change.key, None) is not None:  # still the guest's latest
            self._update_sync(change.guest_id, GuestSync(Delivery.FAILED, change.status, message))

    def _reschedule(self, entry: OutboxEntry, exc: PlatformError) -> None:
        change = entry.change
        self.outbox.note(change.key, str(exc))
        if change.key in self._queue:  # next time: an attempt was made, look first
            self._queue[change.key] = dataclasses.replace(
                entry, attempts=entry.attempts + 1, message=str(exc)
            )
        delay = self._retry.delay(entry.attempts + 1, self._rng)
        if isinstance(exc, RateLimited) and exc.retry_after is not None:
            delay = max(delay, exc.retry_after)
        if isinstance(exc, AuthRejected):
            delay = max(delay, self._retry.auth_wait)
        self._not_before[change.key] = asyncio.get_running_loop().time() + delay
        log.info("change %s waits %.1f s: %s", change.key, delay, exc)
        if not isinstance(exc, RateLimited):
            self._connection_from_error(exc)
        if change.key in self._queue:
            self._update_sync(change.guest_id, GuestSync(Delivery.SAVED, change.status, str(exc)))

    # -- state plumbing -----------------------------------------------------------------

    def _restore_pending_overlay(self) -> None:
        """After a restart, changes still in the outbox show as saved on this kiosk."""
        for entry in self.outbox.pending():
            self._sync[entry.change.guest_id] = GuestSync(
                Delivery.SAVED, entry.change.status, entry.message, entry.change.door_time
            )  # keeps the door time of the change, not the restart's
        for entry in self.outbox.needing_attention():
            gid = entry.change.guest_id
            if gid not in self._sync:
                self._sync[gid] = GuestSync(Delivery.FAILED, entry.change.status, entry.message)

    def _displayed(self, guest: Guest) -> Guest:
        sync = self._sync.get(guest.id)
        if sync and sync.delivery in (Delivery.SAVED, Delivery.SENT):
            return guest.with_status(sync.status, sync.at)  # shown with the door time
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
        else:
            self._set_connection(Connection.PROBLEM, str(exc))

    def _set_connection(self, state: Connection, message: str) -> None:
        if (state, message) == (self.connection, self.connection_message):
            return
        self.connection = state
        self.connection_message = message
        self.listener.connection_changed(state, message)


@contextlib.contextmanager
def _full_collections_postponed() -> Iterator[None]:
    """No automatic full garbage collection inside. Loading a roster makes (and on a
    refresh, mostly drops again) 100,000 guests and no reference cycles; living through
    the young generations they brought on full collections that walked the whole heap
    (one took 120 ms mid-refresh). The young generations are still collected: turning
    the collector off instead saved up the cyclic garbage of everything else running
    meanwhile (a drain's requests) for one 80 ms collection at the end."""
    young, middle, full = gc.get_threshold()
    gc.set_threshold(young, middle, 1 << 30)
    try:
        yield
    finally:
        gc.set_threshold(young, middle, full)


async def _release(garbage: list[Guest]) -> None:
    """Empty ``garbage`` a slice at a time, yielding to the loop in between."""
    while garbage:
        del garbage[-RELEASE_BATCH:]
        await asyncio.sleep(0)


def _note_cache_failure(write: asyncio.Future[None]) -> None:
    if not write.cancelled() and (exc := write.exception()) is not None:
        log.warning("the roster cache was not written: %s", exc)
