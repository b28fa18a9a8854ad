"""``python -m benchmarks.search --info JSON``: keystroke search over the sandbox's roster,
and the same queries through a plain substring scan, SQLite LIKE and SQLite FTS5.

The query mix is what a door sees: names typed keystroke by keystroke (first name, then
the start of the last name), last names with one typo, whole emails and their starts,
ticket codes as printed and as typed, platform ids, and misses. Each query is timed once,
in typing order, as ``SearchIndex.search(query, limit=500)`` (what the window asks).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import random
import sqlite3
import time
from collections.abc import Callable, Sequence
from typing import Any

from benchmarks.common import percentile
from kiosk.app import build_backend
from kiosk.domain import Guest
from kiosk.search import SearchIndex, fold

LIMIT = 500  # what the window asks for (CheckinViewModel.search)


def query_mix(guests: Sequence[Guest], seed: int = 7, scale: int = 1) -> list[str]:
    rng = random.Random(seed)
    people = [g for g in guests if g.first_name and g.last_name]
    pick = lambda n: rng.sample(people, n * scale)  # noqa: E731
    queries: list[str] = []
    for guest in pick(12):  # "ann" … "anna smi": every keystroke
        typed = f"{fold(guest.first_name)} {fold(guest.last_name)[:3]}"
        queries += [typed[:end] for end in range(1, len(typed) + 1)]
    for guest in pick(6):  # last name first, then the first name's start
        typed = f"{fold(guest.last_name)} {fold(guest.first_name)[:2]}"
        queries += [typed[:end] for end in range(2, len(typed) + 1)]
    for guest in pick(20):  # one typo: a swap, a wrong letter, a missing letter
        last = fold(guest.last_name)
        if len(last) < 5:
            continue
        at = rng.randrange(1, len(last) - 1)
        queries.append(
            rng.choice(
                [
                    last[:at] + last[at + 1] + last[at] + last[at + 2 :],
                    last[:at] + rng.choice("aeiourstn") + last[at + 1 :],
                    last[:at] + last[at + 1 :],
                ]
            )
        )
    for guest in pick(12):
        queries.append(guest.email)
        queries.append(guest.email[: rng.randrange(6, 12)])
    for guest in pick(15):
        queries.append(guest.ticket)
        queries.append(guest.ticket.lower().replace("-", ""))
    for guest in pick(5):
        queries.append(guest.platform_ref)
        queries.append(guest.id)
    queries += ["zzqx", "xylophone", "qwertzu@nowhere", "KSK-0000-0000"]
    return queries


def time_each(search: Callable[[str], object], queries: Sequence[str]) -> list[float]:
    times = []
    for query in queries:
        start = time.perf_counter()
        search(query)
        times.append((time.perf_counter() - start) * 1000)
    return times


def summary(times: Sequence[float]) -> dict[str, float]:
    return {
        "p50_ms": round(percentile(times, 0.50), 3),
        "p95_ms": round(percentile(times, 0.95), 3),
        "max_ms": round(max(times), 3),
    }


# -- the baselines ------------------------------------------------------------------------


def _haystack(guest: Guest) -> str:
    return fold(f"{guest.first_name} {guest.last_name} {guest.email} {guest.ticket}")


def _sort_key(guest: Guest) -> str:
    return f"{fold(guest.last_name)}\x00{fold(guest.first_name)}"


def python_scan(guests: Sequence[Guest]) -> Callable[[str], list[int]]:
    """Every guest's folded text, scanned for every query word; matches sorted by name."""
    hay = [_haystack(g) for g in guests]
    keys = [_sort_key(g) for g in guests]

    def search(query: str) -> list[int]:
        words = fold(query).split()
        found = [i for i, text in enumerate(hay) if all(w in text for w in words)]
        found.sort(key=keys.__getitem__)
        return found[:LIMIT]

    return search


