"""Guests, events and status changes: immutable values shared by every layer."""

from __future__ import annotations

import dataclasses
import functools
import uuid
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from types import MappingProxyType
from typing import NamedTuple

from kiosk.domain.status import Status

_EMPTY: Mapping[str, str] = MappingProxyType({})


@dataclasses.dataclass(frozen=True, slots=True)
class Event:
    """One event on a platform."""

    id: str
    title: str
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    location: str | None = None


class Guest(NamedTuple):
    """One guest of the event, as Kiosk knows them.

    ``id`` is Kiosk's stable key for the guest (sheepCRM: the attendance session uid;
    Attendu: the guest ``_id``). ``platform_ref`` is what the platform's write calls
    take (sheepCRM: the person URI; Attendu: the guest ``_id``).
    ``changed_at`` is the platform's last change time, timezone-aware (UTC when the
    platform gives none). ``extras`` holds further platform fields worth showing,
    label → text (custom properties, ticket type names, payment, ...).

    A named tuple, not a frozen dataclass: equally immutable, and built 7-12 times
    faster (``Guest._make(fields)`` runs in C), which is most of loading a 100,000-guest
    roster. Change one with ``guest._replace(status=...)``.
    """

    id: str
    platform_ref: str
    first_name: str
    last_name: str
    email: str
    ticket: str
    status: Status
    party_size: int = 1
    changed_at: datetime | None = None
    ticket_type: str = ""
    notes: str = ""
    starred: bool = False
    language: str = ""
    status_label: str = ""
    extras: Mapping[str, str] = _EMPTY

    @property
    def name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part)

    @property
    def plus_ones(self) -> int:
        return max(0, self.party_size - 1)

    def with_status(self, status: Status, changed_at: datetime | None = None) -> Guest:
        return self._replace(status=status, changed_at=changed_at or self.changed_at)


#: Guest's fields, in the order ``guest_from_row`` takes them.
GUEST_FIELDS: tuple[str, ...] = Guest._fields

#: A guest from a row of all fifteen fields in ``GUEST_FIELDS`` order, built in C:
#: ``Guest(...)`` and ``Guest._make`` are Python-level calls, and this runs once per guest
#: of every roster read. No check of the row's length: readers build complete rows, and
#: declare the order they build them in with ``expect_guest_fields``.
guest_from_row: Callable[[Iterable[object]], Guest] = functools.partial(tuple.__new__, Guest)


def expect_guest_fields(order: tuple[str, ...], reader: str) -> None:
    """Fail at import when ``reader`` builds rows in another order than Guest's fields:
    the one check that keeps every fast constructor honest when Guest changes."""
    if order != GUEST_FIELDS:
        raise RuntimeError(f"Guest's fields changed; update {reader}: {GUEST_FIELDS}")


def new_change_key() -> str:
    """A fresh idempotency key for a status change."""
    return uuid.uuid4().hex


@dataclasses.dataclass(frozen=True, slots=True)
class StatusChange:
    """One person's decision at the door: set ``guest_id`` to ``status``.

    ``key`` is the idempotency key; ``door_time`` is when it was decided (UTC);
    ``kiosk_id`` names the desk; ``seen_changed_at`` is the guest's platform change time
    the operator was looking at, so a newer change made elsewhere can be detected.
    """

    guest_id: str
    platform_ref: str
    status: Status
    kiosk_id: str
    key: str = dataclasses.field(default_factory=new_change_key)
    door_time: datetime = dataclasses.field(default_factory=lambda: datetime.now(UTC))
    previous_status: Status | None = None
    seen_changed_at: datetime | None = None
    #: A party's check-in: this many of the guest's party are in once it is delivered
    #: (None: the status alone, the whole party for attended).
    party_in: int | None = None
