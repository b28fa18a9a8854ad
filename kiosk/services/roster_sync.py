"""Roster sync: load, refresh and merge the guest list into memory, the index and the cache."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import operator
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from kiosk import runtime
from kiosk.backends.base import Backend, ReportsProgress, Roster
from kiosk.domain import Event, Guest, PlatformError
from kiosk.domain.words import OVERWRITTEN, fill
from kiosk.services.state import Connection, Delivery, DeskState, GuestSync
from kiosk.store.roster import RosterCache

log = logging.getLogger(__name__)

#: Guests merged between two yields to the event loop during a refresh.
MERGE_BATCH = 1000
#: Guests let go between two yields after a refresh: freeing the 100,000 a refresh
#: brings and mostly finds unchanged, all at once, held the window visibly.
RELEASE_BATCH = 2000
#: Guests filed by id between two yields when the first roster comes in.
FIRST_BATCH = 10_000
#: Changed guests written to the roster cache per transaction after a refresh.
UPSERT_BATCH = 100

_GUEST_ID = operator.attrgetter("id")


class RosterSync:
    """Loads the roster into ``state`` (the platform's guests and the search index),
    merges refreshes into it, and keeps the roster cache on disk in step."""

    def __init__(
        self,
        backend: Backend,
        state: DeskState,
        *,
        cache: RosterCache | None = None,
        settle_heap: Callable[[], None] | None = None,
    ) -> None:
        """``settle_heap`` is called once the first roster is in and searchable, before
        full garbage collections resume (see ``_take_first``)."""
        self.backend = backend
        self.cache = cache
        self.event: Event | None = None
        self.saved_at: datetime | None = None
        self._state = state
        self._settle_heap = settle_heap
        self._loading = asyncio.Lock()
        self._cache_write: asyncio.Future[None] | None = None

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
        state = self._state
        self.event = event
        self.saved_at = saved_at
        present = list(filter(None, guests))  # a snapshot's free slots are None
        state.platform = dict(zip(map(_GUEST_ID, present), present, strict=True))  # in C
        state.restore_pending_overlay()
        if index_state is not None:
            try:
                state.index.restore(list(guests), index_state)
            except ValueError as exc:
                log.warning("start-up snapshot index unusable (%s); indexing again", exc)
                index_state = None
            else:
                for guest_id in state.sync:  # changes still waiting show as made here
                    known = state.platform.get(guest_id)
                    if known is not None:
                        state.index.update(state.displayed(known))
        if index_state is None:
            state.index.replace(state.displayed(guest) for guest in state.platform.values())
        state.listener.roster_changed()

    def snapshot_source(self) -> tuple[list[Guest | None], dict[str, Any]] | None:
        """The platform's guests by index slot and the index tables, for a start-up
        snapshot; None while a roster load is under way (the tables are changing)."""
        known = self._state.platform
        if self._loading.locked() or not known:
            return None
        shown, tables = self._state.index.state()
        guests = [known.get(g.id, g) if g is not None else None for g in shown]
        return guests, tables

    async def load_roster(self) -> bool:
        """Load (first time) or refresh the roster; True when the platform answered.

        The guests are searchable when this returns; the roster cache on disk may still
        be being written (``cache_written`` waits for that)."""
        state = self._state
        async with self._loading:
            with runtime.full_collections_postponed():
                first = not state.platform
                if first:
                    state.set_connection(Connection.CONNECTING, "")
                asked = datetime.now(UTC)
                try:
                    with self._progress_told(first):
                        roster = await self.backend.load_roster(known=state.platform)
                except PlatformError as exc:
                    log.warning("roster load failed: %s", exc)
                    state.connection_from_error(exc)
                    return False
                complete, problem = roster.complete, roster.problem
                if roster.unchanged:
                    # The platform said nothing changed: nothing was parsed, nothing is
                    # merged, and no garbage was made; the desk's view is confirmed now.
                    self.event = roster.event
                    del roster
                else:
                    if not state.platform:
                        await self._take_first(roster)  # sets the event with the guests
                    else:
                        self.event = roster.event
                        await self.merge(roster, asked)
                        # Most refreshed guests equal known ones and are dropped: let them
                        # go a slice at a time (this list then holds the last references).
                        unused = list(roster.guests)
                        del roster
                        await runtime.release(unused, RELEASE_BATCH)
                    # The full collection the load put off, in a turn of its own. Left to
                    # the collector, it came with the next allocation once allowed again:
                    # with the refresh's last step or in a keystroke, on top of either.
                    await runtime.yield_to_loop()
                    runtime.collect_garbage()
                    await runtime.yield_to_loop()
            self.saved_at = datetime.now(UTC)
            problem = "" if complete else (problem or "The guest list is incomplete.")
            state.set_connection(Connection.ONLINE if complete else Connection.PROBLEM, problem)
            return True

    @contextlib.contextmanager
    def _progress_told(self, first: bool) -> Iterator[None]:
        """During a first load, how far it has come goes to the listener's
        ``roster_progress(loaded, total)`` (when it has one): a long list's pages."""
        backend = self.backend
        told = getattr(self._state.listener, "roster_progress", None)
        if not first or told is None or not isinstance(backend, ReportsProgress):
            yield
            return
        backend.progress = told
        try:
            yield
        finally:
            backend.progress = None

    async def _take_first(self, roster: Roster) -> None:
        # The first roster makes a million objects and no cycles. Collected as they are
        # made, they would be walked by a young collection, again by a middle one and by
        # the next full one: the collector waits, and ``settle_heap`` (when given)
        # freezes them before it resumes. The few cycles the rest of the window makes
        # meanwhile are frozen with them: once, like the start-up's own
        # (``kiosk.runtime.settle_heap``).
        with runtime.collector_paused():
            await self._index_first(roster)
            # Once: an event still without guests takes its every refresh this way, and
            # a freeze then would keep that moment's garbage cycles for good.
            settle, self._settle_heap = self._settle_heap, None
            if settle is not None:
                settle()

    async def _index_first(self, roster: Roster) -> None:
        state = self._state
        platform: dict[str, Guest] = {}
        guests = roster.guests
        for lo in range(0, len(guests), FIRST_BATCH):  # in one go, a visible stall
            platform.update({guest.id: guest for guest in guests[lo : lo + FIRST_BATCH]})
            await runtime.yield_to_loop()
        state.platform = platform
        state.restore_pending_overlay()
        # In slices: indexing 100,000 guests at once held the window far too long.
        await state.index.replace_async(state.displayed(guest) for guest in roster.guests)
        # Set with the guests, not before: the index fills in slices, and whoever sees
        # an event (the status bar, tests waiting for the load) expects its guests too.
        self.event = roster.event
        state.listener.roster_changed()
        if self.cache is not None:
            # Not awaited: writing 100,000 rows takes seconds, and the guests are
            # searchable without it. A refresh and ``flush`` (at shutdown) wait for it.
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

    def _note_overwritten(self, fresh: Guest) -> None:
        """This desk's delivered change was replaced by another's: say so on the guest
        (a platform without a read of one guest cannot ask before a stale overwrite,
        so the desk whose change was lost is told at its next refresh)."""
        state = self._state
        sync = state.sync.get(fresh.id)
        if (
            sync is not None
            and sync.delivery is Delivery.SYNCED
            and sync.status is not (fresh.status)
        ):
            message = fill(OVERWRITTEN, fresh.status.wire)
            state.update_sync(fresh.id, GuestSync(Delivery.FAILED, sync.status, message))

    async def merge(self, roster: Roster, asked: datetime | None = None) -> None:
        """Fold a refreshed roster in, in batches so the window never stalls. A roster
        ``asked`` for before one of this desk's changes was confirmed is older than that
        confirmation: it does not speak for that guest."""
        state = self._state
        platform, elsewhere, ours, index = state.platform, state.elsewhere, state.ours, state.index
        displayed, guest_changed = state.displayed, state.listener.guest_changed
        changed: list[Guest] = []
        added = False
        for position, fresh in enumerate(roster.guests):
            if position and position % MERGE_BATCH == 0:
                await runtime.yield_to_loop()
            known = platform.get(fresh.id)
            if known == fresh:
                continue
            if asked is not None and known is not None and known.status is not fresh.status:
                sync = state.sync.get(fresh.id)
                if sync is not None and sync.delivery is Delivery.SYNCED and sync.at > asked:
                    continue
            added = added or known is None
            platform[fresh.id] = fresh
            changed.append(fresh)
            if known is not None and known.status is not fresh.status:
                if ours.get(fresh.id) is fresh.status:
                    elsewhere.pop(fresh.id, None)
                else:
                    elsewhere[fresh.id] = fresh
                    log.info("guest %s changed elsewhere: %s", fresh.id, fresh.status.wire)
                    self._note_overwritten(fresh)
            shown = displayed(fresh)
            index.update(shown)
            if not added:
                guest_changed(shown)
        # Every id of the roster (one guest per id: ``Roster``) is known now, so only a
        # longer list of known ones has removals; only then are the roster's ids made a
        # set, for a set difference at C speed. Collected as the merge went, that set
        # resized to a fresh table mid-merge: a step of its own.
        removed: list[str] = []
        if roster.complete and len(platform) > len(roster.guests):
            removed = list(platform.keys() - {guest.id for guest in roster.guests})
        for gid in removed:
            del platform[gid]
            index.remove(gid)
        if added or removed:
            state.listener.roster_changed()
        if self.cache is not None and (changed or removed):
            await self.cache_written()  # the whole roster's first write goes first
            # In parts: each holds SQLite's write lock, which a change saved at the door
            # waits for.
            try:
                for start in range(0, len(changed), UPSERT_BATCH):
                    batch = changed[start : start + UPSERT_BATCH]
                    await asyncio.to_thread(self.cache.upsert, batch)
                if removed:
                    await asyncio.to_thread(self.cache.upsert, [], removed)
            except sqlite3.Error as exc:  # a full disk: the cache only speeds up a start
                log.warning("the roster cache was not updated: %s", exc)

    async def keep(self, guest: Guest) -> None:
        """Write one guest to the cache now: their status is one the platform cannot
        hold (an Attendu no-show), so the next start reads it back from here."""
        if self.cache is None:
            return
        await self.cache_written()
        try:
            await asyncio.to_thread(self.cache.upsert, [guest])
        except sqlite3.Error as exc:
            log.warning("the roster cache was not updated: %s", exc)


def _note_cache_failure(write: asyncio.Future[None]) -> None:
    if not write.cancelled() and (exc := write.exception()) is not None:
        log.warning("the roster cache was not written: %s", exc)
