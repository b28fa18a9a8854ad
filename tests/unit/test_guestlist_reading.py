"""Reading guest list files from disk: encodings, delimiters, headers in three languages,
given columns, statuses, ids, and bad files refused with a message that helps."""

from __future__ import annotations

import csv
import logging
import time
from pathlib import Path

import pytest

from kiosk.backends.guestlist import ColumnMapping, parse_columns, read_guest_file
from kiosk.backends.guestlist.reading import sniff_delimiter
from kiosk.backends.guestlist.vocabulary import status_of
from kiosk.domain import Status
from kiosk.domain.errors import ConfigError

PLAIN = "First name,Last name,Email,Ticket\nAnna,Müller,anna@example.com,T-1\nJosef,Novák,,T-2\n"


def write(folder: Path, text: str, encoding: str = "utf-8", name: str = "guests.csv") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize(
    ("encoding", "said"),
    [
        ("utf-8", "UTF-8"),
        ("utf-8-sig", "UTF-8 with byte-order mark"),
        ("utf-16", "UTF-16"),  # Python writes the byte-order mark
        ("cp1252", "Windows-1252"),
    ],
)
def test_each_encoding_reads_and_is_named_in_the_log(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, encoding: str, said: str
) -> None:
    path = write(tmp_path, PLAIN, encoding)
    with caplog.at_level(logging.INFO):
        listed = read_guest_file(path)
    assert [g.last_name for g in listed.guests] == ["Müller", "Novák"][: len(listed.guests)]
    assert said in listed.how
    assert any(said in record.getMessage() for record in caplog.records)


def test_a_large_file_decodes_in_parts_with_a_character_across_them(tmp_path: Path) -> None:
    names = "".join(f"Jürgen{n};Weiß\n" for n in range(100_000))  # over a MiB, ü everywhere
    path = write(tmp_path, "Vorname;Nachname\n" + names)
    listed = read_guest_file(path)
    assert listed.how.startswith("read as UTF-8,")
    assert {g.last_name for g in listed.guests} == {"Weiß"}


def test_cp1252_keeps_its_accents(tmp_path: Path) -> None:
    path = write(tmp_path, "Vorname;Nachname\nJürgen;Weiß\n", "cp1252")
    (guest,) = read_guest_file(path).guests
    assert (guest.first_name, guest.last_name) == ("Jürgen", "Weiß")


def test_bytes_no_encoding_reads_are_refused_naming_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "guests.csv"
    path.write_bytes(b"First name,Last name\nAnna,Smith\nBob,\x81\x8d\n")
    with pytest.raises(ConfigError) as caught:
        read_guest_file(path)
    message = str(caught.value)
    assert str(path) in message
    assert "line 3" in message
    assert "CSV UTF-8" in message


def test_utf16_without_byte_order_mark_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "guests.csv"
    path.write_bytes(PLAIN.encode("utf-16-le"))
    with pytest.raises(ConfigError, match="UTF-16 without"):
        read_guest_file(path)


def test_a_broken_workbook_named_csv_is_read_as_a_workbook_and_told(tmp_path: Path) -> None:
    path = tmp_path / "guests.csv"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(ConfigError, match="cannot be read as a workbook"):
        read_guest_file(path)


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        ("First name,Last name\n", ","),
        ("Vorname;Nachname;Notiz\n", ";"),
        ("Jméno\tPříjmení\n", "\t"),
        ('"Smith, Anna";Notes\n', ";"),  # a comma inside quotes does not count
        ("Name\n", ","),
    ],
)
def test_the_delimiter_is_sniffed(text: str, delimiter: str) -> None:
    assert sniff_delimiter(text) == delimiter


