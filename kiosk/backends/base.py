"""The Backend protocol every platform client implements, and what they share.

Clients turn JSON into typed domain objects and HTTP failures into the domain's
exception tree (``kiosk.domain.errors``). Retry policy is not theirs: it lives in the
outbox sender. Each client is given one ``httpx.AsyncClient`` built by ``app.py``
(see ``make_http_client``) and never closes it itself.
"""

from __future__ import annotations

import dataclasses
import ssl
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Protocol, runtime_checkable

import httpx

from kiosk.backends.http.proxies import UnusableProxy, proxy_for
from kiosk.backends.http.socks import socks_transport
from kiosk.backends.http.trust import tls_context
from kiosk.domain import Event, Guest, Status

#: Explicit timeouts for every platform call: connect fast, allow a slow roster.
DEFAULT_TIMEOUT = httpx.Timeout(connect=5.0, read=30.0, write=10.0, pool=5.0)


@dataclasses.dataclass(frozen=True, slots=True)
class Capabilities:
    """What a connected platform can do.

    ``writable`` are the statuses Kiosk can set there; ``reasons`` says, for each of the
    others, why not (shown beside the disabled button). ``idempotent`` are the statuses
    whose write can be repeated safely after an unknown outcome. ``kept_here``: the
    statuses the platform keeps no state for, which this desk keeps itself, each with
    the note the end-of-day list shows for it.
    """

    platform: str
    display_name: str
    writable: frozenset[Status]
    reasons: Mapping[Status, str] = dataclasses.field(default_factory=lambda: MappingProxyType({}))
    idempotent: frozenset[Status] = frozenset()
    walk_ins: bool = False
    kept_here: Mapping[Status, str] = dataclasses.field(
        default_factory=lambda: MappingProxyType({})
    )
    #: Statuses the platform keeps no state for: written, they change nothing there.
    derived: frozenset[Status] = frozenset()

    def can_write(self, status: Status) -> bool:
        return status in self.writable

    def reason(self, status: Status) -> str | None:
        """Why ``status`` cannot be written here, or None when it can."""
        if status in self.writable:
            return None
        return self.reasons.get(status, f"{self.display_name} cannot take this status.")


@dataclasses.dataclass(frozen=True, slots=True)
class Roster:
    """A loaded guest list, one guest per id (a backend drops a repeated one).
    ``complete`` is false when the platform stopped short (``problem`` then says why);
    the guests that did arrive are still usable. ``unchanged``: the platform said the
    list is as it was at the last load (a 304), so ``guests`` are the ``known`` ones
    given back, nothing was downloaded or parsed, and there is nothing to merge."""

    event: Event
    guests: tuple[Guest, ...]
    complete: bool = True
    problem: str | None = None
    unchanged: bool = False


#: How far a roster load has come: guests read so far, and the total when announced.
RosterProgress = Callable[[int, int | None], None]


@runtime_checkable
class ReportsProgress(Protocol):
    """A backend that says how far a long roster load has come (set ``progress``)."""

    progress: RosterProgress | None


#: No guests known yet (a first load).
NO_GUESTS: Mapping[str, Guest] = MappingProxyType({})


@runtime_checkable
class Backend(Protocol):
    """One event platform, bound to one event."""

    @property
    def capabilities(self) -> Capabilities: ...

    @property
    def event_id(self) -> str: ...

    async def list_events(self) -> list[Event]:
        """Events the key can see (for the event picker)."""
        ...

    async def get_event(self) -> Event:
        """The bound event; raises NotFound if it is not there."""
        ...

    async def load_roster(self, known: Mapping[str, Guest] = NO_GUESTS) -> Roster:
        """Every guest of the bound event.

        ``known``: the guests of the last load, by id. A guest that reads the same is
        answered with that very object, so a refresh keeps its unchanged guests without
        building them again: the copies die at once instead of living through the
        garbage collector's generations (10-20 ms collections mid-refresh at 100,000)."""
        ...

    async def get_guest(self, guest: Guest) -> Guest:
        """The platform's current view of one guest (re-read after an unknown outcome)."""
        ...

    async def set_status(self, guest: Guest, status: Status) -> Guest:
        """Write ``status`` for ``guest`` and return the guest as the platform now has it.

        ``guest`` is Kiosk's last known view of the guest; a platform whose write depends
        on the current state (Attendu: undo a check-in before marking accepted) uses it.
        Raises ChangeRejected for a status the platform cannot take.
        """
        ...


def make_http_client(
    base_url: str,
    *,
    headers: Mapping[str, str],
    timeout: httpx.Timeout = DEFAULT_TIMEOUT,
    transport: httpx.AsyncBaseTransport | None = None,
    ssl_context: ssl.SSLContext | None = None,
) -> httpx.AsyncClient:
    """The one ``httpx.AsyncClient`` for a backend. Built once at start-up, closed at
    shutdown. ``transport`` is the test seam. Certificates are checked against the
    operating system's store (``http.trust``); without ``ssl_context`` the client reads
    it on this thread (~50 ms): the app builds one in a worker thread meanwhile
    (``tls_context``). The proxy is the system's (``http.proxies``), chosen once here."""
    proxy = proxy_for(base_url) if transport is None else None
    verify = ssl_context if ssl_context is not None else tls_context()
    limits = httpx.Limits(max_connections=16, max_keepalive_connections=16)
    if proxy is not None and proxy.problem is not None:
        transport = UnusableProxy(proxy.problem)  # said on every request, never a crash
    elif proxy is not None and proxy.url.lower().startswith("socks"):
        transport = socks_transport(proxy.url, verify, limits)
    return httpx.AsyncClient(
        verify=verify,
        base_url=base_url.rstrip("/"),
        headers={"Accept": "application/json", **headers},
        timeout=timeout,
        transport=transport,
        proxy=proxy.url if proxy is not None and transport is None else None,
        # The environment was read above; httpx reading it again would undo the choice.
        trust_env=False,
        follow_redirects=False,
        limits=limits,
    )


@runtime_checkable
class CountsPeople(Protocol):
    """A platform that counts the people of one guest checked in (Attendu's
    ``attendance``): some of a party can be in."""

    async def set_people_in(self, guest: Guest, count: int) -> Guest:
        """Make ``count`` of the guest's party checked in, from however many are now."""
        ...


@runtime_checkable
class TakesWalkIns(Protocol):
    """A platform Kiosk can add a guest to at the door."""

    async def create_walk_in(
        self, first_name: str, last_name: str, email: str, *, party: int = 1
    ) -> Guest:
        """Add the guest; return them as the platform now has them."""
        ...
