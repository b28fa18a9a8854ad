"""A damaged local store: a clear message and a safe way on, never a crash and never a
silent wipe of undelivered changes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kiosk.domain import Event, Guest, Status, StatusChange
from kiosk.store.local import open_store, roster_path
from kiosk.store.outbox import EntryState
from kiosk.store.roster import load_cached_roster


def _change(n: int) -> StatusChange:
    return StatusChange(
        guest_id=f"g{n}", platform_ref=f"/demo/person/{n}/", status=Status.ATTENDED,
        kiosk_id="desk-1", previous_status=Status.ACCEPTED,
    )  # fmt: skip


def _guest(n: int) -> Guest:
    return Guest(
        id=f"g{n}", platform_ref=f"/demo/person/{n}/", first_name="Zoë", last_name=f"Nguyễn{n}",
        email=f"z{n}@example.com", ticket=f"T-{n}", status=Status.ACCEPTED, party_size=2,
        extras={"Company": "Ørsted"},
    )  # fmt: skip


def test_a_garbage_file_is_moved_aside_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "default-sheepcrm-e1.sqlite3"
    garbage = b"this is not a database\x00" * 500
    path.write_bytes(garbage)

    store, message = open_store(path)
    try:
        assert message is not None
        assert "could not be read" in message
        assert "moved aside" in message
        [aside] = list(tmp_path.glob("*.damaged-*"))
        assert aside.read_bytes() == garbage  # kept as it was, for support
        assert str(aside) in message
        assert "loaded again from the platform" in message
        store.outbox.add(_change(1))  # and the kiosk works on
        assert store.outbox.count_pending() == 1
    finally:
        store.close()


def test_pending_changes_are_rescued_from_a_damaged_file(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    store, _ = open_store(path)
    for n in range(3):
        store.outbox.add(_change(n))
    for n in range(3, 3000):  # a day's delivered changes after them
        change = _change(n)
        store.outbox.add(change)
        store.outbox.mark(change.key, EntryState.DELIVERED)
    store.close()
    # Damage the tail of the file (the later changes' pages), as a failing disk might.
    data = bytearray(path.read_bytes())
    for offset in range(len(data) - 40_000, len(data) - 20_000):
        data[offset] = 0xA5
    path.write_bytes(bytes(data))

    store, message = open_store(path)
    try:
        assert message is not None
        assert "3 undelivered changes were recovered" in message
        assert sorted(e.change.guest_id for e in store.outbox.pending()) == ["g0", "g1", "g2"]
    finally:
        store.close()


def test_changes_on_both_sides_of_a_damaged_middle_are_rescued(tmp_path: Path) -> None:
    """The outbox's index, or pages in the middle, may be what is damaged: the table is
    then read row by row from both ends, and the changes before and after survive."""
    path = tmp_path / "store.sqlite3"
    store, _ = open_store(path)
    for n in range(3000):
        change = _change(n)
        store.outbox.add(change)
        if 3 <= n < 2997:  # pending: the first three and the last three
            store.outbox.mark(change.key, EntryState.DELIVERED)
    store.close()
    with sqlite3.connect(path) as db:  # the index pending changes are found through
        (index_root,) = db.execute(
            "SELECT rootpage FROM sqlite_master WHERE name='outbox_state'"
        ).fetchone()
        (page_size,) = db.execute("PRAGMA page_size").fetchone()
    db.close()
    data = bytearray(path.read_bytes())
    damaged = [*range((index_root - 1) * page_size, index_root * page_size)]
    damaged += range(len(data) * 4 // 10, len(data) * 6 // 10)
    for offset in damaged:
        data[offset] = 0xA5
    path.write_bytes(bytes(data))

    store, message = open_store(path)
    try:
        assert message is not None
        assert "6 undelivered changes were recovered" in message
        assert [e.change.guest_id for e in store.outbox.pending()] == [
            "g0", "g1", "g2", "g2997", "g2998", "g2999",
        ]  # fmt: skip
    finally:
        store.close()


def test_a_row_that_no_longer_reads_does_not_hide_the_rows_after_it(tmp_path: Path) -> None:
    """Damage garbles texts too: an undecodable note on a change is read around, and a
    change whose status is garbled is passed over, never the changes after them."""
    path = tmp_path / "store.sqlite3"
    store, _ = open_store(path)
    for n in range(10):
        store.outbox.add(_change(n))
    store.close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE outbox SET message = CAST(X'C328FFFE' AS TEXT) WHERE guest_id='g3'")
        db.execute("UPDATE outbox SET status = 'garbled' WHERE guest_id='g7'")
        (index_root,) = db.execute(
            "SELECT rootpage FROM sqlite_master WHERE name='outbox_state'"
        ).fetchone()
        (page_size,) = db.execute("PRAGMA page_size").fetchone()
    db.close()
    data = bytearray(path.read_bytes())
    for offset in range((index_root - 1) * page_size, index_root * page_size):
        data[offset] = 0xA5
    path.write_bytes(bytes(data))

    store, message = open_store(path)
    try:
        assert message is not None
        assert "9 undelivered changes were recovered" in message
        assert [e.change.guest_id for e in store.outbox.pending()] == [
            "g0", "g1", "g2", "g3", "g4", "g5", "g6", "g8", "g9",
        ]  # fmt: skip
    finally:
        store.close()


def test_changes_are_rescued_from_a_damaged_file_of_an_older_kiosk(tmp_path: Path) -> None:
    """A file written before changes carried a ``force`` column is read all the same."""
    path = tmp_path / "store.sqlite3"
    with sqlite3.connect(path) as db:
        db.executescript(
            """
            CREATE TABLE outbox (
                key TEXT PRIMARY KEY, seq INTEGER NOT NULL, guest_id TEXT NOT NULL,
                platform_ref TEXT NOT NULL, status TEXT NOT NULL, previous_status TEXT,
                door_time TEXT NOT NULL, kiosk_id TEXT NOT NULL, seen_changed_at TEXT,
                state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
                message TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL
            );
            CREATE INDEX outbox_state ON outbox (state, seq);
            """
        )
        for n in range(3):
            db.execute(
                "INSERT INTO outbox VALUES (?, ?, ?, ?, 'attended', 'accepted',"
                " '2026-11-21T09:00:00+00:00', 'desk-1', NULL, 'pending', 0, '',"
                " '2026-11-21T09:00:00+00:00')",
                (f"k{n}", n + 1, f"g{n}", f"/demo/person/{n}/"),
            )
        (index_root,) = db.execute(
            "SELECT rootpage FROM sqlite_master WHERE name='outbox_state'"
        ).fetchone()
        (page_size,) = db.execute("PRAGMA page_size").fetchone()
    db.close()
    data = bytearray(path.read_bytes())
    for offset in range((index_root - 1) * page_size, index_root * page_size):
        data[offset] = 0xA5
    path.write_bytes(bytes(data))

    store, message = open_store(path)
    try:
        assert message is not None
        assert "3 undelivered changes were recovered" in message
        pending = store.outbox.pending()
        assert [e.change.guest_id for e in pending] == ["g0", "g1", "g2"]
        assert {e.change.status for e in pending} == {Status.ATTENDED}
    finally:
        store.close()


def test_a_damaged_roster_cache_is_started_afresh_and_nothing_is_lost(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    store, _ = open_store(path)
    store.outbox.add(_change(1))
    store.roster.save_all(Event("e1", "Gala"), [_guest(n) for n in range(10)], complete=True)
    store.close()
    roster_path(path).write_bytes(b"not a database\x00" * 500)

    store, message = open_store(path)
    reader = store.reader()
    try:
        assert message is None  # only the platform's list, loaded again: nothing to say
        assert load_cached_roster(reader) is None
        assert [e.change.guest_id for e in store.outbox.pending()] == ["g1"]
    finally:
        reader.close()
        store.close()


def test_a_change_is_saved_while_the_roster_cache_is_being_written(tmp_path: Path) -> None:
    """The roster cache has a file of its own: its writer's transaction never makes a
    change at the door wait for SQLite's lock (on one file this waited, then failed)."""
    store, _ = open_store(tmp_path / "store.sqlite3")
    try:
        store.roster_db.execute("BEGIN IMMEDIATE")  # a roster write under way
        store.roster_db.execute("DELETE FROM roster_guest")
        change = _change(1)
        store.outbox.add(change)
        store.outbox.mark(change.key, EntryState.DELIVERED)
        store.roster_db.execute("COMMIT")
        assert store.outbox.counts()[EntryState.DELIVERED] == 1
    finally:
        store.close()


