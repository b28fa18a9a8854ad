"""The transport through a SOCKS5 proxy, its handshake bounded by the connect timeout.

httpcore reads the proxy's SOCKS5 answers without any timeout (encode/httpcore#1089,
unfixed upstream): a proxy that takes the connection and never answers held the request
for ever, and with it a delivery slot or the roster refresh. Here every read and write
httpcore makes without a timeout gets the connect timeout; the HTTP exchange that
follows always passes its own, so it is unchanged. Drop this module when httpcore
bounds the handshake itself.
"""

from __future__ import annotations

import ssl
from collections.abc import Iterable
from typing import Any

import httpcore
import httpx


class _BoundedStream(httpcore.AsyncNetworkStream):
    def __init__(self, stream: httpcore.AsyncNetworkStream, timeout: float | None) -> None:
        self._stream = stream
        self._timeout = timeout

    # httpcore's interface names its parameter ``timeout``: ASYNC109 cannot apply. A
    # read or write without one is the proxy's handshake: nothing has reached the
    # platform yet, so running out of time there is a connect timeout.
    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:  # noqa: ASYNC109
        if timeout is not None:
            return await self._stream.read(max_bytes, timeout)
        try:
            return await self._stream.read(max_bytes, self._timeout)
        except httpcore.ReadTimeout as exc:
            await self._stream.aclose()  # httpcore leaves a failed handshake's socket open
            raise httpcore.ConnectTimeout("the proxy did not answer in time") from exc

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:  # noqa: ASYNC109
        if timeout is not None:
            await self._stream.write(buffer, timeout)
            return
        try:
            await self._stream.write(buffer, self._timeout)
        except httpcore.WriteTimeout as exc:
            await self._stream.aclose()
            raise httpcore.ConnectTimeout("the proxy did not take the request in time") from exc

    async def aclose(self) -> None:
        await self._stream.aclose()

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,  # noqa: ASYNC109
    ) -> httpcore.AsyncNetworkStream:
        secure = await self._stream.start_tls(ssl_context, server_hostname, timeout)
        return _BoundedStream(secure, self._timeout)

    def get_extra_info(self, info: str) -> object:
        return self._stream.get_extra_info(info)


class _BoundedBackend(httpcore.AsyncNetworkBackend):
    """anyio's network, each connection's stream bounded by its connect timeout."""

    def __init__(self) -> None:
        self._network = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        stream = await self._network.connect_tcp(host, port, timeout, local_address, socket_options)
        return _BoundedStream(stream, timeout)

    async def sleep(self, seconds: float) -> None:
        await self._network.sleep(seconds)


def socks_transport(
    proxy_url: str, ssl_context: ssl.SSLContext, limits: httpx.Limits
) -> httpx.AsyncHTTPTransport:
    """httpx's transport through the SOCKS5 proxy at ``proxy_url`` (credentials in it
    if any), with the handshake bounded."""
    proxy = httpx.Proxy(proxy_url)
    transport = httpx.AsyncHTTPTransport(verify=ssl_context, limits=limits, trust_env=False)
    # httpx gives no way to pass a network backend: its pool is replaced by the same
    # httpcore proxy it would build (httpx/_transports/default.py), given ours.
    transport._pool = httpcore.AsyncSOCKSProxy(
        proxy_url=httpcore.URL(
            scheme=proxy.url.raw_scheme,
            host=proxy.url.raw_host,
            port=proxy.url.port,
            target=proxy.url.raw_path,
        ),
        proxy_auth=proxy.raw_auth,
        ssl_context=ssl_context,
        max_connections=limits.max_connections,
        max_keepalive_connections=limits.max_keepalive_connections,
        keepalive_expiry=limits.keepalive_expiry,
        network_backend=_BoundedBackend(),
    )
    return transport
