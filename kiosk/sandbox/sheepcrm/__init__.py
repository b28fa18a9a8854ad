"""sheepCRM "Events v2" as the sandbox plays it: bearer auth, rate headers, strict checks.

The routes are in ``platform``, the rosters and their changes in ``roster``, their JSON
in ``shapes``, and the limits, rate window and error bodies in ``rules``.
"""

from kiosk.sandbox.sheepcrm.platform import SheepcrmPlatform
from kiosk.sandbox.sheepcrm.rules import (
    EVENT_STATES,
    LIST_DAYS_AHEAD,
    LIST_DAYS_BACK,
    RATE_LIMIT,
    RATE_WINDOW_SECONDS,
    SEARCH_LIMIT,
    error_body,
)
from kiosk.sandbox.sheepcrm.shapes import SESSION_RESOURCE

__all__ = [
    "EVENT_STATES",
    "LIST_DAYS_AHEAD",
    "LIST_DAYS_BACK",
    "RATE_LIMIT",
    "RATE_WINDOW_SECONDS",
    "SEARCH_LIMIT",
    "SESSION_RESOURCE",
    "SheepcrmPlatform",
    "error_body",
]
