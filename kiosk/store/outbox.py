"""The outbox: every status change, written to SQLite before any network call."""

from __future__ import annotations

import dataclasses
import enum
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from kiosk.domain import Status, StatusChange

_SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox (
    key TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    guest_id TEXT NOT NULL,
    platform_ref TEXT NOT NULL,
    status TEXT NOT NULL,
    previous_status TEXT,
    door_time TEXT NOT NULL,
    kiosk_id TEXT NOT NULL,
    seen_changed_at TEXT,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    message TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS outbox_state ON outbox (state, seq);
"""


class EntryState(enum.StrEnum):
    """Where a change is in its life. Only ``PENDING`` is still to be sent."""

    PENDING = "pending"
    DELIVERED = "delivered"
    NEEDS_ATTENTION = "needs-attention"
    SUPERSEDED = "superseded"
    DISCARDED = "discarded"


@dataclasses.dataclass(frozen=True, slots=True)
class OutboxEntry:
    change: StatusChange
    state: EntryState
    attempts: int
    message: str


class Outbox:
    """A durable queue of status changes in one SQLite file (WAL; one writer: this object).

    ``synchronous=NORMAL`` in WAL mode survives a killed process (the OS keeps the
    write); a power cut may lose the last moments, which a check-in desk accepts for
    sub-millisecond writes on the UI thread.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path) if str(path) != ":memory:" else None
        self._db = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)
        row = self._db.execute("SELECT COALESCE(MAX(seq), 0) FROM outbox").fetchone()
        self._seq = int(row[0])

    def close(self) -> None:
        self._db.close()

    def add(self, change: StatusChange) -> None:
        """Record a change; earlier pending changes for the same guest are superseded."""
        self._seq += 1
        now = _now()
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.execute(
                "UPDATE outbox SET state=?, updated_at=? WHERE guest_id=? AND state=?",
                (EntryState.SUPERSEDED, now, change.guest_id, EntryState.PENDING),
            )
            self._db.execute(
                "INSERT INTO outbox (key, seq, guest_id, platform_ref, status, previous_status,"
                " door_time, kiosk_id, seen_changed_at, state, updated_at)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (
                    change.key,
                    self._seq,
                    change.guest_id,
                    change.platform_ref,
                    change.status.wire,
                    change.previous_status.wire if change.previous_status else None,
                    change.door_time.isoformat(),
                    change.kiosk_id,
                    change.seen_changed_at.isoformat() if change.seen_changed_at else None,
                    EntryState.PENDING,
                    now,
                ),
            )

    def pending(self) -> list[OutboxEntry]:
        """Changes still to send, oldest first."""
        return self._select("WHERE state=? ORDER BY seq", (EntryState.PENDING,))

    def needing_attention(self) -> list[OutboxEntry]:
        return self._select("WHERE state=? ORDER BY seq", (EntryState.NEEDS_ATTENTION,))

    def all(self) -> list[OutboxEntry]:
        return self._select("ORDER BY seq", ())

    def get(self, key: str) -> OutboxEntry | None:
        found = self._select("WHERE key=?", (key,))
        return found[0] if found else None

    def count_pending(self) -> int:
        row = self._db.execute(
            "SELECT COUNT(*) FROM outbox WHERE state=?", (EntryState.PENDING,)
        ).fetchone()
        return int(row[0])

    def mark(self, key: str, state: EntryState, message: str = "") -> None:
        """Move a change to ``state``; a change that is no longer pending stays where it is
        unless a person asks (retry or discard from needs-attention)."""
        self._db.execute(
            "UPDATE outbox SET state=?, message=?, updated_at=? WHERE key=?",
            (state, message, _now(), key),
        )

    def count_attempt(self, key: str, message: str) -> None:
        self._db.execute(
            "UPDATE outbox SET attempts=attempts+1, message=?, updated_at=? WHERE key=?",
            (message, _now(), key),
        )

    def _select(self, where: str, args: tuple[object, ...]) -> list[OutboxEntry]:
        rows = self._db.execute(
            "SELECT key, guest_id, platform_ref, status, previous_status, door_time, kiosk_id,"
            f" seen_changed_at, state, attempts, message FROM outbox {where}",
            args,
        ).fetchall()
        return [_entry(row) for row in rows]


def _entry(row: tuple[object, ...]) -> OutboxEntry:
    key, guest_id, ref, status, previous, door, kiosk, seen, state, attempts, message = row
    change = StatusChange(
        guest_id=str(guest_id),
        platform_ref=str(ref),
        status=Status(str(status)),
        kiosk_id=str(kiosk),
        key=str(key),
        door_time=datetime.fromisoformat(str(door)),
        previous_status=Status(str(previous)) if previous else None,
        seen_changed_at=datetime.fromisoformat(str(seen)) if seen else None,
    )
    return OutboxEntry(change, EntryState(str(state)), int(str(attempts)), str(message))


def _now() -> str:
    return datetime.now(UTC).isoformat()
