"""The one place a platform backend is built, with the HTTP client it owns. No Qt.

Importing it imports no platform client and no httpx: each is imported on first use."""

from __future__ import annotations

import asyncio
import contextlib
import ssl
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    import httpx

    from kiosk.backends.base import Backend
    from kiosk.backends.guestlist import GuestListBackend
    from kiosk.config import Profile


def build_backend(
    platform: str,
    connection: dict[str, str],
    api_key: str,
    ssl_context: ssl.SSLContext | None = None,
) -> tuple[Backend, httpx.AsyncClient]:
    """The backend for ``platform`` ("sheepcrm" or "attendu") on ``connection``
    (base_url, event, and bucket for sheepCRM), and its httpx client: one client per
    backend, which the caller closes (``aclose``) when done. Attendu's page parameters
    come as ``paging`` and ``page_size`` (the profile's ``[attendu]``; defaults if absent).

    Building a client builds an SSL context when none is given, which reads the CA
    bundle: call it in a worker thread, or pass ``ssl_context``."""
    # The platform modules are imported on first use: ``kiosk --set-pin`` needs neither.
    if platform == "sheepcrm":
        from kiosk.backends.sheepcrm import SheepCrmBackend, sheepcrm_http_client

        http = sheepcrm_http_client(connection["base_url"], api_key, ssl_context=ssl_context)
        return SheepCrmBackend(
            http,
            bucket=connection["bucket"],
            event_uid=connection["event"],
            time_zone=connection.get("time_zone", ""),
        ), http
    from kiosk.backends.attendu import AttenduBackend, attendu_codes, attendu_http_client
    from kiosk.backends.attendu.reader import AttenduPaging
    from kiosk.platform_settings import DEFAULT_PAGE_SIZE, DEFAULT_PAGING, paging_names

    first, size, counts_pages = paging_names(connection.get("paging") or DEFAULT_PAGING)
    paging = AttenduPaging(offset_param=first, limit_param=size, counts_pages=counts_pages)
    page_size = int(connection.get("page_size") or DEFAULT_PAGE_SIZE)
    http = attendu_http_client(connection["base_url"], api_key, ssl_context=ssl_context)
    backend = AttenduBackend(
        http,
        event_id=connection["event"],
        page_size=page_size,
        paging=paging,
        codes=attendu_codes(connection),
    )
    return backend, http


def build_guest_list(path: Path, columns: str | None, desk: str) -> GuestListBackend:
    """A local guest list file as the backend (``kiosk --guest-list FILE``): ``columns``
    as given on the command line (detected from the headers when None), ``desk`` written
    beside each status in the results file. Raises ConfigError for a file that cannot
    be used, saying why; nothing is read before the first roster load."""
    from kiosk.backends.guestlist import GuestListBackend, parse_columns

    backend = GuestListBackend(path, columns=parse_columns(columns) if columns else None)
    backend.desk = desk
    return backend


def guest_list_store_key(path: Path) -> str:
    """The name part of a guest list's local store: the file's stem and a digest of its
    full path, so two lists with one name in two folders never share an outbox."""
    import hashlib

    where = str(path.expanduser().resolve())
    return f"{path.stem[:40]}-{hashlib.sha256(where.encode()).hexdigest()[:10]}"


def profile_connection(profile: Profile) -> dict[str, str]:
    """What ``build_backend`` needs to know of a profile, besides its platform: where,
    which event, and the profile's answers to what the platform does not publish."""
    codes = profile.guesses.attendu_codes
    return {
        "base_url": profile.base_url,
        "bucket": profile.bucket,
        "event": profile.event,
        "paging": profile.attendu.paging,
        "page_size": str(profile.attendu.page_size),
        "time_zone": profile.guesses.sheepcrm_time_zone,
        "attendu_no_answer": str(codes.no_answer),
        "attendu_declined": str(codes.declined),
        "attendu_min_confirmed": str(codes.min_confirmed),
    }


@contextlib.asynccontextmanager
async def open_backend(profile: Profile, api_key: str) -> AsyncIterator[Backend]:
    """The backend for ``profile`` and ``api_key``, built in a worker thread (the SSL
    set-up would hold the event loop); its HTTP client is closed on exit."""
    # A closure, never ``to_thread(func, *args)``: qasync's executor logs each submitted
    # callback with its arguments at DEBUG, and those would carry the key.
    backend, http = await asyncio.to_thread(
        lambda: build_backend(profile.platform, profile_connection(profile), api_key)
    )
    try:
        yield backend
    finally:
        await http.aclose()
