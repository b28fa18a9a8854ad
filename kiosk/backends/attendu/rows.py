"""Attendu's guest pages read at speed: the usual row in a few dict look-ups, any other
row by ``wire``'s careful reader, which gives the same guest or says what is wrong."""

from __future__ import annotations

import operator
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Any

from kiosk.backends import shapes
from kiosk.backends.attendu.statuses import DERIVED_NO_SHOW_LABEL, AttenduCodes, read_status
from kiosk.backends.attendu.wire import (
    STANDARD_PROPERTIES,
    AttenduEvent,
    GuestPage,
    custom_value,
    malformed,
    read_guest,
)
from kiosk.backends.shapes import WrongShape
from kiosk.domain import Guest, Status, expect_guest_fields, guest_from_row
from kiosk.domain.party import PEOPLE_IN

#: The order ``GuestRows.guest`` builds each guest's row in, for ``guest_from_row``.
_GUEST_ROW = (
    "id", "platform_ref", "first_name", "last_name", "email", "ticket", "status",
    "party_size", "changed_at", "ticket_type", "notes", "starred", "language",
    "status_label", "extras",
)  # fmt: skip
expect_guest_fields(_GUEST_ROW, "the Attendu row reader")

_EMPTY: dict[str, Any] = {}
_NO_EXTRAS = MappingProxyType(_EMPTY)
#: The members a guest's last change time is the latest of (as ``wire`` reads it).
_TIME_KEYS = ("updatedAt", "attendedAt", "confirmedAt", "createdAt")
_STANDARD_TEXTS = ("firstName", "lastName", "email", "ticketType", "lang")
_STANDARD = operator.itemgetter(*_STANDARD_TEXTS)
_JUST_TEXT = frozenset({str})
_TEXT_OR_NULL = frozenset({str, type(None)})


