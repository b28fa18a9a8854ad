"""Reading a guest list CSV: its encoding and delimiter, its rows made guests, bad files
refused with a message that names the file, the row and what to do."""

from __future__ import annotations

import codecs
import csv
import dataclasses
import logging
import re
from collections.abc import Generator, Iterable, Iterator, Mapping
from types import MappingProxyType

from kiosk.backends.guestlist.columns import ColumnMapping, Layout, layout_of
from kiosk.backends.guestlist.vocabulary import STATUS_WORDS, squeeze
from kiosk.domain import Guest, Status, expect_guest_fields, guest_from_row
from kiosk.domain.errors import ConfigError
from kiosk.runtime import collector_paused

log = logging.getLogger(__name__)

FIELD = "guest_list"

#: Rows made guests between two turns of the event loop (a few ms of work).
BATCH = 500

_NO_EXTRAS: Mapping[str, str] = MappingProxyType({})

#: What ``parse_guests`` builds each guest from, in this order.
_ROW_ORDER = (
    "id",
    "platform_ref",
    "first_name",
    "last_name",
    "email",
    "ticket",
    "status",
    "party_size",
    "changed_at",
    "ticket_type",
    "notes",
    "starred",
    "language",
    "status_label",
    "extras",
)
expect_guest_fields(_ROW_ORDER, "kiosk.backends.guestlist.reading")

_SAVE_AS_CSV = "Save it from the spreadsheet as 'CSV UTF-8 (comma delimited)' and try again."


@dataclasses.dataclass(frozen=True, slots=True)
class FileText:
    """A file's text and the encoding it was read in (named for people)."""

    text: str
    encoding: str


@dataclasses.dataclass(frozen=True, slots=True)
class GuestFile:
    """The guests of one read of the file, in file order, with how it was read."""

    guests: list[Guest]
    how: str
    columns: str


def empty_file(where: str) -> ConfigError:
    return ConfigError(
        f"{where} is empty. Export the guest list again: the first row the column headers "
        "(e.g. First name, Last name, Email), then one guest a row.",
        field=FIELD,
    )


def decode(raw: bytes, where: str) -> FileText:
    """UTF-8 with or without a byte-order mark, UTF-16 with one, else Windows-1252 (what
    Excel writes as plain "CSV" in Western Europe)."""
    if not raw.strip():
        raise empty_file(where)
    if raw.startswith(b"PK\x03\x04"):
        raise ConfigError(
            f"{where} is an Excel workbook (.xlsx), not CSV. {_SAVE_AS_CSV}", field=FIELD
        )
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise ConfigError(
            f"{where} is an old Excel workbook (.xls), not CSV. {_SAVE_AS_CSV}", field=FIELD
        )
    if raw.startswith(codecs.BOM_UTF8):
        return FileText(_strict(raw, "utf-8-sig", where), "UTF-8 with byte-order mark")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return FileText(_strict(raw, "utf-16", where), "UTF-16")
    if b"\x00" in raw[:4096]:
        raise ConfigError(
            f"{where} is not a text file Kiosk can read (it holds zero bytes: UTF-16 without "
            f"a byte-order mark, or not text at all). {_SAVE_AS_CSV}",
            field=FIELD,
        )
    try:
        return FileText(_in_parts(raw, "utf-8"), "UTF-8")
    except UnicodeDecodeError:
        pass
    return FileText(_strict(raw, "cp1252", where), "Windows-1252 (not UTF-8)")


#: Decoded this many bytes at a time: one call on a large file holds the interpreter
#: (and so the event loop's thread) until it is done.
_PART = 1 << 20


def _in_parts(raw: bytes, encoding: str) -> str:
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    parts = [decoder.decode(raw[at : at + _PART]) for at in range(0, len(raw), _PART)]
    parts.append(decoder.decode(b"", final=True))
    return "".join(parts)


def _strict(raw: bytes, encoding: str, where: str) -> str:
    try:
        return _in_parts(raw, encoding)
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode(encoding)  # again in one go: the error's offset in the file
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ConfigError(
            f"{where}, line {line}: byte 0x{raw[exc.start]:02x} is not text in {encoding} "
            f"or in any encoding Kiosk tries (UTF-8, UTF-16, Windows-1252). {_SAVE_AS_CSV}",
            field=FIELD,
        ) from None


_QUOTED = re.compile(r'"[^"]*"')


