"""The desk on sheepCRM rows no status can be written for: the guest is shown with the
reason and "Cancelled", and no status button can be pressed for them."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from kiosk.backends.sheepcrm.rows import CANCELLED_LABEL, CANCELLED_REASON
from kiosk.domain import Status
from kiosk.sandbox import Sandbox

pytestmark = pytest.mark.timeout(60)


def _child(desk: Any, kind: type, name: str) -> Any:
    found = desk.window.findChild(kind, name)
    assert found is not None
    return found


def test_a_cancelled_booking_is_shown_with_the_reason_and_no_button(
    make_desk: Any, sandbox: Sandbox, qtbot: Any
) -> None:
    sandbox.sheepcrm.play_real_rows()
    desk = make_desk("sheepcrm", sandbox.info["sheepcrm"])
    cancelled = next(g for g in desk.service.index.all() if g.status_label == CANCELLED_LABEL)
    writable = next(
        g for g in desk.service.index.all() if not g.extras and g.status is Status.ACCEPTED
    )
    search = _child(desk, QLineEdit, "searchField")
    buttons = [_child(desk, QPushButton, f"status-{s.wire}") for s in Status]

    qtbot.keyClicks(search, writable.ticket)
    qtbot.wait_until(lambda: _child(desk, QPushButton, "status-attended").isEnabled())

    search.clear()
    qtbot.keyClicks(search, cancelled.ticket)
    extras = _child(desk, QLabel, "guestExtras")
    qtbot.wait_until(lambda: CANCELLED_REASON[:40] in extras.text())
    assert not any(button.isEnabled() for button in buttons)
    # The platform's own word for the row has its own line ("On the platform").
    assert CANCELLED_LABEL in _child(desk, QLabel, "field-platform_status").text()
