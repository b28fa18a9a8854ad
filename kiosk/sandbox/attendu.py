"""Attendu's guests API v1 as the sandbox plays it: x-api-key auth, strict bodies, paging."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, Final

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from kiosk.sandbox.demo import AttenduProperty, DemoData, DemoEntry, DemoEvent, DemoPerson
from kiosk.sandbox.demo import to_epoch_ms as _to_ms
from kiosk.sandbox.wire import (
    BODY_KEY,
    attendu_time,
    dumps,
    fault_plan,
    header,
    is_hex24,
    json_answer,
    now_ms,
    raw_json_answer,
)

#: ASSUMPTION (the vendor publishes no values): ``status.confirmation`` is the number of
#: confirmed people (2 = "Confirmed (+1)"), 0 means no answer yet (invited) and -1 means
#: declined. Kiosk's Attendu adapter keeps its own, overridable copy of this table.
ATTENDU_CONFIRMATION: Final[Mapping[str, int]] = MappingProxyType({"no_answer": 0, "declined": -1})

#: Page parameters of ``GET /v1/guests``. The vendor does not publish them: these are
#: the sandbox's choice, and a client must keep them configurable.
PAGE_SKIP_PARAM = "skip"
PAGE_LIMIT_PARAM = "limit"
DEFAULT_PAGE_LIMIT = 100
MAX_PAGE_LIMIT = 1000

CHECK_IN_METHODS: tuple[str, ...] = ("qrScan", "manual")
#: The highest confirmation (party size) the sandbox accepts.
MAX_PARTY = 20

_BUILTIN_PROPERTIES = {
    "firstName": "First name",
    "lastName": "Last name",
    "email": "Email",
    "lang": "Language",
    "ticketType": "Ticket type",
}
_PRICES = {"Standard": 120, "Early bird": 90, "Student": 40, "VIP": 350}
_PATCH_FIELDS = frozenset({"starred", "status", "properties", "extras"})
_CREATE_FIELDS = _PATCH_FIELDS | {"event"}
_STATUS_FIELDS = frozenset({"confirmation", "declineMessage"})
#: Middle bytes of ids the sandbox gives walk-ins ("kiosk" in hex): never a seeded id.
_WALK_IN_ID_MIDDLE = "6b696f736b"


class _Refused(Exception):
    """Answer ``{"message": ...}`` with ``status``; raised anywhere inside a route."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class _Guest:
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


def _seeded_guest(event: DemoEvent, entry: DemoEntry, person: DemoPerson) -> _Guest:
    guest = _Guest(entry.attendu_id, event.attendu_id)
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


class _GuestList:
    """One event's guests in insertion order, by id."""

    def __init__(self, event: DemoEvent, data: DemoData) -> None:
        people = data.people
        self.guests = [
            _seeded_guest(event, entry, people[entry.person])
            for entry in event.entries
            if entry.attendu_id
        ]
        self.by_id = {guest.id: guest for guest in self.guests}


