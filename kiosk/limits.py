"""A platform's call quota and a desk's bandwidth, as a profile's ``[sheepcrm]`` or
``[attendu]`` table gives them (or the documented defaults). No Qt."""

from __future__ import annotations

import dataclasses

from kiosk.domain.errors import ConfigError

__all__ = ["DEFAULT_BANDWIDTH", "DEFAULT_QUOTAS", "CallLimits", "parse_bytes", "parse_quota"]

#: The platforms' quotas when the profile says nothing: sheepCRM's documented one; Attendu
#: publishes none, so a cautious guess (10 calls a second, 10,000 an hour).
DEFAULT_QUOTAS: dict[str, str] = {"sheepcrm": "400/60, 1000/3600", "attendu": "600/60, 10000/3600"}
#: What one desk may pull an hour (the venue's Wi-Fi is shared): 1 GB.
DEFAULT_BANDWIDTH = "1 GB"
_BYTE_UNITS = {"": 1, "B": 1, "KB": 10**3, "MB": 10**6, "GB": 10**9}


@dataclasses.dataclass(frozen=True, slots=True)
class CallLimits:
    """The ``[sheepcrm]``/``[attendu]`` table of a profile: the platform's quota, when it
    differs from the default (``quota = "400/60, 1000/3600"``: calls per seconds, counted
    per key), and what one desk may pull an hour (``bandwidth = "1 GB"``)."""

    quota: str = ""
    bandwidth: str = ""

    def windows(self, platform: str) -> tuple[tuple[int, float], ...]:
        return parse_quota(self.quota or DEFAULT_QUOTAS.get(platform, DEFAULT_QUOTAS["attendu"]))

    def bytes_an_hour(self) -> int:
        return parse_bytes(self.bandwidth or DEFAULT_BANDWIDTH)

    @classmethod
    def from_table(cls, table: object, where: str) -> CallLimits:
        if not isinstance(table, dict) or not all(
            isinstance(table.get(k, ""), str) for k in ("quota", "bandwidth")
        ):
            raise ConfigError(f"{where}: quota and bandwidth must be text.")
        limits = cls(table.get("quota", ""), table.get("bandwidth", ""))
        limits.windows("sheepcrm")
        limits.bytes_an_hour()
        return limits


def parse_quota(text: str) -> tuple[tuple[int, float], ...]:
    """``"400/60, 1000/3600"`` as ((400, 60.0), (1000, 3600.0)), shortest window first."""
    windows = []
    for part in text.split(","):
        calls, slash, seconds = part.strip().partition("/")
        try:
            window = (int(calls), float(seconds))
        except ValueError:
            window = (0, 0.0)
        if not slash or window[0] < 1 or not 0 < window[1] <= 31 * 86400:
            raise ConfigError(f"A quota is CALLS/SECONDS, like 400/60, not {part.strip()!r}.")
        windows.append(window)
    return tuple(sorted(windows, key=lambda w: w[1]))


def parse_bytes(text: str) -> int:
    """``"1 GB"``, ``"500MB"`` or a number of bytes."""
    number, unit = text.strip().upper(), ""
    for suffix in sorted(_BYTE_UNITS, key=len, reverse=True):
        if suffix and number.endswith(suffix):
            number, unit = number.removesuffix(suffix).strip(), suffix
            break
    try:
        value = int(float(number) * _BYTE_UNITS[unit])
    except ValueError:
        value = 0
    if value < 1:
        raise ConfigError(f"A bandwidth is an amount like 1 GB or 500 MB, not {text!r}.")
    return value
