"""End-of-day reconciliation: every change this kiosk made, its outcome, and the
needs-attention ones a person can retry or discard; exportable as CSV."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kiosk.services.checkin import ChangeRow
from kiosk.services.numbers import write_summary
from kiosk.store.outbox import EntryState
from kiosk.ui.accessibility import speaks_value
from kiosk.ui.badge_changes import PrintsSection
from kiosk.ui.models import local_time, status_label
from kiosk.ui.plain import tooltip
from kiosk.ui.service_words import in_language
from kiosk.ui.viewmodel import CheckinViewModel

_Index = QModelIndex | QPersistentModelIndex


def outcome_label(state: EntryState) -> str:
    from PySide6.QtCore import QCoreApplication

    labels = {
        EntryState.PENDING: QCoreApplication.translate("outcome", "Waiting to send"),
        EntryState.DELIVERED: QCoreApplication.translate("outcome", "✓ Delivered"),
        EntryState.NEEDS_ATTENTION: QCoreApplication.translate("outcome", "⚠ Needs attention"),
        EntryState.SUPERSEDED: QCoreApplication.translate("outcome", "Replaced by a later change"),
        EntryState.DISCARDED: QCoreApplication.translate("outcome", "Discarded by staff"),
        EntryState.WITHDRAWN: QCoreApplication.translate("outcome", "Undone before it was sent"),
    }
    return labels[state]


class ChangesModel(QAbstractTableModel):
    """This kiosk's changes, newest first."""

    HEADERS = ("Time", "Guest", "From", "Status", "Outcome", "Attempts", "Platform's message")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ChangeRow] = []

    def set_rows(self, rows: list[ChangeRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Time"),
                self.tr("Guest"),
                self.tr("From"),
                self.tr("Status"),
                self.tr("Outcome"),
                self.tr("Attempts"),
                self.tr("Platform's message"),
            )[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        row = self.rows[index.row()]
        change = row.entry.change
        value = (
            local_time(change.door_time),
            row.guest_name,
            status_label(change.previous_status) if change.previous_status else "",
            status_label(change.status),
            outcome_label(row.entry.state),
            str(row.entry.attempts),
            in_language(row.entry.message),
        )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:  # Qt would take markup in it for rich text
            return tooltip(value)
        return value


class ChangesDialog(QDialog):
    """Non-modal: the door keeps working while it is open.

    Signals:
        guest_opened(str): a change was double-clicked (or Enter pressed on it): the
            window opens its guest.
    """

    guest_opened = Signal(str)

    def __init__(self, vm: CheckinViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.setObjectName("changesDialog")
        self.setWindowTitle(self.tr("Kiosk — changes made on this kiosk"))
        self.setAccessibleName(self.tr("Changes made on this kiosk"))
        self.resize(980, 560)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setObjectName("changesSummary")
        speaks_value(self.summary, self.tr("Summary"))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        top = QHBoxLayout()
        self.filter = QComboBox()
        self.filter.setObjectName("changesFilter")
        self.filter.setAccessibleName(self.tr("Show"))
        self.filter.setAccessibleDescription(self.tr("Which changes the list shows"))
        self.filter.setMinimumHeight(40)
        self.filter.addItem(self.tr("All changes"), "all")
        self.filter.addItem(self.tr("Needs attention"), EntryState.NEEDS_ATTENTION.value)
        self.filter.addItem(self.tr("Waiting to send"), EntryState.PENDING.value)
        self.filter.currentIndexChanged.connect(self.reload)
        top.addWidget(self.filter)
        top.addStretch(1)
        layout.addLayout(top)

        self.model = ChangesModel(self)
        self.table = QTableView()
        self.table.setObjectName("changesTable")
        self.table.setAccessibleName(self.tr("Changes"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(36)
        self.table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().resizeSection(1, 220)
        self.table.horizontalHeader().resizeSection(4, 200)
        self.table.setToolTip(self.tr("Double-click a change to open its guest"))
        self.table.activated.connect(self._open_guest)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)
        self.prints = PrintsSection(vm.service, self)
        layout.addWidget(self.prints)

        buttons = QHBoxLayout()
        self.retry_button = self._button("changesRetry", self.tr("Send again"), self._retry)
        self.discard_button = self._button("changesDiscard", self.tr("Discard"), self._discard)
        self.export_button = self._button("changesExport", self.tr("Export CSV…"), self._export)
        close = self._button("changesClose", self.tr("Close"), self.close)
        for widget in (self.retry_button, self.discard_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.export_note = QLabel()
        self.export_note.setTextFormat(Qt.TextFormat.PlainText)
        self.export_note.setObjectName("changesExportNote")
        layout.addWidget(self.export_note)

        vm.pending_count_changed.connect(lambda _count: self.reload())
        vm.sync_changed.connect(lambda _gid: self.reload())
        self.reload()

    def _button(self, name: str, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text.rstrip("…"))
        button.setMinimumHeight(48)
        button.clicked.connect(slot)
        return button

    def reload(self) -> None:
        if not self.isVisible() and self.model.rows:
            return  # refreshed when shown again
        wanted = self.filter.currentData()
        self.prints.reload()  # the badges printed, beside the changes
        rows = list(reversed(self.vm.service.changes()))
        if wanted != "all":
            rows = [row for row in rows if row.entry.state.value == wanted]
        selected = self._selected_key()
        self.model.set_rows(rows)
        for number, row in enumerate(rows):
            if row.entry.change.key == selected:
                self.table.selectRow(number)
        counts = self.vm.service.outbox.counts()
        parts = [
            f"{counts[EntryState.DELIVERED]} " + self.tr("delivered"),
            f"{counts[EntryState.PENDING]} " + self.tr("waiting"),
            f"{counts[EntryState.NEEDS_ATTENTION]} " + self.tr("need attention"),
            f"{counts[EntryState.SUPERSEDED]} " + self.tr("replaced by a later change"),
            f"{counts[EntryState.DISCARDED]} " + self.tr("discarded"),
            f"{counts[EntryState.WITHDRAWN]} " + self.tr("undone before sending"),
        ]
        verdict = (
            self.tr("Nothing is pending or lost.")
            if counts[EntryState.PENDING] == 0 and counts[EntryState.NEEDS_ATTENTION] == 0
            else self.tr("Some changes are not on the platform yet.")
        )
        self.summary.setText(" · ".join(parts) + "\n" + verdict)
        self._selection_changed()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.reload()
        self.table.scrollToTop()  # the newest change first, whatever was read last time

    def _open_guest(self, index: QModelIndex) -> None:
        if 0 <= index.row() < len(self.model.rows):
            self.guest_opened.emit(self.model.rows[index.row()].entry.change.guest_id)

    def _selected_key(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.model.rows):
            return None
        return self.model.rows[rows[0].row()].entry.change.key

    def _selected_state(self) -> EntryState | None:
        key = self._selected_key()
        entry = self.vm.service.outbox.get(key) if key else None
        return entry.state if entry else None

    def _selection_changed(self, *_args: object) -> None:
        attention = self._selected_state() is EntryState.NEEDS_ATTENTION
        self.retry_button.setEnabled(attention)
        self.discard_button.setEnabled(attention)

    def _retry(self) -> None:
        if (key := self._selected_key()) is not None:
            self.vm.retry_change(key)
            self.reload()

    def _discard(self) -> None:
        if (key := self._selected_key()) is not None:
            self.vm.discard_change(key)
            self.reload()

    def _export(self) -> None:
        dialog = QFileDialog(self, self.tr("Export changes as CSV"))
        dialog.setObjectName("changesExportFile")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("CSV files (*.csv)"))
        dialog.setDefaultSuffix("csv")
        dialog.selectFile("kiosk-changes.csv")
        dialog.fileSelected.connect(lambda path: self.export_to(Path(path)))
        dialog.open()  # not exec(): the door keeps working

    def export_to(self, path: Path) -> None:
        try:
            count = self.vm.service.export_csv(path)
        except OSError as exc:
            self.export_note.setText(self.tr("Could not write %1: %2").replace(
                "%1", str(path)).replace("%2", exc.strerror or str(exc)))  # fmt: skip
            return
        note = (
            self.tr("%1 changes written to %2").replace("%1", str(count)).replace("%2", str(path))
        )
        if (numbers := self.vm.numbers) is not None:  # the live numbers, beside them
            summary = path.with_name(f"{path.stem}-numbers.csv")
            try:
                write_summary(
                    numbers.numbers(), summary, (r.entry for r in self.vm.service.changes())
                )
            except OSError as exc:
                note += "\n" + self.tr("Could not write %1: %2").replace(
                    "%1", str(summary)).replace("%2", exc.strerror or str(exc))  # fmt: skip
            else:
                note += "\n" + self.tr("and the numbers summary to %1").replace("%1", str(summary))
        self.export_note.setText(note)
