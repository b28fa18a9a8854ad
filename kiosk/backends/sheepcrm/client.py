"""sheepCRM "Events v2" client: events, the attendance roster and status writes."""

from __future__ import annotations

import dataclasses
import logging
import ssl
import urllib.parse
from collections.abc import Mapping
from datetime import UTC, datetime

import httpx

from kiosk.backends import shapes
from kiosk.backends.base import (
    DEFAULT_TIMEOUT,
    NO_GUESTS,
    Capabilities,
    Roster,
    make_http_client,
)
from kiosk.backends.http import (
    PAGE_MAX_BYTES,
    ROSTER_MAX_BYTES,
    HttpTransport,
    RateLimit,
)
from kiosk.backends.http.transport import Reply, Validators
from kiosk.backends.sheepcrm.key_check import KeyCheck
from kiosk.backends.sheepcrm.reader import AttendanceReader, SeenMarks
from kiosk.backends.sheepcrm.wire import (
    DISPLAY_NAME,
    PLATFORM,
    Attendance,
    parse_event,
    parse_events,
    parse_updated_attendance,
    split_name,
)
from kiosk.domain import ChangeRejected, Event, Guest, MalformedAnswer, NotFound, Status
from kiosk.runtime import run_sliced

log = logging.getLogger(__name__)

#: The page size the API documents as its default and we ask for explicitly.
EVENTS_PAGE_SIZE = 250
#: Events are "the last 14 and next 90 days": 40 pages of 250 is far beyond any customer.
EVENTS_MAX_PAGES = 40

#: sheepCRM answers 404 for a bad key as well as for a missing record.
NOT_FOUND_HINT = (
    "sheepCRM also answers this way when the API key or the bucket name is wrong: "
    "check both in the settings."
)


def sheepcrm_http_client(
    base_url: str,
    api_key: str,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    timeout: httpx.Timeout | None = None,
    ssl_context: ssl.SSLContext | None = None,
) -> httpx.AsyncClient:
    """The ``httpx.AsyncClient`` for sheepCRM: ``Authorization: Bearer <key>`` on every call.

    ``base_url`` is the API root (``https://sls-api.sheepcrm.com``)."""
    return make_http_client(
        base_url,
        headers={"Authorization": f"Bearer {api_key}"},
        timeout=timeout or DEFAULT_TIMEOUT,
        transport=transport,
        ssl_context=ssl_context,
    )


@dataclasses.dataclass(frozen=True, slots=True)
class _LastRead:
    """What the last full read of the attendance said beside its guests: asked again
    with its validators, a 304 means the same roster without a byte of it."""

    validators: Validators
    event: Event
    complete: bool
    problem: str | None


def _segment(value: str) -> str:
    """One path segment: a setting must not be able to change the path."""
    return urllib.parse.quote(value, safe="")


