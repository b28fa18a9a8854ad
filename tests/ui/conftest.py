"""Widget-test fixtures: a qasync loop marked running around pytest-qt."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.ui.qt_async import new_event_loop


@pytest.fixture
def qloop(qapp: QApplication, qtbot: object) -> Iterator[asyncio.AbstractEventLoop]:
    """An asyncio loop on Qt's loop, marked as the running loop, so Qt slots can spawn
    tasks and ``qtbot.wait_until`` advances them. Teardown cancels and drains what is
    left and closes the loop, but never calls ``loop.stop()`` (STACK.md: it would quit
    the QApplication and every later wait would return at once)."""
    loop = new_event_loop(qapp)
    asyncio.set_event_loop(loop)
    asyncio.events._set_running_loop(loop)
    try:
        yield loop
    finally:
        leftovers = [task for task in asyncio.all_tasks(loop) if not task.done()]
        for task in leftovers:
            task.cancel()
        if leftovers:
            qtbot.wait_until(lambda: all(task.done() for task in leftovers), timeout=5000)  # type: ignore[attr-defined]
        asyncio.events._set_running_loop(None)
        asyncio.set_event_loop(None)
        loop.close()
