"""Every user-facing string is translated in every shipped language, the .ts files know
every tr() string in the code, and the committed .qm files are what the .ts compile to."""

from __future__ import annotations

import importlib.util
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
TRANSLATED = ("cs", "de")
SHIPPED = ("en", *TRANSLATED)
_ARG = re.compile(r"%\d")
_ACCELERATOR = re.compile(r"&(?!&)\w")


def _build() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_translations", ROOT / "scripts" / "build_translations.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _messages(text: str) -> list[tuple[str, ET.Element]]:
    root = ET.fromstring(text)
    return [
        (context.findtext("name") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def _forms(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


def _ts(language: str) -> str:
    return (ROOT / "resources" / "i18n" / f"kiosk_{language}.ts").read_text(encoding="utf-8")


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_string_is_translated(language: str) -> None:
    untranslated = []
    for context, message in _messages(_ts(language)):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        forms = _forms(message)
        if translation.get("type") or not all(form.strip() for form in forms):
            untranslated.append(f"{context}: {source!r}")
    assert not untranslated, f"untranslated in {language}:\n" + "\n".join(untranslated)


@pytest.mark.parametrize("language", SHIPPED)
def test_translations_keep_placeholders_and_accelerators(language: str) -> None:
    wrong = []
    for context, message in _messages(_ts(language)):
        source = message.findtext("source") or ""
        for form in _forms(message):
            if sorted(_ARG.findall(form)) != sorted(_ARG.findall(source)):
                wrong.append(f"{context}: {source!r} → {form!r} (placeholders)")
            if message.get("numerus") == "yes" and "%n" not in form:
                wrong.append(f"{context}: {source!r} → {form!r} (no %n)")
            if bool(_ACCELERATOR.search(source)) != bool(_ACCELERATOR.search(form)):
                wrong.append(f"{context}: {source!r} → {form!r} (keyboard accelerator)")
    assert not wrong, "\n".join(wrong)


def test_english_has_every_plural_form() -> None:
    messages = _messages(_ts("en"))
    assert messages, "kiosk_en.ts holds the English plural forms"
    for context, message in messages:
        assert message.get("numerus") == "yes"
        forms = _forms(message)
        assert len(forms) == 2, f"{context}: {message.findtext('source')!r}"
        assert all(forms)


@pytest.mark.parametrize("language", SHIPPED)
def test_the_translations_know_every_string_in_the_code(language: str) -> None:
    """lupdate over the sources adds nothing new: a string added to the code without a
    translation fails here (run python scripts/build_translations.py, then translate)."""
    fresh = _build().fresh_ts(language)
    new = [
        f"{context}: {message.findtext('source')!r}"
        for context, message in _messages(fresh)
        if (message.find("translation") is not None)
        and message.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
    ]
    assert not new, (
        f"strings with no {language} translation (run scripts/build_translations.py and "
        "translate them in resources/i18n):\n" + "\n".join(new)
    )


@pytest.mark.parametrize("language", SHIPPED)
def test_compiled_translations_are_fresh(language: str) -> None:
    committed = (ROOT / "resources" / "i18n" / f"kiosk_{language}.qm").read_bytes()
    assert _build().fresh_qm(language) == committed, (
        f"kiosk_{language}.qm is stale: run python scripts/build_translations.py --release"
    )


def test_languages_switch_at_run_time(qapp: object) -> None:
    from PySide6.QtCore import QCoreApplication

    from kiosk.ui.translations import Translations

    translations = Translations(qapp)  # type: ignore[arg-type]
    try:
        assert translations.use("cs_CZ") == "cs"
        assert QCoreApplication.translate("ConfirmPage", "Is this you?") == "Jste to vy?"
        assert QCoreApplication.translate("status", "Declined") == "Nepřijde"
        assert translations.use("DE") == "de"
        assert QCoreApplication.translate("ConfirmPage", "Is this you?") == "Sind Sie das?"
        assert translations.use("fr") == "en"
        assert QCoreApplication.translate("ConfirmPage", "Is this you?") == "Is this you?"
        assert (
            QCoreApplication.translate("DonePage", "Welcome to you and your %n guest(s).", "", 1)
            == "Welcome to you and your 1 guest."
        )
    finally:
        translations.uninstall()
