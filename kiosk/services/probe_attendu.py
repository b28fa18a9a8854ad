"""``kiosk --check`` on Attendu: the key, the event, the paging that works, the roster, codes."""

from __future__ import annotations

import collections
import dataclasses
from collections.abc import Mapping

from kiosk.backends.attendu.statuses import AttenduCodes, read_status
from kiosk.backends.attendu.wire import parse_attendu_events
from kiosk.backends.http import PAGE_MAX_BYTES, HttpTransport
from kiosk.config import Profile
from kiosk.domain import ChangeRejected, PlatformError
from kiosk.platform_settings import PAGING_CONVENTIONS, paging_names
from kiosk.services.probe_report import Finding, failure, not_checked

NAME = "Attendu"
#: Guests asked for on each of the two pages that tell a paging convention apart.
PROBE_PAGE_SIZE = 3
#: The whole-roster walk stops here, whatever the list says (5,000 pages of 100).
MAX_PAGES = 5000


@dataclasses.dataclass(frozen=True, slots=True)
class Trial:
    """One paging convention tried on pages 1 and 2: ``works`` fully, ``partly`` (the
    size was not understood but the pages follow on), or not, with what was seen."""

    paging: str
    works: bool
    partly: bool
    seen: str


async def probe_attendu(
    profile: Profile, transport: HttpTransport, codes: AttenduCodes
) -> list[Finding]:
    """Every Attendu finding but the header ones, in order; a failed step marks the
    steps that needed it as not checked."""
    url = profile.base_url
    try:
        reply = await transport.request(
            "GET", "/v1/events", max_bytes=PAGE_MAX_BYTES, what="event list"
        )
    except PlatformError as error:
        return [failure("key", error, NAME, url), *not_checked(_AFTER_KEY, "no connection")]
    found = [f"GET /v1/events answered HTTP {reply.status_code}"]
    findings = [Finding("key", "ok", f"{NAME} accepted the API key.", tuple(found))]
    events = {event.event.id: event for event in parse_attendu_events(reply.data)}
    event = events.get(profile.event)
    if event is None:
        findings.append(
            Finding(
                "event",
                "problem",
                f"{NAME} has no event '{profile.event}' that this API key can see.",
                (f"the key sees {len(events)} event(s)",),
            )
        )
        return [*findings, *not_checked(_AFTER_KEY[1:], "the event was not found")]
    findings.append(Finding("event", "ok", f"Event found: {event.event.title!r}."))
    findings += await _roster(profile, transport, codes)
    return findings


_AFTER_KEY = ("event", "paging", "roster", "statuses")


async def _page(
    transport: HttpTransport, event_id: str, paging: str, index: int, size: int
) -> tuple[list[Mapping[str, object]], int | None]:
    """Rows and ``total`` of page ``index`` (from 0) asked by ``paging``'s names."""
    start_name, size_name, counts_pages = paging_names(paging)
    start = index + 1 if counts_pages else index * size
    reply = await transport.request(
        "GET",
        "/v1/guests",
        params={"event": event_id, start_name: start, size_name: size},
        max_bytes=PAGE_MAX_BYTES,
        what=f"event '{event_id}'",
    )
    data = reply.data if isinstance(reply.data, dict) else {}
    rows: list[Mapping[str, object]] = [
        row for row in data.get("results") or [] if isinstance(row, dict)
    ]
    total = data.get("total")
    return rows, total if isinstance(total, int) and not isinstance(total, bool) else None


def _ids(rows: list[Mapping[str, object]]) -> list[str]:
    return [row["_id"] for row in rows if isinstance(row.get("_id"), str)]  # type: ignore[misc]


async def _trial(transport: HttpTransport, event_id: str, paging: str, size: int) -> Trial:
    try:
        first_rows, total = await _page(transport, event_id, paging, 0, size)
        second_rows, _ = await _page(transport, event_id, paging, 1, size)
    except ChangeRejected as refused:
        said = refused.platform_message or str(refused)
        return Trial(paging, False, False, f"refused (HTTP {refused.status_code}): {said}")
    first, second = _ids(first_rows), _ids(second_rows)
    if not first:
        return Trial(paging, False, False, "page 1 was empty")
    repeated = len(set(first) & set(second))
    if second and repeated == len(second):
        return Trial(paging, False, False, f"ignored: page 2 repeats page 1 ({len(first)} guests)")
    if repeated:
        return Trial(paging, False, False, f"page 2 shares {repeated} guest(s) with page 1")
    if not second and (total is None or len(first) < total):
        return Trial(paging, False, False, f"page 2 was empty, though {total} guests are listed")
    if len(first) > size:
        seen = f"pages follow on, but the size was not understood: asked {size}, got {len(first)}"
        return Trial(paging, False, True, seen)
    return Trial(paging, True, False, f"page 1 and page 2 differ ({len(first)} + {len(second)})")


