"""An unexpected exception: a calm message naming the log file, a log entry with the
traceback and no secret in it, and a desk (window, outbox) that carries on untouched."""

from __future__ import annotations

import asyncio
import gc
import io
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from kiosk.app import Desk, assemble, build_backend
from kiosk.domain import Status
from kiosk.logs import Logs, setup_logging
from kiosk.sandbox import Sandbox
from kiosk.services.checkin import Delivery
from kiosk.store.outbox import Outbox
from kiosk.ui.crash import CrashReporter, route_asyncio_errors
from kiosk.ui.qt_async import TaskSet


@pytest.fixture
def logs(tmp_path: Path) -> Iterator[Logs]:
    installed = setup_logging("INFO", tmp_path / "log", stream=io.StringIO())
    yield installed
    installed.close()


@pytest.fixture
def reporter(logs: Logs, qapp: QApplication) -> Iterator[CrashReporter]:
    crash = CrashReporter(logs.file, logs.redactor)
    crash.install()
    yield crash
    crash.uninstall()
    if crash.box is not None:
        crash.box.done(0)
        crash.box.deleteLater()


@pytest.fixture
def desk(
    qloop: asyncio.AbstractEventLoop, qtbot: Any, tmp_path: Path, sandbox: Sandbox
) -> Iterator[tuple[Desk, Outbox]]:
    """The real desk on the sandbox's sheepCRM, wired as the app wires it."""
    connection = sandbox.info["sheepcrm"]
    backend, http = build_backend("sheepcrm", connection, connection["api_key"])
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    tasks = TaskSet()
    made = assemble(backend, outbox, tasks, kiosk_id="desk-crash", platform="sheepcrm")
    made.window.show()
    tasks.spawn(made.service.run_sender(), name="sender")
    made.vm.reload()
    qtbot.wait_until(lambda: made.service.event is not None, timeout=10_000)
    yield made, outbox

    async def close() -> None:
        await tasks.cancel_all()
        await http.aclose()

    closing = qloop.create_task(close())
    qtbot.wait_until(closing.done, timeout=5000)
    outbox.close()
    made.window.allow_close = True
    made.window.close()
    made.window.deleteLater()
    gc.collect()


def _box(reporter: CrashReporter) -> QMessageBox:
    assert reporter.box is not None
    return reporter.box


def _shown_text(box: QMessageBox) -> str:
    return "\n".join((box.windowTitle(), box.text(), box.informativeText(), box.detailedText()))


