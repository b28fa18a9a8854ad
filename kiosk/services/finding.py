"""Finding at the desk: filters (status, VIP, ticket type, changed at this desk), the
order of the list, and a kiosk's desk reference typed into the search.

Filters are answered by the search index's column tables (``SearchIndex.where``): the
slots a filter lets through are intersected with each ranked tier, so the best matches
*within* the filter are listed, not the filtered rest of the best 500. Sorting by a
column orders the listed matches (at most the list's limit, never the whole roster in
Python); the status column goes through the column tables for an empty search.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Set as AbstractSet

from kiosk.domain import Guest, Status
from kiosk.domain.status import ORDER
from kiosk.search import fold
from kiosk.services.checkin import CheckinService
from kiosk.services.desk_reference import References, parse_reference
from kiosk.services.selfservice_steps import Reason


class Column(enum.IntEnum):
    """The list's columns, as the results table numbers them."""

    NAME = 0
    EMAIL = 1
    TICKET = 2
    STATUS = 3


@dataclasses.dataclass(frozen=True, slots=True)
class Filters:
    status: Status | None = None
    vip: bool = False
    ticket_type: str | None = None
    changed_here: bool = False

    @property
    def active(self) -> bool:
        return self != Filters()


@dataclasses.dataclass(frozen=True, slots=True)
class Found:
    """What a search found: the guests to list, and for a desk reference what the
    kiosk said (``reason``; ``guests`` are the ones its mark stands for)."""

    guests: list[Guest]
    reason: Reason | None = None
    reference: str = ""


#: The reasons a kiosk gives with the guest it knew (their reference carries a mark).
WITH_GUEST = frozenset(
    {
        Reason.DECLINED,
        Reason.ALREADY_IN,
        Reason.NOT_ALLOWED,
        Reason.CHANGED,
        Reason.CANNOT_SAVE,
        Reason.SEE_STAFF,
    }
)

_STATUS_PLACE = {status: place for place, status in enumerate(ORDER)}


class Finder:
    """Answers the desk's search with filters, an order and desk references."""

    def __init__(self, service: CheckinService) -> None:
        self.service = service
        self.references = References(service.index)

    def forget(self) -> None:
        """The roster changed (references are looked up afresh)."""
        self.references.forget()

    def find(
        self,
        text: str,
        filters: Filters,
        limit: int,
        sort: tuple[Column, bool] | None = None,
    ) -> Found:
        """Matches of ``text`` within ``filters``, at most ``limit``; ``sort``: a column
        and whether descending (None: the search's own order, best first)."""
        parsed = parse_reference(text)
        if parsed is not None:
            reason, mark = parsed
            # Only these come with a guest; the others' characters are random.
            guests = self.references.guests(mark) if reason in WITH_GUEST else []
            return Found(guests, reason, text.strip().upper())
        index = self.service.index
        within = index.where(
            status=filters.status.value if filters.status else None,
            starred=filters.vip,
            ticket_type=filters.ticket_type,
            ids=self._changed_here() if filters.changed_here else None,
        )
        if sort is not None and sort[0] is Column.STATUS and not text.strip():
            guests = self._by_status(within, limit, descending=sort[1])
        else:
            guests = index.search(text, limit, within)
            if sort is not None:
                guests = sort_guests(guests, *sort)
        return Found(guests)

    def _changed_here(self) -> set[str]:
        """Guests with a change made at this desk (any outcome), from the outbox."""
        return {entry.change.guest_id for entry in self.service.outbox.all()}

    def _by_status(
        self, within: AbstractSet[int] | None, limit: int, *, descending: bool
    ) -> list[Guest]:
        """Everyone (within the filter) grouped by status, A to Z in each group: the
        column tables give each status's slots, walked in alphabetical order in C."""
        index = self.service.index
        out: list[Guest] = []
        for status in reversed(ORDER) if descending else ORDER:
            if len(out) >= limit:
                break
            slots = index.where(status=status.value)
            assert slots is not None
            allowed = slots if within is None else slots & within
            out += index.search("", limit - len(out), allowed)
        return out


def sort_guests(guests: list[Guest], column: Column, descending: bool) -> list[Guest]:
    """The listed matches (at most the list's limit) in ``column``'s order."""
    if column is Column.STATUS:
        return sorted(guests, key=lambda g: _STATUS_PLACE[g.status], reverse=descending)
    if column is Column.EMAIL:
        return sorted(guests, key=lambda g: (g.email == "", fold(g.email)), reverse=descending)
    if column is Column.TICKET:
        return sorted(guests, key=lambda g: fold(g.ticket), reverse=descending)
    return sorted(guests, key=lambda g: (fold(g.last_name), fold(g.first_name)), reverse=descending)
