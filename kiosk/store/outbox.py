"""The outbox: every status change, written to SQLite before any network call."""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import sqlite3
import threading
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
    force INTEGER NOT NULL DEFAULT 0,
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
    force: bool = False  # send even over a newer change made elsewhere (a person said so)


def connect(path: Path | str) -> sqlite3.Connection:
    """The store's one writing connection: autocommit, WAL, ``synchronous=NORMAL``.

    NORMAL in WAL mode survives a killed process (the OS keeps the write); a power cut
    may lose the last moments, which a check-in desk accepts for sub-millisecond writes.

    The log is moved into the file by a worker thread (``LocalStore.checkpoint_outbox``,
    every few seconds); this connection does it only past ``BACKSTOP_CHECKPOINT_PAGES``.
    """
    db = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=10)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute(f"PRAGMA wal_autocheckpoint={BACKSTOP_CHECKPOINT_PAGES}")
    return db


#: A checkpoint syncs the disk, and the connection that reaches SQLite's default 1,000
#: log pages runs one as part of a write: the window's, for a change recorded or
#: delivered (1,000 changes reached it three times in a second; each held the window
#: 4-5 ms of disk syncs under strace, on a kiosk's SD card 10-100 ms). Ten times more
#: (~40 MB) is a backstop only.
BACKSTOP_CHECKPOINT_PAGES = 10_000


class Outbox:
    """A durable queue of status changes (SQLite table ``outbox``), in a file no other
    writer uses: the roster cache has its own (``LocalStore``), so a change recorded at
    the door never waits for SQLite's write lock.
    """

    def __init__(
        self, db: sqlite3.Connection | Path | str, lock: threading.Lock | None = None
    ) -> None:
        self._own = not isinstance(db, sqlite3.Connection)
        self._db = db if isinstance(db, sqlite3.Connection) else connect(db)
        self._lock = lock or threading.Lock()
        with self._lock:
            self._db.executescript(_SCHEMA)
            columns = {row[1] for row in self._db.execute("PRAGMA table_info(outbox)")}
            if "force" not in columns:  # files from before conflicts were detected
                self._db.execute("ALTER TABLE outbox ADD COLUMN force INTEGER NOT NULL DEFAULT 0")
            row = self._db.execute("SELECT COALESCE(MAX(seq), 0) FROM outbox").fetchone()
        self._seq = int(row[0])

    def close(self) -> None:
        if self._own:
            self._db.close()

    def add(self, change: StatusChange, *, force: bool = False) -> None:
        """Record a change; earlier pending changes for the same guest are superseded.
        ``force``: send even over a newer change made elsewhere (a person confirmed)."""
        self._seq += 1
        now = _now()
        with self._lock, self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.execute(
                "UPDATE outbox SET state=?, updated_at=? WHERE guest_id=? AND state=?",
                (EntryState.SUPERSEDED, now, change.guest_id, EntryState.PENDING),
            )
            self._db.execute(
                "INSERT INTO outbox (key, seq, guest_id, platform_ref, status, previous_status,"
                " door_time, kiosk_id, seen_changed_at, force, state, updated_at)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (*_change_values(change, self._seq), int(force), EntryState.PENDING, now),
            )

    def restore(self, entries: list[OutboxEntry]) -> None:
        """Put changes read from a damaged file (``salvage``) into this outbox as they
        were: their state, attempts, note and force flag, in their order."""
        with self._lock, self._db:
            self._db.execute("BEGIN IMMEDIATE")
            for entry in entries:
                self._seq += 1
                change = entry.change
                self._db.execute(
                    "INSERT OR IGNORE INTO outbox (key, seq, guest_id, platform_ref, status,"
                    " previous_status, door_time, kiosk_id, seen_changed_at, force, state,"
                    " attempts, message, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (*_change_values(change, self._seq), int(entry.force), entry.state,
                     entry.attempts, entry.message, _now()),
                )  # fmt: skip

    def pending(self, limit: int = -1) -> list[OutboxEntry]:
        """Changes still to send, oldest first (at most ``limit``; -1: all)."""
        return self._select("WHERE state=? ORDER BY seq LIMIT ?", (EntryState.PENDING, limit))

    def needing_attention(self) -> list[OutboxEntry]:
        return self._select("WHERE state=? ORDER BY seq", (EntryState.NEEDS_ATTENTION,))

    def all(self) -> list[OutboxEntry]:
        return self._select("ORDER BY seq", ())

    def get(self, key: str) -> OutboxEntry | None:
        found = self._select("WHERE key=?", (key,))
        return found[0] if found else None

    def count_pending(self) -> int:
        with self._lock:
            row = self._db.execute(
                "SELECT COUNT(*) FROM outbox WHERE state=?", (EntryState.PENDING,)
            ).fetchone()
        return int(row[0])

    def oldest_pending(self) -> datetime | None:
        """Door time of the oldest change still waiting."""
        with self._lock:
            row = self._db.execute(
                "SELECT door_time FROM outbox WHERE state=? ORDER BY seq LIMIT 1",
                (EntryState.PENDING,),
            ).fetchone()
        return datetime.fromisoformat(row[0]) if row else None

    def counts(self) -> dict[EntryState, int]:
        """How many changes are in each state (for the end-of-day view)."""
        with self._lock:
            rows = self._db.execute("SELECT state, COUNT(*) FROM outbox GROUP BY state").fetchall()
        found = {EntryState(str(state)): int(count) for state, count in rows}
        return {state: found.get(state, 0) for state in EntryState}

    def mark(self, key: str, state: EntryState, message: str = "") -> None:
        """Move a change to ``state`` (delivered, needs attention, discarded, ...)."""
        with self._lock:
            self._db.execute(
                "UPDATE outbox SET state=?, message=?, updated_at=? WHERE key=?",
                (state, message, _now(), key),
            )

    def begin_attempt(self, key: str) -> None:
        """Count an attempt *before* it is sent: after a crash, a change with attempts
        may have reached the platform, so a non-idempotent write re-reads first."""
        with self._lock:
            self._db.execute(
                "UPDATE outbox SET attempts=attempts+1, updated_at=? WHERE key=?", (_now(), key)
            )

    def note(self, key: str, message: str) -> None:
        """Why the last attempt did not get through (shown while it waits)."""
        with self._lock:
            self._db.execute(
                "UPDATE outbox SET message=?, updated_at=? WHERE key=?", (message, _now(), key)
            )

    def connection(self) -> tuple[sqlite3.Connection, threading.Lock]:
        """The writing connection and its lock, for a record kept in the same file."""
        return self._db, self._lock

    def file(self) -> str:
        """The file the outbox is kept in ('' for one in memory)."""
        with self._lock:
            rows = self._db.execute("PRAGMA database_list").fetchall()
        return next((str(row[2]) for row in rows if row[1] == "main"), "")

    def try_write(self) -> None:
        """A real write that changes nothing (the file's user version set to itself):
        raises ``sqlite3.Error`` while the file cannot be written (full, read-only)."""
        with self._lock:
            version = int(self._db.execute("PRAGMA user_version").fetchone()[0])
            self._db.execute(f"PRAGMA user_version={version}")

    def _select(self, where: str, args: tuple[object, ...]) -> list[OutboxEntry]:
        with self._lock:
            rows = self._db.execute(f"SELECT {_COLUMNS} FROM outbox {where}", args).fetchall()
        return [_entry(row) for row in rows]


