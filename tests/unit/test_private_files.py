"""Personal data stays with its user: every file Kiosk creates is 0600 and every folder
0700 on POSIX, whatever the umask (found by an attack: the store, roster cache, snapshot
and log were 0644 in 0755 folders, so anyone on the computer could read guests' names
and emails)."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk import config, logs
from kiosk.domain import Event, Guest, Status, StatusChange
from kiosk.search import SearchIndex
from kiosk.store.local import open_store
from kiosk.store.snapshot import Snapshot, snapshot_path, write_snapshot

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes")


@pytest.fixture(autouse=True)
def permissive_umask() -> Iterator[None]:
    """Everything readable and writable by all unless Kiosk says otherwise."""
    before = os.umask(0)
    try:
        yield
    finally:
        os.umask(before)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _modes(folder: Path) -> dict[str, int]:
    """Every file and folder under ``folder`` (itself included) and its mode."""
    found = {".": _mode(folder)}
    for path in folder.rglob("*"):
        found[path.relative_to(folder).as_posix()] = _mode(path)
    return found


def _private(modes: dict[str, int], root: Path) -> dict[str, str]:
    """The entries that others could read: name → octal mode."""
    wrong = {}
    for name, mode in modes.items():
        want = 0o700 if (root / name).is_dir() else 0o600
        if mode != want:
            wrong[name] = oct(mode)
    return wrong


def _guest(n: int) -> Guest:
    return Guest(
        id=f"g{n}", platform_ref=f"/p/{n}/", first_name="Zoë", last_name=f"Nguyễn{n}",
        email=f"z{n}@example.com", ticket=f"T-{n}", status=Status.ACCEPTED,
    )  # fmt: skip


def test_the_store_its_logs_and_its_snapshot_are_private(tmp_path: Path) -> None:
    folder = tmp_path / "data" / "kiosk"
    path = folder / "default-sheepcrm-e1.sqlite3"
    store, _ = open_store(path)
    try:
        store.outbox.add(
            StatusChange(
                guest_id="g1", platform_ref="/p/1/", status=Status.ATTENDED, kiosk_id="desk"
            )
        )
        store.roster.save_all(Event("e1", "Gala"), [_guest(n) for n in range(5)], complete=True)
        reader = store.reader()  # a reader makes the cache's -shm if it was not there
        reader.execute("SELECT COUNT(*) FROM roster_guest").fetchone()
        names = {p.name for p in folder.iterdir()}
        assert {path.name + "-wal", path.name + "-shm"} <= names  # while open: the log too
        assert _private(_modes(folder), folder) == {}
        reader.close()
        write_snapshot(
            snapshot_path(path),
            Snapshot(
                "v1",
                Event("e1", "Gala"),
                datetime.now(UTC),
                *SearchIndex([_guest(n) for n in range(5)]).state(),
            ),
        )
    finally:
        store.close()
    assert snapshot_path(path).exists()
    assert _private(_modes(folder), folder) == {}
    assert _mode(tmp_path / "data") == 0o700  # a folder Kiosk made on its way


def test_a_store_made_before_is_made_private_when_opened(tmp_path: Path) -> None:
    folder = tmp_path / "kiosk"
    path = folder / "s.sqlite3"
    store, _ = open_store(path)
    store.close()
    folder.chmod(0o755)
    for file in folder.iterdir():
        file.chmod(0o644)
    store, _ = open_store(path)
    store.close()
    assert _private(_modes(folder), folder) == {}


def test_a_damaged_store_moved_aside_stays_private(tmp_path: Path) -> None:
    path = tmp_path / "kiosk" / "s.sqlite3"
    path.parent.mkdir()
    path.write_bytes(b"not a database\x00" * 300)
    path.chmod(0o644)
    store, message = open_store(path)
    store.close()
    assert message is not None
    assert _private(_modes(path.parent), path.parent) == {}


def test_log_files_and_their_rotations_are_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(logs, "MAX_BYTES", 2000)  # rotations within a few lines
    folder = tmp_path / "state" / "kiosk" / "log"
    with open(os.devnull, "w") as quiet:
        installed = logs.setup_logging("INFO", folder, stream=quiet)
        try:
            for n in range(12):  # past two rotations
                logging.getLogger("kiosk.test").info("a check-in at the door %d %s", n, "." * 500)
        finally:
            installed.close()
    assert (folder / (logs.LOG_FILE_NAME + ".2")).exists()
    assert _private(_modes(folder), folder) == {}


def test_the_profile_is_private(tmp_path: Path) -> None:
    folder = tmp_path / "config" / "kiosk"
    profile = config.Profile(
        platform="attendu", base_url="https://a.attendu.com/api", event="e1", kiosk_id="d"
    )
    config.save_profile(profile, folder / "default.toml")
    config.save_profile(profile, folder / "default.toml")  # written again: still private
    assert _private(_modes(folder), folder) == {}
