"""The call budget's policy, asked of the quota model (``benchmarks.quota_model``): the real
``CallBudget`` of every desk, the sandbox's quota counter, a simulated clock. The model is
deterministic per seed, so these are the benchmark's budgets held on a few fixed hours,
not timings."""

from __future__ import annotations

import statistics
from typing import Any

import pytest

from benchmarks.quota_model import Model


def hour(desks: int, seed: int) -> dict[str, Any]:
    return Model(desks, checkins=500, seed=seed, latency=2.0).run()


@pytest.mark.timeout(60)
def test_ten_desks_share_the_documented_quota_and_see_each_other_within_90_s() -> None:
    runs = [hour(10, seed) for seed in range(3)]
    for figures in runs:
        assert figures["refused"] == 0
        assert figures["undelivered"] == 0
        assert figures["missing"] == 0
        assert figures["calls_busiest_hour"] <= 1000
        assert figures["calls_busiest_minute"] <= 400
        # The quota is used, not wasted: the writes and the refreshes spend most of it.
        assert figures["calls_busiest_hour"] >= 900
    # One refresh every 72 s or so each, evenly enough that nine in ten changes show
    # on every other desk within 90 s.
    assert statistics.mean(f["seen_p95_s"] for f in runs) <= 90


@pytest.mark.timeout(60)
def test_a_desk_alone_or_with_two_others_refreshes_often() -> None:
    (alone,) = [hour(1, 0)]
    assert alone["refused"] == 0
    assert alone["worst_gap_s"] <= 30
    three = hour(3, 0)
    assert three["refused"] == 0
    assert three["missing"] == 0
    assert three["seen_p95_s"] <= 40