class AttenduPlatform:
    """The sandbox's Attendu: routes under ``/attendu/api`` plus read-back for tests."""

    name = "attendu"
    prefix = "/attendu/api"

    def __init__(self, data: DemoData, api_key: str) -> None:
        self._lock = threading.RLock()
        self.api_key = api_key
        self._data = data
        self._events: dict[str, DemoEvent] = {}
        self._lists: dict[str, _GuestList] = {}
        self._properties: dict[str, AttenduProperty] = {}
        self._by_key: dict[str, AttenduProperty] = {}
        self._option_ids: dict[str, dict[str, str]] = {}
        self._labels: dict[str, dict[str, str]] = {}
        self._created = 0
        self.load(data)
        self._app = Starlette(
            routes=self._routes(), exception_handlers={HTTPException: self._http_exception}
        )
        self._app.router.redirect_slashes = False

    def load(self, data: DemoData) -> None:
        """Back to ``data`` as seeded."""
        with self._lock:
            self._data = data
            self._events = {event.attendu_id: event for event in data.events if event.attendu_id}
            self._lists = {}
            self._properties = {prop.id: prop for prop in data.attendu_properties}
            self._by_key = {prop.key: prop for prop in data.attendu_properties}
            # option key -> id, and id -> English label, per property: looked up per guest.
            self._option_ids = {
                prop.key: {key: option_id for option_id, key, _names in prop.options}
                for prop in data.attendu_properties
            }
            self._labels = {
                prop.id: {option_id: names["en"] for option_id, _key, names in prop.options}
                for prop in data.attendu_properties
            }
            self._created = 0

    # -- ASGI ---------------------------------------------------------------------------

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = header(scope, b"x-api-key")
        if key != self.api_key:
            message = "Missing API key (x-api-key header)" if key is None else "Invalid API key"
            await json_answer({"message": message}, 401)(scope, receive, send)
            return
        await self._app(scope, receive, send)

    def fault_answer(self, status: int, retry_after: int | None) -> Response:
        if status == 429:
            seconds = str(retry_after or 1)
            return json_answer(
                {"message": f"Too many requests, retry after {seconds} seconds"},
                429,
                {"retry-after": seconds},
            )
        return json_answer({"message": "Internal server error"}, status)

    async def _http_exception(self, request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        messages = {404: f"Cannot {request.method} {request.url.path}", 405: "Method not allowed"}
        return json_answer({"message": messages.get(status, str(exc))}, status)

    def _routes(self) -> list[Route]:
        def route(path: str, handler: Callable[[Request], Response], method: str) -> Route:
            async def endpoint(request: Request) -> Response:
                try:
                    with self._lock:
                        return handler(request)
                except _Refused as refused:
                    return json_answer({"message": refused.message}, refused.status)

            return Route(path, endpoint, methods=[method])

        return [
            route("/v1/events", self._list_events, "GET"),
            route("/v1/guests", self._list_guests, "GET"),
            route("/v1/guests", self._create_guest, "POST"),
            route("/v1/guests/{guest_id}", self._get_guest, "GET"),
            route("/v1/guests/{guest_id}", self._patch_guest, "PATCH"),
            route("/v1/guests/{guest_id}/check-in", self._check_in, "POST"),
            route("/v1/guests/{guest_id}/check-in", self._undo_check_in, "DELETE"),
        ]

    # -- routes (called with the lock held) ---------------------------------------------

    def _list_events(self, request: Request) -> Response:
        return json_answer({"results": [self._event_json(e) for e in self._events.values()]})

    def _list_guests(self, request: Request) -> Response:
        event = self._event_param(request)
        skip = _int_param(request, PAGE_SKIP_PARAM, 0, 0, None)
        limit = _int_param(request, PAGE_LIMIT_PARAM, DEFAULT_PAGE_LIMIT, 1, MAX_PAGE_LIMIT)
        if fault_plan(request.scope).ignore_paging:
            skip, limit = 0, DEFAULT_PAGE_LIMIT
        guests = self._list(event).guests
        parts = [self._cached(guest) for guest in guests[skip : skip + limit]]
        return raw_json_answer(
            b'{"results":[' + b",".join(parts) + b'],"total":' + str(len(guests)).encode() + b"}"
        )

    def _get_guest(self, request: Request) -> Response:
        return raw_json_answer(self._cached(self._guest_param(request)))

    def _patch_guest(self, request: Request) -> Response:
        guest = self._guest_param(request)
        body = _json_object(request)
        unknown = sorted(set(body) - _PATCH_FIELDS)
        if unknown:
            raise _Refused(400, f"Unknown field(s): {', '.join(unknown)}")
        self._apply_changes(guest, body)
        return raw_json_answer(self._cached(guest))

    def _create_guest(self, request: Request) -> Response:
        body = _json_object(request)
        unknown = sorted(set(body) - _CREATE_FIELDS)
        if unknown:
            raise _Refused(400, f"Unknown field(s): {', '.join(unknown)}")
        event_id = body.get("event")
        if not is_hex24(event_id):
            raise _Refused(400, "event must be an event id (24 hex characters)")
        event = self._events.get(str(event_id))
        if event is None:
            raise _Refused(404, f"Event {event_id} not found")
        properties = body.get("properties")
        if not isinstance(properties, dict):
            raise _Refused(400, "properties must be an object with firstName and lastName")
        for name in ("firstName", "lastName"):
            if not isinstance(properties.get(name), str) or not properties[name].strip():
                raise _Refused(400, f"properties.{name} is required")
        self._created += 1
        guest = _Guest(
            f"{now_ms() // 1000 & 0xFFFFFFFF:08x}{_WALK_IN_ID_MIDDLE}{self._created:06x}",
            event.attendu_id,
        )
        guest.properties = {"email": "", "lang": self._data.attendu_langs[0], "ticketType": ""}
        guest.extras = {"roommates": [], "payment": {"isPaid": False}}
        self._apply_changes(guest, {key: value for key, value in body.items() if key != "event"})
        guest_list = self._list(event)
        guest_list.guests.append(guest)
        guest_list.by_id[guest.id] = guest
        return raw_json_answer(self._cached(guest), 201)

    def _check_in(self, request: Request) -> Response:
        guest = self._guest(request.path_params["guest_id"], None)
        body = _json_object(request)
        unknown = sorted(set(body) - {"eventId", "incrementBy", "method", "zoneId"})
        if unknown:
            raise _Refused(400, f"Unknown field(s): {', '.join(unknown)}")
        self._check_event_id(guest, body)
        increment = body.get("incrementBy", 1)
        if isinstance(increment, bool) or not isinstance(increment, int) or increment < 1:
            raise _Refused(400, "incrementBy must be a whole number of 1 or more")
        method = body.get("method")
        if method not in CHECK_IN_METHODS:
            raise _Refused(400, f"method must be one of {', '.join(CHECK_IN_METHODS)}")
        zone = _zone(body)
        guest.attendance += increment
        guest.attended_ms = now_ms()
        guest.check_in_method = str(method)
        if zone and zone not in guest.visited_zones:
            guest.visited_zones.append(zone)
        guest.cached = None
        return raw_json_answer(self._cached(guest))

    def _undo_check_in(self, request: Request) -> Response:
        guest = self._guest(request.path_params["guest_id"], None)
        body = _json_object(request)
        unknown = sorted(set(body) - {"eventId", "zoneId"})
        if unknown:
            raise _Refused(400, f"Unknown field(s): {', '.join(unknown)}")
        self._check_event_id(guest, body)
        zone = _zone(body)
        self._undo(guest, zone)
        return raw_json_answer(self._cached(guest))

    # -- state ----------------------------------------------------------------------------

    def _list(self, event: DemoEvent) -> _GuestList:
        guest_list = self._lists.get(event.attendu_id)
        if guest_list is None:
            guest_list = self._lists[event.attendu_id] = _GuestList(event, self._data)
        return guest_list

    def _event_param(self, request: Request) -> DemoEvent:
        values = request.query_params.getlist("event")
        if not values:
            raise _Refused(400, "The event query parameter is required")
        if not is_hex24(values[-1]):
            raise _Refused(400, "event must be an event id (24 hex characters)")
        event = self._events.get(values[-1])
        if event is None:
            raise _Refused(404, f"Event {values[-1]} not found")
        return event

    def _guest_param(self, request: Request) -> _Guest:
        event = self._event_param(request)
        return self._guest(request.path_params["guest_id"], event)

    def _guest(self, guest_id: str, event: DemoEvent | None) -> _Guest:
        if not is_hex24(guest_id):
            raise _Refused(400, "guest id must be 24 hex characters")
        events = [event] if event else list(self._events.values())
        for candidate in events:
            guest = self._list(candidate).by_id.get(guest_id)
            if guest is not None:
                return guest
        raise _Refused(404, f"Guest {guest_id} not found")

    def _check_event_id(self, guest: _Guest, body: Mapping[str, Any]) -> None:
        event_id = body.get("eventId")
        if not is_hex24(event_id):
            raise _Refused(400, "eventId is required (24 hex characters)")
        if event_id != guest.event_id:
            raise _Refused(404, f"Guest {guest.id} not found in event {event_id}")

    def _apply_changes(self, guest: _Guest, body: Mapping[str, Any]) -> None:
        """Validate every change first, then apply them all (a refusal changes nothing)."""
        starred = body.get("starred", guest.starred)
        if not isinstance(starred, bool):
            raise _Refused(400, "starred must be true or false")
        status = body.get("status", {})
        if not isinstance(status, dict):
            raise _Refused(400, "status must be an object")
        refused = sorted(set(status) - _STATUS_FIELDS)
        if refused:
            raise _Refused(
                400,
                f"status.{refused[0]} cannot be set here: only confirmation and declineMessage"
                " (attendance changes through the check-in endpoint)",
            )
        confirmation = status.get("confirmation", guest.confirmation)
        if (
            isinstance(confirmation, bool)
            or not isinstance(confirmation, int)
            or not ATTENDU_CONFIRMATION["declined"] <= confirmation <= MAX_PARTY
        ):
            raise _Refused(400, f"status.confirmation must be a whole number -1 … {MAX_PARTY}")
        decline = status.get("declineMessage", guest.decline_message)
        if decline is not None and not isinstance(decline, str):
            raise _Refused(400, "status.declineMessage must be a string or null")
        properties = self._checked_properties(guest, body.get("properties", {}))
        extras = _checked_extras(self._extras(guest), body.get("extras", {}))

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

    def _checked_properties(self, guest: _Guest, changes: object) -> dict[str, Any]:
        if not isinstance(changes, dict):
            raise _Refused(400, "properties must be an object")
        merged = dict(self._own_properties(guest))
        for key, value in changes.items():
            if key in _BUILTIN_PROPERTIES:
                if not isinstance(value, str):
                    raise _Refused(400, f"properties.{key} must be a string")
                if key in ("firstName", "lastName") and not value.strip():
                    raise _Refused(400, f"properties.{key} must not be empty")
                if key == "email" and value and "@" not in value:
                    raise _Refused(400, "properties.email is not an e-mail address")
                if key == "lang" and value not in self._data.attendu_langs:
                    langs = ", ".join(self._data.attendu_langs)
                    raise _Refused(400, f"properties.lang must be one of {langs}")
            elif key in self._properties:
                _check_custom(self._properties[key], value)
            else:
                raise _Refused(400, f"Unknown property {key!r}")
            merged[key] = value
        return merged

    def _undo(self, guest: _Guest, zone: str | None) -> None:
        guest.attendance = 0
        guest.attended_ms = None
        guest.check_in_method = None
        if zone and zone in guest.visited_zones:
            guest.visited_zones.remove(zone)
        guest.cached = None

    def warm(self, chunk: int = 2000) -> None:
        """Serialise the demo event's guests ahead of the first roster sync; the lock is
        let go between chunks so requests still pass."""
        with self._lock:
            guests = list(self._list(self._data.event).guests)
        for start in range(0, len(guests), chunk):
            with self._lock:
                for guest in guests[start : start + chunk]:
                    self._cached(guest)

    # -- read-back and "another desk" helpers (take the lock themselves) -----------------

    def guest(self, guest_id: str) -> dict[str, Any]:
        """The guest as ``GET /v1/guests/{id}`` would show it (any event)."""
        with self._lock:
            try:
                found = self._guest(guest_id, None)
            except _Refused:
                raise KeyError(guest_id) from None
            parsed: dict[str, Any] = json.loads(self._cached(found))
            return parsed

    def guests(self, event_id: str | None = None) -> list[dict[str, Any]]:
        with self._lock:
            event = self._events[event_id or self._data.event.attendu_id]
            return [json.loads(self._cached(guest)) for guest in self._list(event).guests]

    def check_in(self, guest_id: str, increment_by: int = 1, method: str = "manual") -> None:
        """Check a guest in as another desk would (bypassing HTTP)."""
        with self._lock:
            guest = self._lookup(guest_id)
            guest.attendance += increment_by
            guest.attended_ms = now_ms()
            guest.check_in_method = method
            guest.cached = None

    def undo_check_in(self, guest_id: str) -> None:
        with self._lock:
            self._undo(self._lookup(guest_id), None)

    def set_confirmation(
        self, guest_id: str, confirmation: int, decline_message: str | None = None
    ) -> None:
        """Set the RSVP as another desk (or the guest) would, bypassing HTTP."""
        with self._lock:
            guest = self._lookup(guest_id)
            status: dict[str, Any] = {"confirmation": confirmation}
            if decline_message is not None:
                status["declineMessage"] = decline_message
            self._apply_changes(guest, {"status": status})

    def summary(self) -> dict[str, Any]:
        with self._lock:
            guests = self._list(self._data.event).guests
            return {
                "event": self._data.event.attendu_id,
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

    def _lookup(self, guest_id: str) -> _Guest:
        try:
            return self._guest(guest_id, None)
        except _Refused:
            raise KeyError(guest_id) from None

    # -- JSON shapes ------------------------------------------------------------------------

    def _cached(self, guest: _Guest) -> bytes:
        if guest.cached is None:
            guest.cached = dumps(self._guest_json(guest))
        return guest.cached

    def _event_json(self, event: DemoEvent) -> dict[str, Any]:
        langs = self._data.attendu_langs
        properties = []
        for prop in self._data.attendu_properties:
            item: dict[str, Any] = {"id": prop.id, "type": prop.type}
            item.update({f"_{lang}": {"name": prop.names[lang]} for lang in langs})
            if prop.options:
                item["options"] = [
                    {"id": option_id, **{f"_{lang}": {"value": labels[lang]} for lang in langs}}
                    for option_id, _key, labels in prop.options
                ]
            properties.append(item)
        return {
            "_id": event.attendu_id,
            "general": {
                "title": event.title,
                "startDate": attendu_time(_to_ms(event.start)),
                "endDate": attendu_time(_to_ms(event.end)),
                "timezone": "Europe/Prague",
                "location": event.location,
                "langs": list(langs),
            },
            "guestlist": {"properties": properties},
        }

    def _own_properties(self, guest: _Guest) -> dict[str, Any]:
        if guest.properties is not None:
            return guest.properties
        entry, person = guest.entry, guest.person
        assert entry is not None
        assert person is not None
        ids, options = self._by_key, self._option_ids
        langs = self._data.attendu_langs
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

    def _extras(self, guest: _Guest) -> dict[str, Any]:
        if guest.extras is not None:
            return guest.extras
        assert guest.entry is not None  # seeded guests have one
        price = _PRICES.get(guest.entry.ticket_type, 0)
        return {
            "roommates": [],
            "payment": {"isPaid": guest.entry.paid, "amount": price, "currency": "EUR"},
        }

    def _guest_json(self, guest: _Guest) -> dict[str, Any]:
        properties = self._own_properties(guest)
        populated: dict[str, Any] = {}
        for key, value in properties.items():
            if key in _BUILTIN_PROPERTIES:
                populated[_BUILTIN_PROPERTIES[key]] = value
            elif key in self._properties:
                prop = self._properties[key]
                populated[prop.names["en"]] = _label(prop.type, self._labels[key], value)
        return {
            "_id": guest.id,
            "event": guest.event_id,
            "status": {
                "confirmation": guest.confirmation,
                "attendance": guest.attendance,
                "declineMessage": guest.decline_message,
                "givenConsents": [],
                "visitedZones": list(guest.visited_zones),
                "addMethod": guest.add_method,
                "checkInMethod": guest.check_in_method,
            },
            "properties": properties,
            "_populated": {
                "properties": populated,
                "status": {
                    "confirmation": _confirmation_label(guest.confirmation),
                    "attendance": "Attended" if guest.attendance > 0 else "Not attended",
                },
            },
            "confirmedAt": attendu_time(guest.confirmed_ms),
            "attendedAt": attendu_time(guest.attended_ms),
            "starred": guest.starred,
            "extras": self._extras(guest),
        }


def _confirmation_label(confirmation: int) -> str:
    if confirmation == ATTENDU_CONFIRMATION["declined"]:
        return "Declined"
    if confirmation <= ATTENDU_CONFIRMATION["no_answer"]:
        return "No answer"
    return "Confirmed" if confirmation == 1 else f"Confirmed (+{confirmation - 1})"


def _label(kind: str, labels: Mapping[str, str], value: Any) -> str:
    """A property value as ``_populated`` shows it: option labels instead of ids."""
    if kind == "multiSelect" and isinstance(value, list):
        return ", ".join(labels.get(item, str(item)) for item in value)
    if kind == "select":
        return labels.get(str(value), str(value))
    return str(value)


def _check_custom(prop: AttenduProperty, value: object) -> None:
    option_ids = {option_id for option_id, _key, _names in prop.options}
    if prop.type == "text" and not isinstance(value, str):
        raise _Refused(400, f"properties.{prop.id} ({prop.names['en']}) must be a string")
    if prop.type == "select" and value not in option_ids:
        raise _Refused(400, f"properties.{prop.id} ({prop.names['en']}) must be an option id")
    if prop.type == "multiSelect" and (
        not isinstance(value, list) or any(item not in option_ids for item in value)
    ):
        raise _Refused(
            400, f"properties.{prop.id} ({prop.names['en']}) must be a list of option ids"
        )


def _checked_extras(current: Mapping[str, Any], changes: object) -> dict[str, Any]:
    if not isinstance(changes, dict):
        raise _Refused(400, "extras must be an object")
    merged = {**current, **changes}
    roommates = merged.get("roommates", [])
    if not isinstance(roommates, list) or not all(is_hex24(item) for item in roommates):
        raise _Refused(400, "extras.roommates must be a list of guest ids")
    payment = merged.get("payment", {})
    if not isinstance(payment, dict) or not isinstance(payment.get("isPaid", False), bool):
        raise _Refused(400, "extras.payment must be an object with a boolean isPaid")
    return merged


def _zone(body: Mapping[str, Any]) -> str | None:
    zone = body.get("zoneId")
    if zone is not None and not is_hex24(zone):
        raise _Refused(400, "zoneId must be a zone id (24 hex characters)")
    return str(zone) if zone else None


def _json_object(request: Request) -> dict[str, Any]:
    body = request.scope.get(BODY_KEY, b"")
    if not body:
        raise _Refused(400, "A JSON body is required")
    content_type = request.headers.get("content-type", "")
    if not content_type.split(";")[0].strip().lower() == "application/json":
        raise _Refused(400, "Content-Type must be application/json")
    try:
        parsed = json.loads(body)
    except ValueError:
        raise _Refused(400, "The body is not valid JSON") from None
    if not isinstance(parsed, dict):
        raise _Refused(400, "The body must be a JSON object")
    return parsed


def _int_param(request: Request, name: str, default: int, low: int, high: int | None) -> int:
    values = request.query_params.getlist(name)
    if not values:
        return default
    try:
        value = int(values[-1])
    except ValueError:
        raise _Refused(400, f"{name} must be a whole number") from None
    if value < low or (high is not None and value > high):
        bound = f"between {low} and {high}" if high is not None else f"{low} or more"
        raise _Refused(400, f"{name} must be {bound}")
    return value
