"""What both sandbox platforms share on the wire: JSON answers, time spellings, ids."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any, Protocol

from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from kiosk.sandbox.faults import NO_FAULT, FaultPlan

#: Where the request's fault plan travels in the ASGI scope, from the front door to a platform.
FAULT_PLAN_KEY = "kiosk.sandbox.fault_plan"
#: The request body as the front door received it (routes read it without awaiting).
BODY_KEY = "kiosk.sandbox.body"

_HEX24 = re.compile(r"[0-9a-f]{24}")
_EPOCH = datetime(1970, 1, 1)  # naive UTC: neither platform spells a timezone the same way


class PlatformApp(Protocol):
    """One platform the sandbox plays: an ASGI app under ``prefix`` that can also answer
    with its own error shape when the front door injects a fault."""

    name: str
    prefix: str

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None: ...

    def fault_answer(self, status: int, retry_after: int | None) -> Response:
        """A 429 (``retry_after`` set) or 5xx answer in this platform's own shape."""
        ...


def fault_plan(scope: Scope) -> FaultPlan:
    plan = scope.get(FAULT_PLAN_KEY, NO_FAULT)
    return plan if isinstance(plan, FaultPlan) else NO_FAULT


def header(scope: Scope, name: bytes) -> str | None:
    """The first value of request header ``name`` (lower-case bytes), or None."""
    headers: list[tuple[bytes, bytes]] = scope.get("headers", [])
    for key, value in headers:
        if key == name:
            return value.decode("latin-1")
    return None


def dumps(data: Any) -> bytes:
    """Compact UTF-8 JSON; names keep their diacritics rather than ``\\u`` escapes."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def json_answer(data: Any, status: int = 200, headers: Mapping[str, str] | None = None) -> Response:
    return Response(dumps(data), status, headers, media_type="application/json")


def raw_json_answer(body: bytes, status: int = 200) -> Response:
    return Response(body, status, media_type="application/json")


def now_ms() -> int:
    return time.time_ns() // 1_000_000


def sheepcrm_time(epoch_ms: int) -> str:
    """sheepCRM's spelling: ``2023-09-05T11:27:06.437000``, UTC without a zone."""
    return (_EPOCH + timedelta(milliseconds=epoch_ms)).isoformat(timespec="microseconds")


def attendu_time(epoch_ms: int | None) -> str | None:
    """Attendu's (JavaScript's) spelling: ``2023-09-05T11:27:06.437Z``."""
    if epoch_ms is None:
        return None
    return (_EPOCH + timedelta(milliseconds=epoch_ms)).isoformat(timespec="milliseconds") + "Z"


def is_hex24(value: object) -> bool:
    return isinstance(value, str) and _HEX24.fullmatch(value) is not None
