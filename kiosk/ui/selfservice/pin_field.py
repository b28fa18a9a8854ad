"""The staff PIN field: the digits live in this object only, never in Qt's text.

A password QLineEdit still tells the accessibility bus each character typed (its
text-inserted events carry the real digits), so any program on the session bus could
learn the PIN. Here Qt's line edit only ever holds one dot per digit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QLineEdit

from kiosk.ui.selfservice.page_parts import KioskField

DOT = "●"


class PinField(KioskField):
    """``text()`` gives the digits to Python; Qt (and the screen reader) sees dots."""

    def __init__(self) -> None:
        super().__init__()
        self._digits = ""
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self._describe()

    def text(self) -> str:
        return self._digits

    def insert(self, text: str) -> None:
        if self.isReadOnly():
            return
        for char in text:
            if char.isdigit() and char.isascii() and len(self._digits) < self.maxLength():
                self._digits += char
        self._show()

    def backspace(self) -> None:
        if not self.isReadOnly():
            self._digits = self._digits[:-1]
            self._show()

    def clear(self) -> None:
        self._digits = ""
        self._show()

    def forget_history(self) -> None:
        pass  # setText in _show already keeps no history

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            super().keyPressEvent(event)  # returnPressed, focus moves
        elif key == Qt.Key.Key_Backspace:
            self.backspace()
        elif event.text() and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            self.insert(event.text())
        else:
            event.ignore()  # shortcuts (the staff key, Esc) go on to the window
            return
        event.accept()

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        self.insert(event.commitString())
        event.accept()

    def _show(self) -> None:
        self.setText(DOT * len(self._digits))
        self._describe()

    def _describe(self) -> None:
        self.setAccessibleDescription(self.tr("%n digit(s) entered", "", len(self._digits)))
