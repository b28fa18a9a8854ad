"""The sheepCRM roster reader: rows fed as they arrive, repeats skipped, parties completed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Generator, Mapping
from datetime import UTC, datetime, tzinfo
from types import MappingProxyType
from typing import NamedTuple

from kiosk.backends import shapes
from kiosk.backends.base import NO_GUESTS
from kiosk.backends.shapes import WrongShape
from kiosk.backends.sheepcrm.rows import (
    CANCELLED_LABEL,
    CANCELLED_STATES,
    NO_EXTRAS,
    PLAIN_STATES,
    SESSIONS,
    row_extras,
)
from kiosk.backends.sheepcrm.wire import (
    DISPLAY_NAME,
    UNKNOWN_STATUS_SHOWN_AS,
    Attendance,
    malformed,
    parse_status,
    read_event,
    reference,
    row_texts,
    split_name,
    uid_of,
)
from kiosk.domain import Guest, MalformedAnswer, expect_guest_fields, guest_from_row
from kiosk.domain.party import HOST_REF

#: The order ``add_row`` builds each guest's row in, for ``guest_from_row`` (it runs once
#: per guest of a roster).
_GUEST_ROW = (
    "id", "platform_ref", "first_name", "last_name", "email", "ticket", "status",
    "party_size", "changed_at", "ticket_type", "notes", "starred", "language",
    "status_label", "extras",
)  # fmt: skip
expect_guest_fields(_GUEST_ROW, "the sheepCRM roster reader")


class SeenMarks:
    """The session uids readings of the roster have met, each with the number of the
    reading that last met it: kept from one reading to the next, so a refresh marks the
    uids already in the table instead of growing a new set of 100,000 mid-answer (most
    of that cost is page faults of the table's new memory)."""

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
        self,
        known: Mapping[str, Guest] = NO_GUESTS,
        seen: SeenMarks | None = None,
        zone: tzinfo = UTC,
    ) -> None:
        self._known = known  # the last load's guests: one that reads the same is kept
        self._zone = zone  # of times sent without an offset (the event's)
        # Person URI → where their guest is: the PUT takes a person, not a session, so
        # one person is one guest however many rows (an int per row, no more: 100,000).
        self._people: dict[str, int] = {}
        self._sessions: dict[int, list[str]] = {}  # position → sessions, people on two+
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
            uid, uri, name, display, email, raw_status, ticket, state, updated = row_texts(row)
            uid = uid or uid_of(uri)
            if not uid:
                raise WrongShape("it has no 'uid'")
            person_uri, person_display = reference(row.get("person_ref"), "'person_ref'")
            host_uri, host_display = reference(row.get("guest_ref"), "'guest_ref'")
            _, ticket_type = reference(row.get("ticket_ref"), "'ticket_ref'")
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
        changed_at = shapes.timestamp(updated, self._zone) if updated else None
        if changed_at is not None and self._zone is not UTC:
            # Held in UTC: the start-up snapshot keeps times, not the zones they came in.
            changed_at = changed_at.astimezone(UTC)
        plain = not state or state in PLAIN_STATES  # the usual row: no lower() needed
        cancelled = not plain and state.lower() in CANCELLED_STATES
        if person_uri and not is_plus_one and not cancelled:
            met = self._people.get(person_uri)
            if met is not None:  # another session of a person already read
                self._another_session(met, ticket_type or ticket, raw_status, changed_at)
                return
            self._people[person_uri] = len(self._guests)
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
            changed_at,
            ticket_type,
            "",  # notes
            False,  # starred
            "",  # language
            CANCELLED_LABEL if cancelled else ("" if status else raw_status),
            (
                NO_EXTRAS
                if plain and person_uri
                else row_extras(state, cancelled, not person_uri, is_plus_one)
            ),
        )
        self._guests.append(self._same(guest_from_row(fields)))

    def _another_session(
        self, position: int, session: str, raw_status: str, changed_at: datetime | None
    ) -> None:
        """A further row of a person already read: named among their sessions; its
        status is theirs when it changed last (a PUT sets every session of the person)."""
        guest = self._guests[position]
        sessions = self._sessions.setdefault(position, [guest.ticket_type or guest.ticket])
        sessions.append(session)
        extras = dict(guest.extras)
        extras[SESSIONS] = ", ".join(name for name in sessions if name) or str(len(sessions))
        guest = guest._replace(extras=MappingProxyType(extras))
        status = parse_status(raw_status)
        later = changed_at is not None and (guest.changed_at or changed_at) <= changed_at
        if status is not None and later and changed_at != guest.changed_at:
            guest = guest._replace(status=status, changed_at=changed_at, status_label="")
        self._guests[position] = self._same(guest)

    def _same(self, guest: Guest) -> Guest:
        """The known guest when ``guest`` reads the same (see ``Backend.load_roster``)."""
        known = self._known.get(guest.id)
        return known if known == guest else guest

    def finish(self, root: object) -> Attendance:
        """The attendance; ``root`` is the answer object (its ``sessions`` are not read
        again). Raises MalformedAnswer as ``parse_attendance`` says. At once: on an
        event loop, run ``finishing`` with ``kiosk.runtime.run_sliced`` instead."""
        steps = self.finishing(root)
        while True:
            try:
                next(steps)
            except StopIteration as done:
                attendance: Attendance = done.value
                return attendance

    def finishing(self, root: object, *, batch: int = 500) -> Generator[None, None, Attendance]:
        """``finish`` in steps: yields after every ``batch`` guests looked at (well under
        a millisecond of work; larger batches made steps that stall a refresh), so a
        caller on an event loop can let it breathe; returns the Attendance.
        The reader is empty afterwards."""
        try:
            members = shapes.as_object(root, "the attendance list")
            shapes.optional_list(members, "sessions", "the attendance list")
            booking = members.get("booking")
            where = "the attendance list's event"
            event = read_event(booking, where, self._zone) if booking else None
        except WrongShape as exc:
            raise malformed(exc) from None
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
                extras = MappingProxyType(
                    {"Guest of": host_name, HOST_REF: row.host_uri, **guest.extras}
                )
                guests[row.position] = self._same(guest._replace(extras=extras))
            if count % (batch // 5) == 0:
                yield
        attendance = Attendance(
            event=event,
            guests=tuple(guests),
            skipped=tuple(self._skipped),
            unknown_statuses=tuple(sorted(self._unknown.items())),
        )
        # Let go of what reading kept, a part per step: freeing it all at once when the
        # reader went held the loop at 100,000 rows.
        del guests, plus_ones, plus_one_rows
        self._seen.forget_older(len(attendance.guests))
        kept = ("_host_names", "_plus_ones", "_plus_one_rows", "_guests", "_people", "_sessions")
        for part in kept:
            setattr(self, part, type(getattr(self, part))())
            yield
        return attendance


def parse_attendance(obj: object, zone: tzinfo = UTC) -> Attendance:
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
        raise malformed(exc) from None
    reader = AttendanceReader(zone=zone)
    for row in rows or ():
        reader.add_row(row)
    return reader.finish(obj)


def parse_sessions(obj: object) -> list[Guest]:
    """The guests of an attendance answer (see ``parse_attendance``)."""
    return list(parse_attendance(obj).guests)
