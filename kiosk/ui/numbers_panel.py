"""The live numbers panel (Ctrl+I): arrived, expected and total, by status and ticket
type, arrivals per ten minutes as a small chart, and when the accepted guests are in."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain import Status
from kiosk.domain.status import ORDER
from kiosk.services.numbers import Numbers
from kiosk.ui.badges import STATUS_COLOURS
from kiosk.ui.models import status_label
from kiosk.ui.plain import clean

#: Ticket types shown in the table; the rest are summed up in one row.
TYPE_ROWS = 12


def clock_time(moment: datetime) -> str:
    """A time of day on the desk's clock, 19:40."""
    return moment.astimezone().strftime("%H:%M")


class ArrivalsChart(QWidget):
    """Bars of arrivals per ten minutes: all desks, and this desk's part inside them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("arrivalsChart")
        self.setMinimumHeight(120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.slots: list[tuple[datetime, int, int]] = []

    def show_slots(self, slots: list[tuple[datetime, int, int]]) -> None:
        if slots == self.slots:
            return  # nothing to paint again
        self.slots = slots
        total = sum(s[1] for s in slots)
        self.setAccessibleName(self.tr("Arrivals per 10 minutes: %1 in the last two hours")
                               .replace("%1", str(total)))  # fmt: skip
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.slots:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        line = metrics.height()
        area = QRectF(self.rect()).adjusted(4, line + 2, -4, -line - 4)
        peak = max(1, max(s[1] for s in self.slots))
        width = area.width() / len(self.slots)
        text = self.palette().windowText().color()
        here = QColor(STATUS_COLOURS[Status.ATTENDED])
        attended = QColor(here)
        attended.setAlpha(110)  # the same green, paler: every desk; full: this desk
        for number, (start, everyone, mine) in enumerate(self.slots):
            left = area.left() + number * width
            bar = QRectF(left + 3, area.bottom(), width - 6, 0)
            for count, colour in ((everyone, attended), (mine, here)):
                height = area.height() * min(count, peak) / peak
                painter.fillRect(bar.adjusted(0, -height, 0, 0), colour)
            painter.setPen(text)
            if everyone:
                top = area.bottom() - area.height() * everyone / peak - line - 1
                painter.drawText(QRectF(left, top, width, line),
                                 Qt.AlignmentFlag.AlignCenter, str(everyone))  # fmt: skip
            if number % 2 == 0 or width > metrics.horizontalAdvance("00:00") + 6:
                painter.drawText(QRectF(left - width / 2, area.bottom() + 2, width * 2, line),
                                 Qt.AlignmentFlag.AlignCenter, clock_time(start))  # fmt: skip
        painter.end()


class NumbersPanel(QDialog):
    """Non-modal; filled by ``show_numbers`` (the toolkit calls it as numbers change).

    Signals:
        sweep_requested(): the person asked for the end-of-event no-show sweep.
    """

    sweep_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("numbersPanel")
        self.setWindowTitle(self.tr("Kiosk — live numbers"))
        self.setAccessibleName(self.tr("Live numbers"))
        self.resize(760, 600)
        layout = QVBoxLayout(self)
        self.headline = self._label("numbersHeadline", 1.6)
        self.forecast = self._label("numbersForecast", 1.1)
        self.desks = self._label("numbersDesks")
        layout.addWidget(self.headline)
        layout.addWidget(self.forecast)
        layout.addWidget(self.desks)
        statuses = QGridLayout()
        self.status_labels: dict[str, QLabel] = {}
        for column, status in enumerate(ORDER):
            name = QLabel(status_label(status))
            value = self._label(f"numbersStatus-{status.wire}", 1.3)
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            name.setAlignment(Qt.AlignmentFlag.AlignCenter)
            statuses.addWidget(value, 0, column)
            statuses.addWidget(name, 1, column)
            self.status_labels[status.wire] = value
        layout.addLayout(statuses)
        chart_title = QLabel(self.tr("Arrivals per 10 minutes (darker: this desk)"))
        layout.addWidget(chart_title)
        self.chart = ArrivalsChart()
        layout.addWidget(self.chart, 2)
        self.types = QTableWidget(0, 4)
        self.types.setObjectName("numbersTypes")
        self.types.setAccessibleName(self.tr("Numbers by ticket type"))
        self.types.setHorizontalHeaderLabels(
            [self.tr("Ticket type"), self.tr("Arrived"), self.tr("Expected"), self.tr("Total")]
        )
        self.types.verticalHeader().hide()
        self.types.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.types.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.types, 2)
        buttons = QHBoxLayout()
        self.sweep_button = QPushButton(self.tr("Mark no-shows…"))
        self.sweep_button.setObjectName("numbersSweep")
        self.sweep_button.setToolTip(
            self.tr("End of the event: mark the accepted guests who did not come as no-show")
        )
        self.sweep_button.clicked.connect(self.sweep_requested)
        close = QPushButton(self.tr("Close"))
        close.setObjectName("numbersClose")
        close.clicked.connect(self.close)
        for button in (self.sweep_button, close):
            button.setMinimumHeight(48)
            buttons.addWidget(button)
        buttons.insertStretch(1, 1)
        layout.addLayout(buttons)

    def _label(self, name: str, scale: float = 1.0) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        if scale != 1.0:
            font = label.font()
            font.setPointSizeF(font.pointSizeF() * scale)
            font.setBold(True)
            label.setFont(font)
        return label

    def show_numbers(self, numbers: Numbers) -> None:
        headline = (
            self.tr("%1 arrived · %2 expected · %3 guests")
            .replace("%1", str(numbers.arrived))
            .replace("%2", str(numbers.expected))
            .replace("%3", str(numbers.total))
        )
        self.headline.setText(headline)
        self.headline.setAccessibleName(headline)
        self.forecast.setText(self._forecast(numbers))
        self.desks.setText(
            self.tr("This desk checked in %1; all desks %2. Pace: %3 an hour (last 30 min).")
            .replace("%1", str(numbers.arrived_here))
            .replace("%2", str(numbers.arrived))
            .replace("%3", f"{numbers.pace_per_hour:.0f}")
        )
        for status, count in numbers.by_status.items():
            self.status_labels[status.wire].setText(str(count))
        self.chart.show_slots(numbers.slots)
        self._show_types(numbers)
        self.sweep_button.setText(
            self.tr("Mark %1 no-shows…").replace("%1", str(numbers.waiting))
            if numbers.waiting
            else self.tr("Mark no-shows…")
        )
        self.sweep_button.setEnabled(numbers.waiting > 0)

    def _forecast(self, numbers: Numbers) -> str:
        if numbers.waiting == 0:
            return self.tr("No accepted guest is still to come.")
        if numbers.clear_by is None:
            return self.tr(
                "%n accepted guest(s) not arrived yet; no arrivals in the last 30 minutes.",
                "",
                numbers.waiting,
            )
        return self.tr(
            "%n accepted guest(s) not arrived yet: at this pace they clear by %1.",
            "",
            numbers.waiting,
        ).replace("%1", clock_time(numbers.clear_by))

    def _show_types(self, numbers: Numbers) -> None:
        rows = numbers.by_type[:TYPE_ROWS]
        rest = numbers.by_type[TYPE_ROWS:]
        shown = [(clean(r.ticket_type, 60) or self.tr("(no type)"), r.arrived, r.expected,
                  r.total) for r in rows]  # fmt: skip
        if rest:
            shown.append(
                (
                    self.tr("%1 other types").replace("%1", str(len(rest))),
                    sum(r.arrived for r in rest),
                    sum(r.expected for r in rest),
                    sum(r.total for r in rest),
                )
            )
        # Items are kept and only changed texts set: a refresh while a queue drains
        # repaints the cells that changed, not the table.
        if self.types.rowCount() != len(shown):
            self.types.setRowCount(len(shown))
        for number, row in enumerate(shown):
            for column, value in enumerate(row):
                item = self.types.item(number, column)
                if item is None:
                    item = QTableWidgetItem()
                    if column:
                        item.setTextAlignment(
                            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                        )
                    self.types.setItem(number, column, item)
                if item.text() != str(value):
                    item.setText(str(value))
