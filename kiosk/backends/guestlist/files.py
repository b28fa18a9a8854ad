"""One read of a guest list file, CSV or workbook: from its bytes to the steps that make
its guests."""

from __future__ import annotations

from collections.abc import Generator
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.backends.guestlist.columns import ColumnMapping
from kiosk.backends.guestlist.reading import (
    FIELD,
    FileText,
    GuestFile,
    decode,
    parse_guests,
    parse_rows,
)
from kiosk.domain.errors import ConfigError

if TYPE_CHECKING:
    from kiosk.backends.guestlist.workbook import Sheet

#: Workbooks, read with python-calamine: Excel's formats and OpenDocument's.
WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"})


def is_workbook(path: Path) -> bool:
    return path.suffix.lower() in WORKBOOK_SUFFIXES


def source_of(raw: bytes, path: Path) -> FileText | Sheet:
    """The file's bytes decoded (CSV) or parsed (a workbook's first sheet). ConfigError
    when they cannot be; run it in a worker thread."""
    if is_workbook(path) or raw.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        # A workbook whatever its name says (saved as "guests.csv" by mistake).
        # Imported here: python-calamine is needed only for a workbook.
        from kiosk.backends.guestlist.workbook import open_sheet

        return open_sheet(raw, str(path))
    return decode(raw, str(path))


def guest_steps(
    source: FileText | Sheet, mapping: ColumnMapping | None, where: str
) -> Generator[None, None, GuestFile]:
    """The steps that make the guests of ``source`` (see ``kiosk.runtime.run_sliced``)."""
    if isinstance(source, FileText):
        return parse_guests(source.text, mapping, where, source.encoding)
    from kiosk.backends.guestlist.workbook import sheet_rows

    return parse_rows(sheet_rows(source), mapping, where, source.how)


def read_guest_file(path: Path, mapping: ColumnMapping | None = None) -> GuestFile:
    """The whole file at once (tools and tests; the backend reads it in steps)."""
    where = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{where} cannot be read: {exc.strerror or exc}.", field=FIELD) from exc
    steps = guest_steps(source_of(raw, path), mapping, where)
    while True:
        try:
            next(steps)
        except StopIteration as done:
            result: GuestFile = done.value
            return result
