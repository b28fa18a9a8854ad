"""``python -m benchmarks.multidesk``: N desk processes share one sandbox sheepCRM quota.

Each desk is a process of its own with the real ``CheckinService``, sheepCRM backend,
call budget and SQLite outbox (no window). The sandbox enforces sheepCRM's documented
quota (400 calls a minute, 1,000 an hour, per key; every desk uses one key) with time
compressed ``--scale`` times (20: the hour passes in 3 minutes). A rush of check-ins is
spread at random over the compressed hour and over the desks. Printed, per desk count:
calls per window against the quota, calls refused, p50/p95 time from a change to the
platform, p50/p95 time until the other desks show it (real seconds and scaled back to
platform time), bytes pulled per desk against the bandwidth budget. The last line of
stdout is all of it as JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from benchmarks.common import ROOT, percentile

#: Desks refresh at most this often (the app's default), in platform time.
REFRESH_FLOOR_S = 5.0
#: After the hour, each desk runs until a refresh begun after the last check-in has
#: ended (so every change can reach every desk and counts in "seen"), this long at most
#: (platform time).
TAIL_MAX_S = 900.0


# -- one desk (a process of its own) --------------------------------------------------------


class _Seen:
    """The desk's listener: when each guest first showed as attended, and delivered."""

    def __init__(self) -> None:
        self.attended: dict[str, float] = {}
        self.synced: dict[str, float] = {}

    def roster_changed(self) -> None:
        pass

    def guest_changed(self, guest: Any) -> None:
        if guest.status.wire == "attended":
            self.attended.setdefault(guest.id, time.time())

    def sync_changed(self, guest_id: str, sync: Any) -> None:
        if sync.delivery.value == "synced":
            self.synced.setdefault(guest_id, time.time())

    def connection_changed(self, state: Any, message: str) -> None:
        pass

    def pending_changed(self, count: int) -> None:
        pass


async def _desk(args: argparse.Namespace) -> dict[str, Any]:
    from kiosk.backends.factory import build_backend
    from kiosk.domain import Status
    from kiosk.limits import CallLimits
    from kiosk.services.budget import CallBudget
    from kiosk.services.checkin import CheckinService
    from kiosk.store.local import open_store

    opened = time.time()  # the desk's whole run, its first load too, is what it pulled in
    info = json.loads(args.info)["sheepcrm"]
    backend, http = build_backend("sheepcrm", info, info["api_key"])
    budget = CallBudget.for_platform("sheepcrm", CallLimits(quota=args.quota), scale=args.scale)
    budget.attach(http)
    trace: list[tuple[float, float, str]] = []
    if args.trace:  # each refresh pause and what the budget thought then, to stderr
        asked = budget.refresh_delay

        def traced(floor: float) -> float:
            delay = asked(floor)
            trace.append((time.time(), delay, budget.describe()))
            return delay

        budget.refresh_delay = traced  # type: ignore[method-assign]
        held = budget.write_delay

        def traced_hold() -> float:
            delay = held()
            if delay > 0:
                trace.append((time.time(), delay, "write held: " + budget.describe()))
            return delay

        budget.write_delay = traced_hold  # type: ignore[method-assign]
    store, _ = open_store(Path(args.store))
    seen = _Seen()
    service = CheckinService(
        backend, store.outbox, kiosk_id=f"desk-{args.index}", listener=seen, budget=budget
    )
    await service.load_roster()
    took: list[float] = []  # each refresh's real seconds: the host's share of "seen"
    load = service.load_roster

    done: list[float] = []  # when each refresh that ended had begun (wall clock)

    async def timed() -> bool:
        began, at = time.perf_counter(), time.time()
        try:
            return await load()
        finally:
            took.append(time.perf_counter() - began)
            done.append(at)
            if args.trace:
                trace.append((time.time(), took[-1], "load"))

    service.load_roster = timed  # type: ignore[method-assign]
    ids = sorted(g.id for g in service.search("", None) if g.status is not Status.ATTENDED)
    mine = ids[args.index :: args.desks][: args.checkins]
    rng = random.Random(args.index)
    hour = 3600.0 / args.scale
    plan = sorted((rng.uniform(0, hour), gid) for gid in mine)
    tasks = [
        asyncio.create_task(service.run_sender()),
        asyncio.create_task(service.run_refresher(REFRESH_FLOOR_S / args.scale)),
    ]
    loop = asyncio.get_running_loop()
    start = loop.time() + max(0.0, args.start_at - time.time())
    changed: dict[str, float] = {}
    for offset, gid in plan:
        await asyncio.sleep(max(0.0, start + offset - loop.time()))
        service.set_status(gid, Status.ATTENDED)
        changed[gid] = time.time()
    await asyncio.sleep(max(0.0, start + hour - loop.time()))
    ended, cap = time.time(), loop.time() + TAIL_MAX_S / args.scale
    drained: float | None = None  # when this desk's own changes were all delivered
    while loop.time() < cap:  # the desk's own refresher decides when: this only watches
        if drained is None and service.pending_count() == 0:
            drained = time.time()
        if drained is not None and any(at >= drained for at in done):
            break
        await asyncio.sleep(0.05)
    tail = time.time() - ended
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    await http.aclose()
    store.close()
    for at, delay, thought in trace:
        print(
            f"desk {args.index} {at - args.start_at:8.2f} {delay:6.2f} {thought}", file=sys.stderr
        )
    return {
        "changed": changed,
        "synced": seen.synced,
        "attended": seen.attended,
        "pending": service.pending_count(),
        "bytes": budget.bytes_total,
        "ran_s": time.time() - opened,
        "refused": budget.refused,
        "desks_estimate": round(budget.desks, 1),
        "refreshes": len(took),
        "refresh_s": took,
        "tail_s": tail,
    }


