"""How both clients walk paged lists, on servers shaped to misbehave precisely.

``httpx.MockTransport`` shapes servers the sandbox does not play: one that caps the page
below the size asked for, one that repeats full pages for ever, one whose total is
missing or shrinks mid-way. The sandbox's own paging (and its ignore-paging fault) is
covered over real HTTP in tests/integration/.
"""

from __future__ import annotations

from collections.abc import Sequence

import httpx
import pytest

from kiosk.backends.attendu import AttenduBackend, AttenduPaging, attendu_http_client
from kiosk.backends.sheepcrm import EVENTS_PAGE_SIZE, SheepCrmBackend, sheepcrm_http_client

pytestmark = pytest.mark.anyio

EVENT_ID = "65f0c0ffee0000000000e001"


@pytest.fixture
def anyio_backend():
    return "asyncio"


def guest(n: int) -> dict[str, object]:
    return {"_id": f"{n:024x}", "status": {"confirmation": 1, "attendance": 0}}


def attendu_server(guests: Sequence[object], *, cap: int | None = None, total=...):
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path == f"/api/v1/events/{EVENT_ID}":  # the event, read by id
            return httpx.Response(200, json={"_id": EVENT_ID})
        skip = int(request.url.params.get("skip", 0))
        limit = min(int(request.url.params.get("limit", 100)), cap or 10**6)
        page: dict[str, object] = {"results": guests[skip : skip + limit]}
        if total is not None:
            page["total"] = len(guests) if total is ... else total
        return httpx.Response(200, json=page)

    return handler, seen


async def roster_from(handler, **options):
    http = attendu_http_client(
        "https://ws.attendu.test/api", "key", transport=httpx.MockTransport(handler)
    )
    async with http:
        return await AttenduBackend(http, event_id=EVENT_ID, **options).load_roster()


async def test_a_server_that_caps_the_page_size_still_gives_every_guest():
    handler, seen = attendu_server([guest(n) for n in range(230)], cap=50)
    roster = await roster_from(handler, page_size=100)

    assert roster.complete, roster.problem
    assert len(roster.guests) == 230
    skips = [r.url.params["skip"] for r in seen if r.url.path.endswith("/guests")]
    assert skips == ["0", "50", "100", "150", "200"]  # advanced by what arrived


async def test_without_a_total_paging_ends_at_an_empty_page():
    handler, _ = attendu_server([guest(n) for n in range(120)], total=None)
    roster = await roster_from(handler, page_size=50)
    assert roster.complete
    assert len(roster.guests) == 120


async def test_a_total_larger_than_the_list_ends_incomplete_not_in_a_loop():
    handler, seen = attendu_server([guest(n) for n in range(120)], total=500)
    roster = await roster_from(handler, page_size=50)

    assert not roster.complete
    assert "announced 500 guests but sent 120" in (roster.problem or "")
    assert len(seen) <= 5


async def test_the_page_cap_stops_a_server_that_never_ends():
    def handler(request):
        if request.url.path == f"/api/v1/events/{EVENT_ID}":
            return httpx.Response(200, json={"_id": EVENT_ID})
        skip = int(request.url.params["skip"])
        return httpx.Response(200, json={"results": [guest(skip)], "total": 10**9})

    roster = await roster_from(handler, page_size=1, paging=AttenduPaging(max_pages=7))
    assert not roster.complete
    assert "stopped after 7 pages" in (roster.problem or "")
    assert len(roster.guests) == 7


async def test_unreadable_guests_make_the_roster_incomplete_and_say_why():
    guests = [guest(0), {"_id": f"{1:024x}", "status": {"confirmation": "yes"}}, guest(2)]
    handler, _ = attendu_server(guests)
    roster = await roster_from(handler)

    assert not roster.complete
    assert len(roster.guests) == 2
    assert "1 guest could not be read" in (roster.problem or "")


def sheep_events(count: int, *, repeat: bool = False):
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        page = 1 if repeat else int(request.url.params["page"])
        size = int(request.url.params["page_size"])
        chosen = range((page - 1) * size, min(count, page * size))
        return httpx.Response(200, json={"bookings": [{"uid": f"ev{n}"} for n in chosen]})

    return handler, seen


async def events_from(handler):
    http = sheepcrm_http_client("https://sls.test", "key", transport=httpx.MockTransport(handler))
    async with http:
        return await SheepCrmBackend(http, bucket="example", event_uid="ev0").list_events()


async def test_sheepcrm_events_are_paged_until_a_short_page():
    handler, seen = sheep_events(EVENTS_PAGE_SIZE * 2 + 3)
    events = await events_from(handler)

    assert len(events) == EVENTS_PAGE_SIZE * 2 + 3
    assert [r.url.params["page"] for r in seen] == ["1", "2", "3"]
    assert {r.url.params["page_size"] for r in seen} == {str(EVENTS_PAGE_SIZE)}


async def test_sheepcrm_events_stop_when_a_full_page_brings_nothing_new():
    handler, seen = sheep_events(EVENTS_PAGE_SIZE * 3, repeat=True)
    events = await events_from(handler)

    assert len(events) == EVENTS_PAGE_SIZE
    assert len(seen) == 2