_COLUMNS = (
    "key, guest_id, platform_ref, status, previous_status, door_time, kiosk_id,"
    " seen_changed_at, state, attempts, message, force"
)


def salvage(db: sqlite3.Connection) -> list[OutboxEntry]:
    """Every change that can still be read from a damaged file, whatever its state,
    oldest first: row by row through the table itself, never an index (a damaged index
    may answer wrongly without raising), from the first row and from the last. Past a
    damaged page each way goes on from rowids ever further on; a row that no longer
    reads is passed over, never the rows after it. Texts are read with undecodable bytes
    replaced (``lenient_text``)."""
    db.text_factory = lenient_text
    columns = _COLUMNS
    with contextlib.suppress(sqlite3.Error):
        present = {row[1] for row in db.execute("PRAGMA table_info(outbox)")}
        if present and "force" not in present:  # a file from before conflicts were told
            columns = columns.replace("force", "0")
    found: dict[str, tuple[int, OutboxEntry]] = {}
    for order, beyond in (("ASC", ">"), ("DESC", "<")):
        last: int | None = None
        jump = 1
        for _attempt in range(64):  # 2**64 rowids: every jump one could need
            where = "" if last is None else f"WHERE rowid {beyond} {last}"
            try:
                for row in db.execute(
                    f"SELECT rowid, {columns}, seq FROM outbox NOT INDEXED {where}"
                    f" ORDER BY rowid {order}"
                ):
                    last, jump = int(row[0]), 1
                    with contextlib.suppress(ValueError, TypeError):  # a row beyond reading
                        entry = _entry(row[1:-1])
                        found.setdefault(entry.change.key, (int(row[-1]), entry))
                break  # the end of the table
            except sqlite3.Error:  # a damaged page: on from further along
                if last is None:
                    break  # not even the first row: the other direction may do better
                last = last + jump if order == "ASC" else last - jump
                jump *= 2
    return [entry for _seq, entry in sorted(found.values(), key=lambda item: item[0])]


def _change_values(change: StatusChange, seq: int) -> tuple[object, ...]:
    """The columns key … seen_changed_at of a change, in the table's order."""
    return (
        change.key,
        seq,
        change.guest_id,
        change.platform_ref,
        change.status.wire,
        change.previous_status.wire if change.previous_status else None,
        change.door_time.isoformat(),
        change.kiosk_id,
        change.seen_changed_at.isoformat() if change.seen_changed_at else None,
    )


def lenient_text(data: bytes) -> str:
    """A text column as text, whatever bytes a damaged file holds in it."""
    return data.decode("utf-8", "replace")


def _entry(row: tuple[object, ...]) -> OutboxEntry:
    key, guest_id, ref, status, previous, door, kiosk, seen, state, attempts, message, force = row
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
    return OutboxEntry(
        change, EntryState(str(state)), int(str(attempts)), str(message), bool(force)
    )


def _now() -> str:
    return datetime.now(UTC).isoformat()
