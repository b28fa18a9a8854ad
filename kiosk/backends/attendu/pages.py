"""The Attendu guest list fetched page by page: conditional, several pages at once, in order."""

from __future__ import annotations

import asyncio
import collections
import dataclasses
from collections.abc import Awaitable, Callable, Iterator, Mapping

from kiosk.backends.attendu.reader import GuestListReader
from kiosk.backends.attendu.wire import GuestPage
from kiosk.backends.base import RosterProgress
from kiosk.backends.http.transport import Reply, Validators
from kiosk.domain import Guest

#: Pages asked for at once once the list's total is known: enough to hide the round
#: trip of each, few enough not to look like a flood to the platform.
PAGE_CONCURRENCY = 6


@dataclasses.dataclass(frozen=True, slots=True)
class PageMemo:
    """What a page said last time, without its guests (the caller keeps those): asked
    again with ``validators``, a 304 gives the page back from the known guests."""

    validators: Validators
    guest_ids: tuple[str, ...]
    row_ids: tuple[str, ...]
    rows: int
    skipped: tuple[str, ...]
    total: int | None

    @classmethod
    def of(cls, validators: Validators, page: GuestPage) -> PageMemo:
        ids = tuple(guest.id for guest in page.guests)
        return cls(validators, ids, page.row_ids, page.rows, page.skipped, page.total)

    def page(self, known: Mapping[str, Guest]) -> GuestPage | None:
        """The page as it was, from ``known``; None when a guest of it is not known."""
        try:
            guests = tuple([known[gid] for gid in self.guest_ids])
        except KeyError:
            return None
        return GuestPage(guests, self.row_ids, self.rows, self.skipped, self.total)


#: Ask for the page at an offset, with the validators of its last answer (or None).
FetchPage = Callable[[int, Validators | None], Awaitable[Reply]]
#: Read a page's answer.
ParsePage = Callable[[object], GuestPage]


class PagedLoad:
    """One load of the guest list: the first page (it announces the total), then the
    rest ``concurrency`` at a time, taken in order by the reader, so the roster stays
    whole and ordered and the reader's "no new ids: stop" rule still holds. Each page is
    asked with its last validators: a page unchanged costs a 304 and no parse.

    ``memos``: the pages of the last load, by offset (empty for a first load); after
    ``run``, ``new_memos`` holds this load's and ``unchanged`` says whether every page
    came back 304."""

    def __init__(
        self,
        reader: GuestListReader,
        fetch: FetchPage,
        parse: ParsePage,
        *,
        known: Mapping[str, Guest],
        memos: Mapping[int, PageMemo],
        max_pages: int,
        concurrency: int = PAGE_CONCURRENCY,
        progress: RosterProgress | None = None,
    ) -> None:
        self._reader = reader
        self._fetch = fetch
        self._parse = parse
        self._known = known
        self._memos = memos
        self._max_pages = max_pages
        self._concurrency = max(1, concurrency)
        self._progress = progress
        self.new_memos: dict[int, PageMemo] = {}
        self.unchanged = True
        #: Rows of the first page once it came: a page-numbered list counts in these.
        self.step: int | None = None
        self._pages = 0

    async def run(self) -> bool:
        """Read the list; False when ``max_pages`` ran out before it ended."""
        reader = self._reader
        first = await self._page(0)
        self.step = first.rows or None
        go_on = self._take(first)
        step, total = first.rows, reader.total
        if go_on and step > 0 and total is not None:
            go_on = await self._concurrently(range(reader.offset, total, step))
        while go_on:  # the list grew while loading, or announces no total
            if self._pages >= self._max_pages:
                return False
            go_on = self._take(await self._page(reader.offset))
        return True

    async def _concurrently(self, offsets: range) -> bool:
        """Pages at ``offsets``, handed to the reader in order. Pages in flight start at
        one and grow by one with each full page up to ``concurrency``; a short page (the
        list is not what its total said) drops back to one, so a list that ends early
        costs a request or two more, not a burst."""
        wanted: Iterator[int] = iter(offsets)
        in_flight: collections.deque[asyncio.Task[GuestPage]] = collections.deque()
        window = 1

        def top_up() -> None:
            while len(in_flight) < window and self._pages + len(in_flight) < self._max_pages:
                offset = next(wanted, None)
                if offset is None:
                    return
                in_flight.append(asyncio.ensure_future(self._page(offset)))

        try:
            top_up()
            while in_flight:
                page = await in_flight.popleft()
                if not self._take(page):
                    return False
                full = page.rows >= offsets.step
                window = min(self._concurrency, window + 1) if full else 1
                top_up()
            return True  # the list went on past its total: the rest one at a time
        finally:
            for task in in_flight:
                task.cancel()
            if in_flight:
                await asyncio.gather(*in_flight, return_exceptions=True)

    def _take(self, page: GuestPage) -> bool:
        self._pages += 1
        go_on = self._reader.add_page(page)
        if self._progress is not None:
            self._progress(self._reader.offset, self._reader.total)
        return go_on

    async def _page(self, offset: int) -> GuestPage:
        memo = self._memos.get(offset)
        reply = await self._fetch(offset, memo.validators if memo else None)
        if reply.not_modified and memo is not None:
            page = memo.page(self._known)
            if page is not None:
                self.new_memos[offset] = memo
                return page
            reply = await self._fetch(offset, None)  # a guest of it is gone: read it
        self.unchanged = False
        page = self._parse(reply.data)
        if (validators := reply.validators) is not None:
            self.new_memos[offset] = PageMemo.of(validators, page)
        return page
