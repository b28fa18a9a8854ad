"""The demo data's shapes: people, roster entries, events, Attendu properties, and times."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import NamedTuple

#: The five statuses in their wire spelling (sheepCRM's, which Kiosk also uses).
STATUSES: tuple[str, ...] = ("invited", "accepted", "declined", "attended", "no-show")


class DemoPerson(NamedTuple):
    """One person in the demo database: identity only, shared by both platforms.

    Times are integer milliseconds since the epoch (UTC): cheap to make by the
    hundred thousand, turned into each platform's spelling when served."""

    position: int
    first_name: str
    last_name: str
    email: str
    lang: str
    phone: str
    company: str
    person_uid: str
    created_ms: int

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class DemoEntry(NamedTuple):
    """One person on one event's roster, as freshly seeded.

    ``host`` is the person index of the guest who brought this plus-one (None for a
    guest in their own right); ``party_size`` counts the host and their plus-ones (1 for
    plus-ones themselves). ``attendu_id`` is empty for plus-ones: Attendu folds them into
    the host's confirmation count instead of listing them. Times are epoch milliseconds.
    """

    person: int
    status: str
    ticket: str
    ticket_type: str
    ticket_uid: str
    session_uid: str
    attendu_id: str
    host: int | None
    party_size: int
    starred: bool
    notes: str
    dietary: str
    interests: tuple[str, ...]
    paid: bool
    decline_message: str
    created_ms: int
    answered_ms: int | None
    updated_ms: int
    checked_in_ms: int | None
    check_in_method: str | None


@dataclasses.dataclass(frozen=True, slots=True)
class DemoEvent:
    """One event. ``state`` is sheepCRM's life-cycle word ("live" or "draft");
    ``attendu_id`` is empty when the event exists only on sheepCRM."""

    sheepcrm_uid: str
    attendu_id: str
    title: str
    start: datetime
    end: datetime
    location: str
    state: str
    capacity: int
    created: datetime
    entries: tuple[DemoEntry, ...]
    description: str = ""


@dataclasses.dataclass(frozen=True, slots=True)
class AttenduProperty:
    """A custom guest-list property on Attendu: ``names`` and option labels per language."""

    id: str
    key: str
    type: str
    names: Mapping[str, str]
    options: tuple[tuple[str, str, Mapping[str, str]], ...] = ()  # (id, key, {lang: label})

    def option_id(self, key: str) -> str:
        for option_id, option_key, _labels in self.options:
            if option_key == key:
                return option_id
        raise KeyError(key)


@dataclasses.dataclass(frozen=True, slots=True)
class DemoData:
    """Everything the sandbox is seeded with. ``events[0]`` is the demo event (running
    now, every person on it); the others are small past, future and draft events."""

    seed: int
    now: datetime
    bucket: str
    people: tuple[DemoPerson, ...]
    events: tuple[DemoEvent, ...]
    attendu_properties: tuple[AttenduProperty, ...]
    attendu_langs: tuple[str, ...]
    sheepcrm_api_key: str
    attendu_api_key: str

    @property
    def event(self) -> DemoEvent:
        return self.events[0]


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def to_datetime(epoch_ms: int) -> datetime:
    """An epoch-milliseconds time from the demo data as an aware UTC datetime."""
    return _EPOCH + timedelta(milliseconds=epoch_ms)


def to_epoch_ms(dt: datetime) -> int:
    return (dt - _EPOCH) // timedelta(milliseconds=1)
