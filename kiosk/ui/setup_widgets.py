"""The set-up dialog's building blocks: touch-sized controls, error labels, event dates."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QLocale, QSize, Qt, QTime
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QWidget

from kiosk.domain import Event
from kiosk.services.setup import local_naive

#: Touch targets: at least 48 px high, for a finger at a door.
TOUCH_PX = 48
EVENT_ROW_PX = 56
ERROR_COLOUR = "#b42318"


class TouchLineEdit(QLineEdit):
    """A line edit at least ``TOUCH_PX`` high, whatever the stylesheet's min-height says,
    with room between its frame and the text."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setTextMargins(6, 0, 6, 0)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), max(hint.height(), TOUCH_PX))


class TouchComboBox(QComboBox):
    """A combo box at least ``TOUCH_PX`` high."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), max(hint.height(), TOUCH_PX))


class TouchButton(QPushButton):
    """A push button at least ``TOUCH_PX`` high (the app stylesheet's min-height is less)."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(max(hint.width(), 2 * TOUCH_PX), max(hint.height(), TOUCH_PX))


def touch_button(text: str, object_name: str, accessible_name: str) -> TouchButton:
    button = TouchButton(text)
    button.setObjectName(object_name)
    button.setAccessibleName(accessible_name)
    button.setMinimumHeight(TOUCH_PX)
    return button


def mark_invalid(widget: QWidget, message: str) -> None:
    """Flag a field as wrong, with why as its description; "" takes the flag away."""
    widget.setProperty("invalid", bool(message))
    widget.setAccessibleDescription(message)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def error_label(object_name: str, accessible_name: str) -> QLabel:
    """A hidden, selectable label for a problem, in the error colour."""
    label = QLabel()
    label.setObjectName(object_name)
    label.setAccessibleName(accessible_name)
    label.setWordWrap(True)
    label.setProperty("role", "error")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    # The app stylesheet sets no label colour, so the palette carries the error colour;
    # the "⚠" mark in the text makes sure it is never said by colour alone.
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, ERROR_COLOUR)
    label.setPalette(palette)
    label.hide()
    return label


def event_when(event: Event) -> str:
    """'Sat 5 Sep 2026, 18:00 - 23:00' (with an en dash) in the person's locale."""
    locale = QLocale()

    def day(moment: datetime) -> str:
        return locale.toString(QDate(moment.year, moment.month, moment.day), "ddd d MMM yyyy")

    def time(moment: datetime) -> str:
        return locale.toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)

    if event.starts_at is None:
        return ""
    dash = " \N{EN DASH} "
    start = local_naive(event.starts_at)
    text = f"{day(start)}, {time(start)}"
    if event.ends_at is not None:
        end = local_naive(event.ends_at)
        same_day = end.date() == start.date()
        text += f"{dash}{time(end)}" if same_day else f"{dash}{day(end)}, {time(end)}"
    return text