def sniff_delimiter(text: str) -> str:
    """The delimiter of the first non-empty line: the most frequent of , ; and tab
    outside quotes (comma on a tie or when none is there: a one-column list)."""
    first = next((line for line in text[:65536].splitlines() if line.strip()), "")
    bare = _QUOTED.sub("", first)
    return max((",", ";", "\t"), key=bare.count)


def _lines(text: str) -> Iterator[str]:
    """The text's lines with their endings, as the csv module wants them; made one at a
    time, where ``io.StringIO(text)`` copies a large file in one go, a stall of its own.
    Old Macintosh files end lines with a bare CR."""
    if "\n" not in text[:65536] and "\r" in text[:65536]:
        text = text.replace("\r", "\n")
    find, start = text.find, 0
    while (end := find("\n", start)) != -1:
        yield text[start : end + 1]
        start = end + 1
    if start < len(text):
        yield text[start:]


def _split_name(full: str) -> tuple[str, str]:
    """'Smith, Anna' → ('Anna', 'Smith'); 'Anna Maria Smith' → ('Anna Maria', 'Smith');
    one word is taken as the last name (the self-service kiosk asks for that)."""
    if "," in full:
        last, _, first = full.partition(",")
        return first.strip(), last.strip()
    first, _, last = full.rpartition(" ")
    return first.strip(), last.strip()


def _party(text: str) -> int | None:
    """A party size cell ('2', '2.0' as Excel may write it); None when not a number."""
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        return None
    if number != number or not 0 <= number <= 10_000:
        return None
    return max(1, int(number))


def parse_guests(
    text: str, mapping: ColumnMapping | None, where: str, encoding: str = "UTF-8"
) -> Generator[None, None, GuestFile]:
    """The guests of a CSV file's text (see ``parse_rows``)."""
    delimiter = sniff_delimiter(text)
    reader = csv.reader(_lines(text), delimiter=delimiter)
    how = f"read as {encoding}, columns separated by {delimiter!r}"
    return (yield from parse_rows(reader, mapping, where, how))


def parse_rows(
    rows: Iterable[list[str]],
    mapping: ColumnMapping | None,
    where: str,
    how: str,
) -> Generator[None, None, GuestFile]:
    """The guests of a file's rows of text cells, made ``BATCH`` rows a step (see
    ``kiosk.runtime.run_sliced``); ``how`` says how the rows were read, for the log.

    Row numbers in messages are the spreadsheet's (the header row counts, and so do
    empty rows above it). The first row that is not empty holds the headers. A row with
    neither a name, an email nor a ticket is left out (and logged). The id is the id
    column's when there is one; else derived: ``mail:<email>``, else ``ticket:<code>``,
    else ``name:<first last>``, with ``#2``, ``#3``... for a repeat."""
    number = 0
    batch: list[list[str]] = []
    rows = iter(rows)
    try:
        for number, header in enumerate(rows, start=1):  # noqa: B007
            if any(cell.strip() for cell in header):
                break
        else:
            raise empty_file(where)
        layout = layout_of(header, mapping, where)
        columns = layout.describe(header)
        log.info("%s: %s, headers in row %d: %s", where, how, number, columns)
        guests: list[Guest] = []
        made = _Rows(layout, len(header), where)
        more = True
        while more:
            # A batch makes thousands of objects and no cycles: the collector would only
            # walk them again and again (see kiosk.runtime).
            with collector_paused():
                for row in rows:
                    batch.append(row)
                    if len(batch) == BATCH:
                        break
                else:
                    more = False
                made.add(guests, batch, number + 1)
            number += len(batch)
            batch = []
            yield
    except csv.Error as exc:
        raise ConfigError(
            f"{where}, row {number + len(batch) + 1}: not readable as CSV ({exc}). Check that "
            f"row in the spreadsheet (an unclosed quote, a very long cell). {_SAVE_AS_CSV}",
            field=FIELD,
        ) from None
    made.report()
    return GuestFile(guests, how, columns)


