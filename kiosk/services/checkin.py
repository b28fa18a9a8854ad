"""The desk-facing check-in service: status picks, conflicts, needs attention, reconciliation."""

from __future__ import annotations

import asyncio
import csv
import dataclasses
import functools
import logging
import random
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from kiosk.backends.base import Backend, Capabilities, Roster
from kiosk.domain import Event, Guest, Status, StatusChange, write_refusal
from kiosk.search import SearchIndex
from kiosk.services.budget import CallBudget
from kiosk.services.delivery import OutboxSender, RetryPolicy
from kiosk.services.freshness import FRESH_FOR_S, Freshness
from kiosk.services.prints import PrintLog
from kiosk.services.roster_sync import RosterSync
from kiosk.services.state import CheckinListener, Connection, Delivery, DeskState, GuestSync
from kiosk.services.storage import StorageWatch
from kiosk.store.outbox import EntryState, Outbox, OutboxEntry
from kiosk.store.roster import RosterCache

__all__ = [
    "ChangeRow",
    "CheckinListener",
    "CheckinService",
    "Conflict",
    "Connection",
    "Delivery",
    "GuestSync",
    "RetryPolicy",
]

log = logging.getLogger(__name__)


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


class CheckinService:
    """The desk's one entry point: holds the roster (``roster_sync``), records changes
    in the outbox first, and has them delivered (``sender``).

    The displayed guest is the platform's view overlaid with this kiosk's undelivered
    change (``DeskState``), so a status picked at the door shows at once and survives
    until the platform confirms or refuses it.
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
        fresh_for: float = FRESH_FOR_S,
        budget: CallBudget | None = None,
    ) -> None:
        """``budget`` paces calls inside the platform's quota (``run_refresher``, the
        sender). ``settle_heap`` is called once the first roster is in and searchable, before
        full garbage collections resume: the composition root freezes the heap there
        (``kiosk.runtime.settle_heap``), or the first full collection after the load
        walks every guest just made, a visible freeze. A view of a guest older than
        ``fresh_for`` seconds is looked at before a pick overwrites it (``pick``)."""
        self.backend = backend
        self.outbox = outbox
        self.cache = cache
        self.kiosk_id = kiosk_id
        self.listener = listener
        policy = retry or RetryPolicy()
        storage = StorageWatch(outbox, base=policy.base, cap=min(policy.cap, 10.0))
        self._state = DeskState(listener, outbox, storage)
        self.index: SearchIndex = self._state.index
        self.roster_sync = RosterSync(backend, self._state, cache=cache, settle_heap=settle_heap)
        self.sender = OutboxSender(
            backend,
            outbox,
            self._state,
            concurrency=concurrency,
            retry=retry,
            rng=rng,
            budget=budget,
        )
        self.sender.on_kept = self.roster_sync.keep
        # The file takes writes again: what waited for it (a counted attempt) goes now.
        storage.watch(lambda fault: self.sender.resume() if fault is None else None)
        self.freshness = Freshness(
            backend, self._state, lambda: self.roster_sync.saved_at, fresh_for=fresh_for
        )
        self.prints = PrintLog(*outbox.shared())  # badge prints, in the same file

    # -- reading ------------------------------------------------------------------------

    @property
    def capabilities(self) -> Capabilities:
        return self.backend.capabilities

    @property
    def event(self) -> Event | None:
        return self.roster_sync.event

    @property
    def roster_saved_at(self) -> datetime | None:
        return self.roster_sync.saved_at

    @property
    def storage(self) -> StorageWatch:
        """Whether changes can be saved now (``watch`` it to hear when that changes)."""
        return self._state.storage

    @property
    def connection(self) -> Connection:
        return self._state.connection

    @property
    def connection_message(self) -> str:
        return self._state.connection_message

    def guest(self, guest_id: str) -> Guest | None:
        return self.index.get(guest_id)

    def sync_state(self, guest_id: str) -> GuestSync | None:
        return self._state.sync.get(guest_id)

    def search(self, query: str, limit: int | None = 200) -> list[Guest]:
        return self.index.search(query, limit)

    def pending_count(self) -> int:
        return self.sender.pending_count()

    def view_age(self, guest_id: str) -> float | None:
        """Seconds since the platform last confirmed this desk's view of the guest (the
        window says "as of 40 s ago" when it is old); None before any load."""
        return self.freshness.age(guest_id)

    def changed_elsewhere(self, guest_id: str) -> Guest | None:
        """The platform's newer state of a guest changed by someone else, if any."""
        return self._state.elsewhere.get(guest_id)

    # -- roster -------------------------------------------------------------------------

    def load_cached(
        self,
        event: Event,
        guests: Sequence[Guest | None],
        saved_at: datetime,
        index_state: dict[str, Any] | None = None,
    ) -> None:
        """Start from the roster cached on disk (see ``RosterSync.load_cached``)."""
        self.roster_sync.load_cached(event, guests, saved_at, index_state)
        self.sender.wake()

    def snapshot_source(self) -> tuple[list[Guest | None], dict[str, Any]] | None:
        """The guests and index tables for a start-up snapshot, or None mid-load."""
        return self.roster_sync.snapshot_source()

    async def load_roster(self) -> bool:
        """Load (first time) or refresh the roster; True when the platform answered, and
        then whatever waited for the network is sent now.

        The guests are searchable when this returns; the roster cache on disk may still
        be being written (``cache_written`` waits for that)."""
        answered = await self.roster_sync.load_roster()
        if answered:
            self.sender.resume()
        return answered

    async def run_refresher(self, interval: float) -> None:
        """Refresh the roster every ``interval`` seconds (or as seldom as the call
        budget says), so other desks' changes appear (and delivery resumes by itself
        when the platform is back)."""
        budget = self.sender.budget
        while True:
            await asyncio.sleep(interval if budget is None else budget.refresh_delay(interval))
            # Writes go first: while the quota holds this desk's changes back, a refresh
            # would spend the very calls they wait for.
            while budget is not None and budget.waiting:
                if (held := budget.write_delay()) <= 0:
                    break
                await asyncio.sleep(held)
            # The quota may have no room left for a refresh beyond the writes' reserve.
            while budget is not None:
                if (room := budget.refresh_room()) <= 0:
                    break
                await asyncio.sleep(room)
            await self.load_roster()

    async def cache_written(self) -> None:
        """Wait until the roster cache on disk holds the last roster loaded."""
        await self.roster_sync.cache_written()

    async def _merge(self, roster: Roster) -> None:
        """Fold a refreshed roster in: what a refresh does once the platform answered."""
        await self.roster_sync.merge(roster)

    # -- changes ------------------------------------------------------------------------

    def conflict(self, guest_id: str, status: Status) -> Conflict | None:
        """A reason to ask before setting ``status``: the guest was changed elsewhere
        after this kiosk first saw them, to something else than this pick."""
        fresh = self._state.elsewhere.get(guest_id)
        if fresh is None or fresh.status is status:
            return None
        return Conflict(fresh, status)

    def needs_look(self, guest_id: str, status: Status, *, force: bool = False) -> bool:
        """Whether ``pick`` would read the guest from the platform before deciding."""
        return not force and self.freshness.needs_look(guest_id, status)

    async def pick(
        self, guest_id: str, status: Status, *, force: bool = False
    ) -> StatusChange | Conflict | None:
        """``set_status``, after reading the guest from the platform when this desk's
        view of them is old and the platform can (see ``Freshness``): a change another
        desk made meanwhile is then a Conflict, asked about, not overwritten."""
        if self.needs_look(guest_id, status, force=force):
            await self.freshness.look(guest_id)
        return self.set_status(guest_id, status, force=force)

    def set_status(
        self, guest_id: str, status: Status, *, force: bool = False, party_in: int | None = None
    ) -> StatusChange | Conflict | None:
        """Record a change at the door; it is on disk before this returns.

        Returns a Conflict instead (nothing recorded) when the guest was changed
        elsewhere and ``force`` is not set; the window asks the person and calls again.
        None when nothing was recorded: no change, or the outbox cannot be written (the
        ``storage`` fault says why, once).
        """
        current = self._state.platform.get(guest_id)
        if current is None or write_refusal(current) is not None:
            return None  # not a guest, or a row the platform cannot take a write for
        shown = self.index.get(guest_id) or current
        if shown.status is status and party_in is None and guest_id not in self._state.sync:
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
            party_in=party_in,  # some of a party (kiosk.services.parties)
        )
        forced = force or guest_id in self._state.elsewhere
        if not self._state.storage.write(lambda: self.sender.add(change, forced=forced)):
            return None
        self._state.elsewhere.pop(guest_id, None)
        log.info("saved change %s: guest %s → %s", change.key, guest_id, status.wire)
        self._state.update_sync(guest_id, GuestSync(Delivery.SAVED, status))
        self.listener.pending_changed(self.sender.pending_count())
        self.sender.wake()
        return change

    def retry(self, guest_id: str) -> StatusChange | Conflict | None:
        """Send a refused or conflicting change again (a person asked to)."""
        sync = self._state.sync.get(guest_id)
        if sync is None or sync.delivery is not Delivery.FAILED:
            return None
        for entry in self.outbox.needing_attention():
            key = entry.change.key
            discard = functools.partial(self.outbox.mark, key, EntryState.DISCARDED, "sent again")
            if entry.change.guest_id == guest_id and not self._state.storage.write(discard):
                return None
        self._state.sync.pop(guest_id, None)
        return self.set_status(guest_id, sync.status, force=True)

    def retry_entry(self, key: str) -> None:
        entry = self.outbox.get(key)
        if entry is None or entry.state is not EntryState.NEEDS_ATTENTION:
            return
        self._state.sync[entry.change.guest_id] = GuestSync(Delivery.FAILED, entry.change.status)
        self.retry(entry.change.guest_id)

    def discard_entry(self, key: str) -> None:
        """A person decided a refused change should not be sent. Kept, marked discarded."""
        entry = self.outbox.get(key)
        if entry is None or entry.state is not EntryState.NEEDS_ATTENTION:
            return
        if not self._state.storage.write(
            lambda: self.outbox.mark(key, EntryState.DISCARDED, entry.message)
        ):
            return
        gid = entry.change.guest_id
        sync = self._state.sync.get(gid)
        if sync and sync.delivery is Delivery.FAILED and sync.status is entry.change.status:
            self._state.sync.pop(gid, None)
            if (guest := self._state.platform.get(gid)) is not None:
                self.index.update(guest)
                self.listener.guest_changed(guest)
        self.listener.pending_changed(self.sender.pending_count())

    def changes(self) -> list[ChangeRow]:
        """Every change this kiosk made, oldest first, with the guest's name."""
        rows = []
        for entry in self.outbox.all():
            guest = self._state.platform.get(entry.change.guest_id)
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
            for p in self.prints.all():  # badge prints: not changes, reconciled beside them
                where = f"{p.printer} ({p.size})" + (f": {p.message}" if p.message else "")
                writer.writerow([p.asked_at.isoformat(), self.kiosk_id, p.guest_id, p.guest_name,
                                 "badge", "", p.state.value, "", where, p.key])  # fmt: skip
        return len(rows)

    # -- delivery -----------------------------------------------------------------------

    async def run_sender(self) -> None:
        """Drain the outbox for as long as the app runs, and while the outbox cannot be
        written, try it again now and then (cancel to stop)."""
        await asyncio.gather(self.sender.run(), self._state.storage.run())

    async def flush(self) -> None:
        """Try every pending change now and wait until none is pending or in flight, and
        until the roster cache is written.

        Unbounded: the caller bounds it (``asyncio.timeout``) at shutdown.
        """
        await self.sender.flush()
        await self.cache_written()
