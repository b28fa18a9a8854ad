"""The house rules, checked on the source rather than trusted to review.

- One job per module: none over ``MAX_LINES`` but the generated ones (the table of every
  module's size prints with ``-s``; a failure lists the offenders).
- Imports point down: ``ui → services → (backends, store, search) → domain``; only ``ui/``
  and the composition root import Qt; only ``ui/qt_async.py`` imports qasync.
- Runtime tuning behind one seam: no ``gc`` outside ``kiosk/runtime.py``.
- The repository stands alone: no file it tracks points at a path outside it.
"""

from __future__ import annotations

import ast
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "kiosk"
MAX_LINES = 400
GENERATED = {"kiosk/ui/resources_rc.py"}  # pyside6-rcc output (scripts/build_resources.py)

#: The composition root: builds the QApplication and every object (besides ``ui/``, the
#: only place Qt may be imported).
COMPOSITION = {"kiosk/app.py"}

#: For each layer, the parts of the package it must never import (imports point down).
LOWER_ONLY: dict[str, set[str]] = {
    "domain": {"runtime", "search", "backends", "store", "services", "sandbox", "ui", "app",
               "config", "logs", "pin", "startup", "cli"},
    "runtime": {"domain", "search", "backends", "store", "services", "sandbox", "ui", "app"},
    "search": {"backends", "store", "services", "sandbox", "ui", "app", "startup", "cli"},
    "backends": {"store", "services", "sandbox", "ui", "app", "startup", "cli"},
    "store": {"backends", "services", "sandbox", "ui", "app", "startup", "cli"},
    "services": {"sandbox", "ui", "app", "startup", "cli"},
    "sandbox": {"backends", "store", "services", "ui", "app", "startup", "cli"},
    "badges": {"backends", "store", "services", "sandbox", "ui", "app", "startup", "cli", "config"},
    "config": {"backends", "store", "services", "sandbox", "ui", "app", "startup", "cli"},
    "logs": {"backends", "store", "services", "sandbox", "ui", "app", "startup", "cli"},
    "pin": {"backends", "store", "services", "sandbox", "ui", "app", "startup", "cli"},
    "ui": {"app", "startup", "cli"},
}  # fmt: skip
QT = {"PySide6", "shiboken6", "qasync"}


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, at the top or inside a function, resolved to an
    absolute dotted name."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = _name(path).removesuffix(".py").replace("/", ".").split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def _layer(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    return parts[0].removesuffix(".py")


def test_no_module_is_over_the_size_limit() -> None:
    sizes = {
        _name(p): len(p.read_text(encoding="utf-8").splitlines())
        for p in _modules()
        if _name(p) not in GENERATED
    }
    for name, lines in sorted(sizes.items(), key=lambda item: -item[1]):
        print(f"{lines:5d}  {name}")
    over = {name: lines for name, lines in sizes.items() if lines > MAX_LINES}
    assert not over, f"modules over {MAX_LINES} lines (split them by job): {over}"


def test_only_the_ui_and_the_composition_root_import_qt() -> None:
    offenders = {
        _name(p): sorted(m for m in _imports(p) if m.split(".")[0] in QT)
        for p in _modules()
        if _layer(p) != "ui" and _name(p) not in COMPOSITION
    }
    assert not {k: v for k, v in offenders.items() if v}


def test_only_the_async_bridge_imports_qasync() -> None:
    users = {_name(p) for p in _modules() if any(m.split(".")[0] == "qasync" for m in _imports(p))}
    assert users <= {"kiosk/ui/qt_async.py"}


def test_imports_point_down() -> None:
    wrong: dict[str, list[str]] = {}
    for path in _modules():
        banned = LOWER_ONLY.get(_layer(path), set())
        ups = sorted(
            m for m in _imports(path) if m.startswith("kiosk.") and m.split(".")[1] in banned
        )
        if ups:
            wrong[_name(path)] = ups
    assert not wrong


def test_the_collector_is_tuned_only_behind_the_runtime_seam() -> None:
    users = {_name(p) for p in _modules() if "gc" in _imports(p)}
    assert users <= {"kiosk/runtime.py"}


# -- the repository stands alone ------------------------------------------------------

#: Text that reaches outside the repository: the workspace beside it where it was
#: developed (its shared documents by path or by name, the developers' own folders).
OUTSIDE = re.compile(
    r"\.\./shared\b|/work/(?:main|shared|wt|\.library)\b|\b(?:DESIGN|STACK|STYLE)\.md\b"
)
MARKDOWN_LINK = re.compile(r"\]\(([^)#\s]+)")


def _tracked() -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True, timeout=30
    ).stdout.decode()
    return [ROOT / name for name in listed.split("\0") if name]


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    found: dict[str, str] = {}
    for path in _tracked():
        if _name(path) in GENERATED or not path.is_file():
            continue
        data = path.read_bytes()
        if b"\0" in data[:4096]:
            continue  # binary: images, sounds, compiled translations
        found[_name(path)] = data.decode("utf-8", errors="replace")
    return found


def test_no_file_points_outside_the_repository(texts: dict[str, str]) -> None:
    hits = [
        f"{name}:{number}: {line.strip()}"
        for name, text in texts.items()
        if name != "tests/unit/test_house_rules.py"
        for number, line in enumerate(text.splitlines(), 1)
        if OUTSIDE.search(line)
    ]
    assert not hits


def test_every_relative_link_in_the_docs_stays_inside_and_exists(texts: dict[str, str]) -> None:
    broken = []
    for name, text in texts.items():
        if not name.endswith(".md"):
            continue
        for target in MARKDOWN_LINK.findall(text):
            if "://" in target or target.startswith("mailto:"):
                continue
            resolved = ((ROOT / name).parent / target).resolve()
            if not resolved.is_relative_to(ROOT) or not resolved.exists():
                broken.append(f"{name}: {target}")
    assert not broken
