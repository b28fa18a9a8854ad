"""The call budget: paces one desk's calls inside the platform's quota, writes first."""

from __future__ import annotations

import collections
import dataclasses
import logging
import math
import time
from collections.abc import Callable, Sequence

import httpx

from kiosk import config
from kiosk.backends.http.headers import read_rate_limit, retry_after
from kiosk.limits import CallLimits

log = logging.getLogger(__name__)

#: Share of each quota kept for writes at least, whatever the recent writes say.
WRITE_RESERVE = 0.1
#: Calls of each window no refresh takes: room for a write from any desk at any moment.
MARGIN_CALLS = 2.0
#: How much of a new observation goes into the share estimate (the rest is the past).
SHARE_DECAY = 0.85
#: With no write or pick for this long (scaled), a desk refreshes at half its share.
IDLE_AFTER_S = 600.0


@dataclasses.dataclass(frozen=True, slots=True)
class QuotaWait:
    """Why changes wait and when they will be through: ``platform`` allows ``calls``
    every ``window`` seconds; ``waiting`` changes are through in about ``eta`` s."""

    platform: str
    calls: int
    window: float
    waiting: int
    eta: float


@dataclasses.dataclass(slots=True)
class _Window:
    """One quota and what is known of its shared count: the last ``remaining`` the
    platform named (None: never), when its window resets (clock time), and this desk's
    calls since then (the platform had not counted them yet)."""

    calls: int
    seconds: float
    remaining: float | None = None
    resets_at: float = 0.0
    own_since: float = 0.0


