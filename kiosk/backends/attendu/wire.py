"""Attendu's wire format: its events and guests (JSON) read into Kiosk's terms."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Mapping
from datetime import UTC, datetime
from types import MappingProxyType

from kiosk.backends import shapes
from kiosk.backends.attendu.statuses import (
    DERIVED_NO_SHOW_LABEL,
    DISPLAY_NAME,
    AttenduCodes,
    read_status,
)
from kiosk.backends.shapes import JsonObject, WrongShape
from kiosk.domain import Event, Guest, MalformedAnswer, Status
from kiosk.domain.party import PEOPLE_IN

log = logging.getLogger(__name__)

#: Guest properties Kiosk shows in its own fields; every other key is a custom property.
STANDARD_PROPERTIES = frozenset({"firstName", "lastName", "email", "lang", "ticketType"})

#: Custom property names (any language, any case) read as the ticket code and the desk
#: notes: Attendu has no standard field for either.
TICKET_PROPERTY_NAMES = frozenset({"ticket code", "ticket", "ticket number", "ticket id"})
NOTES_PROPERTY_NAMES = frozenset({"notes", "note", "desk notes"})

_NO_EXTRAS: Mapping[str, str] = MappingProxyType({})


@dataclasses.dataclass(frozen=True, slots=True)
class AttenduEvent:
    """An Attendu event with what reading its guests needs: the custom property labels
    (property id → label), select-option labels (property id → option id → label), and
    which custom properties hold the ticket code and the notes (ids; "" when none)."""

    event: Event
    timezone: str = ""
    lang: str = ""
    ticket_property: str = ""
    notes_property: str = ""
    property_labels: Mapping[str, str] = dataclasses.field(
        default_factory=lambda: MappingProxyType({})
    )
    option_labels: Mapping[str, Mapping[str, str]] = dataclasses.field(
        default_factory=lambda: MappingProxyType({})
    )


def _localised(obj: JsonObject, field: str, lang: str, where: str) -> str:
    """``obj["_<lang>"][field]``, else the same from any other language given."""
    keys = [f"_{lang}"] if lang else []
    keys += sorted(key for key in obj if key.startswith("_") and key not in keys)
    for key in keys:
        value = obj.get(key)
        if isinstance(value, dict) and (found := shapes.text(value, field, f"{where}: {key}")):
            return found
    return ""


def _all_names(obj: JsonObject) -> set[str]:
    """A property's name in every language it gives, case-folded."""
    return {
        value["name"].strip().casefold()
        for key, value in obj.items()
        if key.startswith("_") and isinstance(value, dict) and isinstance(value.get("name"), str)
    }


def _location(value: object, where: str) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    obj = shapes.as_object(value, where)
    parts = [shapes.scalar_text(obj.get(key)) for key in ("name", "address", "city")]
    return ", ".join(part for part in parts if part)


