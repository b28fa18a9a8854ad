"""A data folder that takes no writes at start (a read-only disk, a full one) is said in
one line and leaves the saved changes exactly as they were: before, Kiosk took it for a
damaged file, tried to move the file aside, and stopped with a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.process import app_env, read_until, reaped, sigterm_exits_cleanly
from tests.integration.small_disk import small_disk

pytestmark = pytest.mark.slow

GUESTS = "First name,Last name,Email\nAda,Lovelace,ada@example.org\nAlan,Turing,alan@example.org\n"


def _kiosk(home: Path, guests: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "kiosk", "--guest-list", str(guests)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=app_env(home),
    )


def _files(folder: Path) -> dict[str, bytes]:
    """The store's own files, as they are on disk: the outbox, roster cache and snapshot
    (not the lock, nor the empty side files SQLite makes as it tries to open)."""
    kept = (".sqlite3", ".roster", ".snapshot")
    return {p.name: p.read_bytes() for p in sorted(folder.rglob("*")) if p.name.endswith(kept)}


@pytest.mark.parametrize(
    ("fault", "says"), [("read-only", "the disk is read-only"), ("full", "the disk is full")]
)
def test_a_data_folder_that_takes_no_writes_is_said_and_nothing_is_touched(
    tmp_path: Path, fault: str, says: str
) -> None:
    guests = tmp_path / "guests.csv"
    guests.write_text(GUESTS, encoding="utf-8")
    with small_disk(tmp_path / "data") as disk:
        first = _kiosk(tmp_path, guests)
        with reaped(first):
            read_until(first, "Kiosk ready", timeout=40)
            sigterm_exits_cleanly(first, timeout=20)
        before = _files(disk.root)
        assert before  # the store that holds this desk's changes
        if fault == "full":
            disk.fill()
        else:
            disk.remount("ro")
        again = _kiosk(tmp_path, guests)
        with reaped(again):
            _, err = again.communicate(timeout=40)
        disk.remount("rw")
        disk.free()
        assert again.returncode == 2, err[-2000:]
        assert "cannot write to" in err
        assert says in err
        assert "Traceback" not in err
        assert _files(disk.root) == before
