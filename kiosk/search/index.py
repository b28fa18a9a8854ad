"""The search index as the roster changes: whole rosters swapped in, guests updated or
removed, and the built tables given to and taken from the start-up snapshot."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from kiosk import runtime
from kiosk.domain import Guest
from kiosk.search.bulk import add_bulk
from kiosk.search.ranked import RankedSearch
from kiosk.search.tables import Tables


class SearchIndex(RankedSearch):
    """Finds guests by name (any order, partial words, one typo), email or its start,
    and exact ticket code, guest id or platform reference.

    Ranking (see ``Rank``): exact code first, then guests whose name words equal every
    query word, then start with them, then email and ticket-code starts, then matches
    inside words, then typos; alphabetical by last name, first name within a rank.

    ``update`` is cheap when only a status changed (the usual case); ``replace_async``
    indexes a whole new roster in slices, so an event loop keeps turning.
    """

    def __init__(self, guests: Iterable[Guest] = ()) -> None:
        self._t = Tables()
        self._replaying: dict[str, Guest | None] | None = None
        self._generation = 0
        self._cache = {}
        self._cached_slots = 0
        self._all = None
        self._alphabet = ""
        self.replace(guests)

    def __len__(self) -> int:
        return len(self._t.slot)

    def by_slot(self) -> list[Guest | None]:
        """Every guest, in no order (None: a free slot). Shared, not copied: copy it
        before the loop turns if it is to be read in parts."""
        return self._t.guests

    def get(self, guest_id: str) -> Guest | None:
        slot = self._t.slot.get(guest_id)
        return self._t.guests[slot] if slot is not None else None

    # -- changing -------------------------------------------------------------------------

    def replace(self, guests: Iterable[Guest]) -> None:
        """Index a whole new roster at once."""
        tables = Tables()
        for _ in add_bulk(tables, guests, sliced=False):
            pass
        self._swap(tables)

    async def replace_async(self, guests: Iterable[Guest], slice_s: float = 0.004) -> None:
        """Index a whole new roster, giving the event loop a turn every ``slice_s``
        seconds. Searches meanwhile answer from the old roster; updates and removals made
        meanwhile are applied to the new one before it is swapped in."""
        tables = Tables()
        replay: dict[str, Guest | None] = {}
        self._replaying = replay
        # The build allocates enough to trigger several full collections, each walking
        # every object, and makes no cycles: the collector waits until it is done.
        with runtime.collector_paused():
            try:
                await runtime.run_sliced(add_bulk(tables, guests, sliced=True), slice_s=slice_s)
            finally:
                self._replaying = None
        for guest_id, guest in replay.items():
            if guest is None:
                tables.remove(guest_id)
            else:
                tables.update(guest)
        self._swap(tables)

    def state(self) -> tuple[list[Guest | None], dict[str, Any]]:
        """The built index as plain containers, for the start-up snapshot: the guests
        by slot (None: a free slot) and every table. Shared, not copied: pickle it
        before the index changes again."""
        return self._t.state()

    def restore(self, guests: list[Guest | None], state: dict[str, Any]) -> None:
        """Take in an index ``state`` gave, over ``guests`` by slot (the same guests,
        or versions of them whose searchable fields are the same). Raises ValueError
        when the tables do not fit together; the index is then unchanged."""
        self._swap(Tables.from_state(guests, state))

    def _swap(self, tables: Tables) -> None:
        self._t = tables
        self._changed()

    def _changed(self) -> None:
        self._generation += 1
        self._forget_queries()
        self._all = None
        self._alphabet = ""

    def update(self, guest: Guest) -> None:
        """Add a guest or take in a newer version of one."""
        if self._replaying is not None:
            self._replaying[guest.id] = guest
        if self._t.update(guest):
            self._changed()
        else:
            self._all = None  # the same order, but the list holds the old object

    def remove(self, guest_id: str) -> None:
        """Forget a guest the platform no longer lists."""
        if self._replaying is not None:
            self._replaying[guest_id] = None
        if self._t.remove(guest_id):
            self._changed()
