"""The sandbox's Attendu on the wire: x-api-key auth, the guests API v1 routes, read-back."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from kiosk.sandbox.attendu.guests import GuestState, GuestStore
from kiosk.sandbox.attendu.rules import (
    CHECK_IN_FIELDS,
    CREATE_FIELDS,
    DEFAULT_PAGE_LIMIT,
    MAX_PAGE_LIMIT,
    PATCH_FIELDS,
    UNDO_CHECK_IN_FIELDS,
    Refused,
    check_event_id,
    check_increment,
    int_param,
    json_object,
    zone,
)
from kiosk.sandbox.attendu.shapes import event_json, guest_bytes
from kiosk.sandbox.demo import DemoData, DemoEvent
from kiosk.sandbox.modes import ATTENDU_PAGINGS, modes_of
from kiosk.sandbox.validators import not_modified, tagged_json
from kiosk.sandbox.wire import fault_plan, header, json_answer, raw_json_answer


class AttenduPlatform:
    """The sandbox's Attendu: routes under ``/attendu/api`` plus read-back for tests.

    State lives in a ``GuestStore`` guarded by one lock; ``load`` puts back the seeded data.
    """

    name = "attendu"
    prefix = "/attendu/api"

    def __init__(self, data: DemoData, api_key: str) -> None:
        self._lock = threading.RLock()
        self.api_key = api_key
        self._store = GuestStore(data)
        #: Whether guest list pages carry an ETag and honour If-None-Match (off: a
        #: platform without validators, for the other side of the tests).
        self.validators = True
        self._app = Starlette(
            routes=self._routes(), exception_handlers={HTTPException: self._http_exception}
        )
        self._app.router.redirect_slashes = False

    def load(self, data: DemoData) -> None:
        """Back to ``data`` as seeded."""
        with self._lock:
            self._store.load(data)

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
                except Refused as refused:
                    return json_answer({"message": refused.message}, refused.status)

            return Route(path, endpoint, methods=[method])

        return [
            route("/v1/events", self._list_events, "GET"),
            route("/v1/events/{event_id}", self._get_event, "GET"),
            route("/v1/guests", self._list_guests, "GET"),
            route("/v1/guests", self._create_guest, "POST"),
            route("/v1/guests/{guest_id}", self._get_guest, "GET"),
            route("/v1/guests/{guest_id}", self._patch_guest, "PATCH"),
            route("/v1/guests/{guest_id}/check-in", self._check_in, "POST"),
            route("/v1/guests/{guest_id}/check-in", self._undo_check_in, "DELETE"),
        ]

    # -- routes (called with the lock held) ---------------------------------------------

    def _list_events(self, request: Request) -> Response:
        store = self._store
        return json_answer({"results": [event_json(store, e) for e in store.events.values()]})

    def _get_event(self, request: Request) -> Response:
        event_id = request.path_params["event_id"]
        event = self._store.events.get(event_id)
        if event is None:  # any id, well-formed or not, that names no event
            raise Refused(404, f"Event {event_id} not found")
        return json_answer(event_json(self._store, event))

    def _list_guests(self, request: Request) -> Response:
        event = self._event_param(request)
        skip, limit = self._page_asked(request)
        if fault_plan(request.scope).ignore_paging:
            skip, limit = 0, DEFAULT_PAGE_LIMIT
        etag = self._store.etag()
        if self.validators and (unchanged := not_modified(request, etag)) is not None:
            return unchanged
        guests = self._store.guest_list(event).guests
        parts = [guest_bytes(self._store, guest) for guest in guests[skip : skip + limit]]
        body = b'{"results":[' + b",".join(parts) + b'],"total":' + str(len(guests)).encode()
        if not self.validators:
            return raw_json_answer(body + b"}")
        return tagged_json(body + b"}", etag)

    def _page_asked(self, request: Request) -> tuple[int, int]:
        """(guests to skip, guests to give) by the paging convention played now."""
        modes = modes_of(request.scope)
        start_name, size_name, counts_pages = ATTENDU_PAGINGS[modes.attendu_paging]
        if modes.attendu_strict:
            known = {"event", start_name, size_name} - {""}
            for name in request.query_params:
                if name not in known:
                    raise Refused(400, f"Unknown query parameter: {name}")
        if not start_name:
            return 0, DEFAULT_PAGE_LIMIT
        limit = int_param(request, size_name, DEFAULT_PAGE_LIMIT, 1, MAX_PAGE_LIMIT)
        if limit > modes.attendu_page_cap:
            if modes.attendu_strict:
                raise Refused(400, f"{size_name} must be between 1 and {modes.attendu_page_cap}")
            limit = modes.attendu_page_cap
        if counts_pages:
            return (int_param(request, start_name, 1, 1, None) - 1) * limit, limit
        return int_param(request, start_name, 0, 0, None), limit

    def _get_guest(self, request: Request) -> Response:
        return raw_json_answer(guest_bytes(self._store, self._guest_param(request)))

    def _patch_guest(self, request: Request) -> Response:
        guest = self._guest_param(request)
        self._store.apply_changes(guest, json_object(request, PATCH_FIELDS))
        return raw_json_answer(guest_bytes(self._store, guest))

    def _create_guest(self, request: Request) -> Response:
        body = json_object(request, CREATE_FIELDS)
        event = self._store.event(body.pop("event", None))
        guest = self._store.add(event, body)
        return raw_json_answer(guest_bytes(self._store, guest), 201)

    def _check_in(self, request: Request) -> Response:
        guest = self._store.guest(request.path_params["guest_id"], None)
        body = json_object(request, CHECK_IN_FIELDS)
        check_event_id(body, guest.id, guest.event_id)
        increment, method = check_increment(body)
        self._store.check_in(guest, increment, method, zone(body))
        return raw_json_answer(guest_bytes(self._store, guest))

    def _undo_check_in(self, request: Request) -> Response:
        guest = self._store.guest(request.path_params["guest_id"], None)
        body = json_object(request, UNDO_CHECK_IN_FIELDS)
        check_event_id(body, guest.id, guest.event_id)
        self._store.undo_check_in(guest, zone(body))
        return raw_json_answer(guest_bytes(self._store, guest))

    def _event_param(self, request: Request) -> DemoEvent:
        values = request.query_params.getlist("event")
        if not values:
            raise Refused(400, "The event query parameter is required")
        return self._store.event(values[-1])

    def _guest_param(self, request: Request) -> GuestState:
        event = self._event_param(request)
        return self._store.guest(request.path_params["guest_id"], event)

    def warm(self, chunk: int = 2000) -> None:
        """Serialise the demo event's guests ahead of the first roster sync; the lock is
        let go between chunks so requests still pass."""
        store = self._store
        with self._lock:
            guests = list(store.guest_list(store.data.event).guests)
        for start in range(0, len(guests), chunk):
            with self._lock:
                for guest in guests[start : start + chunk]:
                    guest_bytes(store, guest)

    # -- read-back and "another desk" helpers (take the lock themselves) -----------------

    def guest(self, guest_id: str) -> dict[str, Any]:
        """The guest as ``GET /v1/guests/{id}`` would show it (any event)."""
        with self._lock:
            parsed: dict[str, Any] = json.loads(
                guest_bytes(self._store, self._store.lookup(guest_id))
            )
            return parsed

    def guests(self, event_id: str | None = None) -> list[dict[str, Any]]:
        with self._lock:
            store = self._store
            event = store.events[event_id or store.data.event.attendu_id]
            return [json.loads(guest_bytes(store, g)) for g in store.guest_list(event).guests]

    def check_in(self, guest_id: str, increment_by: int = 1, method: str = "manual") -> None:
        """Check a guest in as another desk would (bypassing HTTP)."""
        with self._lock:
            self._store.check_in(self._store.lookup(guest_id), increment_by, method)

    def undo_check_in(self, guest_id: str) -> None:
        with self._lock:
            self._store.undo_check_in(self._store.lookup(guest_id))

    def set_confirmation(
        self, guest_id: str, confirmation: int, decline_message: str | None = None
    ) -> None:
        """Set the RSVP as another desk (or the guest) would, bypassing HTTP."""
        with self._lock:
            guest = self._store.lookup(guest_id)
            status: dict[str, Any] = {"confirmation": confirmation}
            if decline_message is not None:
                status["declineMessage"] = decline_message
            self._store.apply_changes(guest, {"status": status})

    def play_codes(self, no_answer: int, declined: int) -> None:
        """Show and take ``status.confirmation`` with this code table from now on (the
        seeded one: ``rules.ATTENDU_CONFIRMATION``)."""
        with self._lock:
            self._store.play_codes(no_answer, declined)

    def summary(self) -> dict[str, Any]:
        with self._lock:
            return self._store.summary()
