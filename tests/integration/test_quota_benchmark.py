"""The multi-desk benchmark, run small: desk processes on one sandbox quota print every
figure, and none of their calls is refused."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

FIGURES = (
    "calls_busiest_hour",
    "quota_hour",
    "calls_busiest_minute",
    "quota_minute",
    "calls_refused",
    "delivery_p50_s",
    "delivery_p95_s",
    "seen_p50_platform_s",
    "seen_p95_platform_s",
    "bytes_per_desk_hour_mb",
    "refreshes_per_desk",
    "refresh_p95_s",
)


@pytest.mark.timeout(90)
def test_the_quick_multidesk_benchmark_prints_every_figure_and_refuses_nothing() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.multidesk", "--quick"],
        capture_output=True,
        text=True,
        timeout=80,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.strip().splitlines()
    assert "refused 0" in lines[0]
    assert "seen by others p50" in lines[0]
    (run,) = json.loads(lines[-1])["runs"]
    assert all(name in run for name in FIGURES)
    assert run["calls_refused"] == 0
    assert run["delivered"] == run["changes"] == run["checkins"]
    assert run["seen_missing"] == 0
    assert 0 < run["calls_busiest_hour"] <= run["quota_hour"]
    assert 0 < run["calls_busiest_minute"] <= run["quota_minute"]
