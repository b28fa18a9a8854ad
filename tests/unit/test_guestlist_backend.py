"""GuestListBackend on real files: the Backend protocol, all five statuses written to the
results file and read back after a restart, a list changed by Excel while Kiosk runs,
a file locked, missing or emptied for a moment, and files that cannot be used."""

# The tests change the files on disk between awaits on purpose, as a person would.
# ruff: noqa: ASYNC240

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from kiosk.backends.base import Backend
from kiosk.backends.guestlist import CAPABILITIES, GuestListBackend, parse_columns
from kiosk.domain import MalformedAnswer, PlatformUnavailable, Status
from kiosk.domain.errors import ConfigError
from kiosk.domain.status import ORDER

pytestmark = pytest.mark.anyio

LIST = (
    "Guest ID;Vorname;Nachname;E-Mail;Status\n"
    "1;Anna;Müller;anna@example.com;zugesagt\n"
    "2;Josef;Novák;josef@example.com;\n"
    "3;Eva;Weiß;eva@example.com;abgesagt\n"
)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def guests_csv(tmp_path: Path) -> Path:
    path = tmp_path / "guests.csv"
    path.write_text(LIST, encoding="utf-8-sig")
    return path


def results_rows(path: Path) -> dict[str, list[str]]:
    lines = path.read_text(encoding="utf-8-sig").splitlines()[1:]
    return {line.split(",")[0]: line.split(",") for line in lines}


def save_as_excel_would(path: Path, text: str) -> None:
    """Write a new file and rename it over the old, as a spreadsheet saves."""
    temporary = path.with_name("~$saving.tmp")
    temporary.write_text(text, encoding="utf-8-sig")
    os.replace(temporary, path)


async def test_it_is_a_backend_that_writes_every_status(guests_csv: Path) -> None:
    backend = GuestListBackend(guests_csv)
    assert isinstance(backend, Backend)
    assert backend.capabilities is CAPABILITIES
    assert backend.capabilities.writable == backend.capabilities.idempotent == set(ORDER)
    event = await backend.get_event()
    assert event.id == backend.event_id == str(guests_csv)
    assert event.title == "guests"
    assert await backend.list_events() == [event]
    await backend.aclose()


async def test_all_five_statuses_go_to_the_results_file_and_survive_a_restart(
    guests_csv: Path,
) -> None:
    before = guests_csv.read_bytes()
    backend = GuestListBackend(guests_csv)
    backend.desk = "desk-7"
    roster = await backend.load_roster()
    assert roster.complete
    anna = next(g for g in roster.guests if g.id == "1")
    for status in ORDER:
        anna = await backend.set_status(anna, status)
        assert anna.status is status
        assert anna.changed_at is not None
        row = results_rows(backend.results.path)["1"]
        assert row[:3] == ["1", "Anna Müller", status.wire]
        assert row[4] == "desk-7"
    josef = next(g for g in roster.guests if g.id == "2")
    await backend.set_status(josef, Status.ATTENDED)
    assert guests_csv.read_bytes() == before  # the organiser's file is never written
    assert backend.results.path == guests_csv.with_name("guests.kiosk-results.csv")

    restarted = GuestListBackend(guests_csv)
    statuses = {g.id: g.status for g in (await restarted.load_roster()).guests}
    assert statuses == {"1": Status.NO_SHOW, "2": Status.ATTENDED, "3": Status.DECLINED}
    assert await restarted.get_guest(josef) == await backend.get_guest(josef)


async def test_a_refresh_answers_unchanged_guests_with_the_known_objects(
    guests_csv: Path,
) -> None:
    backend = GuestListBackend(guests_csv)
    first = await backend.load_roster()
    changed = await backend.set_status(first.guests[0], Status.ATTENDED)
    known = {g.id: g for g in first.guests} | {changed.id: changed}
    again = await backend.load_roster(known)
    assert all(g is known[g.id] for g in again.guests)


async def test_a_list_saved_again_in_excel_is_read_again_keeping_the_desks_changes(
    guests_csv: Path,
) -> None:
    backend = GuestListBackend(guests_csv)
    roster = await backend.load_roster()
    await backend.set_status(roster.guests[1], Status.ATTENDED)  # Josef, at the desk
    # Meanwhile the organiser adds a guest, fixes a name and re-sorts, and saves.
    save_as_excel_would(
        guests_csv,
        "Guest ID;Vorname;Nachname;E-Mail;Status\n"
        "4;Karl;Neu;karl@example.com;accepted\n"
        "3;Eva;Weiss;eva@example.com;abgesagt\n"
        "2;Josef;Novák;josef@example.com;\n"
        "1;Anna;Müller;anna@example.com;zugesagt\n",
    )
    guests = {g.id: g for g in (await backend.load_roster()).guests}
    assert set(guests) == {"1", "2", "3", "4"}
    assert guests["2"].status is Status.ATTENDED  # the desk's change stays
    assert guests["3"].last_name == "Weiss"