def sqlite_like(guests: Sequence[Guest]) -> Callable[[str], list[int]]:
    """The same folded text in an in-memory SQLite table: one LIKE '%word%' per word."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE g (i INTEGER PRIMARY KEY, hay TEXT, sortkey TEXT)")
    db.executemany(
        "INSERT INTO g VALUES (?,?,?)",
        ((i, _haystack(g), _sort_key(g)) for i, g in enumerate(guests)),
    )
    db.execute("CREATE INDEX g_sort ON g (sortkey)")

    def search(query: str) -> list[int]:
        words = [w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") for w in
                 fold(query).split()] or [""]  # fmt: skip
        where = " AND ".join("hay LIKE ? ESCAPE '\\'" for _ in words)
        rows = db.execute(
            f"SELECT i FROM g WHERE {where} ORDER BY sortkey LIMIT {LIMIT}",
            [f"%{w}%" for w in words],
        ).fetchall()
        return [row[0] for row in rows]

    return search


def sqlite_fts5(guests: Sequence[Guest]) -> Callable[[str], list[int]]:
    """A candidate engine: FTS5 with diacritics removed and prefix indexes; rowids are
    the alphabetical order, so the first 500 need no sort. (No typo tolerance.)"""
    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE VIRTUAL TABLE f USING fts5(name, email, ticket,"
        " tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')"
    )
    ordered = sorted(range(len(guests)), key=lambda i: _sort_key(guests[i]))
    db.executemany(
        "INSERT INTO f (rowid, name, email, ticket) VALUES (?,?,?,?)",
        (
            (rank, guests[i].name, guests[i].email, guests[i].ticket)
            for rank, i in enumerate(ordered)
        ),
    )

    def search(query: str) -> list[int]:
        words = [w for w in "".join(c if c.isalnum() else " " for c in fold(query)).split()]
        if not words:
            return []
        match = " AND ".join(f'"{w}"*' for w in words)
        rows = db.execute(
            f"SELECT rowid FROM f WHERE f MATCH ? ORDER BY rowid LIMIT {LIMIT}", (match,)
        ).fetchall()
        return [row[0] for row in rows]

    return search


# -- running ------------------------------------------------------------------------------


async def load_guests(info: dict[str, Any], platform: str) -> list[Guest]:
    connection = info[platform]
    backend, http = build_backend(platform, connection, connection["api_key"])
    try:
        roster = await backend.load_roster()
    finally:
        await http.aclose()
    return list(roster.guests)


def run(guests: list[Guest], scale: int) -> dict[str, Any]:
    queries = query_mix(guests, scale=scale)
    start = time.perf_counter()
    index = SearchIndex(guests)
    build_s = time.perf_counter() - start
    gc.collect()
    gc.freeze()  # as the app does once the roster is in (kiosk.app.settle_heap)
    ours = time_each(lambda q: index.search(q, limit=LIMIT), queries)
    baselines = {}
    for name, make in (("python_scan", python_scan), ("sqlite_like", sqlite_like)):
        baselines[name] = summary(time_each(make(guests), queries))
    fts5 = summary(time_each(sqlite_fts5(guests), queries))
    return {
        "search_p50_ms": round(percentile(ours, 0.50), 3),
        "search_p95_ms": round(percentile(ours, 0.95), 3),
        "search_max_ms": round(max(ours), 3),
        "search_baselines": baselines,
        "search_alternatives": {"sqlite_fts5_prefix_no_typos": fts5},
        "search_guests": len(guests),
        "search_queries": len(queries),
        "search_index_build_s": round(build_s, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.search")
    parser.add_argument("--info", required=True, help="the sandbox's info JSON")
    parser.add_argument("--platform", default="sheepcrm")
    parser.add_argument("--scale", type=int, default=1)
    args = parser.parse_args()
    guests = asyncio.run(load_guests(json.loads(args.info), args.platform))
    print(json.dumps(run(guests, args.scale)))


if __name__ == "__main__":
    main()
