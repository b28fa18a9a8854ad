"""Opening the kiosk's local store, and what happens when its file is damaged."""

from __future__ import annotations

import dataclasses
import errno
import logging
import os
import sqlite3
import tempfile
import threading
from datetime import datetime
from pathlib import Path

from kiosk.domain import words
from kiosk.domain.errors import ConfigError
from kiosk.private_files import create_private, make_private, private_folder
from kiosk.store.outbox import (
    EntryState,
    Outbox,
    OutboxEntry,
    connect,
    salvage,
)
from kiosk.store.roster import RosterCache

log = logging.getLogger(__name__)


def roster_path(store_path: Path) -> Path:
    """Where the roster cache of the store at ``store_path`` is kept (beside it)."""
    return store_path.with_name(store_path.name + ".roster")


@dataclasses.dataclass
class LocalStore:
    """Two SQLite files per profile and event: the outbox (``path``: the changes made at
    this kiosk, precious) and beside it the roster cache (``roster_path``: the platform's
    guest list, reloadable). Each has its writing connection (``lock`` and
    ``roster_lock`` serialise their use across threads).

    Apart, because SQLite locks a whole file: a change saved at the door, or marked
    delivered, waited behind the roster writer's transactions, and SQLite's busy handler
    sleeps 1, 2, 5, 10 ms... between tries (a 20 ms freeze of the window, measured while
    a refresh wrote changed guests and a queue drained)."""

    path: Path
    db: sqlite3.Connection
    lock: threading.Lock
    outbox: Outbox
    roster: RosterCache
    roster_db: sqlite3.Connection  # the roster cache's own writing connection
    roster_lock: threading.Lock

    @property
    def roster_path(self) -> Path:
        return roster_path(self.path)

    roster_on_disk: bool = True  # False: its file could not be used, this run keeps none

    def reader(self) -> sqlite3.Connection:
        """A separate read connection to the roster cache (for a worker thread)."""
        if not self.roster_on_disk:
            return _memory_roster()[0]  # an empty cache
        return sqlite3.connect(str(self.roster_path), check_same_thread=False)

    def checkpoint_outbox(self) -> None:
        """Move the outbox's write-ahead log into its file (call from a worker thread;
        the app does every 5 s). The window's connection does it itself only past
        ``outbox.BACKSTOP_CHECKPOINT_PAGES`` (a checkpoint syncs the file to disk: 4-5
        ms here, on a kiosk's SD card 10-100 ms). A connection of its own never waits
        for the outbox's lock, and PASSIVE lets writers carry on meanwhile."""
        db = sqlite3.connect(str(self.path), timeout=1)
        try:
            db.execute("PRAGMA wal_checkpoint(PASSIVE)")
        finally:
            db.close()

    def close(self) -> None:
        with self.roster_lock:
            self.roster_db.close()
        with self.lock:
            self.db.close()


def _checked(path: Path) -> sqlite3.Connection:
    create_private(path)  # SQLite gives its -wal and -shm files the same mode
    db = connect(path)
    make_private(*_parts(path))  # files made before Kiosk kept them private
    try:
        check = db.execute("PRAGMA quick_check").fetchone()
        if not check or check[0] != "ok":
            raise sqlite3.DatabaseError(f"integrity check failed: {check[0] if check else '?'}")
    except BaseException:
        db.close()
        raise
    return db


def _open_roster(path: Path) -> tuple[sqlite3.Connection, threading.Lock, RosterCache]:
    """The roster cache at ``path``; a damaged one is deleted and started afresh (the
    guest list is loaded again from the platform; nothing of this kiosk's is in it)."""
    try:
        db = _checked(path)
    except sqlite3.DatabaseError as exc:
        log.warning("roster cache %s damaged (%s): deleted, it is loaded again", path, exc)
        _remove(path)
        db = _checked(path)
    lock = threading.Lock()
    try:
        return db, lock, RosterCache(db, lock)
    except BaseException:
        db.close()
        raise


def _memory_roster() -> tuple[sqlite3.Connection, threading.Lock, RosterCache]:
    db = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    lock = threading.Lock()
    return db, lock, RosterCache(db, lock)


def _open(path: Path) -> LocalStore:
    db = _checked(path)
    try:
        if _drop_old_roster_tables(db):
            log.info("roster cache moved to its own file %s", roster_path(path))
        lock = threading.Lock()
        on_disk = True
        try:
            roster_db, roster_lock, roster = _open_roster(roster_path(path))
        except (sqlite3.Error, OSError) as exc:
            # Never the outbox's problem: its file is fine, and moving it aside would
            # strand its changes. The guest list is simply not kept on disk this run.
            log.warning("roster cache %s unusable (%s): kept in memory only this run",
                        roster_path(path), exc)  # fmt: skip
            roster_db, roster_lock, roster = _memory_roster()
            on_disk = False
        return LocalStore(path, db, lock, Outbox(db, lock), roster, roster_db, roster_lock, on_disk)
    except BaseException:
        db.close()
        raise


