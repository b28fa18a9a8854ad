"""Leaving the kiosk from outside: SIGHUP (a session hanging up) and SIGINT (Ctrl+C) end
Kiosk as SIGTERM does, after a flush and with exit code 0, never by the signal itself."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.process import app_env, read_until, reaped

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGINT], ids=["SIGHUP", "SIGINT"])
def test_hangup_and_interrupt_end_the_kiosk_cleanly(tmp_path: Path, signum: int) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "--demo", "--kiosk", "--demo-guests", "60"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=app_env(tmp_path, KIOSK_API_KEY="not-used"),
    )
    with reaped(proc):
        read_until(proc, "Kiosk ready", timeout=40)
        proc.send_signal(signum)
        _, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err[-3000:]
    assert "shutting down" in err  # the clean path: flushed, not killed by the signal
    assert "Traceback" not in err
