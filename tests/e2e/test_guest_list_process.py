"""`kiosk --guest-list FILE` as a process of its own: the desk opens on a local file with
no platform and no key, leaves the organiser's file as it was, and a file that cannot
be used is one clear line and exit code 2, never a traceback."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.backends.factory import guest_list_store_key
from tests.e2e.process import app_env, read_until, reaped, sigterm_exits_cleanly

pytestmark = pytest.mark.slow

GUESTS = (
    "Vorname;Nachname;E-Mail;Status\n"
    "Jürgen;Müller;jm@example.de;zugesagt\n"
    "Zoë;Ångström;zoe@example.se;accepted\n"
    "Tomáš;Dvořák;td@example.cz;invited\n"
)


def _kiosk(home: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "kiosk", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=app_env(home),
    )


def test_the_desk_opens_on_a_guest_list_and_leaves_the_file_alone(tmp_path: Path) -> None:
    guests = tmp_path / "Gäste.csv"
    guests.write_text(GUESTS, encoding="utf-8-sig")
    before = guests.read_bytes()
    proc = _kiosk(tmp_path, "--guest-list", str(guests), "--kiosk-id", "door-1")
    with reaped(proc):
        ready = read_until(proc, "Kiosk ready", timeout=40)
        assert re.search(r"online, 3 guests", ready), ready
        sigterm_exits_cleanly(proc, timeout=20)
    assert guests.read_bytes() == before
    stores = list((tmp_path / "data").rglob("*.sqlite3"))
    assert [store.name for store in stores] == [
        f"default-guestlist-{guest_list_store_key(guests).replace('-', '_')}.sqlite3"
    ]


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--guest-list", "{tmp}/nowhere.csv"], "nowhere.csv"),
        (["--columns", "first=Given"], "--columns goes with --guest-list"),
        (["--guest-list", "{tmp}/x.csv", "--demo"], "leave out --demo"),
    ],
)
def test_a_guest_list_that_cannot_be_used_is_one_clear_line(
    tmp_path: Path, args: list[str], says: str
) -> None:
    proc = _kiosk(tmp_path, *(arg.format(tmp=tmp_path) for arg in args))
    with reaped(proc):
        _, err = proc.communicate(timeout=30)
    assert proc.returncode == 2, err
    assert says in err
    assert "Traceback" not in err


def test_two_lists_of_one_name_in_two_folders_never_share_a_store(tmp_path: Path) -> None:
    one, two = tmp_path / "a" / "guests.csv", tmp_path / "b" / "guests.csv"
    assert guest_list_store_key(one) != guest_list_store_key(two)
    assert guest_list_store_key(one).startswith("guests-")