def _attendu_event(value: object, where: str) -> AttenduEvent:
    obj = shapes.as_object(value, where)
    event_id = shapes.text(obj, "_id", where)
    if not event_id:
        raise WrongShape(f"{where} has no '_id'")
    general = shapes.optional_object(obj, "general", where) or {}
    gwhere = f"{where}: 'general'"
    zone_name = shapes.text(general, "timezone", gwhere)
    zone = shapes.zone(zone_name)
    langs = [lang for lang in shapes.optional_list(general, "langs", gwhere) or [] if lang]
    lang = langs[0] if langs and isinstance(langs[0], str) else ""

    def when(key: str) -> datetime | None:
        raw = shapes.text(general, key, gwhere)
        return shapes.timestamp(raw, zone) if raw else None

    labels: dict[str, str] = {}
    options: dict[str, Mapping[str, str]] = {}
    ticket_property = notes_property = ""
    guestlist = shapes.optional_object(obj, "guestlist", where) or {}
    props = shapes.optional_list(guestlist, "properties", f"{where}: 'guestlist'") or []
    for index, prop in enumerate(props):
        pwhere = f"{where}: property {index + 1}"
        prop_obj = shapes.as_object(prop, pwhere)
        prop_id = shapes.text(prop_obj, "id", pwhere)
        if not prop_id:
            continue
        labels[prop_id] = _localised(prop_obj, "name", lang, pwhere) or prop_id
        names = _all_names(prop_obj)
        if not ticket_property and names & TICKET_PROPERTY_NAMES:
            ticket_property = prop_id
        elif not notes_property and names & NOTES_PROPERTY_NAMES:
            notes_property = prop_id
        choices: dict[str, str] = {}
        for number, option in enumerate(shapes.optional_list(prop_obj, "options", pwhere) or []):
            owhere = f"{pwhere}: option {number + 1}"
            option_obj = shapes.as_object(option, owhere)
            option_id = shapes.text(option_obj, "id", owhere)
            if option_id:
                choices[option_id] = _localised(option_obj, "value", lang, owhere) or option_id
        if choices:
            options[prop_id] = MappingProxyType(choices)
    return AttenduEvent(
        event=Event(
            id=event_id,
            title=shapes.text(general, "title", gwhere) or event_id,
            starts_at=when("startDate"),
            ends_at=when("endDate"),
            location=_location(general.get("location"), f"{gwhere}: 'location'") or None,
        ),
        timezone=zone_name,
        lang=lang,
        ticket_property=ticket_property,
        notes_property=notes_property,
        property_labels=MappingProxyType(labels),
        option_labels=MappingProxyType(options),
    )


def parse_attendu_event(obj: object) -> AttenduEvent:
    """One Attendu event."""
    try:
        return _attendu_event(obj, "the event")
    except WrongShape as exc:
        raise malformed(exc) from None


def parse_attendu_events(obj: object) -> list[AttenduEvent]:
    """``GET /v1/events``: ``{results: [Event]}``. An unreadable event is left out and
    logged, so the picker still offers the others."""
    try:
        root = shapes.as_object(obj, "the event list")
        rows = shapes.optional_list(root, "results", "the event list") or []
    except WrongShape as exc:
        raise malformed(exc) from None
    events: list[AttenduEvent] = []
    for index, row in enumerate(rows):
        try:
            events.append(_attendu_event(row, f"event {index + 1}"))
        except WrongShape as exc:
            log.warning("Attendu event list: skipped a row: %s", exc)
    return events


def custom_value(prop_id: str, value: object, event: AttenduEvent) -> str | None:
    choices = event.option_labels.get(prop_id)
    if choices:
        if isinstance(value, str):
            return choices.get(value, value)
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            return ", ".join(choices.get(item, item) for item in value if isinstance(item, str))
    return shapes.scalar_text(value)


def _changed_at(obj: JsonObject, where: str) -> datetime | None:
    times = [
        when
        for key in ("updatedAt", "attendedAt", "confirmedAt", "createdAt")
        if (raw := shapes.text(obj, key, where)) and (when := shapes.timestamp(raw)) is not None
    ]
    return max(times) if times else None


def read_guest(obj_value: object, codes: AttenduCodes, event: AttenduEvent, now: datetime) -> Guest:
    """One guest row, every field checked: a WrongShape names what is wrong."""
    obj = shapes.as_object(obj_value, "the guest")
    guest_id = shapes.text(obj, "_id", "the guest")
    if not guest_id:
        raise WrongShape("a guest has no '_id'")
    try:
        return _guest_fields(obj, guest_id, codes, event, now)
    except WrongShape as exc:
        # Where-texts below are constants, so rows that are fine build no message text.
        raise WrongShape(f"guest {guest_id}: {exc}") from None