class _Rows:
    """Makes one guest per row, keeping what needs telling: repeated ids, rows left out,
    values Kiosk does not understand."""

    def __init__(self, layout: Layout, width: int, where: str) -> None:
        self.where = where
        self.width = width
        at = layout.columns
        self.at = tuple(at.get(role, width) for role in _ROLES)
        self.others = layout.others
        self.ids: dict[str, int] = {}
        self.repeats: dict[str, list[int]] = {}
        self.occurrences: dict[str, int] = {}
        self.statuses: dict[str, tuple[Status, str]] = {}
        self.parties: dict[str, int] = {}
        self.blank: list[int] = []
        self.unknown_status: list[int] = []
        self.bad_party: list[int] = []

    def add(self, guests: list[Guest], rows: list[list[str]], number: int) -> None:
        """Append the guests of ``rows``, the first of which is row ``number``. One loop
        with everything it uses in locals: it runs once per guest of the file."""
        width, others, pad = self.width, self.others, [""] * (self.width + 1)
        i_id, i_first, i_last, i_name, i_email, i_ticket, i_status, i_party, i_notes = self.at
        statuses, parties, ids, occurrences = (
            self.statuses,
            self.parties,
            self.ids,
            self.occurrences,
        )
        add = guests.append
        for number, row in enumerate(rows, start=number):  # noqa: B020
            if len(row) == width:
                row.append("")  # the cell an absent role reads: always empty
            else:
                row = [*(row + pad)[:width], ""]
            first = row[i_first].strip()
            last = row[i_last].strip()
            if not (first or last) and (full := row[i_name].strip()):
                first, last = _split_name(full)
            email = row[i_email].strip()
            ticket = row[i_ticket].strip()
            if not (first or last or email or ticket):
                if any(cell.strip() for cell in row):
                    self.blank.append(number)
                continue
            text = row[i_status].strip()
            status, label = statuses.get(text) or self._status(text)
            if label:
                self.unknown_status.append(number)
            party = 1
            if text := row[i_party].strip():
                party = parties.get(text) or self._party(text, number)
            gid = row[i_id].strip()
            if gid:
                if (seen := ids.setdefault(gid, number)) != number:
                    self.repeats.setdefault(gid, [seen]).append(number)
                    continue
            else:
                if email:
                    key = "mail:" + email.casefold()
                elif ticket:
                    key = "ticket:" + ticket
                else:
                    key = "name:" + f"{first} {last}".strip().casefold()
                count = occurrences[key] = occurrences.get(key, 0) + 1
                gid = key if count == 1 else f"{key}#{count}"
            notes = row[i_notes].strip()
            extras = _NO_EXTRAS
            if others:
                shown = {name: value for index, name in others if (value := row[index].strip())}
                if shown:
                    extras = MappingProxyType(shown)
            fields = (gid, gid, first, last, email, ticket, status, party, None, "", notes)
            add(guest_from_row((*fields, False, "", label, extras)))

    def _party(self, text: str, number: int) -> int:
        read = _party(text)
        if read is None:
            self.bad_party.append(number)
            return 1
        self.parties[text] = read
        return read

    def _status(self, text: str) -> tuple[Status, str]:
        status = Status.INVITED if not text else STATUS_WORDS.get(squeeze(text))
        if status is None:
            known = (Status.INVITED, f"{text} (not a status Kiosk knows: read as invited)")
        else:
            known = (status, "")
        self.statuses[text] = known
        return known

    def report(self) -> None:
        """Raise on repeated ids; log what was read leniently."""
        if self.repeats:
            said = "; ".join(
                f"{gid!r} on rows {', '.join(map(str, rows))}"
                for gid, rows in list(self.repeats.items())[:5]
            )
            more = len(self.repeats) - 5
            raise ConfigError(
                f"{self.where}: {len(self.repeats)} id(s) belong to more than one row: {said}"
                + (f" (and {more} more)" if more > 0 else "")
                + ". Each guest needs an id of their own: correct the repeated ids in the id "
                "column, or delete that column and Kiosk makes ids from the emails. Nothing "
                "was changed.",
                field=FIELD,
            )
        for rows, what in (
            (self.blank, "have no name, email or ticket and were left out"),
            (self.unknown_status, "have a status Kiosk does not know and read as invited"),
            (self.bad_party, "have a party size that is not a number and read as 1"),
        ):
            if rows:
                log.warning("%s: %d row(s) %s: %s", self.where, len(rows), what, _rows(rows))


_ROLES = ("id", "first", "last", "name", "email", "ticket", "status", "party", "notes")


def _rows(numbers: list[int], shown: int = 10) -> str:
    head = ", ".join(map(str, numbers[:shown]))
    return head + (f" and {len(numbers) - shown} more" if len(numbers) > shown else "")
