"""Languages at run time: Kiosk's translations (compiled into the resources from
resources/i18n/*.ts by scripts/build_translations.py) and Qt's own, switched together."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator, Signal

log = logging.getLogger(__name__)

#: Shipped languages, each named in itself (the language switch shows these names).
SHIPPED: dict[str, str] = {"en": "English", "cs": "Čeština", "de": "Deutsch"}
#: English is the source language.
SOURCE = "en"


def qm_resource(language: str) -> str:
    return f":/kiosk/i18n/kiosk_{language}.qm"


def shipped(language: str) -> str | None:
    """The shipped language a platform's or system's code means ('cs_CZ', 'DE' → 'cs',
    'de'), or None."""
    code = language.strip().lower().replace("-", "_").split("_")[0]
    return code if code in SHIPPED else None


def system_language() -> str:
    """The system's language when Kiosk ships it, English otherwise."""
    return shipped(QLocale.system().name()) or SOURCE


class Translations(QObject):
    """Installs one language's translators on the application; Qt then sends every
    widget a LanguageChange event, and widgets that retranslate themselves follow.

    Signals:
        language_changed(str): the language now in use.
    """

    language_changed = Signal(str)

    def __init__(self, app: QCoreApplication, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = ""  # nothing installed yet

    def use(self, language: str) -> str:
        """Switch to ``language`` (a shipped one; anything else means English)."""
        language = shipped(language) or SOURCE
        if language == self.language:
            return language
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed = []
        from kiosk.ui import resources_rc  # noqa: F401 - registers :/kiosk/i18n/...

        # English has one too: it holds the plural forms ("1 guest", "2 guests").
        ours = QTranslator(self)
        if ours.load(qm_resource(language)):
            self._installed.append(ours)
        else:
            log.warning("no translation for %s in the resources", language)
        if language != SOURCE:
            qt = QTranslator(self)
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt.load(f"qtbase_{language}", qt_dir):
                self._installed.append(qt)
        for translator in self._installed:
            self._app.installTranslator(translator)
        _use_locale(language)
        self.language = language
        self.language_changed.emit(language)
        return language

    def uninstall(self) -> None:
        """Take every translator out (the source strings show again)."""
        for translator in self._installed:
            self._app.removeTranslator(translator)
        QLocale.setDefault(QLocale.system())
        self._installed = []
        self.language = ""


def _use_locale(language: str) -> None:
    """Dates and numbers follow the language in use: the system's own conventions when
    that is the system's language (en_GB stays en_GB), else the language's."""
    system = QLocale.system()
    QLocale.setDefault(system if shipped(system.name()) == language else QLocale(language))
