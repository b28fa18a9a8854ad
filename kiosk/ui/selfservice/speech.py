"""What the kiosk says when a step appears: its words, read to a guest who cannot see them,
and the languages as one named group."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QButtonGroup, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from kiosk.ui.accessibility import announce

#: The group's name in every shipped language: a guest looks for their own.
LANGUAGE_GROUP_NAME = "Language · Jazyk · Sprache"


def say_step(page: QWidget) -> None:
    """Announce every visible message of a page, top to bottom (title, what to do, a
    hint, the desk reference): focus lands on a button, which alone says "Done"."""
    words = [
        label.text().strip()
        for label in page.findChildren(QLabel)
        if label.isVisibleTo(page) and label.text().strip()
    ]
    announce(page, ". ".join(w.rstrip(".") for w in words) + ".")


class LanguageGroup(QFrame):
    """The language choices: one named group of exclusive toggles."""

    def __init__(self, languages: dict[str, str], chosen: Callable[[str], None]) -> None:
        super().__init__()
        self.setObjectName("kioskLanguages")
        self.setAccessibleName(LANGUAGE_GROUP_NAME)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(12)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QPushButton] = {}
        for code, name in languages.items():
            choice = QPushButton(name)
            choice.setObjectName(f"language-{code}")
            choice.setProperty("kind", "language")
            choice.setCheckable(True)
            choice.setMinimumSize(120, 56)
            choice.setAutoDefault(True)
            # Each language named in itself, so a guest finds their own.
            choice.setAccessibleName(name)
            choice.clicked.connect(lambda _c=False, c=code: chosen(c))
            self.group.addButton(choice)
            row.addWidget(choice)
            self.buttons[code] = choice
