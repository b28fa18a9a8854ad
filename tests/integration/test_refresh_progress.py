"""A first Attendu load says how far it has come, page by page, through the service's
listener (the desk shows "Loading guests: 41,200 of 89,342"); a refresh says nothing.
Over real HTTP against the sandbox, pages fetched a few at once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kiosk.app import build_backend
from kiosk.domain import Guest
from kiosk.sandbox import Sandbox
from kiosk.services.checkin import CheckinService, Connection, GuestSync
from kiosk.store.local import open_store

pytestmark = pytest.mark.anyio

PAGE = 100  # pages asked of Attendu here: the sandbox's 300 guests come in several


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


class Progress:
    def __init__(self) -> None:
        self.heard: list[tuple[int, int | None]] = []

    def roster_progress(self, loaded: int, total: int | None) -> None:
        self.heard.append((loaded, total))

    def roster_changed(self) -> None: ...
    def guest_changed(self, guest: Guest) -> None: ...
    def sync_changed(self, guest_id: str, sync: GuestSync) -> None: ...
    def connection_changed(self, state: Connection, message: str) -> None: ...
    def pending_changed(self, count: int) -> None: ...


async def test_a_first_attendu_load_says_how_far_it_has_come(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    connection: dict[str, Any] = {**sandbox.info["attendu"], "page_size": str(PAGE)}
    backend, http = build_backend("attendu", connection, connection["api_key"])
    store, _ = open_store(tmp_path / "desk.sqlite3")
    listener = Progress()
    service = CheckinService(backend, store.outbox, kiosk_id="desk", listener=listener)
    try:
        async with http:
            assert await service.load_roster()
            total = len(service.index)
            heard = list(listener.heard)
            assert await service.load_roster()  # a refresh: not a first load
            roster = await backend.load_roster()  # pages a few at once, as the first
    finally:
        store.close()

    assert len(heard) == -(-total // PAGE)  # one word per page
    assert [loaded for loaded, _ in heard] == sorted(loaded for loaded, _ in heard)
    assert heard[0] == (PAGE, total)
    assert heard[-1] == (total, total)
    assert listener.heard == heard
    # The roster is whole and in the platform's order, pages fetched a few at once.
    assert roster.complete
    assert [g.id for g in roster.guests] == [g["_id"] for g in sandbox.attendu_guests()]
