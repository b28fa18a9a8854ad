"""A keyboard-wedge scanner as it really types: a Shift press before every capital, each
key pressed and released, every event stamped with the window system's time."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

#: A scanner's time between two events (press or release), in milliseconds.
EVENT_GAP_MS = 2

_SHIFT = Qt.KeyboardModifier.ShiftModifier
_NONE = Qt.KeyboardModifier.NoModifier


class Wedge:
    """Sends key events to whatever has the focus, stamped from ``start`` (ms) on."""

    def __init__(self, start: int = 7_000_000) -> None:
        self.now = start

    def _send(self, kind: QEvent.Type, key: int, modifiers: Qt.KeyboardModifier, text: str) -> None:
        target: QWidget | None = QApplication.focusWidget()
        assert target is not None, "nothing has the focus"
        event = QKeyEvent(kind, key, modifiers, text)
        self.now += EVENT_GAP_MS
        event.setTimestamp(self.now)
        QApplication.sendEvent(target, event)

    def press(self, key: int, modifiers: Qt.KeyboardModifier = _NONE, text: str = "") -> None:
        self._send(QEvent.Type.KeyPress, key, modifiers, text)
        self._send(QEvent.Type.KeyRelease, key, modifiers, text)

    def scan(self, code: str, *, enter: bool = True) -> None:
        """``code`` as a US-layout wedge scanner types it: Shift down, the capital with
        Shift held, Shift up; other characters plainly; then Enter."""
        for char in code:
            key = _key_of(char)
            if char.isupper():
                self._send(QEvent.Type.KeyPress, Qt.Key.Key_Shift, _SHIFT, "")
                self._send(QEvent.Type.KeyPress, key, _SHIFT, char)
                self._send(QEvent.Type.KeyRelease, key, _SHIFT, char)
                self._send(QEvent.Type.KeyRelease, Qt.Key.Key_Shift, _NONE, "")
            else:
                self.press(key, _NONE, char)
        if enter:
            self.press(Qt.Key.Key_Return, _NONE, "\r")

    def pause(self, ms: int = 2_000) -> None:
        """Time passes (a person's pace is hundreds of ms between keys)."""
        self.now += ms


def _key_of(char: str) -> int:
    if char.isascii() and char.isalnum():
        return int(getattr(Qt.Key, f"Key_{char.upper()}").value)
    return {"-": int(Qt.Key.Key_Minus.value), " ": int(Qt.Key.Key_Space.value)}.get(
        char, int(Qt.Key.Key_unknown.value)
    )
