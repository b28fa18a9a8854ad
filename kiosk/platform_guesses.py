"""The profile's answers where a platform publishes nothing: Attendu's status integers
(``[attendu.codes]``) and the zone of sheepCRM's times without an offset (``[sheepcrm]
time_zone``). No Qt, no backends: the backend factory turns these into the clients' own.

Each default is Kiosk's best guess (docs/platforms.md says why); a workspace that proves
otherwise sets the key in its profile, and nothing in code needs to change."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kiosk.domain.errors import ConfigError


@dataclasses.dataclass(frozen=True, slots=True)
class AttenduCodeTable:
    """``[attendu.codes]``: what Attendu's ``status.confirmation`` integers mean.
    ``no_answer`` (0) and ``declined`` (-1) are guesses read off Attendu's examples;
    ``min_confirmed`` (1) and up is the number of confirmed people."""

    no_answer: int = 0
    declined: int = -1
    min_confirmed: int = 1

    def validate(self, where: str) -> AttenduCodeTable:
        if self.min_confirmed < 1:
            raise ConfigError(
                f"[attendu.codes] min_confirmed in {where} must be 1 or more (a party size).",
                field="min_confirmed",
            )
        if self.no_answer == self.declined:
            raise ConfigError(
                f"[attendu.codes] in {where}: no_answer and declined must differ.",
                field="declined",
            )
        for name in ("no_answer", "declined"):
            if getattr(self, name) >= self.min_confirmed:
                raise ConfigError(
                    f"[attendu.codes] {name} in {where} must be below min_confirmed "
                    f"({self.min_confirmed}): from there on the number counts people.",
                    field=name,
                )
        return self


@dataclasses.dataclass(frozen=True, slots=True)
class PlatformGuesses:
    """Every guess a profile can answer. ``sheepcrm_time_zone`` is an IANA name; ""
    means this computer's own zone (a desk usually stands where its event is)."""

    attendu_codes: AttenduCodeTable = AttenduCodeTable()
    sheepcrm_time_zone: str = ""

    @classmethod
    def from_profile(cls, data: Mapping[str, object], where: str) -> PlatformGuesses:
        """The guesses in a profile's TOML ``data``; ConfigError names a wrong one."""
        attendu = _table(data, "attendu", where)
        codes_table = _table(attendu, "codes", where, "attendu.")
        values: dict[str, int] = {}
        for field in dataclasses.fields(AttenduCodeTable):
            value = codes_table.get(field.name)
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, int):
                raise ConfigError(
                    f"[attendu.codes] {field.name} in {where} must be a whole number.",
                    field=field.name,
                )
            values[field.name] = value
        codes = AttenduCodeTable(**values).validate(where)
        zone = _table(data, "sheepcrm", where).get("time_zone", "")
        if not isinstance(zone, str):
            raise ConfigError(f"[sheepcrm] time_zone in {where} must be text.", field="time_zone")
        return cls(codes, check_zone(zone.strip(), where))

    def toml_lines(self) -> list[str]:
        """The guesses that differ from the defaults, as TOML (tables of their own, so
        other keys of ``[attendu]`` and ``[sheepcrm]`` may sit beside them)."""
        lines: list[str] = []
        if self.attendu_codes != AttenduCodeTable():
            lines += ["", "[attendu.codes]"]
            lines += [
                f"{field.name} = {getattr(self.attendu_codes, field.name)}"
                for field in dataclasses.fields(AttenduCodeTable)
            ]
        if self.sheepcrm_time_zone:
            lines += ["", "[sheepcrm]", f"time_zone = {json.dumps(self.sheepcrm_time_zone)}"]
        return lines


def check_zone(name: str, where: str) -> str:
    """``name`` when it is "" or a time zone this computer knows; else ConfigError."""
    if not name:
        return name
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            f"[sheepcrm] time_zone in {where} is {name!r}, not a time zone this computer "
            "knows: use a name such as Europe/London.",
            field="time_zone",
        ) from None
    return name


def _table(
    data: Mapping[str, object], key: str, where: str, prefix: str = ""
) -> Mapping[str, object]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(f"[{prefix}{key}] in {where} must be a table of settings.")
    return value
