"""Badges at the self-service kiosk: the success screen says the badge is printing (only
when a printer is set), and sends the guest to the desk for it when printing fails."""

from __future__ import annotations

from PySide6.QtCore import QObject

from kiosk.services.selfservice_steps import CheckedIn
from kiosk.ui.badge_printer import BadgePrinter
from kiosk.ui.selfservice.guard import ms
from kiosk.ui.selfservice.page_parts import label
from kiosk.ui.selfservice.window import SelfServiceWindow


class KioskBadges(QObject):
    def __init__(self, window: SelfServiceWindow, printer: BadgePrinter) -> None:
        super().__init__(window)
        self.window, self.printer = window, printer
        self.key: str | None = None  # the print of the guest on the success screen
        page = window.done
        self.note = label("kioskBody")
        self.note.setObjectName("badgeNote")
        self.note.setProperty("role", "next")
        page.box.insertWidget(page.box.indexOf(page.next_step) + 1, self.note)
        self.note.hide()
        window.step_shown.connect(self._shown)
        printer.finished.connect(self._finished)

    def _shown(self, page: str) -> None:
        step = self.window.step
        self.key = None
        self.note.hide()
        settings = self.printer.settings
        if not isinstance(step, CheckedIn) or page != self.window.done.objectName():
            return
        if not (settings.enabled and settings.print_on_checkin):
            return
        entry = self.printer.service.outbox.get(step.change_key)
        if entry is None:
            return
        record = self.printer.print_guest(entry.change.guest_id)
        if record is not None:
            self.key = record.key
            self.note.setText(self.tr("Your badge is printing."))
            self.note.setAccessibleName(self.note.text())
            self.note.show()

    def _finished(self, key: str, _guest_id: str, failure: str, _printer: str) -> None:
        if key != self.key or not failure:
            return
        self.note.setText(
            self.tr("Your badge could not be printed. Please see the staff desk for it.")
        )
        self.note.setAccessibleName(self.note.text())
        # The guest needs the time the desk screen gives to read where to go.
        self.window.auto_return.start(ms(self.window.timings.desk))
