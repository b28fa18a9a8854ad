"""The desk-mode check-in window: search, results, guest pane, status bar."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain import Guest, Status
from kiosk.domain.status import ORDER
from kiosk.services.checkin import Connection
from kiosk.store.outbox import EntryState
from kiosk.ui.changes_dialog import ChangesDialog
from kiosk.ui.models import GuestTableModel, short_time, status_label
from kiosk.ui.scanner import ScanDetector
from kiosk.ui.viewmodel import LIST_LIMIT, CheckinViewModel
from kiosk.ui.widgets import GuestDetails, GuestRowDelegate, ResultsView

#: How long after the selection moves the guest pane follows: well under what a person
#: notices, and long enough that the list's repaint has happened in between.
PANE_DELAY_MS = 10


class MainWindow(QMainWindow):
    """Desk mode. Thin: it forwards intent to the view-model and binds to its signals.

    Signals:
        close_requested(): the person closed the window or pressed Ctrl+Q; the app's
            main coroutine decides when the window really goes (after flushing).
        about_requested(): Help → About or F1; the app opens the About dialog (it knows
            the log file).
    """

    close_requested = Signal()
    about_requested = Signal()

    def __init__(self, vm: CheckinViewModel, *, platform_name: str) -> None:
        super().__init__()
        self.vm = vm
        self.platform_name = platform_name
        self.allow_close = False
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Kiosk — check-in"))
        self.setAccessibleName(self.tr("Kiosk check-in"))
        self.resize(1280, 800)

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(12, 12, 12, 0)
        outer.setSpacing(8)

        self.banner = QFrame()
        self.banner.setObjectName("connectionBanner")
        self.banner.setAccessibleName(self.tr("Connection problem"))
        banner_layout = QHBoxLayout(self.banner)
        self.banner_text = QLabel()
        self.banner_text.setObjectName("connectionBannerText")
        self.banner_text.setWordWrap(True)
        banner_layout.addWidget(self.banner_text, 1)
        self.banner_retry = QPushButton(self.tr("Try again now"))
        self.banner_retry.setObjectName("connectionRetry")
        self.banner_retry.setAccessibleName(self.tr("Try to reach the platform again"))
        self.banner_retry.setMinimumHeight(48)
        self.banner_retry.clicked.connect(self.vm.reload)
        banner_layout.addWidget(self.banner_retry)
        self.banner.hide()
        outer.addWidget(self.banner)

        self.search = QLineEdit()
        self.search.setObjectName("searchField")
        self.search.setAccessibleName(self.tr("Search guests"))
        self.search.setPlaceholderText(
            self.tr("Type a name, email or ticket code, or scan a ticket")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumHeight(48)
        self.search.textChanged.connect(self._search_changed)
        self.search.installEventFilter(self)
        self.scan_checks_in = QCheckBox(self.tr("Check in on scan"))
        self.scan_checks_in.setObjectName("scanChecksIn")
        self.scan_checks_in.setAccessibleName(
            self.tr("Check a guest in as soon as their ticket is scanned")
        )
        self.scan_checks_in.setMinimumHeight(48)
        self.scan_checks_in.setChecked(vm.scan_checks_in)
        self.scan_checks_in.toggled.connect(vm.set_scan_checks_in)
        vm.scan_checks_in_changed.connect(self.scan_checks_in.setChecked)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.scan_checks_in)
        outer.addLayout(search_row)
        self.scan_message = QLabel()
        self.scan_message.setObjectName("scanMessage")
        self.scan_message.setAccessibleName(self.tr("Scan result"))
        self.scan_message.setWordWrap(True)
        self.scan_message.hide()
        outer.addWidget(self.scan_message)
        # A keyboard-wedge scanner types into whatever has focus: catch it window-wide.
        self.scanner = ScanDetector(self)
        self.scanner.scanned.connect(self.handle_scan)
        self.scanner.burst_started.connect(self._note_before_scan)
        self._selected_before_scan: str | None = None

        self.model = GuestTableModel(self._lookup, self)
        self.results = ResultsView()
        self.results.setObjectName("resultsView")
        self.results.setAccessibleName(self.tr("Matching guests"))
        self.results.setModel(self.model)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setAlternatingRowColors(True)
        self.results.setShowGrid(False)
        self.results.setWordWrap(False)
        self.results.verticalHeader().hide()
        self.results.verticalHeader().setDefaultSectionSize(44)
        header = self.results.horizontalHeader()
        header.setSectionResizeMode(GuestTableModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(GuestTableModel.EMAIL, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(80)
        header.setSectionResizeMode(GuestTableModel.TICKET, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(GuestTableModel.STATUS, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(GuestTableModel.TICKET, 170)
        header.resizeSection(GuestTableModel.STATUS, 190)
        self.results.setItemDelegate(GuestRowDelegate(self.model, self.results))
        self.results.selectionModel().currentRowChanged.connect(self._current_changed)
        self.results.activated.connect(lambda _index: self.open_selected())
        self.results.installEventFilter(self)

        self.details = GuestDetails()
        self.details.picker.picked.connect(self._picked)
        self.details.sync.retry_requested.connect(self._retry)

        # Under the list when it does not show every match: say so, and how to find anyone.
        self.results_note = QLabel()
        self.results_note.setObjectName("resultsNote")
        self.results_note.setWordWrap(True)
        # Its room is kept while it is hidden: the list does not jump up and down (and
        # lay itself out and repaint whole) as the matches cross the limit while typing.
        keep_room = self.results_note.sizePolicy()
        keep_room.setRetainSizeWhenHidden(True)
        self.results_note.setSizePolicy(keep_room)
        self.results_note.hide()
        listing = QWidget()
        listing_layout = QVBoxLayout(listing)
        listing_layout.setContentsMargins(0, 0, 0, 0)
        listing_layout.setSpacing(4)
        listing_layout.addWidget(self.results)
        listing_layout.addWidget(self.results_note)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(listing)
        split.addWidget(self.details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([760, 500])  # names and emails need the room more than the pane
        split.setChildrenCollapsible(False)
        outer.addWidget(split, 1)
        self.setCentralWidget(central)

        status_bar = self.statusBar()
        status_bar.setObjectName("statusBar")
        self.event_label = QLabel()
        self.event_label.setObjectName("eventLabel")
        self.event_label.setAccessibleName(self.tr("Event"))
        self.connection_label = QLabel()
        self.connection_label.setObjectName("connectionLabel")
        self.connection_label.setAccessibleName(self.tr("Connection"))
        self.pending_label = QLabel()
        self.pending_label.setObjectName("pendingLabel")
        self.pending_label.setAccessibleName(self.tr("Changes not yet delivered"))
        self.attention_button = QPushButton()
        self.attention_button.setObjectName("attentionButton")
        self.attention_button.setAccessibleName(self.tr("Changes that need attention"))
        self.attention_button.clicked.connect(lambda: self.show_changes(attention=True))
        self.attention_button.hide()
        self.changes_button = QPushButton(self.tr("Changes…"))
        self.changes_button.setObjectName("changesButton")
        self.changes_button.setAccessibleName(self.tr("Changes made on this kiosk"))
        self.changes_button.setToolTip(self.tr("Every change made here, with its outcome (Ctrl+L)"))
        self.changes_button.clicked.connect(lambda: self.show_changes(attention=False))
        status_bar.addWidget(self.event_label, 1)
        status_bar.addPermanentWidget(self.connection_label)
        status_bar.addPermanentWidget(self.pending_label)
        status_bar.addPermanentWidget(self.attention_button)
        status_bar.addPermanentWidget(self.changes_button)
        self.changes_dialog: ChangesDialog | None = None
        self.conflict_box: QMessageBox | None = None
        # The age of the oldest waiting change grows while offline: say so now and then.
        self._age_timer = QTimer(self)
        self._age_timer.setInterval(30_000)
        self._age_timer.timeout.connect(lambda: self._pending_changed(-1))
        self._age_timer.start()
        # While a queue drains, counts change hundreds of times a second; the status
        # bar (two queries and a restyle) follows at most ten times a second.
        self._pending_timer = QTimer(self)
        self._pending_timer.setSingleShot(True)
        self._pending_timer.setInterval(100)
        self._pending_timer.timeout.connect(self._show_pending)
        # The guest pane follows the selection a moment later (``PANE_DELAY_MS``), so a
        # keystroke's frame paints the matches and the next one the pane: together they
        # were the loop's longest gap while a queue drained (search, list and pane
        # repaint, ~20 ms); apart, each fits a frame.
        self._pane_timer = QTimer(self)
        self._pane_timer.setSingleShot(True)
        self._pane_timer.setInterval(PANE_DELAY_MS)
        self._pane_timer.timeout.connect(self._show_selected)

        for number, status in enumerate(ORDER, start=1):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.activated.connect(lambda s=status: self.set_selected_status(s))
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self).activated.connect(self.clear_search)
        QShortcut(QKeySequence("Ctrl+Q"), self).activated.connect(self.close_requested)
        QShortcut(QKeySequence("Ctrl+F"), self).activated.connect(self.clear_search)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.setObjectName("helpMenu")
        self.about_action = help_menu.addAction(self.tr("&About Kiosk"))
        self.about_action.setObjectName("aboutAction")
        self.about_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        self.about_action.triggered.connect(self.about_requested)
        QShortcut(QKeySequence("Ctrl+L"), self).activated.connect(
            lambda: self.show_changes(attention=False)
        )

        vm.roster_changed.connect(self._roster_changed)
        vm.guest_changed.connect(self._guest_changed)
        vm.sync_changed.connect(self._guest_changed)
        vm.connection_changed.connect(self._connection_changed)
        vm.pending_count_changed.connect(self._pending_changed_later)
        vm.conflict_raised.connect(self._ask_conflict)
        self._connection_changed(Connection.CONNECTING.value, "")
        self._pending_changed(-1)
        self.search.setFocus()

    # -- actions ------------------------------------------------------------------------

    def selected_guest_id(self) -> str | None:
        index = self.results.currentIndex()
        return self.model.guest_id(index.row()) if index.isValid() else None

    def set_selected_status(self, status: Status) -> None:
        guest_id = self.selected_guest_id()
        if guest_id is not None:
            self.vm.set_status(guest_id, status)

    def open_selected(self) -> None:
        """Show the selected guest and move focus to the status picker."""
        guest_id = self.selected_guest_id()
        if guest_id is None:
            return
        self._show(guest_id)
        guest = self.vm.service.guest(guest_id)
        buttons = self.details.picker.buttons
        target = buttons.get(guest.status) if guest else None
        if target is None or not target.isEnabled():
            target = next((b for b in buttons.values() if b.isEnabled()), None)
        if target is not None:
            target.setFocus()

    def show_notice(self, message: str) -> None:
        """Something the person should know that needs no decision (non-modal)."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Kiosk"), message, parent=self)
        box.setObjectName("noticeBox")
        box.open()

    def show_changes(self, *, attention: bool) -> None:
        """The end-of-day view (non-modal), optionally on the needs-attention ones."""
        if self.changes_dialog is None:
            self.changes_dialog = ChangesDialog(self.vm, self)
        dialog = self.changes_dialog
        dialog.filter.setCurrentIndex(1 if attention else 0)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def handle_scan(self, code: str) -> None:
        """A scanned code: open the guest it belongs to, or say it is unknown."""
        shown = code if len(code) <= 60 else code[:57] + "…"
        asking = QApplication.activeModalWidget()
        if asking is not None and asking is not self:
            # A question (a change made elsewhere ...) or a notice is open: a scan must
            # not answer it, nor change anyone behind it.
            QApplication.beep()
            self._scan_said(
                "unknown",
                self.tr(
                    "Scanned %1 while a message is open: answer or close it, then scan again."
                ).replace("%1", shown),
            )
            return
        if not self.isActiveWindow():  # scanned in the changes list: show the guest
            self.raise_()
            self.activateWindow()
        outcome = self.vm.scan(code, self.scanner.clock())
        if outcome.repeated:
            self._scan_said(
                "repeat", self.tr("Scanned again: %1. Nothing was changed.").replace("%1", shown)
            )
            return
        if not outcome.guests:
            # The scan's first key searched as it went by: show what was shown before.
            row = self.model.row_of(self._selected_before_scan or "")
            self._select_row(row if row is not None else 0)
            QApplication.beep()
            self._scan_said(
                "unknown",
                self.tr(
                    "Unknown code: %1. No guest of this event has it. Check that the ticket"
                    " is for this event, or search by name."
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
                self.tr("%1 guests have this code: pick one.").replace(
                    "%1", str(len(outcome.guests))
                ),
            )
            return
        name = outcome.guests[0].name or outcome.guests[0].ticket
        if outcome.checked_in:
            self._scan_said("checked-in", self.tr("✓ %1 checked in.").replace("%1", name))
        elif outcome.already_in:
            QApplication.beep()
            self._scan_said("already", self.tr("%1 is already checked in.").replace("%1", name))
        else:
            self._scan_said("found", self.tr("Found %1.").replace("%1", name))
        self.open_selected()

    def _note_before_scan(self) -> None:
        self._selected_before_scan = self.selected_guest_id()

    def _scan_said(self, kind: str, text: str) -> None:
        self.scan_message.setText(text)
        self.scan_message.setProperty("scan", kind)
        self.scan_message.style().unpolish(self.scan_message)
        self.scan_message.style().polish(self.scan_message)
        self.scan_message.show()

    def clear_search(self) -> None:
        self.search.clear()
        self.search.setFocus()

    # -- bindings -----------------------------------------------------------------------

    def _lookup(self, guest_id: str) -> Guest | None:
        return self.vm.service.guest(guest_id)

    def _search_changed(self, text: str) -> None:
        self.scan_message.hide()  # the person moved on from the last scan
        keep = self.selected_guest_id()
        found = self.vm.search(text)
        self.model.set_results(found)
        self._note_results(text, len(found))
        row = self.model.row_of(keep) if keep and not text else None
        self._select_row(row if row is not None else 0)

    def _note_results(self, text: str, shown: int) -> None:
        if shown < LIST_LIMIT:
            self.results_note.hide()
            return
        if text.strip():
            note = self.tr("Showing the best %1 matches: type more to narrow them down.")
            note = note.replace("%1", str(shown))
        else:
            note = self.tr(
                "Showing the first %1 of %2 guests, A to Z: type a name, email or ticket"
                " code to find anyone."
            )
            note = note.replace("%1", str(shown)).replace("%2", str(self.vm.guest_count()))
        self.results_note.setText(note)
        self.results_note.setAccessibleName(note)
        self.results_note.show()

    def _select_row(self, row: int) -> None:
        if self.model.rowCount() == 0:
            self.details.show_guest(None, None, self.platform_name)
            return
        row = max(0, min(row, self.model.rowCount() - 1))
        index = self.model.index(row, 0)
        self.results.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.results.scrollTo(index)
        # The rows change in place: the current row may not have moved (and Qt then
        # says nothing) while another guest is on it now.
        self._current_changed(index, None)

    def _current_changed(self, current: object, _previous: object) -> None:
        if not self._pane_timer.isActive():
            self._pane_timer.start()

    def _show_selected(self) -> None:
        # Shown again even when it is the guest already there: a refresh that added
        # guests says only "the roster changed", and the selected guest's new status
        # comes to the pane this way.
        guest_id = self.selected_guest_id()
        if guest_id is not None:
            self._show(guest_id)

    def _show(self, guest_id: str) -> None:
        if guest_id == self.selected_guest_id():
            self._pane_timer.stop()  # shown now
        service = self.vm.service
        self.details.show_guest(
            service.guest(guest_id),
            service.sync_state(guest_id),
            self.platform_name,
            service.changed_elsewhere(guest_id),
        )

    def _picked(self, wire: str) -> None:
        if self.details.guest_id is not None:
            self.vm.set_status(self.details.guest_id, Status(wire))

    def _retry(self) -> None:
        if self.details.guest_id is not None:
            self.vm.retry(self.details.guest_id)

    def _roster_changed(self) -> None:
        service = self.vm.service
        self.details.picker.set_capabilities(service.capabilities)
        event = service.event
        title = event.title if event else self.tr("(event not loaded)")
        self.event_label.setText(
            f"{title} · {self.platform_name} · {len(service.index)} " + self.tr("guests")
        )
        self.setWindowTitle(self.tr("Kiosk — %1").replace("%1", title))
        self._search_changed(self.search.text())

    def _guest_changed(self, guest_id: str) -> None:
        self.model.refresh_guest(guest_id)
        if guest_id == self.details.guest_id:
            self._show(guest_id)

    def _connection_changed(self, state: str, message: str) -> None:
        connection = Connection(state)
        words = {
            Connection.CONNECTING: self.tr("Connecting…"),
            Connection.ONLINE: self.tr("Online"),
            Connection.OFFLINE: self.tr("Offline"),
            Connection.AUTH_FAILED: self.tr("Key refused"),
            Connection.PROBLEM: self.tr("Problem"),
        }
        self.connection_label.setText(f"● {words[connection]}")
        self.connection_label.setProperty("connection", connection.value)
        self.connection_label.setToolTip(message)
        self.connection_label.style().unpolish(self.connection_label)
        self.connection_label.style().polish(self.connection_label)
        if connection in (Connection.ONLINE, Connection.CONNECTING) and not message:
            self.banner.hide()
            return
        advice = {
            Connection.OFFLINE: self.tr(
                "Can't reach %1. Changes are kept on this kiosk and sent when it answers again."
            ),
            Connection.AUTH_FAILED: self.tr(
                "%1 refused the API key. Ask an organiser to check it."
            ),
            Connection.PROBLEM: self.tr("%1 reported a problem."),
            Connection.ONLINE: self.tr("%1:"),
        }[connection].replace("%1", self.platform_name)
        self.banner_text.setText(f"{advice}\n{message}" if message else advice)
        self.banner.setProperty("connection", connection.value)
        self.banner.style().unpolish(self.banner)
        self.banner.style().polish(self.banner)
        self.banner.show()

    def _ask_conflict(self, wire: str, fresh: Guest) -> None:
        """Ask before overwriting a newer change made elsewhere (non-modal)."""
        status = Status(wire)
        guest_id = fresh.id
        box = QMessageBox(self)
        box.setObjectName("conflictBox")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Kiosk — changed elsewhere"))
        when = short_time(fresh.changed_at) if fresh.changed_at else ""
        box.setText(
            self.tr("%1 was set to “%2” %3 at another desk or on the platform.")
            .replace("%1", fresh.name)
            .replace("%2", status_label(fresh.status))
            .replace("%3", when)
            .replace("  ", " ")
        )
        box.setInformativeText(self.tr("Set “%1” anyway?").replace("%1", status_label(status)))
        overwrite = box.addButton(self.tr("Set anyway"), QMessageBox.ButtonRole.AcceptRole)
        overwrite.setObjectName("conflictOverwrite")
        keep = box.addButton(self.tr("Keep theirs"), QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("conflictKeep")
        box.setDefaultButton(keep)

        def answered() -> None:
            if box.clickedButton() is overwrite:
                self.vm.set_status(guest_id, status, force=True)
            self.conflict_box = None

        box.finished.connect(lambda _result: answered())
        self.conflict_box = box
        box.open()  # never exec(): the qasync loop must keep running

    def _pending_changed_later(self, _count: int) -> None:
        if not self._pending_timer.isActive():
            self._pending_timer.start()

    def _age(self, seconds: float) -> str:
        if seconds < 60:
            return self.tr("under a minute")
        if seconds < 3600:
            return self.tr("%n min", "", int(seconds // 60))
        hours, minutes = int(seconds // 3600), int(seconds % 3600 // 60)
        return self.tr("%1 h %2 min").replace("%1", str(hours)).replace("%2", str(minutes))

    def _show_pending(self) -> None:
        self._pending_changed(-1)

    def _pending_changed(self, count: int) -> None:
        service = self.vm.service
        if count < 0:
            count = service.pending_count()
        if count == 0:
            self.pending_label.setText(self.tr("✓ All changes delivered"))
        else:
            waiting = self.tr("%n change(s) waiting", "", count)
            oldest = service.outbox.oldest_pending()
            if oldest is not None:
                age = self._age((datetime.now(UTC) - oldest).total_seconds())
                waiting = self.tr("%1, oldest %2").replace("%1", waiting).replace("%2", age)
            self.pending_label.setText(waiting)
        attention = service.outbox.counts()[EntryState.NEEDS_ATTENTION]
        self.attention_button.setText(self.tr("⚠ %1 need attention").replace("%1", str(attention)))
        self.attention_button.setVisible(attention > 0)
        self.pending_label.setProperty("pending", count > 0)
        self.pending_label.style().unpolish(self.pending_label)
        self.pending_label.style().polish(self.pending_label)

    # -- Qt overrides -------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.search and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                row = self.results.currentIndex().row()
                self._select_row(row + (1 if key == Qt.Key.Key_Down else -1))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and watched in (
                self.search,
                self.results,
            ):
                self.open_selected()
                return True
        return super().eventFilter(watched, event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.allow_close:
            self._pending_timer.stop()  # the store closes after the window
            self._age_timer.stop()
            event.accept()
            return
        # The main coroutine flushes the outbox and then closes us for real.
        event.ignore()
        self.close_requested.emit()
