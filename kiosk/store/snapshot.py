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

from kiosk.domain import Event, Guest, Status, guest_from_row
from kiosk.private_files import private_opener

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
    header = {"format": FORMAT, "version": snapshot.version}
    body = {
        "event": dataclasses.astuple(snapshot.event),
        "saved_at": snapshot.saved_at,
        "guests": _columns(snapshot.guests),
        "index": _canonical(snapshot.index_state),
    }
    partial = path.with_name(path.name + ".partial")
    with open(partial, "wb", opener=private_opener) as out:  # guests' names: theirs alone
        pickler = _Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.dump(header)  # read first: a stale snapshot costs no more than this
        pickler.clear_memo()
        pickler.dump(body)
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
        stream = io.BytesIO(raw)
        header = _Unpickler(stream).load()
        if not isinstance(header, dict) or header.get("format") != FORMAT:
            log.info("start-up snapshot %s is of another format; reading the cache instead", path)
            return None
        if header.get("version") != version:
            log.info("start-up snapshot is older than the cached roster; reading the cache")
            return None
        body = _Unpickler(stream).load()
        index = body["index"]
        guests, ids = _guests(body["guests"], index["free"])
        # Guest id → slot, made again in C rather than read (100,000 entries).
        index["slot"] = dict(zip(ids, range(len(ids)), strict=True))
        for slot in index["free"]:
            index["slot"].pop(ids[slot], None)
        return Snapshot(version, Event(*body["event"]), body["saved_at"], guests, index)
    except Exception as exc:  # any damage at all means "not usable", never a crash
        log.warning(
            "start-up snapshot %s unusable (%s: %s); reading the cache instead",
            path,
            type(exc).__name__,
            exc,
        )
        return None


# -- the guests, a column per field ---------------------------------------------------
#
# Unpickling 100,000 tuples of fifteen makes every text one pickle opcode at a time.
# A column of texts joined into one string comes back with one ``split`` in C,
# and ``guest_from_row`` mapped over ``zip(*columns)`` builds the guests in C as well.

_SEP = "\x1f"  # the ASCII unit separator
_TEXT = "text"  # a column of texts, joined
_LIST = "list"  # anything else, pickled as a list (repeats come back as one object)
_EMPTY_ROW = Guest("", "", "", "", "", "", Status.INVITED)  # stands in for a free slot


def _columns(guests: list[Guest | None]) -> dict[str, Any]:
    rows = [guest if guest is not None else _EMPTY_ROW for guest in guests]
    canon: dict[Any, Any] = {}
    one = canon.setdefault
    columns: list[tuple[str, Any]] = []
    for values in zip(*rows, strict=True) if rows else ():
        if all(type(v) is str and _SEP not in v for v in values):
            columns.append((_TEXT, _SEP.join(values)))
        else:
            columns.append((_LIST, [one(v, v) if type(v) is str else v for v in values]))
    return {"count": len(rows), "columns": columns}


def _guests(data: dict[str, Any], free: list[int]) -> tuple[list[Guest | None], list[str]]:
    """The guests by slot, and their ids."""
    count: int = data["count"]
    if not count:
        return [], []
    columns: list[Any] = []
    for kind, value in data["columns"]:
        if kind == _TEXT:
            column = value.split(_SEP)
        elif kind == _LIST:
            column = value
        else:
            raise ValueError(f"a snapshot column of unknown kind {kind!r}")
        if len(column) != count:
            raise ValueError("snapshot columns of different lengths")
        columns.append(column)
    if len(columns) != len(Guest._fields):
        raise ValueError("a snapshot of guests with other fields")
    # Rows complete by the column count checked above: the C-built constructor.
    guests: list[Guest | None] = list(map(guest_from_row, zip(*columns, strict=True)))
    for slot in free:
        guests[slot] = None
    return guests, columns[0]


def _canonical(state: dict[str, Any]) -> dict[str, Any]:
    """The index tables with every repeated text one object (a ticket code and its
    code-table key, an email already in folded form ...): pickle then writes it once and
    reading makes it once."""
    canon: dict[str, str] = {}
    one = canon.setdefault
    tables = dict(state)
    tables["slot"] = None  # made again from the guests' ids
    for name in ("emails", "tickets", "vocab"):
        tables[name] = [one(text, text) for text in state[name]]
    for name in ("codes", "more_codes", "terms", "email_starts", "ticket_starts"):
        tables[name] = {one(key, key): value for key, value in state[name].items()}
    return tables


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
