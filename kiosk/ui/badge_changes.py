"""The badges printed at this desk, under the changes in the Changes window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout, QWidget

from kiosk.services.checkin import CheckinService
from kiosk.services.prints import PrintState
from kiosk.ui.badge_printer import failure_words
from kiosk.ui.models import local_time
from kiosk.ui.plain import clean


class PrintsSection(QWidget):
    def __init__(self, service: CheckinService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setObjectName("printsHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.list = QListWidget()
        self.list.setObjectName("printsList")
        self.list.setMaximumHeight(110)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)
        self.reload()

    def reload(self) -> None:
        prints = list(reversed(self.service.prints.all()))
        self.setVisible(bool(prints))
        self.heading.setText(
            self.tr("Badges printed on this desk: %1").replace("%1", str(len(prints)))
        )
        self.list.clear()
        for p in prints:
            if p.state is PrintState.QUEUED:
                outcome = self.tr("sent to %1").replace("%1", clean(p.printer, 80))
            elif p.state is PrintState.FAILED:
                outcome = self.tr("not printed: %1").replace(
                    "%1", failure_words(p.message, p.printer)
                )
            else:
                outcome = self.tr("printing…")
            self.list.addItem(f"{local_time(p.asked_at)} · {clean(p.guest_name, 80)} · {outcome}")
