"""The Sandbox: both platforms on one loopback port, served by uvicorn in a daemon thread."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import threading
from collections.abc import Callable, Mapping
from datetime import datetime
from types import TracebackType
from typing import Any

import uvicorn
from starlette.applications import Starlette

from kiosk.sandbox import demo
from kiosk.sandbox.attendu import AttenduPlatform
from kiosk.sandbox.faults import FaultDie, Faults
from kiosk.sandbox.gateway import DropFilter, Gateway, RecordedRequest, RequestLog
from kiosk.sandbox.modes import Modes
from kiosk.sandbox.quota import (
    ATTENDU_WINDOWS,
    SHEEPCRM_WINDOWS,
    Quota,
    QuotaCounter,
)
from kiosk.sandbox.sheepcrm import RATE_LIMIT, SheepcrmPlatform

#: How long ``start`` waits for the server to accept, and ``stop`` for it to finish.
START_TIMEOUT = 10.0
STOP_TIMEOUT = 10.0


class _Server(uvicorn.Server):
    """uvicorn's server, telling the starting thread when it accepts connections."""

    def __init__(self, config: uvicorn.Config) -> None:
        super().__init__(config)
        self.ready = threading.Event()
        self.loop: asyncio.AbstractEventLoop | None = None
        self.closing: asyncio.Event | None = None

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        self.loop = asyncio.get_running_loop()
        self.closing = asyncio.Event()
        await super().startup(sockets=sockets)
        self.ready.set()


