"""What every kiosk screen is built from: the Page base, labels, buttons, fields, rows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

#: Buttons a guest presses: at least 48 px tall, most of them far more.
BUTTON_HEIGHT = 72


def label(name: str, *, wrap: bool = True, center: bool = True) -> QLabel:
    widget = QLabel()
    widget.setObjectName(name)
    widget.setWordWrap(wrap)
    if center:
        widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
    widget.setTextFormat(Qt.TextFormat.PlainText)  # guest data is never markup
    return widget


def restyle(widget: QWidget) -> None:
    """Apply the stylesheet again after a dynamic property changed."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def button(name: str, kind: str = "secondary") -> QPushButton:
    widget = QPushButton()
    widget.setObjectName(name)
    widget.setProperty("kind", kind)
    widget.setMinimumHeight(BUTTON_HEIGHT)
    widget.setMinimumWidth(220)
    widget.setAutoDefault(True)  # Enter presses the focused button, as Space does
    widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    return widget


#: Keys that would bring back what an earlier guest typed.
_RECALL = (
    QKeySequence.StandardKey.Undo,
    QKeySequence.StandardKey.Redo,
    QKeySequence.StandardKey.Paste,
)


class KioskField(QLineEdit):
    """A field one guest after another types into: no undo or redo, no paste, no
    context menu, and ``clear`` forgets the history too (``QLineEdit.clear`` keeps it,
    so Ctrl+Z brought back the guest before's last name)."""

    def __init__(self) -> None:
        super().__init__()
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setDragEnabled(False)
        self.setAcceptDrops(False)

    def clear(self) -> None:
        self.setText("")  # setText empties the undo history; clear() does not

    def forget_history(self) -> None:
        """Keep the text (and what is selected of it), drop its undo history."""
        if not (self.isUndoAvailable() or self.isRedoAvailable()):
            return
        start, length = self.selectionStart(), len(self.selectedText())
        self.setText(self.text())
        if start >= 0 and length:
            self.setSelection(start, length)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if any(event.matches(key) for key in _RECALL):
            event.accept()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton:  # X11 pastes the selection
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton:
            event.accept()
            return
        super().mouseReleaseEvent(event)


def field(name: str, widget: KioskField | None = None) -> KioskField:
    widget = widget or KioskField()
    widget.setObjectName(name)
    widget.setMinimumHeight(BUTTON_HEIGHT + 8)
    widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
    widget.setClearButtonEnabled(False)  # a tiny target; the keyboard has delete
    return widget


class Page(QFrame):
    """A screen with a tone (neutral, success, attention) the stylesheet colours."""

    def __init__(self, name: str, tone: str = "neutral") -> None:
        super().__init__()
        self.setObjectName(name)
        self.setProperty("page", True)
        self.setProperty("tone", tone)
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(48, 16, 48, 16)
        self.box.setSpacing(14)

    def retranslate(self) -> None:
        """Set every fixed text in the current language."""

    def clear(self) -> None:
        """Forget everything a guest typed or was shown."""

    def first_focus(self) -> QWidget | None:
        return None


def centred_row(*widgets: QWidget, stretch: bool = True) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setSpacing(18)
    if stretch:
        row.addStretch(1)
    for widget in widgets:
        row.addWidget(widget)
    if stretch:
        row.addStretch(1)
    return row


def centred_row_of(inner: QVBoxLayout) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    row.addLayout(inner)
    row.addStretch(1)
    return row