def _guest_fields(
    obj: JsonObject, guest_id: str, codes: AttenduCodes, event: AttenduEvent, now: datetime
) -> Guest:
    where = ""
    status_obj = shapes.optional_object(obj, "status", where) or {}
    swhere = "'status'"
    confirmation = shapes.integer(status_obj, "confirmation", swhere, codes.no_answer)
    attendance = shapes.integer(status_obj, "attendance", swhere, 0)
    decline_message = shapes.text(status_obj, "declineMessage", swhere)
    ended = event.event.ends_at is not None and event.event.ends_at < now
    status = read_status(confirmation, attendance, decline_message, codes, event_ended=ended)

    props = shapes.optional_object(obj, "properties", where) or {}
    pwhere = "'properties'"
    first = shapes.text(props, "firstName", pwhere).strip()
    last = shapes.text(props, "lastName", pwhere).strip()
    email = shapes.text(props, "email", pwhere).strip()

    populated = shapes.optional_object(obj, "_populated", where) or {}
    popwhere = "'_populated'"
    shown_by_label = shapes.optional_object(populated, "properties", popwhere) or {}
    # Custom properties only (the standard ones have their own fields), under their label;
    # Attendu's own display text (option labels) wins over ours where it gives one.
    extras: dict[str, str] = {}
    ticket = shapes.text(props, event.ticket_property, pwhere) if event.ticket_property else ""
    notes = shapes.text(props, event.notes_property, pwhere) if event.notes_property else ""
    own_fields = {event.ticket_property, event.notes_property}
    for prop_id, value in props.items():
        if prop_id in STANDARD_PROPERTIES or prop_id in own_fields:
            continue
        if value is None or value == "" or value == []:
            continue
        label = event.property_labels.get(prop_id, prop_id)
        shown = shapes.scalar_text(shown_by_label.get(label)) or custom_value(prop_id, value, event)
        if shown:
            extras[label] = shown
    labels = shapes.optional_object(populated, "status", popwhere) or {}
    label_key = "attendance" if status is Status.ATTENDED else "confirmation"
    status_label = shapes.text(labels, label_key, "'_populated': 'status'")
    if status is Status.NO_SHOW:
        status_label = DERIVED_NO_SHOW_LABEL

    guest_extras = shapes.optional_object(obj, "extras", where) or {}
    ewhere = "'extras'"
    payment = shapes.optional_object(guest_extras, "payment", ewhere) or {}
    if "isPaid" in payment:
        extras["Paid"] = "yes" if shapes.flag(payment, "isPaid", "'extras': 'payment'") else "no"
    roommates = shapes.scalar_text(guest_extras.get("roommates"))
    if roommates:
        extras["Roommates"] = roommates
    if decline_message.strip():
        extras["Decline message"] = decline_message.strip()
    if attendance >= 1:  # how many of the party are in: "2 of 4 in" at the desk
        extras[PEOPLE_IN] = str(attendance)

    confirmed = confirmation if confirmation >= codes.min_confirmed else 1
    return Guest(
        id=guest_id,
        platform_ref=guest_id,
        first_name=first,
        last_name=last,
        email=email,
        # No ticket code property: the guest id is what Attendu's own QR codes identify.
        ticket=ticket.strip() or guest_id,
        ticket_type=shapes.text(props, "ticketType", pwhere),
        status=status,
        status_label=status_label,
        party_size=max(1, confirmed, attendance),
        changed_at=_changed_at(obj, where),
        notes=notes.strip(),
        starred=shapes.flag(obj, "starred", where),
        language=shapes.text(props, "lang", pwhere),
        extras=MappingProxyType(extras) if extras else _NO_EXTRAS,
    )


def parse_attendu_guest(
    obj: object, codes: AttenduCodes, event: AttenduEvent, *, now: datetime | None = None
) -> Guest:
    """One Attendu guest as a Kiosk guest. ``now`` decides whether the event has ended
    (a confirmed guest who never came is then a no-show); it defaults to the clock."""
    try:
        return read_guest(obj, codes, event, now or datetime.now(UTC))
    except WrongShape as exc:
        raise malformed(exc) from None


@dataclasses.dataclass(frozen=True, slots=True)
class GuestPage:
    """One page of ``GET /v1/guests``: the readable guests, the ids of every row (read
    or not) for paging progress, why rows were left out, and the total announced."""

    guests: tuple[Guest, ...]
    row_ids: tuple[str, ...]
    rows: int
    skipped: tuple[str, ...]
    total: int | None


def malformed(exc: WrongShape) -> MalformedAnswer:
    """The MalformedAnswer for data of the wrong shape."""
    return MalformedAnswer(f"{DISPLAY_NAME} sent data Kiosk cannot read: {exc}.")
