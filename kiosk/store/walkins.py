"""Walk-ins waiting to be added to the platform, kept in the outbox's file.

A walk-in is written here before anything is sent, and goes through three states:
``pending`` (not yet on the platform, or its answer was lost), ``created`` (the
platform gave the guest an id; the check-in is still to be recorded) and ``done`` (the
check-in is in the outbox, which takes it from there). ``before`` holds the ids of
guests who already had the same name when the first attempt went out: after a lost
answer, a guest found by that name and not among them is the one the platform made.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import sqlite3
import threading
import uuid
from datetime import UTC, datetime

_SCHEMA = """
CREATE TABLE IF NOT EXISTS walk_ins (
    key TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    email TEXT NOT NULL,
    party INTEGER NOT NULL,
    kiosk_id TEXT NOT NULL,
    door_time TEXT NOT NULL,
    state TEXT NOT NULL,
    guest_id TEXT NOT NULL DEFAULT '',
    attempts INTEGER NOT NULL DEFAULT 0,
    before TEXT NOT NULL DEFAULT '[]',
    message TEXT NOT NULL DEFAULT ''
);
"""


class WalkInState(enum.StrEnum):
    PENDING = "pending"
    CREATED = "created"
    DONE = "done"
    NEEDS_ATTENTION = "needs-attention"


@dataclasses.dataclass(frozen=True, slots=True)
class WalkIn:
    """A guest added at the door, as this desk recorded them."""

    first_name: str
    last_name: str
    email: str
    party: int
    kiosk_id: str
    key: str = dataclasses.field(default_factory=lambda: uuid.uuid4().hex)
    door_time: datetime = dataclasses.field(default_factory=lambda: datetime.now(UTC))
    state: WalkInState = WalkInState.PENDING
    guest_id: str = ""
    attempts: int = 0
    before: tuple[str, ...] = ()
    message: str = ""

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


_COLUMNS = (
    "key, first_name, last_name, email, party, kiosk_id, door_time, state, guest_id,"
    " attempts, before, message"
)


class WalkInBook:
    """The ``walk_ins`` table, on the outbox's connection (``Outbox.shared``)."""

    def __init__(self, shared: tuple[sqlite3.Connection, threading.Lock]) -> None:
        self._db, self._lock = shared
        with self._lock:
            self._db.executescript(_SCHEMA)
            row = self._db.execute("SELECT COALESCE(MAX(seq), 0) FROM walk_ins").fetchone()
        self._seq = int(row[0])

    def add(self, walk_in: WalkIn) -> None:
        self._seq += 1
        w = walk_in
        with self._lock:
            self._db.execute(
                f"INSERT INTO walk_ins (seq, {_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (self._seq, w.key, w.first_name, w.last_name, w.email, w.party, w.kiosk_id,
                 w.door_time.isoformat(), w.state, w.guest_id, w.attempts,
                 json.dumps(list(w.before)), w.message),
            )  # fmt: skip

    def open(self) -> list[WalkIn]:
        """Walk-ins not done yet (waiting, created, or needing a person), oldest first."""
        return self._select("WHERE state != ? ORDER BY seq", (WalkInState.DONE,))

    def all(self) -> list[WalkIn]:
        return self._select("ORDER BY seq", ())

    def get(self, key: str) -> WalkIn | None:
        found = self._select("WHERE key=?", (key,))
        return found[0] if found else None

    def begin_attempt(self, key: str, before: tuple[str, ...]) -> None:
        """Count an attempt before it is sent (see ``Outbox.begin_attempt``)."""
        self._set(key, "attempts=attempts+1, before=?", json.dumps(list(before)))

    def created(self, key: str, guest_id: str) -> None:
        self._set(key, "state=?, guest_id=?, message=''", WalkInState.CREATED, guest_id)

    def done(self, key: str) -> None:
        self._set(key, "state=?, message=''", WalkInState.DONE)

    def note(self, key: str, message: str) -> None:
        self._set(key, "message=?", message)

    def refused(self, key: str, message: str) -> None:
        self._set(key, "state=?, message=?", WalkInState.NEEDS_ATTENTION, message)

    def _set(self, key: str, assignments: str, *values: object) -> None:
        with self._lock:
            self._db.execute(f"UPDATE walk_ins SET {assignments} WHERE key=?", (*values, key))

    def _select(self, where: str, args: tuple[object, ...]) -> list[WalkIn]:
        with self._lock:
            rows = self._db.execute(f"SELECT {_COLUMNS} FROM walk_ins {where}", args).fetchall()
        return [_walk_in(row) for row in rows]


def _walk_in(row: tuple[object, ...]) -> WalkIn:
    key, first, last, email, party, kiosk, door, state, gid, attempts, before, message = row
    return WalkIn(
        first_name=str(first),
        last_name=str(last),
        email=str(email),
        party=int(str(party)),
        kiosk_id=str(kiosk),
        key=str(key),
        door_time=datetime.fromisoformat(str(door)),
        state=WalkInState(str(state)),
        guest_id=str(gid),
        attempts=int(str(attempts)),
        before=tuple(json.loads(str(before))),
        message=str(message),
    )