@pytest.mark.parametrize(
    "header",
    [
        "First name;Last name;E-mail;Ticket code;RSVP;Party size;Notes;Guest ID",
        "Vorname;Nachname;E-Mail;Ticketnummer;Status;Personen;Bemerkung;Gast-ID",
        "Jméno;Příjmení;E-mailová adresa;Kód vstupenky;Stav;Počet osob;Poznámka;ID hosta",
        "FIRST NAME;last_name;email;CODE;status;guests;NOTE;id",
    ],
)
def test_headers_in_english_german_and_czech(tmp_path: Path, header: str) -> None:
    path = write(tmp_path, f"{header}\nAnna;Smith;a@x.org;T9;Yes;3;vegan;G-1\n")
    (guest,) = read_guest_file(path).guests
    assert guest.id == guest.platform_ref == "G-1"
    assert (guest.first_name, guest.last_name, guest.email) == ("Anna", "Smith", "a@x.org")
    assert (guest.ticket, guest.status, guest.party_size, guest.notes) == (
        "T9",
        Status.ACCEPTED,
        3,
        "vegan",
    )


def test_a_full_name_column_is_split(tmp_path: Path) -> None:
    path = write(tmp_path, 'Name,Email\nAnna Maria Smith,\n"Novák, Josef",\nCher,\n')
    names = [(g.first_name, g.last_name) for g in read_guest_file(path).guests]
    assert names == [("Anna Maria", "Smith"), ("Josef", "Novák"), ("", "Cher")]


def test_other_columns_are_shown_as_extras(tmp_path: Path) -> None:
    path = write(tmp_path, "First name,Last name,Company,Table\nAnna,Smith,ACME,\n")
    (guest,) = read_guest_file(path).guests
    assert dict(guest.extras) == {"Company": "ACME"}  # empty cells are not shown


def test_given_columns_win_and_the_rest_is_detected(tmp_path: Path) -> None:
    path = write(tmp_path, "Given,Family,Name,Email\nAnna,Smith,Team A,a@x.org\n")
    mapping = parse_columns("first=Given, last=family")
    (guest,) = read_guest_file(path, mapping).guests
    assert (guest.first_name, guest.last_name, guest.email) == ("Anna", "Smith", "a@x.org")


def test_parse_columns_reads_roles_in_any_spelling() -> None:
    assert parse_columns("First Name=Given,E-Mail=Mail address,code=Barcode") == ColumnMapping(
        first="Given", email="Mail address", ticket="Barcode"
    )


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("first", "role=Header"),
        ("first=", "role=Header"),
        ("birthday=Born", "not a column Kiosk reads"),
        ("first=A,first=B", "given twice"),
        (" , ", "empty"),
    ],
)
def test_parse_columns_explains_a_mistake(text: str, said: str) -> None:
    with pytest.raises(ConfigError, match=said) as caught:
        parse_columns(text)
    assert caught.value.field == "columns"


def test_a_given_column_that_is_not_there_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, "Vorname,Nachname\nAnna,Smith\n")
    with pytest.raises(ConfigError) as caught:
        read_guest_file(path, ColumnMapping(first="Given"))
    message = str(caught.value)
    assert "'Given'" in message
    assert "'Vorname'" in message
    assert str(path) in message


def test_no_name_column_is_refused_with_the_headers_found(tmp_path: Path) -> None:
    path = write(tmp_path, "Email,Company\na@x.org,ACME\n")
    with pytest.raises(ConfigError) as caught:
        read_guest_file(path)
    message = str(caught.value)
    assert str(path) in message
    assert "'Email', 'Company'" in message
    assert "--columns" in message


@pytest.mark.parametrize("text", ["", "   \r\n\r\n", ",,,\n, ,\n"])
def test_an_empty_file_is_refused(tmp_path: Path, text: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError, match="is empty") as caught:
        read_guest_file(path)
    assert str(path) in str(caught.value)


def test_headers_alone_make_an_empty_list(tmp_path: Path) -> None:
    assert read_guest_file(write(tmp_path, "First name,Last name\n")).guests == []


