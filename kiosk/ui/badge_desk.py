"""Badges at the desk: *Print badge on check-in*, *Reprint* on the guest pane (asking
before a second copy), and one line with *Retry* when a badge did not print. The check-in
is recorded before any of this runs, and stands whatever the printer does."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
)

from kiosk import config
from kiosk.badges import BadgeSettings, TemplateError, load_template
from kiosk.badges.template import BadgeTemplate
from kiosk.domain import Status
from kiosk.domain.errors import ConfigError
from kiosk.ui.badge_printer import BadgePrinter, failure_words
from kiosk.ui.main_window import MainWindow
from kiosk.ui.plain import clean

log = logging.getLogger(__name__)
Keeper = Callable[[BadgeSettings], None]


def template_of(settings: BadgeSettings) -> tuple[BadgeTemplate, str]:
    """The profile's template, or the built-in one and the reason its file was not used."""
    from pathlib import Path

    try:
        return load_template(Path(settings.template) if settings.template else None), ""
    except TemplateError as exc:
        log.warning("badge template not used: %s", exc)
        return BadgeTemplate(), str(exc)


def profile_badges(profile: str | None) -> tuple[BadgeSettings, Keeper | None]:
    """The badge settings of a saved profile, and a way to keep changes to them there
    (None for the demo, or a profile that cannot be read: its settings last this run)."""
    if profile is None:
        return BadgeSettings(), None
    path = config.profile_path(profile)
    try:
        saved = config.load_profile(path)
    except ConfigError as exc:
        log.warning("badge settings not read: %s", exc)
        return BadgeSettings(), None
    if saved is None:
        return BadgeSettings(), None

    def keep(settings: BadgeSettings) -> None:
        try:
            current = config.load_profile(path) or saved
            config.save_profile(dataclasses.replace(current, badges=settings), path)
        except (ConfigError, OSError) as exc:
            log.error("badge settings not saved to %s: %s", path, exc)

    return saved.badges, keep


