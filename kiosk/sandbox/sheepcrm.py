"""sheepCRM "Events v2" as the sandbox plays it: bearer auth, rate headers, strict checks."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import Message, Receive, Scope, Send

from kiosk.sandbox.demo import STATUSES, DemoData, DemoEntry, DemoEvent, DemoPerson, fold_ascii
from kiosk.sandbox.demo import to_epoch_ms as _to_ms
from kiosk.sandbox.wire import (
    BODY_KEY,
    dumps,
    fault_plan,
    header,
    json_answer,
    now_ms,
    raw_json_answer,
    sheepcrm_time,
)

#: The advertised rate limit: 400 calls a minute (the contract's example figure).
RATE_LIMIT = 400
RATE_WINDOW_SECONDS = 60

#: The event list covers this window around today, as the vendor documents.
LIST_DAYS_BACK = 14
LIST_DAYS_AHEAD = 90

#: Search answers at most this many results (the vendor publishes no figure).
SEARCH_LIMIT = 50

EVENT_STATES: tuple[str, ...] = ("all", "current", "draft", "future", "past", "running")

#: sheepCRM's resource type for an attendance session (the vendor's examples do not show one).
SESSION_RESOURCE = "attendance"


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


class _Refused(Exception):
    """Answer with sheepCRM's error body; raised anywhere inside a route."""

    def __init__(self, status: int, description: str) -> None:
        super().__init__(description)
        self.status = status
        self.description = description


class _RateWindow:
    """A fixed one-minute window counting every call, for the ``x-rate-limit-*`` headers."""

    def __init__(self, limit: int, seconds: int) -> None:
        self._limit = limit
        self._seconds = seconds
        self._lock = threading.Lock()
        self._ends = 0.0
        self._count = 0

    def hit(self) -> tuple[int, int]:
        """Count a call; return (calls left, seconds until the window resets)."""
        with self._lock:
            now = time.monotonic()
            if now >= self._ends:
                self._ends = now + self._seconds
                self._count = 0
            self._count += 1
            return self._limit - self._count, max(1, math.ceil(self._ends - now))

    def headers(self, remaining: int, reset: int) -> dict[str, str]:
        return {
            "x-rate-limit-limit": str(self._limit),
            "x-rate-limit-remaining": str(max(0, remaining)),
            "x-rate-limit-reset": str(reset),
        }


class _Session:
    """One attendee's mutable state; ``cached`` is its serialised JSON until it changes."""

    __slots__ = ("cached", "entry", "person", "person_uri", "position", "status", "updated_ms")

    def __init__(self, position: int, entry: DemoEntry, person: DemoPerson, bucket: str) -> None:
        self.position = position
        self.entry = entry
        self.person = person
        self.person_uri = f"/{bucket}/person/{person.person_uid}/"
        self.status = entry.status
        self.updated_ms = entry.updated_ms
        self.cached: bytes | None = None


class _Roster:
    """One event's attendance, indexed by session uid and by person URI.

    The 100,000-guest list is served from per-session JSON kept between calls, so a
    write re-serialises one session, not the list.
    """

    def __init__(self, event: DemoEvent, data: DemoData) -> None:
        people = data.people
        self.sessions = [
            _Session(position, entry, people[entry.person], data.bucket)
            for position, entry in enumerate(event.entries)
        ]
        self.by_uid = {session.entry.session_uid: session for session in self.sessions}
        self.by_person = {session.person_uri: session for session in self.sessions}
        self.body_prefix: bytes | None = None


