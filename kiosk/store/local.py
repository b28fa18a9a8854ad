"""Opening the kiosk's local store, and what happens when its file is damaged."""

from __future__ import annotations

import dataclasses
import logging
import sqlite3
import threading
from datetime import datetime
from pathlib import Path

from kiosk.store.outbox import EntryState, Outbox, OutboxEntry, connect
from kiosk.store.roster import RosterCache

log = logging.getLogger(__name__)


@dataclasses.dataclass
class LocalStore:
    """One SQLite file per profile and event: the outbox and the roster cache, each with a
    writing connection of its own (``lock`` and ``roster_lock`` serialise their use
    across threads)."""

    path: Path
    db: sqlite3.Connection
    lock: threading.Lock
    outbox: Outbox
    roster: RosterCache
    roster_db: sqlite3.Connection  # the roster cache's own writing connection
    roster_lock: threading.Lock

    def reader(self) -> sqlite3.Connection:
        """A separate read connection (for a worker thread loading the roster cache)."""
        return sqlite3.connect(str(self.path), check_same_thread=False)

    def close(self) -> None:
        with self.roster_lock:
            self.roster_db.close()
        with self.lock:
            self.db.close()


def _open(path: Path) -> LocalStore:
    db = connect(path)
    try:
        check = db.execute("PRAGMA quick_check").fetchone()
        if not check or check[0] != "ok":
            raise sqlite3.DatabaseError(f"integrity check failed: {check[0] if check else '?'}")
        # The window's changes and the roster cache write through connections of their
        # own: a change saved at the door then waits for at most one small roster
        # transaction (SQLite's lock), never for a roster write and the WAL checkpoint
        # after it (our lock, 40 ms seen). Checkpoints run only on the roster's
        # connection, in its worker thread.
        db.execute("PRAGMA wal_autocheckpoint=0")
        lock = threading.Lock()
        roster_db = connect(path)
        roster_lock = threading.Lock()
        try:
            roster = RosterCache(roster_db, roster_lock)
        except BaseException:
            roster_db.close()
            raise
        return LocalStore(path, db, lock, Outbox(db, lock), roster, roster_db, roster_lock)
    except BaseException:
        db.close()
        raise


def open_store(path: Path) -> tuple[LocalStore, str | None]:
    """Open (or create) the store. A damaged file is never a crash and never a silent
    wipe: its undelivered changes are read out where possible, the file is moved aside
    and kept, and a fresh store starts (the roster then reloads from the platform).
    Returns the store and, if that happened, a message for the person at the desk."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        return _open(path), None
    except sqlite3.DatabaseError as exc:
        problem = str(exc)
    rescued = _rescue_pending(path)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        part = Path(str(path) + suffix)
        if part.exists():
            part.replace(Path(str(aside) + suffix))
    store = _open(path)
    for entry in rescued:
        store.outbox.add(entry.change)
    if rescued:
        kept = f"{len(rescued)} undelivered changes were recovered from it and will be sent."
    else:
        kept = "No undelivered changes could be read from it; the file is kept for support."
    message = (
        f"This kiosk's local data file could not be read ({problem}). It was moved aside "
        f"to {aside}. {kept} The guest list is loaded again from the platform."
    )
    log.error("local store damaged: %s; moved to %s; rescued %d changes", problem, aside,
              len(rescued))  # fmt: skip
    return store, message


def _rescue_pending(path: Path) -> list[OutboxEntry]:
    """Whatever pending changes can still be read from a damaged file."""
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return []
    try:
        return Outbox(db).pending()
    except sqlite3.Error as exc:
        log.warning("could not read changes from the damaged store: %s", exc)
        return []
    finally:
        db.close()


__all__ = ["EntryState", "LocalStore", "open_store"]
