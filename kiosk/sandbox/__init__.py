"""A real HTTP server on loopback that plays sheepCRM and Attendu, with demo data and faults.

from kiosk.sandbox import Sandbox, Faults
with Sandbox(guests=300, seed=1) as sb:
    sb.info["sheepcrm"]["base_url"]  # http://127.0.0.1:PORT/sheepcrm
"""

from kiosk.sandbox.attendu import (
    ATTENDU_CONFIRMATION,
    DEFAULT_PAGE_LIMIT,
    MAX_PAGE_LIMIT,
    PAGE_LIMIT_PARAM,
    PAGE_SKIP_PARAM,
)
from kiosk.sandbox.faults import ANSWER_FAULTS, Faults
from kiosk.sandbox.gateway import RecordedRequest
from kiosk.sandbox.modes import ATTENDU_PAGINGS, Modes
from kiosk.sandbox.quota import Quota
from kiosk.sandbox.server import Sandbox

__all__ = [
    "ANSWER_FAULTS",
    "ATTENDU_CONFIRMATION",
    "ATTENDU_PAGINGS",
    "DEFAULT_PAGE_LIMIT",
    "MAX_PAGE_LIMIT",
    "PAGE_LIMIT_PARAM",
    "PAGE_SKIP_PARAM",
    "Faults",
    "Modes",
    "Quota",
    "RecordedRequest",
    "Sandbox",
]
