"""What a platform's answer headers say: its rate limit, how long to wait, its clock."""

from __future__ import annotations

import dataclasses
import email.utils
import math
import re
import time
from datetime import UTC, datetime

import httpx

#: One quota of the multi-window form: ``400;window=60`` (``w=60`` is read too).
_WINDOW = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*;\s*(?:window|w)\s*=\s*\"?(\d+(?:\.\d+)?)\"?\s*$")
#: Longer header values than this are junk, not a rate limit.
_MAX_HEADER_CHARS = 512


@dataclasses.dataclass(frozen=True, slots=True)
class RateLimit:
    """The platform's last word on its rate limit (sheepCRM's ``x-rate-limit-*`` headers).

    ``limit`` is the limit in force now, ``windows`` each quota as ``(calls, seconds)``
    when the platform names them (``40, 400;window=60, 1000;window=3600``).
    ``reset_after`` is in seconds from ``observed_at``, a ``time.monotonic()`` reading, so
    a sender can compute how long is left without trusting the wall clock.
    """

    limit: int | None
    remaining: int | None
    reset_after: float | None
    observed_at: float
    windows: tuple[tuple[int, float], ...] = ()

    @property
    def exhausted(self) -> bool:
        return self.remaining is not None and self.remaining <= 0

    def seconds_left(self, now: float | None = None) -> float | None:
        """Seconds until the window resets, from a ``time.monotonic()`` reading."""
        if self.reset_after is None:
            return None
        elapsed = (time.monotonic() if now is None else now) - self.observed_at
        return max(0.0, self.reset_after - elapsed)


def read_rate_limit(headers: httpx.Headers, now: float | None = None) -> RateLimit | None:
    """The ``x-rate-limit-*`` headers as a RateLimit observed now; None when there are none."""
    limit, windows = parse_limit(headers.get("x-rate-limit-limit"))
    remaining = _header_int(headers, "x-rate-limit-remaining")
    reset = _header_seconds(headers.get("x-rate-limit-reset"))
    if limit is None and remaining is None and reset is None and not windows:
        return None
    return RateLimit(
        limit, remaining, reset, time.monotonic() if now is None else now, tuple(windows)
    )


def parse_limit(value: str | None) -> tuple[int | None, list[tuple[int, float]]]:
    """``x-rate-limit-limit`` as (the limit in force now, [(calls, window seconds), ...]).

    Reads the plain form (``400``) and the multi-window form (``40, 400;window=60,
    1000;window=3600``); a part that is neither is skipped, so junk gives ``(None, [])``.
    Without a plain part, the first quota's calls are the limit in force."""
    if not value or len(value) > _MAX_HEADER_CHARS:
        return None, []
    limit: int | None = None
    windows: list[tuple[int, float]] = []
    for part in value.split(","):
        if (matched := _WINDOW.match(part)) is not None:
            calls, seconds = float(matched[1]), float(matched[2])
            if calls >= 0 and seconds > 0 and math.isfinite(calls * seconds):
                windows.append((int(calls), seconds))
        elif limit is None and (number := _number(part)) is not None and number >= 0:
            limit = int(number)
    if limit is None and windows:
        limit = windows[0][0]
    return limit, windows


def _number(text: str) -> float | None:
    try:
        value = float(text.strip())
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _header_int(headers: httpx.Headers, name: str) -> int | None:
    value = headers.get(name, "").strip()
    if not value or len(value) > _MAX_HEADER_CHARS:
        return None
    number = _number(value.split(",")[0])  # a list form: the first is the one in force
    return None if number is None or number < 0 else int(number)


def _header_seconds(value: str | None) -> float | None:
    if value is None or len(value) > _MAX_HEADER_CHARS:
        return None
    seconds = _number(value)
    if seconds is None or seconds < 0:
        return None
    return seconds


def http_date(value: str | None) -> datetime | None:
    """An HTTP date header (``Date``, ``Retry-After``) as an aware datetime, or None."""
    if not value or len(value) > _MAX_HEADER_CHARS:
        return None
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def retry_after(headers: httpx.Headers, now: datetime | None = None) -> float | None:
    """Seconds to wait: ``Retry-After`` (seconds or an HTTP date), else sheepCRM's
    ``x-rate-limit-reset`` (seconds), else None."""
    raw = headers.get("retry-after")
    if raw is not None:
        seconds = _header_seconds(raw)
        if seconds is not None:
            return seconds
        when = http_date(raw)
        if when is not None:
            return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
    return _header_seconds(headers.get("x-rate-limit-reset"))
