"""The outbox on real SQLite files: durable, ordered, last change per guest wins."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kiosk.domain import Status, StatusChange
from kiosk.store.local import open_store
from kiosk.store.outbox import EntryState, Outbox


def _change(guest: str, status: Status) -> StatusChange:
    return StatusChange(
        guest_id=guest,
        platform_ref=f"/demo/person/{guest}/",
        status=status,
        kiosk_id="desk-1",
        previous_status=Status.INVITED,
    )


def test_a_change_survives_reopening_the_file(tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite3"
    outbox = Outbox(path)
    change = _change("g1", Status.ATTENDED)
    outbox.add(change)
    outbox.close()  # as if the process ended here

    reopened = Outbox(path)
    [entry] = reopened.pending()
    assert entry.change == change
    assert entry.state is EntryState.PENDING
    assert reopened.count_pending() == 1


def test_a_newer_change_supersedes_the_pending_one_for_the_same_guest(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "o.sqlite3")
    first = _change("g1", Status.ACCEPTED)
    other = _change("g2", Status.DECLINED)
    second = _change("g1", Status.ATTENDED)
    for change in (first, other, second):
        outbox.add(change)
    assert [e.change.key for e in outbox.pending()] == [other.key, second.key]
    first_entry = outbox.get(first.key)
    assert first_entry is not None
    assert first_entry.state is EntryState.SUPERSEDED


def test_marks_and_attempts_are_kept(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "o.sqlite3")
    a, b = _change("g1", Status.ATTENDED), _change("g2", Status.NO_SHOW)
    outbox.add(a)
    outbox.add(b)
    outbox.begin_attempt(a.key)
    outbox.note(a.key, "platform unreachable")
    outbox.mark(a.key, EntryState.DELIVERED)
    outbox.mark(b.key, EntryState.NEEDS_ATTENTION, "sheepCRM said: person not found")
    assert outbox.count_pending() == 0
    [attention] = outbox.needing_attention()
    assert attention.change.key == b.key
    assert attention.message == "sheepCRM said: person not found"
    delivered = outbox.get(a.key)
    assert delivered is not None
    assert delivered.attempts == 1
    assert len(outbox.all()) == 2


def test_sequence_continues_after_reopen(tmp_path: Path) -> None:
    path = tmp_path / "o.sqlite3"
    outbox = Outbox(path)
    early = _change("g1", Status.ACCEPTED)
    outbox.add(early)
    outbox.close()
    outbox = Outbox(path)
    late = _change("g2", Status.ATTENDED)
    outbox.add(late)
    assert [e.change.key for e in outbox.pending()] == [early.key, late.key]


def test_the_windows_writes_never_checkpoint_the_log_the_worker_does(tmp_path: Path) -> None:
    """A checkpoint syncs the disk: run by the connection that reaches SQLite's 1,000
    pages, it held the window for a write (4-12 ms here, far more on an SD card). The
    window's connection leaves the log alone; ``checkpoint_outbox`` (a worker's) moves
    it into the file."""
    store, _ = open_store(tmp_path / "desk.sqlite3")
    try:
        page = store.db.execute("PRAGMA page_size").fetchone()[0]
        for n in range(1_500):  # a transaction each, at least a page each
            store.outbox.add(_change(f"g{n}", Status.ATTENDED))
        log_file = store.path.with_name(store.path.name + "-wal")
        assert log_file.stat().st_size > 1_200 * page  # past the default; never moved
        store.checkpoint_outbox()
        check = sqlite3.connect(store.path)
        try:
            busy, frames, moved = check.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        finally:
            check.close()
        assert (busy, moved) == (0, frames)  # everything is in the file now
        assert store.outbox.count_pending() == 1_500
    finally:
        store.close()
