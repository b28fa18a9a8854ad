"""The Attendu roster reader: the guest list gathered page by page, and what was missed."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from kiosk.backends.attendu.statuses import DISPLAY_NAME, keep_local_no_show
from kiosk.backends.attendu.wire import GuestPage
from kiosk.backends.base import NO_GUESTS, Roster
from kiosk.domain import Event, Guest, Status


@dataclasses.dataclass(frozen=True, slots=True)
class AttenduPaging:
    """How the guest list is paged. Attendu does not publish the parameter names, so
    they are settings; the project's sandbox uses ``skip``/``limit``. ``max_pages``
    stops a server that never ends (each page must also bring new guests).
    ``counts_pages``: ``offset_param`` is a page number from 1, not guests to skip."""

    offset_param: str = "skip"
    limit_param: str = "limit"
    max_pages: int = 5000
    counts_pages: bool = False


#: The sandbox's paging (frozen, so one instance is safely shared).
DEFAULT_PAGING = AttenduPaging()


class GuestListReader:
    """Builds a Roster from the pages of ``GET /v1/guests`` given one at a time:
    ``add_page`` for each (it says whether to ask for another, from ``offset``),
    ``gave_up`` if ``paging.max_pages`` ran out first, then ``roster``. Pure: no I/O."""

    def __init__(self, paging: AttenduPaging, known: Mapping[str, Guest] = NO_GUESTS) -> None:
        self._paging = paging
        self._known = known  # the last load's guests: one that reads the same is kept
        self._guests: dict[str, Guest] = {}
        self._seen: set[str] = set()  # every row id met, read or not
        self._skipped: list[str] = []
        self._total: int | None = None
        self._problem: str | None = None
        #: Where the next page starts.
        self.offset = 0

    @property
    def total(self) -> int | None:
        """The number of guests the list announced, once a page said."""
        return self._total

    def add_page(self, page: GuestPage) -> bool:
        """Take one page; True when the list goes on and the next page should be asked for."""
        total = self._total = page.total if page.total is not None else self._total
        new_ids = set(page.row_ids) - self._seen
        self._seen |= new_ids
        self._skipped += page.skipped
        guests, known = self._guests, self._known
        for guest in page.guests:
            same = known.get(guest.id)  # the last load's guest, when it reads the same
            if same is not None and same.status is Status.NO_SHOW:
                guest = keep_local_no_show(guest, same)
            guests[guest.id] = same if same == guest else guest
        # Advance by what arrived: a server may cap the page below what we asked.
        self.offset += page.rows
        if page.rows == 0 or (total is not None and self.offset >= total):
            return False
        if not new_ids:
            paging = self._paging
            self._problem = (
                f"{DISPLAY_NAME} kept sending the same guests (it may not understand the "
                f"page settings '{paging.offset_param}'/'{paging.limit_param}'); "
                f"{len(guests)} of {total if total is not None else 'an unknown number of'} "
                "guests were loaded."
            )
            return False
        return True

    def gave_up(self) -> None:
        """``paging.max_pages`` pages were read and the list had not ended."""
        self._problem = f"Kiosk stopped after {self._paging.max_pages} pages of guests."

    def roster(self, event: Event) -> Roster:
        """The roster read; incomplete, with the reason, when anything was missed."""
        problem, total, seen = self._problem, self._total, self._seen
        if problem is None and self._skipped:
            count = len(self._skipped)
            problem = (
                f"{count} guest{'s' if count != 1 else ''} could not be read and "
                f"{'are' if count != 1 else 'is'} missing: {self._skipped[0]}."
            )
        if problem is None and total is not None and len(seen) < total:
            problem = (
                f"{DISPLAY_NAME} announced {total} guests but sent {len(seen)}; the list "
                "may have changed while loading. Reload to be sure."
            )
        return Roster(
            event=event,
            guests=tuple(self._guests.values()),
            complete=problem is None,
            problem=problem,
        )
