"""Guest lists as Excel workbooks (.xlsx), read through python-calamine: numbers as
people see them, the spreadsheet's row numbers, a workbook being saved, 100,000 rows."""

from __future__ import annotations

import time
import zipfile
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from kiosk.backends.guestlist import GuestListBackend, read_guest_file
from kiosk.domain import MalformedAnswer, PlatformUnavailable, Status
from kiosk.domain.errors import ConfigError

pytestmark = pytest.mark.anyio

_NS = "http://schemas.openxmlformats.org"
_PARTS = {
    "[Content_Types].xml": (
        f'<Types xmlns="{_NS}/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
    ),
    "_rels/.rels": (
        f'<Relationships xmlns="{_NS}/package/2006/relationships"><Relationship Id="rId1" '
        f'Type="{_NS}/officeDocument/2006/relationships/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        f'<workbook xmlns="{_NS}/spreadsheetml/2006/main" '
        f'xmlns:r="{_NS}/officeDocument/2006/relationships"><sheets>'
        '<sheet name="Gäste" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        f'<Relationships xmlns="{_NS}/package/2006/relationships"><Relationship Id="rId1" '
        f'Type="{_NS}/officeDocument/2006/relationships/worksheet" '
        'Target="worksheets/sheet1.xml"/></Relationships>'
    ),
}


def _cell(column: int, row: int, value: object) -> str:
    ref = f"{chr(65 + column)}{row}"
    if isinstance(value, int | float):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>'


def write_xlsx(path: Path, rows: Sequence[Sequence[object]], first_row: int = 1) -> Path:
    """A minimal .xlsx as Excel writes one (one sheet, strings inline)."""
    body = "".join(
        f'<row r="{number}">'
        + "".join(_cell(column, number, value) for column, value in enumerate(row) if value != "")
        + "</row>"
        for number, row in enumerate(rows, start=first_row)
    )
    sheet = f'<worksheet xmlns="{_NS}/spreadsheetml/2006/main"><sheetData>{body}</sheetData>'
    sheet += "</worksheet>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, xml in _PARTS.items():
            book.writestr(name, xml)
        book.writestr("xl/worksheets/sheet1.xml", sheet)
    return path


HEADER = ["Vorname", "Nachname", "E-Mail", "Ticketnummer", "Status", "Personen"]


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def test_a_workbook_reads_like_its_csv(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "gäste.xlsx",
        [
            HEADER,
            ["Jürgen", "Weiß", "j@x.de", 120034, "zugesagt", 2.0],
            ["Eva", "Nová", "", "", "", ""],
        ],
    )
    juergen, eva = read_guest_file(path).guests
    assert (juergen.first_name, juergen.last_name, juergen.ticket) == ("Jürgen", "Weiß", "120034")
    assert (juergen.status, juergen.party_size, juergen.id) == (Status.ACCEPTED, 2, "mail:j@x.de")
    assert (eva.status, eva.party_size, eva.id) == (Status.INVITED, 1, "name:eva nová")


def test_row_numbers_are_the_spreadsheets_even_below_empty_rows(tmp_path: Path) -> None:
    rows: list[list[object]] = [["ID", "Name"], [7, "Anna Smith"], [8, "Bob"], [7, "Anna B"]]
    path = write_xlsx(tmp_path / "guests.xlsx", rows, first_row=3)
    with pytest.raises(ConfigError, match=r"'7' on rows 4, 6"):
        read_guest_file(path)


def test_a_file_that_is_not_a_workbook_says_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "guests.xlsx"
    path.write_bytes(b"First name,Last name\nAnna,Smith\n")
    with pytest.raises(ConfigError, match="save it again") as caught:
        read_guest_file(path)
    assert str(path) in str(caught.value)


async def test_the_backend_on_a_workbook_and_one_saved_again_meanwhile(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "guests.xlsx", [HEADER, ["Anna", "Smith", "a@x.org", 1, "", 1]])
    backend = GuestListBackend(path)
    (anna,) = (await backend.load_roster()).guests
    await backend.set_status(anna, Status.ATTENDED)
    assert backend.results.path == tmp_path / "guests.kiosk-results.csv"
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2])  # caught half-way through a save
    with pytest.raises(PlatformUnavailable, match="being saved"):
        await backend.load_roster()
    write_xlsx(
        path, [HEADER, ["Anna", "Smith", "a@x.org", 1, "", 1], ["Bob", "Jones", "", 2, "", 1]]
    )
    guests = {g.last_name: g.status for g in (await backend.load_roster()).guests}
    assert guests == {"Smith": Status.ATTENDED, "Jones": Status.INVITED}
    restarted = GuestListBackend(path)
    assert {g.status for g in (await restarted.load_roster()).guests} == set(guests.values())


async def test_a_broken_workbook_at_first_load_is_malformed(tmp_path: Path) -> None:
    path = tmp_path / "guests.xlsx"
    path.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(MalformedAnswer, match="cannot be read as a workbook"):
        await GuestListBackend(path).load_roster()


def test_a_hundred_thousand_row_workbook_loads_well_within_five_seconds(tmp_path: Path) -> None:
    rows: list[list[object]] = [list(HEADER)]
    rows += [
        [f"Anna{n % 97}", f"Smith{n}", f"g{n}@x.org", n, "ja", 1 + n % 3] for n in range(100_000)
    ]
    path = write_xlsx(tmp_path / "big.xlsx", rows)
    started = time.perf_counter()
    listed = read_guest_file(path)
    took = time.perf_counter() - started
    print(f"100,000-row workbook read in {took:.2f} s")
    assert len(listed.guests) == 100_000
    assert listed.guests[-1].ticket == "99999"
    assert took < 5.0
