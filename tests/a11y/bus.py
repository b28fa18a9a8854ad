"""A desktop session a screen reader could use, for tests: an X server (Xvfb), a D-Bus
session bus, the AT-SPI bus, Kiosk as a process of its own with Qt's accessibility on,
and an AT-SPI reader (``atspi_probe.py``) speaking for Orca.

The reader runs under the system Python because pyatspi comes from the distribution
(python3-pyatspi), not from PyPI. ``./dev test`` installs it; run elsewhere without it,
these tests skip and say what is missing, unless KIOSK_REQUIRE_A11Y=1 (set by ``./dev
test``) makes a missing piece a failure."""

from __future__ import annotations

import contextlib
import json
import os
import queue
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.process import app_env, read_until

SYSTEM_PYTHON = "/usr/bin/python3"
PROBE = Path(__file__).with_name("atspi_probe.py")
BUS_LAUNCHERS = ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher")


def missing_tools() -> list[str]:
    """What this machine lacks to read Kiosk over AT-SPI (empty: all there)."""
    missing = [tool for tool in ("Xvfb", "dbus-launch") if shutil.which(tool) is None]
    if not any(Path(p).exists() for p in BUS_LAUNCHERS):
        missing.append("at-spi-bus-launcher (at-spi2-core)")
    if (
        not Path(SYSTEM_PYTHON).exists()
        or subprocess.run(
            [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, check=False
        ).returncode
    ):
        missing.append("pyatspi for /usr/bin/python3 (python3-pyatspi, gir1.2-atspi-2.0)")
    return missing


def require_tools() -> None:
    missing = missing_tools()
    if missing:
        message = "cannot read Kiosk over AT-SPI here, missing: " + ", ".join(missing)
        if os.environ.get("KIOSK_REQUIRE_A11Y") == "1":
            pytest.fail(message + " (./dev test installs them)")
        pytest.skip(message)


@contextlib.contextmanager
def desktop_session() -> Iterator[dict[str, str]]:
    """Xvfb, a session bus and the AT-SPI bus; yields the environment that reaches them."""
    require_tools()
    procs: list[subprocess.Popen[bytes]] = []
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    procs.append(xvfb)
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as pipe:
            display = ":" + pipe.readline().strip()
        env = {**os.environ, "DISPLAY": display}
        launched = subprocess.run(
            ["dbus-launch", "--sh-syntax"], capture_output=True, text=True, env=env, check=True,
            timeout=30,
        )  # fmt: skip
        values = dict(
            line.split("=", 1)
            for line in launched.stdout.replace("'", "").replace(";", "").split("\n")
            if "=" in line and not line.startswith("export")
        )
        env["DBUS_SESSION_BUS_ADDRESS"] = values["DBUS_SESSION_BUS_ADDRESS"]
        bus_pid = int(values["DBUS_SESSION_BUS_PID"])
        launcher = next(p for p in BUS_LAUNCHERS if Path(p).exists())
        procs.append(
            subprocess.Popen(
                [launcher, "--launch-immediately"],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        yield env
    finally:
        for proc in reversed(procs):
            proc.kill()
            proc.wait(timeout=10)
        with contextlib.suppress(NameError, ProcessLookupError):
            os.kill(bus_pid, 9)


class Reader:
    """The AT-SPI reader process: ``ask`` gives it an order and returns its answer."""

    def __init__(self, env: dict[str, str]) -> None:
        self.proc = subprocess.Popen(
            [SYSTEM_PYTHON, str(PROBE)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={k: v for k, v in env.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))},
        )
        self.answers: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()
        assert self._next(30) == "ready"

    def _pump(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.answers.put(line)

    def _next(self, timeout: float) -> Any:
        try:
            line = self.answers.get(timeout=timeout)
        except queue.Empty:
            err = (
                self.proc.stderr.read() if self.proc.poll() is not None and self.proc.stderr else ""
            )
            pytest.fail(f"the AT-SPI reader did not answer in {timeout} s {err[-2000:]}")
        answer = json.loads(line)
        if not answer["ok"]:
            pytest.fail(f"the AT-SPI reader failed: {answer['error']}")
        return answer["value"]

    def ask(self, timeout: float = 60, **order: Any) -> Any:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(order) + "\n")
        self.proc.stdin.flush()
        return self._next(timeout)

    def close(self) -> None:
        self.proc.kill()
        self.proc.communicate(timeout=10)  # closes the pipes too


def start_kiosk(home: Path, env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    """Kiosk on a real X display with Qt's AT-SPI bridge on, as Orca would find it."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "--demo", "--demo-seed", "7", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=app_env(
            home,
            base=env,
            QT_QPA_PLATFORM="xcb",
            QT_ACCESSIBILITY="1",
            QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
            KIOSK_API_KEY="not-used",
        ),
    )
    read_until(proc, "Kiosk ready", timeout=60)
    return proc


def eventually(probe: Callable[[], Any], what: str, timeout: float = 20) -> Any:
    """The first truthy answer of ``probe``; another process has no event to wait on."""
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}; last saw {value!r}")
        time.sleep(0.1)


def walk(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield node
    for child in node.get("children", ()):
        yield from walk(child)


def spoken(node: dict[str, Any]) -> str:
    """What a screen reader can say of one object: its name, description and text."""
    return " | ".join(t for t in (node["name"], node["description"], node.get("text") or "") if t)
