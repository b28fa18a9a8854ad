"""What the toolkit tests share: picking a guest as a person does, and what each platform
received for a guest."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from kiosk.app import Desk
from kiosk.domain import Guest, Status
from kiosk.sandbox import Sandbox
from kiosk.sandbox.gateway import RecordedRequest

#: Ctrl+<n> sets the selected guest to the n-th status (``ORDER``).
STATUS_KEYS = {
    Status.INVITED: Qt.Key.Key_1,
    Status.ACCEPTED: Qt.Key.Key_2,
    Status.DECLINED: Qt.Key.Key_3,
    Status.ATTENDED: Qt.Key.Key_4,
    Status.NO_SHOW: Qt.Key.Key_5,
}


def guest_with(desk: Desk, status: Status, skip: int = 0) -> Guest:
    return [g for g in desk.service.index.all() if g.status is status and g.email][skip]


def pick(desk: Desk, qtbot: Any, guest: Guest, status: Status) -> None:
    """Find the guest by email in the search field and press Ctrl+<n>, as at the door."""
    desk.window.activateWindow()  # back at the desk window from a panel
    qtbot.wait_until(desk.window.isActiveWindow, timeout=3000)
    search = desk.window.search
    search.clear()
    qtbot.keyClicks(search, guest.email)
    qtbot.wait_until(lambda: desk.window.details.guest_id == guest.id, timeout=3000)
    qtbot.keyClick(search, STATUS_KEYS[status], Qt.KeyboardModifier.ControlModifier)


def writes_for(sandbox: Sandbox, platform: str, guest: Guest) -> list[RecordedRequest]:
    """The writes the platform received for the guest, oldest first."""
    found = []
    for request in sandbox.requests(platform):
        if request.method == "GET":
            continue
        if platform == "sheepcrm":
            if dict(request.query).get("person_uri") == guest.platform_ref:
                found.append(request)
        elif guest.platform_ref in request.path:
            found.append(request)
    return found


def sheepcrm_statuses(requests: list[RecordedRequest]) -> list[str]:
    return [dict(r.query).get("status", "") for r in requests]
