"""Attendu guests API v1 client: events, the paged guest list, status writes, walk-ins."""

from __future__ import annotations

import dataclasses
import logging
import ssl
import urllib.parse
from collections.abc import Mapping
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Literal

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
    KIB,
    PAGE_MAX_BYTES,
    SINGLE_MAX_BYTES,
    HttpTransport,
    RateLimit,
)
from kiosk.backends.shapes import JsonObject, WrongShape
from kiosk.domain import ChangeRejected, Event, Guest, MalformedAnswer, NotFound, Status

log = logging.getLogger(__name__)

PLATFORM = "attendu"
DISPLAY_NAME = "Attendu"

#: Room for one guest in a page of the guest list (a real one is 1-3 KiB).
GUEST_MAX_BYTES = 32 * KIB


@dataclasses.dataclass(frozen=True, slots=True)
class AttenduCodes:
    """ASSUMPTIONS about Attendu's integers, kept in one overridable table.

    Attendu publishes what ``status.confirmation`` and ``status.attendance`` count only
    through examples ("Confirmed (+1)" is 2; ``attendance`` counts people checked in).
    The values below are NOT published; they are Kiosk's reading of the examples:

    - ``no_answer`` (0): the guest has not answered yet, Kiosk's "invited";
    - ``declined`` (-1): the guest declined;
    - ``min_confirmed`` (1): this many or more is the number of confirmed people;
    - ``decline_message``: what Kiosk writes as ``declineMessage`` when the desk
      records a decline (Attendu shows it; any set message reads as declined);
    - ``check_in_method``: the ``method`` of a check-in made from the desk.

    Pass another ``AttenduCodes`` to ``AttenduBackend`` when a workspace proves otherwise.
    """

    no_answer: int = 0
    declined: int = -1
    min_confirmed: int = 1
    decline_message: str = "Declined at the check-in desk"
    check_in_method: str = "manual"


#: Kiosk's assumptions about Attendu's integers (see ``AttenduCodes``).
ASSUMED_CODES = AttenduCodes()


@dataclasses.dataclass(frozen=True, slots=True)
class AttenduPaging:
    """How the guest list is paged. Attendu does not publish the parameter names, so
    they are settings; the project's sandbox uses ``skip``/``limit``. ``max_pages``
    stops a server that never ends (each page must also bring new guests)."""

    offset_param: str = "skip"
    limit_param: str = "limit"
    max_pages: int = 5000


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


# --------------------------------------------------------------------------- parsing

#: Guest properties Kiosk shows in its own fields; every other key is a custom property.
_STANDARD_PROPERTIES = frozenset({"firstName", "lastName", "email", "lang", "ticketType"})

#: Custom property names (any language, any case) read as the ticket code and the desk
#: notes: Attendu has no standard field for either.
TICKET_PROPERTY_NAMES = frozenset({"ticket code", "ticket", "ticket number", "ticket id"})
NOTES_PROPERTY_NAMES = frozenset({"notes", "note", "desk notes"})

_NO_EXTRAS: Mapping[str, str] = MappingProxyType({})

#: Shown as the label of a no-show, which Attendu cannot store: Kiosk works it out.
DERIVED_NO_SHOW_LABEL = "No-show (worked out by Kiosk: Attendu has no no-show state)"


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
        raise _malformed(exc) from None


def parse_attendu_events(obj: object) -> list[AttenduEvent]:
    """``GET /v1/events``: ``{results: [Event]}``. An unreadable event is left out and
    logged, so the picker still offers the others."""
    try:
        root = shapes.as_object(obj, "the event list")
        rows = shapes.optional_list(root, "results", "the event list") or []
    except WrongShape as exc:
        raise _malformed(exc) from None
    events: list[AttenduEvent] = []
    for index, row in enumerate(rows):
        try:
            events.append(_attendu_event(row, f"event {index + 1}"))
        except WrongShape as exc:
            log.warning("Attendu event list: skipped a row: %s", exc)
    return events


def read_status(
    confirmation: int,
    attendance: int,
    decline_message: str,
    codes: AttenduCodes,
    *,
    event_ended: bool,
) -> Status:
    """Kiosk's status from Attendu's integers (contracts §3, "Attendu, read")."""
    if attendance >= 1:
        return Status.ATTENDED
    if decline_message.strip() or confirmation == codes.declined:
        return Status.DECLINED
    if confirmation >= codes.min_confirmed:
        return Status.NO_SHOW if event_ended else Status.ACCEPTED
    return Status.INVITED


def _custom_value(prop_id: str, value: object, event: AttenduEvent) -> str | None:
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


