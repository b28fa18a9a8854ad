"""The check-in window's parts, by role, under the names the window and tests import."""

from __future__ import annotations

from kiosk.ui.badges import STATUS_COLOURS, STATUS_MARKS
from kiosk.ui.guest_pane import GuestDetails, SyncIndicator
from kiosk.ui.models import status_label
from kiosk.ui.results_view import GuestRowDelegate, ResultsView
from kiosk.ui.status_picker import StatusPicker

__all__ = [
    "STATUS_COLOURS",
    "STATUS_MARKS",
    "GuestDetails",
    "GuestRowDelegate",
    "ResultsView",
    "StatusPicker",
    "SyncIndicator",
    "status_label",
]
