"""Start-up: ``python -m kiosk`` from process start to its ``Kiosk ready:`` line (the
window shown with every cached guest searchable), with the roster cached on disk (what
``benchmarks.sync`` leaves behind) and the platform out of reach, so the figure is the
window's own start, not the network's."""

from __future__ import annotations

import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from kiosk import config
from kiosk.store.local import roster_path

PROFILE = "bench"
UNREACHABLE = "http://127.0.0.1:9/sheepcrm"  # the discard port: nothing listens


def prepare(store: Path, event: str) -> Path:
    """A fresh home for the app (XDG folders) holding ``store`` (the outbox and the
    roster cache beside it) where the app looks."""
    home = Path(tempfile.mkdtemp(prefix="kiosk-start-"))
    target = config.store_file(home / "data" / config.APP_NAME, PROFILE, "sheepcrm", event)
    target.parent.mkdir(parents=True)
    shutil.copyfile(store, target)
    shutil.copyfile(roster_path(store), roster_path(target))
    return home


def once(home: Path, event: str, timeout: float = 60) -> tuple[float, str]:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CACHE_HOME=str(home / "cache"),
        KIOSK_API_KEY="benchmark-key",
    )
    command = [
        sys.executable, "-m", "kiosk", "--platform", "sheepcrm", "--base-url", UNREACHABLE,
        "--bucket", "demo", "--event", event, "--profile", PROFILE, "--log-level", "WARNING",
    ]  # fmt: skip
    start = time.perf_counter()
    proc = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    try:
        assert proc.stdout is not None
        deadline = start + timeout
        for line in proc.stdout:
            if line.startswith("Kiosk ready:"):
                return time.perf_counter() - start, line.strip()
            if time.perf_counter() > deadline:
                break
        raise RuntimeError("kiosk never printed its ready line")
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def compile_kiosk() -> None:
    """Compile Kiosk's modules to bytecode first, as ``pip install`` and the bundle do:
    with ``PYTHONDONTWRITEBYTECODE`` set (some CI machines set it) a source checkout is
    compiled again at every start, 0.1 s that no installed Kiosk pays."""
    import compileall

    import kiosk

    compileall.compile_dir(Path(kiosk.__file__).parent, quiet=1)


def measure(store: Path, event: str, runs: int) -> dict[str, Any]:
    """``startup_cold_s``: the first start on the store as a sync left it (the roster read
    from SQLite and indexed, as after a crash; the OS file cache is cold too). That run
    closes cleanly and leaves the start-up snapshot, as every clean close does:
    ``startup_s`` is the median of the starts after it."""
    compile_kiosk()
    home = prepare(store, event)
    try:
        cold, _line = once(home, event)
        times, line = [], ""
        for _ in range(runs):
            seconds, line = once(home, event)
            times.append(seconds)
        return {
            "startup_s": round(statistics.median(times), 3),
            "startup_runs_s": [round(t, 3) for t in times],
            "startup_cold_s": round(cold, 3),
            "startup_ready_line": line,
        }
    finally:
        shutil.rmtree(home, ignore_errors=True)
