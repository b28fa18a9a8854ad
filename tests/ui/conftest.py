"""Widget-test fixtures: a qasync loop marked running around pytest-qt."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from PySide6.QtWidgets import QApplication

from kiosk.app import Desk, assemble, build_backend, read_cached_roster
from kiosk.services.checkin import RetryPolicy
from kiosk.store.local import LocalStore, open_store
from kiosk.ui import scanner
from kiosk.ui.qt_async import TaskSet, asyncgen_hooks, new_event_loop
from kiosk.ui.translations import Translations
from tests.ui.kiosk_harness import make_kiosk  # noqa: F401 - a fixture for every UI test


@pytest.fixture(autouse=True)
def typing_is_not_scanning(monkeypatch: pytest.MonkeyPatch) -> None:
    """QtTest types at machine speed, as a barcode scanner does: window tests that type
    would read as scans. Scan detection is off unless a test turns it on
    (tests/ui/test_scanner.py sets ``window.scanner.min_chars`` itself)."""
    monkeypatch.setattr(scanner, "MIN_CHARS", 10**9)


@pytest.fixture
def qloop(qapp: QApplication, qtbot: object) -> Iterator[asyncio.AbstractEventLoop]:
    """An asyncio loop on Qt's loop, marked as the running loop, so Qt slots can spawn
    tasks and ``qtbot.wait_until`` advances them. Teardown cancels and drains what is
    left and closes the loop, but never calls ``loop.stop()`` (CONTRIBUTING.md: it would
    quit the QApplication and every later wait would return at once)."""
    loop = new_event_loop(qapp)
    asyncio.set_event_loop(loop)
    asyncio.events._set_running_loop(loop)
    wait_until = qtbot.wait_until  # type: ignore[attr-defined]
    try:
        with asyncgen_hooks(loop):
            yield loop
            leftovers = [task for task in asyncio.all_tasks(loop) if not task.done()]
            for task in leftovers:
                task.cancel()
            if leftovers:
                wait_until(lambda: all(task.done() for task in leftovers), timeout=5000)
            # As the app's Runner does: async generators left suspended (a download
            # cancelled part-way) are closed while the loop still runs.
            gc.collect()
            closing = loop.create_task(loop.shutdown_asyncgens())
            wait_until(closing.done, timeout=5000)
            wait_until(lambda: all(task.done() for task in asyncio.all_tasks(loop)), timeout=5000)
    finally:
        asyncio.events._set_running_loop(None)
        asyncio.set_event_loop(None)
        loop.close()


#: Retries a test can wait for (the app's own policy waits up to 30 s).
FAST_RETRY = RetryPolicy(base=0.05, cap=0.5, auth_wait=0.5)


@pytest.fixture
def make_desk(qloop: asyncio.AbstractEventLoop, qtbot: Any, tmp_path: Path) -> Iterator[Any]:
    """Builds the real desk (same wiring as the app: store on disk, sender, optional
    refresher) on a platform connection; tears it down like the app does."""
    made: list[tuple[Desk, TaskSet, httpx.AsyncClient, LocalStore]] = []
    # As the app does at start: English has a translation too (its plural forms).
    app = QApplication.instance()
    assert app is not None
    english = Translations(app)
    english.use("en")

    def make(
        platform: str,
        connection: dict[str, str],
        *,
        load: bool = True,
        refresh: float | None = None,
        retry: RetryPolicy | None = None,
        name: str = "desk-test",
        store_file: Path | None = None,
    ) -> Desk:
        backend, http = build_backend(platform, connection, connection["api_key"])
        store, _ = open_store(store_file or tmp_path / f"{name}-{len(made)}.sqlite3")
        tasks = TaskSet()
        desk = assemble(
            backend,
            store.outbox,
            tasks,
            kiosk_id=name,
            platform=platform,
            cache=store.roster,
            retry=retry,
        )
        if (cached := read_cached_roster(store)) is not None:
            desk.service.load_cached(  # as the app does, before the network
                cached.event, cached.guests, cached.saved_at, cached.index_state
            )
        desk.window.show()
        tasks.spawn(desk.service.run_sender(), name="sender")
        made.append((desk, tasks, http, store))
        if load:
            desk.vm.reload()
            qtbot.wait_until(lambda: desk.service.event is not None, timeout=15_000)
        if refresh is not None:
            tasks.spawn(desk.service.run_refresher(refresh), name="refresher")
        return desk

    yield make
    for desk, tasks, http, store in made:
        closing = qloop.create_task(_close(tasks, http))
        qtbot.wait_until(closing.done, timeout=5000)
        # The app closes its window only after flushing, and before the store.
        desk.window.allow_close = True
        desk.window.close()
        desk.window.deleteLater()
        store.close()
    made.clear()
    english.uninstall()
    gc.collect()  # free this test's Qt objects now, not during a later test


async def _close(tasks: TaskSet, http: httpx.AsyncClient) -> None:
    await tasks.cancel_all()
    await http.aclose()
