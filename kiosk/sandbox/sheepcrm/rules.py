"""What the sandbox's sheepCRM allows and how it refuses: limits, error bodies."""

from __future__ import annotations

from datetime import datetime, timedelta

from starlette.requests import Request

from kiosk.sandbox.demo import DemoEvent
from kiosk.sandbox.wire import BODY_KEY

#: The documented quota: 400 calls a minute (and 1,000 an hour: ``kiosk.sandbox.quota``).
RATE_LIMIT = 400
RATE_WINDOW_SECONDS = 60

#: The event list covers this window around today, as the vendor documents.
LIST_DAYS_BACK = 14
LIST_DAYS_AHEAD = 90

#: Search answers at most this many results (the vendor publishes no figure).
SEARCH_LIMIT = 50

EVENT_STATES: tuple[str, ...] = ("all", "current", "draft", "future", "past", "running")


def error_body(status: int, description: str) -> dict[str, str]:
    """sheepCRM's error shape ``{error, description, type}``."""
    error, kind = _ERROR_WORDS.get(status, ("Error", "error"))
    return {"error": error, "description": description, "type": kind}


_ERROR_WORDS = {
    400: ("Bad Request", "validation_error"),
    401: ("Unauthorized", "authentication_error"),
    403: ("Forbidden", "authentication_error"),
    404: ("Not Found", "not_found"),
    405: ("Method Not Allowed", "method_not_allowed"),
    409: ("Conflict", "data_error"),
    429: ("Too Many Requests", "rate_limit"),
    500: ("Internal Server Error", "server_error"),
    502: ("Bad Gateway", "server_error"),
    503: ("Service Unavailable", "server_error"),
}


class Refused(Exception):
    """Answer with sheepCRM's error body; raised anywhere inside a route."""

    def __init__(self, status: int, description: str) -> None:
        super().__init__(description)
        self.status = status
        self.description = description


def in_state(event: DemoEvent, state: str, now: datetime) -> bool:
    """Whether ``event`` belongs to a list by ``state``; drafts only show as drafts (or all)."""
    if state == "all":
        return True
    if event.state == "draft":
        return state == "draft"
    return {
        "past": event.end < now,
        "future": event.start > now,
        "running": event.start <= now <= event.end,
        "current": (
            now - timedelta(days=LIST_DAYS_BACK) <= event.end
            and event.start <= now + timedelta(days=LIST_DAYS_AHEAD)
        ),
    }.get(state, False)


def positive_int(request: Request, name: str, default: int) -> int:
    """Query parameter ``name`` as a whole number of 1 or more."""
    values = request.query_params.getlist(name)
    if not values:
        return default
    try:
        value = int(values[-1])
    except ValueError:
        raise Refused(400, f"{name} must be a whole number") from None
    if value < 1:
        raise Refused(400, f"{name} must be 1 or more")
    return value


def one_query_value(request: Request, name: str) -> str:
    """Required query parameter ``name``, given once; a hint if the body held it instead."""
    values = request.query_params.getlist(name)
    if not values:
        hint = (
            " (it was sent in the body: this API takes query parameters)"
            if _body_mentions(request, name)
            else ""
        )
        raise Refused(400, f"{name} is a required query parameter{hint}")
    if len(values) > 1:
        raise Refused(400, f"{name} was given {len(values)} times")
    return values[0]


def _body_mentions(request: Request, name: str) -> bool:
    """Whether the (already received) body names ``name``: for a helpful refusal only."""
    body = request.scope.get(BODY_KEY, b"")
    return isinstance(body, bytes) and name.encode() in body
