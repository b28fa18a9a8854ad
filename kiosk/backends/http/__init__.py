"""The HTTP transport the platform clients share, its size caps and header reading."""

from kiosk.backends.http.errors import PlatformErrors
from kiosk.backends.http.headers import RateLimit, http_date, read_rate_limit, retry_after
from kiosk.backends.http.limits import (
    ERROR_BODY_MAX_BYTES,
    FEED_SLICE_BYTES,
    KIB,
    MESSAGE_MAX_CHARS,
    MIB,
    PAGE_MAX_BYTES,
    ROSTER_MAX_BYTES,
    SINGLE_MAX_BYTES,
)
from kiosk.backends.http.transport import HttpTransport, QueryParams, Reply

__all__ = [
    "ERROR_BODY_MAX_BYTES",
    "FEED_SLICE_BYTES",
    "KIB",
    "MESSAGE_MAX_CHARS",
    "MIB",
    "PAGE_MAX_BYTES",
    "ROSTER_MAX_BYTES",
    "SINGLE_MAX_BYTES",
    "HttpTransport",
    "PlatformErrors",
    "QueryParams",
    "RateLimit",
    "Reply",
    "http_date",
    "read_rate_limit",
    "retry_after",
]
