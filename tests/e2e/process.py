"""Helpers for tests that run Kiosk as a process of its own."""

from __future__ import annotations

import contextlib
import os
import selectors
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from kiosk.backends.attendu import ASSUMED_CODES, read_status
from kiosk.domain import Status


def app_env(home: Path, base: Mapping[str, str] | None = None, **extra: str) -> dict[str, str]:
    """The environment for Kiosk as a process of its own: Qt offscreen and every XDG
    folder under ``home``, so it never touches the user's own profile, data or logs.
    ``base`` is what it starts from (this process's environment unless given)."""
    return {
        **(os.environ if base is None else base),
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"),
        **extra,
    }


def read_until(proc: subprocess.Popen[str], needle: str, timeout: float) -> str:
    """Lines of stdout until one contains ``needle`` (returned); fails with what the
    process said when it exits or the time runs out first."""
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
    pytest.fail(f"never saw {needle!r}; stdout={seen!r} stderr={(err or '')[-3000:]!r}")


@contextlib.contextmanager
def reaped(proc: subprocess.Popen[str]) -> Iterator[subprocess.Popen[str]]:
    """Kill the process if the test fails before it has ended."""
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()


def sigterm_exits_cleanly(proc: subprocess.Popen[str], timeout: float) -> None:
    """SIGTERM; the process must end with exit code 0 and no traceback."""
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=timeout)
    err = err or ""
    assert proc.returncode == 0, err[-3000:]
    assert "Traceback" not in err


def attendu_status(guest: dict[str, Any]) -> Status:
    """An Attendu guest's status as Kiosk reads it (the sandbox's JSON)."""
    state = guest["status"]
    return read_status(
        state["confirmation"],
        state["attendance"],
        state.get("declineMessage") or "",
        ASSUMED_CODES,
        event_ended=False,
    )


def wait_for(predicate: Callable[[], object], timeout: float, what: str) -> None:
    """Poll until ``predicate`` holds: another process has no event to wait on."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.05)


def start_attendu_desk(
    connection: dict[str, str], env: dict[str, str], kiosk_id: str
) -> subprocess.Popen[str]:
    """Kiosk as a process of its own on the sandbox's Attendu, refreshing rarely."""
    return subprocess.Popen(
        [
            sys.executable, "-m", "kiosk",
            "--platform", "attendu",
            "--base-url", connection["base_url"],
            "--event", connection["event"],
            "--kiosk-id", kiosk_id,
            "--refresh-interval", "60",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )  # fmt: skip
