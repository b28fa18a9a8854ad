"""The one bridge between Qt and asyncio; the only module that imports qasync."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sys
from collections.abc import Callable, Coroutine, Iterator
from typing import Any, TypeVar, cast

# qasync picks PyQt6 over PySide6 when it can; Kiosk is PySide6 only.
os.environ.setdefault("QT_API", "pyside6")

import qasync
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)
T = TypeVar("T")


def new_event_loop(app: QApplication) -> asyncio.AbstractEventLoop:
    """An asyncio loop that runs on Qt's event loop."""
    return cast(asyncio.AbstractEventLoop, qasync.QEventLoop(app))


@contextlib.contextmanager
def asyncgen_hooks(loop: asyncio.AbstractEventLoop) -> Iterator[None]:
    """asyncio's async-generator hooks for ``loop``, which qasync does not install
    (asyncio's own loops do, in ``run_forever``). Without them an async generator
    collected while suspended (httpx's body stream when a download is cancelled part
    way, encode/httpx#2960) is closed without a loop and cannot run its async clean-up
    ("async generator ignored GeneratorExit"); with them the loop closes it in a task,
    and ``shutdown_asyncgens`` finishes what is left before the loop closes."""
    hooks = cast(Any, loop)
    before = sys.get_asyncgen_hooks()
    sys.set_asyncgen_hooks(
        firstiter=hooks._asyncgen_firstiter_hook, finalizer=hooks._asyncgen_finalizer_hook
    )
    try:
        yield
    finally:
        sys.set_asyncgen_hooks(*before)


def run(app: QApplication, main: Coroutine[Any, Any, T]) -> T:
    """Run ``main`` on a qasync loop until it returns. ``main`` owns shutdown."""
    with (
        asyncio.Runner(loop_factory=lambda: new_event_loop(app)) as runner,
        asyncgen_hooks(runner.get_loop()),
    ):
        return runner.run(main)


def report(exc: BaseException) -> None:
    """Route an exception from a background task to ``sys.excepthook`` (tests fail on it,
    the app shows a calm message and logs it)."""
    sys.excepthook(type(exc), exc, exc.__traceback__)


class TaskSet:
    """Keeps strong references to background tasks, routes their exceptions, and cancels
    them all at shutdown. (asyncio keeps only weak references to tasks.)"""

    def __init__(self, on_error: Callable[[BaseException], None] = report) -> None:
        self._tasks: set[asyncio.Task[Any]] = set()
        self._on_error = on_error

    def __len__(self) -> int:
        return len(self._tasks)

    def spawn(self, coro: Coroutine[Any, Any, Any], *, name: str) -> asyncio.Task[Any]:
        task = asyncio.get_running_loop().create_task(coro, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._done)
        return task

    def _done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is not None:
            log.error("background task %s failed", task.get_name(), exc_info=exc)
            self._on_error(exc)

    async def cancel_all(self) -> None:
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