def _guest(obj_value: object, codes: AttenduCodes, event: AttenduEvent, now: datetime) -> Guest:
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
        if prop_id in _STANDARD_PROPERTIES or prop_id in own_fields:
            continue
        if value is None or value == "" or value == []:
            continue
        label = event.property_labels.get(prop_id, prop_id)
        shown = shapes.scalar_text(shown_by_label.get(label)) or _custom_value(
            prop_id, value, event
        )
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
        return _guest(obj, codes, event, now or datetime.now(UTC))
    except WrongShape as exc:
        raise _malformed(exc) from None


@dataclasses.dataclass(frozen=True, slots=True)
class GuestPage:
    """One page of ``GET /v1/guests``: the readable guests, the ids of every row (read
    or not) for paging progress, why rows were left out, and the total announced."""

    guests: tuple[Guest, ...]
    row_ids: tuple[str, ...]
    rows: int
    skipped: tuple[str, ...]
    total: int | None


def parse_guest_page(
    obj: object, codes: AttenduCodes, event: AttenduEvent, *, now: datetime | None = None
) -> GuestPage:
    """``{results: [Guest], total}``. A row that cannot be read is left out and named in
    ``skipped``; raises MalformedAnswer when the page as a whole is unreadable."""
    moment = now or datetime.now(UTC)
    try:
        root = shapes.as_object(obj, "the guest list")
        rows = shapes.as_list(root.get("results"), "the guest list: 'results'")
        total = root.get("total")
        if total is not None:
            total = shapes.integer(root, "total", "the guest list")
    except WrongShape as exc:
        raise _malformed(exc) from None
    guests: list[Guest] = []
    row_ids: list[str] = []
    skipped: list[str] = []
    for row in rows:
        if isinstance(row, dict) and isinstance(row.get("_id"), str):
            row_ids.append(row["_id"])
        try:
            guests.append(_guest(row, codes, event, moment))
        except WrongShape as exc:
            skipped.append(str(exc))
    return GuestPage(tuple(guests), tuple(row_ids), len(rows), tuple(skipped), total)


def _segment(value: str) -> str:
    """One path segment: an id from the wire must not be able to change the path."""
    return urllib.parse.quote(value, safe="")


def _malformed(exc: WrongShape) -> MalformedAnswer:
    return MalformedAnswer(f"{DISPLAY_NAME} sent data Kiosk cannot read: {exc}.")


# --------------------------------------------------------------------------- writing


@dataclasses.dataclass(frozen=True, slots=True)
class AttenduWrite:
    """How one Kiosk status is written to Attendu (contracts §3, "Attendu, write").

    ``undo_check_in``: DELETE the check-in first when the guest is attended.
    ``confirmation``: PATCH ``status.confirmation`` to the party size or the declined code.
    ``check_in``: POST a check-in for the party (never when already attended).
    ``derived``: Attendu keeps no such state; the answer is Kiosk's own conclusion.
    ``refused``: not writable; the reason shown to desk staff.
    """

    undo_check_in: bool = False
    confirmation: Literal["party", "declined"] | None = None
    check_in: bool = False
    derived: bool = False
    refused: str = ""


INVITED_REASON = (
    "Attendu offers no way to set a guest back to invited (no answer yet), so Kiosk "
    "cannot make this change there."
)

#: The one table of Attendu writes.
WRITES: Mapping[Status, AttenduWrite] = MappingProxyType(
    {
        Status.INVITED: AttenduWrite(refused=INVITED_REASON),
        Status.ACCEPTED: AttenduWrite(undo_check_in=True, confirmation="party"),
        Status.DECLINED: AttenduWrite(undo_check_in=True, confirmation="declined"),
        Status.ATTENDED: AttenduWrite(check_in=True),
        Status.NO_SHOW: AttenduWrite(undo_check_in=True, derived=True),
    }
)


def attendu_capabilities() -> Capabilities:
    """What Kiosk can write to Attendu, read off ``WRITES``. A check-in adds to a
    counter, so it is the one write that is not safe to repeat blindly."""
    return Capabilities(
        platform=PLATFORM,
        display_name=DISPLAY_NAME,
        writable=frozenset(s for s, w in WRITES.items() if not w.refused),
        reasons=MappingProxyType({s: w.refused for s, w in WRITES.items() if w.refused}),
        idempotent=frozenset(s for s, w in WRITES.items() if not w.refused and not w.check_in),
        walk_ins=True,
    )


# --------------------------------------------------------------------------- the backend


