"""The live numbers without a window: counts kept one guest at a time and counted afresh
in steps, the pace and when the accepted guests are in, this desk's part, the summary."""

from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kiosk.domain import Guest, Status, StatusChange
from kiosk.services.numbers import LiveNumbers, write_summary
from kiosk.services.state import Delivery, GuestSync
from kiosk.store.outbox import EntryState, OutboxEntry

NOW = datetime(2026, 12, 6, 18, 55, tzinfo=UTC)


def guest(number: int, status: Status, *, at: datetime | None = None, kind: str = "VIP") -> Guest:
    return Guest(f"g{number}", f"r{number}", "A", "B", "", "", status, changed_at=at,
                 ticket_type=kind)  # fmt: skip


def test_a_recount_keeps_what_was_noted_while_it_ran() -> None:
    """A guest noted between two steps of a recount is counted as noted, not as the
    recount's older copy said."""
    numbers = LiveNumbers()
    steps = numbers.recount([guest(n, Status.ACCEPTED) for n in range(5000)])
    next(steps)  # a first batch counted
    numbers.note(guest(1, Status.ATTENDED, at=NOW))  # checked in meanwhile
    for _ in steps:
        pass
    counted = numbers.numbers(NOW)
    assert (counted.arrived, counted.waiting, counted.total) == (1, 4999, 5000)
    assert [(t.ticket_type, t.arrived, t.expected, t.total) for t in counted.by_type] == [
        ("VIP", 1, 5000, 5000)
    ]


def test_changes_move_the_counts_and_the_chart() -> None:
    numbers = LiveNumbers()
    for n in range(10):
        numbers.note(guest(n, Status.ACCEPTED, kind="Standard" if n % 2 else "VIP"))
    numbers.note(guest(3, Status.ATTENDED, at=NOW - timedelta(minutes=1)))
    numbers.note(guest(4, Status.DECLINED))
    numbers.note(guest(3, Status.ATTENDED, at=NOW - timedelta(minutes=1)))  # again: same
    counted = numbers.numbers(NOW)
    assert counted.by_status[Status.ATTENDED] == 1
    assert counted.by_status[Status.DECLINED] == 1
    assert counted.expected == 9
    assert counted.slots[-1][1] == 1  # the current ten minutes
    numbers.note(guest(3, Status.ACCEPTED))  # the check-in undone
    assert numbers.numbers(NOW).slots[-1][1] == 0
    numbers.forget("g0")
    assert numbers.numbers(NOW).total == 9


def test_at_this_pace_the_accepted_are_in_by() -> None:
    numbers = LiveNumbers()
    for n in range(30):  # 30 arrivals spread over the last 25 minutes
        numbers.note(guest(n, Status.ATTENDED, at=NOW - timedelta(minutes=n * 25 / 30)))
    for n in range(30, 60):
        numbers.note(guest(n, Status.ACCEPTED))
    counted = numbers.numbers(NOW)
    # The window: three whole slots of ten minutes from 18:30, 25 minutes to 18:55.
    assert round(counted.pace_per_hour) == 72
    assert counted.clear_by is not None
    assert counted.clear_by == NOW + timedelta(hours=30 / counted.pace_per_hour)
    nobody = LiveNumbers()
    nobody.note(guest(1, Status.ACCEPTED))
    assert nobody.numbers(NOW).clear_by is None  # no pace, no promise
    done = LiveNumbers()
    done.note(guest(1, Status.ATTENDED, at=NOW - timedelta(hours=3)))
    assert done.numbers(NOW).clear_by == NOW


def test_this_desks_part_follows_its_changes_and_its_outbox() -> None:
    numbers = LiveNumbers()
    numbers.note_here("g1", GuestSync(Delivery.SAVED, Status.ATTENDED, at=NOW))
    numbers.note_here("g2", GuestSync(Delivery.SYNCED, Status.ATTENDED, at=NOW))
    numbers.note_here("g2", GuestSync(Delivery.FAILED, Status.ATTENDED, "refused", NOW))
    assert numbers.numbers(NOW).arrived_here == 1
    assert numbers.numbers(NOW).slots[-1][2] == 1
    change = StatusChange("g3", "r3", Status.ATTENDED, "desk-1", door_time=NOW)
    other = StatusChange("g4", "r4", Status.ATTENDED, "desk-2", door_time=NOW)
    entries = [OutboxEntry(c, EntryState.DELIVERED, 1, "") for c in (change, other)]
    numbers.load_here(entries, "desk-1")
    assert numbers.numbers(NOW).arrived_here == 2


def test_the_summary_file(tmp_path: Path) -> None:
    numbers = LiveNumbers()
    numbers.note(guest(1, Status.ATTENDED, at=NOW))
    numbers.note(guest(2, Status.ACCEPTED, kind=""))
    swept = StatusChange("g5", "r5", Status.NO_SHOW, "desk-1", previous_status=Status.ACCEPTED)
    path = tmp_path / "changes-numbers.csv"
    write_summary(numbers.numbers(NOW), path, [OutboxEntry(swept, EntryState.DELIVERED, 1, "")])
    with path.open(encoding="utf-8") as summary:
        rows = {(r["section"], r["item"]): r["value"] for r in csv.DictReader(summary)}
    assert rows["totals", "arrived"] == "1"
    assert rows["totals", "expected"] == "2"
    assert rows["ticket type", "VIP"] == "1/1/1"
    assert rows["ticket type", "(none)"] == "0/1/1"
    assert rows["no-shows from this desk", "delivered"] == "1"
    assert rows["no-shows from this desk", "withdrawn"] == "0"
