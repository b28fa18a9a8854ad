"""``kiosk --check`` on sheepCRM: the key, the event, a roster as whole as the booking's figures."""

from __future__ import annotations

import collections
import urllib.parse

from kiosk.backends.base import Backend
from kiosk.backends.http import HttpTransport
from kiosk.backends.sheepcrm.wire import UNKNOWN_STATUS_SHOWN_AS, parse_event, parse_status
from kiosk.config import Profile
from kiosk.domain import Guest, NotFound, PlatformError
from kiosk.services.probe_report import Finding, failure, not_checked

NAME = "sheepCRM"
#: The booking's own figures of how many places are taken, in the order they are trusted.
ALLOCATED_FIELDS = ("total_stock_allocated", "tickets_sold", "attendee_count")
_AFTER_KEY = ("event", "roster", "statuses")


def _segment(value: str) -> str:
    return urllib.parse.quote(value, safe="")


async def probe_sheepcrm(
    profile: Profile, transport: HttpTransport, backend: Backend
) -> list[Finding]:
    """Every sheepCRM finding but the header ones, in order."""
    base = f"/events/v2/{_segment(profile.bucket)}"
    try:
        reply = await transport.request(
            "GET", base, params={"page": 1, "page_size": 1}, what=f"bucket '{profile.bucket}'"
        )
    except NotFound:
        # Documented: sheepCRM answers 404 for bad credentials, as for a bucket it has not.
        return [
            Finding(
                "key",
                "problem",
                f"{NAME} did not accept the API key for bucket '{profile.bucket}': it answered "
                "404, its documented answer to bad credentials (a wrong bucket name gets the "
                "same answer). Check the key, then the bucket.",
                (f"GET {base} answered HTTP 404",),
            ),
            *not_checked(_AFTER_KEY, "the key was not accepted"),
        ]
    except PlatformError as error:
        return [failure("key", error, NAME, profile.base_url), *not_checked(_AFTER_KEY, "")]
    findings = [
        Finding(
            "key",
            "ok",
            f"{NAME} accepted the API key for bucket '{profile.bucket}'.",
            (f"GET {base} answered HTTP {reply.status_code}",),
        )
    ]
    path = f"{base}/booking/{_segment(profile.event)}"
    try:
        booking = await transport.request("GET", path, what=f"event '{profile.event}'")
        event = parse_event(booking.data)
    except PlatformError as error:
        return [
            *findings,
            failure("event", error, NAME, profile.base_url),
            *not_checked(_AFTER_KEY[1:], ""),
        ]
    findings.append(Finding("event", "ok", f"Event found: {event.title!r}."))
    figures = booking.data if isinstance(booking.data, dict) else {}
    try:
        roster = await backend.load_roster()
    except PlatformError as error:
        return [
            *findings,
            failure("roster", error, NAME, profile.base_url),
            *not_checked(["statuses"], ""),
        ]
    findings.append(_whole(roster.guests, roster.complete, roster.problem, figures))
    findings.append(_statuses(roster.guests))
    return findings


def _whole(
    guests: tuple[Guest, ...], complete: bool, problem: str | None, booking: dict[str, object]
) -> Finding:
    count = len(guests)
    field, allocated = next(
        (
            (name, value)
            for name in ALLOCATED_FIELDS
            if isinstance(value := booking.get(name), int) and not isinstance(value, bool)
        ),
        ("", None),
    )
    evidence = [f"{count:,} attendance sessions read in one answer"]
    if allocated is not None:
        evidence.append(f"the booking's {field}: {allocated:,}")
    if not complete:
        return Finding(
            "roster", "problem", problem or "The roster could not be read whole.", tuple(evidence)
        )
    if allocated is None:
        return Finding(
            "roster",
            "warning",
            f"{count:,} guests read; the booking gives no figure to check them against.",
            tuple(evidence),
        )
    if count < allocated:
        return Finding(
            "roster",
            "problem",
            f"{NAME} sent {count:,} guests, but the booking says {allocated:,} places are "
            "taken: the list looks cut short, and Kiosk would not know the others. Ask "
            "sheepCRM whether the attendance list of a large event is paged.",
            tuple(evidence),
        )
    return Finding(
        "roster",
        "ok",
        f"The guest list is whole: {count:,} guests, as the booking's figures say.",
        tuple(evidence),
    )


def kiosk_reading(word: str) -> str:
    """How Kiosk reads a sheepCRM status word, by the client's own table."""
    status = parse_status(word)
    return status.value if status is not None else f"{UNKNOWN_STATUS_SHOWN_AS.value} (unknown)"


def _statuses(guests: tuple[Guest, ...]) -> Finding:
    # A guest keeps the platform's word as its label only when it is none of the five.
    words = collections.Counter(guest.status_label or guest.status.wire for guest in guests)
    lines = tuple(
        f"'{word}': {count:,} guest(s), read as {kiosk_reading(word)}"
        for word, count in sorted(words.items())
    )
    odd = sorted(word for word in words if parse_status(word) is None)
    if odd:
        return Finding(
            "statuses",
            "warning",
            f"{NAME} sent statuses Kiosk does not know: {', '.join(odd)}; they show as "
            f"{UNKNOWN_STATUS_SHOWN_AS.value}.",
            lines,
        )
    return Finding(
        "statuses", "ok", f"Every status seen is one Kiosk reads ({len(words)} kinds).", lines
    )
