"""Attendance rows as a real sheepCRM account sends them, for the sandbox to play on
request (``SheepcrmPlatform.play_real_rows``): plus-ones without a person record, some
bookings cancelled, some people booked on two sessions of the event (two rows, one
person: a status PUT, which names a person, sets both), and times in the event's own
zone, without an offset."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

#: Of every ten people who are not plus-ones, the one at this place is cancelled ...
CANCELLED_AT = 3
#: ... and the one at this place also has a second session.
TWO_SESSIONS_AT = 5
SECOND_SESSION = "Workshop: badges and lanyards"


@dataclasses.dataclass(frozen=True, slots=True)
class RealRows:
    """How the rows are played: ``zone`` is the event's (its times are sent in it)."""

    zone: str = "Europe/Prague"

    def time(self, epoch_ms: int) -> str:
        """sheepCRM's spelling of a moment, naive, in the event's zone."""
        moment = datetime.fromtimestamp(epoch_ms / 1000, UTC).astimezone(ZoneInfo(self.zone))
        return moment.replace(tzinfo=None).isoformat(timespec="microseconds")


#: The account the sandbox plays unless told another zone.
REAL_ROWS = RealRows()


def cancelled(position: int, plus_one: bool) -> bool:
    return not plus_one and position % 10 == CANCELLED_AT


def two_sessions(position: int, plus_one: bool) -> bool:
    return not plus_one and position % 10 == TWO_SESSIONS_AT


def second_uid(uid: str) -> str:
    """The second session's uid: the first one's, its first four digits replaced."""
    return "5e55" + uid[4:]


def play(
    rows: RealRows, row: dict[str, Any], position: int, plus_one: bool
) -> list[dict[str, Any]]:
    """The rows the account sends for one session of the demo data (``row``)."""
    for key in ("created", "last_updated"):
        row[key] = rows.time(_epoch_ms(row[key]))
    if plus_one:
        row["person_ref"] = None  # a plus-one without a person record
    if cancelled(position, plus_one):
        row["record_state"] = "cancelled"
    if not two_sessions(position, plus_one):
        return [row]
    first = {**row, "ticket_ref": {"display_value": "Conference day", "ref": row["ticket_ref"]}}
    uid = second_uid(row["uid"])
    second = {
        **row,
        "uid": uid,
        "uri": row["uri"].replace(row["uid"], uid),
        "ticket": row["ticket"] + "-W",
        "ticket_ref": {"display_value": SECOND_SESSION, "ref": row["ticket_ref"] + "w/"},
    }
    return [first, second]


def _epoch_ms(naive_utc: str) -> int:
    return round(datetime.fromisoformat(naive_utc).replace(tzinfo=UTC).timestamp() * 1000)
