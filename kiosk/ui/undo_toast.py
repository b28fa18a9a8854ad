"""The toast after every change: what was done, and *Undo* for ten seconds (Ctrl+Z)."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

#: How long a toast without a button (an undo's outcome) stays, in milliseconds.
SAID_FOR_MS = 5000


class UndoToast(QFrame):
    """Floats over the bottom of ``host`` (the window's central widget), centred, and
    follows its size. ``offer`` shows a change with *Undo* for ``seconds``; ``say``
    shows an outcome for a few seconds.

    Signals:
        undo_requested(): the Undo button was pressed (a tap, Enter on it, or Ctrl+Z).
        expired(): an offer's time ran out (the toast went with it).
    """

    undo_requested = Signal()
    expired = Signal()

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.setObjectName("undoToast")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # Its own look, dark over the light window, whatever the theme gives frames.
        self.setStyleSheet(
            "#undoToast { background: #1f2933; border-radius: 8px; }"
            " #undoToastText { color: #ffffff; }"
        )
        self.setAccessibleName(self.tr("Last change"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 8, 8)
        self.text = QLabel()
        self.text.setObjectName("undoToastText")
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # holds a guest's name
        self.text.setWordWrap(True)
        layout.addWidget(self.text, 1)
        self.button = QPushButton()
        self.button.setObjectName("undoButton")
        self.button.setMinimumHeight(48)
        self.button.setMinimumWidth(120)
        self.button.setAccessibleName(self.tr("Undo the last change"))
        self.button.setToolTip(self.tr("Undo the last change (Ctrl+Z)"))
        self.button.clicked.connect(self.undo_requested)
        layout.addWidget(self.button)
        self._left_ms = self._full_ms = 0
        self._tick = QTimer(self)
        self._tick.setInterval(250)
        self._tick.timeout.connect(self._count_down)
        self._hide = QTimer(self)
        self._hide.setSingleShot(True)
        self._hide.setTimerType(Qt.TimerType.PreciseTimer)  # the offer ends when it says
        self._hide.timeout.connect(self._time_up)
        host.installEventFilter(self)
        self.hide()

    def offer(self, text: str, seconds: float) -> None:
        self._left_ms = self._full_ms = int(seconds * 1000)
        self.text.setText(text)
        self.button.show()
        self._label_button()
        self._hide.start(self._left_ms)
        self._tick.start()
        if not self.isVisible():  # changes in a row only change its text
            self._place()
            self.show()
            self.raise_()

    def say(self, text: str) -> None:
        self._tick.stop()
        self.button.hide()
        self.text.setText(text)
        self._hide.start(SAID_FOR_MS)
        self._place()
        self.show()
        self.raise_()

    def _time_up(self) -> None:
        offering = self.offering
        self.dismiss()
        if offering:
            self.expired.emit()

    def dismiss(self) -> None:
        self._tick.stop()
        self._hide.stop()
        self.hide()

    @property
    def offering(self) -> bool:
        return self.isVisible() and self.button.isVisible()

    def _count_down(self) -> None:
        # Never above the offer's time: a timer's remaining time may run a little over.
        self._left_ms = max(0, min(self._full_ms, self._hide.remainingTime()))
        self._label_button()

    def _label_button(self) -> None:
        seconds = math.ceil(self._left_ms / 1000)
        self.button.setText(self.tr("Undo (%1)").replace("%1", str(seconds)))

    def _place(self) -> None:
        host = self.parentWidget()
        if host is None:
            return
        width = min(host.width() - 24, max(520, host.width() * 3 // 5))
        self.setFixedWidth(max(200, width))
        self.adjustSize()
        self.move((host.width() - self.width()) // 2, host.height() - self.height() - 12)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return super().eventFilter(watched, event)
