"""Filling empty index tables with a whole roster, in slices an event loop can interleave."""

from __future__ import annotations

import collections
import heapq
from collections.abc import Callable, Generator, Iterable
from itertools import islice
from typing import Any, TypeVar

from kiosk.domain import Guest
from kiosk.search.columns import fill_columns
from kiosk.search.normalise import code_parts, compact, fold_email, fold_name, name_words
from kiosk.search.tables import CODE_PREFIX_MIN, EMAIL_BUCKET, GAP, Tables

#: Guests handled between two yields of a sliced build (a few milliseconds' work).
SLICE = 1024

T = TypeVar("T")


def add_bulk(
    tables: Tables, guests: Iterable[Guest], *, sliced: bool
) -> Generator[None, None, None]:
    """Fill empty ``tables`` with a roster. ``sliced``: work in pieces of ``SLICE`` guests
    (sorts included) and yield after each, so a caller can let its event loop turn;
    otherwise in one go, as fast as possible."""
    step = SLICE if sliced else 1 << 62
    by_id: dict[str, Guest] = {}
    for count, guest in enumerate(guests, start=1):  # the last of a repeated id wins
        by_id[guest.id] = guest
        if count % step == 0:
            yield
    roster: list[Guest] = list(by_id.values())
    tables.guests = list(roster)
    del by_id
    yield
    by_name: dict[str, list[int]] = collections.defaultdict(list)
    for lo in range(0, len(roster), step):
        part = roster[lo : lo + step]
        slots = range(lo, lo + len(part))
        tables.slot.update(zip([g.id for g in part], slots, strict=True))
        tables.emails += [fold_email(g.email) for g in part]
        tickets = [compact(g.ticket) for g in part]
        tables.tickets += tickets
        for slot, guest in zip(slots, part, strict=True):
            by_name[guest.first_name].append(slot)
            by_name[guest.last_name].append(slot)
        # The codes ``filed_codes`` gives, a kind at a time: a code that is the
        # guest's id is found through ``slot`` and not filed (removal relies on it).
        # (Inline, not ``compact`` per item: most are compact already.)
        refs = [g.platform_ref.rstrip("/").rpartition("/")[2] for g in part]
        refs = [r if r.isalnum() and r.islower() and r.isascii() else compact(r) for r in refs]
        own = [g.id for g in part]
        odd = [i if i.isalnum() and i.islower() and i.isascii() else compact(i) for i in own]
        for codes in (tickets, refs, odd):
            _add_codes(tables, [c if c != i else "" for c, i in zip(codes, own, strict=True)], lo)
        yield
    tables.rank = [0] * len(roster)
    terms = tables.terms
    for count, (name, slots_of_name) in enumerate(by_name.items(), start=1):
        for word in name_words(name):
            holders = terms.get(word)
            if holders is None:
                terms[word] = set(slots_of_name)
            else:
                holders.update(slots_of_name)
        if count % (step // 4 or 1) == 0:
            yield
    del by_name
    tables.vocab = yield from _sort(list(terms), _identity, sliced)
    parts = tables.ticket_parts
    for lo in range(0, len(roster), step):
        for slot in range(lo, min(lo + step, len(roster))):
            email, ticket = tables.emails[slot], tables.tickets[slot]
            if email:
                tables.email_starts.setdefault(email[:EMAIL_BUCKET], []).append(slot)
            if len(ticket) >= CODE_PREFIX_MIN:
                tables.ticket_starts.setdefault(ticket[:CODE_PREFIX_MIN], []).append(slot)
            for piece in code_parts(roster[slot].ticket):
                parts[piece] = (*parts.get(piece, ()), slot)
        status, types, starred = fill_columns(roster[lo : lo + step], lo)
        for key, held in status.items():
            tables.by_status.setdefault(key, set()).update(held)
        for key, held in types.items():
            tables.by_type.setdefault(key, set()).update(held)
        tables.starred.update(starred)
        yield
    # Alphabetical order through small integers: sort the distinct names, not 100,000
    # tuples of strings.
    last_names: set[str] = set()
    first_names: set[str] = set()
    for lo in range(0, len(roster), step):  # sliced too: a whole roster's names is no frame
        part = roster[lo : lo + step]
        last_names.update([g.last_name for g in part])
        first_names.update([g.first_name for g in part])
        yield
    last_rank = yield from _name_ranks(last_names, step)
    first_rank = yield from _name_ranks(first_names, step)
    del last_names, first_names
    width = len(first_rank) + 1
    weight: list[int] = []
    for lo in range(0, len(roster), step):
        weight += [
            last_rank[g.last_name] * width + first_rank[g.first_name]
            for g in roster[lo : lo + step]
        ]
        yield
    ids: list[str] = []
    for lo in range(0, len(roster), step):
        ids += [g.id for g in roster[lo : lo + step]]
        yield
    tables.order = yield from _sort(
        list(range(len(roster))), lambda slot: (weight[slot], ids[slot]), sliced
    )
    rank = tables.rank
    for lo in range(0, len(roster), step):
        for position in range(lo, min(lo + step, len(roster))):
            rank[tables.order[position]] = position * GAP
        yield


def _add_codes(tables: Tables, by_slot: list[str], offset: int) -> None:
    """File one kind of code for slots ``offset`` on (dict comprehensions: C speed);
    a code held by two guests is rare and goes the slow way."""
    codes, more = tables.codes, tables.more_codes
    fresh = {code: slot for slot, code in enumerate(by_slot, offset) if code}
    if not fresh:
        return
    clashes = set(codes.keys() & fresh.keys()) if codes else set()
    if len(fresh) < len(by_slot) - by_slot.count(""):  # a code repeats in this piece
        seen: dict[str, int] = {}
        for slot, code in enumerate(by_slot, offset):
            if code and seen.setdefault(code, slot) != slot:
                clashes.add(code)
    for code in clashes:
        for slot, each in enumerate(by_slot, offset):
            held = each == code and codes.setdefault(code, slot) != slot
            if held and slot not in more.setdefault(code, []):
                more[code].append(slot)
        del fresh[code]
    codes.update(fresh)


def _sort(
    items: list[T], key: Callable[[T], Any], sliced: bool, chunk: int = 4096
) -> Generator[None, None, list[T]]:
    """``sorted(items, key=key)``; when ``sliced``, in runs of ``chunk`` merged in steps,
    yielding between them (one C sort of a whole roster holds the loop for frames)."""
    if not sliced or len(items) <= chunk:
        return sorted(items, key=key)
    runs = []
    for start in range(0, len(items), chunk):
        runs.append(sorted(items[start : start + chunk], key=key))
        yield
    merged = heapq.merge(*runs, key=key)
    out: list[T] = []
    while batch := list(islice(merged, chunk)):
        out.extend(batch)
        yield
    return out


def _name_ranks(names: set[str], step: int) -> Generator[None, None, dict[str, int]]:
    """Each name's alphabetical place among the folded names (equal when they fold
    alike: Müller and Muller); yields every ``step`` names."""
    folded: dict[str, str] = {}
    for count, name in enumerate(names, start=1):
        folded[name] = fold_name(name)
        if count % step == 0:
            yield
    ordered = yield from _sort(list(set(folded.values())), _identity, step < len(names))
    place = {text: i for i, text in enumerate(ordered)}
    return {name: place[text] for name, text in folded.items()}


def _identity(text: str) -> str:
    return text
