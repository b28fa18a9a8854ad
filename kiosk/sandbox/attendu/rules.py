"""What the sandbox's Attendu accepts: confirmation values, paging, and the checks on requests."""

from __future__ import annotations

import json
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Final

from starlette.requests import Request

from kiosk.sandbox.demo import AttenduProperty
from kiosk.sandbox.wire import BODY_KEY, is_hex24

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

#: The properties every guest list has, by key, with their English names.
BUILTIN_PROPERTIES = {
    "firstName": "First name",
    "lastName": "Last name",
    "email": "Email",
    "lang": "Language",
    "ticketType": "Ticket type",
}
PATCH_FIELDS = frozenset({"starred", "status", "properties", "extras"})
CREATE_FIELDS = PATCH_FIELDS | {"event"}
CHECK_IN_FIELDS = frozenset({"eventId", "incrementBy", "method", "zoneId"})
UNDO_CHECK_IN_FIELDS = frozenset({"eventId", "zoneId"})
STATUS_FIELDS = frozenset({"confirmation", "declineMessage"})


class Refused(Exception):
    """Answer ``{"message": ...}`` with ``status``; raised anywhere inside a route."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def json_object(request: Request, allowed: frozenset[str]) -> dict[str, Any]:
    """The request's JSON object body, refused if it names a field not in ``allowed``."""
    body = request.scope.get(BODY_KEY, b"")
    if not body:
        raise Refused(400, "A JSON body is required")
    content_type = request.headers.get("content-type", "")
    if not content_type.split(";")[0].strip().lower() == "application/json":
        raise Refused(400, "Content-Type must be application/json")
    try:
        parsed = json.loads(body)
    except ValueError:
        raise Refused(400, "The body is not valid JSON") from None
    if not isinstance(parsed, dict):
        raise Refused(400, "The body must be a JSON object")
    unknown = sorted(set(parsed) - allowed)
    if unknown:
        raise Refused(400, f"Unknown field(s): {', '.join(unknown)}")
    return parsed


def int_param(request: Request, name: str, default: int, low: int, high: int | None) -> int:
    """Query parameter ``name`` as a whole number within ``low``..``high`` (None: no top)."""
    values = request.query_params.getlist(name)
    if not values:
        return default
    try:
        value = int(values[-1])
    except ValueError:
        raise Refused(400, f"{name} must be a whole number") from None
    if value < low or (high is not None and value > high):
        bound = f"between {low} and {high}" if high is not None else f"{low} or more"
        raise Refused(400, f"{name} must be {bound}")
    return value


def zone(body: Mapping[str, Any]) -> str | None:
    """The body's ``zoneId``, if any, checked to be an id."""
    value = body.get("zoneId")
    if value is not None and not is_hex24(value):
        raise Refused(400, "zoneId must be a zone id (24 hex characters)")
    return str(value) if value else None


def check_event_id(body: Mapping[str, Any], guest_id: str, event_id: str) -> None:
    """Refuse a check-in body whose ``eventId`` is missing or not the guest's event."""
    given = body.get("eventId")
    if not is_hex24(given):
        raise Refused(400, "eventId is required (24 hex characters)")
    if given != event_id:
        raise Refused(404, f"Guest {guest_id} not found in event {given}")


def check_increment(body: Mapping[str, Any]) -> tuple[int, str]:
    """A check-in body's ``incrementBy`` (default 1) and ``method``, both checked."""
    increment = body.get("incrementBy", 1)
    if isinstance(increment, bool) or not isinstance(increment, int) or increment < 1:
        raise Refused(400, "incrementBy must be a whole number of 1 or more")
    method = body.get("method")
    if method not in CHECK_IN_METHODS:
        raise Refused(400, f"method must be one of {', '.join(CHECK_IN_METHODS)}")
    return increment, str(method)


def check_custom(prop: AttenduProperty, value: object) -> None:
    """Refuse a value of custom property ``prop`` that its type does not allow."""
    option_ids = {option_id for option_id, _key, _names in prop.options}
    if prop.type == "text" and not isinstance(value, str):
        raise Refused(400, f"properties.{prop.id} ({prop.names['en']}) must be a string")
    if prop.type == "select" and value not in option_ids:
        raise Refused(400, f"properties.{prop.id} ({prop.names['en']}) must be an option id")
    if prop.type == "multiSelect" and (
        not isinstance(value, list) or any(item not in option_ids for item in value)
    ):
        raise Refused(
            400, f"properties.{prop.id} ({prop.names['en']}) must be a list of option ids"
        )


def checked_extras(current: Mapping[str, Any], changes: object) -> dict[str, Any]:
    """``current`` extras with ``changes`` merged in, refused unless the result is valid."""
    if not isinstance(changes, dict):
        raise Refused(400, "extras must be an object")
    merged = {**current, **changes}
    roommates = merged.get("roommates", [])
    if not isinstance(roommates, list) or not all(is_hex24(item) for item in roommates):
        raise Refused(400, "extras.roommates must be a list of guest ids")
    payment = merged.get("payment", {})
    if not isinstance(payment, dict) or not isinstance(payment.get("isPaid", False), bool):
        raise Refused(400, "extras.payment must be an object with a boolean isPaid")
    return merged
