"""The desk toolkit's live numbers, undo and end-of-event sweep, wired into the desk window:
a Desk menu, Ctrl+I and Ctrl+Z, a Numbers button in the status bar, and the undo toast."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QMainWindow, QPushButton

from kiosk import runtime
from kiosk.domain import StatusChange
from kiosk.pin import PinThrottle
from kiosk.services.numbers import LiveNumbers
from kiosk.services.undo import UndoLast, Undone
from kiosk.ui.guest_pane import NAME_CHARS
from kiosk.ui.models import status_label
from kiosk.ui.numbers_panel import NumbersPanel
from kiosk.ui.plain import clean
from kiosk.ui.sweep_dialog import SweepDialog
from kiosk.ui.undo_toast import UndoToast
from kiosk.ui.viewmodel import CheckinViewModel

#: The numbers panel follows changes at most this often (a draining queue changes
#: hundreds of guests a second), in milliseconds.
PANEL_EVERY_MS = 300
#: ... and at least this often, so the pace and the chart move on with the clock.
CLOCK_EVERY_MS = 30_000


class DeskToolkit(QObject):
    """Owns the desk's ``LiveNumbers`` (kept up from the view-model's signals whether
    the panel is open or not), the ``UndoLast`` offer and its toast, and the panel and
    sweep dialogs (made when first opened). ``pin_hash``: the staff PIN the sweep asks
    for, when one is set (the app sets it)."""

    def __init__(self, window: QMainWindow, vm: CheckinViewModel, search: QLineEdit) -> None:
        super().__init__(window)
        self.window = window
        self.vm = vm
        self.search = search
        self.pin_hash = ""
        self.throttle = PinThrottle()
        self.numbers = LiveNumbers()
        vm.numbers = self.numbers
        self.undo = UndoLast(vm.service)
        self.panel: NumbersPanel | None = None
        self.sweep_dialog: SweepDialog | None = None
        self._recount: asyncio.Task[Any] | None = None
        self._here_loaded = False
        central = window.centralWidget()
        self.toast = UndoToast(central if central is not None else window)
        self.toast.undo_requested.connect(self.undo_last)
        self.toast.expired.connect(self.undo.forget)  # gone from sight, gone from Ctrl+Z
        self._panel_timer = QTimer(self)
        self._panel_timer.setSingleShot(True)
        self._panel_timer.setInterval(PANEL_EVERY_MS)
        self._panel_timer.timeout.connect(self.show_numbers)
        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(CLOCK_EVERY_MS)
        self._clock_timer.timeout.connect(self.show_numbers)
        vm.guest_changed.connect(self._guest_changed)
        vm.sync_changed.connect(self._sync_changed)
        vm.roster_changed.connect(self._roster_changed)
        vm.change_made.connect(self._offer)
        self._build_menu()
        # Ctrl+Z in the search field undoes the desk's change while one can be, not the
        # typing (the field keeps its own undo otherwise).
        search.installEventFilter(self)

    def _build_menu(self) -> None:
        window = self.window
        bar = window.menuBar()
        menu = bar.addMenu(self.tr("&Desk"))
        help_menu = next(
            (a for a in bar.actions() if a.menu() and a is not menu.menuAction()), None
        )
        if help_menu is not None:  # Help stays last, as people look for it
            bar.insertMenu(help_menu, menu)
        menu.setObjectName("deskMenu")
        for name, text, keys, slot in (
            ("numbersAction", self.tr("Live &numbers"), "Ctrl+I", self.open_numbers),
            ("undoAction", self.tr("&Undo the last change"), "Ctrl+Z", self.undo_last),
            ("sweepAction", self.tr("Mark &no-shows…"), "", self.open_sweep),
        ):
            action = QAction(text, window)
            action.setObjectName(name)
            if keys:
                action.setShortcut(QKeySequence(keys))
            action.triggered.connect(slot)
            menu.addAction(action)
            window.addAction(action)  # the keys work with the menu bar hidden too
        self.numbers_button = QPushButton(self.tr("Numbers"))
        self.numbers_button.setObjectName("numbersButton")
        self.numbers_button.setAccessibleName(self.tr("Live numbers"))
        self.numbers_button.setToolTip(self.tr("Arrived, expected and the pace (Ctrl+I)"))
        self.numbers_button.clicked.connect(self.open_numbers)
        window.statusBar().addPermanentWidget(self.numbers_button)

    # -- numbers ------------------------------------------------------------------------

    def _guest_changed(self, guest_id: str) -> None:
        guest = self.vm.service.guest(guest_id)
        if guest is not None:
            self.numbers.note(guest)
            self._later()

    def _sync_changed(self, guest_id: str) -> None:
        self.numbers.note_here(guest_id, self.vm.service.sync_state(guest_id))
        self._later()

    def _roster_changed(self) -> None:
        if self._recount is not None:
            self._recount.cancel()
        self._recount = self.vm.tasks.spawn(self._count_all(), name="numbers recount")

    async def _count_all(self) -> None:
        service = self.vm.service
        if not self._here_loaded:  # this desk's arrivals before a restart
            self._here_loaded = True
            with contextlib.suppress(sqlite3.Error):  # a damaged file: counted from now
                entries = await asyncio.to_thread(service.outbox.all)
                self.numbers.load_here(entries, service.kiosk_id)
        guests = list(service.index.by_slot())  # a copy: the index changes meanwhile
        # In steps of 500 guests, the loop turning between them. The count keeps no
        # new objects per guest (``numbers._SHARED``), so it sets off no collection.
        await runtime.run_sliced(self.numbers.recount(guests), slice_s=0.003)
        self.show_numbers()

    def _later(self) -> None:
        if self.panel is not None and self.panel.isVisible() and not self._panel_timer.isActive():
            self._panel_timer.start()

    def show_numbers(self) -> None:
        if self.panel is not None and self.panel.isVisible():
            self.panel.show_numbers(self.numbers.numbers())

    def open_numbers(self) -> None:
        if self.panel is None:
            self.panel = NumbersPanel(self.window)
            self.panel.sweep_requested.connect(self.open_sweep)
            self.panel.finished.connect(lambda _result: self._clock_timer.stop())
        if len(self.numbers) == 0 and len(self.vm.service.index) and self._recount is None:
            self._roster_changed()  # opened before any roster news reached the toolkit
        self.panel.show()
        self.panel.raise_()
        self.panel.activateWindow()
        self._clock_timer.start()
        self.show_numbers()

    # -- undo ---------------------------------------------------------------------------

    def _offer(self, change: StatusChange) -> None:
        self.undo.offer(change)
        text = self.tr("%1 is now %2.").replace("%1", self._name(change.guest_id))
        self.toast.offer(text.replace("%2", status_label(change.status)), self.undo.window_s)

    def _name(self, guest_id: str) -> str:
        guest = self.vm.service.guest(guest_id)
        return clean(guest.name or guest.ticket, NAME_CHARS) if guest else guest_id

    def undo_last(self) -> None:
        self.vm.tasks.spawn(self._undo_last(), name="undo")

    async def _undo_last(self) -> None:
        change = self.undo.available()
        outcome, _back = await self.undo.undo_settled()
        if change is None or outcome is Undone.TOO_LATE:
            self.toast.say(self.tr("Nothing to undo: a change can be undone for 10 seconds."))
            return
        name = self._name(change.guest_id)
        previous = status_label(change.previous_status) if change.previous_status else ""
        if outcome is Undone.WITHDRAWN:
            text = self.tr("Undone: %1 is %2 again; the change was withdrawn before it was sent.")
        elif outcome is Undone.SENT_BACK:
            text = self.tr("Undone: %1 is set back to %2; that is sent to the platform too.")
        elif outcome is Undone.NOT_WRITABLE:
            reason = self.undo.reason(change) or ""
            text = self.tr("Cannot undo: the platform cannot set %1 back to %2.") + " " + reason
        else:
            text = self.tr("Not undone: this kiosk cannot save changes right now.")
        self.toast.say(text.replace("%1", name).replace("%2", previous))

    # -- sweep --------------------------------------------------------------------------

    def open_sweep(self) -> None:
        if self.sweep_dialog is None:
            self.sweep_dialog = SweepDialog(self.vm, self.window, throttle=self.throttle)
        dialog = self.sweep_dialog
        dialog.pin_hash = self.pin_hash
        dialog.prepare()
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Undo)
            and self.undo.available() is not None
        ):
            return True  # not taken by the field: the window's Ctrl+Z answers
        return super().eventFilter(watched, event)


def install_toolkit(window: QMainWindow, vm: CheckinViewModel, search: QLineEdit) -> DeskToolkit:
    """Build the toolkit on the desk window (``MainWindow`` calls this once)."""
    return DeskToolkit(window, vm, search)


__all__ = ["DeskToolkit", "install_toolkit"]
