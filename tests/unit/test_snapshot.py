"""The start-up snapshot: the same guests and search answers as the cache it copies, used
only while it matches that cache, and never trusted when it is not Kiosk's own file."""

from __future__ import annotations

import logging
import pickle
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from types import MappingProxyType

import pytest

from kiosk.app import read_cached_roster, save_snapshot
from kiosk.backends.sheepcrm import SheepCrmBackend, sheepcrm_http_client
from kiosk.domain import Event, Guest, Status, StatusChange
from kiosk.search import SearchIndex
from kiosk.services.checkin import CheckinService, Connection, GuestSync
from kiosk.store.local import LocalStore, open_store
from kiosk.store.snapshot import Snapshot, read_snapshot, snapshot_path, write_snapshot

CET = timezone(timedelta(hours=1))
EVENT = Event("e1", "Gala", starts_at=datetime(2026, 11, 22, 18, tzinfo=UTC), location="Hall")
QUERIES = ["zoe", "nguyen 7", "NGUYỄN", "z12@example", "t-0042", "/demo/person/9/", "ann smi"]


def _guest(n: int, status: Status = Status.ACCEPTED) -> Guest:
    return Guest(
        id=f"g{n}", platform_ref=f"/demo/person/{n}/", first_name="Zoë" if n % 2 else "Anna",
        last_name=f"Nguyễn{n}" if n % 3 else "Smith", email=f"z{n}@example.com",
        ticket=f"T-{n:04d}", status=status, party_size=1 + n % 3,
        changed_at=datetime(2026, 11, 1, tzinfo=CET) + timedelta(minutes=n),
        extras=MappingProxyType({"Company": "Ørsted"} if n % 5 == 0 else {}),
    )  # fmt: skip


class Quiet:
    def roster_changed(self) -> None: ...
    def guest_changed(self, guest: Guest) -> None: ...
    def sync_changed(self, guest_id: str, sync: GuestSync) -> None: ...
    def connection_changed(self, state: Connection, message: str) -> None: ...
    def pending_changed(self, count: int) -> None: ...


def _service(store: LocalStore) -> CheckinService:
    # Nothing here reaches the network: the backend only has to exist.
    backend = SheepCrmBackend(
        sheepcrm_http_client("http://127.0.0.1:9", "key"), bucket="demo", event_uid="e1"
    )
    return CheckinService(
        backend, store.outbox, kiosk_id="d1", listener=Quiet(), cache=store.roster
    )


def _answers(index: SearchIndex) -> list[list[str]]:
    return [[g.id for g in index.search(q)] for q in QUERIES] + [
        [g.id for g in index.lookup_code("T-0042")]
    ]


def test_a_snapshot_gives_back_the_guests_and_the_index(tmp_path: Path) -> None:
    guests = [_guest(n) for n in range(300)]
    index = SearchIndex(guests)
    index.remove("g17")  # a free slot, as after a refresh that dropped someone
    shown, state = index.state()
    path = tmp_path / "s.snapshot"
    write_snapshot(path, Snapshot("v1", EVENT, datetime(2026, 11, 22, tzinfo=UTC), shown, state))

    read = read_snapshot(path, "v1")

    assert read is not None
    assert read.event == EVENT
    assert read.guests == shown  # every field, extras and time zones included
    assert read.guests[17] is None
    restored = SearchIndex()
    restored.restore(read.guests, read.index_state)
    assert _answers(restored) == _answers(index)
    assert restored.get("g17") is None
    assert len(restored) == 299
    restored.update(_guest(17))  # and it stays a working index
    assert [g.id for g in restored.lookup_code("T-0017")] == ["g17"]


def test_a_snapshot_of_another_roster_version_is_not_used(tmp_path: Path) -> None:
    index = SearchIndex([_guest(n) for n in range(10)])
    path = tmp_path / "s.snapshot"
    write_snapshot(path, Snapshot("v1", EVENT, datetime.now(UTC), *index.state()))

    assert read_snapshot(path, "v2") is None
    assert read_snapshot(path, "") is None
    assert read_snapshot(tmp_path / "none.snapshot", "v1") is None


def test_a_snapshot_that_is_not_kiosks_own_runs_nothing(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self) -> tuple[object, ...]:
            return (marker.write_text, ("pwned",))

    path = tmp_path / "s.snapshot"
    path.write_bytes(pickle.dumps({"format": 1, "version": "v1", "rows": Payload()}))

    with caplog.at_level(logging.WARNING):
        assert read_snapshot(path, "v1") is None
    assert not marker.exists()
    assert "unusable" in caplog.text
    assert "reading the cache instead" in caplog.text


def test_a_cut_short_snapshot_is_ignored(tmp_path: Path) -> None:
    index = SearchIndex([_guest(n) for n in range(50)])
    path = tmp_path / "s.snapshot"
    write_snapshot(path, Snapshot("v1", EVENT, datetime.now(UTC), *index.state()))
    path.write_bytes(path.read_bytes()[:-100])

    assert read_snapshot(path, "v1") is None


def test_index_tables_that_do_not_fit_are_refused() -> None:
    index = SearchIndex([_guest(n) for n in range(50)])
    shown, state = index.state()
    other = SearchIndex()

    with pytest.raises(ValueError, match="do not fit"):
        other.restore(shown[:-1], state)  # one guest short
    with pytest.raises(ValueError, match="do not fit"):
        other.restore(list(reversed(shown)), state)  # guests in other slots
    assert len(other) == 0


def test_the_app_starts_from_the_snapshot_while_it_matches_the_cache(tmp_path: Path) -> None:
    store, _ = open_store(tmp_path / "desk.sqlite3")
    try:
        store.roster.save_all(EVENT, [_guest(n) for n in range(200)], complete=True)
        first = read_cached_roster(store)
        assert first is not None
        assert first.index_state is None
        service = _service(store)
        service.load_cached(first.event, first.guests, first.saved_at)
        # A change made at the door and not yet delivered.
        store.outbox.add(StatusChange("g5", "/demo/person/5/", Status.ATTENDED, "d1"))
        save_snapshot(service, store)
        assert snapshot_path(store.path).exists()

        second = read_cached_roster(store)
        assert second is not None
        assert second.index_state is not None
        again = _service(store)
        again.load_cached(second.event, second.guests, second.saved_at, second.index_state)
        assert _answers(again.index) == _answers(service.index)
        shown = again.guest("g5")
        assert shown is not None
        assert shown.status is Status.ATTENDED
        assert again.sync_state("g5") is not None

        # Another desk's change reaches the cache: the snapshot no longer matches it.
        store.roster.upsert([_guest(7, Status.DECLINED)])
        third = read_cached_roster(store)
        assert third is not None
        assert third.index_state is None
        assert {g.id: g for g in third.guests if g}["g7"].status is Status.DECLINED
    finally:
        store.close()
