"""Fault injection: what can go wrong, and a seeded die that decides it per request."""

from __future__ import annotations

import dataclasses
import json
import random
import threading
from collections.abc import Mapping
from typing import Any

#: The kinds of broken answer ``Faults.answer_fault`` can ask for.
ANSWER_FAULTS: tuple[str, ...] = ("bad-json", "html-error", "huge-body", "wrong-types")

#: Size of the "huge-body" answer: big enough that a client must refuse it, not parse it.
HUGE_BODY_BYTES = 10 * 1024 * 1024

_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})

_HTML_ERROR = (
    b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    b"<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
    b"</body>\r\n</html>\r\n"
)


@dataclasses.dataclass(frozen=True, slots=True)
class Faults:
    """What the sandbox does wrong, on purpose. Everything defaults to off.

    Rates are shares of matching requests (0 … 1). ``only`` narrows every fault to
    requests whose method equals it (``"PUT"``) or whose path contains it
    (``"/attendance"``). ``seed`` seeds the die, so a run is reproducible: the same
    requests in the same order meet the same faults.

    - ``latency`` (+ up to ``latency_jitter``) seconds before each answer;
    - ``stall_rate``: the answer hangs ``stall_seconds``, then comes normally;
    - ``drop_rate``: the connection closes mid-answer; with ``drop_after_apply`` a write
      is carried out first (the "outcome unknown" case), otherwise it is not;
    - ``rate_limit_rate``: 429 with ``Retry-After: retry_after``;
    - ``error_rate``: a 5xx with the platform's error body;
    - ``answer_fault`` (share ``answer_fault_rate``): a 200 that is broken JSON, an
      HTML error page from a proxy, ~10 MB, or the right keys with the wrong types;
    - ``ignore_paging``: paged lists ignore their page parameters (always page one);
    - ``enforce_rate_limit``: sheepCRM's advertised 400-a-minute window really throttles.
    """

    latency: float = 0.0
    latency_jitter: float = 0.0
    error_rate: float = 0.0
    rate_limit_rate: float = 0.0
    retry_after: int = 1
    drop_rate: float = 0.0
    drop_after_apply: bool = False
    stall_rate: float = 0.0
    stall_seconds: float = 30.0
    answer_fault: str | None = None
    answer_fault_rate: float = 1.0
    ignore_paging: bool = False
    enforce_rate_limit: bool = False
    only: str | None = None
    seed: int = 0

    def __post_init__(self) -> None:
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            if field.name.endswith("_rate") and not 0.0 <= value <= 1.0:
                raise ValueError(f"{field.name} must be between 0 and 1, not {value!r}")
        for name in ("latency", "latency_jitter", "stall_seconds", "retry_after"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative")
        if self.answer_fault is not None and self.answer_fault not in ANSWER_FAULTS:
            raise ValueError(f"answer_fault must be one of {', '.join(ANSWER_FAULTS)} or None")

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Faults:
        """Faults from a JSON object; absent fields take their defaults. Raises
        ValueError for an unknown field or a value of the wrong type."""
        fields = {field.name: field for field in dataclasses.fields(cls)}
        unknown = sorted(set(data) - set(fields))
        if unknown:
            raise ValueError(f"unknown fault field(s): {', '.join(unknown)}")
        defaults = cls()
        values: dict[str, Any] = {}
        for name, value in data.items():
            default = getattr(defaults, name)
            if name in ("answer_fault", "only"):
                if value is not None and not isinstance(value, str):
                    raise ValueError(f"{name} must be a string or null")
            elif isinstance(default, bool):
                if not isinstance(value, bool):
                    raise ValueError(f"{name} must be true or false")
            elif isinstance(default, int) and not isinstance(default, bool):
                if isinstance(value, bool) or not isinstance(value, int):
                    raise ValueError(f"{name} must be an integer")
            elif isinstance(value, bool) or not isinstance(value, int | float):
                raise ValueError(f"{name} must be a number")
            values[name] = float(value) if isinstance(default, float) else value
        return cls(**values)

    def matches(self, method: str, path: str) -> bool:
        if not self.only:
            return True
        if self.only.upper() in _METHODS:
            return method.upper() == self.only.upper()
        return self.only in path


@dataclasses.dataclass(frozen=True, slots=True)
class FaultPlan:
    """The die's decision for one request. ``fault`` names what was injected (None: none)."""

    latency: float = 0.0
    stall: float = 0.0
    drop: bool = False
    drop_after_apply: bool = False
    rate_limited: bool = False
    retry_after: int = 1
    error_status: int | None = None
    answer_fault: str | None = None
    ignore_paging: bool = False
    enforce_rate_limit: bool = False

    @property
    def fault(self) -> str | None:
        parts = []
        if self.stall:
            parts.append("stall")
        if self.drop:
            parts.append("drop-after-apply" if self.drop_after_apply else "drop")
        elif self.rate_limited:
            parts.append("rate-limit")
        elif self.error_status:
            parts.append(f"error-{self.error_status}")
        elif self.answer_fault:
            parts.append(self.answer_fault)
        return "+".join(parts) or None


NO_FAULT = FaultPlan()

#: 5xx statuses an error is drawn from: the service itself, and its proxy.
_ERROR_STATUSES = (500, 502, 503)


class FaultDie:
    """Holds the current ``Faults`` and rolls for each request, thread-safely.

    Every matching request takes the same number of draws whatever the rates, so a
    change of one rate does not reshuffle which requests meet the other faults.
    """

    def __init__(self, faults: Faults | None = None) -> None:
        self._lock = threading.Lock()
        self._faults = faults or Faults()
        self._random = random.Random(self._faults.seed)

    @property
    def faults(self) -> Faults:
        with self._lock:
            return self._faults

    def set(self, faults: Faults) -> None:
        """Replace the faults and restart the die from ``faults.seed``."""
        with self._lock:
            self._faults = faults
            self._random = random.Random(faults.seed)

    def roll(self, method: str, path: str) -> FaultPlan:
        with self._lock:
            faults = self._faults
            if not faults.matches(method, path):
                return NO_FAULT
            draw = self._random.random
            jitter, stall, drop, throttle, error, answer, which = (draw() for _ in range(7))
        return FaultPlan(
            latency=faults.latency + faults.latency_jitter * jitter,
            stall=faults.stall_seconds if stall < faults.stall_rate else 0.0,
            drop=drop < faults.drop_rate,
            drop_after_apply=faults.drop_after_apply and drop < faults.drop_rate,
            rate_limited=throttle < faults.rate_limit_rate,
            retry_after=faults.retry_after,
            error_status=(
                _ERROR_STATUSES[int(which * len(_ERROR_STATUSES))]
                if error < faults.error_rate
                else None
            ),
            answer_fault=(
                faults.answer_fault
                if faults.answer_fault and answer < faults.answer_fault_rate
                else None
            ),
            ignore_paging=faults.ignore_paging,
            enforce_rate_limit=faults.enforce_rate_limit,
        )


def break_answer(kind: str, status: int, content_type: str, body: bytes) -> tuple[int, str, bytes]:
    """The answer ``(status, content_type, body)`` spoiled as ``kind`` says."""
    if kind == "html-error":
        return 502, "text/html", _HTML_ERROR
    if kind == "bad-json":
        # Cut mid-value: no prefix of a JSON object shorter than the whole parses.
        cut = body[: max(1, len(body) // 2)] if body.startswith(b"{") else b'{"results": ['
        return status, content_type, cut
    if kind == "huge-body":
        padding = b"x" * HUGE_BODY_BYTES
        stripped = body.strip()
        if stripped.startswith(b"{") and stripped != b"{}":
            return status, content_type, b'{"_padding":"' + padding + b'",' + stripped[1:]
        return status, content_type, b'{"_padding":"' + padding + b'"}'
    if kind == "wrong-types":
        try:
            parsed = json.loads(body)
        except ValueError:
            return status, content_type, body
        return status, content_type, json.dumps(_wrong_types(parsed)).encode()
    raise ValueError(f"unknown answer fault {kind!r}")


def _wrong_types(value: Any) -> Any:
    """The same keys, every leaf of another type: strings become numbers, numbers
    strings, booleans strings, nulls zero; lists stay lists, objects objects."""
    if isinstance(value, dict):
        return {key: _wrong_types(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_wrong_types(item) for item in value]
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return len(value)
    return 0
