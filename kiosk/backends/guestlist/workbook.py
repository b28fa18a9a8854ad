"""Reading a guest list workbook (.xlsx, .xls, .ods): its first sheet as rows of text."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from collections.abc import Iterator

from python_calamine import CalamineError, CalamineSheet, CalamineWorkbook

from kiosk.backends.guestlist.reading import FIELD, empty_file
from kiosk.domain.errors import ConfigError


@dataclasses.dataclass(frozen=True, slots=True)
class Sheet:
    """A parsed sheet and how it was read (for the log). Its rows start at the sheet's
    row 1, empty rows above the data included, so row numbers are the spreadsheet's."""

    sheet: CalamineSheet
    how: str


def open_sheet(raw: bytes, where: str) -> Sheet:
    """The workbook's first sheet, parsed. Run it in a worker thread: calamine parses in
    Rust and lets the event loop's thread run meanwhile."""
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(raw))
        names = book.sheet_names
        sheet = book.get_sheet_by_index(0)
    except CalamineError as exc:
        raise ConfigError(
            f"{where} cannot be read as a workbook ({type(exc).__name__}: {exc}). Open it in "
            "the spreadsheet and save it again (without a password), or save it as "
            "'CSV UTF-8'.",
            field=FIELD,
        ) from None
    if sheet.start is None:
        raise empty_file(f"{where} (sheet {names[0]!r})")
    how = f"read as a workbook, sheet {names[0]!r}"
    if len(names) > 1:
        how += f" (the first of {len(names)}: the guests must be there)"
    return Sheet(sheet, how)


def sheet_rows(sheet: Sheet) -> Iterator[list[str]]:
    """Every row as text cells, as the CSV reader gives them."""
    for row in sheet.sheet.iter_rows():
        yield [cell if type(cell) is str else _text(cell) for cell in row]


def _text(value: object) -> str:
    """A cell as the person sees it: 2 not 2.0 (Excel keeps every number as a float)."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return "" if value is None else str(value)
