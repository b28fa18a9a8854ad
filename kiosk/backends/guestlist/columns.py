"""Which column of a guest list holds what: detected from the headers, or given."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence

from kiosk.backends.guestlist.vocabulary import HEADERS, ROLE_ALIASES, ROLES, squeeze
from kiosk.domain.errors import ConfigError

log = logging.getLogger(__name__)

FIELD = "columns"


@dataclasses.dataclass(frozen=True, slots=True)
class ColumnMapping:
    """Header names given for some roles (None: find that role's column by its header).

    ``name`` is a column holding the whole name ("Anna Smith" or "Smith, Anna"), for a
    list without separate first- and last-name columns."""

    id: str | None = None
    first: str | None = None
    last: str | None = None
    name: str | None = None
    email: str | None = None
    ticket: str | None = None
    status: str | None = None
    party: str | None = None
    notes: str | None = None

    def given(self) -> dict[str, str]:
        """role → header, for the roles given."""
        return {role: header for role in ROLES if (header := getattr(self, role)) is not None}


def parse_columns(text: str) -> ColumnMapping:
    """``"first=Given,last=Family"`` → a ColumnMapping. Role names: id, first, last,
    name, email, ticket, status, party, notes (a few spellings each, any case); header
    names are matched as the file writes them, case and accents ignored."""
    given: dict[str, str] = {}
    for part in text.split(","):
        if not part.strip():
            continue
        role_text, sep, header = part.partition("=")
        role = ROLE_ALIASES.get(squeeze(role_text))
        if not sep or not header.strip():
            raise ConfigError(
                f"--columns: {part.strip()!r} is not role=Header; write it like "
                '"first=Given name,last=Family name".',
                field=FIELD,
            )
        if role is None:
            raise ConfigError(
                f"--columns: {role_text.strip()!r} is not a column Kiosk reads; "
                f"use one of: {', '.join(ROLES)}.",
                field=FIELD,
            )
        if role in given:
            raise ConfigError(f"--columns: {role} is given twice.", field=FIELD)
        given[role] = header.strip()
    if not given:
        raise ConfigError(
            '--columns is empty; write it like "first=Given name,last=Family name".',
            field=FIELD,
        )
    return ColumnMapping(**given)


@dataclasses.dataclass(frozen=True, slots=True)
class Layout:
    """Where each role is in one file: role → column index (roles absent are left out),
    and the other columns (index, header) shown as extras beside the guest."""

    columns: dict[str, int]
    others: tuple[tuple[int, str], ...]

    def describe(self, header: Sequence[str]) -> str:
        return ", ".join(f"{role}={header[index]!r}" for role, index in self.columns.items())


def layout_of(header: Sequence[str], mapping: ColumnMapping | None, where: str) -> Layout:
    """Match ``header`` (the file's first row) to roles: given headers first, then the
    known spellings for the rest. ConfigError naming the file when a given header is not
    there or no column holds a name."""
    squeezed = [squeeze(cell) for cell in header]
    columns: dict[str, int] = {}
    for role, wanted in (mapping.given() if mapping else {}).items():
        try:
            columns[role] = squeezed.index(squeeze(wanted))
        except ValueError:
            shown = ", ".join(repr(cell) for cell in header if cell.strip()) or "none"
            raise ConfigError(
                f"{where}: there is no column {wanted!r} (given for {role} in --columns). "
                f"The headers are: {shown}. Fix --columns or the header row.",
                field=FIELD,
            ) from None
    taken = set(columns.values())
    for index, key in enumerate(squeezed):
        found = HEADERS.get(key)
        if found is None or index in taken:
            continue
        if found in columns:
            log.info(
                "%s: column %r also reads as %s; the first one is used", where, header[index], found
            )
            continue
        columns[found] = index
        taken.add(index)
    if not {"first", "last", "name"} & columns.keys():
        shown = ", ".join(repr(cell) for cell in header if cell.strip()) or "none"
        raise ConfigError(
            f"{where}: no column holds the guests' names. The first row should be the headers, "
            "with 'First name' and 'Last name' (or Vorname/Nachname, Jméno/Příjmení) or one "
            f"'Name' column; the headers found are: {shown}. Rename them, or say which "
            'columns to read: --columns "first=…,last=…".',
            field=FIELD,
        )
    others = tuple(
        (index, cell.strip())
        for index, cell in enumerate(header)
        if index not in taken and cell.strip()
    )
    return Layout(columns, others)
