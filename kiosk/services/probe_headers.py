"""What a platform's answer headers tell ``kiosk --check``: its quota, its clock, the TLS used."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import httpx

from kiosk.backends.http import http_date
from kiosk.backends.http.trust import trust_description
from kiosk.services.probe_report import Finding, host_of

#: Clocks further apart than this are worth a word: the Date header counts whole
#: seconds and the answer takes a moment to arrive.
CLOCK_TOLERANCE_S = 60.0
_WINDOW = re.compile(r"^\s*(\d+)\s*;\s*w(?:indow)?\s*=\s*(\d+)\s*$")
_QUOTA_HEADERS = ("x-rate-limit-limit", "x-rate-limit-remaining", "x-rate-limit-reset")


class Observed:
    """The headers of every answer the check received (an httpx response hook): the
    last quota headers and how far the platform's ``Date`` is from this computer's."""

    def __init__(self, clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self._clock = clock
        self.quota: httpx.Headers | None = None
        self.date: str | None = None
        self.skew: float | None = None  # seconds the platform is ahead
        self.answers = 0

    async def hook(self, response: httpx.Response) -> None:
        headers = response.headers
        self.answers += 1
        if any(name in headers for name in _QUOTA_HEADERS):
            self.quota = headers
        when = http_date(headers.get("date"))
        if when is not None:
            self.date = headers["date"]
            self.skew = (when - self._clock()).total_seconds()


def quota_windows(limit: str) -> tuple[int | None, list[tuple[int, int]]]:
    """``x-rate-limit-limit`` as (the limit in force, [(calls, window seconds)]): the
    documented ``40, 400;window=60, 1000;window=3600`` or a plain ``400``."""
    now: int | None = None
    windows: list[tuple[int, int]] = []
    for part in limit.split(","):
        if match := _WINDOW.match(part):
            windows.append((int(match[1]), int(match[2])))
        elif part.strip().isdigit() and now is None:
            now = int(part.strip())
    return now, windows


def _per(seconds: int) -> str:
    names = {1: "a second", 60: "a minute", 3600: "an hour", 86400: "a day"}
    return names.get(seconds, f"every {seconds} s")


def quota_finding(
    platform: str,
    seen: Observed,
    refresh_seconds: float,
    assumed: tuple[tuple[int, float], ...] = (),
) -> Finding:
    """The quota the platform announces and what it leaves for status changes once one
    desk refreshes the guest list every ``refresh_seconds``; ``assumed``: the quota the
    profile (or Kiosk's default) sets when the platform names none."""
    headers = seen.quota
    if headers is None:
        kept = " and ".join(f"{calls:,} calls {_per(int(s))}" for calls, s in assumed)
        within = (
            f" Kiosk keeps within {kept} ([{platform.lower()}] quota in the profile sets it) and"
            if kept
            else (" Kiosk")
        )
        return Finding(
            "quota",
            "ok",
            f"{platform} announced no quota:{within} slows down when told to (HTTP 429 and "
            "Retry-After).",
        )
    raw = headers.get("x-rate-limit-limit", "")
    evidence = tuple(f"{name}: {headers[name]}" for name in _QUOTA_HEADERS if name in headers)
    now, windows = quota_windows(raw)
    if not windows and now is not None:
        reset = headers.get("x-rate-limit-reset", "")
        seconds = 60 if not reset.strip().isdigit() else max(60, int(reset.strip()))
        windows = [(now, 60 if seconds <= 60 else seconds)]
    if not windows:
        return Finding(
            "quota", "warning", f"{platform}'s quota headers could not be read.", evidence
        )
    allowed = " and ".join(f"{calls:,} calls {_per(window)}" for calls, window in windows)
    words = [f"{platform} allows {allowed} for this API key, shared by every desk using it."]
    for calls, window in windows:
        refreshes = math.ceil(window / refresh_seconds)
        if refreshes >= calls / 2:
            # The call budget paces refreshes to the quota (writes first), so this is
            # no problem: the desk's view is only older than the interval asks.
            words.append(
                f"Refreshing every {refresh_seconds:g} s would take {refreshes:,} of the "
                f"{calls:,} calls {_per(window)}: Kiosk spaces its refreshes to leave room "
                "for check-ins and the other desks."
            )
    remaining = headers.get("x-rate-limit-remaining")
    if remaining is not None:
        words.append(f"{remaining} calls are left now.")
    return Finding("quota", "ok", " ".join(words), evidence)


def clock_finding(platform: str, seen: Observed) -> Finding:
    """The platform's clock (``Date``) against this computer's."""
    if seen.skew is None or seen.date is None:
        return Finding("clock", "not checked", f"{platform} sent no Date header to compare with.")
    skew = seen.skew
    evidence = (f"{platform}'s Date: {seen.date}", f"this computer: {_here(skew, seen.date)}")
    if abs(skew) <= CLOCK_TOLERANCE_S:
        return Finding("clock", "ok", f"{platform}'s clock and this computer's agree.", evidence)
    side = "ahead of" if skew > 0 else "behind"
    return Finding(
        "clock",
        "warning",
        f"{platform}'s clock is {_duration(abs(skew))} {side} this computer's: one of them "
        "is wrong. Kiosk stamps check-ins with this computer's time; set its clock "
        "(automatic time) so door times and other desks' changes line up.",
        evidence,
    )


def _duration(seconds: float) -> str:
    minutes = round(seconds / 60)
    if minutes < 120:
        return f"{minutes} minute{'s' if minutes != 1 else ''}"
    return f"{minutes / 60:.1f} hours"


def _here(skew: float, date: str) -> str:
    """This computer's time when that answer came, in the header's own spelling."""
    when = http_date(date)
    if when is None:
        return "unknown"
    return (when - timedelta(seconds=skew)).astimezone(UTC).strftime("%a, %d %b %Y %H:%M:%S GMT")


def tls_finding(base_url: str, answered: bool) -> Finding:
    """How the connection was secured, once the platform ``answered``."""
    host = host_of(base_url)
    if base_url.startswith("https://") and not answered:
        return Finding("tls", "not checked", f"No connection to {host} was made.")
    if base_url.startswith("https://"):
        return Finding(
            "tls",
            "ok",
            f"The certificate of {host} is trusted by this computer.",
            (f"checked against {trust_description()}",),
        )
    return Finding(
        "tls",
        "ok",
        f"Plain http to {host} (a loopback address, allowed for a local platform): no "
        "certificate to check.",
        (f"an https address would be checked against {trust_description()}",),
    )
