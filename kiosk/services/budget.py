"""The call budget: paces one desk's calls inside the platform's quota, writes first."""

from __future__ import annotations

import asyncio
import collections
import dataclasses
import logging
import math
import random
import time
from collections.abc import Callable, Sequence

import httpx

from kiosk import config
from kiosk.backends.http.headers import read_rate_limit, retry_after
from kiosk.limits import CallLimits
from kiosk.services.shared_count import MOST_DESKS, SharedCount, Window

log = logging.getLogger(__name__)

#: Share of each quota kept for writes at least, whatever the recent writes say: a rush at
#: the door must not find the hour already spent on refreshes.
WRITE_RESERVE = 0.5
#: Share of each window the writes' reserve never takes from refreshes.
REFRESH_FLOOR_SHARE = 0.2
#: The writes' pace is measured over this share of a window at least, so that the first
#: few writes after a desk opens do not read as a rush.
PACE_SPAN = 0.25
#: Calls of each window, per desk, no refresh takes: the last calls are the writes'.
MARGIN_CALLS = 2.0
#: With no write or pick for this long (scaled), a desk refreshes at half its share.
IDLE_AFTER_S = 600.0
#: A window with no room for refreshes is asked again this many times over its length.
RECHECKS = 12
#: Refresh pauses vary this much either way, so desks on one key do not call in step.
JITTER = 0.1
#: Share of the bandwidth budget kept in hand: a roster grows between two refreshes.
BANDWIDTH_IN_HAND = 0.05


@dataclasses.dataclass(frozen=True, slots=True)
class QuotaWait:
    """Why changes wait and when they will be through: ``platform`` allows ``calls``
    every ``window`` seconds; ``waiting`` changes are through in about ``eta`` s."""

    platform: str
    calls: int
    window: float
    waiting: int
    eta: float


@dataclasses.dataclass(frozen=True, slots=True)
class BandwidthPace:
    """A refresh pulls ``roster_bytes``: they are ``pause`` s apart to keep within
    ``per_hour`` bytes an hour (the profile's ``bandwidth``)."""

    roster_bytes: int
    pause: float
    per_hour: int


