"""Closing Kiosk leaves a start-up snapshot; the next start, even with the platform out
of reach, opens on every guest from it. A damaged snapshot is passed over for the cache."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kiosk import config
from kiosk.sandbox import Sandbox
from kiosk.store.snapshot import snapshot_path
from tests.e2e.process import app_env, read_until, reaped, sigterm_exits_cleanly

pytestmark = [pytest.mark.slow, pytest.mark.timeout(120)]
GUESTS = 300


def _start(connection: dict[str, str], env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable, "-m", "kiosk",
            "--platform", "sheepcrm",
            "--base-url", connection["base_url"],
            "--bucket", connection["bucket"],
            "--event", connection["event"],
            "--refresh-interval", "60",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )  # fmt: skip


def _ready(connection: dict[str, str], env: dict[str, str]) -> str:
    proc = _start(connection, env)
    with reaped(proc):
        line = read_until(proc, "Kiosk ready", timeout=60)
        sigterm_exits_cleanly(proc, timeout=30)
    return line


def test_a_restart_opens_on_the_snapshot_and_passes_over_a_damaged_one(tmp_path: Path) -> None:
    sandbox = Sandbox(guests=GUESTS, seed=5)
    sandbox.start(0)
    connection = dict(sandbox.info["sheepcrm"])
    env = app_env(tmp_path, **{config.API_KEY_ENV: connection["api_key"]})
    store = config.store_file(
        tmp_path / "data" / "kiosk", "default", "sheepcrm", connection["event"]
    )
    snapshot = snapshot_path(store)
    log_file = tmp_path / "state" / "kiosk" / "log" / "kiosk.log"
    try:
        first = _ready(connection, env)
        assert "online" in first
    finally:
        sandbox.stop()  # from here on the platform is out of reach
    guests = int(first.split(",")[-1].split()[0])
    assert guests > 0
    assert snapshot.exists(), "a clean close leaves the start-up snapshot"

    second = _ready(connection, env)
    assert f"{guests} guests" in second  # every guest, from the snapshot, offline
    assert "snapshot read" in log_file.read_text(encoding="utf-8")

    snapshot.write_bytes(snapshot.read_bytes()[:200])  # cut short, as by a full disk
    third = _ready(connection, env)
    assert f"{guests} guests" in third  # from the cache instead
    log = log_file.read_text(encoding="utf-8")
    assert "start-up snapshot" in log
    assert "unusable" in log
    stages = [line for line in log.splitlines() if "start-up:" in line]
    assert "snapshot read" in stages[-2]
    assert "cache read" in stages[-1]