class SheepCrmBackend:
    """sheepCRM Events v2, bound to one event (booking) in one bucket.

    All five statuses are written with one idempotent PUT. ``rate_limit`` is the last
    ``x-rate-limit-*`` reading, for the outbox sender. ``roster_max_bytes`` caps the
    attendance answer (the API documents no paging, so it comes in one piece). A refresh
    sends the last answer's validators: unchanged, the list costs a 304 and no parse.
    """

    #: sheepCRM has no read of one attendee (see ``get_guest``): a conflict check does
    #: not ask it, it checks the answer to the write instead.
    reads_one_guest = False

    def __init__(
        self,
        http: httpx.AsyncClient,
        *,
        bucket: str,
        event_uid: str,
        roster_max_bytes: int = ROSTER_MAX_BYTES,
        time_zone: str = "",
    ) -> None:
        self._transport = HttpTransport(http, platform=DISPLAY_NAME, not_found_hint=NOT_FOUND_HINT)
        self._key_check = KeyCheck(self._transport, f"/events/v2/{_segment(bucket)}", bucket)
        self._bucket = bucket
        self._event_uid = event_uid
        # sheepCRM's times carry no offset: read in the event's zone, as the profile
        # names it ([sheepcrm] time_zone), else this computer's.
        self._zone = shapes.zone(time_zone) if time_zone else shapes.local_zone()
        self._roster_max_bytes = roster_max_bytes
        self._marks = SeenMarks()
        self._last: _LastRead | None = None
        self._capabilities = Capabilities(
            platform=PLATFORM,
            display_name=DISPLAY_NAME,
            writable=frozenset(Status),
            idempotent=frozenset(Status),
            walk_ins=False,
        )

    @property
    def capabilities(self) -> Capabilities:
        return self._capabilities

    @property
    def event_id(self) -> str:
        return self._event_uid

    @property
    def rate_limit(self) -> RateLimit | None:
        return self._transport.rate_limit

    @property
    def _base(self) -> str:
        return f"/events/v2/{_segment(self._bucket)}"

    @property
    def _attendance_path(self) -> str:
        return f"{self._base}/booking/{_segment(self._event_uid)}/attendance"

    async def list_events(self) -> list[Event]:
        events: dict[str, Event] = {}
        for page in range(1, EVENTS_MAX_PAGES + 1):
            reply = await self._transport.request(
                "GET",
                self._base,
                params={"page": page, "page_size": EVENTS_PAGE_SIZE},
                max_bytes=PAGE_MAX_BYTES,
                what=f"bucket '{self._bucket}'",
            )
            batch = parse_events(reply.data, self._zone)
            before = len(events)
            for event in batch:
                events.setdefault(event.id, event)
            # No total is given: a short page is the last; a page with nothing new means
            # the server ignores paging, and asking again would loop.
            if len(batch) < EVENTS_PAGE_SIZE or len(events) == before:
                break
        else:
            log.warning("sheepCRM event list: stopped after %d pages", EVENTS_MAX_PAGES)
        return list(events.values())

    async def get_event(self) -> Event:
        try:
            reply = await self._transport.request(
                "GET",
                f"{self._base}/booking/{_segment(self._event_uid)}",
                what=f"event '{self._event_uid}' in bucket '{self._bucket}'",
            )
        except NotFound as exc:
            raise await self._key_check.explain(exc) from exc
        return parse_event(reply.data, self._zone)

    async def _attendance(
        self, known: Mapping[str, Guest] = NO_GUESTS, unless: Validators | None = None
    ) -> tuple[Attendance | None, Reply]:
        """The attendance as read now, or None with a 304 when ``unless`` still holds."""
        # Rows are read as they arrive; the answer is never held whole (40-60 MB).
        # One reading at a time keeps the uid table (another, at once, gets its own).
        marks, self._marks = self._marks, SeenMarks()
        try:
            return await self._read_attendance(known, marks, unless)
        finally:
            self._marks = marks

    async def _read_attendance(
        self, known: Mapping[str, Guest], marks: SeenMarks, unless: Validators | None
    ) -> tuple[Attendance | None, Reply]:
        reader = AttendanceReader(known, marks, self._zone)
        try:
            reply = await self._transport.request_items(
                "GET",
                self._attendance_path,
                itemised="sessions",
                on_item=reader.add_row,
                max_bytes=self._roster_max_bytes,
                what=f"event '{self._event_uid}' in bucket '{self._bucket}'",
                unless=unless,
            )
        except NotFound as exc:
            raise await self._key_check.explain(exc) from exc
        if reply.not_modified:
            return None, reply
        # Completing hosts and plus-ones looks at every guest once: give the loop a turn
        # between batches.
        return await run_sliced(reader.finishing(reply.data)), reply

    async def load_roster(self, known: Mapping[str, Guest] = NO_GUESTS) -> Roster:
        # Only a refresh asks "changed?": a first load has no guests to keep.
        last = self._last if known else None
        attendance, reply = await self._attendance(known, last.validators if last else None)
        if attendance is None and last is not None:
            return Roster(
                event=last.event,
                guests=tuple(known.values()),
                complete=last.complete,
                problem=last.problem,
                unchanged=True,
            )
        if attendance is None:  # a 304 never asked for: the platform misspoke
            raise MalformedAnswer(f"{DISPLAY_NAME} answered 'not modified' to a plain read.")
        # The attendance answer normally carries its event; ask for it only if not.
        event = attendance.event or await self.get_event()
        for problem in attendance.problems:
            log.warning("sheepCRM roster of %s: %s", self._event_uid, problem)
        # Unknown statuses leave every guest present: only skipped rows make it incomplete.
        roster = Roster(
            event=event,
            guests=attendance.guests,
            complete=attendance.complete,
            problem=" ".join(attendance.problems) or None,
        )
        validators = reply.validators
        self._last = (
            _LastRead(validators, event, roster.complete, roster.problem) if validators else None
        )
        return roster

    async def get_guest(self, guest: Guest) -> Guest:
        """Re-read one guest: a tool for tests and set-up checks, never a service path.
        The API has no single-attendee read, so this reads the whole attendance list;
        Kiosk's services never do that for one guest (``reads_one_guest`` is False): the
        sender has no need, every PUT being idempotent, and a conflict check looks at the
        answer to the write instead."""
        attendance, _ = await self._attendance()
        if attendance is None:
            raise MalformedAnswer(f"{DISPLAY_NAME} answered 'not modified' to a plain read.")
        for found in attendance.guests:
            if found.id == guest.id:
                return found
        # A session may have been re-created (new uid) for the same person.
        for found in attendance.guests:
            if guest.platform_ref and found.platform_ref == guest.platform_ref:
                return found
        raise NotFound(f"{DISPLAY_NAME} no longer lists {guest.name or guest.id} for this event.")

    async def set_status(self, guest: Guest, status: Status) -> Guest:
        if not guest.platform_ref:
            raise ChangeRejected(
                f"{guest.name or 'This guest'} has no person record in {DISPLAY_NAME}, "
                "so their status cannot be set from Kiosk."
            )
        try:
            reply = await self._transport.request(
                "PUT",
                self._attendance_path,
                params={"person_uri": guest.platform_ref, "status": status.wire},
                what=f"event '{self._event_uid}' or person '{guest.platform_ref}'",
            )
        except NotFound as exc:  # a removed guest, or a key sheepCRM does not accept
            raise await self._key_check.explain(exc) from exc
        update = parse_updated_attendance(reply.data, guest.platform_ref)
        if update.status is not status:
            # The answer is the only check a write gets here (no read of one attendee):
            # a platform that kept another status must not pass for a delivered change.
            raise ChangeRejected(
                f"{DISPLAY_NAME} answered '{update.status.wire}' to '{status.wire}' for "
                f"{guest.name or guest.platform_ref}: the change did not take."
            )
        # The answer carries no change time: the platform's own clock (Date) is closest.
        changed_at = reply.date or datetime.now(UTC)
        first, last = (
            split_name(update.name) if update.name else (guest.first_name, guest.last_name)
        )
        return guest._replace(
            status=update.status,
            status_label="",
            changed_at=changed_at,
            first_name=first,
            last_name=last,
            email=update.email or guest.email,
        )
