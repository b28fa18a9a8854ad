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


def test_before_any_guest_is_in_the_window_names_the_event_asked_for(
    make_desk: Any, sandbox: Sandbox
) -> None:
    # The platform out of reach and nothing cached: no event title to show yet.
    connection = {**sandbox.info["attendu"], "base_url": "http://127.0.0.1:9/api"}
    desk = make_desk("attendu", connection, load=False)
    assert desk.service.event is None
    asked = sandbox.info["attendu"]["event"]
    assert asked in desk.window.windowTitle()
    label = desk.window.event_label.text()
    assert asked in label
    assert PLATFORM_NAMES["attendu"] in label