def test_an_exception_in_a_slot_shows_the_message_and_logs_no_secret(
    desk: tuple[Desk, Outbox],
    reporter: CrashReporter,
    logs: Logs,
    sandbox: Sandbox,
    qtbot: Any,
) -> None:
    made, outbox = desk
    window = made.window
    api_key = sandbox.info["sheepcrm"]["api_key"]
    logs.redactor.add_secret(api_key)  # as the app does once it has the key
    guests = made.service.index.all()
    guest = next(g for g in guests if g.email and g.status is not Status.ATTENDED)
    other = next(g for g in guests if g.email and g.id != guest.id)

    # One change delivered before the crash: the outbox holds it.
    made.vm.set_status(guest.id, Status.ATTENDED)
    qtbot.wait_until(
        lambda: getattr(made.service.sync_state(guest.id), "delivery", None) is Delivery.SYNCED,
        timeout=10_000,
    )
    before = outbox.all()
    assert before

    def broken_slot(text: str) -> None:
        raise RuntimeError(
            f"cannot filter {text!r}: Authorization: Bearer {api_key}, "
            f"x-api-key={api_key}, guest {other.email}"
        )

    window.search.textChanged.connect(broken_slot)
    qtbot.keyClicks(window.search, other.last_name[:3] or "a")
    window.search.textChanged.disconnect(broken_slot)

    qtbot.wait_until(lambda: reporter.box is not None and reporter.box.isVisible())
    box = _box(reporter)
    assert box.objectName() == "crashMessage"
    assert box.accessibleName()
    assert "still running" in box.text()
    assert "kept" in box.informativeText()
    assert logs.file is not None
    assert str(logs.file) in box.informativeText()
    shown = _shown_text(box)
    assert "RuntimeError" in box.detailedText()
    assert api_key not in shown
    assert other.email not in shown

    # Three keystrokes, three exceptions: one box that counts them, not three boxes.
    assert "3 times" in box.informativeText()
    assert len([w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]) == 1

    text = logs.file.read_text(encoding="utf-8")
    assert "CRITICAL kiosk.ui.crash" in text
    assert "unexpected error" in text
    assert "Traceback (most recent call last)" in text
    assert "in broken_slot" in text
    assert "RuntimeError: cannot filter" in text
    assert api_key not in text
    assert other.email not in text
    assert "Bearer [redacted]" in text

    # The desk carries on: the outbox is as it was, and the next change still goes out.
    assert outbox.all() == before
    box.button(QMessageBox.StandardButton.Ok).click()
    qtbot.wait_until(lambda: not box.isVisible())
    made.vm.set_status(other.id, Status.ATTENDED)
    qtbot.wait_until(
        lambda: getattr(made.service.sync_state(other.id), "delivery", None) is Delivery.SYNCED,
        timeout=10_000,
    )
    assert len(outbox.all()) == len(before) + 1


def test_a_failed_background_task_is_reported(
    reporter: CrashReporter, logs: Logs, qloop: asyncio.AbstractEventLoop, qtbot: Any
) -> None:
    tasks = TaskSet()

    async def fails() -> None:
        raise ValueError("guest list row 7 for ann@example.org is broken")

    tasks.spawn(fails(), name="roster sync")
    qtbot.wait_until(lambda: reporter.box is not None and reporter.box.isVisible())
    assert "ValueError" in _box(reporter).detailedText()
    assert "ann@example.org" not in _box(reporter).detailedText()
    assert logs.file is not None
    text = logs.file.read_text(encoding="utf-8")
    assert "background task roster sync failed" in text
    assert "ann@example.org" not in text


def test_an_exception_in_a_thread_is_shown_on_the_gui_thread(
    reporter: CrashReporter, logs: Logs, qtbot: Any
) -> None:
    def work() -> None:
        raise OSError("disk full")

    thread = threading.Thread(target=work, name="worker")
    thread.start()
    thread.join()
    qtbot.wait_until(lambda: reporter.box is not None and reporter.box.isVisible())
    assert "OSError: disk full" in _box(reporter).detailedText()


def test_asyncio_callback_errors_reach_the_reporter(
    reporter: CrashReporter, qloop: asyncio.AbstractEventLoop, qtbot: Any
) -> None:
    qloop.set_exception_handler(route_asyncio_errors)

    def callback() -> None:
        raise LookupError("no such guest")

    qloop.call_soon(callback)
    qtbot.wait_until(lambda: reporter.box is not None and reporter.box.isVisible())
    assert "LookupError: no such guest" in _box(reporter).detailedText()


def test_without_a_log_file_the_message_says_so(qapp: QApplication, logs: Logs) -> None:
    crash = CrashReporter(None, logs.redactor)
    crash.install()
    try:
        crash.handle(RuntimeError, RuntimeError("boom"), None)
    finally:
        crash.uninstall()
    box = _box(crash)
    assert "could not be written to a file" in box.informativeText()
    box.done(0)
    box.deleteLater()


def test_uninstall_puts_the_previous_hooks_back(logs: Logs) -> None:
    import sys

    before = (sys.excepthook, threading.excepthook)
    crash = CrashReporter(logs.file, logs.redactor)
    crash.install()
    assert sys.excepthook == crash.handle
    crash.uninstall()
    assert (sys.excepthook, threading.excepthook) == before
