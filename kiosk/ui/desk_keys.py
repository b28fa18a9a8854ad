"""The desk window's keyboard: shortcuts, Help menu, keys in the list, and scanned tickets."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal, SignalInstance
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMainWindow

from kiosk.domain import Status
from kiosk.domain.status import ORDER
from kiosk.ui.desk_questions import ask_declined, typed_not_scanned
from kiosk.ui.guest_pane import NAME_CHARS, GuestDetails
from kiosk.ui.models import GuestTableModel
from kiosk.ui.plain import clean
from kiosk.ui.results_view import ResultsView
from kiosk.ui.scanner import ScanDetector, readable_as
from kiosk.ui.shortcuts_help import show_shortcuts
from kiosk.ui.viewmodel import CheckinViewModel

# The texts are MainWindow's: each call names that translation context (lupdate reads it).
translate = QCoreApplication.translate


class DeskKeys(QMainWindow):
    """The part of ``MainWindow`` that answers keys: Ctrl+1…5, Esc, Ctrl+F, Ctrl+L,
    Ctrl+Q and F1; ↓/↑ and Enter from the search field; and a keyboard-wedge scanner,
    which types into whatever has the focus.

    Its texts are ``MainWindow``'s: they are translated in that context, as they were
    when this was written inside the window class."""

    #: Kiosk → Settings… or Ctrl+, (and "Fix the key…" on the wrong-key banner): the
    #: app opens the Settings dialog (it knows the profile).
    settings_requested = Signal()

    # The window's, used here.
    vm: CheckinViewModel
    search: QLineEdit
    scan_message: QLabel
    model: GuestTableModel
    results: ResultsView
    details: GuestDetails
    platform_name: str
    pane_cleared = False
    close_requested: SignalInstance
    about_requested: SignalInstance
    selected_guest_id: Callable[[], str | None]
    set_selected_status: Callable[[Status], None]
    open_selected: Callable[[], None]
    show_changes: Callable[..., None]
    _select_row: Callable[[int], None]

    def _install_scanner(self) -> None:
        # A keyboard-wedge scanner types into whatever has focus: catch it window-wide.
        self.scanner = ScanDetector(self)
        self.scanner.scanned.connect(self.handle_scan)

    def _install_shortcuts(self) -> None:
        for number, status in enumerate(ORDER, start=1):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.activated.connect(lambda s=status: self.set_selected_status(s))
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self).activated.connect(self.clear_search)
        QShortcut(QKeySequence("Ctrl+Q"), self).activated.connect(self.close_requested)
        QShortcut(QKeySequence("Ctrl+F"), self).activated.connect(self.clear_search)
        help_menu = self.menuBar().addMenu(translate("MainWindow", "&Help"))
        help_menu.setObjectName("helpMenu")
        self.about_action = help_menu.addAction(translate("MainWindow", "&About Kiosk"))
        self.about_action.setObjectName("aboutAction")
        self.about_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        self.about_action.triggered.connect(self.about_requested)
        QShortcut(QKeySequence("Ctrl+L"), self).activated.connect(
            lambda: self.show_changes(attention=False)
        )
        self.shortcuts_action = help_menu.addAction(translate("MainWindow", "&Keyboard shortcuts"))
        self.shortcuts_action.setObjectName("shortcutsAction")
        self.shortcuts_action.setShortcut(QKeySequence("Ctrl+/"))
        self.shortcuts_action.triggered.connect(lambda: show_shortcuts(self))
        kiosk_menu = self.menuBar().addMenu(translate("MainWindow", "&Kiosk"))
        kiosk_menu.setObjectName("kioskMenu")
        self.menuBar().insertMenu(help_menu.menuAction(), kiosk_menu)
        self.settings_action = kiosk_menu.addAction(translate("MainWindow", "&Settings…"))
        self.settings_action.setObjectName("settingsAction")
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.settings_requested)

    def clear_search(self) -> None:
        self.search.clear()
        self.search.setFocus()
        self.clear_pane()

    def open_guest(self, guest_id: str) -> None:
        """Show one guest by id (a change double-clicked in the changes list), whatever
        the search held: the list holds just them, and the window comes forward."""
        guest = self.vm.service.guest(guest_id)
        if guest is None:
            return
        self.raise_()
        self.activateWindow()
        self.search.blockSignals(True)  # the list is this guest, not the name's matches
        self.search.setText(guest.name or guest.ticket)
        self.search.blockSignals(False)
        self.model.set_results([guest])
        self._select_row(0)
        self.open_selected()

    def clear_pane(self) -> None:
        """No guest chosen (after Esc or an unknown scan): the pane says how to find one
        and Ctrl+1…5 act on nobody, until a guest is chosen again."""
        self.pane_cleared = True
        self.results.selectionModel().clear()
        self.details.show_guest(None, None, self.platform_name)

    def handle_scan(self, code: str) -> None:
        """A scanned code: open the guest it belongs to, or say it is unknown."""
        shown = clean(code, 60)
        asking = QApplication.activeModalWidget()
        if asking is not None and asking is not self:
            # A question (a change made elsewhere ...) or a notice is open: a scan must
            # not answer it, nor change anyone behind it.
            QApplication.beep()
            self._scan_said(
                "unknown",
                translate(
                    "MainWindow",
                    "Scanned %1 while a message is open: answer or close it, then scan again.",
                ).replace("%1", shown),
            )
            return
        if not self.isActiveWindow():  # scanned in the changes list: show the guest
            self.raise_()
            self.activateWindow()
        index = self.vm.service.index
        code = readable_as(code, lambda c: bool(index.lookup_code(c)))
        outcome = self.vm.scan(code, self.scanner.clock())
        if outcome.repeated:
            self._scan_said(
                "repeat",
                translate("MainWindow", "Scanned again: %1. Nothing was changed.").replace(
                    "%1", shown
                ),
            )
            return
        if not outcome.guests:
            if typed_not_scanned(code):
                # A fast typist's name, not a ticket: searched as typed, said nothing.
                self.search.setText(self.search.text() + code)
                self.search.setFocus()
                return
            # No guest is chosen now: Ctrl+1…5 must not act on the one shown before.
            self.clear_pane()
            QApplication.beep()
            self._scan_said(
                "unknown",
                translate(
                    "MainWindow",
                    "Unknown code: %1. No guest of this event has it. Check that the ticket"
                    " is for this event, or search by name.",
                ).replace("%1", shown),
            )
            return
        self.search.blockSignals(True)  # show what was scanned; the match list is exact
        self.search.setText(code)
        self.search.blockSignals(False)
        self.model.set_results(outcome.guests)
        self._select_row(0)
        if len(outcome.guests) > 1:
            self._scan_said(
                "several",
                translate("MainWindow", "%1 guests have this code: pick one.").replace(
                    "%1", str(len(outcome.guests))
                ),
            )
            return
        name = clean(outcome.guests[0].name or outcome.guests[0].ticket, NAME_CHARS)
        if outcome.checked_in:
            self._scan_said(
                "checked-in", translate("MainWindow", "✓ %1 checked in.").replace("%1", name)
            )
        elif outcome.already_in:
            QApplication.beep()
            self._scan_said(
                "already",
                translate("MainWindow", "%1 is already checked in.").replace("%1", name),
            )
        elif outcome.declined:
            self._scan_said(
                "already",
                translate("MainWindow", "%1 declined: check them in?").replace("%1", name),
            )
            ask_declined(self, outcome.guests[0], self.vm)
        else:
            self._scan_said("found", translate("MainWindow", "Found %1.").replace("%1", name))
        self.open_selected()

    def _scan_said(self, kind: str, text: str) -> None:
        self.scan_message.setText(text)
        self.scan_message.setProperty("scan", kind)
        self.scan_message.style().unpolish(self.scan_message)
        self.scan_message.style().polish(self.scan_message)
        self.scan_message.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.search and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                row = self.results.selected_row()
                self._select_row(row + (1 if key == Qt.Key.Key_Down else -1))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and watched in (
                self.search,
                self.results,
            ):
                self.open_selected()
                return True
        return super().eventFilter(watched, event)
