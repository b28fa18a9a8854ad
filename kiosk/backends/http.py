"""The one HTTP transport both platform clients share: send, cap, decode, map failures."""

from __future__ import annotations

import asyncio
import dataclasses
import email.utils
import html.parser
import json
import logging
import math
import re
import time
from collections.abc import Awaitable, Callable, Mapping
from datetime import UTC, datetime

import httpx

from kiosk.backends.jsonstream import NotAnObject, ObjectStream
from kiosk.domain.errors import (
    AuthRejected,
    ChangeRejected,
    MalformedAnswer,
    NotFound,
    PlatformError,
    PlatformUnavailable,
    RateLimited,
)

log = logging.getLogger(__name__)

KIB = 1024
MIB = 1024 * KIB

#: A write's answer or one object: far more than any real one, small enough to refuse junk.
SINGLE_MAX_BYTES = 1 * MIB
#: A page or a list of events.
PAGE_MAX_BYTES = 16 * MIB
#: A whole roster in one answer: a 100,000-guest sheepCRM attendance list is 40-60 MB.
ROSTER_MAX_BYTES = 160 * MIB
#: What a closed response's stream is replaced with (it holds no bytes and no response).
_SPENT = httpx.ByteStream(b"")

#: How much of a streamed answer is parsed between two turns of the event loop.
FEED_SLICE_BYTES = 8 * KIB
#: How much of an error body we read to find the platform's message.
ERROR_BODY_MAX_BYTES = 64 * KIB
#: How long a platform's own message may be when we keep it.
MESSAGE_MAX_CHARS = 200

QueryParams = Mapping[str, str | int]


@dataclasses.dataclass(frozen=True, slots=True)
class RateLimit:
    """The platform's last word on its rate limit (sheepCRM's ``x-rate-limit-*`` headers).

    ``reset_after`` is in seconds from ``observed_at``, a ``time.monotonic()`` reading, so
    a sender can compute how long is left without trusting the wall clock.
    """

    limit: int | None
    remaining: int | None
    reset_after: float | None
    observed_at: float

    @property
    def exhausted(self) -> bool:
        return self.remaining is not None and self.remaining <= 0

    def seconds_left(self, now: float | None = None) -> float | None:
        """Seconds until the window resets, from a ``time.monotonic()`` reading."""
        if self.reset_after is None:
            return None
        elapsed = (time.monotonic() if now is None else now) - self.observed_at
        return max(0.0, self.reset_after - elapsed)


@dataclasses.dataclass(frozen=True, slots=True)
class Reply:
    """A successful answer: the decoded JSON and the headers it came with."""

    data: object
    headers: httpx.Headers
    status_code: int

    @property
    def date(self) -> datetime | None:
        """The platform's clock (``Date`` header), when it sent one."""
        return _http_date(self.headers.get("date"))


