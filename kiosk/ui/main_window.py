"""The desk-mode check-in window: its layout, and the guest pane following the results list."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain import Guest, Status
from kiosk.services.checkin import Connection
from kiosk.ui.changes_dialog import ChangesDialog
from kiosk.ui.desk_keys import DeskKeys
from kiosk.ui.desk_layout import ListFirst, scrolling
from kiosk.ui.desk_speech import DeskSpeech
from kiosk.ui.desk_status import DeskStatusBar
from kiosk.ui.guest_pane import NAME_CHARS, GuestDetails
from kiosk.ui.load_progress import LoadProgress
from kiosk.ui.models import GuestTableModel, short_time, status_label
from kiosk.ui.plain import clean
from kiosk.ui.results_view import GuestRowDelegate, ResultsView
from kiosk.ui.service_words import in_language
from kiosk.ui.toolkit import install_toolkit
from kiosk.ui.viewmodel import LIST_LIMIT, CheckinViewModel

#: How long after the selection moves the guest pane follows: well under what a person
#: notices, and long enough that the list's repaint has happened in between.
PANE_DELAY_MS = 10


class MainWindow(DeskKeys, DeskStatusBar):
    """Desk mode. Thin: it forwards intent to the view-model and binds to its signals.
    Its keys and scans are ``DeskKeys``'s, its status bar and banner ``DeskStatusBar``'s.

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
        self.setWindowTitle(self.tr("Check-in"))  # Qt adds " — Kiosk", the app's name
        self.setAccessibleName(self.tr("Kiosk check-in"))
        self.resize(1280, 800)

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(12, 12, 12, 0)
        outer.setSpacing(8)

        outer.addWidget(self._build_banner())

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
        self.scan_message.setTextFormat(Qt.TextFormat.PlainText)  # holds a guest's name
        self.scan_message.setWordWrap(True)
        self.scan_message.hide()
        outer.addWidget(self.scan_message)
        self._install_scanner()

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
        split.addWidget(scrolling(self.details))
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        ListFirst(split, self.details)  # names and emails need the room more than the pane
        split.setChildrenCollapsible(False)
        outer.addWidget(split, 1)
        self.setCentralWidget(central)

        self._build_status_bar()
        for label in self.findChildren(QLabel):  # platform text is never markup here
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.changes_dialog: ChangesDialog | None = None
        self.conflict_box: QMessageBox | None = None
        self._start_status_timers()
        # The guest pane follows the selection a moment later (``PANE_DELAY_MS``), so a
        # keystroke's frame paints the matches and the next one the pane: together they
        # were the loop's longest gap while a queue drained; apart, each fits a frame.
        self._pane_timer = QTimer(self)
        self._pane_timer.setSingleShot(True)
        self._pane_timer.setInterval(PANE_DELAY_MS)
        self._pane_timer.timeout.connect(self._show_selected)

        self._install_shortcuts()
        self.speech = DeskSpeech(self)
        self.toolkit = install_toolkit(self, vm, self.search)  # numbers, undo, no-shows

        vm.roster_changed.connect(self._roster_changed)
        vm.guest_changed.connect(self._guest_changed)
        vm.sync_changed.connect(self._guest_changed)
        vm.connection_changed.connect(self._connection_changed)
        vm.pending_count_changed.connect(self._pending_changed_later)
        vm.conflict_raised.connect(self._ask_conflict)
        self.load_progress = LoadProgress()
        self.statusBar().addWidget(self.load_progress)
        vm.load_progress.connect(self.load_progress.show_progress)
        vm.roster_changed.connect(self.load_progress.done)
        self._connection_changed(Connection.CONNECTING.value, "")
        self._pending_changed(-1)
        self._show_event()
        self.search.setFocus()

    # -- actions ------------------------------------------------------------------------

    def selected_guest_id(self) -> str | None:
        row = self.results.selected_row()
        return self.model.guest_id(row) if row >= 0 else None

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
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Kiosk"), "", parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(clean(in_language(message), 2000, lines=True))
        box.setObjectName("noticeBox")
        box.open()

    def show_changes(self, *, attention: bool) -> None:
        """The end-of-day view (non-modal), optionally on the needs-attention ones."""
        if self.changes_dialog is None:
            self.changes_dialog = ChangesDialog(self.vm, self)
            self.changes_dialog.guest_opened.connect(self.open_guest)
        dialog = self.changes_dialog
        dialog.filter.setCurrentIndex(1 if attention else 0)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    # -- bindings -----------------------------------------------------------------------

    def _lookup(self, guest_id: str) -> Guest | None:
        return self.vm.service.guest(guest_id)

    def _search_changed(self, text: str) -> None:
        self.scan_message.hide()  # the person moved on from the last scan
        keep = self.selected_guest_id()
        found = self.vm.search(text)
        self.model.set_results(found)
        self._note_results(text, len(found))
        if self.pane_cleared and not text:  # Esc chose nobody: a refresh does not either
            return self.clear_pane()
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
        selection = self.results.selectionModel()
        flags = QItemSelectionModel.SelectionFlag
        selection.select(index, flags.ClearAndSelect | flags.Rows)
        if self.results.hasFocus():  # a current cell only where the focus is
            selection.setCurrentIndex(index, flags.NoUpdate)
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
        self.pane_cleared = False
        if guest_id == self.selected_guest_id():
            self._pane_timer.stop()  # shown now
        service = self.vm.service
        self.details.show_guest(
            service.guest(guest_id),
            service.sync_state(guest_id),
            self.platform_name,
            service.changed_elsewhere(guest_id),
            service.view_age(guest_id),
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
        self._show_event()
        self._search_changed(self.search.text())

    def _show_event(self) -> None:
        # Named from the start, even offline with nothing cached: the event asked for, by
        # its id, so a desk never works on an event it cannot see named.
        service = self.vm.service
        event = service.event
        if event is not None:
            title = clean(event.title, NAME_CHARS)
        else:
            asked = clean(service.backend.event_id, NAME_CHARS)
            title = self.tr("event %1 (not loaded yet)").replace("%1", asked)
        self.event_label.setText(
            f"{title} · {self.platform_name} · {len(service.index)} " + self.tr("guests")
        )
        self.setWindowTitle(title)  # Qt adds " — Kiosk", unless it ends so already

    def _guest_changed(self, guest_id: str) -> None:
        self.model.refresh_guest(guest_id)
        if guest_id == self.details.guest_id:
            self._show(guest_id)

    def _ask_conflict(self, wire: str, fresh: Guest) -> None:
        """Ask before overwriting a newer change made elsewhere (non-modal)."""
        status = Status(wire)
        guest_id = fresh.id
        box = QMessageBox(self)
        box.setObjectName("conflictBox")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Kiosk — changed elsewhere"))
        when = short_time(fresh.changed_at) if fresh.changed_at else ""
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            self.tr("%1 was set to “%2” %3 at another desk or on the platform.")
            .replace("%1", clean(fresh.name, NAME_CHARS))
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

    # -- texts with a count -------------------------------------------------------------
    # lupdate takes a plural form only from a tr() call, and gives a tr() call the
    # context of the class it is written in: these stay here, in the window's context.

    def _minutes(self, minutes: int) -> str:
        return self.tr("%n min", "", minutes)

    def _changes_waiting(self, count: int) -> str:
        return self.tr("%n change(s) waiting", "", count)

    # -- Qt overrides -------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.allow_close:
            self._stop_status_timers()
            event.accept()
            return
        # The main coroutine flushes the outbox and then closes us for real.
        event.ignore()
        self.close_requested.emit()
