"""The sandbox's Attendu guests: each guest's state, the guest lists, and every change to them."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from kiosk.sandbox.attendu.rules import (
    ATTENDU_CONFIRMATION,
    BUILTIN_PROPERTIES,
    MAX_PARTY,
    STATUS_FIELDS,
    Refused,
    check_custom,
    checked_extras,
)
from kiosk.sandbox.demo import AttenduProperty, DemoData, DemoEntry, DemoEvent, DemoPerson
from kiosk.sandbox.wire import is_hex24, now_ms

_PRICES = {"Standard": 120, "Early bird": 90, "Student": 40, "VIP": 350}
#: Middle bytes of ids the sandbox gives walk-ins ("kiosk" in hex): never a seeded id.
_WALK_IN_ID_MIDDLE = "6b696f736b"


class GuestState:
    """One guest's state. Seeded guests derive properties and extras from the demo data
    until a PATCH first changes them; ``cached`` is the JSON until anything changes."""

    __slots__ = (
        "add_method",
        "attendance",
        "attended_ms",
        "cached",
        "check_in_method",
        "confirmation",
        "confirmed_ms",
        "decline_message",
        "entry",
        "event_id",
        "extras",
        "id",
        "person",
        "properties",
        "starred",
        "visited_zones",
    )

    def __init__(self, guest_id: str, event_id: str) -> None:
        self.id = guest_id
        self.event_id = event_id
        self.entry: DemoEntry | None = None
        self.person: DemoPerson | None = None
        self.confirmation = 0
        self.attendance = 0
        self.decline_message: str | None = None
        self.add_method = "api"
        self.check_in_method: str | None = None
        self.visited_zones: list[str] = []
        self.confirmed_ms: int | None = None
        self.attended_ms: int | None = None
        self.starred = False
        self.properties: dict[str, Any] | None = None
        self.extras: dict[str, Any] | None = None
        self.cached: bytes | None = None


def _seeded_guest(event: DemoEvent, entry: DemoEntry, person: DemoPerson) -> GuestState:
    guest = GuestState(entry.attendu_id, event.attendu_id)
    guest.entry, guest.person = entry, person
    guest.add_method = "import"
    guest.starred = entry.starred
    status, party = entry.status, entry.party_size
    if status == "invited":
        guest.confirmation = ATTENDU_CONFIRMATION["no_answer"]
    elif status == "declined":
        guest.confirmation = ATTENDU_CONFIRMATION["declined"]
        guest.decline_message = entry.decline_message or None
    else:
        # accepted, attended and no-show are all "confirmed"; no-show has no state here.
        guest.confirmation = party
        guest.confirmed_ms = entry.answered_ms
    if status == "attended":
        guest.attendance = party
        guest.attended_ms = entry.checked_in_ms
        guest.check_in_method = entry.check_in_method
    return guest


class GuestList:
    """One event's guests in insertion order, by id."""

    def __init__(self, event: DemoEvent, data: DemoData) -> None:
        people = data.people
        self.guests = [
            _seeded_guest(event, entry, people[entry.person])
            for entry in event.entries
            if entry.attendu_id
        ]
        self.by_id = {guest.id: guest for guest in self.guests}


