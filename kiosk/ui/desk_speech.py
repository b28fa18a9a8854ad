"""What the desk says to a screen reader: matches found, the guest moved to, a status
set and its delivery, the connection; each once, politely, in the window's language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelection, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QToolButton

from kiosk.services.checkin import Delivery
from kiosk.ui.accessibility import announce
from kiosk.ui.models import status_label
from kiosk.ui.viewmodel import LIST_LIMIT

if TYPE_CHECKING:
    from kiosk.ui.main_window import MainWindow

#: Quiet this long after the last keystroke before the number of matches is said: the
#: count of every prefix typed would drown the person's own typing echo.
COUNT_AFTER_MS = 700

#: The pane's signs before its words: a reader would spell them out ("clock face").
SYMBOLS = "◷⇅✓⚠ "

MOVE_KEYS = (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp)


class DeskSpeech(QObject):
    """Announcements for the desk window (no widget of its own)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._moving = False
        self._connection = ""
        self._count = QTimer(self)
        self._count.setSingleShot(True)
        self._count.setInterval(COUNT_AFTER_MS)
        self._count.timeout.connect(self._say_count)
        window.search.textChanged.connect(lambda _text: self._count.start())
        # Installed after the window's own filter, so it sees the key first and only
        # notes it: the window's filter still moves the selection.
        window.search.installEventFilter(self)
        window.results.selectionModel().selectionChanged.connect(self._moved)
        window.vm.sync_changed.connect(self._delivery)
        window.vm.connection_changed.connect(self._connection_changed)
        name_parts(window)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            self._moving = event.key() in MOVE_KEYS
        return False

    def _say_count(self) -> None:
        window = self.window
        shown = window.model.rowCount()
        text = window.search.text().strip()
        if not text:
            return
        if shown == 0:
            message = self.tr("No guest matches “%1”.").replace("%1", text[:60])
        elif shown >= LIST_LIMIT:
            message = self.tr("More than %1 guests match: type more.").replace(
                "%1", str(LIST_LIMIT)
            )
        else:
            message = self.tr("%n guest(s) found.", "", shown)
            first = self._row_words(0)
            if first:
                message = f"{message} {first}"
        announce(window.search, message)

    def _row_words(self, row: int) -> str:
        window = self.window
        guest_id = window.model.guest_id(row)
        guest = window.vm.service.guest(guest_id) if guest_id else None
        if guest is None:
            return ""
        return (
            self.tr("%1, %2, %3 of %4")
            .replace("%1", guest.name)
            .replace("%2", status_label(guest.status))
            .replace("%3", str(row + 1))
            .replace("%4", str(window.model.rowCount()))
        )

    def _moved(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        # Only when the person moved: typing re-selects the first match every time.
        row = self.window.results.selected_row()
        if not self._moving or row < 0:
            return
        self._moving = False
        self._count.stop()
        announce(self.window.search, self._row_words(row))

    def _delivery(self, guest_id: str) -> None:
        service = self.window.vm.service
        sync = service.sync_state(guest_id)
        guest = service.guest(guest_id)
        if sync is None or guest is None or sync.delivery is Delivery.SENT:
            return  # "sent, waiting for the answer" comes and goes in a moment
        words = self.window.details.sync.describe(sync, self.window.platform_name)
        announce(self.window.details, f"{guest.name}: {words.lstrip(SYMBOLS)}")

    def _connection_changed(self, state: str, message: str) -> None:
        if state == self._connection:
            return
        first = not self._connection
        self._connection = state
        if first and state == "connecting":
            return
        words = self.window.connection_label.text().lstrip("● ")
        announce(self.window, f"{words}. {message}" if message else words)


def name_parts(window: MainWindow) -> None:
    """Names and keyboard paths Qt does not give the desk's parts by itself."""
    # One Tab stop for the whole list: arrows move in it, Tab leaves it.
    window.results.setTabKeyNavigation(False)
    clear = window.search.findChild(QToolButton)
    if clear is not None:  # the search field's own clear button (mouse only otherwise)
        clear.setAccessibleName(window.tr("Clear the search"))
        clear.setAccessibleDescription(window.tr("Esc clears it too"))
        clear.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    window.results_note.setAccessibleDescription(window.tr("About the list"))
