"""The runtime seam: every tuning of Python's garbage collector and of how long one piece
of work may hold the event loop lives here, and nowhere else.

Why it exists. Kiosk's big data (a 100,000-guest roster, its search index, demo data)
is hundreds of thousands of small immutable objects with no reference cycles. The
cyclic collector cannot free any of them, yet each full collection walks them all
(60-120 ms at 100,000 guests): a visible freeze of the window. And a loop over every
guest, run in one go, holds the window just as long. So:

- bulk building runs with the collector paused (``collector_paused``) or with full
  collections postponed (``full_collections_postponed``, when other work running
  meanwhile still makes cyclic garbage worth collecting young);
- once the window is usable, the start-up heap is frozen out of the collector's view
  (``settle_heap``);
- long loops run as generators stepped by ``run_sliced``, which gives the event loop a
  turn between slices; large lists are let go of a slice at a time (``release``).

The module is Qt-free and owns every ``gc.`` call of the package: a test
(``tests/unit/test_house_rules.py``) fails on any other. Figures behind the choices are
in ``docs/performance.md``.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import time
from collections.abc import Generator, Iterator
from typing import Any, TypeVar

T = TypeVar("T")

__all__ = [
    "collect_garbage",
    "collector_paused",
    "full_collections_postponed",
    "pause_collector",
    "release",
    "resume_collector",
    "run_sliced",
    "settle_heap",
    "yield_to_loop",
]


def pause_collector() -> None:
    """Stop automatic collections until ``resume_collector`` or ``settle_heap``: start-up
    builds a great many objects and almost no garbage."""
    gc.disable()


def resume_collector() -> None:
    """Collect automatically again (idempotent)."""
    gc.enable()


def collect_garbage() -> None:
    """One full collection now, at a moment the caller chose (a loop turn of its own)."""
    gc.collect()


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No automatic collection inside; the collector's state before is restored after.
    For building many objects that make no cycles (a roster, an index, demo data)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextlib.contextmanager
def full_collections_postponed() -> Iterator[None]:
    """No automatic *full* collection inside; young generations are still collected.
    For a refresh that makes and drops a roster while other work (a drain's requests)
    runs beside it: pausing the collector outright would save up that work's cyclic
    garbage for one long collection at the end."""
    young, middle, full = gc.get_threshold()
    gc.set_threshold(young, middle, 1 << 30)
    try:
        yield
    finally:
        gc.set_threshold(young, middle, full)


def settle_heap(*, collect: bool = True) -> None:
    """Move everything built so far out of the collector's view and collect as usual
    from now on. ``collect=False`` skips the collection before the freeze: on the way to
    a usable window, the few cycles it would free are not worth its time."""
    if collect:
        gc.collect()
    gc.freeze()
    gc.enable()


async def yield_to_loop() -> None:
    """Give the event loop one turn (input, paint, timers) before going on."""
    await asyncio.sleep(0)


async def run_sliced(steps: Generator[Any, None, T], *, slice_s: float = 0.0) -> T:
    """Run ``steps`` to its end and return its value, giving the event loop a turn
    whenever ``slice_s`` seconds have passed since the last one (``0``: after every
    step). The generator decides where a step ends: after a batch, not a single item.
    Not a worker thread: under qasync a thread is a QThread, and the work needs the
    GIL anyway."""
    deadline = time.perf_counter() + slice_s
    while True:
        try:
            next(steps)
        except StopIteration as done:
            result: T = done.value
            return result
        if time.perf_counter() >= deadline:
            await asyncio.sleep(0)
            deadline = time.perf_counter() + slice_s


async def release(garbage: list[Any], batch: int) -> None:
    """Empty ``garbage`` ``batch`` items at a time, giving the loop a turn in between:
    freeing 100,000 guests at once is itself a stall. ``garbage`` should hold the last
    references."""
    while garbage:
        del garbage[-batch:]
        await asyncio.sleep(0)
