"""The call budget's arithmetic on a clock of its own: its share of a key from how fast
the shared count falls, writes held only when the quota is spent, refreshes paced by
what is left, a 429 taken as its own bug, and the bandwidth budget."""

from __future__ import annotations

import asyncio

import httpx

from kiosk.services.budget import CallBudget


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def call(
    budget: CallBudget,
    remaining: int,
    reset: float,
    *,
    method: str = "GET",
    status: int = 200,
    size: int = 100,
    limit: str = "100, 100;window=60",
    extra: dict[str, str] | None = None,
) -> None:
    """One call of this desk and its answer with the platform's headers."""
    request = httpx.Request(method, "https://platform.test/x")
    headers = {
        "x-rate-limit-limit": limit,
        "x-rate-limit-remaining": str(remaining),
        "x-rate-limit-reset": str(reset),
        "content-length": str(size),
        **(extra or {}),
    }
    response = httpx.Response(status, headers=headers, request=request)

    async def both() -> None:
        for hook in budget_hooks(budget, "request"):
            await hook(request)
        for hook in budget_hooks(budget, "response"):
            await hook(response)

    asyncio.run(both())


_HOOKED: dict[int, httpx.AsyncClient] = {}


def budget_hooks(budget: CallBudget, kind: str) -> list:  # type: ignore[type-arg]
    """The hooks ``attach`` puts on a client (one client per budget, never sending)."""
    if id(budget) not in _HOOKED:
        _HOOKED[id(budget)] = httpx.AsyncClient(verify=False)
        budget.attach(_HOOKED[id(budget)])
    return list(_HOOKED[id(budget)].event_hooks[kind])


def test_its_share_follows_the_fall_of_the_shared_count() -> None:
    clock = Clock()
    budget = CallBudget("sheepCRM", ((100, 60.0),), clock=clock)
    remaining = 100
    for second in range(8):  # each of our calls comes with four from other desks
        remaining -= 5
        call(budget, remaining, 30 - second)
        clock.now += 1
    assert 4 <= budget.desks <= 5.5


def test_a_desk_joining_late_counts_only_what_came_after_it() -> None:
    clock = Clock()
    budget = CallBudget("sheepCRM", ((100, 60.0),), clock=clock)
    # Its first answer: 60 calls spent before it began, by desks it cannot count.
    call(budget, 40, 30)
    assert budget.desks == 1
    for second in range(1, 7):  # then each of its calls comes with one from another desk
        clock.now += 1
        call(budget, 40 - 2 * second, 30 - second)
    assert 1.7 <= budget.desks <= 2.3


def test_its_share_holds_steady_over_whole_windows() -> None:
    clock = Clock()
    budget = CallBudget("sheepCRM", ((400, 60.0),), clock=clock)
    # Ten desks, one call each every 30 s, spread evenly (a call every 3 s; this desk's
    # halfway between two of its neighbours'): between two of this desk's answers the
    # window of a minute has mostly reset, yet the whole windows say ten.
    for minute in range(12):
        for half in range(2):
            used = 30 * half // 3 + 6  # the key's calls so far in the window, this one's too
            clock.now += 15 if half == 0 else 30
            call(budget, 400 - used, 60 - 30 * half - 15, limit="400, 400;window=60")
        clock.now += 15
        assert minute < 2 or 8 <= budget.desks <= 12, budget.describe()


def test_a_share_counted_at_its_own_answers_is_not_read_as_fewer_desks() -> None:
    clock = Clock()
    budget = CallBudget("sheepCRM", ((400, 60.0),), clock=clock)
    # Ten desks, and this one calls once a minute, at a different moment each minute:
    # read at its answer, a window holds on average half of the others' calls.
    for minute in range(24):
        at = (minute * 7) % 60 + 0.5  # seconds into the window
        others = round(9 * at / 60)
        clock.now = 1000.0 + 60 * minute + at
        call(budget, 400 - others - 1, 60 - at, limit="400, 400;window=60")
    assert 8 <= budget.desks <= 12, budget.describe()