async def test_a_status_whose_guest_left_the_list_stays_in_the_results_file(
    guests_csv: Path, caplog: pytest.LogCaptureFixture
) -> None:
    backend = GuestListBackend(guests_csv)
    roster = await backend.load_roster()
    await backend.set_status(roster.guests[2], Status.ATTENDED)  # Eva, id 3
    save_as_excel_would(guests_csv, LIST.rsplit("3;", 1)[0])  # her row deleted
    with caplog.at_level(logging.WARNING):
        assert {g.id for g in (await backend.load_roster()).guests} == {"1", "2"}
    assert "1 status(es) set at desks belong to no guest" in caplog.text
    await backend.set_status(roster.guests[0], Status.ATTENDED)
    assert set(results_rows(backend.results.path)) == {"1", "3"}


async def test_a_list_locked_missing_or_emptied_for_a_moment_is_transient(
    guests_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backend = GuestListBackend(guests_csv)
    assert len((await backend.load_roster()).guests) == 3
    text = guests_csv.read_text(encoding="utf-8-sig")

    guests_csv.unlink()  # mid-save: the old file gone, the new not yet renamed
    with pytest.raises(PlatformUnavailable, match="is not there just now") as caught:
        await backend.load_roster()
    assert caught.value.transient
    assert str(guests_csv) in str(caught.value)

    guests_csv.write_text("", encoding="utf-8")  # created, not yet written
    with pytest.raises(PlatformUnavailable, match="empty just now"):
        await backend.load_roster()

    guests_csv.write_text(text + "5;Neu;Gast;neu@example.com;\n", encoding="utf-8")

    def locked(self: Path) -> bytes:
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(Path, "read_bytes", locked)
    with pytest.raises(PlatformUnavailable, match="locked"):
        await backend.load_roster()
    monkeypatch.undo()
    assert len((await backend.load_roster()).guests) == 4


async def test_a_list_broken_while_open_keeps_the_desk_going(guests_csv: Path) -> None:
    backend = GuestListBackend(guests_csv)
    roster = await backend.load_roster()
    save_as_excel_would(guests_csv, LIST + "1;Anna;Twice;a2@example.com;\n")
    with pytest.raises(MalformedAnswer, match=r"'1' on rows 2, 5") as caught:
        await backend.load_roster()
    assert not caught.value.transient
    # Statuses can still be set while the organiser fixes the file...
    await backend.set_status(roster.guests[2], Status.ATTENDED)
    save_as_excel_would(guests_csv, LIST)
    # ... and nothing set meanwhile is lost.
    guests = {g.id: g for g in (await backend.load_roster()).guests}
    assert guests["3"].status is Status.ATTENDED


async def test_a_results_file_that_cannot_be_written_keeps_the_change_for_later(
    guests_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backend = GuestListBackend(guests_csv)
    roster = await backend.load_roster()

    def excel_has_it_open(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", excel_has_it_open)
    with pytest.raises(PlatformUnavailable, match=r"guests\.kiosk-results\.csv") as caught:
        await backend.set_status(roster.guests[0], Status.ATTENDED)
    assert caught.value.transient  # the outbox sender tries again
    monkeypatch.undo()
    await backend.set_status(roster.guests[0], Status.ATTENDED)
    assert results_rows(backend.results.path)["1"][2] == "attended"


async def test_an_unreadable_results_file_is_reported_not_overwritten(guests_csv: Path) -> None:
    backend = GuestListBackend(guests_csv)
    roster = await backend.load_roster()
    backend.results.path.write_bytes(b"\x00garbage")
    with pytest.raises(MalformedAnswer, match="kiosk-results"):
        await backend.load_roster()
    with pytest.raises(PlatformUnavailable, match="does not overwrite it"):
        await backend.set_status(roster.guests[0], Status.ATTENDED)
    assert backend.results.path.read_bytes() == b"\x00garbage"


async def test_given_columns_and_a_results_file_elsewhere(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("Given,Family,Mail\nAnna,Smith,a@x.org\n", encoding="utf-8")
    results = tmp_path / "out" / "door.csv"
    results.parent.mkdir()
    backend = GuestListBackend(
        path, columns=parse_columns("first=Given,last=Family"), results=results
    )
    (anna,) = (await backend.load_roster()).guests
    assert (anna.first_name, anna.last_name, anna.email) == ("Anna", "Smith", "a@x.org")
    await backend.set_status(anna, Status.ATTENDED)
    assert results_rows(results)["mail:a@x.org"][2] == "attended"


def test_a_path_that_cannot_be_a_guest_list_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="is not there") as caught:
        GuestListBackend(tmp_path / "nope.csv")
    assert caught.value.field == "guest_list"
    with pytest.raises(ConfigError, match="is a folder"):
        GuestListBackend(tmp_path)
    numbers = tmp_path / "guests.numbers"
    numbers.write_bytes(b"PK\x03\x04")
    with pytest.raises(ConfigError, match="CSV UTF-8"):
        GuestListBackend(numbers)
    listed = tmp_path / "guests.csv"
    listed.write_text("Name\nAnna Smith\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="must not be the guest list"):
        GuestListBackend(listed, results=listed)
    with pytest.raises(ConfigError, match="is not there"):
        GuestListBackend(listed, results=tmp_path / "missing" / "r.csv")


async def test_a_bad_file_at_first_load_says_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "guests.csv"
    path.write_text("Email;Company\na@x.org;ACME\n", encoding="utf-8")
    with pytest.raises(MalformedAnswer, match="no column holds the guests' names"):
        await GuestListBackend(path).load_roster()
    path.write_bytes(b"")
    with pytest.raises(MalformedAnswer, match="is empty"):
        await GuestListBackend(path).load_roster()
