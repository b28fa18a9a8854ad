"""What tripped a new user on the command line (issue 18), as the terminal shows it:
an error said twice, options without a description, and no display ending in an abort
(status 134) that blamed libxcb-cursor0."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk import config
from tests.e2e.process import app_env

pytestmark = pytest.mark.slow


def _kiosk(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=50,
        check=False,
    )


def test_a_setting_that_stops_kiosk_is_said_once_on_the_terminal(tmp_path: Path) -> None:
    env = app_env(tmp_path, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    env.pop(config.API_KEY_ENV, None)
    done = _kiosk(
        env,
        *("--platform", "sheepcrm", "--base-url", "http://127.0.0.1:9"),
        *("--bucket", "demo", "--event", "e1"),
    )
    assert done.returncode == 2
    said = [line for line in done.stderr.splitlines() if "No API key" in line]
    assert len(said) == 1, done.stderr
    assert said[0].startswith("kiosk: ")
    # The log file still has it, for support.
    log = next((tmp_path / "state").rglob("kiosk.log"), None) or next(tmp_path.rglob("kiosk.log"))
    assert "No API key" in log.read_text(encoding="utf-8")


def test_every_option_in_help_says_what_it_does(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        config.parse_args(["--help"])
    assert exited.value.code == 0
    lines = capsys.readouterr().out.splitlines()
    start = lines.index("options:")
    bare = []
    for number, line in enumerate(lines[start + 1 :], start + 1):
        found = re.match(r"  (-\S+(?: \S+)?(?:, -\S+(?: \S+)?)*)(\s{2,}\S.*)?$", line)
        if found is None:
            continue
        following = lines[number + 1] if number + 1 < len(lines) else ""
        described = found.group(2) or re.match(r"\s{10,}\S", following)
        if not described:
            bare.append(found.group(1))
    assert bare == []


def test_no_display_is_said_plainly_with_status_2(tmp_path: Path) -> None:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env.update({k: v for k, v in app_env(tmp_path).items() if k.startswith("XDG_")})
    done = _kiosk(env, "--demo")
    assert done.returncode == 2, done.stderr
    assert "no display" in done.stderr
    assert "libxcb" not in done.stderr
    assert done.stderr.count("kiosk:") == 1
