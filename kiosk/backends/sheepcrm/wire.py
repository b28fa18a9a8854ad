"""sheepCRM's wire format: events, attendance rows, write answers and status words."""

from __future__ import annotations

import dataclasses
import logging
import operator
from collections.abc import Mapping
from datetime import UTC, datetime, tzinfo
from types import MappingProxyType

from kiosk.backends import shapes
from kiosk.backends.shapes import JsonObject, WrongShape
from kiosk.domain import Event, Guest, MalformedAnswer, Status

log = logging.getLogger(__name__)

PLATFORM = "sheepcrm"
DISPLAY_NAME = "sheepCRM"

#: A status string sheepCRM sent that is none of the five is shown as this, labelled with
#: the platform's own word (the least committal state: "no answer yet").
UNKNOWN_STATUS_SHOWN_AS = Status.INVITED

#: Wire spelling → status; a dict look-up is ten times cheaper than ``Status(value)``.
_STATUS_BY_WIRE: Mapping[str, Status] = MappingProxyType({s.wire: s for s in Status})

#: Lower-case name particles kept with the surname when a full name is split.
_SURNAME_PARTICLES = frozenset(
    {"van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "del", "ter", "ten", "bin"}
)


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


def uid_of(uri: str) -> str:
    """The last segment of a sheepCRM URI: the record's uid."""
    parts = [part for part in uri.split("/") if part]
    return parts[-1] if parts else ""


def _event_time(obj: JsonObject, prefix: str, where: str, zone: tzinfo) -> datetime | None:
    # Contract: sheepCRM datetimes carry no time zone; Kiosk reads them in ``zone``,
    # the event's (the profile's [sheepcrm] time_zone, else this computer's).
    full = shapes.text(obj, f"{prefix}_datetime", where)
    when = shapes.timestamp(full, zone) if full else None
    day = shapes.text(obj, f"{prefix}_date", where)
    if when is None and day:
        when = shapes.combine(day, shapes.text(obj, f"{prefix}_time", where), zone)
    return when.astimezone(UTC) if when is not None else None  # held in UTC, as every time


def read_event(value: object, where: str, zone: tzinfo = UTC) -> Event:
    """One event object, its times read in ``zone``; raises WrongShape naming ``where``."""
    obj = shapes.as_object(value, where)
    uid = shapes.text(obj, "uid", where) or uid_of(shapes.text(obj, "uri", where))
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
        starts_at=_event_time(obj, "start", where, zone),
        ends_at=_event_time(obj, "end", where, zone),
        location=location or None,
    )


def parse_event(obj: object, zone: tzinfo = UTC) -> Event:
    """One event (``EventSingle``), its times read in ``zone``."""
    try:
        return read_event(obj, "the event", zone)
    except WrongShape as exc:
        raise malformed(exc) from None


def parse_events(obj: object, zone: tzinfo = UTC) -> list[Event]:
    """A page of ``EventsList``. A single unreadable event is left out (and logged):
    the picker should still offer the others."""
    try:
        rows = shapes.optional_list(shapes.as_object(obj, "the event list"), "bookings", "")
    except WrongShape as exc:
        raise malformed(exc) from None
    events: list[Event] = []
    for index, row in enumerate(rows or ()):
        try:
            events.append(read_event(row, f"event {index + 1}", zone))
        except WrongShape as exc:
            log.warning("sheepCRM event list: skipped a row: %s", exc)
    return events


#: The text members of an attendance row, in the order ``row_texts`` gives them.
ROW_TEXTS = (
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
_ROW_FIELDS = operator.itemgetter(*ROW_TEXTS)


def row_texts(obj: JsonObject) -> tuple[str, ...] | list[str]:
    """An attendance row's ``ROW_TEXTS``, missing or null as ""; raises WrongShape for a
    member that is not text. One C call for the usual row, which has them all."""
    try:
        texts: tuple[object, ...] = _ROW_FIELDS(obj)  # all there: the usual row
    except KeyError:
        return shapes.texts(obj, ROW_TEXTS, "")  # missing or null is "", else refused
    for text in texts:
        if text.__class__ is not str:
            return shapes.texts(obj, ROW_TEXTS, "")
    return texts  # type: ignore[return-value]


def reference(value: object, where: str) -> tuple[str, str]:
    """``parse_reference`` with the usual shape, a bare URI, taken first."""
    if value.__class__ is str:  # a bare URI, the usual shape
        return value, ""
    return parse_reference(value, where)


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
        raise malformed(exc) from None

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


def malformed(exc: WrongShape) -> MalformedAnswer:
    """The MalformedAnswer for data of the wrong shape."""
    return MalformedAnswer(f"{DISPLAY_NAME} sent data Kiosk cannot read: {exc}.")