def test_alone_it_takes_what_the_writes_reserve_leaves() -> None:
    clock = Clock()
    budget = CallBudget("sheepCRM", ((1000, 3600.0),), clock=clock, jitter=0)
    call(budget, 999, 3600, limit="1000, 1000;window=3600")
    # Half the hour is kept for writes: 499 calls left to refresh over 3600 s.
    assert 7.0 <= budget.refresh_delay(5.0) <= 7.5
    roomy = CallBudget("sheepCRM", ((100_000, 3600.0),), clock=clock, jitter=0)
    call(roomy, 99_999, 3600, limit="100000, 100000;window=3600")
    assert roomy.refresh_delay(5.0) == 5.0


def test_refreshes_wait_while_only_the_writes_reserve_is_left() -> None:
    clock = Clock()
    budget = CallBudget("sheepCRM", ((100, 60.0),), clock=clock, jitter=0)
    call(budget, 6, 20)
    budget.waiting = 5  # five changes queued: their calls are not for refreshing
    # Asked again after a twelfth of the window (the writes' pace may change), and
    # still no room then: the refresh waits on, while the writes go.
    assert budget.refresh_delay(0.1) == 5.0
    clock.now += 5
    assert budget.refresh_room() == 5.0
    assert budget.write_delay() == 0
    clock.now += 16  # the window reset
    call(budget, 99, 60)
    assert budget.refresh_room() == 0


def test_writes_wait_only_when_the_quota_is_spent() -> None:
    clock = Clock()
    roomy = CallBudget("sheepCRM", ((100, 60.0),), clock=clock)
    call(roomy, 50, 20, method="PUT")
    assert roomy.write_delay() == 0
    budget = CallBudget("sheepCRM", ((100, 60.0),), clock=clock)
    call(budget, 1, 20, method="PUT")
    assert 19 <= budget.write_delay() <= 20
    budget.waiting = 30
    wait = budget.quota_wait()
    assert wait is not None
    assert (wait.platform, wait.calls, wait.window, wait.waiting) == ("sheepCRM", 100, 60.0, 30)
    assert 19 <= wait.eta <= 20
    clock.now += 21  # the window reset
    assert budget.write_delay() == 0


def test_a_429_is_its_own_bug_and_it_tightens() -> None:
    clock = Clock()
    budget = CallBudget("sheepCRM", ((100, 60.0),), clock=clock)
    call(budget, 40, 20, status=429, extra={"retry-after": "7"})
    assert budget.refused == 1
    assert 6.9 <= budget.write_delay() <= 7
    assert budget.refresh_delay(0.1) >= 7


def test_the_bandwidth_budget_spaces_big_rosters() -> None:
    clock = Clock()
    budget = CallBudget(
        "sheepCRM",
        ((100_000, 3600.0),),
        bandwidth=10**9,
        bandwidth_window=3600,
        clock=clock,
        jitter=0,
    )
    budget.refresh_delay(5.0)
    call(budget, 99_999, 3000, size=50_000_000, limit="100000, 100000;window=3600")
    # 50 MB a refresh against 1 GB an hour, 5 % kept in hand: one every 190 s at most.
    assert 189 <= budget.refresh_delay(5.0) <= 190
    assert budget.bandwidth_bound  # and it says so (the log, the benchmark's figures)
    assert budget.bytes_pulled() == 50_000_000


def test_a_refresh_longer_than_a_window_still_gets_its_turn() -> None:
    clock = Clock()
    budget = CallBudget("Attendu", ((60, 60.0),), clock=clock, jitter=0)
    # A list of 90 pages, more than the whole window: 50 in one window, 40 in the next.
    for first, pages in ((0, 50), (1, 40)):
        for page in range(pages):
            call(budget, 59 - page, 60 - page * 0.1, limit="60, 60;window=60")
        clock.now += 61 if first == 0 else 0
    budget.refresh_delay(5.0)
    clock.now += 61  # the window reset, nobody else on the key
    call(budget, 59, 60, limit="60, 60;window=60")
    # It may begin: waiting for room for all 90 calls would never end; its pages pace
    # themselves across windows (read_delay).
    assert budget.refresh_room() == 0


def test_a_queue_longer_than_a_window_does_not_hold_its_own_reads() -> None:
    clock = Clock()
    budget = CallBudget("Attendu", ((10, 60.0),), clock=clock)
    call(budget, 9, 50, limit="10, 10;window=60")
    budget.waiting = 50  # more changes than a window holds; a party's check-in reads first
    assert budget.read_delay() == 0
    call(budget, 2, 40, limit="10, 10;window=60")
    assert 39 <= budget.read_delay() <= 40  # the window's last calls: every desk's writes
