"""The sandbox's platform conventions: each guess Kiosk makes, played either way on purpose."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from starlette.types import Scope

#: Where the request's modes travel in the ASGI scope, from the front door to a platform.
MODES_KEY = "kiosk.sandbox.modes"

#: How the sandbox's Attendu may page its guest list: (start, size) names, whether the
#: start counts pages from 1. ``none`` ignores every paging parameter: always page one.
ATTENDU_PAGINGS: Mapping[str, tuple[str, str, bool]] = {
    "skip/limit": ("skip", "limit", False),
    "offset/limit": ("offset", "limit", False),
    "page/per_page": ("page", "per_page", True),
    "page/page_size": ("page", "page_size", True),
    "none": ("", "", False),
}
#: Statuses sheepCRM may answer a bad key with: 403 (what it sends in practice), 401, and
#: 404 (what its documents say it sends for bad credentials).
BAD_KEY_STATUSES = (401, 403, 404)


@dataclasses.dataclass(frozen=True, slots=True)
class Modes:
    """How the platforms behave where the real ones may differ from Kiosk's guesses.

    - ``attendu_paging``: one of ``ATTENDU_PAGINGS`` (Attendu publishes none);
    - ``attendu_strict``: a query parameter the guest list does not know is refused (400),
      and so is a page larger than ``attendu_page_cap``;
    - ``attendu_page_cap``: the most guests a page of the guest list gives (more asked:
      this many, or a 400 when strict);
    - ``sheepcrm_roster_cut``: the attendance answer stops after this many sessions
      (0: whole), as a service that pages or truncates without a sign would;
    - ``sheepcrm_bad_key_status``: the answer to a missing or wrong key;
    - ``clock_skew``: seconds the platforms' ``Date`` header is ahead of the real time.
    """

    attendu_paging: str = "skip/limit"
    attendu_strict: bool = False
    attendu_page_cap: int = 1000
    sheepcrm_roster_cut: int = 0
    sheepcrm_bad_key_status: int = 403
    clock_skew: float = 0.0

    def __post_init__(self) -> None:
        if self.attendu_paging not in ATTENDU_PAGINGS:
            raise ValueError(f"attendu_paging must be one of {', '.join(ATTENDU_PAGINGS)}")
        if not 1 <= self.attendu_page_cap <= 1000:
            raise ValueError("attendu_page_cap must be between 1 and 1000")
        if self.sheepcrm_roster_cut < 0:
            raise ValueError("sheepcrm_roster_cut must not be negative")
        if self.sheepcrm_bad_key_status not in BAD_KEY_STATUSES:
            raise ValueError(f"sheepcrm_bad_key_status must be one of {BAD_KEY_STATUSES}")

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Modes:
        """Modes from a JSON object; absent fields keep their defaults. ValueError for an
        unknown field or a value of the wrong type."""
        defaults = cls()
        unknown = sorted(set(data) - set(defaults.to_json()))
        if unknown:
            raise ValueError(f"unknown mode(s): {', '.join(unknown)}")
        values: dict[str, Any] = {}
        for name, value in data.items():
            default = getattr(defaults, name)
            kind = type(default)
            if kind is float and isinstance(value, int) and not isinstance(value, bool):
                value = float(value)
            if type(value) is not kind:
                raise ValueError(f"{name} must be {kind.__name__}, not {value!r}")
            values[name] = value
        return cls(**values)


DEFAULT_MODES = Modes()


def modes_of(scope: Scope) -> Modes:
    modes = scope.get(MODES_KEY, DEFAULT_MODES)
    return modes if isinstance(modes, Modes) else DEFAULT_MODES