class GuestStore:
    """Every event's guests, made from the demo data on first use; not thread-safe (the
    platform holds its lock around every call). Refusals raise ``Refused``."""

    def __init__(self, data: DemoData) -> None:
        self.load(data)

    def play_codes(self, no_answer: int, declined: int) -> None:
        """Show and take ``status.confirmation`` with another code table, as a workspace
        whose integers are not Kiosk's guess would (party sizes stay 1 and up)."""
        if no_answer == declined or max(no_answer, declined) >= 1:
            raise ValueError("no_answer and declined must differ and be below 1")
        codes = {"no_answer": no_answer, "declined": declined}
        self.codes: Mapping[str, int] = MappingProxyType(codes)
        for guest_list in self._lists.values():
            for guest in guest_list.guests:
                guest.cached = None
        self.version += 1

    def wire_confirmation(self, confirmation: int) -> int:
        """A guest's confirmation as the wire shows it."""
        for name, own in ATTENDU_CONFIRMATION.items():
            if confirmation == own:
                return self.codes[name]
        return confirmation

    def _own_confirmation(self, value: object) -> int:
        """The confirmation a request sent, in the guest's own terms; Refused if none."""
        codes = self.codes
        if not isinstance(value, bool) and isinstance(value, int):
            for name, wire in codes.items():
                if value == wire:
                    return ATTENDU_CONFIRMATION[name]
            if 1 <= value <= MAX_PARTY:
                return value
        raise Refused(
            400,
            f"status.confirmation must be {codes['declined']} (declined), "
            f"{codes['no_answer']} (no answer) or a whole number 1 … {MAX_PARTY}",
        )

    def load(self, data: DemoData) -> None:
        """Back to ``data`` as seeded, with the seeded code table."""
        self.data = data
        #: The ``status.confirmation`` integers on the wire (see ``play_codes``); a
        #: guest's own ``confirmation`` always counts in ``ATTENDU_CONFIRMATION``'s terms.
        self.codes = ATTENDU_CONFIRMATION
        self.events = {event.attendu_id: event for event in data.events if event.attendu_id}
        self._lists: dict[str, GuestList] = {}
        self.properties = {prop.id: prop for prop in data.attendu_properties}
        self._by_key: dict[str, AttenduProperty] = {
            prop.key: prop for prop in data.attendu_properties
        }
        # option key -> id, and id -> English label, per property: looked up per guest.
        self._option_ids = {
            prop.key: {key: option_id for option_id, key, _names in prop.options}
            for prop in data.attendu_properties
        }
        self.labels = {
            prop.id: {option_id: names["en"] for option_id, _key, names in prop.options}
            for prop in data.attendu_properties
        }
        self._created = 0
        # The guest lists' ETag: a token new with each seeding, and a count of changes.
        self.epoch = secrets.token_hex(4)
        self.version = 0

    # -- finding --------------------------------------------------------------------------

    def guest_list(self, event: DemoEvent) -> GuestList:
        guest_list = self._lists.get(event.attendu_id)
        if guest_list is None:
            guest_list = self._lists[event.attendu_id] = GuestList(event, self.data)
        return guest_list

    def event(self, event_id: object) -> DemoEvent:
        """The event ``event_id`` names, as a query parameter or a body field gives it."""
        if not is_hex24(event_id):
            raise Refused(400, "event must be an event id (24 hex characters)")
        event = self.events.get(str(event_id))
        if event is None:
            raise Refused(404, f"Event {event_id} not found")
        return event

    def guest(self, guest_id: str, event: DemoEvent | None) -> GuestState:
        """Guest ``guest_id`` on ``event`` (None: on any event)."""
        if not is_hex24(guest_id):
            raise Refused(400, "guest id must be 24 hex characters")
        events = [event] if event else list(self.events.values())
        for candidate in events:
            guest = self.guest_list(candidate).by_id.get(guest_id)
            if guest is not None:
                return guest
        raise Refused(404, f"Guest {guest_id} not found")

    def lookup(self, guest_id: str) -> GuestState:
        """Guest ``guest_id`` on any event, or KeyError: for read-back, not for routes."""
        try:
            return self.guest(guest_id, None)
        except Refused:
            raise KeyError(guest_id) from None

    # -- what a guest shows ---------------------------------------------------------------

    def own_properties(self, guest: GuestState) -> dict[str, Any]:
        """The guest's properties by key (built-in) or property id (custom)."""
        if guest.properties is not None:
            return guest.properties
        entry, person = guest.entry, guest.person
        assert entry is not None
        assert person is not None
        ids, options = self._by_key, self._option_ids
        langs = self.data.attendu_langs
        properties: dict[str, Any] = {
            "firstName": person.first_name,
            "lastName": person.last_name,
            "email": person.email,
            "lang": person.lang if person.lang in langs else langs[0],
            "ticketType": entry.ticket_type,
            ids["ticket"].id: entry.ticket,
            ids["dietary"].id: options["dietary"][entry.dietary],
            ids["plus_ones"].id: options["plus_ones"][str(entry.party_size - 1)],
            ids["interests"].id: [options["interests"][key] for key in entry.interests],
        }
        if person.company:
            properties[ids["company"].id] = person.company
        if entry.notes:
            properties[ids["notes"].id] = entry.notes
        return properties

    def extras(self, guest: GuestState) -> dict[str, Any]:
        if guest.extras is not None:
            return guest.extras
        assert guest.entry is not None  # seeded guests have one
        price = _PRICES.get(guest.entry.ticket_type, 0)
        return {
            "roommates": [],
            "payment": {"isPaid": guest.entry.paid, "amount": price, "currency": "EUR"},
        }

    # -- changes --------------------------------------------------------------------------

    def add(self, event: DemoEvent, body: dict[str, Any]) -> GuestState:
        """A walk-in added to ``event`` with ``body``'s fields (``event`` already taken out)."""
        properties = body.get("properties")
        if not isinstance(properties, dict):
            raise Refused(400, "properties must be an object with firstName and lastName")
        for name in ("firstName", "lastName"):
            if not isinstance(properties.get(name), str) or not properties[name].strip():
                raise Refused(400, f"properties.{name} is required")
        self._created += 1
        guest = GuestState(
            f"{now_ms() // 1000 & 0xFFFFFFFF:08x}{_WALK_IN_ID_MIDDLE}{self._created:06x}",
            event.attendu_id,
        )
        guest.properties = {"email": "", "lang": self.data.attendu_langs[0], "ticketType": ""}
        guest.extras = {"roommates": [], "payment": {"isPaid": False}}
        self.apply_changes(guest, body)
        guest_list = self.guest_list(event)
        guest_list.guests.append(guest)
        guest_list.by_id[guest.id] = guest
        return guest

    def apply_changes(self, guest: GuestState, body: dict[str, Any]) -> None:
        """Validate every change first, then apply them all (a refusal changes nothing)."""
        starred = body.get("starred", guest.starred)
        if not isinstance(starred, bool):
            raise Refused(400, "starred must be true or false")
        status = body.get("status", {})
        if not isinstance(status, dict):
            raise Refused(400, "status must be an object")
        refused = sorted(set(status) - STATUS_FIELDS)
        if refused:
            raise Refused(
                400,
                f"status.{refused[0]} cannot be set here: only confirmation and declineMessage"
                " (attendance changes through the check-in endpoint)",
            )
        confirmation = (
            self._own_confirmation(status["confirmation"])
            if "confirmation" in status
            else guest.confirmation
        )
        decline = status.get("declineMessage", guest.decline_message)
        if decline is not None and not isinstance(decline, str):
            raise Refused(400, "status.declineMessage must be a string or null")
        properties = self._checked_properties(guest, body.get("properties", {}))
        extras = checked_extras(self.extras(guest), body.get("extras", {}))

        guest.starred = starred
        if confirmation != guest.confirmation:
            guest.confirmed_ms = now_ms() if confirmation >= 1 else None
        guest.confirmation = confirmation
        guest.decline_message = decline
        if "properties" in body:
            guest.properties = properties
        if "extras" in body:
            guest.extras = extras
        guest.cached = None
        self.version += 1

    def _checked_properties(self, guest: GuestState, changes: object) -> dict[str, Any]:
        if not isinstance(changes, dict):
            raise Refused(400, "properties must be an object")
        merged = dict(self.own_properties(guest))
        for key, value in changes.items():
            if key in BUILTIN_PROPERTIES:
                if not isinstance(value, str):
                    raise Refused(400, f"properties.{key} must be a string")
                if key in ("firstName", "lastName") and not value.strip():
                    raise Refused(400, f"properties.{key} must not be empty")
                if key == "email" and value and "@" not in value:
                    raise Refused(400, "properties.email is not an e-mail address")
                if key == "lang" and value not in self.data.attendu_langs:
                    langs = ", ".join(self.data.attendu_langs)
                    raise Refused(400, f"properties.lang must be one of {langs}")
            elif key in self.properties:
                check_custom(self.properties[key], value)
            else:
                raise Refused(400, f"Unknown property {key!r}")
            merged[key] = value
        return merged

    def check_in(
        self, guest: GuestState, increment_by: int, method: str, zone: str | None = None
    ) -> None:
        guest.attendance += increment_by
        guest.attended_ms = now_ms()
        guest.check_in_method = method
        if zone and zone not in guest.visited_zones:
            guest.visited_zones.append(zone)
        guest.cached = None
        self.version += 1

    def undo_check_in(self, guest: GuestState, zone: str | None = None) -> None:
        guest.attendance = 0
        guest.attended_ms = None
        guest.check_in_method = None
        if zone and zone in guest.visited_zones:
            guest.visited_zones.remove(zone)
        guest.cached = None
        self.version += 1

    def etag(self) -> str:
        """A strong ETag of every page of the guest lists: it changes with any guest."""
        return f'"{self.epoch}-{self.version}"'

    def summary(self) -> dict[str, Any]:
        """Counts for the demo event: guests, confirmed, checked in, declined, no answer."""
        guests = self.guest_list(self.data.event).guests
        return {
            "event": self.data.event.attendu_id,
            "guests": len(guests),
            "confirmed": sum(1 for g in guests if g.confirmation >= 1),
            "checked_in": sum(1 for g in guests if g.attendance > 0),
            "declined": sum(
                1 for g in guests if g.confirmation == ATTENDU_CONFIRMATION["declined"]
            ),
            "no_answer": sum(
                1 for g in guests if g.confirmation == ATTENDU_CONFIRMATION["no_answer"]
            ),
        }