class HttpTransport:
    """Sends one JSON request with the injected client and turns every failure into the
    domain's error tree, keeping the platform's own message.

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
        self._platform = platform
        self._not_found_hint = not_found_hint
        self._key_hint = key_hint
        self._rate_limit: RateLimit | None = None

    @property
    def platform(self) -> str:
        return self._platform

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
    ) -> Reply:
        """Send one request and return the decoded JSON of a 2xx answer.

        ``what`` names the thing asked for ("event 1234") in NotFound messages.
        Raises a ``PlatformError`` subclass for everything else.
        """

        async def decoded(response: httpx.Response) -> object:
            return self._decode(await self._read_success(response, max_bytes), response)

        return await self._exchange(method, path, params, json_body, what, decoded)

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
    ) -> Reply:
        """Like ``request`` for an answer that is one big JSON object: each item of its
        ``itemised`` array goes to ``on_item`` as soon as it has arrived, and ``Reply.data``
        holds the other members. The body is never held whole, and the event loop gets a
        turn after every piece of it."""

        async def streamed(response: httpx.Response) -> object:
            self._refuse_declared_size(response, max_bytes)
            stream = ObjectStream(itemised, on_item)
            received = 0
            try:
                async for chunk in response.aiter_bytes():
                    received += len(chunk)
                    if received > max_bytes:
                        raise self._too_big(max_bytes)
                    # A 64 KiB chunk is ~100 rows, ~10 ms: in slices, the loop gets a turn.
                    for start in range(0, len(chunk), FEED_SLICE_BYTES):
                        stream.feed_bytes(chunk[start : start + FEED_SLICE_BYTES])
                        await asyncio.sleep(0)
                return stream.close()
            except httpx.HTTPError as exc:
                raise self._lost_answer(response, exc) from exc
            except NotAnObject:
                raise MalformedAnswer(
                    f"{self._platform} sent data Kiosk cannot read: the answer should be an "
                    "object.",
                    status_code=response.status_code,
                ) from None
            except ValueError as exc:
                raise MalformedAnswer(
                    f"{self._platform} sent an answer that is not valid JSON "
                    f"({response.headers.get('content-type', 'no content type')}).",
                    platform_message=_shorten(str(exc)),
                    status_code=response.status_code,
                ) from exc

        return await self._exchange(method, path, params, None, what, streamed)

    async def _exchange(
        self,
        method: str,
        path: str,
        params: QueryParams | None,
        json_body: object,
        what: str,
        consume: Callable[[httpx.Response], Awaitable[object]],
    ) -> Reply:
        started = time.monotonic()
        opened: list[httpx.Response] = []
        try:
            async with self._http.stream(
                method, path, params=dict(params) if params else None, json=json_body
            ) as response:
                opened.append(response)
                self._note_rate_limit(response.headers)
                if not response.is_success:
                    body = await _read_error_body(response)
                    raise self._error_for(method, response, body, what)
                data = await consume(response)
        except httpx.HTTPError as exc:
            raise self._transport_error(exc) from exc
        finally:
            for spent in opened:
                # An httpx response and its stream refer to each other: every answer was
                # ~44 objects of cyclic garbage, freed only by the collector (a drain's
                # worth made one young collection take 13-16 ms). Closed, it lets go.
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
            raise self._too_big(max_bytes)

    async def _read_success(self, response: httpx.Response, max_bytes: int) -> bytes:
        self._refuse_declared_size(response, max_bytes)
        try:
            return await _read_capped(response, max_bytes, truncate=False)
        except _TooBig:
            raise self._too_big(max_bytes) from None
        except httpx.HTTPError as exc:
            raise self._lost_answer(response, exc) from exc

    def _lost_answer(self, response: httpx.Response, exc: httpx.HTTPError) -> PlatformUnavailable:
        # The platform has answered 2xx: a write has happened even if the body is lost.
        return PlatformUnavailable(
            f"The connection to {self._platform} broke while it was answering. "
            "The change may have been made.",
            outcome_unknown=True,
            platform_message=_shorten(str(exc)) or type(exc).__name__,
            status_code=response.status_code,
        )

    def _too_big(self, max_bytes: int) -> MalformedAnswer:
        return MalformedAnswer(
            f"{self._platform} sent an answer larger than {_size(max_bytes)}, "
            "far more than expected; it was not read."
        )

    def _decode(self, body: bytes, response: httpx.Response) -> object:
        if not body.strip():
            raise MalformedAnswer(
                f"{self._platform} sent an empty answer where data was expected.",
                status_code=response.status_code,
            )
        try:
            return json.loads(body, parse_constant=_refuse_constant)
        except (ValueError, RecursionError) as exc:
            # ValueError covers JSONDecodeError, UnicodeDecodeError and over-long integers.
            raise MalformedAnswer(
                f"{self._platform} sent an answer that is not valid JSON "
                f"({response.headers.get('content-type', 'no content type')}).",
                platform_message=_platform_message(body, response.headers) or None,
                status_code=response.status_code,
            ) from exc

    def _note_rate_limit(self, headers: httpx.Headers) -> None:
        limit = _header_int(headers, "x-rate-limit-limit")
        remaining = _header_int(headers, "x-rate-limit-remaining")
        reset = _header_seconds(headers.get("x-rate-limit-reset"))
        if limit is None and remaining is None and reset is None:
            return
        self._rate_limit = RateLimit(limit, remaining, reset, time.monotonic())

    def _error_for(
        self, method: str, response: httpx.Response, body: bytes, what: str
    ) -> PlatformError:
        code = response.status_code
        said = _platform_message(body, response.headers) or None
        name = self._platform
        if code == 429:
            retry_after = _retry_after(response.headers)
            wait = f" Kiosk will try again in {math.ceil(retry_after)} s." if retry_after else ""
            return RateLimited(
                f"{name} asks Kiosk to slow down (too many requests).{wait}",
                retry_after=retry_after,
                platform_message=said,
            )
        if code in (401, 403):
            return AuthRejected(
                f"{name} refused the API key (HTTP {code}). {self._key_hint}",
                platform_message=said,
                status_code=code,
            )
        if code == 404:
            hint = f" {self._not_found_hint}" if self._not_found_hint else ""
            return NotFound(f"{name} has no {what}.{hint}", platform_message=said, status_code=code)
        if code >= 500:
            # A write that failed on the server's side may still have been applied, except
            # when the server says it is not taking requests at all (503).
            unknown = method not in ("GET", "HEAD") and code != 503
            return PlatformUnavailable(
                f"{name} had a problem on its side (HTTP {code}). Try again later.",
                outcome_unknown=unknown,
                platform_message=said,
                status_code=code,
            )
        if 400 <= code < 500:
            return ChangeRejected(
                f"{name} refused the request (HTTP {code}).",
                platform_message=said,
                status_code=code,
            )
        # Redirects are not followed (a platform API never needs them): a wrong base URL.
        target = response.headers.get("location", "")
        return MalformedAnswer(
            f"{name} answered with HTTP {code} instead of data; check the platform address"
            + (f" (it points to {_shorten(target)})." if target else "."),
            platform_message=said,
            status_code=code,
        )

    def _transport_error(self, exc: httpx.HTTPError) -> PlatformError:
        name = self._platform
        detail = _shorten(str(exc)) or type(exc).__name__
        if isinstance(exc, httpx.DecodingError):
            return MalformedAnswer(
                f"{name} sent an answer that could not be decoded.", platform_message=detail
            )
        if isinstance(exc, httpx.ConnectTimeout | httpx.PoolTimeout):
            return PlatformUnavailable(
                f"{name} did not accept a connection in time. Check the network.",
                outcome_unknown=False,
                platform_message=detail,
            )
        if isinstance(exc, httpx.ConnectError):
            return PlatformUnavailable(
                f"Kiosk cannot reach {name}. Check the network.",
                outcome_unknown=False,
                platform_message=detail,
            )
        if isinstance(exc, httpx.UnsupportedProtocol | httpx.LocalProtocolError):
            return PlatformUnavailable(
                f"Kiosk could not send the request to {name}; check the platform address.",
                outcome_unknown=False,
                platform_message=detail,
            )
        if isinstance(exc, httpx.TimeoutException):
            # Read or write timeout: the request may have arrived and been acted on.
            return PlatformUnavailable(
                f"{name} did not answer in time. The change may have been made.",
                outcome_unknown=True,
                platform_message=detail,
            )
        # Read/write errors and a connection closed without an answer: sent, no reply.
        return PlatformUnavailable(
            f"The connection to {name} broke before it answered. The change may have been made.",
            outcome_unknown=True,
            platform_message=detail,
        )


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


def _size(n: int) -> str:
    return f"{n // MIB} MiB" if n >= MIB else f"{n // KIB} KiB"


_WHITESPACE = re.compile(r"\s+")


def _shorten(text: str, limit: int = MESSAGE_MAX_CHARS) -> str:
    text = _WHITESPACE.sub(" ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


#: Keys an error body's message is found under, most specific first
#: (sheepCRM: ``{error, description, type}``; Attendu publishes none).
_MESSAGE_KEYS = ("description", "message", "detail", "error_description", "error", "title", "msg")


def _message_in(data: object, depth: int = 0) -> str:
    if isinstance(data, str):
        return data
    if depth > 3:
        return ""
    if isinstance(data, dict):
        concise, readable = data.get("error"), data.get("description")
        # sheepCRM: "error" is concise, "description" readable: keep both when they differ.
        if isinstance(concise, str) and isinstance(readable, str) and concise and readable:
            if concise in readable or readable in concise:
                return max(concise, readable, key=len)
            return f"{concise}: {readable}"
        for key in _MESSAGE_KEYS:
            if text := _message_in(data.get(key), depth + 1):
                return text
        return ""
    if isinstance(data, list):
        return "; ".join(m for item in data[:3] if (m := _message_in(item, depth + 1)))
    return ""


def _platform_message(body: bytes, headers: httpx.Headers) -> str:
    """What the platform itself said in an error body, shortened; HTML reduced to text."""
    text = body.decode("utf-8", errors="replace").strip()
    if not text:
        return ""
    content_type = headers.get("content-type", "").lower()
    if "json" in content_type or text[:1] in "{[":
        try:
            message = _message_in(json.loads(text))
        except (ValueError, RecursionError):
            message = ""
        if message:
            return _shorten(message)
    if "html" in content_type or text[:1] == "<":
        return _shorten(_html_text(text))
    return _shorten(text)


class _TextOfHtml(html.parser.HTMLParser):
    """Collects the visible text of an HTML error page."""

    _SKIP = frozenset({"script", "style", "head"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title = ""
        self._skipping = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in self._SKIP:
            self._skipping += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in self._SKIP and self._skipping:
            self._skipping -= 1

    def handle_data(self, data: str) -> None:
        data = _WHITESPACE.sub(" ", data).strip()
        if not data:
            return
        if self._in_title:
            self.title = f"{self.title} {data}".strip()
        elif not self._skipping and (not self.parts or self.parts[-1] != data):
            self.parts.append(data)


def _html_text(text: str) -> str:
    parser = _TextOfHtml()
    try:
        parser.feed(text)
        parser.close()
    except Exception:  # a broken page must not hide the HTTP error itself
        return re.sub(r"<[^>]*>", " ", text)
    parts = list(parser.parts)
    if parser.title and (not parts or parser.title not in parts[0]):
        parts.insert(0, parser.title)
    return " ".join(parts)


def _header_int(headers: httpx.Headers, name: str) -> int | None:
    value = headers.get(name, "").strip()
    try:
        return int(float(value)) if value else None
    except ValueError:
        return None


def _header_seconds(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        seconds = float(value.strip())
    except ValueError:
        return None
    if not math.isfinite(seconds) or seconds < 0:
        return None
    return seconds


def _http_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _retry_after(headers: httpx.Headers, now: datetime | None = None) -> float | None:
    """Seconds to wait: ``Retry-After`` (seconds or an HTTP date), else sheepCRM's
    ``x-rate-limit-reset`` (seconds), else None."""
    raw = headers.get("retry-after")
    if raw is not None:
        seconds = _header_seconds(raw)
        if seconds is not None:
            return seconds
        when = _http_date(raw)
        if when is not None:
            return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
    return _header_seconds(headers.get("x-rate-limit-reset"))