async def _roster(profile: Profile, transport: HttpTransport, codes: AttenduCodes) -> list[Finding]:
    settings = profile.attendu
    event_id = profile.event
    order = [settings.paging] + [p for p in PAGING_CONVENTIONS if p != settings.paging]
    try:
        trials = [await _trial(transport, event_id, paging, PROBE_PAGE_SIZE) for paging in order]
    except PlatformError as error:
        return [failure("paging", error, NAME, profile.base_url), *not_checked(_AFTER_KEY[2:], "")]
    evidence = tuple(f"{t.paging}: {t.seen}" for t in trials)
    chosen = next((t for t in trials if t.works), None) or next(
        (t for t in trials if t.partly), None
    )
    if chosen is None:
        paging_finding = Finding(
            "paging",
            "problem",
            f"{NAME} answered none of the paging conventions Kiosk knows: only its first "
            "page of guests can be read. Ask Attendu which parameters page the guest list, "
            'then set them as [attendu] paging = "<start>/<size>".',
            evidence,
        )
        paging = settings.paging
    else:
        paging = chosen.paging
        fix = {"attendu": {"paging": paging}} if paging != settings.paging else {}
        words = f"{NAME} pages the guest list with {paging}" + (
            " (as the profile says)."
            if not fix
            else f", not {settings.paging} as the profile says."
        )
        paging_finding = Finding("paging", "ok" if not fix else "problem", words, evidence, fix)
    return [paging_finding, *await _walk(profile, transport, codes, paging)]


async def _walk(
    profile: Profile,
    transport: HttpTransport,
    codes: AttenduCodes,
    paging: str,
) -> list[Finding]:
    """Every page with ``paging`` and the profile's page size: do the ids add up to
    ``total``, and which status codes came."""
    size = profile.attendu.page_size
    ids: set[str] = set()
    total: int | None = None
    codes_seen: collections.Counter[tuple[int, bool, bool]] = collections.Counter()
    capped: int | None = None
    try:
        for index in range(MAX_PAGES):
            rows, said = await _page(transport, profile.event, paging, index, size)
            total = said if said is not None else total
            new = set(_ids(rows)) - ids
            if index == 0 and rows and len(rows) < size and (total or 0) > len(rows):
                capped = len(rows)
            for row in rows:
                if isinstance(row.get("_id"), str) and row["_id"] in new:
                    codes_seen[_code(row)] += 1
            ids |= new
            if not rows or not new or (total is not None and len(ids) >= total):
                break
            if capped is not None and index == 0:
                size = capped  # count the next pages in the pages the server gives
    except PlatformError as error:
        return [failure("roster", error, NAME, profile.base_url), *not_checked(["statuses"], "")]
    evidence = (f"{index + 1} page(s) of {size} with {paging}", f"total announced: {total}")
    fix = {"attendu": {"page_size": capped}} if capped is not None else {}
    if total is None:
        roster = Finding(
            "roster", "warning", f"{NAME} gave no total; {len(ids)} guests read.", evidence
        )
    elif len(ids) == total:
        words = f"The guest list is whole: {len(ids):,} different guests, as the total says."
        if capped is not None:
            words += f" {NAME} gives at most {capped} a page."
        roster = Finding("roster", "ok", words, evidence, fix)
    else:
        roster = Finding(
            "roster",
            "problem",
            f"Only {len(ids):,} of the {total:,} guests {NAME} lists could be read.",
            evidence,
            fix,
        )
    return [roster, _statuses(codes_seen, codes)]


def _code(row: Mapping[str, object]) -> tuple[int, bool, bool]:
    """(confirmation, checked in, has a decline message) of one raw row."""
    status = row.get("status")
    status = status if isinstance(status, dict) else {}
    confirmation = status.get("confirmation")
    attendance = status.get("attendance")
    decline = status.get("declineMessage")
    return (
        confirmation if isinstance(confirmation, int) else 0,
        isinstance(attendance, int) and attendance >= 1,
        isinstance(decline, str) and bool(decline.strip()),
    )


def kiosk_reading(code: tuple[int, bool, bool], codes: AttenduCodes) -> str:
    """How Kiosk reads one code, by the table the client holds now: the one place the
    check asks, so another table (the profile's) is reported the same way."""
    confirmation, checked_in, declined = code
    status = read_status(
        confirmation, 1 if checked_in else 0, "x" if declined else "", codes, event_ended=False
    )
    return status.value


def _statuses(seen: collections.Counter[tuple[int, bool, bool]], codes: AttenduCodes) -> Finding:
    lines = []
    odd = []
    for code, count in sorted(seen.items()):
        confirmation, checked_in, declined = code
        words = f"confirmation {confirmation}"
        words += ", checked in" if checked_in else ""
        words += ", with a decline message" if declined else ""
        reading = kiosk_reading(code, codes)
        lines.append(f"{words}: {count:,} guest(s), read as {reading}")
        known = (
            confirmation in (codes.no_answer, codes.declined) or confirmation >= codes.min_confirmed
        )
        if not known:
            odd.append(f"confirmation {confirmation} (read as {reading})")
    if odd:
        return Finding(
            "statuses",
            "warning",
            f"{NAME} sent codes Kiosk does not know: {', '.join(odd)}. Check them in Attendu.",
            tuple(lines),
        )
    summary = f"Every status code seen is one Kiosk reads ({len(seen)} kinds)."
    return Finding("statuses", "ok", summary, tuple(lines))
