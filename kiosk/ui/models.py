"""Qt item models: the search results table."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from kiosk.domain import Guest, Status

GUEST_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


def local_time(moment: datetime | None) -> str:
    """A platform time as the door reads it: '10:42' today, '21 Nov 10:42' otherwise."""
    if moment is None:
        return ""
    local = moment.astimezone() if moment.tzinfo else moment.replace(tzinfo=UTC).astimezone()
    if local.date() == datetime.now().astimezone().date():
        return local.strftime("%H:%M")
    return local.strftime("%d %b %H:%M")


def short_time(moment: datetime) -> str:
    """'10:42' today, '19 Nov' on another day: fits a badge."""
    local = moment.astimezone() if moment.tzinfo else moment.replace(tzinfo=UTC).astimezone()
    if local.date() == datetime.now().astimezone().date():
        return local.strftime("%H:%M")
    return local.strftime("%d %b")


def status_label(status: Status) -> str:
    """The status as people read it (translated)."""
    labels = {
        Status.INVITED: QCoreApplication.translate("status", "Invited"),
        Status.ACCEPTED: QCoreApplication.translate("status", "Accepted"),
        Status.DECLINED: QCoreApplication.translate("status", "Declined"),
        Status.ATTENDED: QCoreApplication.translate("status", "Attended"),
        Status.NO_SHOW: QCoreApplication.translate("status", "No-show"),
    }
    return labels[status]


class GuestTableModel(QAbstractTableModel):
    """The current search results: name, email, ticket, status. Rows are guest ids; the
    guest data is looked up live, so a status change repaints one row, not the list."""

    NAME, EMAIL, TICKET, STATUS = range(4)

    def __init__(
        self, lookup: Callable[[str], Guest | None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._lookup = lookup
        self._ids: list[str] = []
        self._rows: dict[str, int] = {}

    def set_results(self, guests: list[Guest]) -> None:
        self.beginResetModel()
        self._ids = [guest.id for guest in guests]
        self._rows = {gid: row for row, gid in enumerate(self._ids)}
        self.endResetModel()

    def guest_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, guest_id: str) -> int | None:
        return self._rows.get(guest_id)

    def refresh_guest(self, guest_id: str) -> None:
        row = self._rows.get(guest_id)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.STATUS))

    # -- Qt overrides -------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Name"),
            self.tr("Email"),
            self.tr("Ticket"),
            self.tr("Status"),
        )[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        guest = self._lookup(self._ids[index.row()])
        if guest is None:
            return None
        column = index.column()
        if role == GUEST_ID_ROLE:
            return guest.id
        if role == STATUS_ROLE:
            return guest.status.value
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == self.NAME:
                star = "★ " if guest.starred else ""
                party = f"  (+{guest.plus_ones})" if guest.plus_ones else ""
                return f"{star}{guest.name}{party}"
            if column == self.EMAIL:
                return guest.email
            if column == self.TICKET:
                return guest.ticket
            if guest.status is Status.ATTENDED and guest.changed_at is not None:
                # "Attended 10:42": someone at another desk may have let them in.
                return f"{status_label(guest.status)} {short_time(guest.changed_at)}"
            return status_label(guest.status)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NAME and guest.starred:
            return self.tr("VIP")
        return None
