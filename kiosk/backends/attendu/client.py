"""Attendu guests API v1 client: events, the paged guest list, status writes, walk-ins."""

from __future__ import annotations

import dataclasses
import logging
import ssl
import urllib.parse
from collections.abc import Mapping
from typing import Literal

import httpx

from kiosk.backends.attendu.pages import PAGE_CONCURRENCY, PagedLoad, PageMemo
from kiosk.backends.attendu.reader import DEFAULT_PAGING, AttenduPaging, GuestListReader
from kiosk.backends.attendu.rows import parse_guest_page
from kiosk.backends.attendu.statuses import (
    ASSUMED_CODES,
    DISPLAY_NAME,
    LOCAL_NO_SHOW_LABEL,
    WRITES,
    AttenduCodes,
    attendu_capabilities,
    keep_local_no_show,
)
from kiosk.backends.attendu.wire import (
    AttenduEvent,
    parse_attendu_event,
    parse_attendu_events,
    parse_attendu_guest,
)
from kiosk.backends.base import (
    DEFAULT_TIMEOUT,
    NO_GUESTS,
    Capabilities,
    Roster,
    RosterProgress,
    make_http_client,
)
from kiosk.backends.http import (
    KIB,
    PAGE_MAX_BYTES,
    SINGLE_MAX_BYTES,
    HttpTransport,
    RateLimit,
)
from kiosk.backends.http.transport import Reply, Validators
from kiosk.domain import ChangeRejected, Event, Guest, NotFound, PlatformError, Status
from kiosk.domain.party import people_in
from kiosk.platform_settings import DEFAULT_PAGE_SIZE

log = logging.getLogger(__name__)

#: Room for one guest in a page of the guest list (a real one is 1-3 KiB).
GUEST_MAX_BYTES = 32 * KIB
#: Pages of this many guests are what most APIs give at least: asked when a workspace
#: refuses the larger pages Kiosk asks for first.
SAFE_PAGE_SIZE = 100


def attendu_http_client(
    base_url: str,
    api_key: str,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    timeout: httpx.Timeout | None = None,
    ssl_context: ssl.SSLContext | None = None,
) -> httpx.AsyncClient:
    """The ``httpx.AsyncClient`` for Attendu: ``x-api-key`` on every call.

    ``base_url`` is the API root, ``https://{workspace}.attendu.com/api``; the client
    appends ``/v1/...``."""
    return make_http_client(
        base_url,
        headers={"x-api-key": api_key},
        timeout=timeout or DEFAULT_TIMEOUT,
        transport=transport,
        ssl_context=ssl_context,
    )


def _segment(value: str) -> str:
    """One path segment: an id from the wire must not be able to change the path."""
    return urllib.parse.quote(value, safe="")


