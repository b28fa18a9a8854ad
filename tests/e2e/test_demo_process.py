"""The whole app as a separate process: `kiosk --demo` starts, is ready, and SIGTERM
ends it cleanly with exit code 0."""

from __future__ import annotations

import os
import re
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def _read_until(proc: subprocess.Popen[str], needle: str, timeout: float) -> str:
    """Lines of stdout until one contains ``needle``; fails on exit or timeout."""
    assert proc.stdout is not None
    selector = selectors.DefaultSelector()
    selector.register(proc.stdout, selectors.EVENT_READ)
    seen: list[str] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not selector.select(timeout=max(0.0, deadline - time.monotonic())):
            continue
        line = proc.stdout.readline()
        if not line:
            break
        seen.append(line)
        if needle in line:
            return line
    proc.kill()
    _, err = proc.communicate(timeout=10)
    pytest.fail(f"never saw {needle!r}; stdout={seen!r} stderr={err[-3000:]!r}")


@pytest.mark.parametrize("platform", ["sheepcrm", "attendu"])
def test_demo_starts_and_exits_zero_on_sigterm(tmp_path: Path, platform: str) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
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
    try:
        ready = _read_until(proc, "Kiosk ready", timeout=40)
        assert re.search(r"online, [1-9]\d* guests", ready), ready
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err[-3000:]
    assert "Traceback" not in err
