"""A long Attendu guest list's first load inside the platform's quota, over real HTTP: its
pages go several at a time while the window has room and wait for the next window when
it has not, so nothing is refused, and the calls kept for writes stay kept."""

from __future__ import annotations

import pytest

from kiosk.backends.factory import build_backend
from kiosk.sandbox import Quota, Sandbox
from kiosk.services.budget import CallBudget

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.mark.timeout(60)
async def test_a_first_load_longer_than_a_window_waits_for_the_next(
    quota_sandbox: Sandbox,
) -> None:
    sandbox = quota_sandbox
    # 12 calls a second, enforced; pages of 5 guests: about 20 pages, two windows' worth.
    sandbox.set_quota("attendu", Quota(((12, 1.0),), enforce=True, headers=False))
    info = {**sandbox.info["attendu"], "page_size": "5"}
    backend, http = build_backend("attendu", info, info["api_key"])
    budget = CallBudget("Attendu", ((12, 1.0),))
    budget.attach(http)
    sandbox.clear_requests()
    async with http:
        roster = await backend.load_roster()
    assert roster.complete, roster.problem
    assert len(roster.guests) == len(sandbox.attendu_guests())
    calls = sandbox.requests("attendu")
    assert [r for r in calls if r.status == 429] == []
    assert len(calls) > 12  # more than one window's worth, all of them answered
    assert budget.refused == 0
    # Each second's window kept the calls for a write: at most 12 - 2 reads in one.
    first = calls[0].at
    per_window: dict[int, int] = {}
    for record in calls:
        per_window[int(record.at - first)] = per_window.get(int(record.at - first), 0) + 1
    assert max(per_window.values()) <= 12