class AttenduBackend:
    """Attendu guests API v1, bound to one event.

    ``paging`` names the (unpublished) page parameters; ``codes`` holds the assumed
    meaning of Attendu's integers; ``concurrency`` pages are asked for at once once the
    list's total is known. ``progress``, when set, hears how far a load has come. Also
    offers ``create_walk_in``.
    """

    #: ``GET /v1/guests/{id}``: a conflict check reads the one guest.
    reads_one_guest = True

    def __init__(
        self,
        http: httpx.AsyncClient,
        *,
        event_id: str,
        page_size: int = DEFAULT_PAGE_SIZE,
        paging: AttenduPaging = DEFAULT_PAGING,
        codes: AttenduCodes = ASSUMED_CODES,
        concurrency: int = PAGE_CONCURRENCY,
    ) -> None:
        if page_size < 1:
            raise ValueError("page_size must be at least 1")
        self._transport = HttpTransport(http, platform=DISPLAY_NAME)
        self._event_id = event_id
        self._page_size = page_size
        self._paging = paging
        self._codes = codes
        self._capabilities = attendu_capabilities()
        # A generous allowance per guest: a page far beyond it is junk, not guests.
        self._page_max_bytes = max(SINGLE_MAX_BYTES, page_size * GUEST_MAX_BYTES)
        self._event: AttenduEvent | None = None
        self._concurrency = concurrency
        self._pages: dict[int, PageMemo] = {}  # the last load's pages, by offset
        self.progress: RosterProgress | None = None

    @property
    def capabilities(self) -> Capabilities:
        return self._capabilities

    @property
    def event_id(self) -> str:
        return self._event_id

    @property
    def codes(self) -> AttenduCodes:
        return self._codes

    @property
    def rate_limit(self) -> RateLimit | None:
        return self._transport.rate_limit

    async def _events(self) -> list[AttenduEvent]:
        reply = await self._transport.request(
            "GET", "/v1/events", max_bytes=PAGE_MAX_BYTES, what="event list"
        )
        return parse_attendu_events(reply.data)

    async def _load_event(self) -> AttenduEvent:
        # The one event by id: the list is unpaged and may not hold every event.
        try:
            reply = await self._transport.request(
                "GET", f"/v1/events/{_segment(self._event_id)}", what="event"
            )
        except NotFound:
            raise NotFound(
                f"{DISPLAY_NAME} has no event '{self._event_id}' that this API key can see. "
                "Check the event in the settings."
            ) from None
        self._event = parse_attendu_event(reply.data)
        return self._event

    async def _known_event(self) -> AttenduEvent:
        return self._event or await self._load_event()

    async def list_events(self) -> list[Event]:
        return [found.event for found in await self._events()]

    async def get_event(self) -> Event:
        return (await self._load_event()).event

    async def load_roster(self, known: Mapping[str, Guest] = NO_GUESTS) -> Roster:
        """The guest list: the first page, then the rest a few at a time. A refresh asks
        each page with its last validators, and when every page is unchanged the roster
        says so (nothing parsed, nothing to merge)."""
        event = await self._load_event()
        reader = GuestListReader(self._paging, known)

        async def fetch(offset: int, unless: Validators | None) -> Reply:
            start = offset
            if self._paging.counts_pages:  # in pages of what the first page held
                start = offset // (load.step or self._page_size) + 1
            return await self._transport.request(
                "GET",
                "/v1/guests",
                params={
                    "event": self._event_id,
                    self._paging.offset_param: start,
                    self._paging.limit_param: self._page_size,
                },
                max_bytes=self._page_max_bytes,
                what=f"event '{self._event_id}'",
                unless=unless,
            )

        load = PagedLoad(
            reader,
            fetch,
            lambda data: parse_guest_page(data, self._codes, event),
            known=known,
            memos=self._pages if known else {},
            max_pages=self._paging.max_pages,
            concurrency=self._concurrency,
            progress=self.progress,
        )
        try:
            whole = await load.run()
        except ChangeRejected as refused:
            if load.step is not None or self._page_size <= SAFE_PAGE_SIZE:
                raise
            return await self._smaller_pages(known, refused)
        if not whole:
            reader.gave_up()
        self._pages = load.new_memos
        roster = reader.roster(event.event)
        if roster.problem:
            log.warning("Attendu roster of %s: %s", self._event_id, roster.problem)
        if load.unchanged and known:
            return dataclasses.replace(roster, unchanged=True)
        return roster

    async def _smaller_pages(self, known: Mapping[str, Guest], refused: PlatformError) -> Roster:
        """The first page was refused: a workspace that takes smaller pages than asked?
        Ask pages of ``SAFE_PAGE_SIZE`` from now on; the first refusal stands when those
        are refused too (then the size was not the cause)."""
        asked, self._page_size = self._page_size, SAFE_PAGE_SIZE
        try:
            roster = await self.load_roster(known)
        except ChangeRejected:
            self._page_size = asked
            raise refused from None
        log.warning(
            "%s refused pages of %d guests (%s) and gave pages of %d: set [attendu] "
            "page_size = %d in the profile to ask that from the start",
            DISPLAY_NAME, asked, refused, SAFE_PAGE_SIZE, SAFE_PAGE_SIZE,
        )  # fmt: skip
        return roster

    async def get_guest(self, guest: Guest) -> Guest:
        event = await self._known_event()
        reply = await self._transport.request(
            "GET",
            f"/v1/guests/{_segment(guest.platform_ref)}",
            params={"event": self._event_id},
            what=f"guest '{guest.name or guest.platform_ref}' in this event",
        )
        return keep_local_no_show(parse_attendu_guest(reply.data, self._codes, event), guest)

    async def set_status(self, guest: Guest, status: Status) -> Guest:
        """Write ``status`` as ``WRITES`` says. Raises ChangeRejected for invited."""
        plan = WRITES[status]
        if plan.refused:
            raise ChangeRejected(plan.refused)
        event = await self._known_event()
        answer: Guest | None = None
        attended = guest.status is Status.ATTENDED
        if plan.undo_check_in and attended:
            answer = await self._send(
                event,
                "DELETE",
                f"/v1/guests/{_segment(guest.platform_ref)}/check-in",
                body={"eventId": self._event_id},
                guest=guest,
            )
        if plan.confirmation is not None:
            answer = await self._send(
                event,
                "PATCH",
                f"/v1/guests/{_segment(guest.platform_ref)}",
                body={"status": self._confirmation(plan.confirmation, guest)},
                params={"event": self._event_id},
                guest=guest,
            )
        if plan.check_in and not attended:
            # Only from a guest we know is not in yet: a check-in adds to a counter.
            answer = await self._send(
                event,
                "POST",
                f"/v1/guests/{_segment(guest.platform_ref)}/check-in",
                body={
                    "eventId": self._event_id,
                    "incrementBy": max(1, guest.party_size),
                    "method": self._codes.check_in_method,
                },
                guest=guest,
            )
        result = answer or guest
        if plan.derived:  # Attendu holds no no-show: this desk keeps it (keep_local_no_show)
            return result._replace(status=Status.NO_SHOW, status_label=LOCAL_NO_SHOW_LABEL)
        return result

    def _confirmation(self, kind: Literal["party", "declined"], guest: Guest) -> dict[str, object]:
        if kind == "declined":
            return {
                "confirmation": self._codes.declined,
                "declineMessage": self._codes.decline_message,
            }
        # A decline message left in place would still read as declined: clear it.
        return {
            "confirmation": max(self._codes.min_confirmed, guest.party_size),
            "declineMessage": "",
        }

    async def _send(
        self,
        event: AttenduEvent,
        method: str,
        path: str,
        *,
        body: Mapping[str, object],
        guest: Guest,
        params: Mapping[str, str] | None = None,
    ) -> Guest:
        reply = await self._transport.request(
            method,
            path,
            params=params,
            json_body=dict(body),
            what=f"guest '{guest.name or guest.platform_ref}' in this event",
        )
        return parse_attendu_guest(reply.data, self._codes, event)

    async def set_people_in(self, guest: Guest, count: int) -> Guest:
        """Make ``count`` of the guest's party checked in. The counter is read first,
        then only the difference is added: a check-in adds to it, so a count taken from
        an older view (another desk, a lost answer) would be added twice. Fewer than now
        means the check-in is taken back and the new count made again."""
        event = await self._known_event()
        ref = _segment(guest.platform_ref)
        current = await self.get_guest(guest)
        now_in = people_in(current)
        if count < now_in:
            current = await self._send(
                event, "DELETE", f"/v1/guests/{ref}/check-in",
                body={"eventId": self._event_id}, guest=guest,
            )  # fmt: skip
            now_in = 0
        if count > now_in:
            current = await self._send(
                event,
                "POST",
                f"/v1/guests/{ref}/check-in",
                body={
                    "eventId": self._event_id,
                    "incrementBy": count - now_in,
                    "method": self._codes.check_in_method,
                },
                guest=guest,
            )
        return current

    async def create_walk_in(
        self,
        first_name: str,
        last_name: str,
        email: str,
        *,
        party: int = 1,
        lang: str = "",
        ticket_type: str = "",
        properties: Mapping[str, str] | None = None,
    ) -> Guest:
        """Add a guest who arrived without an invitation (``POST /v1/guests``) and return
        them as Attendu now has them, confirmed for ``party`` people so the check-in
        that follows counts them all. ``properties`` are further custom properties by
        id. Attendu's guests need a first and last name only: without an email address
        the field is left out rather than sent empty."""
        event = await self._known_event()
        props: dict[str, str] = {**(properties or {})}
        props.update(firstName=first_name.strip(), lastName=last_name.strip())
        if email.strip():
            props["email"] = email.strip()
        if lang:
            props["lang"] = lang
        if ticket_type:
            props["ticketType"] = ticket_type
        body: dict[str, object] = {"event": self._event_id, "properties": props}
        body["status"] = {"confirmation": max(self._codes.min_confirmed, party)}
        reply = await self._transport.request(
            "POST", "/v1/guests", json_body=body, what=f"event '{self._event_id}'"
        )
        return parse_attendu_guest(reply.data, self._codes, event)
