"""Guest search: text normalisation and an in-memory index answered within one frame.

The index is an inverted index of folded name words kept beside a sorted vocabulary, so
a word prefix is a ``bisect`` range; an email is found by its start (folded emails in
buckets of their first letters); exact codes (ticket, guest id, platform reference) are
one dict look-up. Candidate sets are
Python sets combined in C; only the best ``limit`` of each rank are put in order, through
a rank number per guest (alphabetical, with gaps so one new guest needs no renumbering).
Chosen by ``python -m benchmarks`` over rapidfuzz and SQLite FTS5 (see the README).
"""

from __future__ import annotations

import asyncio
import bisect
import collections
import functools
import gc
import heapq
import re
import time
import unicodedata
import urllib.parse
from collections.abc import Callable, Generator, Iterable, Iterator
from collections.abc import Set as AbstractSet
from itertools import chain, islice
from typing import Any, NamedTuple, TypeVar

from kiosk.domain import Guest

#: Letters that Unicode decomposition does not fold to ASCII but people type without.
_EXTRA_FOLDS = str.maketrans(
    {
        "ł": "l",
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "\u0131": "i",  # Turkish dotless i
    }
)
#: A query is cut here: nobody types more, and a pasted novel must not cost a frame.
MAX_QUERY_CHARS = 200
#: A scanned code may be a long URL (a ticket's QR code with tracking parameters).
MAX_CODE_CHARS = 2000
#: Parts of a URL tried as codes, and the shortest part (after the last path segment)
#: that counts as one: ticket codes and platform ids are longer; "checkin", a year or a
#: short event number are not, and must never open (and check in) someone else.
MAX_CODE_CANDIDATES = 16
CODE_PART_MIN = 8
#: A name of this many letters or more may be typed with one typo (a letter replaced,
#: swapped, missing or extra): words typed this long try every edit, a word one letter
#: shorter only the letter missing.
TYPO_MIN_LETTERS = 5
#: Words shorter than this only match at the start of a name word, never inside it.
INFIX_MIN_LETTERS = 3
#: A code typed in part matches ticket codes that start with it from this length on.
CODE_PREFIX_MIN = 4
#: An email typed in part matches from this many letters on.
EMAIL_BUCKET = 3

#: Typos are tried with this many of the roster's commonest letters.
TYPO_LETTERS = 40
#: The typo tier is searched only when the clean tiers found fewer guests than this.
TYPO_WHEN_FEWER = 10

_WORD = re.compile(r"[^\W_]+")  # letters and digits, any script
_SPACE = re.compile(r"\s+")
_GAP = 1 << 20  # distance between neighbouring rank numbers after a renumbering
#: Guests handled between two yields of a sliced build (a few milliseconds' work).
SLICE = 1024


class Rank:
    """Why a guest matched; lower ranks are listed first (alphabetical within one)."""

    CODE = 0  # the whole query is the guest's ticket code, id or platform reference
    EXACT = 1  # every word is a whole word of the name
    PREFIX = 2  # every word starts a word of the name (or of the email's local part)
    EMAIL = 3  # the query starts the email address
    CODE_PREFIX = 4  # the query starts the ticket code
    INSIDE = 5  # every word is inside a word of the name
    TYPO = 6  # as above, with one typo in a word of five letters or more