class SheepcrmPlatform:
    """The sandbox's sheepCRM: routes under ``/sheepcrm`` plus read-back for tests.

    State lives in memory, guarded by one lock; ``load`` puts back the seeded data.
    """

    name = "sheepcrm"
    prefix = "/sheepcrm"

    def __init__(self, data: DemoData, api_key: str, rate_limit: int = RATE_LIMIT) -> None:
        self._lock = threading.RLock()
        self.api_key = api_key
        self._rate_limit = rate_limit
        self._rate = _RateWindow(rate_limit, RATE_WINDOW_SECONDS)
        self._data = data
        self._events: dict[str, DemoEvent] = {}
        self._rosters: dict[str, _Roster] = {}
        self._search_index: list[str] | None = None
        self.load(data)
        self._app = Starlette(
            routes=self._routes(),
            exception_handlers={HTTPException: self._http_exception},
        )
        self._app.router.redirect_slashes = False

    @property
    def bucket(self) -> str:
        return self._data.bucket

    def load(self, data: DemoData) -> None:
        """Back to ``data`` as seeded; the rate window starts afresh."""
        with self._lock:
            self._data = data
            self._events = {event.sheepcrm_uid: event for event in data.events}
            self._rosters = {}
            self._search_index = None
            self._rate = _RateWindow(self._rate_limit, RATE_WINDOW_SECONDS)

    # -- ASGI ---------------------------------------------------------------------------

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        remaining, reset = self._rate.hit()
        plan = fault_plan(scope)
        throttled = plan.enforce_rate_limit and remaining < 0
        headers = self._rate.headers(remaining, reset)
        if not self._authorised(scope):
            response = json_answer(
                error_body(403, "Missing or invalid API key (Authorization: Bearer <key>)"),
                403,
                headers,
            )
            await response(scope, receive, send)
            return
        if throttled:
            headers["retry-after"] = str(reset)
            response = json_answer(
                error_body(429, f"Rate limit of {self._rate_limit} a minute exceeded"),
                429,
                headers,
            )
            await response(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = dict(message)
                message["headers"] = [
                    *message.get("headers", []),
                    *((name.encode(), value.encode()) for name, value in headers.items()),
                ]
            await send(message)

        await self._app(scope, receive, send_with_headers)

    def fault_answer(self, status: int, retry_after: int | None) -> Response:
        remaining, reset = self._rate.hit()
        headers = self._rate.headers(0 if status == 429 else remaining, reset)
        if status == 429:
            headers["retry-after"] = str(retry_after or 1)
            description = f"Rate limit exceeded, retry in {retry_after or 1} seconds"
        else:
            description = "An error occurred within sheepCRM, please report to support@sheepcrm.com"
        return json_answer(error_body(status, description), status, headers)

    def _authorised(self, scope: Scope) -> bool:
        scheme, _, key = (header(scope, b"authorization") or "").partition(" ")
        return scheme.lower() == "bearer" and key.strip() == self.api_key

    async def _http_exception(self, request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        description = {404: f"No such resource: {request.url.path}", 405: "Method not allowed"}
        return json_answer(error_body(status, description.get(status, str(exc))), status)

    def _routes(self) -> list[Route]:
        def route(path: str, handler: Callable[[Request], Response], *methods: str) -> Route:
            async def endpoint(request: Request) -> Response:
                try:
                    bucket = request.path_params.get("bucket")
                    if bucket != self.bucket:
                        raise _Refused(404, f"No bucket named {bucket!r}")
                    with self._lock:
                        return handler(request)
                except _Refused as refused:
                    return json_answer(
                        error_body(refused.status, refused.description), refused.status
                    )

            return Route(path, endpoint, methods=list(methods or ["GET"]))

        attendance = "/events/v2/{bucket}/booking/{uid}/attendance"
        return [
            route("/events/v2/{bucket}", self._list_events),
            route("/events/v2/{bucket}/bookings", self._list_events),
            route("/events/v2/{bucket}/bookings/{state}", self._list_by_state),
            route("/events/v2/{bucket}/booking/{uid}", self._get_event),
            route("/events/v2/{bucket}/booking/{uid}/summary", self._get_event),
            route(attendance, self._get_attendance),
            route(attendance, self._put_attendance, "PUT"),
            route(f"{attendance}/all", self._get_attendance),
            route("/events/v2/{bucket}/bookings/{uid}/attendance", self._get_attendance),
            route("/search/v2/{bucket}", self._search),
            route("/search/v2/{bucket}/", self._search),
            route("/search/v2/{bucket}/global", self._search),
        ]

    # -- routes (called with the lock held) ---------------------------------------------

    def _list_events(self, request: Request) -> Response:
        return self._event_page(request, "current", summary=False)

    def _list_by_state(self, request: Request) -> Response:
        state = request.path_params["state"]
        if state not in EVENT_STATES:
            raise _Refused(400, f"state must be one of {', '.join(EVENT_STATES)}, not {state!r}")
        return self._event_page(request, state, summary=True)

    def _event_page(self, request: Request, state: str, *, summary: bool) -> Response:
        page = _positive_int(request, "page", 1)
        page_size = _positive_int(request, "page_size", 250)
        if fault_plan(request.scope).ignore_paging:
            page = 1
        events = sorted(self._events_in(state), key=lambda event: event.start)
        chosen = events[(page - 1) * page_size : page * page_size]
        return json_answer(
            {"bookings": [self._event_json(event, summary=summary) for event in chosen]}
        )

    def _events_in(self, state: str) -> Iterator[DemoEvent]:
        now = datetime.now(UTC)
        for event in self._events.values():
            if _in_state(event, state, now):
                yield event

    def _get_event(self, request: Request) -> Response:
        event = self._event(request.path_params["uid"])
        return json_answer(self._event_json(event, summary=False))

    def _get_attendance(self, request: Request) -> Response:
        event = self._event(request.path_params["uid"])
        roster = self._roster(event)
        if roster.body_prefix is None:
            roster.body_prefix = (
                b'{"booking":'
                + dumps(self._event_json(event, summary=False))
                + b',"booking_uri":'
                + dumps(self._event_uri(event))
                + b',"sessions":['
            )
        parts = []
        for session in roster.sessions:
            if session.cached is None:
                session.cached = dumps(self._session_json(session))
            parts.append(session.cached)
        return raw_json_answer(roster.body_prefix + b",".join(parts) + b"]}")

    def _put_attendance(self, request: Request) -> Response:
        event = self._event(request.path_params["uid"])
        query = request.query_params
        for name in ("person_uri", "status"):
            values = query.getlist(name)
            if not values:
                hint = (
                    " (it was sent in the body: this API takes query parameters)"
                    if _body_mentions(request, name)
                    else ""
                )
                raise _Refused(400, f"{name} is a required query parameter{hint}")
            if len(values) > 1:
                raise _Refused(400, f"{name} was given {len(values)} times")
        person_uri, status = query["person_uri"], query["status"]
        if status not in STATUSES:
            raise _Refused(400, f"status must be one of {', '.join(STATUSES)}, not {status!r}")
        if not (person_uri.startswith("/") and person_uri.endswith("/")):
            raise _Refused(400, f"person_uri must be a URI like /{self.bucket}/person/<uid>/")
        session = self._roster(event).by_person.get(person_uri)
        if session is None:
            raise _Refused(404, f"{person_uri} is not on the attendance of this event")
        self._apply(session, status)
        return json_answer(self._updated_json(event, session))

    def _search(self, request: Request) -> Response:
        values = request.query_params.getlist("q")
        if len(values) != 1 or not values[0].strip():
            raise _Refused(400, "q is a required query parameter")
        tokens = fold_ascii(values[0]).lower().split()
        if self._search_index is None:
            self._search_index = [
                fold_ascii(f"{person.name} {person.email} {person.phone}").lower()
                for person in self._data.people
            ]
        results = []
        for position, text in enumerate(self._search_index):
            if all(token in text for token in tokens):
                person = self._data.people[position]
                results.append(
                    {
                        "id": self._person_uri(person),
                        "display_value": person.name,
                        "resource": "person",
                        "primary_email": person.email,
                        "primary_telephone": person.phone,
                    }
                )
                if len(results) >= SEARCH_LIMIT:
                    break
        return json_answer({"results": results})

    # -- state ----------------------------------------------------------------------------

    def _event(self, uid: str) -> DemoEvent:
        event = self._events.get(uid)
        if event is None:
            raise _Refused(404, f"No event with uid {uid!r}")
        return event

    def _roster(self, event: DemoEvent) -> _Roster:
        roster = self._rosters.get(event.sheepcrm_uid)
        if roster is None:
            roster = self._rosters[event.sheepcrm_uid] = _Roster(event, self._data)
        return roster

    def _apply(self, session: _Session, status: str) -> None:
        session.status = status
        session.updated_ms = now_ms()
        session.cached = None

    def _find(self, person_uri: str, event_uid: str | None) -> tuple[DemoEvent, _Session]:
        event = self._event(event_uid or self._data.event.sheepcrm_uid)
        session = self._roster(event).by_person.get(person_uri)
        if session is None:
            raise KeyError(f"{person_uri} is not on {event.title!r}")
        return event, session

    def warm(self, chunk: int = 2000) -> None:
        """Serialise the demo event's sessions ahead of the first roster call (a few
        seconds for 100,000); the lock is let go between chunks so requests still pass."""
        with self._lock:
            sessions = self._roster(self._data.event).sessions
        for start in range(0, len(sessions), chunk):
            with self._lock:
                for session in sessions[start : start + chunk]:
                    if session.cached is None:
                        session.cached = dumps(self._session_json(session))

    # -- read-back and "another desk" helpers (take the lock themselves) -----------------

    def session(self, uid: str) -> dict[str, Any]:
        """The attendance session ``uid`` as the API would show it (any event)."""
        with self._lock:
            for event in self._events.values():
                session = self._roster(event).by_uid.get(uid)
                if session is not None:
                    return self._session_json(session)
        raise KeyError(uid)

    def session_of(self, person_uri: str, event_uid: str | None = None) -> dict[str, Any]:
        with self._lock:
            return self._session_json(self._find(person_uri, event_uid)[1])

    def sessions(self, event_uid: str | None = None) -> list[dict[str, Any]]:
        with self._lock:
            event = self._event(event_uid or self._data.event.sheepcrm_uid)
            return [self._session_json(session) for session in self._roster(event).sessions]

    def set_status(
        self, person_uri: str, status: str, event_uid: str | None = None
    ) -> dict[str, Any]:
        """Change a status as another desk would (bypassing HTTP); returns the session."""
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        with self._lock:
            _event, session = self._find(person_uri, event_uid)
            self._apply(session, status)
            return self._session_json(session)

    def remove(self, person_uri: str, event_uid: str | None = None) -> None:
        """An organiser took this person off the event at the platform (bypassing HTTP):
        later reads leave them out and a status PUT for them is refused with 404."""
        with self._lock:
            event, session = self._find(person_uri, event_uid)
            roster = self._roster(event)
            roster.sessions.remove(session)
            del roster.by_uid[session.entry.session_uid]
            del roster.by_person[session.person_uri]

    def summary(self) -> dict[str, Any]:
        with self._lock:
            roster = self._roster(self._data.event)
            counts = dict.fromkeys(STATUSES, 0)
            for session in roster.sessions:
                counts[session.status] += 1
            return {
                "event": self._data.event.sheepcrm_uid,
                "sessions": len(roster.sessions),
                "plus_ones": sum(1 for s in roster.sessions if s.entry.host is not None),
                "statuses": counts,
            }

    # -- JSON shapes ------------------------------------------------------------------------

    def _person_uri(self, person: DemoPerson) -> str:
        return f"/{self.bucket}/person/{person.person_uid}/"

    def _event_uri(self, event: DemoEvent) -> str:
        return f"/{self.bucket}/booking/{event.sheepcrm_uid}/"

    def _session_json(self, session: _Session) -> dict[str, Any]:
        entry, person, bucket = session.entry, session.person, self.bucket
        host = self._data.people[entry.host] if entry.host is not None else None
        return {
            "uid": entry.session_uid,
            "uri": f"/{bucket}/{SESSION_RESOURCE}/{entry.session_uid}/",
            "person_ref": session.person_uri,
            "guest": host is not None,
            "guest_ref": self._person_uri(host) if host is not None else "",
            "attendee_name": person.name,
            "attendee_email": person.email,
            "status": session.status,
            "ticket": entry.ticket,
            "ticket_ref": f"/{bucket}/ticket/{entry.ticket_uid}/",
            "display_value": f"{person.name} ({entry.ticket_type})",
            "record_state": "active",
            "created": sheepcrm_time(entry.created_ms),
            "last_updated": sheepcrm_time(session.updated_ms),
        }

    def _updated_json(self, event: DemoEvent, session: _Session) -> dict[str, Any]:
        entry, person = session.entry, session.person
        booking_uri = self._event_uri(event)
        return {
            "attendance": [
                {
                    "attendance": {
                        "attendee_email": person.email,
                        "attendee_name": person.name,
                        "booking_ref": {"display_value": event.title, "ref": booking_uri},
                        "guest": entry.host is not None,
                        "legacy_uid": "",
                        "person_ref": {"display_value": person.name, "ref": session.person_uri},
                        "status": session.status,
                        "ticket_ref": f"/{self.bucket}/ticket/{entry.ticket_uid}/",
                    },
                    "uri": f"/{self.bucket}/{SESSION_RESOURCE}/{entry.session_uid}/",
                }
            ],
            "booking_ref": booking_uri,
            "person_ref": session.person_uri,
            "status": session.status,
        }

    def _event_json(self, event: DemoEvent, *, summary: bool) -> dict[str, Any]:
        start, end = event.start, event.end
        allocated = len(event.entries)
        brief: dict[str, Any] = {
            "uid": event.sheepcrm_uid,
            "uri": self._event_uri(event),
            "resource_type": "booking",
            "title": event.title,
            "display_value": event.title,
            "status": event.state,
            "start_date": start.date().isoformat(),
            "start_time": start.strftime("%H:%M"),
            "start_datetime": sheepcrm_time(_to_ms(start)),
            "end_date": end.date().isoformat(),
            "end_time": end.strftime("%H:%M"),
            "end_datetime": sheepcrm_time(_to_ms(end)),
            "location": event.location,
            "capacity": event.capacity,
        }
        if summary:
            return brief
        hours = (end - start).total_seconds() / 3600
        return {
            **brief,
            "formatted_title": event.title,
            "description": event.description,
            "date_range": f"{start:%d %b %Y %H:%M} - {end:%H:%M}",
            "multi_day": start.date() != end.date(),
            "length_hours": hours,
            "length_display": f"{hours:g} hours",
            "location_address_string": event.location,
            "location_country": "CZ",
            "category": "Conference",
            "event_type": "event",
            "booking_type": "event",
            "cancelled": False,
            "ticketed_event": True,
            "has_ticketed_event": True,
            "member_only_event": False,
            "hide_from_self_service": False,
            "is_sold_out": allocated >= event.capacity,
            "total_stock": event.capacity,
            "total_stock_allocated": allocated,
            "total_stock_available": max(0, event.capacity - allocated),
            "tags": ["demo"],
            "created": sheepcrm_time(_to_ms(event.created)),
            "last_updated": sheepcrm_time(_to_ms(event.created)),
        }


def _in_state(event: DemoEvent, state: str, now: datetime) -> bool:
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


def _positive_int(request: Request, name: str, default: int) -> int:
    values = request.query_params.getlist(name)
    if not values:
        return default
    try:
        value = int(values[-1])
    except ValueError:
        raise _Refused(400, f"{name} must be a whole number") from None
    if value < 1:
        raise _Refused(400, f"{name} must be 1 or more")
    return value


def _body_mentions(request: Request, name: str) -> bool:
    """Whether the (already received) body names ``name``: for a helpful refusal only."""
    body = request.scope.get(BODY_KEY, b"")
    return isinstance(body, bytes) and name.encode() in body