class GuestRows:
    """Reads the rows of one event's guest pages. ``guest`` takes the usual row with
    class checks and dict look-ups only, no call per field: at 100,000 guests the
    careful reader's per-field calls were most of a first load. Anything unusual (a
    missing member is usual; a member of another type is not) returns None, and the
    caller reads that row carefully, so both readers give the same guests."""

    def __init__(self, codes: AttenduCodes, event: AttenduEvent, now: datetime) -> None:
        self._codes = codes
        self._event = event
        ends = event.event.ends_at
        self._ended = ends is not None and ends < now
        self._ticket = event.ticket_property
        self._notes = event.notes_property
        # The careful reader skips "" too when the event has no ticket or notes property.
        self._not_extra = STANDARD_PROPERTIES | {self._ticket, self._notes}
        self._labels = dict(event.property_labels)  # a dict reads faster than its proxy

    def guest(self, obj: dict[str, Any], guest_id: str) -> Guest | None:
        """The guest of a usual row (``guest_id``: its ``_id``, text); None otherwise."""
        # Any: every value is checked by class before use, so the checks stay C-speed.
        codes = self._codes
        status_obj: Any = obj.get("status", _EMPTY)
        if status_obj.__class__ is not dict:
            if status_obj is not None:
                return None
            status_obj = _EMPTY
        confirmation = status_obj.get("confirmation")
        if confirmation.__class__ is not int:
            if confirmation is not None:
                return None
            confirmation = codes.no_answer
        attendance = status_obj.get("attendance")
        if attendance.__class__ is not int:
            if attendance is not None:
                return None
            attendance = 0
        decline = status_obj.get("declineMessage")
        if decline.__class__ is not str:
            if decline is not None:
                return None
            decline = ""
        status = read_status(confirmation, attendance, decline, codes, event_ended=self._ended)

        props = obj.get("properties", _EMPTY)
        if props.__class__ is not dict:
            if props is not None:
                return None
            props = _EMPTY
        try:
            standard = _STANDARD(props)  # one C call when all five are there, as usual
        except KeyError:
            standard = tuple(props.get(key) for key in _STANDARD_TEXTS)
        if not _JUST_TEXT.issuperset(map(type, standard)):
            if not _TEXT_OR_NULL.issuperset(map(type, standard)):
                return None
            standard = tuple(text or "" for text in standard)
        first, last, email, ticket_type, language = standard
        ticket = notes = ""
        if self._ticket:
            ticket = props.get(self._ticket, "")
            if ticket.__class__ is not str:
                if ticket is not None:
                    return None
                ticket = ""
        if self._notes:
            notes = props.get(self._notes, "")
            if notes.__class__ is not str:
                if notes is not None:
                    return None
                notes = ""

        populated = obj.get("_populated", _EMPTY)
        if populated.__class__ is not dict:
            if populated is not None:
                return None
            populated = _EMPTY
        shown_by_label = populated.get("properties", _EMPTY)
        if shown_by_label.__class__ is not dict:
            if shown_by_label is not None:
                return None
            shown_by_label = _EMPTY
        extras: dict[str, str] = {}
        not_extra, labels = self._not_extra, self._labels
        for prop_id, value in props.items():
            if prop_id in not_extra or (
                not value and (value is None or value == "" or value == [])
            ):
                continue
            label = labels.get(prop_id, prop_id)
            shown = shown_by_label.get(label)
            if shown.__class__ is not str or not shown:
                shown = shapes.scalar_text(shown) or custom_value(prop_id, value, self._event)
            if shown:
                extras[label] = shown
        status_labels = populated.get("status", _EMPTY)
        if status_labels.__class__ is not dict:
            if status_labels is not None:
                return None
            status_labels = _EMPTY
        status_label = status_labels.get(
            "attendance" if status is Status.ATTENDED else "confirmation"
        )
        if status_label.__class__ is not str:
            if status_label is not None:
                return None
            status_label = ""
        if status is Status.NO_SHOW:
            status_label = DERIVED_NO_SHOW_LABEL

        more = obj.get("extras", _EMPTY)
        if more.__class__ is not dict:
            if more is not None:
                return None
            more = _EMPTY
        payment = more.get("payment", _EMPTY)
        if payment.__class__ is not dict:
            if payment is not None:
                return None
            payment = _EMPTY
        if "isPaid" in payment:
            paid = payment["isPaid"]
            if paid.__class__ is not bool and paid is not None:
                return None
            extras["Paid"] = "yes" if paid else "no"
        roommates = more.get("roommates")
        if roommates is not None and roommates != []:
            shown = shapes.scalar_text(roommates)
            if shown:
                extras["Roommates"] = shown
        decline = decline.strip()
        if decline:
            extras["Decline message"] = decline
        if attendance >= 1:  # how many of the party are in, as the careful reader says
            extras[PEOPLE_IN] = str(attendance)

        changed_at: datetime | None = None
        for key in _TIME_KEYS:
            raw = obj.get(key)
            if raw is None:
                continue
            if raw.__class__ is not str:
                return None
            when = shapes.timestamp(raw)
            if when is not None and (changed_at is None or when > changed_at):
                changed_at = when
        starred = obj.get("starred", False)
        if starred.__class__ is not bool:
            if starred is not None:
                return None
            starred = False

        confirmed = confirmation if confirmation >= codes.min_confirmed else 1
        return guest_from_row(
            (
                guest_id,
                guest_id,
                first.strip(),
                last.strip(),
                email.strip(),
                # No ticket code property: the id is what Attendu's own QR codes identify.
                ticket.strip() or guest_id,
                status,
                max(1, confirmed, attendance),
                changed_at,
                ticket_type,
                notes.strip(),
                starred,
                language,
                status_label,
                MappingProxyType(extras) if extras else _NO_EXTRAS,
            )
        )


def parse_guest_page(
    obj: object, codes: AttenduCodes, event: AttenduEvent, *, now: datetime | None = None
) -> GuestPage:
    """``{results: [Guest], total}``. A row that cannot be read is left out and named in
    ``skipped``; raises MalformedAnswer when the page as a whole is unreadable."""
    moment = now or datetime.now(UTC)
    try:
        root = shapes.as_object(obj, "the guest list")
        rows = shapes.as_list(root.get("results"), "the guest list: 'results'")
        total = root.get("total")
        if total is not None:
            total = shapes.integer(root, "total", "the guest list")
    except WrongShape as exc:
        raise malformed(exc) from None
    fast = GuestRows(codes, event, moment)
    guests: list[Guest] = []
    row_ids: list[str] = []
    skipped: list[str] = []
    for row in rows:
        if row.__class__ is dict:
            guest_id = row.get("_id")
            if guest_id.__class__ is str:
                row_ids.append(guest_id)
                if guest_id and (guest := fast.guest(row, guest_id)) is not None:
                    guests.append(guest)
                    continue
        elif isinstance(row, dict) and isinstance(row.get("_id"), str):
            row_ids.append(row["_id"])
        try:
            guests.append(read_guest(row, codes, event, moment))
        except WrongShape as exc:
            skipped.append(str(exc))
    return GuestPage(tuple(guests), tuple(row_ids), len(rows), tuple(skipped), total)
