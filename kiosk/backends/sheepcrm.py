"""sheepCRM "Events v2" client: events, the attendance roster and status writes."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import operator
import ssl
import urllib.parse
from collections import Counter
from collections.abc import Generator, Mapping
from datetime import UTC, datetime
from types import MappingProxyType
from typing import NamedTuple

import httpx

from kiosk.backends import shapes
from kiosk.backends.base import (
    DEFAULT_TIMEOUT,
    NO_GUESTS,
    Capabilities,
    Roster,
    make_http_client,
)
from kiosk.backends.http import (
    PAGE_MAX_BYTES,
    ROSTER_MAX_BYTES,
    HttpTransport,
    RateLimit,
)
from kiosk.backends.shapes import JsonObject, WrongShape
from kiosk.domain import ChangeRejected, Event, Guest, MalformedAnswer, NotFound, Status

log = logging.getLogger(__name__)

PLATFORM = "sheepcrm"
DISPLAY_NAME = "sheepCRM"

#: The page size the API documents as its default and we ask for explicitly.
EVENTS_PAGE_SIZE = 250
#: Events are "the last 14 and next 90 days": 40 pages of 250 is far beyond any customer.
EVENTS_MAX_PAGES = 40

#: sheepCRM answers 404 for a bad key as well as for a missing record.
NOT_FOUND_HINT = (
    "sheepCRM also answers this way when the API key or the bucket name is wrong: "
    "check both in the settings."
)

#: A status string sheepCRM sent that is none of the five is shown as this, labelled with
#: the platform's own word (the least committal state: "no answer yet").
UNKNOWN_STATUS_SHOWN_AS = Status.INVITED

#: Wire spelling → status; a dict look-up is ten times cheaper than ``Status(value)``.
_STATUS_BY_WIRE: Mapping[str, Status] = MappingProxyType({s.wire: s for s in Status})

_NO_EXTRAS: Mapping[str, str] = MappingProxyType({})

#: Lower-case name particles kept with the surname when a full name is split.
_SURNAME_PARTICLES = frozenset(
    {"van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "del", "ter", "ten", "bin"}
)


def sheepcrm_http_client(
    base_url: str,
    api_key: str,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    timeout: httpx.Timeout | None = None,
    ssl_context: ssl.SSLContext | None = None,
) -> httpx.AsyncClient:
    """The ``httpx.AsyncClient`` for sheepCRM: ``Authorization: Bearer <key>`` on every call.

    ``base_url`` is the API root (``https://sls-api.sheepcrm.com``)."""
    return make_http_client(
        base_url,
        headers={"Authorization": f"Bearer {api_key}"},
        timeout=timeout or DEFAULT_TIMEOUT,
        transport=transport,
        ssl_context=ssl_context,
    )


# --------------------------------------------------------------------------- parsing


@dataclasses.dataclass(frozen=True, slots=True)
class Attendance:
    """A parsed attendance answer: the event it carried (if any), the guests, why rows
    were left out (``skipped``), and the status words none of the five, with how many
    guests had each (``unknown_statuses``; those guests are in ``guests``)."""

    event: Event | None
    guests: tuple[Guest, ...]
    skipped: tuple[str, ...] = ()
    unknown_statuses: tuple[tuple[str, int], ...] = ()

    @property
    def complete(self) -> bool:
        """Every row of the answer is among ``guests``."""
        return not self.skipped

    @property
    def problems(self) -> tuple[str, ...]:
        """What went wrong, one sentence each, for people."""
        problems: list[str] = []
        if self.skipped:
            count = len(self.skipped)
            more = f" (and {count - 1} more)" if count > 1 else ""
            problems.append(
                f"{count} row{'s' if count != 1 else ''} of the guest list could not be read "
                f"and {'are' if count != 1 else 'is'} missing: {self.skipped[0]}{more}."
            )
        if self.unknown_statuses:
            words = ", ".join(f"'{word}'" for word, _ in self.unknown_statuses)
            count = sum(n for _, n in self.unknown_statuses)
            problems.append(
                f"{count} guest{'s' if count != 1 else ''} had a status Kiosk does not know "
                f"({words}); shown as {UNKNOWN_STATUS_SHOWN_AS.value} until changed."
            )
        return tuple(problems)


@dataclasses.dataclass(frozen=True, slots=True)
class AttendanceUpdate:
    """What a status write's answer (``UpdatedEventAttendance``) says about one person."""

    status: Status
    name: str = ""
    email: str = ""


def parse_reference(value: object, where: str) -> tuple[str, str]:
    """A sheepCRM reference, a bare URI or ``{display_value, ref}``: (uri, display text)."""
    if value is None:
        return "", ""
    if isinstance(value, str):
        return value, ""
    obj = shapes.as_object(value, where)
    return shapes.text(obj, "ref", where), shapes.text(obj, "display_value", where)


def parse_status(raw: str) -> Status | None:
    """One of the five from sheepCRM's spelling, forgiving case, spaces and underscores."""
    exact = _STATUS_BY_WIRE.get(raw)
    if exact is not None:
        return exact
    spelled = raw.strip().lower().replace("_", "-").replace(" ", "-")
    return _STATUS_BY_WIRE.get("no-show" if spelled == "noshow" else spelled)


def split_name(full: str) -> tuple[str, str]:
    """First and last name from one full name: the last word is the surname, together
    with any particles before it ("Jan van der Berg" → "Jan", "van der Berg")."""
    words = full.split()
    if len(words) == 2:  # the usual name; no particle can stand first
        return words[0], words[1]
    if len(words) <= 1:
        return (words[0] if words else ""), ""
    cut = len(words) - 1
    while cut > 1 and words[cut - 1].lower() in _SURNAME_PARTICLES:
        cut -= 1
    return " ".join(words[:cut]), " ".join(words[cut:])


def _uid_of(uri: str) -> str:
    parts = [part for part in uri.split("/") if part]
    return parts[-1] if parts else ""


def _event_time(obj: JsonObject, prefix: str, where: str) -> datetime | None:
    # Contract: sheepCRM datetimes carry no time zone; Kiosk reads them as UTC.
    full = shapes.text(obj, f"{prefix}_datetime", where)
    if full and (when := shapes.timestamp(full)) is not None:
        return when
    day = shapes.text(obj, f"{prefix}_date", where)
    if day:
        return shapes.combine(day, shapes.text(obj, f"{prefix}_time", where))
    return None


def _event(value: object, where: str) -> Event:
    obj = shapes.as_object(value, where)
    uid = shapes.text(obj, "uid", where) or _uid_of(shapes.text(obj, "uri", where))
    if not uid:
        raise WrongShape(f"{where} has no 'uid'")
    title = (
        shapes.text(obj, "title", where)
        or shapes.text(obj, "formatted_title", where)
        or shapes.text(obj, "display_value", where)
        or uid
    )
    location = shapes.text(obj, "location", where) or shapes.text(
        obj, "location_address_string", where
    )
    return Event(
        id=uid,
        title=title,
        starts_at=_event_time(obj, "start", where),
        ends_at=_event_time(obj, "end", where),
        location=location or None,
    )


def parse_event(obj: object) -> Event:
    """One event (``EventSingle``)."""
    try:
        return _event(obj, "the event")
    except WrongShape as exc:
        raise _malformed(exc) from None


def parse_events(obj: object) -> list[Event]:
    """A page of ``EventsList``. A single unreadable event is left out (and logged):
    the picker should still offer the others."""
    try:
        rows = shapes.optional_list(shapes.as_object(obj, "the event list"), "bookings", "")
    except WrongShape as exc:
        raise _malformed(exc) from None
    events: list[Event] = []
    for index, row in enumerate(rows or ()):
        try:
            events.append(_event(row, f"event {index + 1}"))
        except WrongShape as exc:
            log.warning("sheepCRM event list: skipped a row: %s", exc)
    return events


_ROW_TEXTS = (
    "uid",
    "uri",
    "attendee_name",
    "display_value",
    "attendee_email",
    "status",
    "ticket",
    "record_state",
    "last_updated",
)
_ROW_FIELDS = operator.itemgetter(*_ROW_TEXTS)
_PLAIN_STATES = frozenset({"active", "live", "current"})

#: Guests are made from a plain tuple (in C, three times faster than with keywords: this
#: runs once per guest of a roster), in this field order.
_GUEST_FIELDS = (
    "id", "platform_ref", "first_name", "last_name", "email", "ticket", "status",
    "party_size", "changed_at", "ticket_type", "notes", "starred", "language",
    "status_label", "extras",
)  # fmt: skip
if Guest._fields != _GUEST_FIELDS:
    raise RuntimeError(f"Guest's fields changed; update the roster reader: {Guest._fields}")
_new_guest = tuple.__new__


def _row_texts(obj: JsonObject) -> tuple[str, ...] | list[str]:
    try:
        texts: tuple[object, ...] = _ROW_FIELDS(obj)  # all there: the usual row
    except KeyError:
        return shapes.texts(obj, _ROW_TEXTS, "")  # missing or null is "", else refused
    for text in texts:
        if text.__class__ is not str:
            return shapes.texts(obj, _ROW_TEXTS, "")
    return texts  # type: ignore[return-value]


def _reference(value: object, where: str) -> tuple[str, str]:
    if value.__class__ is str:  # a bare URI, the usual shape
        return value, ""
    return parse_reference(value, where)


class SeenMarks:
    """The session uids readings of the roster have met, each with the number of the
    reading that last met it: kept from one reading to the next, so a refresh marks the
    uids already in the table instead of growing a new set of 100,000. Growing one cost
    a step of 8-14 ms mid-answer, most of it page faults of the table's new 4 MB."""

    def __init__(self) -> None:
        self.table: dict[str, int] = {}
        self.reading = 0

    def next_reading(self) -> int:
        self.reading += 1
        return self.reading

    def forget_older(self, kept: int) -> None:
        """Drop uids the last reading did not meet, once they are most of the table
        (sessions removed over a long day)."""
        if len(self.table) > 2 * kept + 1024:
            self.table = {uid: n for uid, n in self.table.items() if n == self.reading}


class _PlusOne(NamedTuple):
    """Where a plus-one's guest is in the list, and what names their host."""

    position: int
    host_uri: str
    host_display: str


class AttendanceReader:
    """Builds an ``Attendance`` from rows given one at a time, so a 100,000-row answer can
    be read while it arrives: ``add_row`` for each session, then ``finish`` with the
    answer's other members. Pure: no I/O, no clock.

    Each row becomes its guest at once; ``finish`` only completes the few that need
    other rows: hosts (their party counts the plus-ones naming them) and plus-ones (they
    show their host's name)."""

    def __init__(
        self, known: Mapping[str, Guest] = NO_GUESTS, seen: SeenMarks | None = None
    ) -> None:
        self._known = known  # the last load's guests: one that reads the same is kept
        self._rows = 0
        self._guests: list[Guest] = []
        self._skipped: list[str] = []
        # Session uid → the reading that last met it (a repeat within one is skipped).
        self._seen = seen if seen is not None else SeenMarks()
        self._mark = self._seen.next_reading()
        self._unknown: Counter[str] = Counter()  # status word none of the five → guests
        self._plus_ones: Counter[str] = Counter()  # host person URI → plus-one sessions
        self._plus_one_rows: list[_PlusOne] = []
        self._host_names: dict[str, str] = {}  # person URI → name, hosts only

    def add_row(self, row: object) -> None:
        """One session. A WrongShape names the field only and this adds the row number,
        so no message text is built for the rows that are fine."""
        self._rows += 1
        try:
            if not isinstance(row, dict):
                raise WrongShape(f"it should be an object, not {shapes.kind(row)}")
            uid, uri, name, display, email, raw_status, ticket, state, updated = _row_texts(row)
            uid = uid or _uid_of(uri)
            if not uid:
                raise WrongShape("it has no 'uid'")
            person_uri, person_display = _reference(row.get("person_ref"), "'person_ref'")
            host_uri, host_display = _reference(row.get("guest_ref"), "'guest_ref'")
            _, ticket_type = _reference(row.get("ticket_ref"), "'ticket_ref'")
            is_plus_one = row.get("guest")
            if is_plus_one.__class__ is not bool:
                is_plus_one = shapes.flag(row, "guest", "")
        except WrongShape as exc:
            self._skipped.append(f"row {self._rows}: {exc}")
            return
        seen = self._seen.table
        if seen.get(uid) == self._mark:
            self._skipped.append(f"row {self._rows} repeats session {uid}")
            return
        seen[uid] = self._mark
        name = name.strip() or display.strip() or person_display.strip()
        if is_plus_one:
            self._plus_one_rows.append(_PlusOne(len(self._guests), host_uri, host_display))
            if host_uri:
                self._plus_ones[host_uri] += 1
        elif person_uri:
            self._host_names[person_uri] = name
        status = parse_status(raw_status)
        if status is None:
            self._unknown[raw_status or "(none)"] += 1
        first, last = split_name(name)
        email = email.strip()
        if not first and not last and email:
            first = email
        fields = (
            uid,
            person_uri,
            first,
            last,
            email,
            ticket.strip(),
            status or UNKNOWN_STATUS_SHOWN_AS,
            1,  # party size; a host's is counted when every row is in
            shapes.timestamp(updated) if updated else None,
            ticket_type,
            "",  # notes
            False,  # starred
            "",  # language
            "" if status else raw_status,
            (
                MappingProxyType({"Record state": state})
                if state and state.lower() not in _PLAIN_STATES
                else _NO_EXTRAS
            ),
        )
        self._guests.append(self._same(_new_guest(Guest, fields)))

    def _same(self, guest: Guest) -> Guest:
        """The known guest when ``guest`` reads the same (see ``Backend.load_roster``)."""
        known = self._known.get(guest.id)
        return known if known == guest else guest

    def finish(self, root: object) -> Attendance:
        """The attendance; ``root`` is the answer object (its ``sessions`` are not read
        again). Raises MalformedAnswer as ``parse_attendance`` says."""
        steps = self.finishing(root)
        while True:
            try:
                next(steps)
            except StopIteration as done:
                attendance: Attendance = done.value
                return attendance

    def finishing(self, root: object, *, batch: int = 500) -> Generator[None, None, Attendance]:
        """``finish`` in steps: yields after every ``batch`` guests looked at (under a
        millisecond of work; 2,000 made 6-14 ms steps mid-refresh), so a caller on an event
        loop can let it breathe; returns the Attendance.
        The reader is empty afterwards."""
        try:
            members = shapes.as_object(root, "the attendance list")
            shapes.optional_list(members, "sessions", "the attendance list")
            booking = members.get("booking")
            event = _event(booking, "the attendance list's event") if booking else None
        except WrongShape as exc:
            raise _malformed(exc) from None
        guests = self._guests
        if self._rows and not guests:
            raise MalformedAnswer(
                f"{DISPLAY_NAME} sent a guest list Kiosk cannot read: not one of its "
                f"{self._rows} rows has the expected shape ({self._skipped[0]})."
            )
        # A host's party is the host plus every plus-one session naming them.
        plus_ones, plus_one_rows = self._plus_ones, self._plus_one_rows
        if plus_ones:
            taken = {row.position for row in plus_one_rows}
            for lo in range(0, len(guests), batch):
                for position in range(lo, min(lo + batch, len(guests))):
                    guest = guests[position]
                    count = plus_ones.get(guest.platform_ref)
                    if count and position not in taken:
                        guests[position] = self._same(guest._replace(party_size=1 + count))
                yield
        for count, row in enumerate(plus_one_rows, 1):
            host_name = self._host_names.get(row.host_uri) or row.host_display or row.host_uri
            if host_name:
                guest = guests[row.position]
                extras = MappingProxyType({"Guest of": host_name, **guest.extras})
                guests[row.position] = self._same(guest._replace(extras=extras))
            if count % (batch // 5) == 0:
                yield
        attendance = Attendance(
            event=event,
            guests=tuple(guests),
            skipped=tuple(self._skipped),
            unknown_statuses=tuple(sorted(self._unknown.items())),
        )
        # Let go of what reading kept, a part per step: freeing it all when the reader
        # went held the loop ~8 ms at 100,000 rows.
        del guests, plus_ones, plus_one_rows
        self._seen.forget_older(len(attendance.guests))
        for part in ("_host_names", "_plus_ones", "_plus_one_rows", "_guests"):
            setattr(self, part, type(getattr(self, part))())
            yield
        return attendance


def parse_attendance(obj: object) -> Attendance:
    """The attendance answer (``EventAttendanceList``) as guests.

    A row that cannot be read is left out and named in ``skipped``; a status none of
    the five is shown as ``UNKNOWN_STATUS_SHOWN_AS`` with the platform's word as its
    label (the guest stays findable at the door). Raises MalformedAnswer when the answer
    as a whole is unreadable, or when it has rows and not one of them could be read.
    """
    try:
        rows = shapes.optional_list(
            shapes.as_object(obj, "the attendance list"), "sessions", "the attendance list"
        )
    except WrongShape as exc:
        raise _malformed(exc) from None
    reader = AttendanceReader()
    for row in rows or ():
        reader.add_row(row)
    return reader.finish(obj)


def parse_sessions(obj: object) -> list[Guest]:
    """The guests of an attendance answer (see ``parse_attendance``)."""
    return list(parse_attendance(obj).guests)


def parse_updated_attendance(obj: object, person_uri: str) -> AttendanceUpdate:
    """The answer to a status write (``UpdatedEventAttendance``), for ``person_uri``.

    Reads the status at the top level, or inside the array item for that person (both
    shapes are in sheepCRM's published samples). Raises MalformedAnswer when it names no
    status or one none of the five.
    """
    try:
        root = shapes.as_object(obj, "the answer")
        candidates: list[tuple[str, str, str, str]] = []  # person uri, status, name, email
        top_status = shapes.text(root, "status", "the answer")
        top_person, _ = parse_reference(root.get("person_ref"), "the answer: 'person_ref'")
        for index, item in enumerate(shapes.optional_list(root, "attendance", "the answer") or []):
            where = f"attendance item {index + 1}"
            item_obj = shapes.as_object(item, where)
            inner = shapes.optional_object(item_obj, "attendance", where) or {}
            inner_where = f"{where}: 'attendance'"
            person, _ = parse_reference(
                inner.get("person_ref") or item_obj.get("person_ref"), f"{where}: 'person_ref'"
            )
            said = shapes.text(inner, "status", inner_where) or shapes.text(
                item_obj, "status", where
            )
            name = shapes.text(inner, "attendee_name", inner_where)
            email = shapes.text(inner, "attendee_email", inner_where)
            candidates.append((person, said, name, email))
    except WrongShape as exc:
        raise _malformed(exc) from None

    mine = [c for c in candidates if c[0] == person_uri] or (
        candidates if len(candidates) == 1 and not candidates[0][0] else []
    )
    name, email = (mine[0][2], mine[0][3]) if mine else ("", "")
    raw = ""
    if top_status and top_person in ("", person_uri):
        raw = top_status
    elif mine:
        raw = next((c[1] for c in mine if c[1]), "")
    if not raw:
        raise MalformedAnswer(
            f"{DISPLAY_NAME} took the change but its answer does not say the new status; "
            "reload the guest list to check it."
        )
    status = parse_status(raw)
    if status is None:
        raise MalformedAnswer(
            f"{DISPLAY_NAME} answered with a status Kiosk does not know.", platform_message=raw
        )
    return AttendanceUpdate(status=status, name=name.strip(), email=email.strip())


def _segment(value: str) -> str:
    """One path segment: a setting must not be able to change the path."""
    return urllib.parse.quote(value, safe="")


def _malformed(exc: WrongShape) -> MalformedAnswer:
    return MalformedAnswer(f"{DISPLAY_NAME} sent data Kiosk cannot read: {exc}.")


# --------------------------------------------------------------------------- the backend


class SheepCrmBackend:
    """sheepCRM Events v2, bound to one event (booking) in one bucket.

    All five statuses are written with one idempotent PUT. ``rate_limit`` is the last
    ``x-rate-limit-*`` reading, for the outbox sender. ``roster_max_bytes`` caps the
    attendance answer (the API documents no paging, so it comes in one piece).
    """

    def __init__(
        self,
        http: httpx.AsyncClient,
        *,
        bucket: str,
        event_uid: str,
        roster_max_bytes: int = ROSTER_MAX_BYTES,
    ) -> None:
        self._transport = HttpTransport(http, platform=DISPLAY_NAME, not_found_hint=NOT_FOUND_HINT)
        self._bucket = bucket
        self._event_uid = event_uid
        self._roster_max_bytes = roster_max_bytes
        self._marks = SeenMarks()
        self._capabilities = Capabilities(
            platform=PLATFORM,
            display_name=DISPLAY_NAME,
            writable=frozenset(Status),
            idempotent=frozenset(Status),
            walk_ins=False,
        )

    @property
    def capabilities(self) -> Capabilities:
        return self._capabilities

    @property
    def event_id(self) -> str:
        return self._event_uid

    @property
    def rate_limit(self) -> RateLimit | None:
        return self._transport.rate_limit

    @property
    def _base(self) -> str:
        return f"/events/v2/{_segment(self._bucket)}"

    @property
    def _attendance_path(self) -> str:
        return f"{self._base}/booking/{_segment(self._event_uid)}/attendance"

    async def list_events(self) -> list[Event]:
        events: dict[str, Event] = {}
        for page in range(1, EVENTS_MAX_PAGES + 1):
            reply = await self._transport.request(
                "GET",
                self._base,
                params={"page": page, "page_size": EVENTS_PAGE_SIZE},
                max_bytes=PAGE_MAX_BYTES,
                what=f"bucket '{self._bucket}'",
            )
            batch = parse_events(reply.data)
            before = len(events)
            for event in batch:
                events.setdefault(event.id, event)
            # No total is given: a short page is the last; a page with nothing new means
            # the server ignores paging, and asking again would loop.
            if len(batch) < EVENTS_PAGE_SIZE or len(events) == before:
                break
        else:
            log.warning("sheepCRM event list: stopped after %d pages", EVENTS_MAX_PAGES)
        return list(events.values())

    async def get_event(self) -> Event:
        reply = await self._transport.request(
            "GET",
            f"{self._base}/booking/{_segment(self._event_uid)}",
            what=f"event '{self._event_uid}' in bucket '{self._bucket}'",
        )
        return parse_event(reply.data)

    async def _attendance(self, known: Mapping[str, Guest] = NO_GUESTS) -> Attendance:
        # Rows are read as they arrive; the answer is never held whole (40-60 MB).
        # One reading at a time keeps the uid table (another, at once, gets its own).
        marks, self._marks = self._marks, SeenMarks()
        try:
            return await self._read_attendance(known, marks)
        finally:
            self._marks = marks

    async def _read_attendance(self, known: Mapping[str, Guest], marks: SeenMarks) -> Attendance:
        reader = AttendanceReader(known, marks)
        reply = await self._transport.request_items(
            "GET",
            self._attendance_path,
            itemised="sessions",
            on_item=reader.add_row,
            max_bytes=self._roster_max_bytes,
            what=f"event '{self._event_uid}' in bucket '{self._bucket}'",
        )
        # Completing hosts and plus-ones looks at every guest once: give the loop a turn
        # between batches. (Not a worker thread: under qasync that is a QThread.)
        steps = reader.finishing(reply.data)
        while True:
            try:
                next(steps)
            except StopIteration as done:
                attendance: Attendance = done.value
                return attendance
            await asyncio.sleep(0)

    async def load_roster(self, known: Mapping[str, Guest] = NO_GUESTS) -> Roster:
        attendance = await self._attendance(known)
        # The attendance answer normally carries its event; ask for it only if not.
        event = attendance.event or await self.get_event()
        for problem in attendance.problems:
            log.warning("sheepCRM roster of %s: %s", self._event_uid, problem)
        # Unknown statuses leave every guest present: only skipped rows make it incomplete.
        return Roster(
            event=event,
            guests=attendance.guests,
            complete=attendance.complete,
            problem=" ".join(attendance.problems) or None,
        )

    async def get_guest(self, guest: Guest) -> Guest:
        """Re-read one guest. The API has no single-attendee read, so this loads the
        attendance list and picks the session; sheepCRM writes are idempotent, so the
        sender never needs this after an unknown outcome, only to resolve conflicts."""
        attendance = await self._attendance()
        for found in attendance.guests:
            if found.id == guest.id:
                return found
        # A session may have been re-created (new uid) for the same person.
        for found in attendance.guests:
            if guest.platform_ref and found.platform_ref == guest.platform_ref:
                return found
        raise NotFound(f"{DISPLAY_NAME} no longer lists {guest.name or guest.id} for this event.")

    async def set_status(self, guest: Guest, status: Status) -> Guest:
        if not guest.platform_ref:
            raise ChangeRejected(
                f"{guest.name or 'This guest'} has no person record in {DISPLAY_NAME}, "
                "so their status cannot be set from Kiosk."
            )
        reply = await self._transport.request(
            "PUT",
            self._attendance_path,
            params={"person_uri": guest.platform_ref, "status": status.wire},
            what=f"event '{self._event_uid}' or person '{guest.platform_ref}'",
        )
        update = parse_updated_attendance(reply.data, guest.platform_ref)
        # The answer carries no change time: the platform's own clock (Date) is closest.
        changed_at = reply.date or datetime.now(UTC)
        first, last = (
            split_name(update.name) if update.name else (guest.first_name, guest.last_name)
        )
        return guest._replace(
            status=update.status,
            status_label="",
            changed_at=changed_at,
            first_name=first,
            last_name=last,
            email=update.email or guest.email,
        )
