"""The sandbox's call quotas: several fixed windows per API key, their headers and refusals."""

from __future__ import annotations

import dataclasses
import json
import math
import threading
import time
from collections.abc import Callable, Mapping
from typing import Any

#: sheepCRM's documented quota: 400 calls a minute and 1,000 an hour, per key.
SHEEPCRM_WINDOWS: tuple[tuple[int, float], ...] = ((400, 60.0), (1000, 3600.0))
#: Attendu publishes no quota: the sandbox assumes a cautious one (Kiosk's default too).
ATTENDU_WINDOWS: tuple[tuple[int, float], ...] = ((600, 60.0), (10_000, 3600.0))


def parse_windows(text: str) -> tuple[tuple[int, float], ...]:
    """``"400/60, 1000/3600"`` as ((400, 60.0), (1000, 3600.0)); ValueError otherwise."""
    windows = []
    for part in text.split(","):
        calls, slash, seconds = part.strip().partition("/")
        try:
            window = (int(calls), float(seconds))
        except ValueError:
            raise ValueError(
                f"a quota is CALLS/SECONDS, like 400/60, not {part.strip()!r}"
            ) from None
        if not slash or window[0] < 1 or not 0 < window[1] < math.inf:
            raise ValueError(f"a quota is CALLS/SECONDS, like 400/60, not {part.strip()!r}")
        windows.append(window)
    return tuple(sorted(windows, key=lambda w: w[1]))


@dataclasses.dataclass(frozen=True, slots=True)
class Quota:
    """One platform's quota. ``windows`` are (calls, seconds) as documented; ``scale``
    compresses time for benchmarks (60: an hour's window passes in a minute, and the
    headers name the compressed windows); ``enforce`` answers 429 past a quota, otherwise
    the headers only count. ``headers``: whether answers carry ``x-rate-limit-*``."""

    windows: tuple[tuple[int, float], ...] = SHEEPCRM_WINDOWS
    scale: float = 1.0
    enforce: bool = False
    headers: bool = True

    def __post_init__(self) -> None:
        if not self.windows or any(c < 1 or s <= 0 for c, s in self.windows):
            raise ValueError("a quota needs windows of 1 call or more over a positive time")
        if not 0 < self.scale < math.inf:
            raise ValueError("scale must be a positive number")

    def seconds(self) -> tuple[float, ...]:
        """Each window's real length, time scale applied."""
        return tuple(s / self.scale for _c, s in self.windows)

    def text(self) -> str:
        """The windows as a header or a profile names them, scaled: ``400/60, 1000/3600``."""
        return ", ".join(
            f"{c}/{_seconds(s)}" for (c, _s), s in zip(self.windows, self.seconds(), strict=True)
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "windows": [list(w) for w in self.windows],
            "scale": self.scale,
            "enforce": self.enforce,
            "headers": self.headers,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any], base: Quota | None = None) -> Quota:
        """A quota from JSON; absent fields keep ``base``'s. ``windows`` may be a list of
        [calls, seconds] pairs or the text form. ValueError for anything else."""
        base = base or cls()
        unknown = sorted(set(data) - {"windows", "scale", "enforce", "headers"})
        if unknown:
            raise ValueError(f"unknown quota field(s): {', '.join(unknown)}")
        windows = data.get("windows", base.windows)
        if isinstance(windows, str):
            windows = parse_windows(windows)
        try:
            pairs = tuple((int(c), float(s)) for c, s in windows)
        except (TypeError, ValueError):
            raise ValueError("windows must be [[calls, seconds], ...] or '400/60, ...'") from None
        scale = data.get("scale", base.scale)
        if isinstance(scale, bool) or not isinstance(scale, int | float):
            raise ValueError("scale must be a number")
        flags = {name: data.get(name, getattr(base, name)) for name in ("enforce", "headers")}
        if not all(isinstance(flag, bool) for flag in flags.values()):
            raise ValueError("enforce and headers must be true or false")
        return cls(pairs, float(scale), **flags)


def _seconds(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:.3f}".rstrip("0")


