"""The sandbox's sheepCRM on the wire: bearer auth, Events v2 routes, read-back."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from kiosk.sandbox.demo import STATUSES, DemoData
from kiosk.sandbox.modes import modes_of
from kiosk.sandbox.sheepcrm.real_rows import REAL_ROWS, RealRows
from kiosk.sandbox.sheepcrm.roster import AttendanceStore
from kiosk.sandbox.sheepcrm.rules import (
    EVENT_STATES,
    Refused,
    error_body,
    one_query_value,
    positive_int,
)
from kiosk.sandbox.sheepcrm.shapes import (
    attendance_body,
    event_json,
    search_result,
    session_bytes,
    session_json,
    updated_json,
)
from kiosk.sandbox.validators import not_modified, tagged_json
from kiosk.sandbox.wire import fault_plan, header, json_answer, raw_json_answer


class SheepcrmPlatform:
    """The sandbox's sheepCRM: routes under ``/sheepcrm`` plus read-back for tests.

    State lives in an ``AttendanceStore`` guarded by one lock; ``load`` puts back the
    seeded data. The quota and its ``x-rate-limit-*`` headers are the front door's
    (``kiosk.sandbox.quota``), counted per key for every platform alike.
    """

    name = "sheepcrm"
    prefix = "/sheepcrm"

    def __init__(self, data: DemoData, api_key: str) -> None:
        self._lock = threading.RLock()
        self.api_key = api_key
        self._store = AttendanceStore(data)
        #: Whether the attendance answer carries an ETag and honours If-None-Match (off:
        #: a platform without validators, for the other side of the tests).
        self.validators = True
        self._app = Starlette(
            routes=self._routes(),
            exception_handlers={HTTPException: self._http_exception},
        )
        self._app.router.redirect_slashes = False

    @property
    def bucket(self) -> str:
        return self._store.data.bucket

    def load(self, data: DemoData) -> None:
        """Back to ``data`` as seeded."""
        with self._lock:
            self._store.load(data)

    # -- ASGI ---------------------------------------------------------------------------

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self._authorised(scope):
            status = modes_of(scope).sheepcrm_bad_key_status
            said = "Missing or invalid API key (Authorization: Bearer <key>)"
            if status == 404:  # word for word what a missing resource gets
                said = f"No such resource: {scope.get('path', '')}"
            response = json_answer(error_body(status, said), status)
            await response(scope, receive, send)
            return
        await self._app(scope, receive, send)

    def fault_answer(self, status: int, retry_after: int | None) -> Response:
        headers = {}
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
                        raise Refused(404, f"No bucket named {bucket!r}")
                    with self._lock:
                        return handler(request)
                except Refused as refused:
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
            raise Refused(400, f"state must be one of {', '.join(EVENT_STATES)}, not {state!r}")
        return self._event_page(request, state, summary=True)

    def _event_page(self, request: Request, state: str, *, summary: bool) -> Response:
        page = positive_int(request, "page", 1)
        page_size = positive_int(request, "page_size", 250)
        if fault_plan(request.scope).ignore_paging:
            page = 1
        events = sorted(self._store.events_in(state), key=lambda event: event.start)
        chosen = events[(page - 1) * page_size : page * page_size]
        bucket = self.bucket
        return json_answer(
            {
                "bookings": [
                    event_json(bucket, event, summary=summary, rows=self._store.real_rows)
                    for event in chosen
                ]
            }
        )

    def _get_event(self, request: Request) -> Response:
        event = self._store.event(request.path_params["uid"])
        return json_answer(
            event_json(self.bucket, event, summary=False, rows=self._store.real_rows)
        )

    def _get_attendance(self, request: Request) -> Response:
        event = self._store.event(request.path_params["uid"])
        cut = modes_of(request.scope).sheepcrm_roster_cut
        if not self.validators:
            return raw_json_answer(attendance_body(self._store, event, cut))
        etag = self._store.etag(event)
        unchanged = not_modified(request, etag)
        return unchanged or tagged_json(attendance_body(self._store, event, cut), etag)

    def _put_attendance(self, request: Request) -> Response:
        event = self._store.event(request.path_params["uid"])
        person_uri = one_query_value(request, "person_uri")
        status = one_query_value(request, "status")
        if status not in STATUSES:
            raise Refused(400, f"status must be one of {', '.join(STATUSES)}, not {status!r}")
        if not (person_uri.startswith("/") and person_uri.endswith("/")):
            raise Refused(400, f"person_uri must be a URI like /{self.bucket}/person/<uid>/")
        session = self._store.roster(event).by_person.get(person_uri)
        if session is None:
            raise Refused(404, f"{person_uri} is not on the attendance of this event")
        self._store.apply(session, status)
        return json_answer(updated_json(self.bucket, event, session))

    def _search(self, request: Request) -> Response:
        values = request.query_params.getlist("q")
        if len(values) != 1 or not values[0].strip():
            raise Refused(400, "q is a required query parameter")
        bucket = self.bucket
        found = self._store.search(values[0])
        return json_answer({"results": [search_result(bucket, person) for person in found]})

    def warm(self, chunk: int = 2000) -> None:
        """Serialise the demo event's sessions ahead of the first roster call (a few
        seconds for 100,000); the lock is let go between chunks so requests still pass."""
        store = self._store
        with self._lock:
            sessions = store.roster(store.data.event).sessions
        for start in range(0, len(sessions), chunk):
            with self._lock:
                for session in sessions[start : start + chunk]:
                    session_bytes(store, session)

    # -- read-back and "another desk" helpers (take the lock themselves) -----------------

    def session(self, uid: str) -> dict[str, Any]:
        """The attendance session ``uid`` as the API would show it (any event)."""
        with self._lock:
            return session_json(self._store, self._store.session(uid))

    def session_of(self, person_uri: str, event_uid: str | None = None) -> dict[str, Any]:
        with self._lock:
            return session_json(self._store, self._store.find(person_uri, event_uid)[1])

    def sessions(self, event_uid: str | None = None) -> list[dict[str, Any]]:
        with self._lock:
            store = self._store
            event = store.event(event_uid or store.data.event.sheepcrm_uid)
            return [session_json(store, session) for session in store.roster(event).sessions]

    def set_status(
        self, person_uri: str, status: str, event_uid: str | None = None
    ) -> dict[str, Any]:
        """Change a status as another desk would (bypassing HTTP); returns the session."""
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        with self._lock:
            _event, session = self._store.find(person_uri, event_uid)
            self._store.apply(session, status)
            return session_json(self._store, session)

    def remove(self, person_uri: str, event_uid: str | None = None) -> None:
        """An organiser took this person off the event at the platform (bypassing HTTP):
        later reads leave them out and a status PUT for them is refused with 404."""
        with self._lock:
            self._store.remove(*self._store.find(person_uri, event_uid))

    def play_real_rows(self, rows: RealRows | None = REAL_ROWS) -> None:
        """Send attendance as a real account does (``real_rows``); None: as seeded."""
        with self._lock:
            self._store.play_real_rows(rows)

    def summary(self) -> dict[str, Any]:
        with self._lock:
            return self._store.summary()
