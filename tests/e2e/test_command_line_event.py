"""What is asked on the command line wins over the saved profile: ``kiosk --event B``
with a profile for event A works on B (found by an attack: it opened A without a word)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk import config
from kiosk.sandbox import Sandbox
from tests.e2e.process import app_env, read_until, reaped, sigterm_exits_cleanly

pytestmark = pytest.mark.slow

EVENT_A = "0123456789abcdef01234567"  # the saved profile's event, not the one asked for


def test_event_on_the_command_line_wins_over_the_profile(tmp_path: Path) -> None:
    with Sandbox(guests=60, seed=5) as sandbox:
        connection = dict(sandbox.info["sheepcrm"])
        config.save_profile(
            config.Profile(
                platform="sheepcrm",
                base_url=connection["base_url"],
                bucket=connection["bucket"],
                event=EVENT_A,
                kiosk_id="desk-a",
            ),
            tmp_path / "config" / "kiosk" / "default.toml",
        )
        env = app_env(tmp_path, **{config.API_KEY_ENV: connection["api_key"]})
        proc = subprocess.Popen(
            [sys.executable, "-m", "kiosk", "--event", connection["event"],
             "--refresh-interval", "60"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        )  # fmt: skip
        with reaped(proc):
            ready = read_until(proc, "Kiosk ready", timeout=40)
            assert re.search(r"online, 60 guests", ready), ready
            sigterm_exits_cleanly(proc, timeout=20)
        asked = [r.path + "?" + r.query_string for r in sandbox.requests(platform="sheepcrm")]
    assert any(connection["event"] in line for line in asked), asked
    assert not any(EVENT_A in line for line in asked), asked
    data = tmp_path / "data" / "kiosk"
    assert config.store_file(data, "default", "sheepcrm", connection["event"]).exists()
    assert not config.store_file(data, "default", "sheepcrm", EVENT_A).exists()
