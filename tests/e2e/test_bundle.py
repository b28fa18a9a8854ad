"""The standalone bundle: packaging/build.py builds it, it says its version, starts
offscreen on the demo, gets ready, logs to its file, and exits 0 on SIGTERM."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk import __version__
from kiosk.config import APP_ID
from tests.e2e.process import app_env, read_until, reaped, sigterm_exits_cleanly

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
#: A fresh one-folder build takes ~40 s on the 2-core machine; leave room for a slow day.
BUILD_TIMEOUT_S = 240


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The bundle, built once for this module by the one build script; removed after
    (it is ~190 MB)."""
    where = tmp_path_factory.mktemp("bundle")
    started = time.monotonic()
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "packaging" / "build.py"),
            "--dist",
            str(where / "dist"),
            "--work",
            str(where / "work"),
        ],
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_S,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-5000:]
    summary = next(
        (line for line in result.stdout.splitlines() if " bundle: " in line),
        f"(no summary line; {time.monotonic() - started:.0f} s)",
    )
    yield where / "dist" / "kiosk", summary
    shutil.rmtree(where, ignore_errors=True)


@pytest.mark.timeout(BUILD_TIMEOUT_S + 60)
def test_bundle_builds_and_reports_size_and_time(
    built: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    bundle, summary = built
    with capsys.disabled():
        print(f"\n{summary}")
    match = re.search(r"\((\d+) MB, (\d+) files\), built in (\d+) s", summary)
    assert match, summary
    assert 50 < int(match[1]) < 400
    program = bundle / "kiosk"
    assert program.is_file()
    assert os.access(program, os.X_OK)
    # Qt's own translations come with the PySide6 hooks; ours ride in resources_rc.
    assert list((bundle / "_internal").rglob("qtbase_de.qm"))
    # Desktop integration laid out for install.sh.
    assert (bundle / "install.sh").is_file()
    assert (bundle / "share" / "applications" / f"{APP_ID}.desktop").is_file()
    assert (bundle / "share" / "icons" / "hicolor" / "256x256" / "apps" / f"{APP_ID}.png").is_file()
    assert (bundle / "share" / "kiosk" / "kiosk.service").is_file()


@pytest.mark.timeout(BUILD_TIMEOUT_S + 60)
def test_bundle_says_its_version(built: tuple[Path, str]) -> None:
    bundle, _ = built
    done = subprocess.run(
        [str(bundle / "kiosk"), "--version"], capture_output=True, text=True, timeout=30
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"kiosk {__version__}"


@pytest.mark.timeout(BUILD_TIMEOUT_S + 60)
def test_bundle_runs_the_demo_and_exits_zero_on_sigterm(
    built: tuple[Path, str], tmp_path: Path
) -> None:
    bundle, _ = built
    # Only what a desktop session would give it: no venv, no PYTHONPATH, no source tree.
    env = app_env(
        tmp_path,
        base={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path / "home"), "LANG": "C.UTF-8"},
    )
    proc = subprocess.Popen(
        [str(bundle / "kiosk"), "--demo", "--demo-guests", "120"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    with reaped(proc):
        ready = read_until(proc, "Kiosk ready", timeout=60)
        assert re.search(r"online, [1-9]\d* guests", ready), ready
        sigterm_exits_cleanly(proc, timeout=30)

    log_file = tmp_path / "state" / "kiosk" / "log" / "kiosk.log"
    text = log_file.read_text(encoding="utf-8")
    assert f"Kiosk {__version__} starting; log file {log_file}" in text
    assert "shutting down" in text
    assert " ERROR " not in text
    assert " CRITICAL " not in text
