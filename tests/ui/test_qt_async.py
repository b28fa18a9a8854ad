"""The qasync bridge keeps asyncio's promises: an async generator abandoned part-way
(httpx's body stream when a roster download is cancelled) is closed by the loop, its
async clean-up included. And it is fair to Qt: however much asyncio work is ready,
Qt gets its turn (input, timers, painting) every few milliseconds."""

from __future__ import annotations

import asyncio
import gc
import time
from collections.abc import AsyncIterator
from typing import Any

from PySide6.QtCore import Qt, QTimer

from kiosk.ui import qt_async


def test_an_abandoned_async_generator_is_closed_by_the_loop(
    qloop: asyncio.AbstractEventLoop, qtbot: Any
) -> None:
    cleaned: list[str] = []

    async def body() -> AsyncIterator[bytes]:
        try:
            yield b"first"
            yield b"second"
        finally:
            await asyncio.sleep(0)  # async clean-up, as httpcore's stream has
            cleaned.append("closed")

    async def read_a_little() -> None:
        chunks = body()
        await chunks.__anext__()  # then left behind, as a cancelled download leaves it

    reading = qloop.create_task(read_a_little())
    qtbot.wait_until(reading.done)
    gc.collect()
    qtbot.wait_until(lambda: cleaned == ["closed"], timeout=2000)


def test_qt_gets_its_turn_while_much_asyncio_work_is_ready(
    qloop: asyncio.AbstractEventLoop, qtbot: Any
) -> None:
    """200 callbacks of 1 ms each, all ready at once: a 1 ms Qt timer keeps ticking
    between them. (qasync alone ran every ready callback in one pass of Qt's timers:
    the timer then ticked once or twice in the 200 ms.)"""
    ran: list[int] = []
    ticks_while_busy: list[int] = []

    def busy(number: int) -> None:
        end = time.perf_counter() + 0.001
        while time.perf_counter() < end:
            pass
        ran.append(number)

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(1)
    timer.timeout.connect(lambda: ticks_while_busy.append(len(ran)) if len(ran) < 200 else None)
    timer.start()
    try:
        for number in range(200):
            qloop.call_soon(busy, number)
        qtbot.wait_until(lambda: len(ran) == 200, timeout=10_000)
    finally:
        timer.stop()
    assert ran == list(range(200)), "callbacks run in the order they were made ready"
    # A slice is a few milliseconds: some 40 turns for Qt in 200 ms of work.
    assert len([n for n in ticks_while_busy if n > 0]) >= 10


def test_a_cancelled_callback_does_not_run_and_a_closed_loop_drops_the_rest(
    qapp: Any, qtbot: Any
) -> None:
    loop = qt_async.new_event_loop(qapp)
    ran: list[str] = []
    try:
        loop.call_soon(ran.append, "first")
        loop.call_soon(ran.append, "cancelled").cancel()
        loop.call_soon(ran.append, "third")
        qtbot.wait_until(lambda: ran == ["first", "third"], timeout=2000)
        loop.call_soon(ran.append, "after close")
    finally:
        loop.close()
    for _ in range(5):  # Qt's loop turns (the queue runs from a zero-time timer)
        qapp.processEvents()
    assert ran == ["first", "third"]


def test_timed_callbacks_run_in_time_order_and_never_early(
    qloop: asyncio.AbstractEventLoop, qtbot: Any
) -> None:
    ran: list[tuple[str, float, float]] = []

    def note(name: str, when: float) -> None:
        ran.append((name, when, qloop.time()))

    now = qloop.time()
    qloop.call_later(0.05, note, "later", now + 0.05)
    qloop.call_later(0.01, note, "sooner", now + 0.01)
    qloop.call_at(now - 1, note, "overdue", now - 1)
    qloop.call_later(0.02, note, "cancelled", now + 0.02).cancel()
    qloop.call_later(0.03, note, "after the cancelled one's time", now + 0.03)
    qtbot.wait_until(lambda: len(ran) == 4, timeout=2000)
    assert [name for name, _when, _at in ran] == [
        "overdue", "sooner", "after the cancelled one's time", "later"
    ]  # fmt: skip
    assert all(at >= when for _name, when, at in ran)


def test_cancelled_timers_are_let_go(qloop: asyncio.AbstractEventLoop, qtbot: Any) -> None:
    """Every HTTP request schedules its timeout and cancels it when the answer comes:
    the cancelled ones must not pile up until their deadlines (qasync kept each with a
    Qt timer of its own: thousands after a drain, each walked by the collector)."""

    def timers() -> int:
        return sum(isinstance(each, asyncio.Handle) for each in gc.get_objects())

    before = timers()
    handles = [qloop.call_later(60, print, n) for n in range(1000)]
    for handle in handles:
        handle.cancel()
    del handles, handle
    gc.collect()
    assert timers() - before < 500


def test_an_interrupt_inside_a_callback_does_not_stop_the_rest(
    qloop: asyncio.AbstractEventLoop, qtbot: Any
) -> None:
    """Ctrl+C can surface inside any callback (asyncio re-raises only SystemExit and
    KeyboardInterrupt): the callbacks after it still run (found by review: the queue
    then stopped for good)."""
    ran: list[str] = []

    def interrupted() -> None:
        raise KeyboardInterrupt

    with qtbot.captureExceptions() as caught:
        qloop.call_soon(interrupted)
        qloop.call_soon(ran.append, "after")
        qtbot.wait_until(lambda: ran == ["after"], timeout=2000)
    assert [kind for kind, *_ in caught] == [KeyboardInterrupt]
