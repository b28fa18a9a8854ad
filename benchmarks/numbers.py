"""``python -m benchmarks.numbers --info JSON``: the live numbers panel's upkeep at the
sandbox's roster size (100,000 in ``python -m benchmarks``), in the real desk window on
a qasync loop.

The panel is open the whole time. 1,000 changes recorded at the door drain to the
sandbox (50 ms per write) while the roster syncs again and the numbers are counted
afresh from the whole roster (as when a roster comes in whole); a 1 ms Qt timer
watches the loop: ``numbers_loop_max_stall_ms`` is its longest gap, against the 16 ms
budget. Alongside, in the same process: the cost of keeping one guest's numbers
(``numbers_note_us``, what every changed guest costs), the whole recount's time and its
longest step between two turns of the loop (``numbers_recount_*``), and the panel's
refresh, figures and paint (``numbers_panel_refresh_p95_ms``), which runs at most every
300 ms while changes land.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import json
import os
import random
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.common import CpuSteal, percentile, set_faults
from benchmarks.desk import LATENCY_S, StallWatch, drained


async def run(info: dict[str, Any], changes: int) -> dict[str, Any]:
    from PySide6.QtCore import QCoreApplication, QEvent

    from kiosk import runtime
    from kiosk.app import assemble, build_backend, keep_outbox_file, settle_heap
    from kiosk.domain import Status
    from kiosk.services.numbers import LiveNumbers
    from kiosk.store.local import open_store
    from kiosk.ui.qt_async import TaskSet

    platform = "sheepcrm"
    connection = info[platform]
    backend, http = build_backend(platform, connection, connection["api_key"])
    folder = Path(tempfile.mkdtemp(prefix="kiosk-bench-"))
    store, _damage = open_store(folder / "desk.sqlite3")
    tasks = TaskSet()
    desk = assemble(
        backend,
        store.outbox,
        tasks,
        kiosk_id="bench",
        platform=platform,
        cache=store.roster,
        settle=functools.partial(settle_heap, collect=False),
    )
    service, window, toolkit = desk.service, desk.window, desk.window.toolkit
    window.show()
    results: dict[str, Any] = {}
    try:
        tasks.spawn(service.run_sender(), name="outbox sender")
        tasks.spawn(keep_outbox_file(store), name="outbox upkeep")
        if not await service.load_roster():
            raise RuntimeError(f"roster did not load: {service.connection_message}")
        await service.cache_written()
        toolkit.open_numbers()
        guests = service.index.all()
        results["numbers_guests"] = len(guests)

        # One guest's upkeep, and a whole recount stepped by hand: their pure cost.
        scratch = LiveNumbers()
        began = time.perf_counter()
        for guest in guests:
            scratch.note(guest)
        results["numbers_note_us"] = round((time.perf_counter() - began) / len(guests) * 1e6, 2)
        steps: list[float] = []
        steps_cpu: list[float] = []
        recount = scratch.recount(list(service.index.by_slot()))
        began = time.perf_counter()
        while True:
            step, cpu = time.perf_counter(), time.thread_time()
            try:
                next(recount)
            except StopIteration:
                break
            finally:
                steps.append((time.perf_counter() - step) * 1000)
                steps_cpu.append((time.thread_time() - cpu) * 1000)
        results["numbers_recount_s"] = round(time.perf_counter() - began, 3)
        results["numbers_recount_step_p95_ms"] = round(percentile(steps, 0.95), 2)
        results["numbers_recount_step_max_ms"] = round(max(steps), 2)
        results["numbers_recount_step_cpu_max_ms"] = round(max(steps_cpu), 2)

        rng = random.Random(5)
        picked = rng.sample(guests, 2 * changes)
        del guests
        if toolkit._recount is not None:
            await asyncio.wait([toolkit._recount])  # the panel's own first count
        settle_heap()

        panel = toolkit.panel
        assert panel is not None
        refreshes: list[float] = []
        refresh_cpu: list[float] = []
        shown = panel.show_numbers

        def timed(numbers: Any) -> None:
            began, cpu = time.perf_counter(), time.thread_time()
            shown(numbers)
            # Its paint now rather than at the next frame: what changed, as Qt paints it.
            QCoreApplication.sendPostedEvents(panel, QEvent.Type.UpdateRequest)
            refreshes.append((time.perf_counter() - began) * 1000)
            refresh_cpu.append((time.thread_time() - cpu) * 1000)

        panel.show_numbers = timed  # type: ignore[method-assign]
        slots = (
            (desk.vm.guest_changed, toolkit._guest_changed),
            (desk.vm.sync_changed, toolkit._sync_changed),
        )

        async def drain(part: list[Any], *, with_numbers: bool) -> tuple[float, float]:
            # Recorded before the watch starts, as in benchmarks.desk: a thousand picks
            # in one go are the benchmark's, not a person's (each is a write to disk).
            for guest in part:
                target = Status.ATTENDED if guest.status is not Status.ATTENDED else Status.NO_SHOW
                service.set_status(guest.id, target)
            watch = StallWatch()
            watch.start()
            await runtime.yield_to_loop()
            if with_numbers:
                toolkit._roster_changed()  # a whole recount, sliced, while the queue drains
            if not await service.load_roster():
                raise RuntimeError(f"roster sync failed: {service.connection_message}")
            await drained(desk.vm, service)
            await asyncio.sleep(0.5)  # the panel's last refresh after the last delivery
            return watch.stop(), round(watch.worst_cpu * 1000, 2)

        set_faults(info, latency=LATENCY_S, only="PUT")
        steal = CpuSteal()
        # The same drain without the toolkit hearing of it (panel closed), then with
        # the panel open: the difference is the numbers' upkeep.
        panel.hide()
        for signal, slot in slots:
            signal.disconnect(slot)
        stall, cpu = await drain(picked[:changes], with_numbers=False)
        results["numbers_baseline_loop_max_stall_ms"] = stall
        results["numbers_baseline_loop_max_stall_cpu_ms"] = cpu
        for signal, slot in slots:
            signal.connect(slot)
        toolkit.open_numbers()
        start = time.perf_counter()
        stall, cpu = await drain(picked[changes:], with_numbers=True)
        results["numbers_drain_s"] = round(time.perf_counter() - start, 3)
        results["numbers_loop_max_stall_ms"] = stall
        results["numbers_loop_max_stall_cpu_ms"] = cpu
        results["numbers_cpu_steal_pct"] = steal.percent()
        results["numbers_panel_refreshes"] = len(refreshes)
        results["numbers_panel_refresh_p95_ms"] = round(percentile(refreshes, 0.95), 2)
        results["numbers_panel_refresh_max_ms"] = round(max(refreshes), 2)
        results["numbers_panel_refresh_cpu_p95_ms"] = round(percentile(refresh_cpu, 0.95), 2)
        results["load_average"] = round(os.getloadavg()[0], 1)
        counted = toolkit.numbers.numbers()
        truth = sum(1 for g in service.index.all() if g.status is Status.ATTENDED)
        # The recount after the whole drain agrees with the roster, guest by guest.
        results["numbers_counts_right"] = counted.arrived == truth
    finally:
        set_faults(info)
        await tasks.cancel_all()
        await http.aclose()
        store.close()
        window.allow_close = True
        window.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.numbers")
    parser.add_argument("--info", required=True)
    parser.add_argument("--changes", type=int, default=1000)
    args = parser.parse_args()

    from kiosk.app import make_application
    from kiosk.ui.qt_async import run as run_on_qt

    app = make_application()
    print(json.dumps(run_on_qt(app, run(json.loads(args.info), args.changes))))


if __name__ == "__main__":
    main()
