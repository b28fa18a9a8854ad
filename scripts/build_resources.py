"""Compile resources/kiosk.qrc into kiosk/ui/resources_rc.py with pyside6-rcc.

The generated module is committed (so an installed package has its stylesheet and
icons) and never edited by hand; tests/unit/test_resources.py fails when it is stale.
Run: python scripts/build_resources.py
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QRC = ROOT / "resources" / "kiosk.qrc"
OUT = ROOT / "kiosk" / "ui" / "resources_rc.py"


def compile_qrc() -> bytes:
    """The module pyside6-rcc makes of the .qrc, as bytes."""
    rcc = Path(sys.executable).with_name("pyside6-rcc")
    # Format 1 stores no file modification times (formats 2 and 3 do), so the module is
    # the same on every checkout; otherwise the freshness test fails on a fresh clone.
    command = [
        str(rcc) if rcc.exists() else "pyside6-rcc",
        "--format-version",
        "1",
        "-g",
        "python",
        str(QRC),
    ]
    # rcc names files relative to the .qrc's folder.
    return subprocess.run(command, check=True, capture_output=True, cwd=QRC.parent).stdout


def main() -> int:
    OUT.write_bytes(compile_qrc())
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
