"""Live numbers for the desk: arrived, expected and total, by status and ticket type,
arrivals per ten minutes, and when the accepted guests still to come will be in.

No Qt. Kept up one guest at a time (``note``, O(1)), as changes and refreshes land: at
100,000 guests a count from scratch takes tens of milliseconds, more than a frame, so
it is done only when a whole roster comes in, and then in slices (``recount``, stepped
by ``kiosk.runtime.run_sliced``), with the guests noted meanwhile applied after it.
"""

from __future__ import annotations

import csv
import dataclasses
import operator
from collections import Counter
from collections.abc import Generator, Iterable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kiosk.domain import Guest, Status
from kiosk.domain.status import ORDER
from kiosk.services.state import Delivery, GuestSync
from kiosk.store.outbox import EntryState, OutboxEntry

#: Arrivals are counted in slots of ten minutes (the chart's bars).
BUCKET_S = 600
#: The pace is the arrivals of the last half hour.
PACE_WINDOW_S = 1800
#: The chart shows this many slots, the current one last.
CHART_BUCKETS = 12
#: Guests counted between two turns of the loop in a recount.
RECOUNT_BATCH = 500

#: One guest as counted: status, ticket type, and the slot they arrived in (or None).
_Seen = tuple[Status, str, int | None]


def bucket_of(when: datetime | None) -> int | None:
    return None if when is None else int(when.timestamp()) // BUCKET_S


@dataclasses.dataclass(frozen=True, slots=True)
class TypeCount:
    ticket_type: str
    arrived: int
    expected: int
    total: int


@dataclasses.dataclass(frozen=True, slots=True)
class Numbers:
    """The panel's figures at one moment. ``expected``: accepted or arrived (said they
    come); ``waiting``: accepted and not arrived yet. ``slots``: the chart's bars as
    (start, all desks, this desk), oldest first. ``clear_by``: when the waiting guests
    are in at the pace of the last half hour (None: no arrivals in it, no pace)."""

    total: int
    arrived: int
    expected: int
    waiting: int
    by_status: dict[Status, int]
    by_type: list[TypeCount]
    slots: list[tuple[datetime, int, int]]
    arrived_here: int
    pace_per_hour: float
    clear_by: datetime | None
    at: datetime


class _Tables:
    def __init__(self) -> None:
        self.seen: dict[str, _Seen] = {}
        self.counts: Counter[tuple[Status, str]] = Counter()
        self.arrivals: Counter[int] = Counter()

    def apply(self, guest_id: str, new: _Seen | None) -> None:
        old = self.seen.get(guest_id)
        if old == new:
            return
        if old is not None:
            self.counts[old[0], old[1]] -= 1
            if old[2] is not None:
                self.arrivals[old[2]] -= 1
        if new is None:
            self.seen.pop(guest_id, None)
            return
        self.seen[guest_id] = new
        self.counts[new[0], new[1]] += 1
        if new[2] is not None:
            self.arrivals[new[2]] += 1


_ID = operator.attrgetter("id")
_KEY = operator.attrgetter("status", "ticket_type")


#: Every distinct way a guest is counted, once: 100,000 guests are counted in a few
#: hundred ways (statuses x ticket types x slots), so a recount keeps a few hundred
#: tuples, not 100,000 new ones for the garbage collector to walk.
_SHARED: dict[_Seen, _Seen] = {}


def _seen(guest: Guest) -> _Seen:
    arrived = bucket_of(guest.changed_at) if guest.status is Status.ATTENDED else None
    seen = (guest.status, guest.ticket_type, arrived)
    return _SHARED.setdefault(seen, seen)