# -- the run: a sandbox, N desks, the figures ------------------------------------------------


@contextmanager
def _sandbox(guests: int, scale: float) -> Iterator[dict[str, Any]]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "kiosk.sandbox", "--guests", str(guests),
         "--quota-scale", str(scale), "--enforce-quota"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT,
    )  # fmt: skip
    try:
        assert proc.stdout is not None
        yield json.loads(proc.stdout.readline())
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def _control(info: dict[str, Any], method: str, path: str) -> Any:
    request = urllib.request.Request(f"{info['url']}/_sandbox/{path}", method=method)
    with urllib.request.urlopen(request, timeout=60) as answer:
        return json.loads(answer.read() or b"null")


def _run(
    info: dict[str, Any],
    desks: int,
    checkins: int,
    scale: float,
    folder: Path,
    trace: bool = False,
) -> dict[str, Any]:
    _control(info, "POST", "reset")
    quota = f"400/{60 / scale}, 1000/{3600 / scale}"
    began = time.time()
    start_at = began + 8 + desks * 1.5  # every desk has its roster by then
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "benchmarks.multidesk",
                "desk",
                "--info",
                json.dumps(info),
                "--index",
                str(i),
                "--desks",
                str(desks),
                "--scale",
                str(scale),
                "--checkins",
                str(checkins // desks + (i < checkins % desks)),
                "--quota",
                quota,
                "--start-at",
                str(start_at),
                "--store",
                str(folder / f"desk-{desks}-{i}.sqlite3"),
                *(["--trace"] if trace else []),
            ],
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        for i in range(desks)
    ]
    results = []
    for proc in procs:
        out, _ = proc.communicate(timeout=3600 / scale + 600)
        if proc.returncode != 0:
            raise RuntimeError(f"a desk failed ({proc.returncode})")
        results.append(json.loads(out.strip().splitlines()[-1]))
    log = [r for r in _control(info, "GET", "requests?platform=sheepcrm") if r["at"] >= began]
    return _figures(results, log, desks, checkins, scale)