def test_repeated_ids_are_refused_naming_their_rows(tmp_path: Path) -> None:
    rows = ["ID,First name,Last name"] + [f"{gid},A{n},B{n}" for n, gid in enumerate("1231145")]
    path = write(tmp_path, "\n".join(rows) + "\n")
    with pytest.raises(ConfigError) as caught:
        read_guest_file(path)
    message = str(caught.value)
    assert "'1' on rows 2, 5, 6" in message
    assert "Nothing was changed" in message
    assert str(path) in message


def test_derived_ids_email_then_ticket_then_name(tmp_path: Path) -> None:
    text = (
        "First name,Last name,Email,Ticket\n"
        "Anna,Smith,Anna@Example.com,T1\n"
        "Bob,Jones,,T2\n"
        "Eva,Nová,,\n"
        "Eva,Nová,,\n"
        "Tom,Twin,anna@example.com,\n"
    )
    ids = [g.id for g in read_guest_file(write(tmp_path, text)).guests]
    assert ids == [
        "mail:anna@example.com",
        "ticket:T2",
        "name:eva nová",
        "name:eva nová#2",
        "mail:anna@example.com#2",
    ]


def test_derived_ids_stay_when_rows_are_added_or_sorted(tmp_path: Path) -> None:
    before = read_guest_file(write(tmp_path, "Name,Email\nAnna Smith,a@x.org\nBob Jones,\n"))
    after = read_guest_file(
        write(tmp_path, "Name,Email\nZed New,\nBob Jones,\nAnna Smith,a@x.org\n")
    )
    assert {g.id for g in before.guests} <= {g.id for g in after.guests}


@pytest.mark.parametrize(
    ("cells", "status"),
    [
        (["", "invited", "Pending", "eingeladen", "pozván"], Status.INVITED),
        (["accepted", "YES", "Confirmed", "zugesagt", "přijato"], Status.ACCEPTED),
        (["declined", "No", "cancelled", "Abgesagt", "odmítnuto"], Status.DECLINED),
        (["attended", "Checked in", "check-in", "anwesend", "přítomen"], Status.ATTENDED),
        (["no-show", "No Show", "NOSHOW", "nicht erschienen", "nepřišel"], Status.NO_SHOW),
    ],
)
def test_status_words_in_any_case(cells: list[str], status: Status) -> None:
    assert {status_of(cell) for cell in cells} == {status}


def test_an_unknown_status_reads_as_invited_and_says_so(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = write(tmp_path, "Name,Status,Party\nAnna Smith,maybe,two\nBob Jones,YES,2.0\n")
    with caplog.at_level(logging.WARNING):
        anna, bob = read_guest_file(path).guests
    assert anna.status is Status.INVITED
    assert "maybe" in anna.status_label
    assert (anna.party_size, bob.party_size, bob.status) == (1, 2, Status.ACCEPTED)
    logged = caplog.text
    assert "status Kiosk does not know" in logged
    assert "party size that is not a number" in logged


def test_rows_without_a_name_email_or_ticket_are_left_out_and_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = write(tmp_path, "Name,Notes\nAnna Smith,\n,just a note\n,\nBob Jones\n")
    with caplog.at_level(logging.WARNING):
        guests = read_guest_file(path).guests
    assert [g.last_name for g in guests] == ["Smith", "Jones"]
    assert "left out: 3" in caplog.text


def test_a_broken_csv_row_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, 'Name,Notes\nAnna Smith,ok\nBob Jones,"' + "x" * 200_000 + '"\n')
    with pytest.raises(ConfigError, match=r"row 3: not readable as CSV"):
        read_guest_file(path)


def test_a_hundred_thousand_rows_load_well_within_five_seconds(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["First name", "Last name", "Email", "Ticket", "Status", "Company"])
        for n in range(100_000):
            writer.writerow([f"Anna{n % 97}", f"Smith{n}", f"g{n}@x.org", f"T{n}", "yes", "ACME"])
    started = time.perf_counter()
    listed = read_guest_file(path)
    took = time.perf_counter() - started
    print(f"100,000 rows read in {took:.2f} s")
    assert len(listed.guests) == 100_000
    assert len({g.id for g in listed.guests}) == 100_000
    assert took < 5.0
