"""The sandbox's front door: records every request and injects the faults it is told to."""

from __future__ import annotations

import asyncio
import collections
import dataclasses
import email.utils
import json
import logging
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any, NoReturn
from urllib.parse import parse_qsl

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kiosk.sandbox.faults import FaultDie, FaultPlan, break_answer
from kiosk.sandbox.modes import DEFAULT_MODES, MODES_KEY, Modes
from kiosk.sandbox.quota import QuotaCounter, Verdict
from kiosk.sandbox.wire import BODY_KEY, FAULT_PLAN_KEY, PlatformApp

#: The log keeps this many requests; older ones fall off (a long demo must not grow forever).
LOG_LIMIT = 100_000


@dataclasses.dataclass(slots=True)
class RecordedRequest:
    """One request as the sandbox received it, and what it did about it.

    ``platform`` is "sheepcrm", "attendu", "control" (``/_sandbox``) or "other";
    ``status`` is the status answered, None while unanswered or when the connection was
    dropped or given up by the client; ``fault`` names what was injected.
    """

    platform: str
    method: str
    path: str
    query_string: str
    query: list[tuple[str, str]]
    headers: dict[str, str]
    body: bytes
    json: Any
    status: int | None = None
    fault: str | None = None
    at: float = 0.0

    def to_json(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["body"] = self.body.decode("utf-8", "replace")
        data["query"] = [list(pair) for pair in self.query]
        return data


class RequestLog:
    """Every request received, in arrival order; thread-safe, waitable."""

    def __init__(self, limit: int = LOG_LIMIT) -> None:
        self._changed = threading.Condition()
        self._records: collections.deque[RecordedRequest] = collections.deque(maxlen=limit)

    def add(self, record: RecordedRequest) -> None:
        with self._changed:
            self._records.append(record)
            self._changed.notify_all()

    def update(self, record: RecordedRequest, **changes: Any) -> None:
        with self._changed:
            for name, value in changes.items():
                setattr(record, name, value)
            self._changed.notify_all()

    def snapshot(self, platform: str | None = None) -> list[RecordedRequest]:
        """Copies, so a caller's list does not change under it."""
        with self._changed:
            return [
                dataclasses.replace(record)
                for record in self._records
                if platform is None or record.platform == platform
            ]

    def clear(self) -> None:
        with self._changed:
            self._records.clear()
            self._changed.notify_all()

    def wait_for(
        self, predicate: Callable[[list[RecordedRequest]], bool], timeout: float
    ) -> list[RecordedRequest]:
        """Block until ``predicate(snapshot)`` holds; raise TimeoutError after ``timeout``."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                records = [dataclasses.replace(record) for record in self._records]
                if predicate(records):
                    return records
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError("the sandbox did not receive the expected requests")
                self._changed.wait(left)


class DeliberateDrop(Exception):
    """Raised after starting an answer, so the server closes the connection mid-answer."""


class DropFilter(logging.Filter):
    """Keeps uvicorn from logging a traceback for each connection dropped on purpose."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], DeliberateDrop))


class Gateway:
    """The ASGI app uvicorn serves: dispatches by path prefix to the platforms or to the
    control routes, logs each request, and plays each platform request's fault plan."""

    def __init__(
        self,
        platforms: Sequence[PlatformApp],
        control: ASGIApp,
        die: FaultDie,
        log: RequestLog,
        closing: Callable[[], asyncio.Event | None],
        modes: Callable[[], Modes] = lambda: DEFAULT_MODES,
        quotas: Mapping[str, QuotaCounter] | None = None,
    ) -> None:
        """``quotas``: each platform's (by name) call counter, shared by every client
        using the same key."""
        self._platforms = platforms
        self._quotas = dict(quotas or {})
        self._control = control
        self._die = die
        self._log = log
        self._closing = closing
        self._modes = modes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return  # no websockets; lifespan is off
        body = await _read_body(receive)
        modes = self._modes()
        send = _dated(send, modes.clock_skew)
        path: str = scope["path"]
        platform = next(
            (p for p in self._platforms if _under(path, "/" + p.prefix.split("/")[1])), None
        )
        record = _record(scope, body, platform.name if platform else _area(path))
        self._log.add(record)
        replay = _replayer(body, receive)

        def answering(status: int) -> None:
            # Logged before the answer leaves, so a client that has it sees it logged.
            self._log.update(record, status=status)

        if platform is None:
            status, headers, answer = await _capture(self._control, scope, replay)
            answering(status)
            await _respond(send, status, headers, answer)
            return
        plan = self._die.roll(scope["method"], path)
        fault = plan.fault
        verdict = None
        if (counter := self._quotas.get(platform.name)) is not None:
            verdict = counter.hit(
                _credential(scope), enforce=plan.enforce_rate_limit, refuse=plan.rate_limited
            )
            if not verdict.allowed and not plan.rate_limited:
                # Past the quota: refused at once, whatever else the die had in mind.
                plan, fault = FaultPlan(rate_limited=True, latency=plan.latency), "quota"
        self._log.update(record, fault=fault)
        scope = {**scope, FAULT_PLAN_KEY: plan, BODY_KEY: body, MODES_KEY: modes}
        await self._serve(platform, plan, scope, replay, send, answering, verdict)

    async def _serve(
        self,
        platform: PlatformApp,
        plan: FaultPlan,
        scope: Scope,
        receive: Receive,
        send: Send,
        answering: Callable[[int], None],
        verdict: Verdict | None = None,
    ) -> None:
        """Play ``plan`` for one platform request; ``answering`` hears the status just
        before the answer is sent (a dropped or abandoned request is never answered).
        ``verdict``'s quota headers go on every answer."""
        for pause in (plan.latency, plan.stall):
            if pause > 0:
                outcome = await self._wait(pause, receive)
                if outcome == "disconnected":
                    return
                if outcome == "closing":
                    await _drop(send)
        if plan.drop and not plan.drop_after_apply:
            await _drop(send)
        if plan.rate_limited or plan.error_status:
            response = platform.fault_answer(
                429 if plan.rate_limited else plan.error_status or 500, plan.retry_after
            )
            status, headers, answer = await _capture(response, scope, receive)
            answering(status)
            await _respond(send, status, _with_quota(headers, verdict), answer)
            return
        if not _under(scope["path"], platform.prefix):
            app: ASGIApp = _not_found
        else:
            app = platform
            scope = {**scope, "root_path": scope.get("root_path", "") + platform.prefix}
        status, headers, answer = await _capture(app, scope, receive)
        if plan.drop:
            await _drop(send)  # applied, then lost: the "outcome unknown" case
        if plan.answer_fault:
            content_type = next((v for k, v in headers if k == b"content-type"), b"").decode()
            status, content_type, answer = break_answer(
                plan.answer_fault, status, content_type, answer
            )
            headers = [(k, v) for k, v in headers if k != b"content-type"]
            headers.append((b"content-type", content_type.encode()))
        answering(status)
        await _respond(send, status, _with_quota(headers, verdict), answer)

    async def _wait(self, seconds: float, receive: Receive) -> str:
        """Wait ``seconds``; end early if the client hangs up ("disconnected") or the
        sandbox shuts down ("closing"), so a stall never holds up either."""
        waiters: dict[asyncio.Future[Any], str] = {
            asyncio.ensure_future(_until_disconnected(receive)): "disconnected"
        }
        closing = self._closing()
        if closing is not None:
            waiters[asyncio.ensure_future(closing.wait())] = "closing"
        try:
            done, _pending = await asyncio.wait(
                waiters, timeout=seconds, return_when=asyncio.FIRST_COMPLETED
            )
        finally:
            for waiter in waiters:
                waiter.cancel()
            await asyncio.gather(*waiters, return_exceptions=True)
        return next((waiters[waiter] for waiter in done), "done")


def _credential(scope: Scope) -> str:
    """What a quota is counted by: the API key, however the platform takes it."""
    for name, value in scope.get("headers", []):
        if name.lower() in (b"authorization", b"x-api-key"):
            return bytes(value).decode("latin-1").strip()
    return ""


def _with_quota(
    headers: list[tuple[bytes, bytes]], verdict: Verdict | None
) -> list[tuple[bytes, bytes]]:
    """``headers`` with the quota's own (they replace any the platform set)."""
    if verdict is None or not verdict.headers:
        return headers
    names = {name.encode() for name in verdict.headers}
    kept = [(k, v) for k, v in headers if k not in names]
    return kept + [(k.encode(), v.encode()) for k, v in verdict.headers.items()]


def _under(path: str, prefix: str) -> bool:
    return path == prefix or path.startswith(prefix + "/")


def _area(path: str) -> str:
    return "control" if _under(path, "/_sandbox") else "other"


def _record(scope: Scope, body: bytes, platform: str) -> RecordedRequest:
    query_string = scope.get("query_string", b"").decode("latin-1")
    headers: dict[str, str] = {}
    for name, value in scope.get("headers", []):
        key, text = name.decode("latin-1").lower(), value.decode("latin-1")
        headers[key] = f"{headers[key]}, {text}" if key in headers else text
    try:
        parsed = json.loads(body) if body else None
    except ValueError:
        parsed = None
    return RecordedRequest(
        platform=platform,
        method=scope["method"],
        path=scope["path"],
        query_string=query_string,
        query=parse_qsl(query_string, keep_blank_values=True),
        headers=headers,
        body=body,
        json=parsed,
        at=time.time(),
    )


def _dated(send: Send, skew: float) -> Send:
    """``send`` with the answer's ``Date`` header set by the sandbox, ``skew`` seconds
    ahead of the real time (uvicorn's own is turned off so there is one)."""

    async def dated(message: Message) -> None:
        if message["type"] == "http.response.start":
            now = email.utils.formatdate(time.time() + skew, usegmt=True).encode()
            headers = [(k, v) for k, v in message.get("headers", []) if bytes(k).lower() != b"date"]
            message = {**message, "headers": [*headers, (b"date", now)]}
        await send(message)

    return dated


async def _read_body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replayer(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that hands the already-read body to the app once, then passes on."""
    delivered = False

    async def replay() -> Message:
        nonlocal delivered
        if not delivered:
            delivered = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _until_disconnected(receive: Receive) -> None:
    while (await receive())["type"] != "http.disconnect":
        pass


async def _capture(
    app: ASGIApp, scope: Scope, receive: Receive
) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
    """Run ``app`` and keep its answer instead of sending it, so it can still be spoiled."""
    status = 500
    headers: list[tuple[bytes, bytes]] = []
    chunks: list[bytes] = []

    async def keep(message: Message) -> None:
        nonlocal status, headers
        if message["type"] == "http.response.start":
            status = message["status"]
            headers = [(bytes(k).lower(), bytes(v)) for k, v in message.get("headers", [])]
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    await app(scope, receive, keep)
    return status, headers, b"".join(chunks)


async def _respond(
    send: Send, status: int, headers: list[tuple[bytes, bytes]], body: bytes
) -> None:
    headers = [(k, v) for k, v in headers if k != b"content-length"]
    headers.append((b"content-length", str(len(body)).encode()))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body, "more_body": False})


async def _drop(send: Send) -> NoReturn:
    """Start an answer, send a little of it, and break off: the client sees the
    connection close mid-answer (httpx: RemoteProtocolError)."""
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [(b"content-type", b"application/json"), (b"content-length", b"4096")],
        }
    )
    await send({"type": "http.response.body", "body": b'{"', "more_body": True})
    raise DeliberateDrop


async def _not_found(scope: Scope, receive: Receive, send: Send) -> None:
    body = b'{"message":"Not found"}'
    await _respond(send, 404, [(b"content-type", b"application/json")], body)
