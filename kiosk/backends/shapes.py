"""Typed reads of untrusted, already-decoded JSON for the platform parsers.

Every reader either returns a value of the promised type or raises ``WrongShape`` with a
short description of where and what; each platform parser turns that into a
``MalformedAnswer`` naming the platform (or skips one bad row of a roster).
"""

from __future__ import annotations

import contextlib
import math
import os
from collections.abc import Mapping
from datetime import UTC, date, datetime, time, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

JsonObject = Mapping[str, object]


class WrongShape(Exception):
    """Decoded JSON is not the shape a parser needs; the text says where and what."""


def kind(value: object) -> str:
    """How a JSON value is described to people."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _at(where: str, key: str) -> str:
    return f"{where}: '{key}'" if where else f"'{key}'"


def as_object(value: object, where: str) -> JsonObject:
    if not isinstance(value, dict):
        raise WrongShape(f"{where} should be an object, not {kind(value)}")
    return value


def as_list(value: object, where: str) -> list[object]:
    if not isinstance(value, list):
        raise WrongShape(f"{where} should be a list, not {kind(value)}")
    return value


def text(obj: JsonObject, key: str, where: str, default: str = "") -> str:
    """A string field; missing or null gives ``default``."""
    value = obj.get(key)
    if value.__class__ is str:  # the common case first: this runs a million times a roster
        return value
    if value is None:
        return default
    if not isinstance(value, str):
        raise WrongShape(f"{_at(where, key)} should be text, not {kind(value)}")
    return value


def texts(obj: JsonObject, keys: tuple[str, ...], where: str) -> list[str]:
    """Several string fields at once (missing or null: ""), for rows read by the thousand."""
    found: list[str] = []
    for key in keys:
        value = obj.get(key)
        if value.__class__ is str:
            found.append(value)
        elif value is None:
            found.append("")
        else:
            raise WrongShape(f"{_at(where, key)} should be text, not {kind(value)}")
    return found


def integer(obj: JsonObject, key: str, where: str, default: int = 0) -> int:
    """A whole-number field (a float with no fraction passes); missing or null gives
    ``default``. true/false is refused: JSON booleans are not counts."""
    value = obj.get(key)
    if value is None:
        return default
    if isinstance(value, bool):
        raise WrongShape(f"{_at(where, key)} should be a whole number, not {kind(value)}")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    raise WrongShape(f"{_at(where, key)} should be a whole number, not {kind(value)}")


def flag(obj: JsonObject, key: str, where: str, default: bool = False) -> bool:
    value = obj.get(key)
    if value is None:
        return default
    if not isinstance(value, bool):
        raise WrongShape(f"{_at(where, key)} should be true or false, not {kind(value)}")
    return value


def optional_object(obj: JsonObject, key: str, where: str) -> JsonObject | None:
    value = obj.get(key)
    if value is None:
        return None
    return as_object(value, _at(where, key))


def optional_list(obj: JsonObject, key: str, where: str) -> list[object] | None:
    value = obj.get(key)
    if value is None:
        return None
    return as_list(value, _at(where, key))


def scalar_text(value: object) -> str | None:
    """A short display text for a scalar or a list of scalars; None for anything else."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return f"{value:g}" if math.isfinite(value) else None
    if isinstance(value, list):
        parts = [scalar_text(item) for item in value]
        if all(part is not None for part in parts):
            return ", ".join(part for part in parts if part)
    return None


def zone(name: str) -> tzinfo:
    """The named IANA time zone, or UTC when the name is empty or unknown."""
    if not name:
        return UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


_UTC_NAMES = frozenset(
    {"UTC", "Etc/UTC", "UCT", "Etc/UCT", "Universal", "Etc/Universal", "Zulu", "Etc/Zulu"}
)


def local_zone() -> tzinfo:
    """This computer's time zone: ``TZ`` when it names one, else the system's zone file,
    else today's offset from UTC (on a system without either)."""
    name = os.environ.get("TZ", "").lstrip(":")
    if not name:  # the zone file is mostly a link into the zone database: its name
        linked = os.path.realpath("/etc/localtime").split("/zoneinfo/")
        name = linked[-1] if len(linked) > 1 else ""
    if name in _UTC_NAMES:
        return UTC  # the fast zone: times read in it need no conversion
    if name:
        with contextlib.suppress(ZoneInfoNotFoundError, ValueError):
            return ZoneInfo(name)
    with contextlib.suppress(OSError, ValueError), open("/etc/localtime", "rb") as file:
        return ZoneInfo.from_file(file, key="localtime")
    return datetime.now().astimezone().tzinfo or UTC


def timestamp(value: str, default_zone: tzinfo = UTC) -> datetime | None:
    """An ISO 8601 date-time (or a bare date, as its midnight), timezone-aware: a value
    without an offset is read in ``default_zone``. None when it is not a date-time."""
    value = value.strip()
    if not value:
        return None
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=default_zone)
    return when


def combine(day: str, clock: str, default_zone: tzinfo = UTC) -> datetime | None:
    """A date (``YYYY-MM-DD``) plus an optional time (``HH:MM``)."""
    try:
        parsed_day = date.fromisoformat(day.strip())
    except ValueError:
        return None
    try:
        parsed_clock = time.fromisoformat(clock.strip()) if clock.strip() else time()
    except ValueError:
        parsed_clock = time()
    return datetime.combine(parsed_day, parsed_clock.replace(tzinfo=None), default_zone)
