"""A local guest list file (CSV) as Kiosk's platform: for an event with none, or when
the platform is gone for the day. See docs/backends.md."""

from kiosk.backends.guestlist.backend import CAPABILITIES, PLATFORM, GuestListBackend
from kiosk.backends.guestlist.columns import ColumnMapping, parse_columns
from kiosk.backends.guestlist.files import read_guest_file
from kiosk.backends.guestlist.results import results_path_for

__all__ = [
    "CAPABILITIES",
    "PLATFORM",
    "ColumnMapping",
    "GuestListBackend",
    "parse_columns",
    "read_guest_file",
    "results_path_for",
]
