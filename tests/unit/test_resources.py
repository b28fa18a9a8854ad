"""The committed resources module matches resources/ (nobody edited it by hand)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _code_lines(source: bytes) -> list[bytes]:
    # rcc's header comments name the Qt version; the data and code must match exactly.
    return [line for line in source.splitlines() if not line.startswith(b"#")]


def test_resources_module_is_up_to_date() -> None:
    spec = importlib.util.spec_from_file_location(
        "build_resources", ROOT / "scripts" / "build_resources.py"
    )
    assert spec is not None
    assert spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    fresh = build.compile_qrc()
    committed = (ROOT / "kiosk" / "ui" / "resources_rc.py").read_bytes()
    assert _code_lines(fresh) == _code_lines(committed), (
        "kiosk/ui/resources_rc.py is stale: run python scripts/build_resources.py"
    )


def test_stylesheet_is_loaded_from_resources(qapp: object) -> None:
    from kiosk.ui.theme import stylesheet

    qss = stylesheet()
    assert "QLineEdit#searchField" in qss
