"""Deterministic demo data: people, tickets and rosters that seed both sandbox platforms.

``generate(guests, seed, now)`` makes it; the shapes are in ``records``, who the people
are in ``names``, ids and ticket codes in ``codes``, Attendu's custom properties in
``properties``.
"""

from kiosk.sandbox.demo.generator import generate
from kiosk.sandbox.demo.names import fold_ascii
from kiosk.sandbox.demo.records import (
    STATUSES,
    AttenduProperty,
    DemoData,
    DemoEntry,
    DemoEvent,
    DemoPerson,
    to_datetime,
    to_epoch_ms,
)

__all__ = [
    "STATUSES",
    "AttenduProperty",
    "DemoData",
    "DemoEntry",
    "DemoEvent",
    "DemoPerson",
    "fold_ascii",
    "generate",
    "to_datetime",
    "to_epoch_ms",
]