def _figures(
    results: Sequence[dict[str, Any]],
    log: Sequence[dict[str, Any]],
    desks: int,
    checkins: int,
    scale: float,
) -> dict[str, Any]:
    delivery = [
        r["synced"][gid] - t
        for r in results
        for gid, t in r["changed"].items()
        if gid in r["synced"]
    ]
    seen, missing = [], 0
    for i, own in enumerate(results):
        for gid, t in own["changed"].items():
            for j, other in enumerate(results):
                if j != i:
                    if gid in other["attended"]:
                        seen.append(other["attended"][gid] - t)
                    else:
                        missing += 1
    hour, minute = 3600 / scale, 60 / scale
    counted = [r["at"] for r in log if r["status"] != 429]
    changed = sum(len(r["changed"]) for r in results)
    pulled = [r["bytes"] for r in results]
    figures = {
        "desks": desks,
        "checkins": checkins,
        "scale": scale,
        "calls_busiest_hour": max(windows(counted, hour), default=0),
        "quota_hour": 1000,
        "calls_busiest_minute": max(windows(counted, minute), default=0),
        "quota_minute": 400,
        "calls_refused": sum(1 for r in log if r["status"] == 429),
        "changes": changed,
        "delivered": sum(len(r["synced"]) for r in results),
        "undelivered": sum(r["pending"] for r in results),
        "delivery_p50_s": _p(delivery, 0.5),
        "delivery_p95_s": _p(delivery, 0.95),
        "seen_p50_s": _p(seen, 0.5),
        "seen_p95_s": _p(seen, 0.95),
        "seen_p50_platform_s": round(_p(seen, 0.5) * scale, 1),
        "seen_p95_platform_s": round(_p(seen, 0.95) * scale, 1),
        "seen_missing": missing,
        "bytes_per_desk_mb": round(sum(pulled) / len(pulled) / 1e6, 1),
        "bytes_per_desk_hour_mb": round(
            sum(r["bytes"] / r["ran_s"] for r in results) / len(results) * hour / 1e6, 1
        ),
        "bandwidth_budget_mb_hour": 1000,
        "desks_estimated": [r["desks_estimate"] for r in results],
        "refreshes_per_desk": round(sum(r["refreshes"] for r in results) / len(results), 1),
        "refresh_p50_s": _p([t for r in results for t in r["refresh_s"]], 0.5),
        "refresh_p95_s": _p([t for r in results for t in r["refresh_s"]], 0.95),
    }  # fmt: skip
    figures["budgets_met"] = (
        figures["calls_refused"] == 0
        and figures["undelivered"] == 0
        and figures["delivered"] == changed
        and figures["seen_missing"] == 0
        and (desks == 1 or figures["seen_p95_platform_s"] <= 90)
        and figures["bytes_per_desk_hour_mb"] <= 1000
    )
    return figures


def windows(times: Sequence[float], length: float) -> list[int]:
    """Calls in each of the platform's windows: a window begins with the first call
    after the last one ended (as the sandbox counts them)."""
    counts: list[int] = []
    end: float | None = None
    for at in sorted(times):
        if end is None or at >= end:
            counts.append(0)
            end = at + length
        counts[-1] += 1
    return counts


def _p(values: Sequence[float], share: float) -> float:
    return round(percentile(values, share), 3) if values else float("nan")


def _say(figures: dict[str, Any]) -> None:
    f = figures
    print(
        f"{f['desks']:>2} desks, {f['checkins']} check-ins, time x{f['scale']:g}: "
        f"calls {f['calls_busiest_hour']}/{f['quota_hour']} in the busiest hour, minute "
        f"{f['calls_busiest_minute']}/{f['quota_minute']}, refused {f['calls_refused']}; "
        f"delivered {f['delivered']}/{f['changes']} p50 {f['delivery_p50_s']} s p95 "
        f"{f['delivery_p95_s']} s; seen by others p50 {f['seen_p50_platform_s']} s p95 "
        f"{f['seen_p95_platform_s']} s (platform time; missing {f['seen_missing']}); pulled "
        f"{f['bytes_per_desk_hour_mb']} MB an hour per desk (budget 1000); "
        f"{f['refreshes_per_desk']} refreshes per desk, each p50 {f['refresh_p50_s']} s "
        f"p95 {f['refresh_p95_s']} s real",
        flush=True,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.multidesk", description=__doc__)
    sub = parser.add_subparsers(dest="role")
    desk = sub.add_parser("desk", help="(internal) one desk process")
    for name in ("--info", "--quota", "--store"):
        desk.add_argument(name, required=True)
    for name in ("--index", "--desks", "--checkins"):
        desk.add_argument(name, type=int, required=True)
    desk.add_argument("--scale", type=float, required=True)
    desk.add_argument("--start-at", type=float, required=True)
    desk.add_argument("--trace", action="store_true")
    parser.add_argument("--desks", default="1,3,10", help="desk counts to run, in turn")
    parser.add_argument("--guests", type=int, default=5000)
    parser.add_argument("--checkins", type=int, default=500, help="in the (compressed) hour")
    parser.add_argument("--scale", type=float, default=20.0, help="time compression")
    parser.add_argument("--trace", action="store_true", help="each desk's pauses, to stderr")
    parser.add_argument("--quick", action="store_true", help="2 desks, 300 guests, ~20 s")
    args = parser.parse_args(argv)
    if args.role == "desk":
        print(json.dumps(asyncio.run(_desk(args))))
        return 0
    if args.quick:
        args.desks, args.guests, args.checkins, args.scale = "2", 300, 40, 360.0
    runs = []
    with _sandbox(args.guests, args.scale) as info, tempfile.TemporaryDirectory() as folder:
        for count in (int(n) for n in args.desks.split(",")):
            runs.append(_run(info, count, args.checkins, args.scale, Path(folder), args.trace))
            _say(runs[-1])
    print(json.dumps({"guests": args.guests, "runs": runs}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