@dataclasses.dataclass(frozen=True, slots=True)
class Verdict:
    """What the quota says of one call: allowed or not, the headers to answer with, and
    (when refused) the seconds until it would be allowed."""

    allowed: bool
    headers: dict[str, str]
    retry_after: float


class QuotaCounter:
    """Counts calls per API key in fixed windows (each starts with the first call after
    the last one ended), for every window at once; thread-safe. Refused calls do not
    count, so a client that waits as told gets through."""

    def __init__(self, quota: Quota, clock: Callable[[], float] = time.monotonic) -> None:
        self._lock = threading.Lock()
        self._quota = quota
        self._clock = clock
        self._keys: dict[str, list[list[float]]] = {}  # key → [[window end, count], ...]

    @property
    def quota(self) -> Quota:
        with self._lock:
            return self._quota

    def set(self, quota: Quota) -> None:
        """A new quota; every key's count starts afresh."""
        with self._lock:
            self._quota = quota
            self._keys.clear()

    def clear(self) -> None:
        with self._lock:
            self._keys.clear()

    def hit(self, key: str, *, enforce: bool = False, refuse: bool = False) -> Verdict:
        """Count a call by ``key``. Past a quota it is refused when the quota (or
        ``enforce``) says so; ``refuse`` reports it refused anyway (an injected 429)."""
        with self._lock:
            quota, now = self._quota, self._clock()
            lengths = quota.seconds()
            windows = self._keys.setdefault(key, [[0.0, 0] for _ in lengths])
            for window, length in zip(windows, lengths, strict=True):
                if now >= window[0]:
                    window[0], window[1] = now + length, 0
            full = [i for i, w in enumerate(windows) if w[1] >= quota.windows[i][0]]
            refused = refuse or ((quota.enforce or enforce) and bool(full))
            if not refused:
                for window in windows:
                    window[1] += 1
            left = [quota.windows[i][0] - w[1] for i, w in enumerate(windows)]
            # The window in force: the one with the fewest calls left (the longest on a tie).
            binding = min(range(len(left)), key=lambda i: (left[i], -lengths[i]))
            wait = max((windows[i][0] - now for i in full), default=0.0)
            reset = windows[binding][0] - now
            headers: dict[str, str] = {}
            if quota.headers:
                named = ", ".join(
                    f"{c};window={_seconds(s)}"
                    for (c, _s), s in zip(quota.windows, lengths, strict=True)
                )
                headers = {
                    "x-rate-limit-limit": f"{quota.windows[binding][0]}, {named}",
                    "x-rate-limit-remaining": str(0 if refuse else max(0, left[binding])),
                    "x-rate-limit-reset": _wait_text(reset, quota.scale),
                }
            if refused and not refuse:
                headers["retry-after"] = _wait_text(wait if wait > 0 else reset, quota.scale)
            return Verdict(not refused, headers, wait)


def _wait_text(seconds: float, scale: float) -> str:
    """Whole seconds (at least 1) as documented; in compressed time, to the millisecond."""
    if scale == 1.0:
        return str(max(1, math.ceil(seconds)))
    return _seconds(round(max(0.001, seconds), 3))


def quotas_json(counters: Mapping[str, QuotaCounter]) -> dict[str, Any]:
    return {name: counter.quota.to_json() for name, counter in counters.items()}


def change_quotas(counters: Mapping[str, QuotaCounter], body: bytes) -> dict[str, Any]:
    """Apply ``PUT /_sandbox/quota``: ``{"sheepcrm": {"windows": "400/60, 1000/3600",
    "scale": 60, "enforce": true}, "attendu": {...}}``; the platforms named change, fields
    left out stay. Returns every quota; ValueError (nothing changed) for a bad body."""
    data = json.loads(body)
    if not isinstance(data, dict) or not set(data) <= set(counters):
        raise ValueError(f"the body must be {{platform: quota fields}} for {', '.join(counters)}")
    if not all(isinstance(fields, dict) for fields in data.values()):
        raise ValueError("each platform's quota must be a JSON object")
    changed = {name: Quota.from_json(fields, counters[name].quota) for name, fields in data.items()}
    for name, quota in changed.items():
        counters[name].set(quota)
    return quotas_json(counters)
