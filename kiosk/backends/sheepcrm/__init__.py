"""The sheepCRM client: ``wire`` (its JSON), ``reader`` (the roster), ``client`` (Backend)."""

from kiosk.backends.sheepcrm.client import (
    EVENTS_MAX_PAGES,
    EVENTS_PAGE_SIZE,
    NOT_FOUND_HINT,
    SheepCrmBackend,
    sheepcrm_http_client,
)
from kiosk.backends.sheepcrm.reader import (
    AttendanceReader,
    SeenMarks,
    parse_attendance,
    parse_sessions,
)
from kiosk.backends.sheepcrm.wire import (
    DISPLAY_NAME,
    PLATFORM,
    UNKNOWN_STATUS_SHOWN_AS,
    Attendance,
    AttendanceUpdate,
    parse_event,
    parse_events,
    parse_reference,
    parse_status,
    parse_updated_attendance,
    split_name,
)

__all__ = [
    "DISPLAY_NAME",
    "EVENTS_MAX_PAGES",
    "EVENTS_PAGE_SIZE",
    "NOT_FOUND_HINT",
    "PLATFORM",
    "UNKNOWN_STATUS_SHOWN_AS",
    "Attendance",
    "AttendanceReader",
    "AttendanceUpdate",
    "SeenMarks",
    "SheepCrmBackend",
    "parse_attendance",
    "parse_event",
    "parse_events",
    "parse_reference",
    "parse_sessions",
    "parse_status",
    "parse_updated_attendance",
    "sheepcrm_http_client",
    "split_name",
]