class LiveNumbers:
    """The desk's numbers, kept up as guests change (``note``), as this desk's own
    changes move (``note_here``), and counted afresh when a roster comes in whole."""

    def __init__(self) -> None:
        self._t = _Tables()
        self._during: dict[str, Guest | None] | None = None  # noted while recounting
        self._here: dict[str, int | None] = {}  # guest → slot, checked in at this desk
        self._here_slots: Counter[int] = Counter()

    def __len__(self) -> int:
        return len(self._t.seen)

    def note(self, guest: Guest) -> None:
        """One guest as shown now (a change at the door, a refresh, a delivery)."""
        if self._during is not None:
            self._during[guest.id] = guest
        self._t.apply(guest.id, _seen(guest))

    def forget(self, guest_id: str) -> None:
        if self._during is not None:
            self._during[guest_id] = None
        self._t.apply(guest_id, None)

    def recount(self, guests: Sequence[Guest | None]) -> Generator[None, None, None]:
        """Count a whole roster afresh, a batch per step (the counting in C: Counter
        updates over ``attrgetter``); what is noted meanwhile is applied to the new
        count before it replaces the old one."""
        fresh = _Tables()
        during: dict[str, Guest | None] = {}
        self._during = during
        try:
            for lo in range(0, len(guests), RECOUNT_BATCH):
                batch = [guest for guest in guests[lo : lo + RECOUNT_BATCH] if guest is not None]
                seen = list(map(_seen, batch))
                fresh.seen.update(zip(map(_ID, batch), seen, strict=True))
                fresh.counts.update(map(_KEY, batch))
                fresh.arrivals.update(slot for _s, _t, slot in seen if slot is not None)
                yield
        finally:
            if self._during is during:
                self._during = None
        for guest_id, noted in during.items():
            fresh.apply(guest_id, None if noted is None else _seen(noted))
        self._t = fresh

    def note_here(self, guest_id: str, sync: GuestSync | None) -> None:
        """This desk's latest change for a guest: an arrival here while it is a check-in
        on its way or delivered."""
        arrived = (
            sync is not None
            and sync.status is Status.ATTENDED
            and sync.delivery is not Delivery.FAILED
        )
        old = self._here.pop(guest_id, -1)
        if old != -1 and old is not None:
            self._here_slots[old] -= 1
        if arrived and sync is not None:
            slot = bucket_of(sync.at)
            self._here[guest_id] = slot
            if slot is not None:
                self._here_slots[slot] += 1

    def load_here(self, entries: Iterable[OutboxEntry], kiosk_id: str) -> None:
        """This desk's arrivals from its outbox (oldest first), after a restart."""
        latest: dict[str, OutboxEntry] = {}
        kept = (EntryState.PENDING, EntryState.DELIVERED)
        for entry in entries:
            if entry.change.kiosk_id == kiosk_id and entry.state in kept:
                latest[entry.change.guest_id] = entry
        for gid, entry in latest.items():
            change = entry.change
            self.note_here(gid, GuestSync(Delivery.SYNCED, change.status, at=change.door_time))

    def numbers(self, now: datetime | None = None) -> Numbers:
        """The figures now: O(statuses times ticket types, plus the chart slots)."""
        now = now or datetime.now(UTC)
        by_status = dict.fromkeys(ORDER, 0)
        types: dict[str, list[int]] = {}
        for (status, ticket_type), count in self._t.counts.items():
            if count <= 0:
                continue
            by_status[status] += count
            row = types.setdefault(ticket_type, [0, 0, 0])
            row[0] += count if status is Status.ATTENDED else 0
            row[1] += count if status in (Status.ATTENDED, Status.ACCEPTED) else 0
            row[2] += count
        arrived = by_status[Status.ATTENDED]
        waiting = by_status[Status.ACCEPTED]
        current = int(now.timestamp()) // BUCKET_S
        slots = [
            (
                datetime.fromtimestamp(slot * BUCKET_S, UTC),
                self._t.arrivals.get(slot, 0),
                self._here_slots.get(slot, 0),
            )
            for slot in range(current - CHART_BUCKETS + 1, current + 1)
        ]
        pace = self._pace(now)
        clear_by: datetime | None = None
        if waiting == 0:
            clear_by = now
        elif pace > 0:
            clear_by = now + timedelta(hours=waiting / pace)
        return Numbers(
            total=len(self._t.seen),
            arrived=arrived,
            expected=arrived + waiting,
            waiting=waiting,
            by_status=by_status,
            by_type=[
                TypeCount(name, *row)
                for name, row in sorted(types.items(), key=lambda item: (-item[1][2], item[0]))
            ],
            slots=slots,
            arrived_here=len(self._here),
            pace_per_hour=pace,
            clear_by=clear_by,
            at=now,
        )

    def _pace(self, now: datetime) -> float:
        """Arrivals per hour over the last ``PACE_WINDOW_S`` (whole slots, the current
        one in part: the window is as long as the slots it counts)."""
        stamp = now.timestamp()
        current = int(stamp) // BUCKET_S
        whole = PACE_WINDOW_S // BUCKET_S
        first = current - whole + 1
        count = sum(self._t.arrivals.get(slot, 0) for slot in range(first, current + 1))
        seconds = stamp - first * BUCKET_S
        return count * 3600 / seconds if seconds > 0 else 0.0


def write_summary(numbers: Numbers, path: Path, changes: Iterable[OutboxEntry]) -> None:
    """The numbers as a CSV beside the reconciliation: rows of section, item, value.
    Sections: totals, status, ticket type (arrived/expected/total), arrivals per ten
    minutes, and this desk's no-shows by outcome (the end-of-event sweep's result)."""
    no_shows: Counter[str] = Counter(
        entry.state.value for entry in changes if entry.change.status is Status.NO_SHOW
    )
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["section", "item", "value"])
        writer.writerow(["totals", "at", numbers.at.isoformat()])
        for item, value in (
            ("guests", numbers.total),
            ("arrived", numbers.arrived),
            ("expected", numbers.expected),
            ("accepted, not arrived", numbers.waiting),
            ("arrived at this desk", numbers.arrived_here),
            ("arrivals per hour (last 30 min)", round(numbers.pace_per_hour, 1)),
        ):
            writer.writerow(["totals", item, value])
        clear = numbers.clear_by.isoformat() if numbers.clear_by else ""
        writer.writerow(["totals", "accepted clear by", clear])
        for status, count in numbers.by_status.items():
            writer.writerow(["status", status.wire, count])
        for row in numbers.by_type:
            name = row.ticket_type or "(none)"
            writer.writerow(["ticket type", name, f"{row.arrived}/{row.expected}/{row.total}"])
        for start, everyone, here in numbers.slots:
            writer.writerow(["arrivals per 10 min", start.isoformat(), f"{everyone}/{here}"])
        for state in EntryState:
            writer.writerow(["no-shows from this desk", state.value, no_shows.get(state.value, 0)])
