"""``python -m benchmarks --quick`` runs end to end and reports every budget (docs/performance.md).

This keeps the benchmark working in CI; it asserts what was measured is there and sane,
never a tight time (the figures belong to the benchmark's own JSON and the README)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.__main__ import BUDGETS

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]
ROOT = Path(__file__).resolve().parents[2]


def test_the_quick_benchmark_measures_every_budget() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick"],
        capture_output=True,
        text=True,
        timeout=280,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout)

    assert result["guests"] == 10_000
    assert set(result["budgets"]) == set(BUDGETS)
    for key in BUDGETS:
        assert isinstance(result[key], int | float), key
        assert result[key] > 0, key
    # The index is the point of search: a gross guard, far from its measured 10-16x.
    assert min(result["search_ahead_of_baselines"].values()) > 2
    assert result["sync_guests"] == 10_000
    assert "10000 guests" in result["startup_ready_line"]
    assert result["drain_changes"] == 200
    assert result["numbers_counts_right"] is True  # the panel counted what the roster says
    assert 0 < result["search_p50_ms"] <= result["search_p95_ms"]
    assert set(result["search_baselines"]) == {"python_scan", "sqlite_like"}
    machine = result["machine"]
    assert machine["cpus"] >= 1
    assert machine["python"].count(".") == 2
    for package in ("PySide6-Essentials", "qasync", "httpx", "kiosk-checkin"):
        assert machine["versions"][package], package
