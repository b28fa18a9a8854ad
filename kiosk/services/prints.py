"""The record of badge prints: each one asked for, and how it went, kept in the outbox's
file beside the changes, for the Changes list and the reconciliation CSV. No Qt."""

from __future__ import annotations

import dataclasses
import enum
import logging
import sqlite3
import threading
import uuid
from datetime import UTC, datetime

log = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS badge_prints (
    key TEXT PRIMARY KEY, guest_id TEXT NOT NULL, guest_name TEXT NOT NULL,
    printer TEXT NOT NULL, size TEXT NOT NULL, asked_at TEXT NOT NULL,
    state TEXT NOT NULL, message TEXT NOT NULL DEFAULT ''
);
"""


class PrintState(enum.StrEnum):
    SENDING = "sending"  # being drawn and handed to the queue
    QUEUED = "queued"  # the system queue (or the PDF file) took it
    FAILED = "failed"


@dataclasses.dataclass(frozen=True, slots=True)
class BadgePrint:
    key: str
    guest_id: str
    guest_name: str
    printer: str
    size: str
    asked_at: datetime
    state: PrintState
    message: str = ""


class PrintLog:
    """Every badge print of this desk. In memory, and in the outbox's SQLite file when
    given its connection: a print is not a change to deliver, but the end-of-day
    reconciliation must count it after a restart too. A failed write is logged and the
    print still goes (a badge matters more than its line in the record)."""

    def __init__(self, db: sqlite3.Connection | None = None, lock: threading.Lock | None = None):
        self._db, self._lock = db, lock or threading.Lock()
        self._rows: dict[str, BadgePrint] = {}
        if db is None:
            return
        try:
            with self._lock:
                db.executescript(_SCHEMA)
                rows = db.execute("SELECT * FROM badge_prints ORDER BY asked_at").fetchall()
        except sqlite3.Error as exc:
            log.error("the record of badge prints cannot be read: %s", exc)
            self._db = None
            return
        for row in rows:
            key, gid, name, printer, size, asked, state, message = (str(v) for v in row)
            self._rows[key] = BadgePrint(
                key, gid, name, printer, size, datetime.fromisoformat(asked), PrintState(state),
                message,
            )  # fmt: skip

    def all(self) -> list[BadgePrint]:
        """Every print, oldest first."""
        return sorted(self._rows.values(), key=lambda p: p.asked_at)

    def count_for(self, guest_id: str) -> int:
        """How many badges were printed (or handed to a queue) for this guest."""
        return sum(
            1
            for p in self._rows.values()
            if p.guest_id == guest_id and p.state is not PrintState.FAILED
        )

    def started(self, guest_id: str, guest_name: str, printer: str, size: str) -> BadgePrint:
        record = BadgePrint(
            uuid.uuid4().hex, guest_id, guest_name, printer, size, datetime.now(UTC),
            PrintState.SENDING,
        )  # fmt: skip
        self._rows[record.key] = record
        self._write(
            "INSERT INTO badge_prints VALUES (?,?,?,?,?,?,?,?)",
            (record.key, guest_id, guest_name, printer, size, record.asked_at.isoformat(),
             record.state.value, ""),
        )  # fmt: skip
        return record

    def finished(self, key: str, state: PrintState, message: str = "") -> BadgePrint | None:
        record = self._rows.get(key)
        if record is None:
            return None
        record = dataclasses.replace(record, state=state, message=message)
        self._rows[key] = record
        self._write(
            "UPDATE badge_prints SET state=?, message=? WHERE key=?", (state.value, message, key)
        )
        return record

    def _write(self, sql: str, args: tuple[object, ...]) -> None:
        if self._db is None:
            return
        try:
            with self._lock:
                self._db.execute(sql, args)
        except sqlite3.Error as exc:
            log.error("badge print not recorded on disk: %s", exc)
