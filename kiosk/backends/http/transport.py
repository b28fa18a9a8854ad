"""The one HTTP transport both platform clients share: send, cap, decode, stream, ask if changed."""

from __future__ import annotations

import dataclasses
import json
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime

import httpx

from kiosk.backends.http.errors import PlatformErrors
from kiosk.backends.http.headers import RateLimit, http_date, read_rate_limit
from kiosk.backends.http.limits import (
    ERROR_BODY_MAX_BYTES,
    FEED_SLICE_BYTES,
    ROSTER_MAX_BYTES,
    SINGLE_MAX_BYTES,
)
from kiosk.backends.http.messages import platform_message, shorten
from kiosk.backends.jsonstream import NotAnObject, ObjectStream
from kiosk.runtime import yield_to_loop

log = logging.getLogger(__name__)

#: What a closed response's stream is replaced with (it holds no bytes and no response).
_SPENT = httpx.ByteStream(b"")

QueryParams = Mapping[str, str | int]


@dataclasses.dataclass(frozen=True, slots=True)
class Validators:
    """What a platform said identifies the version of an answer (``ETag``,
    ``Last-Modified``): sent back on the next read of the same thing, so an unchanged
    answer comes back as a bodiless 304."""

    etag: str | None = None
    last_modified: str | None = None

    def request_headers(self) -> dict[str, str]:
        """``If-None-Match`` / ``If-Modified-Since``; the ETag alone when both are known
        (RFC 9110: a server then ignores the date)."""
        if self.etag:
            return {"If-None-Match": self.etag}
        if self.last_modified:
            return {"If-Modified-Since": self.last_modified}
        return {}

    @classmethod
    def of(cls, headers: httpx.Headers) -> Validators | None:
        """The answer's validators; None when it has none (a weak ETag counts: a 304
        for it still means the same content)."""
        etag, modified = headers.get("etag"), headers.get("last-modified")
        return cls(etag, modified) if etag or modified else None


@dataclasses.dataclass(frozen=True, slots=True)
class Reply:
    """A successful answer: the decoded JSON and the headers it came with. For a
    conditional read, ``not_modified`` means the platform answered 304: the thing asked
    for is as it was, nothing was read or parsed, and ``data`` is None."""

    data: object
    headers: httpx.Headers
    status_code: int

    @property
    def date(self) -> datetime | None:
        """The platform's clock (``Date`` header), when it sent one."""
        return http_date(self.headers.get("date"))

    @property
    def not_modified(self) -> bool:
        return self.status_code == NOT_MODIFIED

    @property
    def validators(self) -> Validators | None:
        return Validators.of(self.headers)


NOT_MODIFIED = 304