class AttenduBackend:
    """Attendu guests API v1, bound to one event.

    ``paging`` names the (unpublished) page parameters; ``codes`` holds the assumed
    meaning of Attendu's integers. Also offers ``create_walk_in``.
    """

    def __init__(
        self,
        http: httpx.AsyncClient,
        *,
        event_id: str,
        page_size: int = 100,
        paging: AttenduPaging = AttenduPaging(),  # frozen, so safe to share
        codes: AttenduCodes = ASSUMED_CODES,
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
        # No single-event read is published: find it in the list.
        for found in await self._events():
            if found.event.id == self._event_id:
                self._event = found
                return found
        raise NotFound(
            f"{DISPLAY_NAME} has no event '{self._event_id}' that this API key can see. "
            "Check the event in the settings."
        )

    async def _known_event(self) -> AttenduEvent:
        return self._event or await self._load_event()

    async def list_events(self) -> list[Event]:
        return [found.event for found in await self._events()]

    async def get_event(self) -> Event:
        return (await self._load_event()).event

    async def load_roster(self, known: Mapping[str, Guest] = NO_GUESTS) -> Roster:
        event = await self._load_event()
        guests: dict[str, Guest] = {}
        seen: set[str] = set()
        skipped: list[str] = []
        offset = 0
        total: int | None = None
        problem: str | None = None
        for _ in range(self._paging.max_pages):
            reply = await self._transport.request(
                "GET",
                "/v1/guests",
                params={
                    "event": self._event_id,
                    self._paging.offset_param: offset,
                    self._paging.limit_param: self._page_size,
                },
                max_bytes=self._page_max_bytes,
                what=f"event '{self._event_id}'",
            )
            page = parse_guest_page(reply.data, self._codes, event)
            total = page.total if page.total is not None else total
            new_ids = set(page.row_ids) - seen
            seen |= new_ids
            skipped += page.skipped
            for guest in page.guests:
                same = known.get(guest.id)  # the last load's guest, when it reads the same
                guests[guest.id] = same if same == guest else guest
            # Advance by what arrived: a server may cap the page below what we asked.
            offset += page.rows
            if page.rows == 0 or (total is not None and offset >= total):
                break
            if not new_ids:
                problem = (
                    f"{DISPLAY_NAME} kept sending the same guests (it may not understand the "
                    f"page settings '{self._paging.offset_param}'/'{self._paging.limit_param}'); "
                    f"{len(guests)} of {total if total is not None else 'an unknown number of'} "
                    "guests were loaded."
                )
                break
        else:
            problem = f"Kiosk stopped after {self._paging.max_pages} pages of guests."
        if problem is None and skipped:
            count = len(skipped)
            problem = (
                f"{count} guest{'s' if count != 1 else ''} could not be read and "
                f"{'are' if count != 1 else 'is'} missing: {skipped[0]}."
            )
        if problem is None and total is not None and len(seen) < total:
            problem = (
                f"{DISPLAY_NAME} announced {total} guests but sent {len(seen)}; the list "
                "may have changed while loading. Reload to be sure."
            )
        if problem:
            log.warning("Attendu roster of %s: %s", self._event_id, problem)
        return Roster(
            event=event.event,
            guests=tuple(guests.values()),
            complete=problem is None,
            problem=problem,
        )

    async def get_guest(self, guest: Guest) -> Guest:
        event = await self._known_event()
        reply = await self._transport.request(
            "GET",
            f"/v1/guests/{_segment(guest.platform_ref)}",
            params={"event": self._event_id},
            what=f"guest '{guest.name or guest.platform_ref}' in this event",
        )
        return parse_attendu_guest(reply.data, self._codes, event)

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
        if plan.derived:
            return result._replace(status=Status.NO_SHOW, status_label=DERIVED_NO_SHOW_LABEL)
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

    async def create_walk_in(
        self,
        first_name: str,
        last_name: str,
        email: str,
        *,
        lang: str = "",
        ticket_type: str = "",
        properties: Mapping[str, str] | None = None,
    ) -> Guest:
        """Add a guest who arrived without an invitation (``POST /v1/guests``) and return
        them as Attendu now has them. ``properties`` are further custom properties by id."""
        event = await self._known_event()
        props: dict[str, str] = {**(properties or {})}
        props.update(firstName=first_name.strip(), lastName=last_name.strip(), email=email.strip())
        if lang:
            props["lang"] = lang
        if ticket_type:
            props["ticketType"] = ticket_type
        reply = await self._transport.request(
            "POST",
            "/v1/guests",
            json_body={"event": self._event_id, "properties": props},
            what=f"event '{self._event_id}'",
        )
        return parse_attendu_guest(reply.data, self._codes, event)
