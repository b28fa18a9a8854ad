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
from kiosk.domain.model import Event, Guest, StatusChange
from kiosk.domain.status import Status

__all__ = [
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
]
