"""A refresh asks the platform whether the roster changed: unchanged, it costs a 304,
no body, no parse and no merge; changed, or with a platform that sends no validators,
it is read and merged as before. Over real HTTP against the sandbox."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from kiosk.app import build_backend
from kiosk.backends.attendu.rows import parse_guest_page
from kiosk.backends.sheepcrm.reader import AttendanceReader
from kiosk.domain import Guest, Status
from kiosk.sandbox import Sandbox
from kiosk.services.checkin import CheckinService, Connection, GuestSync
from kiosk.store.local import open_store

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


class Heard:
    def __init__(self) -> None:
        self.guests: list[Guest] = []

    def roster_changed(self) -> None: ...
    def guest_changed(self, guest: Guest) -> None:
        self.guests.append(guest)

    def sync_changed(self, guest_id: str, sync: GuestSync) -> None: ...
    def connection_changed(self, state: Connection, message: str) -> None: ...
    def pending_changed(self, count: int) -> None: ...


class Desk(NamedTuple):
    service: CheckinService
    heard: Heard


class Parsed:
    """Counts what a client parses: sheepCRM rows, Attendu pages."""

    def __init__(self) -> None:
        self.rows = 0
        self.pages = 0


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> Parsed:
    counts = Parsed()
    add_row = AttendanceReader.add_row

    def counting_row(self: AttendanceReader, row: object) -> None:
        counts.rows += 1
        add_row(self, row)

    def counting_page(*args: Any, **kwargs: Any) -> Any:
        counts.pages += 1
        return parse_guest_page(*args, **kwargs)

    monkeypatch.setattr(AttendanceReader, "add_row", counting_row)
    monkeypatch.setattr("kiosk.backends.attendu.client.parse_guest_page", counting_page)
    return counts


async def _desk(sandbox: Sandbox, tmp_path: Path, platform: str) -> AsyncIterator[Desk]:
    # Pages of 100 (the sandbox's 300 guests in several): each page is its own 304.
    connection: dict[str, Any] = {**sandbox.info[platform], "page_size": "100"}
    backend, http = build_backend(platform, connection, connection["api_key"])
    store, _ = open_store(tmp_path / f"{platform}.sqlite3")
    heard = Heard()
    service = CheckinService(
        backend, store.outbox, kiosk_id=platform, listener=heard, cache=store.roster
    )
    try:
        yield Desk(service, heard)
    finally:
        await service.cache_written()
        await http.aclose()
        store.close()


@pytest.fixture
async def sheep(sandbox: Sandbox, tmp_path: Path) -> AsyncIterator[Desk]:
    async for desk in _desk(sandbox, tmp_path, "sheepcrm"):
        yield desk


@pytest.fixture
async def attendu(sandbox: Sandbox, tmp_path: Path) -> AsyncIterator[Desk]:
    async for desk in _desk(sandbox, tmp_path, "attendu"):
        yield desk


def _attendance_reads(sandbox: Sandbox) -> list[Any]:
    return [
        r
        for r in sandbox.requests(platform="sheepcrm")
        if r.method == "GET" and r.path.endswith("/attendance")
    ]


async def test_an_unchanged_sheepcrm_roster_costs_a_304_and_no_parse(
    sheep: Desk, sandbox: Sandbox, parsed: Parsed
) -> None:
    service, heard = sheep
    assert await service.load_roster()
    first_rows = parsed.rows
    assert first_rows == len(service.index) > 0
    confirmed = service.roster_saved_at

    assert await service.load_roster()

    first, again = _attendance_reads(sandbox)
    assert first.status == 200
    assert "if-none-match" not in first.headers
    assert again.headers["if-none-match"]  # the platform was asked "changed?"
    assert again.status == 304
    assert parsed.rows == first_rows  # not one row parsed
    assert heard.guests == []  # nothing merged
    assert service.connection is Connection.ONLINE
    assert service.roster_saved_at is not None
    assert confirmed is not None
    assert service.roster_saved_at >= confirmed  # the view is confirmed as of now


async def test_a_change_elsewhere_is_read_and_merged_after_an_unchanged_refresh(
    sheep: Desk, sandbox: Sandbox, parsed: Parsed
) -> None:
    service, heard = sheep
    assert await service.load_roster()
    assert await service.load_roster()  # unchanged
    guest = next(g for g in service.search("", limit=None) if g.status is Status.INVITED)
    sandbox.set_sheepcrm_status(guest.platform_ref, "attended")
    rows = parsed.rows

    assert await service.load_roster()

    assert _attendance_reads(sandbox)[-1].status == 200
    assert parsed.rows == rows + len(service.index)
    shown = service.guest(guest.id)
    assert shown is not None
    assert shown.status is Status.ATTENDED
    assert service.changed_elsewhere(guest.id) is not None
    assert [g.id for g in heard.guests] == [guest.id]


async def test_without_validators_every_sheepcrm_refresh_is_read_whole(
    sheep: Desk, sandbox: Sandbox, parsed: Parsed, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sandbox.sheepcrm, "validators", False)
    service, heard = sheep
    assert await service.load_roster()
    assert await service.load_roster()

    reads = _attendance_reads(sandbox)
    assert [r.status for r in reads] == [200, 200]
    assert "if-none-match" not in reads[1].headers
    assert parsed.rows == 2 * len(service.index)
    assert heard.guests == []  # read whole, and still nothing changed to show


async def test_an_unchanged_attendu_list_costs_304s_and_no_parse(
    attendu: Desk, sandbox: Sandbox, parsed: Parsed
) -> None:
    service, heard = attendu
    assert await service.load_roster()
    pages = parsed.pages
    assert pages > 2
    before = len(sandbox.requests(platform="attendu"))

    assert await service.load_roster()

    refreshed = [r for r in sandbox.requests(platform="attendu")[before:] if r.path == _GUESTS]
    assert len(refreshed) == pages
    assert all(r.headers.get("if-none-match") for r in refreshed)
    assert {r.status for r in refreshed} == {304}
    assert parsed.pages == pages  # no page parsed again
    assert heard.guests == []

    guest = next(g for g in service.search("", limit=None) if g.status is not Status.ATTENDED)
    sandbox.attendu_check_in(guest.platform_ref)
    assert await service.load_roster()
    shown = service.guest(guest.id)
    assert shown is not None
    assert shown.status is Status.ATTENDED
    assert parsed.pages == 2 * pages


async def test_without_validators_every_attendu_page_is_read(
    attendu: Desk, sandbox: Sandbox, parsed: Parsed, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sandbox.attendu, "validators", False)
    service, _heard = attendu
    assert await service.load_roster()
    pages = parsed.pages
    assert await service.load_roster()
    assert parsed.pages == 2 * pages
    guest_reads = [r for r in sandbox.requests(platform="attendu") if r.path == _GUESTS]
    assert {r.status for r in guest_reads} == {200}


_GUESTS = "/attendu/api/v1/guests"
