"""``python -m benchmarks [--quick]``: every budget (docs/performance.md), measured now on this
machine, printed as ONE JSON object on stdout (progress goes to stderr).

Each measurement runs in a fresh process of its own against one sandbox process
(``benchmarks.serve``): search (``benchmarks.search``), roster sync
(``benchmarks.sync``), the window's loop and the outbox drain (``benchmarks.desk``),
the live numbers panel's upkeep meanwhile (``benchmarks.numbers``), badges printed on
check-in (``benchmarks.badges``), and start-up (``benchmarks.startup``, from the roster the
sync cached).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks import startup
from benchmarks.common import machine, run_child, sandbox_process

#: The budgets (docs/performance.md): key → (limit, "max" or "min").
BUDGETS: dict[str, tuple[float, str]] = {
    "search_p95_ms": (5.0, "max"),
    "loop_max_stall_ms": (16.0, "max"),
    "loop_max_stall_badges_ms": (16.0, "max"),
    "drain_efficiency": (0.8, "min"),
    "sync_100k_s": (5.0, "max"),
    "sync_rss_mb": (250.0, "max"),
    "sync_attendu_100k_s": (5.0, "max"),
    "startup_s": (1.0, "max"),
    "numbers_loop_max_stall_ms": (16.0, "max"),
}


def say(text: str) -> None:
    print(f"[benchmarks] {text}", file=sys.stderr, flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument(
        "--quick", action="store_true", help="10,000 guests, fewer changes (for CI)"
    )
    args = parser.parse_args()
    guests = 10_000 if args.quick else 100_000
    changes, drain_changes = (200, 200) if args.quick else (1000, 800)
    began = time.perf_counter()
    result: dict[str, Any] = {"quick": args.quick, "guests": guests}
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as folder:
        store = Path(folder) / "roster.sqlite3"
        say(f"starting a sandbox with {guests:,} guests")
        with sandbox_process(guests) as info:
            info_json = json.dumps(info)
            say("search: index, query mix, baselines")
            result.update(run_child("benchmarks.search", "--info", info_json))
            say("roster sync in a fresh process")
            sync = run_child("benchmarks.sync", "--info", info_json, "--store", str(store))
            result["sync_100k_s"] = sync["seconds"]
            result["sync_cache_written_s"] = sync["cache_write_s"]
            result["sync_rss_mb"] = sync["rss_mb"]
            result["sync_guests"] = sync["guests"]
            result["sync_refresh_unchanged_s"] = sync["refresh_unchanged_s"]
            say("roster sync from Attendu (pages, a few at once) in a fresh process")
            attendu = Path(folder) / "attendu.sqlite3"
            paged = run_child(
                "benchmarks.sync", "--info", info_json, "--platform", "attendu",
                "--store", str(attendu),
            )  # fmt: skip
            result["sync_attendu_100k_s"] = paged["seconds"]
            result["sync_attendu_rss_mb"] = paged["rss_mb"]
            result["sync_attendu_guests"] = paged["guests"]
            result["sync_attendu_refresh_unchanged_s"] = paged["refresh_unchanged_s"]
            result["sync_attendu_first_load_calls"] = paged["first_load_calls"]
            say("the window's loop while changes drain and the roster syncs; drain speed")
            desk = run_child(
                "benchmarks.desk",
                "--info", info_json,
                "--changes", str(changes),
                "--drain-changes", str(drain_changes),
            )  # fmt: skip
            result.update(desk)
            say("the live numbers panel's upkeep while changes drain and the roster syncs")
            result.update(
                run_child("benchmarks.numbers", "--info", info_json, "--changes", str(changes))
            )
            say("badges printed on check-in: to the queue, and the loop meanwhile")
            result.update(run_child("benchmarks.badges", "--info", info_json))
            off = run_child("benchmarks.badges", "--info", info_json, "--off")
            result["loop_max_stall_badges_off_ms"] = off["loop_max_stall_badges_ms"]
            say("start-up from the cached roster")
            result.update(startup.measure(store, info["sheepcrm"]["event"], 1 if args.quick else 3))
    result["budgets"] = {
        key: {
            "budget": limit,
            "measured": result[key],
            "met": result[key] <= limit if kind == "max" else result[key] >= limit,
        }
        for key, (limit, kind) in BUDGETS.items()
    }
    result["search_ahead_of_baselines"] = {
        name: round(figures["p95_ms"] / max(result["search_p95_ms"], 1e-6), 1)
        for name, figures in result["search_baselines"].items()
    }
    result["machine"] = machine()
    result["benchmark_seconds"] = round(time.perf_counter() - began, 1)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
