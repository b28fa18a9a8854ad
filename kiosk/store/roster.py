"""The roster cache: the last guest list the platform gave, so search and changes work
offline and the window starts without waiting for the network."""

from __future__ import annotations

import json
import sqlite3
import threading
import uuid
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from types import MappingProxyType
from typing import Any

from kiosk.domain import Event, Guest, Status, expect_guest_fields, guest_from_row

_SCHEMA = """
CREATE TABLE IF NOT EXISTS roster_guest (
    id TEXT PRIMARY KEY,
    platform_ref TEXT NOT NULL,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    email TEXT NOT NULL,
    ticket TEXT NOT NULL,
    status TEXT NOT NULL,
    party_size INTEGER NOT NULL,
    changed_at TEXT,
    ticket_type TEXT NOT NULL,
    notes TEXT NOT NULL,
    starred INTEGER NOT NULL,
    language TEXT NOT NULL,
    status_label TEXT NOT NULL,
    extras TEXT
);
CREATE TABLE IF NOT EXISTS roster_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
_COLUMNS = (
    "id, platform_ref, first_name, last_name, email, ticket, status, party_size, changed_at,"
    " ticket_type, notes, starred, language, status_label, extras"
)
expect_guest_fields(tuple(_COLUMNS.replace(" ", "").split(",")), "the roster cache")
_INSERT = f"INSERT OR REPLACE INTO roster_guest ({_COLUMNS}) VALUES ({','.join('?' * 15)})"
#: Rows per transaction when the whole roster is written: small, so a reader (the next
#: start-up, a snapshot check) and the writer take turns.
CHUNK = 100


_SET_VERSION = "INSERT OR REPLACE INTO roster_meta (key, value) VALUES ('version', ?)"


def new_version() -> str:
    """A fresh tag for the cached roster: every write gives it a new one, so a start-up
    snapshot (``snapshot.py``) can tell whether it still shows what the cache holds."""
    return uuid.uuid4().hex


class RosterCache:
    """Guests and the event, in a SQLite file of the cache's own beside the outbox's
    (``LocalStore``). Writes go through one connection (``lock`` serialises its use
    across threads); reads may use their own connection (WAL lets them run beside a
    writer)."""

    def __init__(self, db: sqlite3.Connection, lock: threading.Lock) -> None:
        self._db = db
        self._lock = lock
        with self._lock:
            self._db.executescript(_SCHEMA)

    # -- writing (call from a worker thread for big rosters) ------------------------------

    def save_all(self, event: Event, guests: Sequence[Guest], *, complete: bool) -> None:
        """Replace the cached roster. Chunked; the roster counts as cached only when the
        last chunk is in (``roster_meta.saved_at``)."""
        with self._lock, self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.execute("DELETE FROM roster_meta WHERE key IN ('saved_at', 'version')")
            self._db.execute("DELETE FROM roster_guest")
        for start in range(0, len(guests), CHUNK):
            rows = [_row(guest) for guest in guests[start : start + CHUNK]]
            with self._lock, self._db:
                self._db.execute("BEGIN IMMEDIATE")
                self._db.executemany(_INSERT, rows)
        self._save_meta(event, complete=complete)

    def upsert(self, guests: Iterable[Guest], removed: Iterable[str] = ()) -> None:
        """Write what a refresh changed."""
        rows = [_row(guest) for guest in guests]
        gone = [(gid,) for gid in removed]
        with self._lock, self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.executemany(_INSERT, rows)
            self._db.executemany("DELETE FROM roster_guest WHERE id=?", gone)
            self._db.execute(_SET_VERSION, (new_version(),))

    def version(self) -> str:
        """The tag of what the cache holds now ("" while nothing complete is cached).
        A roster cached before tags existed gets one here."""
        with self._lock, self._db:
            version = roster_version(self._db)
            saved = self._db.execute("SELECT 1 FROM roster_meta WHERE key='saved_at'").fetchone()
            if not saved:
                return ""
            if not version:
                version = new_version()
                self._db.execute(_SET_VERSION, (version,))
            return version

    def _save_meta(self, event: Event, *, complete: bool) -> None:
        meta = {
            "event": json.dumps(_event_json(event)),
            "complete": "1" if complete else "0",
            "saved_at": datetime.now().astimezone().isoformat(),
            "version": new_version(),
        }
        with self._lock, self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.executemany(
                "INSERT OR REPLACE INTO roster_meta (key, value) VALUES (?, ?)", meta.items()
            )


def roster_version(db: sqlite3.Connection) -> str:
    """The cached roster's tag on any connection ("" when nothing is cached)."""
    row = db.execute("SELECT value FROM roster_meta WHERE key='version'").fetchone()
    return str(row[0]) if row else ""


def load_cached_roster(
    db: sqlite3.Connection,
) -> tuple[Event, list[Guest], datetime] | None:
    """The cached event, guests and when they were saved; None when nothing complete is
    cached. Meant for a reader connection of its own, off the UI thread."""
    meta = dict(db.execute("SELECT key, value FROM roster_meta").fetchall())
    if "saved_at" not in meta or "event" not in meta:
        return None
    event = _event_from(json.loads(meta["event"]))
    guests = [_guest(row) for row in db.execute(f"SELECT {_COLUMNS} FROM roster_guest")]
    return event, guests, datetime.fromisoformat(meta["saved_at"])


def _row(guest: Guest) -> tuple[object, ...]:
    return (
        guest.id,
        guest.platform_ref,
        guest.first_name,
        guest.last_name,
        guest.email,
        guest.ticket,
        guest.status.value,
        guest.party_size,
        guest.changed_at.isoformat() if guest.changed_at else None,
        guest.ticket_type,
        guest.notes,
        int(guest.starred),
        guest.language,
        guest.status_label,
        json.dumps(dict(guest.extras), ensure_ascii=False) if guest.extras else None,
    )


_STATUS = {status.value: status for status in Status}
_NO_EXTRAS: Mapping[str, str] = MappingProxyType({})


def _guest(row: tuple[Any, ...]) -> Guest:
    # This runs 100,000 times at start: one C-built tuple per guest.
    (gid, ref, first, last, email, ticket, status, party, changed, ttype, notes, starred,
     lang, label, extras) = row  # fmt: skip
    return guest_from_row(
        (
            gid,
            ref,
            first,
            last,
            email,
            ticket,
            _STATUS.get(status) or Status(str(status)),
            party,
            datetime.fromisoformat(changed) if changed else None,
            ttype,
            notes,
            bool(starred),
            lang,
            label,
            MappingProxyType(json.loads(extras)) if extras else _NO_EXTRAS,
        )
    )


def _event_json(event: Event) -> dict[str, str | None]:
    return {
        "id": event.id,
        "title": event.title,
        "starts_at": event.starts_at.isoformat() if event.starts_at else None,
        "ends_at": event.ends_at.isoformat() if event.ends_at else None,
        "location": event.location,
    }


def _event_from(data: dict[str, str | None]) -> Event:
    def moment(key: str) -> datetime | None:
        value = data.get(key)
        return datetime.fromisoformat(value) if value else None

    return Event(
        id=str(data["id"]),
        title=str(data.get("title") or ""),
        starts_at=moment("starts_at"),
        ends_at=moment("ends_at"),
        location=data.get("location"),
    )
