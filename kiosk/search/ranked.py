"""Answering searches: the ranked tiers of a query, the typo rules and the query cache."""

from __future__ import annotations

import bisect
import collections
from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from itertools import chain
from typing import NamedTuple

from kiosk.domain import Guest
from kiosk.search.columns import first_in_order
from kiosk.search.normalise import MAX_QUERY_CHARS, WORD, code_candidates, fold
from kiosk.search.tables import CODE_PREFIX_MIN, EMAIL_BUCKET, Tables

#: A name of this many letters or more may be typed with one typo (a letter replaced,
#: swapped, missing or extra): words typed this long try every edit, a word one letter
#: shorter only the letter missing.
TYPO_MIN_LETTERS = 5
#: Words shorter than this only match at the start of a name word, never inside it.
INFIX_MIN_LETTERS = 3

#: Typos are tried with this many of the roster's commonest letters.
TYPO_LETTERS = 40
#: The typo tier is searched only when the clean tiers found fewer guests than this.
TYPO_WHEN_FEWER = 10

#: Cached query parts (a word's prefix matches...). Bounded by count and by the slots
#: the cached sets hold together: every set is walked by each garbage collection that
#: sees it, and 256 of them, single letters included, held about a million slots (every
#: full collection took many times as long).
CACHE_QUERIES = 256
CACHE_SLOTS = 60_000

#: A set of guest slots: the index's own word sets, or a query part's, which is kept as
#: the keys of a dict of ints (``_untracked``): the collector does not track such a dict,
#: where it walked a set of 15,000 slots at every young collection.
Slots = AbstractSet[int]


def _untracked(slots: Iterable[int]) -> Slots:
    return dict.fromkeys(slots).keys()


class Rank:
    """Why a guest matched; lower ranks are listed first (alphabetical within one)."""

    CODE = 0  # the whole query is the guest's ticket code, id or platform reference
    EXACT = 1  # every word is a whole word of the name
    PREFIX = 2  # every word starts a word of the name (or of the email's local part)
    EMAIL = 3  # the query starts the email address
    CODE_PREFIX = 4  # the query starts the ticket code
    INSIDE = 5  # every word is inside a word of the name
    TYPO = 6  # as above, with one typo in a word of five letters or more


class _Query(NamedTuple):
    text: str  # folded, trimmed
    words: tuple[str, ...]
    code: str  # compact
    codes: tuple[str, ...]  # exact codes it may be


def _parse(query: str) -> _Query:
    text = fold(query[:MAX_QUERY_CHARS]).strip()
    words = tuple(WORD.findall(text))
    return _Query(text, words, "".join(words), tuple(code_candidates(query)))


class RankedSearch:
    """The reading half of ``SearchIndex``: everyone alphabetical, exact codes and ranked
    searches over the current tables, with query parts cached until they change."""

    _t: Tables
    _generation: int  # bumped whenever anything searchable changes
    _cache: dict[tuple[int, str, str], Slots]
    _cached_slots: int  # how many slots the cached sets hold together
    _all: list[Guest] | None
    _alphabet: str

    def all(self) -> list[Guest]:
        """Everyone, alphabetical by last name (cached until the roster changes)."""
        if self._all is None:
            guests = self._t.guests
            self._all = [guests[slot] for slot in self._t.order]  # type: ignore[misc]
        return self._all

    def _first_of_all(self, limit: int | None) -> list[Guest]:
        """The first ``limit`` of everyone, alphabetical; only those are looked up
        (listing a whole big roster to keep 500 would cost more than the search)."""
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

    def where(
        self,
        *,
        status: str | None = None,
        starred: bool = False,
        ticket_type: str | None = None,
        ids: Iterable[str] | None = None,
    ) -> Slots | None:
        """The slots a filter lets through, from the column tables (``columns``): set
        intersections in C. None when nothing filters."""
        t = self._t
        sets: list[AbstractSet[int]] = []
        if status is not None:
            sets.append(t.by_status.get(status, set()))
        if starred:
            sets.append(t.starred)
        if ticket_type is not None:
            sets.append(t.by_type.get(ticket_type, set()))
        if ids is not None:
            sets.append({t.slot[i] for i in ids if i in t.slot})
        if not sets:
            return None
        sets.sort(key=len)
        return set(sets[0]).intersection(*sets[1:])

    def ticket_types(self) -> list[str]:
        """The ticket types of the roster, sorted (for the filter's choice)."""
        return sorted(kind for kind in self._t.by_type if kind)

    def search(
        self, query: str, limit: int | None = 200, within: Slots | None = None
    ) -> list[Guest]:
        """Ranked matches; an empty query lists everyone (``limit`` None: no cap).
        ``within``: only these slots (a filter, ``kiosk.search.finding``)."""
        if not WORD.search(query[:MAX_QUERY_CHARS]):
            if within is not None:
                guests = self._t.guests
                return [guests[s] for s in first_in_order(self._t.order, within, limit)]  # type: ignore[misc]
            return self._first_of_all(limit)  # everyone, alphabetical
        return [guest for guest, _rank in self.search_ranked(query, limit, within)]

    def search_ranked(
        self, query: str, limit: int | None = 200, within: Slots | None = None
    ) -> list[tuple[Guest, int]]:
        """Like ``search``, with the ``Rank`` each guest was found at."""
        parsed = _parse(query)
        if not parsed.words:
            return [(guest, Rank.PREFIX) for guest in self.search("", limit, within)]
        need = len(self._t.slot) if limit is None else limit
        out: list[tuple[Guest, int]] = []
        taken: set[int] = set()
        guests = self._t.guests
        for rank, found in self._tiers(parsed, out):
            candidates = found if within is None else found & within
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
            starts = _starting(t.ticket_starts, t.tickets, q.code, CODE_PREFIX_MIN)
            part = t.ticket_parts.get(q.code)  # "9634" of RQY3-9634: a part read out
            yield Rank.CODE_PREFIX, (starts | _untracked(part)) if part else starts
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


def _starting(
    buckets: dict[str, list[int]], values: list[str], prefix: str, width: int
) -> set[int]:
    """Slots whose value starts with ``prefix`` (at least ``width`` long)."""
    return {s for s in buckets.get(prefix[:width], ()) if values[s].startswith(prefix)}


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
