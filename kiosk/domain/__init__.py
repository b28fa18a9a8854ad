"""The domain: the five statuses, guests, status changes and the error tree. Pure Python."""

from kiosk.domain.errors import (
    AuthRejected,
    ChangeRejected,
    KioskError,
    MalformedAnswer,
    NotFound,
    PlatformError,
    PlatformUnavailable,
    RateLimited,
)
from kiosk.domain.model import (
    GUEST_FIELDS,
    Event,
    Guest,
    StatusChange,
    expect_guest_fields,
    guest_from_row,
)
from kiosk.domain.read_only import READ_ONLY, write_refusal
from kiosk.domain.status import Status

__all__ = [
    "GUEST_FIELDS",
    "READ_ONLY",
    "AuthRejected",
    "ChangeRejected",
    "Event",
    "Guest",
    "KioskError",
    "MalformedAnswer",
    "NotFound",
    "PlatformError",
    "PlatformUnavailable",
    "RateLimited",
    "Status",
    "StatusChange",
    "expect_guest_fields",
    "guest_from_row",
    "write_refusal",
]
