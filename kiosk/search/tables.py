"""The index tables of one roster: their one-guest changes, code look-up and snapshot state."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from typing import Any

from kiosk.domain import Guest
from kiosk.search.columns import columns_changed, file_columns, unfile_columns
from kiosk.search.normalise import (
    code_parts,
    compact,
    filed_codes,
    fold_email,
    fold_name,
    guest_codes,
    name_words,
)

#: A code typed in part matches ticket codes that start with it from this length on.
CODE_PREFIX_MIN = 4
#: An email typed in part matches from this many letters on.
EMAIL_BUCKET = 3

GAP = 1 << 20  # distance between neighbouring rank numbers after a renumbering

#: The tables of ``Tables`` besides its guests, as ``Tables.state`` gives them.
STATE = (
    "emails",
    "tickets",
    "rank",
    "order",
    "slot",
    "free",
    "terms",
    "vocab",
    "codes",
    "more_codes",
    "email_starts",
    "ticket_starts",
    "ticket_parts",
    "by_status",
    "by_type",
    "starred",
)


def _indexed_fields(guest: Guest) -> tuple[str, str, str, str, str]:
    return (guest.first_name, guest.last_name, guest.email, guest.ticket, guest.platform_ref)


def _name_key(guest: Guest) -> tuple[str, str, str]:
    # The id last: guests with the same name keep one order, built or updated.
    return (fold_name(guest.last_name), fold_name(guest.first_name), guest.id)


class Tables:
    """Everything one roster's index holds; ``SearchIndex`` swaps a new one in whole.
    Empty tables are filled with a whole roster by ``kiosk.search.bulk.add_bulk``."""

    def __init__(self) -> None:
        self.guests: list[Guest | None] = []  # by slot
        self.emails: list[str] = []  # by slot, folded
        self.tickets: list[str] = []  # by slot, compact
        self.rank: list[int] = []  # by slot: alphabetical position, with gaps
        self.order: list[int] = []  # slots, alphabetical
        self.slot: dict[str, int] = {}  # guest id → slot
        self.free: list[int] = []
        self.terms: dict[str, set[int]] = {}  # name word → slots
        self.vocab: list[str] = []  # the words of ``terms``, sorted
        self.codes: dict[str, int] = {}  # exact code → first slot holding it
        self.more_codes: dict[str, list[int]] = {}  # rare: a code several guests share
        self.email_starts: dict[str, list[int]] = {}  # first EMAIL_BUCKET letters → slots
        self.ticket_starts: dict[str, list[int]] = {}  # first CODE_PREFIX_MIN → slots
        # A part of a ticket code → slots. Tuples, not lists: the collector stops
        # tracking a tuple of ints, and there are two or three parts per guest.
        self.ticket_parts: dict[str, tuple[int, ...]] = {}
        # Column tables for filters (``kiosk.search.columns``): status → slots, ticket
        # type → slots, starred slots.
        self.by_status: dict[str, set[int]] = {}
        self.by_type: dict[str, set[int]] = {}
        self.starred: set[int] = set()

    # -- one guest at a time --------------------------------------------------------------

    def _renumber(self) -> None:
        rank = self.rank
        for position, slot in enumerate(self.order):
            rank[slot] = position * GAP

    def add(self, guest: Guest) -> None:
        """Add one guest to a built index, keeping every sorted list sorted."""
        slot = self.free.pop() if self.free else len(self.guests)
        email, ticket = fold_email(guest.email), compact(guest.ticket)
        if slot == len(self.guests):
            self.guests.append(guest)
            self.emails.append(email)
            self.tickets.append(ticket)
            self.rank.append(0)
        self.guests[slot] = guest
        self.emails[slot] = email
        self.tickets[slot] = ticket
        self.slot[guest.id] = slot
        for word in {*name_words(guest.first_name), *name_words(guest.last_name)}:
            holders = self.terms.get(word)
            if holders is None:
                self.terms[word] = {slot}
                bisect.insort(self.vocab, word)
            else:
                holders.add(slot)
        if email:
            self.email_starts.setdefault(email[:EMAIL_BUCKET], []).append(slot)
        if len(ticket) >= CODE_PREFIX_MIN:
            self.ticket_starts.setdefault(ticket[:CODE_PREFIX_MIN], []).append(slot)
        for part in code_parts(guest.ticket):
            self.ticket_parts[part] = (*self.ticket_parts.get(part, ()), slot)
        file_columns(self.by_status, self.by_type, self.starred, slot, guest)
        for code in filed_codes(guest):
            held = self.codes.setdefault(code, slot)
            if held != slot:
                self.more_codes.setdefault(code, []).append(slot)
        guests = self.guests
        position = bisect.bisect_right(
            self.order,
            _name_key(guest),
            key=lambda s: _name_key(guests[s]),  # type: ignore[arg-type]
        )
        low = self.rank[self.order[position - 1]] if position else -GAP
        high = self.rank[self.order[position]] if position < len(self.order) else low + 2 * GAP
        self.order.insert(position, slot)
        if high - low < 2:
            self._renumber()  # no room left between the neighbours: rare, O(n)
        else:
            self.rank[slot] = (low + high) // 2

    def _remove(self, guest_id: str) -> None:
        slot = self.slot.pop(guest_id)
        guest = self.guests[slot]
        assert guest is not None
        for word in {*name_words(guest.first_name), *name_words(guest.last_name)}:
            holders = self.terms[word]
            holders.discard(slot)
            if not holders:
                del self.terms[word]
                del self.vocab[bisect.bisect_left(self.vocab, word)]
        email, ticket = self.emails[slot], self.tickets[slot]
        if email:
            _discard(self.email_starts, email[:EMAIL_BUCKET], slot)
        if len(ticket) >= CODE_PREFIX_MIN:
            _discard(self.ticket_starts, ticket[:CODE_PREFIX_MIN], slot)
        for part in code_parts(guest.ticket):
            held = tuple(s for s in self.ticket_parts.get(part, ()) if s != slot)
            if held:
                self.ticket_parts[part] = held
            else:
                self.ticket_parts.pop(part, None)
        unfile_columns(self.by_status, self.by_type, self.starred, slot, guest)
        # Every code, not only the filed ones: tables built before codes equal to an
        # id were left unfiled (snapshots) may hold one; dropping a code not held is a
        # no-op.
        for code in guest_codes(guest):
            self._drop_code(code, slot)
        guests = self.guests
        key = _name_key(guest)
        position = bisect.bisect_left(
            self.order,
            key,
            key=lambda s: _name_key(guests[s]),  # type: ignore[arg-type]
        )
        while self.order[position] != slot:  # past same-named guests
            position += 1
        del self.order[position]
        self.guests[slot] = None
        self.emails[slot] = self.tickets[slot] = ""
        self.free.append(slot)

    def _drop_code(self, code: str, slot: int) -> None:
        extra = self.more_codes.get(code)
        if self.codes.get(code) == slot:
            if extra:
                self.codes[code] = extra.pop(0)
            else:
                del self.codes[code]
        elif extra and slot in extra:
            extra.remove(slot)
        if code in self.more_codes and not self.more_codes[code]:
            del self.more_codes[code]

    def update(self, guest: Guest) -> bool:
        """Take in a guest; False when nothing searchable changed (a status change)."""
        slot = self.slot.get(guest.id)
        if slot is not None:
            old = self.guests[slot]
            assert old is not None
            if _indexed_fields(old) == _indexed_fields(guest):
                if columns_changed(old, guest):  # a status change: the usual update
                    unfile_columns(self.by_status, self.by_type, self.starred, slot, old)
                    file_columns(self.by_status, self.by_type, self.starred, slot, guest)
                self.guests[slot] = guest
                return False
            self._remove(guest.id)
        self.add(guest)
        return True

    def remove(self, guest_id: str) -> bool:
        if guest_id not in self.slot:
            return False
        self._remove(guest_id)
        return True

    # -- looking up -----------------------------------------------------------------------

    def code_slots(self, code: str) -> set[int]:
        found = set(self.more_codes.get(code, ()))
        for slot in (self.codes.get(code), self.slot.get(code)):
            if slot is not None:
                found.add(slot)
        guests = self.guests
        # A free slot never answers, whatever a table says (a scan opens a guest).
        return {slot for slot in found if slot < len(guests) and guests[slot] is not None}

    # -- the start-up snapshot ------------------------------------------------------------

    def state(self) -> tuple[list[Guest | None], dict[str, Any]]:
        """The tables as plain containers: the guests by slot (None: a free slot) and
        every table. Shared, not copied."""
        return self.guests, {name: getattr(self, name) for name in STATE}

    @classmethod
    def from_state(cls, guests: list[Guest | None], state: dict[str, Any]) -> Tables:
        """Tables over ``guests`` by slot from what ``state`` gave. Raises ValueError
        when the tables do not fit together."""
        tables = cls()
        tables.guests = guests
        for name in STATE:
            expected = type(getattr(tables, name))
            value = state.get(name)
            if type(value) is not expected:
                raise ValueError(f"search index table {name!r} is missing or not a {expected}")
            setattr(tables, name, value)
        size = len(guests)
        fits = (
            len(tables.emails) == len(tables.tickets) == len(tables.rank) == size
            and len(tables.slot) + len(tables.free) == size
            and len(tables.order) == len(tables.slot)
            and len(tables.vocab) == len(tables.terms)
            and all(
                (guest is None) == (slot in tables.free)
                and (guest is None or tables.slot.get(guest.id) == slot)
                for slot, guest in _spot_checks(guests)
            )
        )
        if not fits:
            raise ValueError("search index tables do not fit the guests")
        return tables


def _spot_checks(guests: list[Guest | None], count: int = 64) -> Iterator[tuple[int, Guest | None]]:
    """A spread of (slot, guest) pairs, first and last included: enough to catch tables
    that belong to another roster without walking all of this one."""
    if not guests:
        return
    step = max(1, len(guests) // count)
    for slot in (*range(0, len(guests), step), len(guests) - 1):
        yield slot, guests[slot]


def _discard(buckets: dict[str, list[int]], key: str, slot: int) -> None:
    held = buckets.get(key)
    if held is not None and slot in held:
        held.remove(slot)
        if not held:
            del buckets[key]
