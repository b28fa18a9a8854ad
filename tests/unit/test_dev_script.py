"""``./dev`` decides what is missing the same way every time, and installs nothing when
nothing is: a pipe into ``grep -q`` under ``pipefail`` once made present libraries read
as missing (SIGPIPE) in most runs, and so ran apt-get (and sudo) for nothing."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LIBS = [
    "libglib-2.0.so.0", "libEGL.so.1", "libGL.so.1", "libfontconfig.so.1",
    "libxkbcommon.so.0", "libdbus-1.so.3", "libxcb-cursor.so.0", "libxcb-icccm.so.4",
    "libxcb-keysyms.so.1", "libxcb-image.so.0", "libxcb-render-util.so.0",
    "libxcb-shape.so.0", "libxkbcommon-x11.so.0",
]  # fmt: skip


def _stub(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


def _missing(path: str) -> str:
    done = subprocess.run(
        [str(ROOT / "dev"), "missing"],
        env={**os.environ, "PATH": path},
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    return done.stdout


@pytest.fixture
def machine_with_everything(tmp_path: Path) -> str:
    """A PATH whose ldconfig and fc-list have everything, with long listings printed
    before the matches (as on a desktop with thousands of libraries and fonts), so an
    early-closing reader would cut the writer off mid-listing."""
    listing = "\\n".join(
        f"\\tlib{i}.so.0 (libc6,x86-64) => /usr/lib/lib{i}.so.0" for i in range(5000)
    )
    wanted = "\\n".join(f"\\t{lib} (libc6,x86-64) => /usr/lib/{lib}" for lib in LIBS)
    _stub(tmp_path, "ldconfig", f'printf "{wanted}\\n{listing}\\n"')
    _stub(tmp_path, "fc-list", 'seq -f "/fonts/%g.ttf: Font" 3000')
    for tool in ("desktop-file-validate", "systemd-analyze", "objdump"):
        _stub(tmp_path, tool, "exit 0")
    return f"{tmp_path}{os.pathsep}{os.environ['PATH']}"


def test_nothing_is_missing_every_time(machine_with_everything: str) -> None:
    answers = {_missing(machine_with_everything) for _ in range(8)}
    assert answers == {""}


def test_a_missing_library_is_named(tmp_path: Path, machine_with_everything: str) -> None:
    # The same machine without libxcb-cursor (Qt's xcb plugin needs it for a real window).
    (tmp_path / "ldconfig").write_text(
        "#!/bin/sh\n"
        + "".join(
            f"echo '\t{lib} (libc6,x86-64) => /usr/lib/{lib}'\n"
            for lib in LIBS
            if "cursor" not in lib
        )
    )
    assert _missing(machine_with_everything) == "libxcb-cursor0\n"
