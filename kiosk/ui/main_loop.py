"""The main coroutine on Qt's loop, to the end of its shutdown even when Qt quits first."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from kiosk.ui.qt_async import asyncgen_hooks, new_event_loop

log = logging.getLogger(__name__)
T = TypeVar("T")


class DisplayLost(Exception):
    """Qt ended its loop under Kiosk and the shutdown did not finish within its bound."""


def when_qt_quits(app: QApplication, stop: asyncio.Event) -> Callable[[], None]:
    """Set ``stop`` when Qt ends its loop by itself: the display went away (the X
    connection broke) or the session ended; Kiosk never quits Qt itself. Returns the
    undoing, for when the main coroutine is done (its own end stops the loop too)."""

    def quitting() -> None:
        if not stop.is_set():
            log.warning("the display went away (or the session ended): Kiosk stops")
            stop.set()

    def undo() -> None:
        app.aboutToQuit.disconnect(quitting)

    app.aboutToQuit.connect(quitting)
    return undo


def run_to_the_end(app: QApplication, main: Coroutine[Any, Any, T], *, bound: float) -> T:
    """``qt_async.run`` for a Qt that may end its loop before ``main`` is done.

    When the display goes, Qt quits its loop (and later turns of it) by itself; asyncio's
    and qasync's runners then give up, closing the HTTP clients with no loop left (an
    "unexpected error"), and qasync's last turn of Qt runs callbacks with no running
    loop. Here the loop is run again, turn after turn, until ``main`` has done its own
    shutdown (``when_qt_quits`` told it), for at most ``bound`` seconds
    (``DisplayLost`` past that; every saved change is in the outbox on disk already)."""
    loop = new_event_loop(app)
    asyncio.set_event_loop(loop)
    lost_at: float | None = None
    try:
        with asyncgen_hooks(loop):
            task = loop.create_task(main)
            task.add_done_callback(lambda _task: loop.stop())
            while not task.done():
                loop.run_forever()
                if task.done():
                    break
                if lost_at is None:
                    lost_at = time.monotonic()
                    # Qt says the connection broke at every turn from now on: into the
                    # log, where repeats are counted, rather than thousands of lines.
                    qInstallMessageHandler(_to_the_log)
                if time.monotonic() - lost_at > bound:
                    task.cancel()
                    raise DisplayLost(f"shutdown without a display took over {bound:g} s")
            if lost_at is None:  # Qt still turns: finish as asyncio's runner does
                _cancel_the_rest(loop)
                loop.run_until_complete(loop.shutdown_asyncgens())
                loop.run_until_complete(loop.shutdown_default_executor())
            return task.result()
    finally:
        asyncio.set_event_loop(None)
        with contextlib.suppress(RuntimeError):
            loop.close()


def _to_the_log(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    level = (
        logging.DEBUG if kind in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg) else logging.WARNING
    )
    logging.getLogger("qt").log(level, "%s", message)


def _cancel_the_rest(loop: asyncio.AbstractEventLoop) -> None:
    rest = [task for task in asyncio.all_tasks(loop) if not task.done()]
    for task in rest:
        task.cancel()
    if rest:
        loop.run_until_complete(asyncio.gather(*rest, return_exceptions=True))
