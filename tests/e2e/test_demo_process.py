"""The whole app as a separate process: `kiosk --demo` starts, is ready, and SIGTERM
ends it cleanly with exit code 0."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.process import app_env, read_until, reaped, sigterm_exits_cleanly

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("platform", ["sheepcrm", "attendu"])
def test_demo_starts_and_exits_zero_on_sigterm(tmp_path: Path, platform: str) -> None:
    env = app_env(tmp_path)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kiosk",
            "--demo",
            "--demo-guests",
            "120",
            "--demo-platform",
            platform,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    with reaped(proc):
        ready = read_until(proc, "Kiosk ready", timeout=40)
        assert re.search(r"online, [1-9]\d* guests", ready), ready
        sigterm_exits_cleanly(proc, timeout=20)
