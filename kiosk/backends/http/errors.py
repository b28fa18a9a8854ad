"""Every way a request can fail, as the domain's error keeping the platform's own words."""

from __future__ import annotations

import logging
import math

import httpx

from kiosk.backends.http.failures import describe
from kiosk.backends.http.headers import retry_after
from kiosk.backends.http.limits import size_text
from kiosk.backends.http.messages import platform_message, shorten
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


class PlatformErrors:
    """The errors of one platform's requests.

    ``platform`` names the platform in messages. ``not_found_hint`` is added to every
    NotFound (sheepCRM answers 404 for bad credentials too). ``key_hint`` says where the
    API key is set.
    """

    def __init__(self, platform: str, *, not_found_hint: str, key_hint: str) -> None:
        self.platform = platform
        self._not_found_hint = not_found_hint
        self._key_hint = key_hint

    def for_status(
        self, method: str, response: httpx.Response, body: bytes, what: str
    ) -> PlatformError:
        """A non-2xx answer; ``body`` is what arrived of it, ``what`` names the thing asked
        for ("event 1234") in NotFound messages."""
        code = response.status_code
        said = platform_message(body, response.headers) or None
        name = self.platform
        if code == 429:
            wait_s = retry_after(response.headers)
            wait = f" Kiosk will try again in {math.ceil(wait_s)} s." if wait_s else ""
            return RateLimited(
                f"{name} asks Kiosk to slow down (too many requests).{wait}",
                retry_after=wait_s,
                platform_message=said,
            )
        if code in (401, 403):
            return AuthRejected(
                f"{name} did not accept the API key (HTTP {code}). {self._key_hint}",
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
            + (f" (it points to {shorten(target)})." if target else "."),
            platform_message=said,
            status_code=code,
        )

    def for_transport(self, exc: httpx.HTTPError) -> PlatformError:
        """A request that got no (complete) answer."""
        name = self.platform
        if isinstance(exc, httpx.TransportError) and (failure := describe(exc)) is not None:
            # The system's own words go to the log only: the platform said nothing.
            log.info("%s request failed (%s): %s", name, failure.kind, failure.detail)
            kind = failure.kind
            unknown = kind == "read-timeout"  # sent, maybe acted on
            return PlatformUnavailable(failure.message, outcome_unknown=unknown, network=kind)
        detail = shorten(str(exc)) or type(exc).__name__
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

    def lost_answer(self, response: httpx.Response, exc: httpx.HTTPError) -> PlatformUnavailable:
        """The body of a 2xx answer broke off."""
        # The platform has answered 2xx: a write has happened even if the body is lost.
        return PlatformUnavailable(
            f"The connection to {self.platform} broke while it was answering. "
            "The change may have been made.",
            outcome_unknown=True,
            platform_message=shorten(str(exc)) or type(exc).__name__,
            status_code=response.status_code,
        )

    def too_big(self, max_bytes: int) -> MalformedAnswer:
        return MalformedAnswer(
            f"{self.platform} sent an answer larger than {size_text(max_bytes)}, "
            "far more than expected; it was not read."
        )

    def empty(self, response: httpx.Response) -> MalformedAnswer:
        return MalformedAnswer(
            f"{self.platform} sent an empty answer where data was expected.",
            status_code=response.status_code,
        )

    def not_json(self, response: httpx.Response, said: str | None) -> MalformedAnswer:
        """A 2xx answer that is not JSON; ``said`` is what it says instead, if anything."""
        return MalformedAnswer(
            f"{self.platform} sent an answer that is not valid JSON "
            f"({response.headers.get('content-type', 'no content type')}).",
            platform_message=said,
            status_code=response.status_code,
        )

    def not_an_object(self, response: httpx.Response) -> MalformedAnswer:
        return MalformedAnswer(
            f"{self.platform} sent data Kiosk cannot read: the answer should be an object.",
            status_code=response.status_code,
        )
