"""A small SOCKS5 proxy for the tests (RFC 1928, no authentication, CONNECT only), on a
loopback port in a thread of its own: it resolves names from its own table (so a name
only it knows proves a request went through it), records every connection it was asked
for, and can be told to refuse them all."""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import socket
import struct
import threading
from collections.abc import Mapping
from types import TracebackType

_SUCCEEDED, _NOT_ALLOWED, _HOST_UNREACHABLE, _REFUSED = 0, 2, 4, 5


class Socks5Proxy:
    """``with Socks5Proxy({"platform.example": "127.0.0.1"}) as proxy: proxy.url``."""

    def __init__(self, names: Mapping[str, str] | None = None) -> None:
        self.names = dict(names or {})
        self.refuse = False
        #: Take connections and never answer (a proxy gone wrong).
        self.silent = False
        self._lock = threading.Lock()
        self._asked: list[tuple[str, int]] = []
        self._open: set[asyncio.StreamWriter] = set()  # the proxy's thread only
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.Server | None = None
        self._thread: threading.Thread | None = None
        self.port = 0

    @property
    def url(self) -> str:
        return f"socks5://127.0.0.1:{self.port}"

    def refuse_all(self) -> None:
        """Refuse every connection from now on, and cut the tunnels already open (a
        client would otherwise go on through its kept-alive connections)."""
        self.refuse = True
        loop = self._loop
        if loop is not None:
            done = threading.Event()

            def cut() -> None:
                for writer in list(self._open):
                    writer.close()
                done.set()

            loop.call_soon_threadsafe(cut)
            done.wait(10)

    def asked(self) -> list[tuple[str, int]]:
        """Every (host, port) a client asked to be connected to, oldest first."""
        with self._lock:
            return list(self._asked)

    def __enter__(self) -> Socks5Proxy:
        ready = threading.Event()

        def serve() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            self._server = loop.run_until_complete(
                asyncio.start_server(self._client, "127.0.0.1", 0)
            )
            self.port = self._server.sockets[0].getsockname()[1]
            ready.set()
            try:
                loop.run_forever()
            finally:
                loop.close()

        self._thread = threading.Thread(target=serve, name="socks5-proxy", daemon=True)
        self._thread.start()
        if not ready.wait(10):
            raise RuntimeError("the SOCKS5 proxy did not start")
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        loop = self._loop
        if loop is not None:
            asyncio.run_coroutine_threadsafe(self._shut(), loop).result(10)
            loop.call_soon_threadsafe(loop.stop)
        if self._thread is not None:
            self._thread.join(10)

    async def _shut(self) -> None:
        """In the proxy's loop: stop listening, end every tunnel, wait for them."""
        if self._server is not None:
            self._server.close()
        for writer in list(self._open):
            writer.close()
        others = asyncio.all_tasks() - {asyncio.current_task()}
        await asyncio.gather(*others, return_exceptions=True)

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._open.add(writer)
        try:
            await self._serve(reader, writer)
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            self._open.discard(writer)
            writer.close()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self.silent:
            await reader.read()  # until the client gives up and closes
            return
        version, count = await reader.readexactly(2)
        methods = await reader.readexactly(count)
        if version != 5 or 0 not in methods:
            writer.write(b"\x05\xff")
            return
        writer.write(b"\x05\x00")
        _version, command, _reserved, kind = await reader.readexactly(4)
        if kind == 1:
            host = str(ipaddress.IPv4Address(await reader.readexactly(4)))
        elif kind == 4:
            host = str(ipaddress.IPv6Address(await reader.readexactly(16)))
        else:
            host = (await reader.readexactly((await reader.readexactly(1))[0])).decode()
        (port,) = struct.unpack("!H", await reader.readexactly(2))
        with self._lock:
            self._asked.append((host, port))
        if command != 1 or self.refuse:
            writer.write(_reply(_NOT_ALLOWED))
            return
        try:
            upstream_reader, upstream_writer = await asyncio.open_connection(
                self.names.get(host, host), port
            )
        except socket.gaierror:
            writer.write(_reply(_HOST_UNREACHABLE))
            return
        except OSError:
            writer.write(_reply(_REFUSED))
            return
        self._open.add(upstream_writer)
        writer.write(_reply(_SUCCEEDED))
        try:
            await asyncio.gather(
                _pipe(reader, upstream_writer),
                _pipe(upstream_reader, writer),
                return_exceptions=True,
            )
        finally:
            self._open.discard(upstream_writer)
            upstream_writer.close()


def _reply(code: int) -> bytes:
    return bytes([5, code, 0, 1, 0, 0, 0, 0, 0, 0])


async def _pipe(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
    try:
        while chunk := await source.read(65536):
            sink.write(chunk)
            await sink.drain()
    finally:
        with contextlib.suppress(OSError):
            sink.close()