class BadgeDesk(QObject):
    """The desk window's badge controls, wired to one ``BadgePrinter``."""

    def __init__(self, window: MainWindow, printer: BadgePrinter, keep: Keeper | None) -> None:
        super().__init__(window)
        self.window, self.printer, self.keep = window, printer, keep
        self.failed_guest: str | None = None
        self.ask_box: QMessageBox | None = None
        self.line = QFrame()
        self.line.setObjectName("badgeLine")
        # The storage banner's look: trouble that needs a person, not a decision.
        self.line.setStyleSheet(
            "QFrame#badgeLine { border-radius: 6px; background: #fff4e5; }"
            " QLabel#badgeLineText { font-weight: bold; color: #7a4100; }"
        )
        row = QHBoxLayout(self.line)
        row.setContentsMargins(8, 4, 8, 4)
        self.line_text = QLabel()
        self.line_text.setObjectName("badgeLineText")
        self.line_text.setTextFormat(Qt.TextFormat.PlainText)
        self.line_text.setWordWrap(True)
        row.addWidget(self.line_text, 1)
        self.retry = QPushButton(self.tr("Retry"))
        self.retry.setObjectName("badgeRetry")
        self.retry.setMinimumHeight(40)
        self.retry.clicked.connect(self._retry)
        row.addWidget(self.retry)
        self.line.hide()
        central = window.centralWidget()
        if central is not None and isinstance(layout := central.layout(), QBoxLayout):
            layout.insertWidget(1, self.line)  # under the banner, over the search
        self.on_checkin = QCheckBox(self.tr("Print on check-in"))
        self.on_checkin.setObjectName("badgeOnCheckin")
        self.on_checkin.setAccessibleName(self.tr("Print a badge when a guest is checked in"))
        self.on_checkin.toggled.connect(self._toggle)
        self.settings_button = QPushButton(self.tr("Badges…"))
        self.settings_button.setObjectName("badgeSettings")
        self.settings_button.clicked.connect(self.open_settings)
        self.reprint = QPushButton()
        self.reprint.setObjectName("badgeReprint")
        self.reprint.setMinimumHeight(40)
        self.reprint.clicked.connect(self.reprint_shown)
        # On the guest pane, under the status: the badge goes with the guest shown.
        controls = QHBoxLayout()
        controls.addWidget(self.on_checkin, 1)
        controls.addWidget(self.settings_button)
        pane = window.details.layout()
        if isinstance(pane, QBoxLayout):
            pane.addWidget(self.reprint)
            pane.addLayout(controls)
        window.vm.status_recorded.connect(self._recorded)
        window.vm.guest_changed.connect(lambda _gid: self._refresh())
        window._pane_timer.timeout.connect(self._refresh)
        printer.finished.connect(self._finished)
        printer.started.connect(lambda _key, _gid: self._refresh())
        printer.settings_changed.connect(self._refresh)
        window.installEventFilter(self)
        self._refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The window goes for good only with ``allow_close`` (after the outbox's flush):
        # the badge process ends with it, its last badge out first.
        if event.type() == QEvent.Type.Close and self.window.allow_close:
            self.printer.shutdown()
        return False

    # -- intent -------------------------------------------------------------------------

    def reprint_shown(self) -> None:
        """Print the shown guest's badge; a second copy is asked about first."""
        guest_id = self.window.details.guest_id
        if guest_id is None or not self.printer.enabled:
            return
        copies = self.printer.printed_count(guest_id)
        if not copies:
            self.printer.print_guest(guest_id)
            return
        guest = self.printer.service.guest(guest_id)
        box = QMessageBox(self.window)
        box.setObjectName("badgeAgainBox")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Kiosk — badge"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            self.tr("A badge for %1 was printed already. Print another?").replace(
                "%1", clean(guest.name if guest else guest_id, 80)
            )
        )
        again = box.addButton(self.tr("Print again"), QMessageBox.ButtonRole.AcceptRole)
        again.setObjectName("badgeAgain")
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)

        def answered() -> None:
            if box.clickedButton() is again:
                self.printer.print_guest(guest_id)
            self.ask_box = None

        box.finished.connect(lambda _result: answered())
        self.ask_box = box
        box.open()  # never exec(): the loop keeps running

    def open_settings(self) -> None:
        from kiosk.ui.badge_settings import BadgeSettingsDialog

        dialog = BadgeSettingsDialog(self.printer, self.window.details.guest_id, self.window)
        dialog.saved.connect(self._saved)
        dialog.open()

    # -- bindings -----------------------------------------------------------------------

    def _saved(self, settings: BadgeSettings) -> None:
        template, _problem = template_of(settings)
        self.printer.configure(settings, template)
        if self.keep is not None:
            self.keep(settings)

    def _toggle(self, on: bool) -> None:
        if on != self.printer.settings.print_on_checkin:
            self._saved(dataclasses.replace(self.printer.settings, print_on_checkin=on))

    def _recorded(self, guest_id: str, wire: str) -> None:
        settings = self.printer.settings
        if wire != Status.ATTENDED.wire or not (settings.enabled and settings.print_on_checkin):
            return
        if self.printer.printed_count(guest_id) == 0:  # a second copy only when asked
            self.printer.print_guest(guest_id)

    def _finished(self, _key: str, guest_id: str, failure: str, printer: str) -> None:
        if (changes := self.window.changes_dialog) is not None:
            changes.reload()  # the print's outcome in its list, if open
        if not failure:
            if guest_id == self.failed_guest:
                self.line.hide()
                self.failed_guest = None
            self._refresh()
            return
        guest = self.printer.service.guest(guest_id)
        name = clean(guest.name if guest else guest_id, 80)
        self.failed_guest = guest_id
        self.line_text.setText(
            self.tr("The badge for %1 did not print: %2. The check-in stands.")
            .replace("%1", name)
            .replace("%2", failure_words(failure, printer))
        )
        self.line_text.setAccessibleName(self.line_text.text())
        self.line.show()

    def _retry(self) -> None:
        if self.failed_guest is not None:
            self.line.hide()
            self.printer.print_guest(self.failed_guest)

    def _refresh(self) -> None:
        settings = self.printer.settings
        self.on_checkin.blockSignals(True)
        self.on_checkin.setChecked(settings.print_on_checkin)
        self.on_checkin.blockSignals(False)
        self.on_checkin.setEnabled(settings.enabled)
        guest_id = self.window.details.guest_id
        shown = settings.enabled and guest_id is not None
        self.reprint.setVisible(shown)
        if shown and guest_id is not None:
            printed = self.printer.printed_count(guest_id) > 0
            self.reprint.setText(self.tr("Reprint badge") if printed else self.tr("Print badge"))


def attach_badges(window: MainWindow, profile: str | None) -> BadgeDesk:
    """Badges for the desk window, with the saved profile's settings (``profile`` None:
    the demo, whose settings last the run)."""
    settings, keep = profile_badges(profile)
    template, _problem = template_of(settings)
    printer = BadgePrinter(window.vm.service, settings, template, window)
    return BadgeDesk(window, printer, keep)