def test_a_store_from_before_keeps_its_changes_and_drops_the_old_roster_tables(
    tmp_path: Path,
) -> None:
    path = tmp_path / "store.sqlite3"
    store, _ = open_store(path)
    store.outbox.add(_change(1))
    store.close()
    old = sqlite3.connect(path)
    old.execute("CREATE TABLE roster_guest (id TEXT PRIMARY KEY)")
    old.execute("CREATE TABLE roster_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    old.commit()
    old.close()

    store, message = open_store(path)
    try:
        assert message is None
        tables = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master")}
        assert not tables & {"roster_guest", "roster_meta"}
        assert [e.change.guest_id for e in store.outbox.pending()] == ["g1"]
    finally:
        store.close()


def test_roster_cache_round_trip(tmp_path: Path) -> None:
    store, _ = open_store(tmp_path / "s.sqlite3")
    guests = [_guest(n) for n in range(10)]
    store.roster.save_all(Event("e1", "Gala"), guests, complete=True)
    store.roster.upsert([_guest(3).with_status(Status.ATTENDED)], removed=["g9"])
    reader = store.reader()
    try:
        loaded = load_cached_roster(reader)
    finally:
        reader.close()
        store.close()
    assert loaded is not None
    event, cached, _saved_at = loaded
    assert event.title == "Gala"
    by_id = {g.id: g for g in cached}
    assert len(by_id) == 9
    assert by_id["g3"].status is Status.ATTENDED
    assert by_id["g0"] == guests[0]


def test_an_empty_store_has_no_cached_roster(tmp_path: Path) -> None:
    store, message = open_store(tmp_path / "new.sqlite3")
    reader = store.reader()
    try:
        assert message is None
        assert load_cached_roster(reader) is None
    finally:
        reader.close()
        store.close()


def test_an_unusable_roster_file_never_moves_the_outbox_aside(tmp_path: Path) -> None:
    """Found by review: a failure of the roster cache's file alone (here a folder in its
    place) was taken for a damaged outbox, which was moved aside with its changes."""
    path = tmp_path / "store.sqlite3"
    store, _ = open_store(path)
    store.outbox.add(_change(1))
    store.close()
    roster_path(path).unlink()
    roster_path(path).mkdir()  # cannot be opened, cannot be deleted

    store, message = open_store(path)
    reader = store.reader()
    try:
        assert message is None
        assert not list(tmp_path.glob("*.damaged-*"))
        assert [e.change.guest_id for e in store.outbox.pending()] == ["g1"]
        store.roster.save_all(Event("e1", "Gala"), [_guest(1)], complete=True)  # works on
        assert load_cached_roster(reader) is None  # nothing kept on disk this run
    finally:
        reader.close()
        store.close()


def test_the_outbox_log_is_moved_into_its_file_from_another_connection(
    tmp_path: Path,
) -> None:
    path = tmp_path / "store.sqlite3"
    store, _ = open_store(path)
    try:
        for n in range(50):
            store.outbox.add(_change(n))
        store.checkpoint_outbox()  # what the app runs in a worker thread now and then
        # The database file itself, its log ignored, holds every change now.
        on_file = sqlite3.connect(f"file:{path}?immutable=1", uri=True)
        try:
            assert on_file.execute("SELECT COUNT(*) FROM outbox").fetchone()[0] == 50
        finally:
            on_file.close()
    finally:
        store.close()


def _index_page_emptied(path: Path) -> None:
    """Overwrite the outbox index's root page with a well-formed but empty index page:
    SQLite then answers "nothing pending" through it without raising (what a stray
    write or a failing disk can leave), while every row is still in the table."""
    with sqlite3.connect(path) as db:
        (index_root,) = db.execute(
            "SELECT rootpage FROM sqlite_master WHERE name='outbox_state'"
        ).fetchone()
        (page_size,) = db.execute("PRAGMA page_size").fetchone()
    db.close()
    page = bytearray(page_size)
    page[0] = 0x0A  # a leaf page of an index, no cells, its content area empty
    page[5:7] = (page_size % 65536).to_bytes(2, "big")
    data = bytearray(path.read_bytes())
    data[(index_root - 1) * page_size : index_root * page_size] = page
    path.write_bytes(bytes(data))


def test_a_damaged_index_that_answers_wrongly_costs_no_change(tmp_path: Path) -> None:
    """Found by an attack: with only the index page damaged, SQLite answered "nothing
    pending" through it without raising, and the restart rescued 0 of the changes that
    were all still readable. The rescue reads the table itself, never an index, and
    keeps what each change had: its attempts (so a non-idempotent platform is read
    again before a resend), its force flag, and the changes that need attention."""
    path = tmp_path / "store.sqlite3"
    store, _ = open_store(path)
    changes = [_change(n) for n in range(400)]
    for n, change in enumerate(changes):
        store.outbox.add(change, force=n == 5)
        if n % 4 == 0:
            store.outbox.mark(change.key, EntryState.DELIVERED)
    for n in (1, 2, 5, 2):
        store.outbox.begin_attempt(changes[n].key)
    store.outbox.mark(changes[3].key, EntryState.NEEDS_ATTENTION, "Refused: not on the list")
    before = {e.change.key: e for e in store.outbox.all()}
    store.close()
    _index_page_emptied(path)
    with sqlite3.connect(path) as db:  # the damage is the kind quick_check finds
        assert db.execute("PRAGMA quick_check").fetchone()[0] != "ok"
    db.close()

    store, message = open_store(path)
    try:
        assert message is not None
        assert "299 undelivered changes were recovered" in message
        assert "1 change that needs attention" in message
        after = {e.change.key: e for e in store.outbox.all()}
        assert after == before  # every change, its state, attempts, note and force flag
        pending = store.outbox.pending()
        assert [e.change.guest_id for e in pending] == [
            f"g{n}" for n in range(400) if n % 4 and n != 3
        ]
        assert {e.change.guest_id: e.attempts for e in pending if e.attempts} == {
            "g1": 1, "g2": 2, "g5": 1,
        }  # fmt: skip
        assert [e.change.guest_id for e in pending if e.force] == ["g5"]
        [attention] = store.outbox.needing_attention()
        assert (attention.change.guest_id, attention.message) == ("g3", "Refused: not on the list")
        with sqlite3.connect(path) as db:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        db.close()
    finally:
        store.close()
