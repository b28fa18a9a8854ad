"""``python -m benchmarks.sync --info JSON --store PATH``: one full roster sync from the
sandbox, in a fresh process: the real client, service, search index and roster cache.

Prints ``{"seconds": …, "cache_write_s": …, "refresh_unchanged_s": …,
"first_load_calls": …, "rss_mb": …, "guests": …}``: wall time of
``CheckinService.load_roster()`` (download, parse, index: the guests are searchable), the
wall time from the same start until the roster cache is in SQLite too (it is written in
the background), the wall time of a refresh that finds the roster unchanged (a
conditional read: 304s, no parse), the calls the first load made, and this process's
peak resident memory, which includes Python, httpx and the whole roster. ``--platform``
sheepcrm (one streamed answer) or attendu (pages of 500, a few at once). Every call goes
through the platform's default call budget, as in the app.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from pathlib import Path
from typing import Any

from benchmarks.common import peak_rss_mb
from kiosk.app import build_backend
from kiosk.domain import Guest
from kiosk.services.checkin import Connection, GuestSync
from kiosk.store.local import open_store


class Quiet:
    """A listener that ignores everything (no window in this benchmark)."""

    def roster_changed(self) -> None: ...
    def guest_changed(self, guest: Guest) -> None: ...
    def sync_changed(self, guest_id: str, sync: GuestSync) -> None: ...
    def connection_changed(self, state: Connection, message: str) -> None: ...
    def pending_changed(self, count: int) -> None: ...


async def sync(info: dict[str, Any], platform: str, store_path: Path) -> dict[str, Any]:
    from kiosk.services.budget import CallBudget
    from kiosk.services.checkin import CheckinService

    connection = info[platform]
    backend, http = build_backend(platform, connection, connection["api_key"])
    # As the app has it: every call goes through the platform's default call budget, so
    # a long list's pages wait for the quota's next window when it has no room.
    budget = CallBudget.for_platform(platform)
    budget.attach(http)
    store, _damage = open_store(store_path)
    try:
        service = CheckinService(
            backend, store.outbox, kiosk_id="bench", listener=Quiet(), cache=store.roster,
            budget=budget,
        )  # fmt: skip
        start = time.perf_counter()
        answered = await service.load_roster()
        seconds = time.perf_counter() - start
        calls = budget.calls_sent
        if not answered:
            raise RuntimeError(f"the roster did not load: {service.connection_message}")
        await service.cache_written()
        cached = time.perf_counter() - start
        start = time.perf_counter()
        if not await service.load_roster():
            raise RuntimeError(f"the refresh failed: {service.connection_message}")
        unchanged = time.perf_counter() - start
        return {
            "seconds": round(seconds, 3),
            "cache_write_s": round(cached, 3),
            "refresh_unchanged_s": round(unchanged, 3),
            "first_load_calls": calls,
            "guests": len(service.index),
        }
    finally:
        await http.aclose()
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.sync")
    parser.add_argument("--info", required=True)
    parser.add_argument("--platform", default="sheepcrm")
    parser.add_argument("--store", required=True, type=Path)
    args = parser.parse_args()
    result = asyncio.run(sync(json.loads(args.info), args.platform, args.store))
    result["rss_mb"] = round(peak_rss_mb(), 1)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
