"""A request that got no answer, said as what it ran into: a certificate, a name, a port,
a proxy, the clock. One plain sentence for the banner and the log, never a traceback."""

from __future__ import annotations

import dataclasses
import errno
import socket
import ssl
from collections.abc import Iterator

import httpx

from kiosk.backends.http.messages import shorten
from kiosk.backends.http.proxies import proxy_for
from kiosk.backends.http.trust import trust_description

# OpenSSL's verification results (X509_V_ERR_*) that mean "no trusted issuer".
_UNTRUSTED = frozenset({2, 18, 19, 20, 21, 27})
_NOT_YET_VALID, _EXPIRED = 9, 10
_WRONG_NAME = frozenset({62, 64})  # host name, IP address mismatch
#: What a handshake cut short by a timeout leaves in the chain: waiting, not a failure.
_WAITING = (ssl.SSLWantReadError, ssl.SSLWantWriteError)


@dataclasses.dataclass(frozen=True, slots=True)
class Failure:
    """What went wrong, in words. ``kind``: tls, dns, refused, connect-timeout,
    read-timeout, proxy, network; ``detail``: the system's own words, for the log."""

    kind: str
    message: str
    detail: str


def describe(exc: httpx.TransportError) -> Failure | None:
    """The failure behind ``exc`` when it is one of the known kinds, else None."""
    url = _url_of(exc)
    host = url.host if url is not None else "the platform"
    port = (url.port if url is not None else None) or (
        443 if url is not None and url.scheme == "https" else 80
    )
    detail = shorten(" ← ".join(dict.fromkeys(_words(exc)))) or type(exc).__name__
    proxy = proxy_for(str(url)) if url is not None else None
    if isinstance(exc, httpx.ProxyError):
        if proxy is not None and proxy.problem:
            return Failure("proxy", proxy.problem, detail)
        through = f"The proxy {proxy.shown} ({proxy.source})" if proxy else "The proxy"
        said = shorten(str(exc)) or "no reason given"
        return Failure("proxy", f"{through} did not connect Kiosk to {host}: {said}.", detail)
    causes = list(_causes(exc))
    # A TLS failure is with the platform itself, through the proxy.
    tls = any(isinstance(c, ssl.SSLError) and not isinstance(c, _WAITING) for c in causes)
    to_proxy = isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout) and not tls
    if proxy is not None and to_proxy:
        return Failure(
            "proxy",
            f"Kiosk cannot reach the proxy {proxy.shown} set in {proxy.source}: "
            f"{_reason(causes)}. Check the proxy setting and the network.",
            detail,
        )
    seconds = _timeout(exc)
    if isinstance(exc, httpx.ConnectTimeout | httpx.PoolTimeout):
        return Failure(
            "connect-timeout",
            f"{host} did not accept a connection within {seconds}: the network may be "
            "slow, down, or blocking it.",
            detail,
        )
    if isinstance(exc, httpx.ReadTimeout | httpx.WriteTimeout):
        return Failure(
            "read-timeout",
            f"{host} did not answer within {seconds}. The change may have been made.",
            detail,
        )
    for cause in causes:
        if isinstance(cause, ssl.SSLCertVerificationError):
            return Failure("tls", _certificate(cause, host), detail)
        if isinstance(cause, ssl.SSLError) and not isinstance(cause, _WAITING):
            return Failure(
                "tls",
                f"A secure connection to {host} could not be set up "
                f"({cause.reason or 'TLS error'}): check the address, and whether "
                "something on the network interferes with secure connections.",
                detail,
            )
        if isinstance(cause, socket.gaierror):
            return Failure(
                "dns",
                f"{host} could not be found: check the address and the network "
                "(this computer cannot look the name up).",
                detail,
            )
        if isinstance(cause, ConnectionRefusedError):
            return Failure(
                "refused",
                f"{host} refused the connection on port {port}: the address may be wrong, "
                "or the service is not running.",
                detail,
            )
    for cause in causes:
        if isinstance(cause, OSError) and cause.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH):
            return Failure(
                "network",
                f"Kiosk cannot reach {host}: {cause.strerror}. Check the network.",
                detail,
            )
    return None


def _certificate(cause: ssl.SSLCertVerificationError, host: str) -> str:
    code = cause.verify_code
    if code == _EXPIRED:
        return (
            f"The certificate of {host} has expired (or this computer's date is wrong): "
            "the connection was refused."
        )
    if code == _NOT_YET_VALID:
        return f"The certificate of {host} is not valid yet: check this computer's date and time."
    if code in _WRONG_NAME:
        return (
            f"The certificate presented for {host} belongs to another name: the address "
            "may be wrong, or something on the network answers in its place."
        )
    if code in _UNTRUSTED:
        return (
            f"The certificate of {host} is not trusted by this computer. Kiosk trusts "
            f"{trust_description()}; if the network inspects secure connections, its "
            "certificate must be installed there."
        )
    said = str(cause.verify_message or cause.reason or "no reason given").rstrip(".")
    return f"The certificate of {host} was refused: {said}."


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """``exc`` and what it was raised from, outermost first (at most a dozen)."""
    seen: BaseException | None = exc
    for _ in range(12):
        if seen is None:
            return
        yield seen
        seen = seen.__cause__ or seen.__context__


def _words(exc: BaseException) -> Iterator[str]:
    for cause in _causes(exc):
        if text := str(cause).strip():
            yield text


def _reason(causes: list[BaseException]) -> str:
    for cause in causes:
        if isinstance(cause, ConnectionRefusedError):
            return "it refused the connection"
        if isinstance(cause, socket.gaierror):
            return "its name could not be found"
        if isinstance(cause, TimeoutError | httpx.TimeoutException):
            return "it did not answer in time"
        if isinstance(cause, OSError) and cause.strerror:
            return cause.strerror.lower()
    return "no connection"


def _url_of(exc: httpx.TransportError) -> httpx.URL | None:
    try:
        return exc.request.url
    except RuntimeError:  # raised without its request
        return None


def _timeout(exc: httpx.TransportError) -> str:
    """The timeout that ran out, as "5 s" (from the request's own settings)."""
    try:
        timeouts = exc.request.extensions.get("timeout", {})
    except RuntimeError:
        return "the time allowed"
    kinds: dict[type[httpx.TransportError], str] = {
        httpx.ConnectTimeout: "connect",
        httpx.ReadTimeout: "read",
        httpx.WriteTimeout: "write",
        httpx.PoolTimeout: "pool",
    }
    key = kinds.get(type(exc), "read")
    value = timeouts.get(key) if isinstance(timeouts, dict) else None
    return f"{value:g} s" if isinstance(value, int | float) else "the time allowed"