def _drop_old_roster_tables(db: sqlite3.Connection) -> bool:
    """Stores from before the roster cache had its own file kept it in these tables."""
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    old = tables & {"roster_guest", "roster_meta"}
    for table in sorted(old):
        db.execute(f"DROP TABLE {table}")
    return bool(old)


def _parts(path: Path) -> list[Path]:
    """The database file and the log and shared-memory files SQLite keeps beside it."""
    return [Path(str(path) + suffix) for suffix in ("", "-wal", "-shm")]


def _remove(path: Path) -> None:
    for part in _parts(path):
        part.unlink(missing_ok=True)


#: What a folder that takes no writes says, in the words a person at the desk needs.
_NO_WRITES = {
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "this user may not write there",
    errno.EPERM: "this user may not write there",
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
}


def unwritable(folder: Path, exc: sqlite3.DatabaseError) -> str | None:
    """Why ``folder`` takes no writes, when that is what ``exc`` (from opening the store)
    came from; None when the folder is fine and the file itself is what is wrong."""
    if isinstance(exc, sqlite3.OperationalError) and "full" in str(exc):
        return _NO_WRITES[errno.ENOSPC]
    try:
        # A page written and flushed, as SQLite would: an empty file still fits on a
        # full disk (its -shm file then fails as a "disk I/O error").
        with tempfile.TemporaryFile(dir=folder, buffering=0) as probe:
            probe.write(b"\0" * 4096)
            os.fsync(probe.fileno())
    except OSError as err:
        return _NO_WRITES.get(err.errno or 0, err.strerror or "it refuses new files")
    if isinstance(exc, sqlite3.OperationalError) and "readonly" in str(exc):
        return _NO_WRITES[errno.EACCES]
    return None


def open_store(path: Path) -> tuple[LocalStore, str | None]:
    """Open (or create) the store. A damaged file is never a crash and never a silent
    wipe: every change that can still be read is carried over as it was (waiting, needing
    attention, delivered; with its attempts and force flag), the file is moved aside and
    kept, and a fresh store starts (the roster then reloads from the platform). SQLite's
    ``quick_check`` decides that a file is damaged, not only an error on reading: a
    damaged index answers wrongly without raising.
    Returns the store and, if that happened, a message for the person at the desk."""
    private_folder(path.parent)
    try:
        return _open(path), None
    except sqlite3.DatabaseError as exc:
        problem = str(exc)
        # A folder that takes no writes is not a damaged file: moving the file aside
        # would fail too, and nothing there may be touched. Say so and stop.
        if (why := unwritable(path.parent, exc)) is not None:
            raise ConfigError(
                f"Kiosk cannot write to {path.parent}: {why}. The changes saved there are "
                "kept as they are. Free some space or make the folder writable, then start "
                "Kiosk again.",
                field="data folder",
            ) from exc
    rescued = _rescue(path)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    for part, kept_as in zip(_parts(path), _parts(aside), strict=True):
        if part.exists():
            part.replace(kept_as)
    make_private(*_parts(aside))
    store = _open(path)
    store.outbox.restore(rescued)
    waiting = sum(1 for entry in rescued if entry.state is EntryState.PENDING)
    attention = sum(1 for entry in rescued if entry.state is EntryState.NEEDS_ATTENTION)
    sentences = [words.fill(words.STORE_DAMAGED, problem, aside)]
    if waiting:
        sentences.append(words.fill(words.CHANGES_RECOVERED, waiting))
    else:
        sentences.append(words.NONE_RECOVERED)
    if attention:
        sentences.append(
            words.ONE_ATTENTION_KEPT
            if attention == 1
            else words.fill(words.ATTENTION_KEPT, attention)
        )
    message = " ".join([*sentences, words.ROSTER_RELOADED])
    log.error("local store damaged: %s; moved to %s; rescued %d changes (%d waiting, %d"
              " needing attention)", problem, aside, len(rescued), waiting, attention)  # fmt: skip
    return store, message


def _rescue(path: Path) -> list[OutboxEntry]:
    """Every change that can still be read from a damaged file, read from the table
    itself: a damaged index answers wrongly without raising, so none is trusted."""
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return []
    try:
        return salvage(db)
    finally:
        db.close()


__all__ = ["EntryState", "LocalStore", "open_store"]
