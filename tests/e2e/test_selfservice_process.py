"""Self-service mode as a separate process: `kiosk --demo --kiosk` starts full screen and
SIGTERM still ends it with 0; a profile with no staff PIN refuses to start (code 2)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kiosk import config
from tests.e2e.process import app_env, read_until, reaped, sigterm_exits_cleanly

pytestmark = pytest.mark.slow


def _env(tmp_path: Path) -> dict[str, str]:
    return app_env(tmp_path, KIOSK_API_KEY="not-used")


def test_the_demo_kiosk_starts_and_exits_zero_on_sigterm(tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "--demo", "--kiosk", "--demo-guests", "60"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(tmp_path),
    )
    with reaped(proc):
        assert "1234" in read_until(proc, "Demo staff PIN", timeout=40)
        read_until(proc, "Kiosk ready", timeout=40)
        sigterm_exits_cleanly(proc, timeout=20)


def test_self_service_without_a_staff_pin_says_how_to_set_one(tmp_path: Path) -> None:
    profile = config.Profile(
        "attendu",
        "http://127.0.0.1:9/api",
        "e1",
        kiosk=config.KioskSettings(enabled=True),
    )
    config.save_profile(profile, tmp_path / "config" / "kiosk" / "default.toml")
    done = subprocess.run(
        [sys.executable, "-m", "kiosk"],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=40,
    )
    assert done.returncode == 2, done.stderr[-3000:]
    assert "kiosk --set-pin" in done.stderr
