"""The five-status picker: one large button per status, with why some cannot be set."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.backends.base import Capabilities
from kiosk.domain import Status
from kiosk.domain.status import ORDER
from kiosk.ui.badges import STATUS_MARKS
from kiosk.ui.models import status_label


class _StatusButton(QPushButton):
    """A status button never narrower than its word: a fixed minimum clipped German
    "Eingeladen" and "Anwesend" in a 1280 px window. (The style sheet's font is known
    only once polished, so this asks the size hint each time, not once.)"""

    def minimumSizeHint(self) -> QSize:
        hint = self.sizeHint()
        # The widest line and the style sheet's padding and border, not the style's
        # generous default margins: three such buttons a row fit a 1024 px window's pane.
        words = max(self.fontMetrics().horizontalAdvance(line) for line in self.text().split("\n"))
        return QSize(max(72, words + 16), max(72, hint.height()))


class StatusPicker(QFrame):
    """Exactly the five statuses as large buttons; the current one marked, the ones the
    platform cannot write disabled with the reason shown beneath.

    Signals:
        picked(str): a status (wire value) was chosen.
    """

    picked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusPicker")
        self.setAccessibleName(self.tr("Set status"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # The picker's narrowest is three buttons a row (``minimumSizeHint``), not the
        # grid's five: at 1024 px five kept the pane wide and squeezed the guest list.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        row = self._grid = QGridLayout()
        row.setSpacing(8)
        self._columns = len(ORDER)
        self.buttons: dict[Status, QPushButton] = {}
        for column, status in enumerate(ORDER):
            # Mark above word: five buttons fit side by side on a narrow pane.
            button = _StatusButton(f"{STATUS_MARKS[status]}\n{status_label(status)}")
            button.setObjectName(f"status-{status.wire}")
            button.setProperty("status", status.wire)
            button.setCheckable(True)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setToolTip(self.tr("Ctrl+%1").replace("%1", str(column + 1)))
            button.setAccessibleName(status_label(status))
            button.clicked.connect(lambda _checked=False, s=status: self._clicked(s))
            row.addWidget(button, 0, column)
            self.buttons[status] = button
        layout.addLayout(row)
        self.reasons = QLabel()
        self.reasons.setObjectName("statusReasons")
        self.reasons.setWordWrap(True)
        self.reasons.setAccessibleName(self.tr("Statuses this platform cannot set"))
        layout.addWidget(self.reasons)
        self._capabilities: Capabilities | None = None
        self._current: Status | None = None
        self._owner = ""
        self._shown: tuple[Status | None, str, str] | None = None
        self.set_guest(None)

    def _row_width(self, count: int) -> int:
        widest = sorted((b.minimumSizeHint().width() for b in self.buttons.values()), reverse=True)
        return sum(widest[:count]) + self._grid.spacing() * (count - 1)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(self._row_width(3), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Five in a row where they fit whole, else three and two: a word is never cut.
        columns = len(ORDER) if event.size().width() >= self._row_width(len(ORDER)) else 3
        if columns != self._columns:
            self._columns = columns
            for number, status in enumerate(ORDER):
                button = self.buttons[status]
                self._grid.removeWidget(button)
                self._grid.addWidget(button, number // columns, number % columns)
        super().resizeEvent(event)

    @property
    def columns(self) -> int:
        """How many status buttons stand side by side now (five, or three and two)."""
        return self._columns

    def set_capabilities(self, capabilities: Capabilities) -> None:
        self._capabilities = capabilities
        lines = []
        for status in ORDER:
            reason = capabilities.reason(status)
            if reason:
                lines.append(f"{status_label(status)}: {reason}")
        self.reasons.setText("\n".join(lines))
        self.reasons.setVisible(bool(lines))
        self._refresh()

    def set_guest(self, status: Status | None, owner: str = "") -> None:
        """``owner``: the guest's name, so a screen reader landing on a button says
        whose status it is."""
        # Called at every keystroke (the top match is shown as people type): the
        # buttons' states, tips and descriptions change only with the status shown (or
        # the guest, or the language).
        shown = (status, owner, self.tr("Ctrl+%1"))
        if shown == self._shown:
            return
        self._current = status
        self._owner = owner
        self._refresh()

    def _refresh(self) -> None:
        owner = self._owner
        self._shown = (self._current, owner, self.tr("Ctrl+%1"))
        self.setAccessibleName(
            self.tr("Set status of %1").replace("%1", owner) if owner else self.tr("Set status")
        )
        current = self.tr("Current status of %1").replace("%1", owner)
        for status, button in self.buttons.items():
            reason = self._capabilities.reason(status) if self._capabilities else None
            enabled = self._current is not None and reason is None
            button.setEnabled(enabled)
            button.setChecked(status is self._current)
            shortcut = self.tr("Ctrl+%1").replace("%1", str(ORDER.index(status) + 1))
            button.setToolTip(reason or shortcut)
            button.setAccessibleDescription(
                reason
                or (
                    (current if owner else self.tr("Current status"))
                    if status is self._current
                    else shortcut
                )
            )

    def _clicked(self, status: Status) -> None:
        self._refresh()  # the checked mark follows the platform, not the click
        self.picked.emit(status.wire)
