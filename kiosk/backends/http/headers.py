"""What a platform's answer headers say: its rate limit, how long to wait, its clock."""

from __future__ import annotations

import dataclasses
import email.utils
import math
import time
from datetime import UTC, datetime

import httpx


@dataclasses.dataclass(frozen=True, slots=True)
class RateLimit:
    """The platform's last word on its rate limit (sheepCRM's ``x-rate-limit-*`` headers).

    ``reset_after`` is in seconds from ``observed_at``, a ``time.monotonic()`` reading, so
    a sender can compute how long is left without trusting the wall clock.
    """

    limit: int | None
    remaining: int | None
    reset_after: float | None
    observed_at: float

    @property
    def exhausted(self) -> bool:
        return self.remaining is not None and self.remaining <= 0

    def seconds_left(self, now: float | None = None) -> float | None:
        """Seconds until the window resets, from a ``time.monotonic()`` reading."""
        if self.reset_after is None:
            return None
        elapsed = (time.monotonic() if now is None else now) - self.observed_at
        return max(0.0, self.reset_after - elapsed)


def read_rate_limit(headers: httpx.Headers) -> RateLimit | None:
    """The ``x-rate-limit-*`` headers as a RateLimit observed now; None when there are none."""
    limit = _header_int(headers, "x-rate-limit-limit")
    remaining = _header_int(headers, "x-rate-limit-remaining")
    reset = _header_seconds(headers.get("x-rate-limit-reset"))
    if limit is None and remaining is None and reset is None:
        return None
    return RateLimit(limit, remaining, reset, time.monotonic())


def _header_int(headers: httpx.Headers, name: str) -> int | None:
    value = headers.get(name, "").strip()
    try:
        return int(float(value)) if value else None
    except ValueError:
        return None


def _header_seconds(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        seconds = float(value.strip())
    except ValueError:
        return None
    if not math.isfinite(seconds) or seconds < 0:
        return None
    return seconds


def http_date(value: str | None) -> datetime | None:
    """An HTTP date header (``Date``, ``Retry-After``) as an aware datetime, or None."""
    if not value:
        return None
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
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