class CallBudget:
    """What one desk may spend of a quota shared with every desk using the same key.

    It hears every request and answer of the desk's HTTP client (``attach``): the
    ``x-rate-limit-*`` headers, ``Retry-After``, 429s and the bytes pulled. The sender
    asks ``write_delay`` before each write and the refresher ``refresh_delay`` for its
    pause: writes may spend everything down to a small margin, refreshes only what is
    left after a reserve for the writes expected until each window resets (and the
    window's last calls, kept for any desk's write), spread over that time and shared
    with the other desks. How many desks share the key comes from how fast the shared
    count falls over whole windows (``SharedCount``), so ten desks on one key each take
    a tenth. A 429 is a bug in this budget: it is logged as such and the budget tightens.
    """

    def __init__(
        self,
        platform: str,
        windows: Sequence[tuple[int, float]],
        *,
        bandwidth: int = 10**9,
        bandwidth_window: float = 3600.0,
        idle_after: float = IDLE_AFTER_S,
        clock: Callable[[], float] = time.monotonic,
        jitter: float = JITTER,
    ) -> None:
        """``windows``: the documented or configured quota as (calls, seconds);
        ``bandwidth`` bytes may be pulled per ``bandwidth_window`` seconds."""
        self.platform = platform
        self._count = SharedCount(windows)
        self._bandwidth = bandwidth
        self._bandwidth_window = bandwidth_window
        self._idle_after = idle_after
        self._clock = clock
        self._jitter = jitter
        self._random = random.Random()
        self._pulled: collections.deque[tuple[float, int]] = collections.deque()
        self._blocked_until = 0.0
        self._margin = MARGIN_CALLS
        self._caution = 1.0  # grows with each 429: more desks than the count said
        self._granted = 0  # writes allowed and not yet sent
        self._last_active = clock()
        self._refresh_calls = 1.0
        self._refresh_bytes = 0
        self._refresh_mark = (0, 0)  # (GETs, bytes) counted at the last refresh_delay
        self._gets = 0
        self._first_call: float | None = None
        self._last_delay = 0.0
        self._paced = 0.0  # the last pause the quota alone asked for
        self._spaced = 0.0  # the last pause the bandwidth budget asked for
        self._refresh_started: float | None = None  # the first GET since the last pause
        self.bandwidth_bound = False  # the bandwidth budget, not the quota, spaces refreshes
        self.bytes_total = 0  # bytes this desk pulled, ever
        self.calls_sent = 0  # calls this desk made, ever
        self.waiting = 0  # changes in this desk's queue (the sender keeps it current)
        self.refused = 0  # 429s seen: each one a bug in this budget

    @classmethod
    def for_platform(
        cls, platform: str, limits: CallLimits | None = None, *, scale: float = 1.0
    ) -> CallBudget:
        """The budget for ``platform`` ("sheepcrm", "attendu") from a profile's limits;
        ``scale`` compresses the bandwidth hour and the idle time (benchmarks)."""
        limits = limits or CallLimits()
        return cls(
            config.PLATFORM_NAMES.get(platform, platform),
            limits.windows(platform),
            bandwidth=limits.bytes_an_hour(),
            bandwidth_window=3600.0 / scale,
            idle_after=IDLE_AFTER_S / scale,
        )

    def attach(self, http: httpx.AsyncClient) -> None:
        """Hear every request and answer of ``http``."""
        hooks = http.event_hooks
        http.event_hooks = {
            "request": [*hooks.get("request", []), self._on_request],
            "response": [*hooks.get("response", []), self._on_response],
        }

    # -- what the desk asks ---------------------------------------------------------------

    @property
    def desks(self) -> float:
        """How many desks like this one share the key, as the shared count's fall says."""
        return self._count.desks * self._caution

    def write_delay(self) -> float:
        """Seconds before a write may go (0: now). Writes spend down to the margin."""
        now = self._clock()
        wait = max(0.0, self._blocked_until - now)
        # Every other desk may send one at the same moment: keep that in hand too.
        hold = self._margin + self.desks - 1
        for window in self._count.windows:
            if self._left(window, now) - self._granted < hold:
                wait = max(wait, self._count.until_reset(window, now))
        return wait

    def read_delay(self) -> float:
        """Seconds before a read may go (0: now): reads spend down to what is kept for
        every desk's next write and the writes already let go, never further. (Not for
        this desk's waiting changes too: a write may need a read first, and a queue
        longer than a window would then hold its own reads forever.)"""
        now = self._clock()
        wait = max(0.0, self._blocked_until - now)
        hold = self._margin + self.desks - 1 + self._granted
        for window in self._count.windows:
            if self._left(window, now) < hold + 1:
                wait = max(wait, self._count.until_reset(window, now))
        return wait

    def take_write(self) -> None:
        """A write was allowed and is about to be sent."""
        self._granted += 1
        self._last_active = self._clock()

    def note_activity(self) -> None:
        """Someone worked at the desk (a pick): it keeps its full share of refreshes."""
        self._last_active = self._clock()

    def refresh_delay(self, floor: float) -> float:
        """Seconds until the next roster refresh: at least ``floor``; longer when the
        quota left after the writes' reserve, shared with the other desks, or the
        bandwidth allowed, says so. Call it once after each refresh."""
        now = self._clock()
        gets, pulled = self._gets - self._refresh_mark[0], self.bytes_total - self._refresh_mark[1]
        self._refresh_mark = (self._gets, self.bytes_total)
        if gets:  # one refresh's cost: its GETs (Attendu pages) and bytes
            self._refresh_calls, self._refresh_bytes = float(gets), max(pulled, 0)
        paced, until_room = self._pace(now)
        if paced and self._paced:
            # Each estimate of the desks on the key wanders by a desk or two: half the
            # last pause keeps one wander from becoming a long gap.
            paced = (paced + self._paced) / 2
        self._paced = paced
        if self._refresh_bytes and self._bandwidth:
            allowed = self._bandwidth * (1 - BANDWIDTH_IN_HAND)
            spaced = self._refresh_bytes * self._bandwidth_window / allowed
            if spaced > paced and not self.bandwidth_bound:
                log.info(
                    "a roster refresh pulls %.1f MB: refreshes are spaced %.0f s apart to "
                    "keep within %.0f MB an hour",
                    self._refresh_bytes / 1e6,
                    spaced,
                    self._bandwidth / 1e6,
                )
            self.bandwidth_bound = spaced > paced
            self._spaced = spaced
            paced = max(paced, spaced)
        if now - self._last_active > self._idle_after:
            paced *= 2.0  # nobody at this desk: its view may be older
        # Spread: desks on one key neither call in step nor all at a window's reset.
        # While this desk's changes wait, refreshes only wait longer: writes go first.
        spread = self._random.random() if self.waiting else 2 * self._random.random() - 1
        paced *= 1 + self._jitter * spread
        # Paced from start to start: the refresh just done took part of the pause.
        if self._refresh_started is not None and not self.waiting:
            paced -= now - self._refresh_started
        self._refresh_started = None
        if until_room:
            until_room += self._jitter * self._random.random() * max(paced, floor)
        self._last_delay = max(floor, self._blocked_until - now, paced, until_room)
        return self._last_delay

    def refresh_room(self) -> float:
        """Seconds still to wait before the refresh due now (0: go): while the quota has
        no room for it beyond the writes' reserve, until it may have."""
        now = self._clock()
        _paced, until_room = self._pace(now)
        return max(until_room, self._blocked_until - now)

    def _pace(self, now: float) -> tuple[float, float]:
        """(This desk's pause between refreshes for its share of what the quota has left
        after the writes' reserve, spread until each window resets; seconds until there
        may be room when a window has none.) A window with no room is asked again after
        a twelfth of it: the writes' pace, and so their reserve, may change by then."""
        desks, cost = self.desks, self._refresh_calls
        paced, until_room = 0.0, 0.0
        for window in self._count.windows:
            until = self._count.until_reset(window, now)
            # The last calls of a window are the writes' of every desk, never a refresh's.
            reserve = self._write_reserve(window, until, desks) + self._margin * desks
            # However many desks and writes it counts, a fifth of each window stays the
            # refreshes': a desk that never refreshes shows a list that is never true.
            reserve = min(reserve, window.calls * (1 - REFRESH_FLOOR_SHARE))
            spare = self._left(window, now) - reserve
            # A refresh longer than half the refreshes' least share of a window (a long
            # list in small pages) starts once that much is spare: its later pages wait
            # for the next window (read_delay); room for all of it might never come.
            if spare < min(cost, window.calls * REFRESH_FLOOR_SHARE / 2):  # no room yet
                until_room = max(until_room, min(until, window.seconds / RECHECKS))
            else:  # room: this desk's share, spread until then
                paced = max(paced, until * cost * desks / spare)
        return paced, until_room

    def bandwidth_pace(self) -> BandwidthPace | None:
        """How the bandwidth budget spaces refreshes, while it (not the quota) does."""
        if not self.bandwidth_bound:
            return None
        return BandwidthPace(self._refresh_bytes, self._spaced, self._bandwidth)

    def bytes_pulled(self) -> int:
        """Bytes this desk pulled in the last bandwidth window."""
        self._forget(self._clock())
        return sum(n for _t, n in self._pulled)

    def quota_wait(self) -> QuotaWait | None:
        """Why this desk's changes wait and when they will be through, or None when the
        quota does not hold them up."""
        waiting = self.waiting
        if waiting <= 0:
            return None
        now = self._clock()
        worst: QuotaWait | None = None
        for window in self._count.windows:
            usable = max(0.0, self._left(window, now) - self._margin)
            blocked = self._blocked_until > now
            if waiting <= usable and not blocked:
                continue
            per_window = max(1.0, (window.calls - self._margin) / self.desks)
            rounds = math.ceil(max(0.0, waiting - usable) / per_window)
            eta = self._count.until_reset(window, now) + max(0, rounds - 1) * window.seconds
            eta = max(eta, self._blocked_until - now)
            if worst is None or eta > worst.eta:
                worst = QuotaWait(self.platform, window.calls, window.seconds, waiting, eta)
        return worst

    def describe(self) -> str:
        """The budget's state in a line, for a log or a failed test."""
        now = self._clock()
        windows = ", ".join(
            f"{w.calls}/{w.seconds:g} s: {self._left(w, now):.0f} left, reset in "
            f"{self._count.until_reset(w, now):.2f} s"
            for w in self._count.windows
        )
        return (
            f"{self.desks:.1f} desks, {windows}, blocked {max(0, self._blocked_until - now):.2f} "
            f"s, refused {self.refused}, granted {self._granted}, in flight "
            f"{self._count.in_flight}, last refresh pause {self._last_delay:.2f} s"
        )

    # -- what the desk hears --------------------------------------------------------------

    async def _on_request(self, request: httpx.Request) -> None:
        write = request.method not in ("GET", "HEAD")
        if not write and (wait := self.read_delay()) > 0:
            # A read in a burst (a long guest list's pages) waits for the window's reset
            # rather than take the calls kept for writes, or be refused.
            log.info("%s: a read waits %.1f s for the quota's next window", self.platform, wait)
            await asyncio.sleep(wait)
        now = self._clock()
        if write and self._granted:
            self._granted -= 1
        if not write:
            self._gets += 1
            if self._refresh_started is None and self._last_delay:
                self._refresh_started = now  # a refresh the pauses pace (not the first load)
        if self._first_call is None:
            self._first_call = now
        self.calls_sent += 1
        self._count.sent(now, write)

    async def _on_response(self, response: httpx.Response) -> None:
        now = self._clock()
        self._count.answered(now, counted=response.status_code != 429)
        size = response.headers.get("content-length", "")
        if response.request.method == "GET" and size.isdigit():
            self._pulled.append((now, int(size)))
            self.bytes_total += int(size)
            self._forget(now)
        seen = read_rate_limit(response.headers, now)
        if seen is not None:
            if seen.windows:
                self._count.adopt(seen.windows)
            if seen.remaining is not None:
                self._count.learn(seen.limit, seen.remaining, seen.reset_after, now)
        if response.status_code == 429:
            self._refused(retry_after(response.headers), now)

    def _refused(self, wait: float | None, now: float) -> None:
        self.refused += 1
        windows = self._count.windows
        wait = wait if wait is not None else max(w.seconds for w in windows) / 60
        # Pages in flight together are refused together: one lesson, not one each.
        fresh = now >= self._blocked_until
        self._blocked_until = max(self._blocked_until, now + wait)
        if fresh:
            most = max(MARGIN_CALLS, min(w.calls for w in windows) / 20)
            self._margin = min(self._margin * 1.5 + 1, most)
            measured = self._count.desks
            # Where the platform names no count, the refusal says a window is full: of its
            # calls this desk made its own, the rest were other desks'. The full one is
            # the window that says the fewest desks (one not full says more than there
            # are). Where it names one, the count already says how many desks spend it.
            said = [w.calls / own for w in windows if (own := self._count.own(now - w.seconds))]
            named = any(w.remaining is not None for w in windows)
            implied = 0.0 if named else min(said, default=0.0) / measured
            self._caution = min(MOST_DESKS / measured, max(min(2.0, self._caution * 1.25), implied))
        if any(w.remaining is not None for w in windows):
            log.warning(
                "%s refused a call (429): the call budget spent more than the quota allows, "
                "a bug in the budget; it waits %.1f s and keeps %d calls in hand from now on",
                self.platform,
                wait,
                self._margin,
            )
        else:  # the platform names no count: a refusal is how desks on a key meet
            log.warning(
                "%s refused a call (429) and names no count of its quota: other desks "
                "share the key; this desk now counts %.1f desks and waits %.1f s",
                self.platform,
                self.desks,
                wait,
            )

    # -- estimates ------------------------------------------------------------------------

    def _left(self, window: Window, now: float) -> float:
        # The desks a refusal taught count too: a platform that names no count shows
        # the others' calls only that way.
        return self._count.left(window, now, self.desks)

    def _write_reserve(self, window: Window, until: float, desks: float) -> float:
        """Writes expected before ``window`` resets, on every desk: the pace of this
        desk's writes since it began (at most over the window), or the floor share, and
        this desk's waiting changes."""
        now = self._clock()
        began = self._first_call if self._first_call is not None else now
        span = min(window.seconds, max(now - began, 1.0))
        pace = self._count.own(now - span, writes=True) / max(span, PACE_SPAN * window.seconds)
        pace *= desks
        floor = WRITE_RESERVE * window.calls / window.seconds
        return max(pace, floor) * until + self.waiting

    def _forget(self, now: float) -> None:
        while self._pulled and self._pulled[0][0] < now - self._bandwidth_window:
            self._pulled.popleft()
