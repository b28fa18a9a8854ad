"""Build Kiosk's standalone one-folder bundle: PyInstaller on packaging/kiosk.spec, then
(on Linux) the desktop files, icons and install.sh laid out inside it.

    python packaging/build.py [--dist DIR] [--work DIR]

Result: DIST/kiosk/kiosk (the program), DIST/kiosk/_internal/ (Python, Qt, Kiosk) and,
on Linux, DIST/kiosk/install.sh and DIST/kiosk/share/ (applications/, icons/hicolor/,
kiosk/ with the autostart entry and the systemd user unit). Prints the bundle's size and
the build time. Needs the dev extra (pip install -e ".[dev]"), which brings PyInstaller.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "kiosk.spec"
LINUX = ROOT / "packaging" / "linux"
SVG = ROOT / "resources" / "icons" / "kiosk.svg"
#: The sizes desktops ask the hicolor theme for (menus 16-48, launchers 64-256, HiDPI 512).
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

sys.path.insert(0, str(ROOT))
from kiosk import __version__  # noqa: E402 - this source tree's package
from kiosk.config import APP_ID  # noqa: E402


def render_icons(svg: Path, icons: Path, sizes: tuple[int, ...] = ICON_SIZES) -> list[Path]:
    """The SVG into a hicolor tree: scalable/apps/APP_ID.svg and NxN/apps/APP_ID.png.

    Rendered here with Qt's own SVG renderer (QtSvg is in PySide6-Essentials) rather than
    committed: one source of truth, no binary files drifting from the SVG, and no extra
    tool (rsvg-convert) on the build machine."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"build: cannot read the icon {svg}")
    written = []
    scalable = icons / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(svg, scalable)
    written.append(scalable)
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        png = icons / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        png.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(png)):  # the format follows the suffix
            raise SystemExit(f"build: cannot write {png}")
        written.append(png)
    return written


def lay_out_linux(bundle: Path) -> None:
    """Desktop integration inside the bundle, as install.sh expects it."""
    share = bundle / "share"
    apps = share / "applications"
    apps.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(LINUX / f"{APP_ID}.desktop", apps / f"{APP_ID}.desktop")
    render_icons(SVG, share / "icons")
    extras = share / "kiosk" / "autostart"
    extras.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(LINUX / "autostart" / f"{APP_ID}.desktop", extras / f"{APP_ID}.desktop")
    shutil.copyfile(LINUX / "kiosk.service", share / "kiosk" / "kiosk.service")
    install = bundle / "install.sh"
    shutil.copyfile(LINUX / "install.sh", install)
    install.chmod(0o755)


def tree_size(path: Path) -> tuple[int, int]:
    """Bytes and number of files under ``path`` (symlinks not followed)."""
    total = files = 0
    for item in path.rglob("*"):
        if item.is_file() and not item.is_symlink():
            total += item.stat().st_size
            files += 1
    return total, files


def build(dist: Path, work: Path) -> Path:
    started = time.monotonic()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        str(SPEC),
    ]
    print(f"building Kiosk {__version__}: {' '.join(command[2:])}", flush=True)
    subprocess.run(command, check=True, env=env, cwd=ROOT)
    bundle = dist / "kiosk"
    if sys.platform.startswith("linux"):
        lay_out_linux(bundle)
    elapsed = time.monotonic() - started
    size, files = tree_size(bundle)
    print(
        f"Kiosk {__version__} bundle: {bundle} ({size / 1e6:.0f} MB, {files} files), "
        f"built in {elapsed:.0f} s",
        flush=True,
    )
    return bundle


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the bundle goes")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="PyInstaller's work")
    args = parser.parse_args(argv)
    build(args.dist.resolve(), args.work.resolve())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
