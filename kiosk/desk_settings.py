"""The desk's own settings, the ``[desk]`` table of a profile: refresh and scanning. No Qt."""

from __future__ import annotations

import argparse
import dataclasses
import json

from kiosk.domain.errors import ConfigError

#: How often the guest list is fetched again when neither profile nor command line say.
DEFAULT_REFRESH_S = 5.0
MIN_REFRESH_S, MAX_REFRESH_S = 0.2, 3600.0


@dataclasses.dataclass(frozen=True, slots=True)
class DeskSettings:
    """What the Settings dialog keeps for the desk (``--refresh-interval`` wins for one
    run when given)."""

    refresh_interval: float = DEFAULT_REFRESH_S
    check_in_on_scan: bool = False

    def validate(self, where: str = "the profile") -> DeskSettings:
        if not MIN_REFRESH_S <= self.refresh_interval <= MAX_REFRESH_S:
            raise ConfigError(
                f"[desk] refresh_interval in {where} must be between {MIN_REFRESH_S:g} and"
                f" {MAX_REFRESH_S:g} seconds.",
                field="refresh_interval",
            )
        return self

    @classmethod
    def from_table(cls, table: object, where: str) -> DeskSettings:
        if not isinstance(table, dict):
            raise ConfigError(f"[desk] in {where} must be a table of settings.")
        interval = table.get("refresh_interval", DEFAULT_REFRESH_S)
        on_scan = table.get("check_in_on_scan", False)
        if isinstance(interval, bool) or not isinstance(interval, int | float):
            raise ConfigError(f"[desk] refresh_interval in {where} must be a number.")
        if not isinstance(on_scan, bool):
            raise ConfigError(f"[desk] check_in_on_scan in {where} must be true or false.")
        return cls(float(interval), on_scan).validate(where)

    def toml_lines(self) -> list[str]:
        """The table as TOML (JSON spells these values as TOML does)."""
        return [
            "",
            "[desk]",
            f"refresh_interval = {json.dumps(self.refresh_interval)}",
            f"check_in_on_scan = {json.dumps(self.check_in_on_scan)}",
        ]


#: A desk's settings when no profile has any.
DESK = DeskSettings()

#: What ``kiosk.app.run_app`` returns when Settings changed what needs the desk built
#: again; ``main`` then runs it once more on ``restarted`` arguments.
RESTART = -1


def restarted(args: argparse.Namespace) -> argparse.Namespace:
    """``args`` for a restart after Settings saved the profile: what the command line
    chose for the first run no longer wins over it."""
    fields = ("platform", "base_url", "bucket", "event", "refresh_interval")
    return argparse.Namespace(**{**vars(args), **dict.fromkeys(fields), "kiosk": False})
