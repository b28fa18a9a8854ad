"""``python -m benchmarks.quota_model``: the many-desks benchmark as a model, in seconds.

The same question as ``benchmarks.multidesk`` (N desks on one sheepCRM key, a rush of
check-ins spread over the hour: how long until the other desks show a change?), asked of
the real ``CallBudget`` on a simulated clock: the sandbox's own ``QuotaCounter`` counts
the calls and writes the headers, and each desk's budget hears them through the same
httpx hooks it uses in the app. No network, no processes, no roster: a refresh is one
call answered at once that shows every change the platform had (the desk shows them
``--latency`` seconds later: the roster's download and merge). An hour of ten desks
runs in about a second, so a change to the budget can be tried on many seeds before the
real benchmark confirms it. Times are platform time; desks open 420 s before the rush,
as in the benchmark.
"""

from __future__ import annotations

import argparse
import dataclasses
import heapq
import json
import random
import sys
from collections.abc import Coroutine, Sequence
from typing import Any

import httpx

from benchmarks.common import percentile
from benchmarks.multidesk import windows
from kiosk.sandbox.quota import SHEEPCRM_WINDOWS, Quota, QuotaCounter
from kiosk.services.budget import CallBudget

HOUR = 3600.0
#: Desks open before the rush, as in the benchmark (its start-up, in platform time).
OPEN_BEFORE_S = 420.0
#: After the hour, the model runs until every desk refreshed once more, this long at most.
TAIL_MAX_S = 900.0
FLOOR_S = 5.0


