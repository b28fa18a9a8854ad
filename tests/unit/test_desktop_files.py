"""Linux desktop integration: valid .desktop files named by the id the app sets on itself,
a systemd user unit that systemd accepts, icons rendered from the SVG, and install.sh."""

from __future__ import annotations

import configparser
import importlib.util
import os
import shlex
import shutil
import subprocess
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from kiosk import config

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / f"{config.APP_ID}.desktop"
AUTOSTART = LINUX / "autostart" / f"{config.APP_ID}.desktop"
UNIT = LINUX / "kiosk.service"
INSTALL = LINUX / "install.sh"

#: Options the packaged entries already use before Kiosk has them, and where they come
#: from. When one appears in `kiosk --help`, test_entries_use_only_options_kiosk_has
#: fails: remove it here and the NOTE about it in packaging/linux/.
PENDING_OPTIONS: dict[str, str] = {}  # options an entry may name before kiosk has them


def _tool(name: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} is missing: ./dev test installs it (Debian package in ./dev)"
    return path


def _entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def _build_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kiosk_build", ROOT / "packaging" / "build.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _kiosk_options(capsys: pytest.CaptureFixture[str]) -> set[str]:
    with pytest.raises(SystemExit):
        config.parse_args(["--help"])
    return {word.strip("[],") for word in capsys.readouterr().out.split() if word[:2] == "--"}


@pytest.mark.parametrize("path", [DESKTOP, AUTOSTART], ids=["menu", "autostart"])
def test_desktop_files_are_valid(path: Path) -> None:
    result = subprocess.run(
        [_tool("desktop-file-validate"), str(path)], capture_output=True, text=True, check=False
    )
    # It exits 0 on hints and warnings too: any line at all is a finding.
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout + result.stderr == ""


def test_desktop_file_names_the_id_the_app_sets(qapp: Any) -> None:
    entry = _entry(DESKTOP)
    assert DESKTOP.name == f"{config.APP_ID}.desktop"
    assert AUTOSTART.name == DESKTOP.name
    assert entry["Icon"] == config.APP_ID
    assert _entry(AUTOSTART)["Icon"] == config.APP_ID
    assert entry["StartupWMClass"] == "Kiosk"

    from kiosk.app import make_application

    saved = (
        qapp.styleSheet(),
        qapp.applicationName(),
        qapp.applicationDisplayName(),
        qapp.organizationName(),
        qapp.desktopFileName(),
        qapp.windowIcon(),
        qapp.quitOnLastWindowClosed(),
    )
    app = make_application()
    try:
        assert app is qapp
        assert app.desktopFileName() == config.APP_ID == DESKTOP.name.removesuffix(".desktop")
        assert app.applicationName() == entry["StartupWMClass"]
    finally:
        qapp.setStyleSheet(saved[0])
        qapp.setApplicationName(saved[1])
        qapp.setApplicationDisplayName(saved[2])
        qapp.setOrganizationName(saved[3])
        qapp.setDesktopFileName(saved[4])
        qapp.setWindowIcon(saved[5])
        qapp.setQuitOnLastWindowClosed(saved[6])


def _commands() -> dict[str, list[str]]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP, encoding="utf-8")
    commands = {
        "menu": shlex.split(parser["Desktop Entry"]["Exec"]),
        "demo action": shlex.split(parser["Desktop Action demo"]["Exec"]),
        "autostart": shlex.split(_entry(AUTOSTART)["Exec"]),
    }
    unit = configparser.ConfigParser(interpolation=None, strict=True)
    unit.read(UNIT, encoding="utf-8")
    commands["systemd"] = shlex.split(unit["Service"]["ExecStart"])
    return commands


def test_entries_use_only_options_kiosk_has(capsys: pytest.CaptureFixture[str]) -> None:
    commands = _commands()
    assert commands["autostart"] == ["kiosk", "--kiosk"]
    assert commands["systemd"] == ["%h/.local/bin/kiosk", "--kiosk"]
    known = _kiosk_options(capsys)
    assert "--demo" in known
    for name, command in commands.items():
        assert Path(command[0]).name == "kiosk", name
        for option in command[1:]:
            assert option in known or option in PENDING_OPTIONS, f"{name}: kiosk has no {option}"
    for option, source in PENDING_OPTIONS.items():
        assert option not in known, (
            f"kiosk now has {option} ({source}): remove it from PENDING_OPTIONS and the NOTE "
            "about it in packaging/linux/autostart/*.desktop and packaging/linux/kiosk.service"
        )


