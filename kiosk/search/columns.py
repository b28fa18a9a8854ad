"""Column tables: the guests of each status, ticket type and the starred ones, as sets of
slots, so a filter is a few set intersections in C and a filtered list walks the
alphabetical order in C (``filter(allowed.__contains__, order)``), never a Python loop
over guests. Kept by ``Tables`` as guests come, change and go; filled in bulk."""

from __future__ import annotations

from collections.abc import Iterable, Set
from itertools import islice

from kiosk.domain import Guest


def file_columns(
    status: dict[str, set[int]],
    types: dict[str, set[int]],
    starred: set[int],
    slot: int,
    guest: Guest,
) -> None:
    status.setdefault(guest.status.value, set()).add(slot)
    types.setdefault(guest.ticket_type, set()).add(slot)
    if guest.starred:
        starred.add(slot)


def unfile_columns(
    status: dict[str, set[int]],
    types: dict[str, set[int]],
    starred: set[int],
    slot: int,
    guest: Guest,
) -> None:
    for table, key in ((status, guest.status.value), (types, guest.ticket_type)):
        held = table.get(key)
        if held is not None:
            held.discard(slot)
            if not held:
                del table[key]
    starred.discard(slot)


def columns_changed(old: Guest, new: Guest) -> bool:
    return (
        old.status is not new.status
        or old.starred != new.starred
        or old.ticket_type != new.ticket_type
    )


def fill_columns(
    guests: Iterable[Guest], offset: int
) -> tuple[dict[str, list[int]], dict[str, list[int]], list[int]]:
    """A piece of a roster's columns from slot ``offset`` on (grouped in one pass)."""
    status: dict[str, list[int]] = {}
    types: dict[str, list[int]] = {}
    starred: list[int] = []
    for slot, guest in enumerate(guests, offset):
        status.setdefault(guest.status.value, []).append(slot)
        types.setdefault(guest.ticket_type, []).append(slot)
        if guest.starred:
            starred.append(slot)
    return status, types, starred


def first_in_order(order: list[int], allowed: Set[int], limit: int | None) -> list[int]:
    """The first ``limit`` slots of ``order`` that are in ``allowed``, walked in C."""
    return list(islice(filter(allowed.__contains__, order), limit))