class Sandbox:
    """Both event platforms on 127.0.0.1, seeded with demo data, with fault injection.

        with Sandbox(guests=300, seed=1) as sb:   # or sb.start(port=0) ... sb.stop()
            sb.info["sheepcrm"]["base_url"]       # http://127.0.0.1:PORT/sheepcrm

    ``guests`` people are on the demo event (sheepCRM: one attendance session each,
    plus-ones included; Attendu: one guest per party, plus-ones folded into the host's
    confirmation count). The data depends on ``guests``, ``seed`` and ``now`` only.
    ``api_keys`` may override the generated keys: ``{"sheepcrm": ..., "attendu": ...}``;
    ``sheepcrm_rate_limit`` is the calls a minute sheepCRM advertises (and, with
    ``Faults(enforce_rate_limit=True)``, enforces); ``modes`` plays the platforms'
    conventions other ways than the default (``Modes``: paging, a bad key's status, ...).
    ``reset`` puts back the keys and the modes it started with.
    Calls are counted per API key against each platform's quota (``Quota``: several
    windows, a time scale, enforced or only counted; ``set_quota`` changes it at run
    time). sheepCRM's is documented (400 a minute, 1,000 an hour) and named in the
    ``x-rate-limit-*`` headers of every answer; Attendu's is not published, so the
    sandbox assumes ``ATTENDU_WINDOWS`` and sends no headers. ``sheepcrm_rate_limit``
    changes sheepCRM's calls a minute (the hour allows at least as many). A quota is
    enforced (429 with ``Retry-After``) when it says so or with
    ``Faults(enforce_rate_limit=True)``.
    """

    def __init__(
        self,
        guests: int = 300,
        seed: int = 1,
        faults: Faults | None = None,
        api_keys: Mapping[str, str] | None = None,
        *,
        now: datetime | None = None,
        bucket: str = "demo",
        sheepcrm_rate_limit: int = RATE_LIMIT,
        modes: Modes | None = None,
        sheepcrm_quota: Quota | None = None,
        attendu_quota: Quota | None = None,
    ) -> None:
        self.data = demo.generate(guests, seed, now, bucket)
        keys = dict(api_keys or {})
        self.sheepcrm = SheepcrmPlatform(
            self.data, keys.get("sheepcrm", self.data.sheepcrm_api_key)
        )
        if sheepcrm_quota is None:
            hourly = SHEEPCRM_WINDOWS[1][0]
            windows = ((sheepcrm_rate_limit, 60.0), (max(hourly, sheepcrm_rate_limit), 3600.0))
            sheepcrm_quota = Quota(
                windows if sheepcrm_rate_limit != RATE_LIMIT else SHEEPCRM_WINDOWS
            )
        self._quotas = {
            "sheepcrm": QuotaCounter(sheepcrm_quota),
            "attendu": QuotaCounter(attendu_quota or Quota(ATTENDU_WINDOWS, headers=False)),
        }
        self.attendu = AttenduPlatform(self.data, keys.get("attendu", self.data.attendu_api_key))
        self._keys = (self.sheepcrm.api_key, self.attendu.api_key)
        self._die = FaultDie(faults)
        self._first_modes = modes or Modes()
        self._modes = self._first_modes
        self._log = RequestLog()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._url: str | None = None
        self._drop_filter = DropFilter()
        self._gateway = Gateway(
            (self.sheepcrm, self.attendu),
            self._control_app(),
            self._die,
            self._log,
            self._closing,
            modes=lambda: self._modes,
            quotas=self._quotas,
        )

    # -- running --------------------------------------------------------------------------

    def start(
        self,
        port: int = 0,
        host: str = "127.0.0.1",
        *,
        tls_cert: str | None = None,
        tls_key: str | None = None,
    ) -> dict[str, Any]:
        """Serve on ``host:port`` (0: a free port) from a daemon thread; returns ``info``
        once the server accepts connections. With ``tls_cert`` (a PEM file, the key in
        it or in ``tls_key``) it serves HTTPS: a platform behind a certificate of its own."""
        if self._thread is not None:
            raise RuntimeError("the sandbox is already running")
        # IPPROTO_TCP named outright: asyncio sets TCP_NODELAY only on sockets that say so,
        # and without it every answer waits ~40 ms for a delayed ACK (Nagle).
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            sock.close()
            raise
        bound_port = sock.getsockname()[1]
        config = uvicorn.Config(
            self._gateway,
            log_config=None,  # never reconfigure the host application's logging
            access_log=False,
            lifespan="off",
            loop="asyncio",
            http="h11",
            ws="none",
            timeout_graceful_shutdown=5,
            date_header=False,  # the gateway sets Date, on a clock that may be off (Modes)
            ssl_certfile=tls_cert,
            ssl_keyfile=tls_key,
        )
        server = _Server(config)
        logging.getLogger("uvicorn.error").addFilter(self._drop_filter)
        thread = threading.Thread(
            target=server.run, kwargs={"sockets": [sock]}, name="kiosk-sandbox", daemon=True
        )
        thread.start()
        while not server.ready.wait(0.05):
            if not thread.is_alive() or server.should_exit:
                sock.close()
                logging.getLogger("uvicorn.error").removeFilter(self._drop_filter)
                raise RuntimeError("the sandbox server failed to start")
        self._server, self._thread = server, thread
        url_host = f"[{host}]" if ":" in host else host
        self._url = f"{'https' if tls_cert else 'http'}://{url_host}:{bound_port}"
        return self.info

    def stop(self) -> None:
        """Shut down: stalled answers end at once, the thread is joined, the port freed."""
        server, thread = self._server, self._thread
        if server is None or thread is None:
            return
        if server.loop is not None and server.closing is not None:
            # RuntimeError: the loop has already finished.
            with contextlib.suppress(RuntimeError):
                server.loop.call_soon_threadsafe(server.closing.set)
        server.should_exit = True
        thread.join(STOP_TIMEOUT)
        if thread.is_alive():
            server.force_exit = True
            thread.join(STOP_TIMEOUT)
        logging.getLogger("uvicorn.error").removeFilter(self._drop_filter)
        self._server = self._thread = None
        self._url = None

    def __enter__(self) -> Sandbox:
        if self._thread is None:
            self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def _closing(self) -> asyncio.Event | None:
        return self._server.closing if self._server else None

    # -- what clients need to connect -----------------------------------------------------

    @property
    def url(self) -> str:
        if self._url is None:
            raise RuntimeError("the sandbox is not running: call start() first")
        return self._url

    @property
    def info(self) -> dict[str, Any]:
        """Where and how to connect: base URLs, event ids, API keys."""
        url = self.url
        return {
            "url": url,
            "sheepcrm": {
                "base_url": f"{url}/sheepcrm",
                "bucket": self.data.bucket,
                "event": self.data.event.sheepcrm_uid,
                "api_key": self.sheepcrm.api_key,
            },
            "attendu": {
                "base_url": f"{url}/attendu/api",
                "event": self.data.event.attendu_id,
                "api_key": self.attendu.api_key,
            },
        }

    # -- faults, the request log, reset ---------------------------------------------------

    @property
    def faults(self) -> Faults:
        return self._die.faults

    @property
    def modes(self) -> Modes:
        return self._modes

    def set_modes(self, modes: Modes) -> None:
        """Play the platforms' conventions as ``modes`` say from the next request on."""
        self._modes = modes

    def set_faults(self, faults: Faults) -> None:
        """Replace the faults at run time; the die restarts from ``faults.seed``."""
        self._die.set(faults)

    def quota(self, platform: str) -> Quota:
        """``platform``'s quota ("sheepcrm" or "attendu")."""
        return self._quotas[platform].quota

    def set_quota(self, platform: str, quota: Quota) -> None:
        """Replace ``platform``'s quota at run time; every key's count starts afresh."""
        self._quotas[platform].set(quota)

    def requests(self, platform: str | None = None) -> list[RecordedRequest]:
        """Every request received so far (optionally of one platform), oldest first."""
        return self._log.snapshot(platform)

    def clear_requests(self) -> None:
        self._log.clear()

    def wait_for_requests(
        self,
        count: int = 1,
        platform: str | None = None,
        *,
        answered: bool = False,
        where: Callable[[RecordedRequest], bool] | None = None,
        timeout: float = 10.0,
    ) -> list[RecordedRequest]:
        """Block until ``count`` matching requests arrived (``answered``: and were
        answered or ended); raise TimeoutError otherwise. Returns the matching ones."""

        def matching(records: list[RecordedRequest]) -> list[RecordedRequest]:
            return [
                r
                for r in records
                if (platform is None or r.platform == platform)
                and (where is None or where(r))
                and (not answered or r.status is not None or r.fault is not None)
            ]

        return matching(self._log.wait_for(lambda rs: len(matching(rs)) >= count, timeout))

    def reset(self) -> None:
        """Back to the freshly seeded data, no faults, the first modes and keys, an empty
        request log, every quota's count afresh (the quotas themselves stay)."""
        self._die.set(Faults())
        self._modes = self._first_modes
        self.sheepcrm.api_key, self.attendu.api_key = self._keys
        for counter in self._quotas.values():
            counter.clear()
        self.sheepcrm.load(self.data)
        self.attendu.load(self.data)
        self._log.clear()

    def warm(self) -> None:
        """Serialise the demo event's rosters now rather than on the first roster call:
        worth it from ~10,000 guests (100,000 take a few seconds either way)."""
        self.sheepcrm.warm()
        self.attendu.warm()

    # -- platform state, read back and changed "at another desk" --------------------------

    def sheepcrm_session(self, uid: str) -> dict[str, Any]:
        """An attendance session by uid, as sheepCRM's API would show it."""
        return self.sheepcrm.session(uid)

    def sheepcrm_session_of(self, person_uri: str, event: str | None = None) -> dict[str, Any]:
        """A person's session on ``event`` (default: the demo event)."""
        return self.sheepcrm.session_of(person_uri, event)

    def sheepcrm_sessions(self, event: str | None = None) -> list[dict[str, Any]]:
        return self.sheepcrm.sessions(event)

    def set_sheepcrm_status(
        self, person_uri: str, status: str, event: str | None = None
    ) -> dict[str, Any]:
        """Another desk set this person's status; returns the session as it now is."""
        return self.sheepcrm.set_status(person_uri, status, event)

    def remove_sheepcrm_attendee(self, person_uri: str, event: str | None = None) -> None:
        """An organiser removed this person from the event: their next PUT is refused."""
        self.sheepcrm.remove(person_uri, event)

    def attendu_guest(self, guest_id: str) -> dict[str, Any]:
        """A guest as Attendu's API would show it."""
        return self.attendu.guest(guest_id)

    def attendu_guests(self, event: str | None = None) -> list[dict[str, Any]]:
        return self.attendu.guests(event)

    def attendu_check_in(
        self, guest_id: str, increment_by: int = 1, method: str = "manual"
    ) -> None:
        """Another desk checked this guest in."""
        self.attendu.check_in(guest_id, increment_by, method)

    def attendu_undo_check_in(self, guest_id: str) -> None:
        self.attendu.undo_check_in(guest_id)

    def attendu_set_confirmation(
        self, guest_id: str, confirmation: int, decline_message: str | None = None
    ) -> None:
        """The guest's RSVP changed elsewhere (see attendu.ATTENDU_CONFIRMATION)."""
        self.attendu.set_confirmation(guest_id, confirmation, decline_message)

    def guests_summary(self) -> dict[str, Any]:
        """Counts per platform for the demo event: sessions by status, guests, check-ins."""
        return {"sheepcrm": self.sheepcrm.summary(), "attendu": self.attendu.summary()}

    # -- control routes (no auth, never faulted) ------------------------------------------

    def _control_app(self) -> Starlette:
        from kiosk.sandbox.control import control_app

        return control_app(self)

    @property
    def quota_counters(self) -> dict[str, QuotaCounter]:
        """Each platform's call counter (by name), for the control routes."""
        return self._quotas