class Clock:
    """Model time (the rush begins at 0), as a monotonic clock that never reads below 0."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now + 10 * HOUR


def _run(coroutine: Coroutine[Any, Any, None]) -> None:
    """Run a hook that never waits, without an event loop."""
    try:
        coroutine.send(None)
    except StopIteration:
        return
    raise RuntimeError("a budget hook waited")


@dataclasses.dataclass
class Desk:
    index: int
    budget: CallBudget
    hooks: dict[str, list[Any]]
    queue: list[str] = dataclasses.field(default_factory=list)
    seen: dict[str, float] = dataclasses.field(default_factory=dict)
    refreshes: int = 0
    sending: bool = False
    last: float | None = None  # its last refresh


class Model:
    def __init__(self, desks: int, checkins: int, seed: int, latency: float) -> None:
        self.clock = Clock()
        self.clock.now = -OPEN_BEFORE_S
        self.counter = QuotaCounter(Quota(SHEEPCRM_WINDOWS, enforce=True), clock=self.clock)
        self.latency = latency
        self.rng = random.Random(seed)
        self.events: list[tuple[float, int, str, int, str]] = []
        self._seq = 0
        self.delivered: dict[str, float] = {}  # guest → when the platform had it
        self.changed: dict[str, tuple[int, float]] = {}  # guest → (desk, when)
        self.calls: list[tuple[float, int]] = []  # (when, status)
        self.gaps: list[float] = []  # between two refreshes of a desk, in the hour
        self.desks = []
        for i in range(desks):
            budget = CallBudget("sheepCRM", SHEEPCRM_WINDOWS, clock=self.clock)
            budget._random.seed(seed * 1000 + i)
            client = httpx.AsyncClient()
            budget.attach(client)
            self.desks.append(Desk(i, budget, dict(client.event_hooks)))
        for i in range(desks):
            self._at(-OPEN_BEFORE_S + i * 1.5, "refresh", i)
        for n in range(checkins):
            self._at(self.rng.uniform(0, HOUR), "change", n % desks, f"g{n}")

    def _at(self, when: float, kind: str, desk: int, guest: str = "") -> None:
        self._seq += 1
        heapq.heappush(self.events, (when, self._seq, kind, desk, guest))

    def _call(self, desk: Desk, method: str) -> int:
        request = httpx.Request(method, "https://sheepcrm.test/x")
        for hook in desk.hooks["request"]:
            _run(hook(request))
        verdict = self.counter.hit("key")
        status = 200 if verdict.allowed else 429
        self.calls.append((self.clock.now, status))
        response = httpx.Response(status, headers=verdict.headers, request=request)
        for hook in desk.hooks["response"]:
            _run(hook(response))
        return status

    def run(self) -> dict[str, Any]:
        end = HOUR + TAIL_MAX_S
        while self.events:
            when, _seq, kind, index, guest = heapq.heappop(self.events)
            if when > end or (when > HOUR and self._all_caught_up()):
                break
            self.clock.now = max(self.clock.now, when)
            desk = self.desks[index]
            if kind == "change":
                self.changed[guest] = (index, self.clock.now)
                desk.queue.append(guest)
                desk.budget.note_activity()
                if not desk.sending:
                    desk.sending = True
                    self._at(self.clock.now, "send", index)
            elif kind == "send":
                self._send(desk)
            elif kind == "refresh":
                self._refresh(desk)
        return self._figures()

    def _all_caught_up(self) -> bool:
        """Every desk delivered its changes and refreshed after the last was delivered."""
        last = max(self.delivered.values(), default=0.0)
        return all(not d.queue and d.last is not None and d.last >= last for d in self.desks)

    def _send(self, desk: Desk) -> None:
        budget = desk.budget
        budget.waiting = len(desk.queue)
        if not desk.queue:
            desk.sending = False
            return
        wait = budget.write_delay()
        if wait > 0:
            self._at(self.clock.now + wait, "send", desk.index)
            return
        budget.take_write()
        asked = self.clock.now
        if self._call(desk, "PUT") == 200:
            guest = desk.queue.pop(0)
            self.delivered[guest] = asked
            desk.seen.setdefault(guest, self.clock.now)
        budget.waiting = len(desk.queue)
        self._at(self.clock.now, "send", desk.index)

    def _refresh(self, desk: Desk) -> None:
        budget = desk.budget
        if budget.waiting and (held := budget.write_delay()) > 0:
            self._at(self.clock.now + held, "refresh", desk.index)
            return
        if (room := budget.refresh_room()) > 0:
            self._at(self.clock.now + room, "refresh", desk.index)
            return
        asked = self.clock.now
        if self._call(desk, "GET") == 200:
            desk.refreshes += 1
            if desk.last is not None and 0 <= asked <= HOUR:
                self.gaps.append(asked - desk.last)
            desk.last = asked
            for guest, at in self.delivered.items():
                if at <= asked:
                    desk.seen.setdefault(guest, self.clock.now + self.latency)
        self._at(self.clock.now + budget.refresh_delay(FLOOR_S), "refresh", desk.index)

    def _figures(self) -> dict[str, Any]:
        seen: list[float] = []
        missing = 0
        for guest, (origin, at) in self.changed.items():
            for desk in self.desks:
                if desk.index != origin:
                    if guest in desk.seen:
                        seen.append(desk.seen[guest] - at)
                    else:
                        missing += 1
        counted = [t for t, status in self.calls if status != 429]
        return {
            "calls_busiest_hour": max(windows(counted, HOUR)),
            "calls_busiest_minute": max(windows(counted, 60.0)),
            "refused": sum(1 for _t, s in self.calls if s == 429),
            "undelivered": sum(len(d.queue) for d in self.desks),
            "seen_p50_s": round(percentile(seen, 0.5), 1) if seen else None,
            "seen_p95_s": round(percentile(seen, 0.95), 1) if seen else None,
            "missing": missing,
            "refreshes": [d.refreshes for d in self.desks],
            "desks_estimated": [round(d.budget.desks, 1) for d in self.desks],
            "worst_gap_s": round(max(self.gaps), 1) if self.gaps else None,
        }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.quota_model", description=__doc__)
    parser.add_argument("--desks", default="1,3,10")
    parser.add_argument("--checkins", type=int, default=500)
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--latency", type=float, default=2.0, help="a refresh's seconds")
    args = parser.parse_args(argv)
    runs = []
    for count in (int(n) for n in args.desks.split(",")):
        for seed in range(args.seeds):
            figures = Model(count, args.checkins, seed, args.latency).run()
            figures.update(desks=count, seed=seed)
            runs.append(figures)
            print(
                f"{count:>2} desks, seed {seed}: calls {figures['calls_busiest_hour']}/1000 in "
                f"the busiest hour, {figures['calls_busiest_minute']}/400 in a minute, "
                f"refused {figures['refused']}, undelivered {figures['undelivered']}, seen "
                f"p50 {figures['seen_p50_s']} s p95 {figures['seen_p95_s']} s, missing "
                f"{figures['missing']}, longest pause {figures['worst_gap_s']} s, refreshes "
                f"{figures['refreshes']}, desks estimated {figures['desks_estimated']}",
                flush=True,
            )
    print(json.dumps(runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
