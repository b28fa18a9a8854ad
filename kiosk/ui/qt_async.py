"""The one bridge between Qt and asyncio; the only module that imports qasync."""

from __future__ import annotations

import asyncio
import collections
import contextlib
import heapq
import logging
import math
import os
import sys
import time
from collections.abc import Callable, Coroutine, Iterator
from typing import Any, TypeVar, cast

# qasync picks PyQt6 over PySide6 when it can; Kiosk is PySide6 only.
os.environ.setdefault("QT_API", "pyside6")

import qasync
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)
T = TypeVar("T")

#: How long asyncio callbacks may run before Qt gets its turn (input, timers, painting).
SLICE_S = 0.002


class _FairLoop(qasync.QEventLoop):  # type: ignore[misc]  # qasync is untyped
    """qasync's loop with a fair turn for Qt, and asyncio's own timer queue.

    qasync gives every ready callback a zero-time Qt timer of its own, and Qt runs all
    timers that are due in one pass: forty deliveries finishing together, the roster's
    next slices and a keystroke ran back to back, and the window neither painted nor
    read input until all were done. Here ready callbacks wait in one queue, in order,
    and run from a single zero-time timer for at most ``SLICE_S`` at a time (a callback
    is never interrupted); what is left runs after Qt's next turn.

    Timed callbacks (``call_later``/``call_at``: every HTTP request's timeout, every
    ``sleep``) wait in a heap behind one Qt timer set for the earliest, as asyncio's
    own loops keep them. qasync gave each a Qt timer and kept it, cancelled or not,
    until it fired: some 2,800 request timeouts (and their contexts) were alive after a
    drain, walked by every full garbage collection."""

    def __init__(self, app: QApplication) -> None:
        # Before the base classes: on Windows asyncio's proactor loop calls call_soon
        # from its constructor. (Names of our own: asyncio's loops have a _ready and a
        # _scheduled that they set up and clear themselves.)
        self._queue: collections.deque[asyncio.Handle] = collections.deque()
        self._pump = QTimer()
        self._pump.setSingleShot(True)
        self._pump.setInterval(0)
        self._pump.timeout.connect(self._run_ready)
        self._pumping = False
        self._timers: list[asyncio.TimerHandle] = []  # a heap, earliest first
        self._cancelled_timers = 0
        self._alarm = QTimer()
        self._alarm.setSingleShot(True)
        self._alarm.setTimerType(Qt.TimerType.PreciseTimer)
        self._alarm.timeout.connect(self._timers_due)
        self._alarm_at: float | None = None
        self._resolution = time.get_clock_info("monotonic").resolution
        self._shut = False
        super().__init__(app)

    # -- ready callbacks ----------------------------------------------------------------

    def call_soon(
        self, callback: Callable[..., object], *args: object, context: Any = None
    ) -> asyncio.Handle:
        handle = asyncio.Handle(callback, args, self, context)
        self._make_ready(handle)
        return handle

    def _add_callback(self, handle: asyncio.Handle, delay: float = 0) -> asyncio.Handle:
        # Only reached through qasync's own code paths, if any remain.
        if delay > 0:
            return self.call_later(delay, handle._run)
        self._make_ready(handle)
        return handle

    def _make_ready(self, handle: asyncio.Handle) -> None:
        if self._shut:
            return  # as qasync did: nothing runs once the loop is closed
        self._queue.append(handle)
        if not self._pumping:
            self._pumping = True
            self._pump.start()

    def _run_ready(self) -> None:
        ready = self._queue
        end = time.perf_counter() + SLICE_S
        try:
            while ready:
                handle = ready.popleft()
                if not handle.cancelled():
                    handle._run()  # re-raises only SystemExit and KeyboardInterrupt
                if time.perf_counter() >= end:
                    break
        finally:
            # Even when a callback ends the program's wait (Ctrl+C): what is left runs.
            if ready and not self._shut:
                self._pump.start()
            else:
                self._pumping = False

    # -- timed callbacks ----------------------------------------------------------------

    def call_later(
        self, delay: float, callback: Callable[..., object], *args: object, context: Any = None
    ) -> asyncio.TimerHandle:
        return self.call_at(self.time() + delay, callback, *args, context=context)

    def call_at(
        self, when: float, callback: Callable[..., object], *args: object, context: Any = None
    ) -> asyncio.TimerHandle:
        handle = asyncio.TimerHandle(when, callback, args, self, context)
        if self._shut:
            return handle
        heapq.heappush(self._timers, handle)
        _mark(handle, scheduled=True)
        if self._alarm_at is None or when < self._alarm_at:
            self._set_alarm(when)
        return handle

    def _timer_handle_cancelled(self, handle: asyncio.TimerHandle) -> None:
        if not cast(Any, handle)._scheduled:
            return
        self._cancelled_timers += 1
        # As asyncio's loops do: drop the cancelled once they are half the heap.
        if self._cancelled_timers > 100 and self._cancelled_timers * 2 > len(self._timers):
            kept = []
            for each in self._timers:
                if each.cancelled():
                    _mark(each, scheduled=False)
                else:
                    kept.append(each)
            heapq.heapify(kept)
            self._timers = kept
            self._cancelled_timers = 0

    def _set_alarm(self, when: float) -> None:
        self._alarm_at = when
        self._alarm.start(max(0, math.ceil((when - self.time()) * 1000)))

    def _timers_due(self) -> None:
        self._alarm_at = None
        scheduled = self._timers
        now = self.time() + self._resolution
        while scheduled and (scheduled[0].cancelled() or scheduled[0].when() <= now):
            handle = heapq.heappop(scheduled)
            _mark(handle, scheduled=False)
            if handle.cancelled():
                self._cancelled_timers = max(0, self._cancelled_timers - 1)
            else:
                self._make_ready(handle)
        if scheduled and not self._shut:
            self._set_alarm(scheduled[0].when())

    def close(self) -> None:
        super().close()
        self._shut = True
        self._pump.stop()
        self._alarm.stop()
        self._queue.clear()
        self._timers.clear()
        self._pumping = False
        self._alarm_at = None


def _mark(handle: asyncio.TimerHandle, *, scheduled: bool) -> None:
    """asyncio's own flag on a timer handle: in the loop's heap (``cancel`` then tells
    the loop, which counts the cancelled)."""
    cast(Any, handle)._scheduled = scheduled


def new_event_loop(app: QApplication) -> asyncio.AbstractEventLoop:
    """An asyncio loop that runs on Qt's event loop, giving Qt a turn every few
    milliseconds however much asyncio work is ready (``_FairLoop``)."""
    return cast(asyncio.AbstractEventLoop, _FairLoop(app))


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
