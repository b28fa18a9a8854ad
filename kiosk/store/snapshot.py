"""The start-up snapshot: the cached roster and its built search index in one file, so
a window with 100,000 cached guests opens within a second.

The SQLite roster cache (``roster.py``) stays the truth. Reading 100,000 rows from it
and indexing them again takes 1.5 s or more; the snapshot holds the same guests *and* the
index tables, and loads in about a quarter of that. It is written when Kiosk closes,
tagged with the version of the roster the cache held (``RosterCache.version``). It is
used only while that tag still matches: after a crash, or once a refresh has written
newer guests, Kiosk reads SQLite as before and writes a fresh snapshot when it closes.

A snapshot is a pickle, read by an unpickler that knows only the few classes a snapshot
holds: a file changed by anyone else is refused (and logged), never run.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import logging
import os
import pickle
import time
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

from kiosk.domain import Event, Guest, Status

log = logging.getLogger(__name__)

#: Bumped whenever what a snapshot holds changes shape; an older one is ignored.
FORMAT = 1
SUFFIX = ".snapshot"


@dataclasses.dataclass(frozen=True, slots=True)
class Snapshot:
    """What a snapshot holds: the platform's guests by index slot (None: a free slot),
    the index tables built on them (``SearchIndex.state``), and the roster version they
    were taken from."""

    version: str
    event: Event
    saved_at: dt.datetime
    guests: list[Guest | None]
    index_state: dict[str, Any]


def snapshot_path(store_path: Path) -> Path:
    """Where the snapshot of the store at ``store_path`` is kept (beside it)."""
    return store_path.with_name(store_path.name + SUFFIX)


def write_snapshot(path: Path, snapshot: Snapshot) -> None:
    """Write ``snapshot`` to ``path`` atomically (a half-written file is never read)."""
    began = time.perf_counter()
    data = {
        "format": FORMAT,
        "version": snapshot.version,
        "event": dataclasses.astuple(snapshot.event),
        "saved_at": snapshot.saved_at,
        **_canonical(snapshot.guests, snapshot.index_state),
    }
    partial = path.with_name(path.name + ".partial")
    with open(partial, "wb") as out:
        _Pickler(out, protocol=pickle.HIGHEST_PROTOCOL).dump(data)
        out.flush()
        os.fsync(out.fileno())
    partial.replace(path)
    log.info(
        "wrote the start-up snapshot: %d guests, %.1f MB in %.2f s",
        len(snapshot.guests),
        path.stat().st_size / 1e6,
        time.perf_counter() - began,
    )


def read_snapshot(path: Path, version: str) -> Snapshot | None:
    """The snapshot at ``path`` if it shows roster ``version``; None when there is none,
    it is stale, or it cannot be read (logged: the caller falls back to the cache)."""
    if not version:
        return None
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.warning("start-up snapshot %s unreadable (%s); reading the cache instead", path, exc)
        return None
    try:
        data = _Unpickler(io.BytesIO(raw)).load()
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            log.info("start-up snapshot %s is of another format; reading the cache instead", path)
            return None
        if data["version"] != version:
            log.info("start-up snapshot is older than the cached roster; reading the cache")
            return None
        make = Guest._make
        guests = [make(row) if row is not None else None for row in data["rows"]]
        return Snapshot(version, Event(*data["event"]), data["saved_at"], guests, data["index"])
    except Exception as exc:  # any damage at all means "not usable", never a crash
        log.warning(
            "start-up snapshot %s unusable (%s: %s); reading the cache instead",
            path,
            type(exc).__name__,
            exc,
        )
        return None


def _canonical(guests: list[Guest | None], state: dict[str, Any]) -> dict[str, Any]:
    """Rows and index tables with every repeated text one object: pickle then writes
    it once and reading makes it once (first names, ticket types, a ticket code and its
    code-table key, an email already in folded form ...): a quarter less to read."""
    canon: dict[str, str] = {}
    one = canon.setdefault
    rows = [
        tuple(one(v, v) if type(v) is str else v for v in guest) if guest is not None else None
        for guest in guests
    ]
    tables = dict(state)
    for name in ("emails", "tickets", "vocab"):
        tables[name] = [one(text, text) for text in state[name]]
    for name in ("codes", "more_codes", "terms", "email_starts", "ticket_starts"):
        tables[name] = {one(key, key): value for key, value in state[name].items()}
    return {"rows": rows, "index": tables}


def _proxy(mapping: dict[str, str]) -> Mapping[str, str]:
    return MappingProxyType(mapping)


class _Pickler(pickle.Pickler):
    def reducer_override(self, obj: Any) -> Any:
        # A guest's extras are read-only views, which pickle cannot name on its own.
        if type(obj) is MappingProxyType:
            return _proxy, (dict(obj),)
        return NotImplemented


#: Everything a snapshot may name; anything else means it was not written by Kiosk.
_ALLOWED = {
    ("datetime", "datetime"),
    ("datetime", "timezone"),
    ("datetime", "timedelta"),
    (Status.__module__, "Status"),
    (__name__, "_proxy"),
}


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"a snapshot does not hold {module}.{name}")
        return super().find_class(module, name)