class HttpTransport:
    """Sends one JSON request with the injected client and turns every failure into the
    domain's error tree (``PlatformErrors``), keeping the platform's own message.

    ``platform`` names the platform in messages. ``not_found_hint`` is added to every
    NotFound (sheepCRM answers 404 for bad credentials too). ``key_hint`` says where the
    API key is set. The API key lives in the client's headers and is never logged here.
    """

    def __init__(
        self,
        http: httpx.AsyncClient,
        *,
        platform: str,
        not_found_hint: str = "",
        key_hint: str = "Check the API key in the settings.",
    ) -> None:
        self._http = http
        self._errors = PlatformErrors(platform, not_found_hint=not_found_hint, key_hint=key_hint)
        self._rate_limit: RateLimit | None = None

    @property
    def platform(self) -> str:
        return self._errors.platform

    @property
    def rate_limit(self) -> RateLimit | None:
        """The last rate-limit headers seen, or None if the platform never sent any."""
        return self._rate_limit

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: QueryParams | None = None,
        json_body: object = None,
        max_bytes: int = SINGLE_MAX_BYTES,
        what: str = "the record",
        unless: Validators | None = None,
    ) -> Reply:
        """Send one request and return the decoded JSON of a 2xx answer.

        ``what`` names the thing asked for ("event 1234") in NotFound messages.
        ``unless``: the validators of the last answer; a 304 then comes back as a Reply
        that is ``not_modified``. Raises a ``PlatformError`` subclass for everything else.
        """

        async def decoded(response: httpx.Response) -> object:
            return self._decode(await self._read_success(response, max_bytes), response)

        return await self._exchange(method, path, params, json_body, what, decoded, unless)

    async def request_items(
        self,
        method: str,
        path: str,
        *,
        itemised: str,
        on_item: Callable[[object], None],
        params: QueryParams | None = None,
        max_bytes: int = ROSTER_MAX_BYTES,
        what: str = "the record",
        unless: Validators | None = None,
    ) -> Reply:
        """Like ``request`` for an answer that is one big JSON object: each item of its
        ``itemised`` array goes to ``on_item`` as soon as it has arrived, and ``Reply.data``
        holds the other members. The body is never held whole, and the event loop gets a
        turn after every piece of it. With ``unless``, a 304 reaches no ``on_item``."""
        errors = self._errors

        async def streamed(response: httpx.Response) -> object:
            self._refuse_declared_size(response, max_bytes)
            stream = ObjectStream(itemised, on_item)
            received = 0
            try:
                async for chunk in response.aiter_bytes():
                    received += len(chunk)
                    if received > max_bytes:
                        raise errors.too_big(max_bytes)
                    # A 64 KiB chunk is ~100 rows: in slices, the loop gets a turn.
                    for start in range(0, len(chunk), FEED_SLICE_BYTES):
                        stream.feed_bytes(chunk[start : start + FEED_SLICE_BYTES])
                        await yield_to_loop()
                return stream.close()
            except httpx.HTTPError as exc:
                raise errors.lost_answer(response, exc) from exc
            except NotAnObject:
                raise errors.not_an_object(response) from None
            except ValueError as exc:
                raise errors.not_json(response, shorten(str(exc))) from exc

        return await self._exchange(method, path, params, None, what, streamed, unless)

    async def _exchange(
        self,
        method: str,
        path: str,
        params: QueryParams | None,
        json_body: object,
        what: str,
        consume: Callable[[httpx.Response], Awaitable[object]],
        unless: Validators | None = None,
    ) -> Reply:
        started = time.monotonic()
        opened: list[httpx.Response] = []
        conditional = unless.request_headers() if unless is not None else None
        try:
            async with self._http.stream(
                method,
                path,
                params=dict(params) if params else None,
                json=json_body,
                headers=conditional or None,
            ) as response:
                opened.append(response)
                if (seen := read_rate_limit(response.headers)) is not None:
                    self._rate_limit = seen
                if conditional and response.status_code == NOT_MODIFIED:
                    data: object = None  # unchanged: no body to read, nothing to parse
                elif not response.is_success:
                    body = await _read_error_body(response)
                    raise self._errors.for_status(method, response, body, what)
                else:
                    data = await consume(response)
        except httpx.HTTPError as exc:
            raise self._errors.for_transport(exc) from exc
        finally:
            for spent in opened:
                # An httpx response and its stream refer to each other: every answer was
                # cyclic garbage, freed only by the collector (a drain's worth made young
                # collections long). Closed, it lets go.
                spent.stream = _SPENT
        log.debug(
            "%s %s: %s in %.0f ms",
            method,
            path,
            response.status_code,
            (time.monotonic() - started) * 1000,
        )
        return Reply(data=data, headers=response.headers, status_code=response.status_code)

    def _refuse_declared_size(self, response: httpx.Response, max_bytes: int) -> None:
        declared = response.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > max_bytes:
            raise self._errors.too_big(max_bytes)

    async def _read_success(self, response: httpx.Response, max_bytes: int) -> bytes:
        self._refuse_declared_size(response, max_bytes)
        try:
            return await _read_capped(response, max_bytes, truncate=False)
        except _TooBig:
            raise self._errors.too_big(max_bytes) from None
        except httpx.HTTPError as exc:
            raise self._errors.lost_answer(response, exc) from exc

    def _decode(self, body: bytes, response: httpx.Response) -> object:
        if not body.strip():
            raise self._errors.empty(response)
        try:
            return json.loads(body, parse_constant=_refuse_constant)
        except (ValueError, RecursionError) as exc:
            # ValueError covers JSONDecodeError, UnicodeDecodeError and over-long integers.
            said = platform_message(body, response.headers) or None
            raise self._errors.not_json(response, said) from exc


async def _read_error_body(response: httpx.Response) -> bytes:
    """As much of an error page as arrives, up to a cap: the status code already says
    what happened, so a body lost on the way only costs us the platform's wording."""
    try:
        return await _read_capped(response, ERROR_BODY_MAX_BYTES, truncate=True)
    except httpx.HTTPError:
        return b""


class _TooBig(Exception):
    """Internal: the body passed its cap."""


async def _read_capped(response: httpx.Response, max_bytes: int, *, truncate: bool) -> bytes:
    """Stream the body up to ``max_bytes``: beyond that, stop reading and either keep what
    arrived (``truncate``, for error pages) or raise ``_TooBig``."""
    buffer = bytearray()
    async for chunk in response.aiter_bytes():
        buffer += chunk
        if len(buffer) > max_bytes:
            if truncate:
                return bytes(buffer[:max_bytes])
            raise _TooBig
    return bytes(buffer)


def _refuse_constant(name: str) -> object:
    raise ValueError(f"{name} is not JSON")
