"""A large on-screen keyboard for names, and a PIN pad, both of plain QPushButtons.

Keys never take the focus: the field keeps its cursor, and a physical keyboard (or a
keyboard-wedge scanner) types into the same field alongside. Accents are not needed:
search ignores them, so 'Novak' finds 'Novák'.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

#: Letter rows by layout; Czech and German keyboards swap Y and Z.
ROWS = {
    "qwerty": ("QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM"),
    "qwertz": ("QWERTZUIOP", "ASDFGHJKL", "YXCVBNM"),
}
LAYOUT_OF = {"cs": "qwertz", "de": "qwertz"}
DIGITS = "1234567890"
#: The smallest key: touch targets are at least 48 px; a finger wants more.
KEY_SIZE = QSize(64, 64)


def _key(text: str, name: str, parent: QWidget) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setProperty("kind", "key")
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setMinimumSize(KEY_SIZE)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    button.setAutoRepeat(False)
    return button


class OnScreenKeyboard(QFrame):
    """Letters (and optionally digits and email characters) typed into ``target``.

    Signals:
        typed(str): a key was pressed (its character, or '' for backspace).
    """

    typed = Signal(str)

    def __init__(
        self,
        target: QLineEdit,
        *,
        digits: bool = False,
        extra: str = "-'",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("onScreenKeyboard")
        self.target = target
        self.layout_name = "qwerty"
        self._digits = digits
        self._extra = extra
        self.letter_keys: dict[str, QPushButton] = {}
        self.digit_keys: list[QPushButton] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(6)
        self._grid = QGridLayout()
        self._grid.setSpacing(6)
        # Every row of keys equally tall, the bottom row included.
        outer.addLayout(self._grid, 4 if digits else 3)
        row = 0
        if digits:
            for column, char in enumerate(DIGITS):
                self.digit_keys.append(self._add(char, row, column))
            row += 1
        # Letter keys are made once and relabelled when the layout changes.
        for r, letters in enumerate(ROWS["qwerty"]):
            for column, char in enumerate(letters):
                key = self._add(char, row + r, column + (1 if r == 2 else 0))
                self.letter_keys[char] = key
        self._letter_row0 = row
        bottom = QHBoxLayout()
        bottom.setSpacing(6)
        self.extra_keys: list[QPushButton] = []
        for char in extra:
            key = _key(char, f"key-{ord(char):x}", self)
            key.clicked.connect(lambda _c=False, k=key: self._insert(k.text()))
            self.extra_keys.append(key)
            bottom.addWidget(key, 1)
        self.space = _key("", "key-space", self)
        self.space.clicked.connect(lambda: self._insert(" "))
        bottom.addWidget(self.space, 4)
        self.backspace = _key("⌫", "key-backspace", self)
        self.backspace.clicked.connect(self._backspace)
        bottom.addWidget(self.backspace, 2)
        outer.addLayout(bottom, 1)
        self.retranslate()

    def _add(self, char: str, row: int, column: int) -> QPushButton:
        key = _key(char, f"key-{char}", self)
        key.setAccessibleName(char)
        key.clicked.connect(lambda _c=False, k=key: self._insert(k.text()))
        self._grid.addWidget(key, row, column)
        return key

    def set_layout(self, language: str) -> None:
        """QWERTY or QWERTZ, as the guest's language is used to."""
        name = LAYOUT_OF.get(language, "qwerty")
        if name == self.layout_name:
            return
        self.layout_name = name
        old = [c for r in ROWS["qwerty"] for c in r]
        new = [c for r in ROWS[name] for c in r]
        keys = [self.letter_keys[c] for c in old]
        for key, char in zip(keys, new, strict=True):
            key.setText(char)
            key.setAccessibleName(char)

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("On-screen keyboard"))
        self.space.setText(self.tr("Space"))
        self.space.setAccessibleName(self.tr("Space"))
        self.backspace.setAccessibleName(self.tr("Delete the last letter"))
        names = {
            "-": self.tr("Hyphen"),
            "'": self.tr("Apostrophe"),
            ".": self.tr("Dot"),
            "_": self.tr("Underscore"),
            "@": self.tr("At sign"),
        }
        for key in self.extra_keys:
            key.setAccessibleName(names.get(key.text(), key.text()))

    def _insert(self, text: str) -> None:
        if self.target.maxLength() <= len(self.target.text()):
            return
        self.target.insert(text)
        self.typed.emit(text)

    def _backspace(self) -> None:
        self.target.backspace()
        self.typed.emit("")


class PinPad(QFrame):
    """Ten digits, delete and OK, typed into ``target`` (a password-mode line edit).

    Signals:
        submitted(): OK was pressed.
        typed(str): a key was pressed.
    """

    submitted = Signal()
    typed = Signal(str)

    def __init__(self, target: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pinPad")
        self.target = target
        grid = QGridLayout(self)
        grid.setSpacing(10)
        self.digit_keys: dict[str, QPushButton] = {}
        for position, char in enumerate("123456789"):
            self.digit_keys[char] = self._digit(char)
            grid.addWidget(self.digit_keys[char], position // 3, position % 3)
        self.delete = _key("⌫", "pin-delete", self)
        self.delete.clicked.connect(self._delete)
        grid.addWidget(self.delete, 3, 0)
        self.digit_keys["0"] = self._digit("0")
        grid.addWidget(self.digit_keys["0"], 3, 1)
        self.ok = _key("", "pin-ok", self)
        self.ok.setProperty("kind", "primary")
        self.ok.clicked.connect(self.submitted)
        grid.addWidget(self.ok, 3, 2)
        for key in (*self.digit_keys.values(), self.delete, self.ok):
            key.setMinimumSize(QSize(96, 64))
        self.retranslate()

    def _digit(self, char: str) -> QPushButton:
        key = _key(char, f"pin-{char}", self)
        key.setAccessibleName(char)
        key.clicked.connect(lambda: self._insert(char))
        return key

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("PIN pad"))
        self.delete.setAccessibleName(self.tr("Delete the last digit"))
        self.ok.setText(self.tr("OK"))
        self.ok.setAccessibleName(self.tr("Check the PIN"))

    def _insert(self, char: str) -> None:
        if len(self.target.text()) < self.target.maxLength():
            self.target.insert(char)
        self.typed.emit(char)

    def _delete(self) -> None:
        self.target.backspace()
        self.typed.emit("")
