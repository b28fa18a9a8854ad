"""The Attendu client: ``statuses``, ``wire``, ``rows`` (guest pages), ``reader`` (the guest
list), ``client``."""

from kiosk.backends.attendu.client import GUEST_MAX_BYTES, AttenduBackend, attendu_http_client
from kiosk.backends.attendu.reader import DEFAULT_PAGING, AttenduPaging, GuestListReader
from kiosk.backends.attendu.rows import GuestRows, parse_guest_page
from kiosk.backends.attendu.statuses import (
    ASSUMED_CODES,
    DERIVED_NO_SHOW_LABEL,
    DISPLAY_NAME,
    INVITED_REASON,
    LOCAL_NO_SHOW_LABEL,
    LOCAL_NO_SHOW_NOTE,
    PLATFORM,
    WRITES,
    AttenduCodes,
    AttenduWrite,
    attendu_capabilities,
    attendu_codes,
    keep_local_no_show,
    read_status,
)
from kiosk.backends.attendu.wire import (
    NOTES_PROPERTY_NAMES,
    TICKET_PROPERTY_NAMES,
    AttenduEvent,
    GuestPage,
    parse_attendu_event,
    parse_attendu_events,
    parse_attendu_guest,
)

__all__ = [
    "ASSUMED_CODES",
    "DEFAULT_PAGING",
    "DERIVED_NO_SHOW_LABEL",
    "DISPLAY_NAME",
    "GUEST_MAX_BYTES",
    "INVITED_REASON",
    "LOCAL_NO_SHOW_LABEL",
    "LOCAL_NO_SHOW_NOTE",
    "NOTES_PROPERTY_NAMES",
    "PLATFORM",
    "TICKET_PROPERTY_NAMES",
    "WRITES",
    "AttenduBackend",
    "AttenduCodes",
    "AttenduEvent",
    "AttenduPaging",
    "AttenduWrite",
    "GuestListReader",
    "GuestPage",
    "GuestRows",
    "attendu_capabilities",
    "attendu_codes",
    "attendu_http_client",
    "keep_local_no_show",
    "parse_attendu_event",
    "parse_attendu_events",
    "parse_attendu_guest",
    "parse_guest_page",
    "read_status",
]
