"""Which proxy a platform's address is reached through: the system's settings, loopback never.

The settings are the environment's ``HTTPS_PROXY`` / ``HTTP_PROXY`` / ``ALL_PROXY`` and
``NO_PROXY`` (and, with none of those, the system's own on Windows and macOS), read by
the standard library as every Python tool reads them. Each client talks to one address,
so the choice is made once, when its client is built, and is then fixed: httpx's own
reading (``trust_env``) crashed at start on an ``ALL_PROXY=socks5://…`` and on any scheme
it does not know; here an unusable proxy becomes a clear message on every request
instead, and the desk starts on its cached guests.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import ipaddress
import os
import urllib.parse
import urllib.request

import httpx

#: The proxy schemes httpx can speak (SOCKS through the ``socksio`` package).
USABLE_SCHEMES = ("http", "https", "socks5", "socks5h")


@dataclasses.dataclass(frozen=True, slots=True)
class ProxyChoice:
    """The proxy for one address. ``url`` is what httpx is given (credentials included);
    ``shown`` the same without credentials, for messages; ``source`` where it was set;
    ``problem`` why it cannot be used (then nothing is sent)."""

    url: str
    shown: str
    source: str
    problem: str | None = None


def proxy_for(url: str) -> ProxyChoice | None:
    """The proxy a request to ``url`` goes through, or None for a direct connection."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    if not host or is_loopback(host):
        return None  # the sandbox and local services: a proxy could not reach them
    from_environment = urllib.request.getproxies_environment()
    proxies = from_environment or urllib.request.getproxies()
    scheme = parts.scheme.lower()
    key = scheme if proxies.get(scheme) else "all"
    chosen = proxies.get(key)
    if not chosen or _bypassed(host, parts.port):
        return None
    source = _variable(key) if from_environment else "the system's proxy settings"
    proxy = chosen if "://" in chosen else f"http://{chosen}"
    return _checked(proxy, source)


def is_loopback(host: str) -> bool:
    """``localhost``, ``*.localhost`` and loopback addresses (127.0.0.0/8, ::1)."""
    name = host.strip("[]").lower().rstrip(".")
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _bypassed(host: str, port: int | None) -> bool:
    """NO_PROXY (or, without proxy variables, the system's exceptions) names this host."""
    listed = urllib.request.getproxies_environment().get("no", "")
    if "*" in (entry.strip() for entry in listed.split(",")):
        return True  # curl and httpx read a "*" anywhere in the list as every host
    return bool(urllib.request.proxy_bypass(f"{host}:{port}" if port else host))


def _variable(key: str) -> str:
    """The environment variable that set the proxy for ``key``, as it is spelt there."""
    for name in (f"{key}_proxy", f"{key.upper()}_PROXY"):
        if os.environ.get(name):
            return name
    return f"{key.upper()}_PROXY"


def _checked(proxy: str, source: str) -> ProxyChoice:
    parts = urllib.parse.urlsplit(proxy)
    scheme = parts.scheme.lower()
    try:
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        port = ""
    shown = f"{scheme}://{parts.hostname or '?'}{port}"
    if scheme not in USABLE_SCHEMES:
        problem = (
            f"The proxy {shown} set in {source} is of a kind Kiosk cannot use ({scheme}); "
            "Kiosk speaks to http, https and socks5 proxies."
        )
        return ProxyChoice(proxy, shown, source, problem)
    if scheme.startswith("socks") and importlib.util.find_spec("socksio") is None:
        problem = (
            f"The proxy {shown} set in {source} is a SOCKS proxy, and this installation "
            "of Kiosk lacks SOCKS support (the socksio package)."
        )
        return ProxyChoice(proxy, shown, source, problem)
    if not parts.hostname:
        problem = f"The proxy set in {source} ({shown}) names no host."
        return ProxyChoice(proxy, shown, source, problem)
    return ProxyChoice(proxy, shown, source)


class UnusableProxy(httpx.AsyncBaseTransport):
    """The transport of a client whose proxy cannot be used: every request fails with
    ``problem``, so the desk starts, works on its cached guests and says why."""

    def __init__(self, problem: str) -> None:
        self._problem = problem

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        raise httpx.ProxyError(self._problem, request=request)
