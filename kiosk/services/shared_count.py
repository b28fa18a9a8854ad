"""What one desk knows of a quota every desk on its key spends: each window's count as the
platform last named it, this desk's own calls, and how many desks spend the count. No Qt."""

from __future__ import annotations

import collections
import dataclasses
import itertools
from collections.abc import Sequence

#: Whole windows (per window length) the desk count is measured over.
MEMORY_WINDOWS = 24
#: A window the platform did not time is reckoned from this desk's call, sent before the
#: platform counted it: the reset is put this share of the window later, to be safe.
RESET_GUARD = 0.05
#: More desks than this on one key is a misreading, not an event.
MOST_DESKS = 100.0


@dataclasses.dataclass(slots=True)
class Window:
    """One quota and what is known of its shared count: the last ``remaining`` the
    platform named (None: never), when that window resets (clock time), and this desk's
    calls since then (the platform had not counted them yet)."""

    calls: int
    seconds: float
    remaining: float | None = None
    resets_at: float = 0.0
    own_since: float = 0.0

    def current(self, now: float) -> bool:
        return self.remaining is not None and now < self.resets_at


class SharedCount:
    """The shared count of a key's quota windows, as one desk sees it.

    The desk count is measured over whole windows, not between two answers: each answer
    says how many calls the key made since its window began (``calls - remaining``), and
    the desk knows how many of those were its own. Summed over the last windows of every
    length, their ratio is how many desks like this one spend the count. Between two
    answers most windows of a minute reset, so a per-answer measure wanders; whole
    windows hold tens of calls and give a steady one.
    """

    def __init__(self, windows: Sequence[tuple[int, float]]) -> None:
        self.windows = [Window(calls, seconds) for calls, seconds in sorted(windows, key=_len)]
        self._keep = self.windows[-1].seconds
        self.calls: collections.deque[tuple[float, bool]] = collections.deque()  # (t, write)
        # Per window length, per window: [resets_at, calls the key made, of them this
        # desk's, the share of its first call not in the span] (see _measure).
        self._samples: dict[float, collections.deque[list[float]]] = {}
        self._named: Window | None = None  # the window the last answer named
        self.in_flight = 0
        self._began: float | None = None  # this desk's first call
        # When this desk's counted calls were answered: each was counted before then.
        self._answers: collections.deque[float] = collections.deque()
        self._bases: dict[float, tuple[float, float, float, float]] = {}  # see _measure

    # -- what the desk sends and hears ----------------------------------------------------

    def sent(self, now: float, write: bool) -> None:
        if self._began is None:
            self._began = now
        self.calls.append((now, write))
        self.in_flight += 1
        for window in self.windows:
            window.own_since += 1
        while self.calls and self.calls[0][0] < now - self._keep:
            self.calls.popleft()

    def answered(self, now: float, counted: bool) -> None:
        """An answer came; ``counted``: the platform counted the call (not a 429)."""
        self.in_flight = max(0, self.in_flight - 1)
        if counted:
            self._answers.append(now)
            while self._answers and self._answers[0] < now - self._keep:
                self._answers.popleft()

    def learn(self, limit: int | None, remaining: int, reset: float | None, now: float) -> None:
        """The platform named ``remaining`` calls left of the window of ``limit`` calls,
        resetting in ``reset`` seconds (None: not said)."""
        named = [w for w in self.windows if w.calls == limit] or self.windows[:1]
        window = named[0] if len(named) == 1 or reset is None else _nearest(named, reset)
        if reset is not None:
            resets_at = now + reset
        elif window.current(now):
            resets_at = window.resets_at
        else:
            resets_at = self.next_reset(window, now)
        # Calls still in flight were sent after this answer was counted, most likely.
        window.remaining, window.resets_at = float(remaining), resets_at
        window.own_since = float(self.in_flight)
        self._named = window
        self._measure(window, remaining, now)

    def adopt(self, windows: Sequence[tuple[int, float]]) -> None:
        """The platform named its quotas: they replace the configured ones."""
        named = sorted(windows, key=_len)
        if [(w.calls, w.seconds) for w in self.windows] == named:
            return
        known = {w.seconds: w for w in self.windows}
        self.windows = [
            dataclasses.replace(known[s], calls=c) if s in known else Window(c, s) for c, s in named
        ]
        self._named = None
        self._keep = max(self._keep, named[-1][1])

    # -- estimates ------------------------------------------------------------------------

    @property
    def desks(self) -> float:
        """How many desks like this one spend the count: the key's calls over this desk's,
        over the last whole windows."""
        others = own = 0.0
        for samples in self._samples.values():
            for _resets_at, key_calls, mine, lead in samples:
                if mine >= 1:
                    # A window's count is read at this desk's answer: its last call there
                    # ends the span, the others' calls fall anywhere in it. Its first
                    # call may not stand at the span's start: that part of a call is not
                    # this desk's pace over the span (see _measure).
                    others, own = others + key_calls - mine, own + mine - lead
        if own <= 0:
            return 1.0
        return min(MOST_DESKS, max(1.0, 1.0 + others / own))

    def left(self, window: Window, now: float, desks: float | None = None) -> float:
        """Calls left in ``window``'s shared count now: the platform's last word less
        what this desk and (in proportion, ``desks`` like it; measured if None) the
        others spent since."""
        desks = self.desks if desks is None else desks
        if window.current(now):
            value = window.remaining - window.own_since * desks  # type: ignore[operator]
        else:  # never named, or past its reset: counted afresh
            since = window.resets_at if window.remaining is not None else now - window.seconds
            value = window.calls - self.own(since) * desks
        named = self._named
        if named is not None and named is not window and named.current(now):
            # The platform names the window with the fewest calls left: none has fewer.
            value = max(value, named.remaining - named.own_since * desks)  # type: ignore[operator]
        return value

    def until_reset(self, window: Window, now: float) -> float:
        return max(0.0, self.next_reset(window, now) - now)

    def next_reset(self, window: Window, now: float) -> float:
        """When ``window`` next resets: as the platform said; past that, a window begins
        with the first call after the last one ended; never named, this desk's oldest call
        in it leaves it then."""
        if window.remaining is not None:
            if window.resets_at > now:
                return window.resets_at
            first = next((t for t, _w in self.calls if t >= window.resets_at), now)
            return first + window.seconds * (1 + RESET_GUARD)
        oldest = next((t for t, _w in self.calls if t >= now - window.seconds), now)
        return oldest + window.seconds * (1 + RESET_GUARD)

    def own(self, since: float, *, writes: bool = False) -> int:
        """This desk's calls (or only its writes) since ``since``."""
        return sum(1 for t, w in self.calls if t >= since and (w or not writes))

    def _measure(self, window: Window, remaining: int, now: float) -> None:
        """One answer's word on the whole window so far: the key's calls since it began
        and this desk's among them (those still in flight not yet counted)."""
        start = window.resets_at - window.seconds
        # This desk's calls the window counted: those answered since it began (the call
        # that began it was sent before, so its sending time would leave it out).
        used, mine = float(window.calls - remaining), float(_since(self._answers, start))
        if mine < 1:
            return
        # This desk's calls still in flight may have been counted already (calls sent
        # together are counted in any order): they are not the other desks'.
        used = max(mine, used - self.in_flight)
        tolerance = max(window.seconds * 0.02, 1e-3)
        base = self._bases.get(window.seconds)
        if base is None or abs(base[0] - window.resets_at) >= tolerance:
            # A window that began before this desk's first call: what the key spent
            # before this answer (but this call) is not this desk's share to measure.
            partial = self._began is not None and self._began > start
            # Where this desk's first counted call stands in the span: at its start when
            # the span begins with it (a window this desk's call began, or the rest of a
            # window it joined), anywhere in it otherwise (half a call, on average).
            lead = 1.0 if partial or used <= mine else 0.5
            base = (
                (window.resets_at, used - 1, mine - 1, lead)
                if partial
                else (window.resets_at, 0, 0, lead)
            )
            self._bases[window.seconds] = base
        sample = [window.resets_at, used - base[1], mine - base[2], base[3]]
        samples = self._samples.setdefault(
            window.seconds, collections.deque(maxlen=MEMORY_WINDOWS + 1)
        )
        if samples and abs(samples[-1][0] - window.resets_at) < tolerance:
            samples[-1] = sample  # the same window, further on
        else:
            samples.append(sample)


def _since(times: collections.deque[float], start: float) -> int:
    return sum(1 for _t in itertools.takewhile(lambda t: t >= start, reversed(times)))


def _len(window: tuple[int, float]) -> float:
    return window[1]


def _nearest(windows: Sequence[Window], reset: float) -> Window:
    return min(windows, key=lambda w: abs(w.seconds - reset))