def fold(text: str) -> str:
    """Case- and accent-insensitive form: 'Łukasz Müller' → 'lukasz muller'."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_EXTRA_FOLDS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


#: Names repeat (first names above all): fold each distinct one once.
_fold_name = functools.lru_cache(maxsize=65536)(fold)

#: Cached query parts (a word's prefix matches...). Bounded by count and by the slots
#: the cached sets hold together: every set is walked by each garbage collection that
#: sees it, and 256 of them, single letters included, held about a million slots (a
#: full collection took 20 ms instead of 1).
CACHE_QUERIES = 256
CACHE_SLOTS = 60_000

#: A set of guest slots: the index's own word sets, or a query part's, which is kept as
#: the keys of a dict of ints (``_untracked``): the collector does not track such a dict,
#: where it walked a set of 15,000 slots at every young collection (~0.9 ms each).
Slots = AbstractSet[int]


def _untracked(slots: Iterable[int]) -> Slots:
    return dict.fromkeys(slots).keys()


def tokens(text: str) -> list[str]:
    """Folded words; anything but a letter or a digit separates words."""
    return _WORD.findall(fold(text))


def compact(text: str) -> str:
    """A code as people type or scan it: folded, letters and digits only
    ('KSK-A5KZ' → 'ksk' + 'a5kz')."""
    if text.isascii():
        low = text.lower()
        if low.isalnum():
            return low
        return low.encode().translate(None, _ASCII_NON_ALNUM).decode()
    return "".join(_WORD.findall(fold(text)))


_ASCII_NON_ALNUM = bytes(c for c in range(128) if not chr(c).isalnum())


@functools.lru_cache(maxsize=65536)
def _name_words(name: str) -> tuple[str, ...]:
    """A name's searchable words: each word, plus joined forms of hyphenated or
    apostrophed ones ("Jean-Luc" → jean, luc, jeanluc; "O'Brien" → o, brien, obrien)."""
    folded = _fold_name(name)
    words = _WORD.findall(folded)
    for chunk in _SPACE.split(folded):
        parts = _WORD.findall(chunk)
        if len(parts) > 1:
            words.append("".join(parts))
    return tuple(dict.fromkeys(words))


def _fold_email(email: str) -> str:
    return email.strip().lower() if email.isascii() else fold(email.strip())


def guest_codes(guest: Guest) -> set[str]:
    """What a guest can be found by exactly: ticket code, guest id and platform
    reference; of a reference that is a path or URI (sheepCRM's person URI
    ``/bucket/person/<id>/``), its last segment."""
    codes = {compact(guest.ticket), compact(guest.id), compact(_last_segment(guest.platform_ref))}
    codes.discard("")
    return codes


def _filed_codes(guest: Guest) -> set[str]:
    """The codes filed in ``_Tables.codes``: an id already in compact form is found
    through ``_Tables.slot`` instead."""
    codes = guest_codes(guest)
    codes.discard(guest.id)
    return codes


def _last_segment(ref: str) -> str:
    return ref.rstrip("/").rpartition("/")[2] if "/" in ref else ref


def code_candidates(text: str) -> list[str]:
    """The exact codes a typed or scanned text may stand for, most specific first: the
    whole of it; and of a path, URI or URL (a ticket's QR code) its last path segment,
    its query values, its fragment's (``#/person/<id>``), then its other segments. Compact
    forms; a part shorter than ``CODE_PART_MIN`` is no code (``?event=2026``, ``/checkin``)."""
    text = text[:MAX_CODE_CHARS].strip()
    found = [compact(text)]
    if any(mark in text for mark in "/?#="):
        found.append(compact(_last_segment(text.split("?")[0].split("#")[0])))
        parts = (compact(part) for part in _url_parts(text))
        found += [part for part in parts if len(part) >= CODE_PART_MIN]
    return [code for code in dict.fromkeys(found) if code][:MAX_CODE_CANDIDATES]


def _url_parts(text: str, depth: int = 0) -> list[str]:
    """Query values (longest first), the fragment's parts, then path segments (last
    first) of a URL."""
    try:
        url = urllib.parse.urlsplit(text)
        values = [value for _key, value in urllib.parse.parse_qsl(url.query)]
    except ValueError:  # not a URL after all ("[" in a host ...)
        return []
    segments = [segment for segment in url.path.split("/") if segment]
    inner = _url_parts(url.fragment, depth + 1) if url.fragment and depth < 2 else []
    return [*sorted(values, key=len, reverse=True), *inner, *reversed(segments)]


def _indexed_fields(guest: Guest) -> tuple[str, str, str, str, str]:
    return (guest.first_name, guest.last_name, guest.email, guest.ticket, guest.platform_ref)


def _name_key(guest: Guest) -> tuple[str, str, str]:
    # The id last: guests with the same name keep one order, built or updated.
    return (_fold_name(guest.last_name), _fold_name(guest.first_name), guest.id)


T = TypeVar("T")


def _sort(
    items: list[T], key: Callable[[T], Any], sliced: bool, chunk: int = 4096
) -> Generator[None, None, list[T]]:
    """``sorted(items, key=key)``; when ``sliced``, in runs of ``chunk`` merged in steps,
    yielding between them (one C sort of 100,000 items holds the loop for 50+ ms)."""
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


#: The tables of ``_Tables`` besides its guests, as ``SearchIndex.state`` gives them.
_STATE = (
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
)


class _Query(NamedTuple):
    text: str  # folded, trimmed
    words: tuple[str, ...]
    code: str  # compact
    codes: tuple[str, ...]  # exact codes it may be


class _Tables:
    """Everything one roster's index holds; ``SearchIndex`` swaps a new one in whole."""

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

    # -- building -------------------------------------------------------------------------

    def add_bulk(self, guests: Iterable[Guest], *, sliced: bool) -> Generator[None, None, None]:
        """Fill empty tables with a roster. ``sliced``: work in pieces of ``SLICE`` guests
        (sorts included) and yield after each, so a caller can let its event loop turn;
        otherwise in one go, as fast as possible."""
        step = SLICE if sliced else 1 << 62
        by_id: dict[str, Guest] = {}
        for count, guest in enumerate(guests, start=1):  # the last of a repeated id wins
            by_id[guest.id] = guest
            if count % step == 0:
                yield
        roster: list[Guest] = list(by_id.values())
        self.guests = list(roster)
        del by_id
        yield
        by_name: dict[str, list[int]] = collections.defaultdict(list)
        for lo in range(0, len(roster), step):
            part = roster[lo : lo + step]
            slots = range(lo, lo + len(part))
            self.slot.update(zip([g.id for g in part], slots, strict=True))
            self.emails += [_fold_email(g.email) for g in part]
            tickets = [compact(g.ticket) for g in part]
            self.tickets += tickets
            for slot, guest in zip(slots, part, strict=True):
                by_name[guest.first_name].append(slot)
                by_name[guest.last_name].append(slot)
            # The codes ``_filed_codes`` gives, a kind at a time: a code that is the
            # guest's id is found through ``slot`` and not filed (removal relies on it).
            # (Inline, not ``compact`` per item: most are compact already.)
            refs = [g.platform_ref.rstrip("/").rpartition("/")[2] for g in part]
            refs = [r if r.isalnum() and r.islower() and r.isascii() else compact(r) for r in refs]
            own = [g.id for g in part]
            odd = [i if i.isalnum() and i.islower() and i.isascii() else compact(i) for i in own]
            for codes in (tickets, refs, odd):
                self._add_codes([c if c != i else "" for c, i in zip(codes, own, strict=True)], lo)
            yield
        self.rank = [0] * len(roster)
        terms = self.terms
        for count, (name, slots_of_name) in enumerate(by_name.items(), start=1):
            for word in _name_words(name):
                holders = terms.get(word)
                if holders is None:
                    terms[word] = set(slots_of_name)
                else:
                    holders.update(slots_of_name)
            if count % (step // 4 or 1) == 0:
                yield
        del by_name
        self.vocab = yield from _sort(list(terms), _identity, sliced)
        for lo in range(0, len(roster), step):
            for slot in range(lo, min(lo + step, len(roster))):
                email, ticket = self.emails[slot], self.tickets[slot]
                if email:
                    self.email_starts.setdefault(email[:EMAIL_BUCKET], []).append(slot)
                if len(ticket) >= CODE_PREFIX_MIN:
                    self.ticket_starts.setdefault(ticket[:CODE_PREFIX_MIN], []).append(slot)
            yield
        # Alphabetical order through small integers: sort the distinct names, not 100,000
        # tuples of strings.
        last_names: set[str] = set()
        first_names: set[str] = set()
        for lo in range(0, len(roster), step):  # one go: ~20 ms at 100,000
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
        self.order = yield from _sort(
            list(range(len(roster))), lambda slot: (weight[slot], ids[slot]), sliced
        )
        rank = self.rank
        for lo in range(0, len(roster), step):
            for position in range(lo, min(lo + step, len(roster))):
                rank[self.order[position]] = position * _GAP
            yield

    def _add_codes(self, by_slot: list[str], offset: int) -> None:
        """File one kind of code for slots ``offset`` on (dict comprehensions: C speed);
        a code held by two guests is rare and goes the slow way."""
        codes, more = self.codes, self.more_codes
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

    def _renumber(self) -> None:
        rank = self.rank
        for position, slot in enumerate(self.order):
            rank[slot] = position * _GAP

    def add(self, guest: Guest) -> None:
        """Add one guest to a built index, keeping every sorted list sorted."""
        slot = self.free.pop() if self.free else len(self.guests)
        email, ticket = _fold_email(guest.email), compact(guest.ticket)
        if slot == len(self.guests):
            self.guests.append(guest)
            self.emails.append(email)
            self.tickets.append(ticket)
            self.rank.append(0)
        self.guests[slot] = guest
        self.emails[slot] = email
        self.tickets[slot] = ticket
        self.slot[guest.id] = slot
        for word in {*_name_words(guest.first_name), *_name_words(guest.last_name)}:
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
        for code in _filed_codes(guest):
            held = self.codes.setdefault(code, slot)
            if held != slot:
                self.more_codes.setdefault(code, []).append(slot)
        guests = self.guests
        position = bisect.bisect_right(
            self.order,
            _name_key(guest),
            key=lambda s: _name_key(guests[s]),  # type: ignore[arg-type]
        )
        low = self.rank[self.order[position - 1]] if position else -_GAP
        high = self.rank[self.order[position]] if position < len(self.order) else low + 2 * _GAP
        self.order.insert(position, slot)
        if high - low < 2:
            self._renumber()  # no room left between the neighbours: rare, O(n)
        else:
            self.rank[slot] = (low + high) // 2

    def _remove(self, guest_id: str) -> None:
        slot = self.slot.pop(guest_id)
        guest = self.guests[slot]
        assert guest is not None
        for word in {*_name_words(guest.first_name), *_name_words(guest.last_name)}:
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


def _name_ranks(names: set[str], step: int) -> Generator[None, None, dict[str, int]]:
    """Each name's alphabetical place among the folded names (equal when they fold
    alike: Müller and Muller); yields every ``step`` names."""
    folded: dict[str, str] = {}
    for count, name in enumerate(names, start=1):
        folded[name] = _fold_name(name)
        if count % step == 0:
            yield
    ordered = yield from _sort(list(set(folded.values())), _identity, step < len(names))
    place = {text: i for i, text in enumerate(ordered)}
    return {name: place[text] for name, text in folded.items()}


def _identity(text: str) -> str:
    return text


def _discard(buckets: dict[str, list[int]], key: str, slot: int) -> None:
    held = buckets.get(key)
    if held is not None and slot in held:
        held.remove(slot)
        if not held:
            del buckets[key]


class SearchIndex:
    """Finds guests by name (any order, partial words, one typo), email or its start,
    and exact ticket code, guest id or platform reference.

    Ranking (see ``Rank``): exact code first, then guests whose name words equal every
    query word, then start with them, then email and ticket-code starts, then matches
    inside words, then typos; alphabetical by last name, first name within a rank.

    ``update`` is cheap when only a status changed (the usual case); ``replace_async``
    indexes a whole new roster in slices, so an event loop keeps turning.
    """

    def __init__(self, guests: Iterable[Guest] = ()) -> None:
        self._t = _Tables()
        self._replaying: dict[str, Guest | None] | None = None
        self._generation = 0  # bumped whenever anything searchable changes
        self._cache: dict[tuple[int, str, str], Slots] = {}
        self._cached_slots = 0  # how many slots the cached sets hold together
        self._all: list[Guest] | None = None
        self._alphabet = ""
        self.replace(guests)

    def __len__(self) -> int:
        return len(self._t.slot)

    # -- changing -------------------------------------------------------------------------

    def replace(self, guests: Iterable[Guest]) -> None:
        """Index a whole new roster at once."""
        tables = _Tables()
        for _ in tables.add_bulk(guests, sliced=False):
            pass
        self._swap(tables)

    async def replace_async(self, guests: Iterable[Guest], slice_s: float = 0.004) -> None:
        """Index a whole new roster, giving the event loop a turn every ``slice_s``
        seconds. Searches meanwhile answer from the old roster; updates and removals made
        meanwhile are applied to the new one before it is swapped in."""
        tables = _Tables()
        replay: dict[str, Guest | None] = {}
        self._replaying = replay
        # A full garbage collection walks every object (100 ms at 100,000 guests) and the
        # build allocates enough to trigger several; the build makes no cycles, so the
        # collector waits until it is done.
        collecting = gc.isenabled()
        gc.disable()
        try:
            deadline = time.perf_counter() + slice_s
            for _ in tables.add_bulk(guests, sliced=True):
                if time.perf_counter() >= deadline:
                    await asyncio.sleep(0)
                    deadline = time.perf_counter() + slice_s
        finally:
            self._replaying = None
            if collecting:
                gc.enable()
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
        t = self._t
        return t.guests, {name: getattr(t, name) for name in _STATE}

    def restore(self, guests: list[Guest | None], state: dict[str, Any]) -> None:
        """Take in an index ``state`` gave, over ``guests`` by slot (the same guests,
        or versions of them whose searchable fields are the same). Raises ValueError
        when the tables do not fit together; the index is then unchanged."""
        tables = _Tables()
        tables.guests = guests
        for name in _STATE:
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
        self._swap(tables)

    def _swap(self, tables: _Tables) -> None:
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

    # -- reading --------------------------------------------------------------------------

    def get(self, guest_id: str) -> Guest | None:
        slot = self._t.slot.get(guest_id)
        return self._t.guests[slot] if slot is not None else None

    def all(self) -> list[Guest]:
        """Everyone, alphabetical by last name (cached until the roster changes)."""
        if self._all is None:
            guests = self._t.guests
            self._all = [guests[slot] for slot in self._t.order]  # type: ignore[misc]
        return self._all

    def _first_of_all(self, limit: int | None) -> list[Guest]:
        """The first ``limit`` of everyone, alphabetical; only those are looked up
        (listing all 100,000 to keep 500 took ~28 ms)."""
        if limit is None or self._all is not None:
            return self.all()[:limit]
        guests = self._t.guests
        return [guests[slot] for slot in self._t.order[:limit]]  # type: ignore[misc]

    def lookup_code(self, code: str) -> list[Guest]:
        """Guests whose ticket code, id or platform reference is exactly ``code``
        (case, spaces and separators ignored), alphabetical."""
        t = self._t
        slots = sorted(self._code_match(code_candidates(code)), key=t.rank.__getitem__)
        return [t.guests[slot] for slot in slots]  # type: ignore[misc]

    def _code_match(self, candidates: Iterable[str]) -> set[int]:
        """The holders of the most specific candidate anyone holds (a URL's ticket
        code, not also the event number beside it)."""
        for code in candidates:
            if found := self._t.code_slots(code):
                return found
        return set()

    def search(self, query: str, limit: int | None = 200) -> list[Guest]:
        """Ranked matches; an empty query lists everyone (``limit`` None: no cap)."""
        if not _WORD.search(query[:MAX_QUERY_CHARS]):
            return self._first_of_all(limit)  # everyone, alphabetical
        return [guest for guest, _rank in self.search_ranked(query, limit)]

    def search_ranked(self, query: str, limit: int | None = 200) -> list[tuple[Guest, int]]:
        """Like ``search``, with the ``Rank`` each guest was found at."""
        parsed = _parse(query)
        if not parsed.words:
            return [(guest, Rank.PREFIX) for guest in self._first_of_all(limit)]
        need = len(self) if limit is None else limit
        out: list[tuple[Guest, int]] = []
        taken: set[int] = set()
        guests = self._t.guests
        for rank, candidates in self._tiers(parsed, out):
            if not candidates:
                continue
            best = self._first(candidates, need - len(out), taken)
            out.extend((guests[slot], rank) for slot in best)  # type: ignore[misc]
            if len(out) >= need:
                break
            taken.update(candidates)
        return out

    # -- the tiers ------------------------------------------------------------------------

    def _tiers(self, q: _Query, found: list[tuple[Guest, int]]) -> Iterator[tuple[int, Slots]]:
        t = self._t
        exact = self._code_match(q.codes)
        yield Rank.CODE, exact
        yield Rank.EXACT, self._all_words(q.words, self._exact)
        yield Rank.PREFIX, self._all_words(q.words, self._prefix)
        email = q.text.replace(" ", "")
        if len(email) >= EMAIL_BUCKET and ("@" in q.text or "." in q.text or len(q.words) == 1):
            yield Rank.EMAIL, _starting(t.email_starts, t.emails, email, EMAIL_BUCKET)
        if len(q.code) >= CODE_PREFIX_MIN:
            yield Rank.CODE_PREFIX, _starting(t.ticket_starts, t.tickets, q.code, CODE_PREFIX_MIN)
        if any(len(word) >= INFIX_MIN_LETTERS for word in q.words):
            yield Rank.INSIDE, self._all_words(q.words, self._inside)
        # Typos only when the clean matches are few: a typo list under many good matches
        # is noise, and the edits of every long word cost the most of any tier.
        if (
            not exact
            and len(found) < TYPO_WHEN_FEWER
            and any(len(w) >= TYPO_MIN_LETTERS - 1 for w in q.words)
        ):
            yield Rank.TYPO, self._all_words(q.words, self._typo)

    def _all_words(self, words: tuple[str, ...], match: Callable[[str], Slots]) -> Slots:
        """Guests matching every word; longest (rarest) word first, stopping early."""
        result: Slots | None = None
        for word in sorted(set(words), key=len, reverse=True):
            found = match(word)
            result = found if result is None else result & found
            if not result:
                return frozenset()
        return result if result is not None else frozenset()

    def _cached(self, kind: str, word: str, make: Callable[[], Slots]) -> Slots:
        key = (self._generation, kind, word)
        found = self._cache.get(key)
        if found is None:
            found = make()
            if len(self._cache) >= CACHE_QUERIES or self._cached_slots > CACHE_SLOTS:
                self._forget_queries()
            self._cache[key] = found
            self._cached_slots += len(found)
        return found

    def _forget_queries(self) -> None:
        self._cache.clear()
        self._cached_slots = 0

    def _exact(self, word: str) -> Slots:
        return self._t.terms.get(word) or frozenset()

    def _prefix(self, word: str) -> Slots:
        return self._cached("prefix", word, lambda: self._union(self._prefix_words(word)))

    def _inside(self, word: str) -> Slots:
        if len(word) < INFIX_MIN_LETTERS:
            return self._prefix(word)
        return self._cached(
            "inside", word, lambda: self._union(w for w in self._t.vocab if word in w)
        )

    def _typo(self, word: str) -> Slots:
        if len(word) < TYPO_MIN_LETTERS - 1:
            return self._inside(word)
        # Four letters typed may be a name of five with one left out ("smth"): only a
        # letter added makes a name long enough to forgive ("amna" is not "anna").
        short = len(word) < TYPO_MIN_LETTERS

        def make() -> Slots:
            near: set[str] = set()
            letters = self._letters()
            edits = _one_letter_more(word, letters) if short else _one_edit(word, letters)
            for variant in edits:
                near.update(self._prefix_words(variant))
            return _untracked(chain(self._union(near), self._inside(word)))

        return self._cached("typo", word, make)

    def _letters(self) -> str:
        """The letters typos are tried with: the vocabulary's commonest (a typo is a
        letter of the same script, and every other costs a look-up per position)."""
        if not self._alphabet:
            counts = collections.Counter("".join(self._t.vocab))
            self._alphabet = "".join(ch for ch, _n in counts.most_common(TYPO_LETTERS))
        return self._alphabet

    def _prefix_words(self, prefix: str) -> list[str]:
        vocab = self._t.vocab
        start = bisect.bisect_left(vocab, prefix)
        end = start
        while end < len(vocab) and vocab[end].startswith(prefix):
            end += 1
            if end - start > 16:  # many: find the end by bisection instead
                end = bisect.bisect_left(vocab, prefix + "\U0010ffff", end)
                break
        return vocab[start:end]

    def _union(self, words: Iterable[str]) -> Slots:
        terms = self._t.terms
        sets = [terms[word] for word in words]
        if not sets:
            return frozenset()
        if len(sets) == 1:
            return sets[0]
        return _untracked(chain.from_iterable(sets))

    def _first(self, candidates: Slots, need: int, taken: set[int]) -> list[int]:
        """The alphabetically first ``need`` of ``candidates`` not ``taken`` (by an
        earlier tier): sorted by rank when they are few, else by walking the alphabetical
        order (cheap when they are many)."""
        t = self._t
        size = len(candidates)
        if need >= size or size * size <= need * len(t.order) // 2:
            fresh = [slot for slot in candidates if slot not in taken] if taken else candidates
            return sorted(fresh, key=t.rank.__getitem__)[:need]
        out: list[int] = []
        for slot in t.order:
            if slot in candidates and slot not in taken:
                out.append(slot)
                if len(out) >= need:
                    break
        return out


def _spot_checks(guests: list[Guest | None], count: int = 64) -> Iterator[tuple[int, Guest | None]]:
    """A spread of (slot, guest) pairs, first and last included: enough to catch tables
    that belong to another roster without walking all of this one."""
    if not guests:
        return
    step = max(1, len(guests) // count)
    for slot in (*range(0, len(guests), step), len(guests) - 1):
        yield slot, guests[slot]


def _starting(
    buckets: dict[str, list[int]], values: list[str], prefix: str, width: int
) -> set[int]:
    """Slots whose value starts with ``prefix`` (at least ``width`` long)."""
    return {s for s in buckets.get(prefix[:width], ()) if values[s].startswith(prefix)}


def _parse(query: str) -> _Query:
    text = fold(query[:MAX_QUERY_CHARS]).strip()
    words = tuple(_WORD.findall(text))
    return _Query(text, words, "".join(words), tuple(code_candidates(query)))


def _one_edit(word: str, alphabet: str) -> Iterator[str]:
    """Every string one edit from ``word``: a letter dropped, swapped with the next,
    replaced or added (the candidates are then looked up as word prefixes)."""
    for i in range(len(word)):
        yield word[:i] + word[i + 1 :]
        if i + 1 < len(word):
            yield word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        head, letter, tail = word[:i], word[i], word[i + 1 :]
        for ch in alphabet:
            if ch != letter:
                yield head + ch + tail
    yield from _one_letter_more(word, alphabet)


def _one_letter_more(word: str, alphabet: str) -> Iterator[str]:
    """Every string ``word`` with one letter added."""
    for i in range(len(word) + 1):
        head, tail = word[:i], word[i:]
        for ch in alphabet:
            yield head + ch + tail
