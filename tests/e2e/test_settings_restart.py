"""Saving Settings restarts the desk inside the same Kiosk process, on the saved profile
(issue 18: "changing event/platform/key applies")."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kiosk import config
from kiosk.sandbox import Sandbox
from tests.e2e.process import app_env

pytestmark = pytest.mark.slow

# Kiosk itself, with Settings' Save pressed 1.5 s into the first run (what SettingsFlow
# does on Save: request_restart), and SIGTERM 1.5 s into the second.
DRIVER = """
import os, signal, sys
from PySide6.QtCore import QTimer
from kiosk import app
from kiosk.ui import settings_flow

built = []
original = settings_flow.SettingsFlow.__init__

def watched(self, *args, **kwargs):
    original(self, *args, **kwargs)
    built.append(self)
    if len(built) == 1:
        QTimer.singleShot(1500, self.request_restart)
    else:
        QTimer.singleShot(1500, lambda: os.kill(os.getpid(), signal.SIGTERM))

settings_flow.SettingsFlow.__init__ = watched
sys.exit(app.main([]))
"""


def test_saved_settings_restart_the_desk_in_the_same_process(
    sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = app_env(tmp_path)
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, env[name])
    conn = sandbox.info["sheepcrm"]
    profile = config.Profile("sheepcrm", conn["base_url"], conn["event"], conn["bucket"], "d-1")
    config.save_profile(profile, config.profile_path("default"))
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(driver)],
        env={**env, config.API_KEY_ENV: conn["api_key"]},
        capture_output=True,
        text=True,
        timeout=50,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    ready = [line for line in done.stdout.splitlines() if line.startswith("Kiosk ready")]
    assert len(ready) == 2, done.stdout  # up, restarted, up again
    assert "the desk restarts to apply them" in done.stderr
