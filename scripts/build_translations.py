"""Translations: gather every tr() string into resources/i18n/*.ts (pyside6-lupdate),
compile them to .qm (pyside6-lrelease), and rebuild the resources module they ship in.

The .ts files are the sources translators edit (Qt Linguist, or any text editor). The
.qm files are committed next to them and compiled into kiosk/ui/resources_rc.py, so an
installed package or a bundle needs no Qt tools; tests/unit/test_translations.py fails
when a string is untranslated or a .qm is stale.

Run: python scripts/build_translations.py            (update .ts, compile .qm and resources)
     python scripts/build_translations.py --release  (compile only, .ts untouched)
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("en", "cs", "de")
SOURCE_LANGUAGE = "en"


def tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    return str(beside) if beside.exists() else name


def sources() -> list[Path]:
    """Every Python module of the package that can hold a tr() string."""
    return sorted(
        path
        for path in (ROOT / "kiosk").rglob("*.py")
        if path.name != "resources_rc.py" and "sandbox" not in path.parts
    )


def ts_file(language: str, folder: Path = I18N) -> Path:
    return folder / f"kiosk_{language}.ts"


def qm_file(language: str, folder: Path = I18N) -> Path:
    return folder / f"kiosk_{language}.qm"


def update(language: str, folder: Path = I18N) -> None:
    """Bring one .ts up to date with the sources (new strings in, gone ones out).

    English is the source language: its file holds only the plural forms."""
    command = [
        tool("pyside6-lupdate"),
        *map(str, sources()),
        "-ts",
        str(ts_file(language, folder)),
        "-no-obsolete",
        "-locations",
        "none",  # line numbers would change the file on every unrelated edit
        "-source-language",
        SOURCE_LANGUAGE,
        "-target-language",
        language,
        "-silent",
    ]
    if language == SOURCE_LANGUAGE:
        command.append("-pluralonly")
    subprocess.run(command, check=True, cwd=ROOT)


def release(language: str, ts_folder: Path = I18N, out: Path = I18N) -> Path:
    target = qm_file(language, out)
    subprocess.run(
        [
            tool("pyside6-lrelease"),
            "-silent",
            str(ts_file(language, ts_folder)),
            "-qm",
            str(target),
        ],
        check=True,
        cwd=ROOT,
    )
    return target


def fresh_ts(language: str) -> str:
    """What ``update`` would make of the committed .ts now (for the freshness test)."""
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(ts_file(language), Path(tmp))
        update(language, Path(tmp))
        return ts_file(language, Path(tmp)).read_text(encoding="utf-8")


def fresh_qm(language: str) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        return release(language, I18N, Path(tmp)).read_bytes()


def build_resources() -> None:
    spec = importlib.util.spec_from_file_location(
        "build_resources", ROOT / "scripts" / "build_resources.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true", help="compile only")
    args = parser.parse_args(argv)
    I18N.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        if not args.release:
            update(language)
        print(f"wrote {release(language).relative_to(ROOT)}")
    build_resources()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
