"""The desk window always names the event and the platform it works on, so a desk never
checks people in to another event without a word (issue 17, item 10)."""

from __future__ import annotations

from typing import Any

import pytest

from kiosk.config import PLATFORM_NAMES
from kiosk.sandbox import Sandbox


@pytest.mark.parametrize("platform", ["sheepcrm", "attendu"])
def test_the_window_names_its_event_and_platform(
    make_desk: Any, sandbox: Sandbox, platform: str
) -> None:
    desk = make_desk(platform, sandbox.info[platform])
    event = desk.service.event
    assert event is not None
    assert event.title
    assert event.title in desk.window.windowTitle()
    label = desk.window.event_label.text()
    assert event.title in label
    assert PLATFORM_NAMES[platform] in label