def _fake_kiosk(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('#!/bin/sh\necho kiosk-stub "$@"\n')
    path.chmod(0o755)
    return path


def test_systemd_accepts_the_user_unit(tmp_path: Path) -> None:
    home = tmp_path / "home"
    _fake_kiosk(home / ".local" / "bin" / "kiosk")
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env = {**os.environ, "HOME": str(home), "XDG_RUNTIME_DIR": str(runtime)}
    result = subprocess.run(
        [_tool("systemd-analyze"), "--user", "verify", str(UNIT)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    # Unknown keys and bad values are only warnings to systemd: any output is a finding.
    assert result.returncode == 0, result.stderr
    assert result.stdout + result.stderr == ""
    unit = configparser.ConfigParser(interpolation=None, strict=True)
    unit.read(UNIT, encoding="utf-8")
    assert unit["Service"]["KillSignal"] == "SIGTERM"  # Kiosk's clean stop
    # Set-up errors (2) and a Kiosk already running for the event (3): no restart loop.
    from kiosk.app import ALREADY_RUNNING_EXIT

    assert unit["Service"]["RestartPreventExitStatus"].split() == ["2", str(ALREADY_RUNNING_EXIT)]
    assert unit["Service"]["Restart"] == "always"  # a clean exit (SIGHUP, staff) too
    assert unit["Install"]["WantedBy"] == "graphical-session.target"


def test_icons_are_rendered_at_every_size(tmp_path: Path, qapp: Any) -> None:
    from PySide6.QtGui import QImage

    build = _build_module()
    written = build.render_icons(build.SVG, tmp_path / "icons")
    scalable = tmp_path / "icons" / "hicolor" / "scalable" / "apps" / f"{config.APP_ID}.svg"
    assert scalable.read_bytes() == build.SVG.read_bytes()
    assert len(written) == len(build.ICON_SIZES) + 1
    for size in build.ICON_SIZES:
        png = tmp_path / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{config.APP_ID}.png"
        image = QImage(str(png))
        assert (image.width(), image.height()) == (size, size)
        assert image.pixelColor(size // 2, size // 2).alpha() == 255  # drawn, not empty
        assert image.pixelColor(0, 0).alpha() < 255  # rounded corner stays transparent


def test_install_script_puts_everything_in_place_and_removes_it(tmp_path: Path, qapp: Any) -> None:
    bundle = tmp_path / "kiosk"
    _fake_kiosk(bundle / "kiosk")
    _build_module().lay_out_linux(bundle)
    home = tmp_path / "my home"  # a space, which Exec must quote
    home.mkdir()
    runtime = tmp_path / "runtime"  # no user manager here: never touch the real session's
    runtime.mkdir(mode=0o700)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("XDG_") and key != "DBUS_SESSION_BUS_ADDRESS"
    } | {"HOME": str(home), "PATH": "/usr/bin:/bin", "XDG_RUNTIME_DIR": str(runtime)}
    run = [str(bundle / "install.sh")]

    for flag in ("--autostart", "--systemd"):
        done = subprocess.run([*run, flag], env=env, capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
    command = home / ".local" / "bin" / "kiosk"
    menu = home / ".local" / "share" / "applications" / DESKTOP.name
    autostart = home / ".config" / "autostart" / AUTOSTART.name
    unit = home / ".config" / "systemd" / "user" / "kiosk.service"
    icons = home / ".local" / "share" / "icons" / "hicolor"
    assert command.resolve() == (bundle / "kiosk").resolve()
    assert subprocess.run([str(command), "--version"], capture_output=True, text=True).stdout
    for entry in (menu, autostart):
        result = subprocess.run(
            [_tool("desktop-file-validate"), str(entry)], capture_output=True, text=True
        )
        assert result.stdout + result.stderr == "", result.stdout
        assert shlex.split(_entry(entry)["Exec"])[0] == str(command)
    assert shlex.split(_entry(autostart)["Exec"])[1:] == ["--kiosk"]
    assert unit.read_bytes() == UNIT.read_bytes()
    assert (icons / "48x48" / "apps" / f"{config.APP_ID}.png").is_file()
    assert (icons / "scalable" / "apps" / f"{config.APP_ID}.svg").is_file()
    assert not (icons / "icon-theme.cache").exists()

    done = subprocess.run([*run, "--uninstall"], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    left = [p for p in home.rglob("*") if p.is_file() or p.is_symlink()]
    assert left == []
    assert (bundle / "kiosk").is_file()  # the bundle itself stays

    wrong = subprocess.run([*run, "--bogus"], env=env, capture_output=True, text=True)
    assert wrong.returncode == 2
    assert "usage" in wrong.stderr
