"""Attendu's guests API v1 as the sandbox plays it: x-api-key auth, strict bodies, paging.

The routes are in ``platform``, the guests and their changes in ``guests``, their JSON in
``shapes``, and what a request may say in ``rules``.
"""

from kiosk.sandbox.attendu.platform import AttenduPlatform
from kiosk.sandbox.attendu.rules import (
    ATTENDU_CONFIRMATION,
    CHECK_IN_METHODS,
    DEFAULT_PAGE_LIMIT,
    MAX_PAGE_LIMIT,
    MAX_PARTY,
    PAGE_LIMIT_PARAM,
    PAGE_SKIP_PARAM,
)

__all__ = [
    "ATTENDU_CONFIRMATION",
    "CHECK_IN_METHODS",
    "DEFAULT_PAGE_LIMIT",
    "MAX_PAGE_LIMIT",
    "MAX_PARTY",
    "PAGE_LIMIT_PARAM",
    "PAGE_SKIP_PARAM",
    "AttenduPlatform",
]