class CallBudget:
    """What one desk may spend of a quota shared with every desk using the same key.

    It hears every request and answer of the desk's HTTP client (``attach``): the
    ``x-rate-limit-*`` headers, ``Retry-After``, 429s and the bytes pulled. The sender
    asks ``write_delay`` before each write and the refresher ``refresh_delay`` for its
    pause: writes may spend everything down to a small margin, refreshes only what is
    left after a reserve for the writes expected until each window resets, spread over
    that time and shared with the other desks. The share is this desk's part of the
    shared count's fall (``desks``), so ten desks on one key each take a tenth. A 429 is
    a bug in this budget: it is logged as such and the budget tightens.
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
    ) -> None:
        """``windows``: the documented or configured quota as (calls, seconds);
        ``bandwidth`` bytes may be pulled per ``bandwidth_window`` seconds."""
        self.platform = platform
        self._windows = [_Window(calls, seconds) for calls, seconds in sorted(windows, key=_len)]
        self._bandwidth = bandwidth
        self._bandwidth_window = bandwidth_window
        self._idle_after = idle_after
        self._clock = clock
        longest = max(seconds for _c, seconds in windows)
        self._calls: collections.deque[tuple[float, bool]] = collections.deque()  # (t, write)
        self._pulled: collections.deque[tuple[float, int]] = collections.deque()
        self._keep = max(longest, bandwidth_window)
        self._own_share, self._fall_share = 1.0, 1.0  # decayed sums: own calls, shared fall
        self._blocked_until = 0.0
        self._margin = MARGIN_CALLS
        self._granted = 0  # writes allowed and not yet sent
        self._in_flight = 0
        self._last_active = clock()
        self._refresh_calls = 1.0
        self._refresh_bytes = 0
        self._refresh_mark = (0, 0)  # (GETs, bytes) counted at the last refresh_delay
        self._gets = 0
        self.bytes_total = 0  # bytes this desk pulled, ever
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
        return min(100.0, max(1.0, self._fall_share / max(self._own_share, 1e-9)))

    def write_delay(self) -> float:
        """Seconds before a write may go (0: now). Writes spend down to the margin."""
        now = self._clock()
        wait = max(0.0, self._blocked_until - now)
        # Every other desk may send one at the same moment: keep that in hand too.
        hold = self._margin + self.desks - 1
        for window in self._windows:
            if self._left(window, now) - self._granted < hold:
                wait = max(wait, self._until_reset(window, now))
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
        desks, cost = self.desks, self._refresh_calls
        delay = max(floor, self._blocked_until - now)
        for window in self._windows:
            until = self._until_reset(window, now)
            reserve = self._write_reserve(window, until, desks) + self._margin
            spare = self._left(window, now) - reserve
            # No room: wait for the reset; room: this desk's share, spread until then.
            delay = max(delay, until if spare < cost else until * cost * desks / spare)
        if self._refresh_bytes and self._bandwidth:
            delay = max(delay, self._refresh_bytes * self._bandwidth_window / self._bandwidth)
        if now - self._last_active > self._idle_after:
            delay *= 2.0  # nobody at this desk: its view may be older
        return delay

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
        for window in self._windows:
            usable = max(0.0, self._left(window, now) - self._margin)
            blocked = self._blocked_until > now
            if waiting <= usable and not blocked:
                continue
            per_window = max(1.0, (window.calls - self._margin) / self.desks)
            rounds = math.ceil(max(0.0, waiting - usable) / per_window)
            eta = self._until_reset(window, now) + max(0, rounds - 1) * window.seconds
            eta = max(eta, self._blocked_until - now)
            if worst is None or eta > worst.eta:
                worst = QuotaWait(self.platform, window.calls, window.seconds, waiting, eta)
        return worst

    # -- what the desk hears --------------------------------------------------------------

    async def _on_request(self, request: httpx.Request) -> None:
        now = self._clock()
        write = request.method not in ("GET", "HEAD")
        if write and self._granted:
            self._granted -= 1
        if not write:
            self._gets += 1
        self._calls.append((now, write))
        self._in_flight += 1
        for window in self._windows:
            window.own_since += 1
        self._forget(now)

    async def _on_response(self, response: httpx.Response) -> None:
        now = self._clock()
        self._in_flight = max(0, self._in_flight - 1)
        size = response.headers.get("content-length", "")
        if response.request.method == "GET" and size.isdigit():
            self._pulled.append((now, int(size)))
            self.bytes_total += int(size)
        seen = read_rate_limit(response.headers, now)
        if seen is not None:
            self._learn(seen.limit, seen.remaining, seen.reset_after, seen.windows, now)
        if response.status_code == 429:
            self._refused(retry_after(response.headers), now)

    def _learn(
        self,
        limit: int | None,
        remaining: int | None,
        reset: float | None,
        windows: Sequence[tuple[int, float]],
        now: float,
    ) -> None:
        if windows:
            self._adopt(windows)
        if remaining is None:
            return
        named = [w for w in self._windows if w.calls == limit] or self._windows[:1]
        window = named[0] if len(named) == 1 or reset is None else _nearest(named, reset)
        if reset is not None:
            resets_at = now + reset
        else:
            resets_at = window.resets_at if window.resets_at > now else now + window.seconds
        same_window = window.remaining is not None and abs(resets_at - window.resets_at) < max(
            1.0, window.seconds * 0.02
        )
        if same_window and window.remaining is not None:
            fall = window.remaining - remaining
            own = window.own_since - self._in_flight
            if fall > 0 and own > 0:
                self._own_share = self._own_share * SHARE_DECAY + min(own, fall)
                self._fall_share = self._fall_share * SHARE_DECAY + fall
        # Calls still in flight were sent after this answer was counted, most likely.
        window.remaining, window.resets_at = float(remaining), resets_at
        window.own_since = float(self._in_flight)

    def _adopt(self, windows: Sequence[tuple[int, float]]) -> None:
        """The platform named its quotas: they replace the configured ones."""
        named = sorted(windows, key=_len)
        if [(w.calls, w.seconds) for w in self._windows] == named:
            return
        known = {w.seconds: w for w in self._windows}
        self._windows = [
            dataclasses.replace(known[s], calls=c) if s in known else _Window(c, s)
            for c, s in named
        ]
        self._keep = max(self._keep, named[-1][1])

    def _refused(self, wait: float | None, now: float) -> None:
        self.refused += 1
        wait = wait if wait is not None else max(w.seconds for w in self._windows) / 60
        self._blocked_until = max(self._blocked_until, now + wait)
        self._margin = min(self._margin * 2 + 1, min(w.calls for w in self._windows) / 4)
        self._fall_share *= 1.5  # more desks than it thought
        log.warning(
            "%s refused a call (429): the call budget spent more than the quota allows, "
            "a bug in the budget; it waits %.1f s and keeps %d calls in hand from now on",
            self.platform,
            wait,
            self._margin,
        )

    # -- estimates ------------------------------------------------------------------------

    def _left(self, window: _Window, now: float) -> float:
        """Calls left in ``window``'s shared count now: the platform's last word less
        what this desk and (in proportion) the others spent since."""
        if window.remaining is None or now >= window.resets_at:
            since = window.resets_at if window.remaining is not None else now - window.seconds
            own = sum(1 for t, _w in self._calls if t >= since)
            return window.calls - own * self.desks
        return window.remaining - window.own_since * self.desks

    def _until_reset(self, window: _Window, now: float) -> float:
        if window.remaining is not None and window.resets_at > now:
            return window.resets_at - now
        # Not seen (or past): this desk's oldest call in the window leaves it then.
        oldest = next((t for t, _w in self._calls if t >= now - window.seconds), now)
        return max(0.0, oldest + window.seconds - now)

    def _write_reserve(self, window: _Window, until: float, desks: float) -> float:
        """Writes expected before ``window`` resets, on every desk: the recent pace of
        this desk's writes (or the floor share), and this desk's waiting changes."""
        now = self._clock()
        span = min(window.seconds, max(now - self._calls[0][0], 1.0)) if self._calls else 1.0
        writes = sum(1 for t, w in self._calls if w and t >= now - span)
        pace = writes / span * desks
        floor = WRITE_RESERVE * window.calls / window.seconds
        return max(pace, floor) * until + self.waiting

    def _forget(self, now: float) -> None:
        while self._calls and self._calls[0][0] < now - self._keep:
            self._calls.popleft()
        while self._pulled and self._pulled[0][0] < now - self._bandwidth_window:
            self._pulled.popleft()


def _len(window: tuple[int, float]) -> float:
    return window[1]


def _nearest(windows: Sequence[_Window], reset: float) -> _Window:
    return min(windows, key=lambda w: abs(w.seconds - reset))
