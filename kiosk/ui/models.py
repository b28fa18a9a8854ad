"""Qt item models: the search results table."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QDateTime,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTime,
)

from kiosk.domain import Guest, Status

GUEST_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: What comes before a party's size in the Name column ("Åke Åberg  (+2)").
PARTY_MARK = "  (+"

STATUS_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


def local_time(moment: datetime | None) -> str:
    """A platform time as the door reads it: '10:42' today, '21 Nov 10:42' otherwise (in
    the language in use: '21. Nov. 10:42', '21. 11. 10:42')."""
    if moment is None:
        return ""
    local = moment.astimezone() if moment.tzinfo else moment.replace(tzinfo=UTC).astimezone()
    if local.date() == datetime.now().astimezone().date():
        return local.strftime("%H:%M")
    #: A Qt date format (d: day, MMM: month name, M: month number, HH:mm: time): a
    #: time on another day than today, in the changes list and the guest details.
    return _in_language(local, QCoreApplication.translate("time", "d MMM HH:mm"))


def short_time(moment: datetime, today: date | None = None) -> str:
    """'10:42' today, '19 Nov' on another day ('19. Nov.', '19. 11.'): fits a badge."""
    local = moment.astimezone() if moment.tzinfo else moment.replace(tzinfo=UTC).astimezone()
    if local.date() == (today or datetime.now().astimezone().date()):
        return local.strftime("%H:%M")
    #: A Qt date format (d: day, MMM: month name, M: month number): the day of a
    #: check-in on another day than today, beside the status ("Attended 19 Nov").
    return _in_language(local, QCoreApplication.translate("time", "d MMM"))


def _in_language(moment: datetime, form: str) -> str:
    """``moment`` in Qt's date ``form``, with month names in the language in use
    (``Translations`` sets it as the default locale)."""
    day = QDate(moment.year, moment.month, moment.day)
    return QLocale().toString(QDateTime(day, QTime(moment.hour, moment.minute)), form)


def status_label(status: Status) -> str:
    """The status as people read it (translated)."""
    return _STATUS_LABELS[status]()


# One translation call per label (the list asks for a row's label at every new row).
_STATUS_LABELS: dict[Status, Callable[[], str]] = {
    Status.INVITED: lambda: QCoreApplication.translate("status", "Invited"),
    Status.ACCEPTED: lambda: QCoreApplication.translate("status", "Accepted"),
    Status.DECLINED: lambda: QCoreApplication.translate("status", "Declined"),
    Status.ATTENDED: lambda: QCoreApplication.translate("status", "Attended"),
    Status.NO_SHOW: lambda: QCoreApplication.translate("status", "No-show"),
}


#: The roles the table answers; Qt asks each cell for seven or more (font, alignment,
#: colours, check state...) at every paint, and every other one is Qt's default.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_ANSWERED = frozenset({_DISPLAY, _TOOLTIP, _ACCESSIBLE, int(GUEST_ID_ROLE), int(STATUS_ROLE)})


class RowView(NamedTuple):
    """What one row shows, worked out once per change of its guest (not at every paint);
    the row delegate paints from it directly."""

    texts: tuple[str, str, str, str]
    guest_id: str
    status: Status
    starred: bool


class GuestTableModel(QAbstractTableModel):
    """The current search results: name, email, ticket, status. Rows are guest ids; the
    guest data is looked up live, so a status change repaints one row, not the list.

    Painting asks ``data`` for every role of every visible cell, many times a second
    while people type: a row's texts are kept until its guest or the results change."""

    NAME, EMAIL, TICKET, STATUS = range(4)

    def __init__(
        self, lookup: Callable[[str], Guest | None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._lookup = lookup
        self._ids: list[str] = []
        self._rows: dict[str, int] = {}
        self._shown: dict[int, RowView | None] = {}
        self._today = datetime.now().astimezone().date()

    def set_results(self, guests: list[Guest]) -> None:
        """Show ``guests``. The rows change in place (rows added or removed at the end,
        every row's data changed), not by a reset: a reset made the list lay out its
        header and scroll bars again and repaint them at every keystroke. The current
        row stays where it was (Qt says nothing if it does not move)."""
        ids = [guest.id for guest in guests]
        before, after = len(self._ids), len(ids)
        if after < before:
            self.beginRemoveRows(QModelIndex(), after, before - 1)
            self._take(ids)
            self.endRemoveRows()
        elif after > before:
            self.beginInsertRows(QModelIndex(), before, after - 1)
            self._take(ids)
            self.endInsertRows()
        else:
            self._take(ids)
        if after:
            self.dataChanged.emit(self.index(0, 0), self.index(after - 1, self.STATUS))

    def _take(self, ids: list[str]) -> None:
        self._ids = ids
        self._rows = {gid: row for row, gid in enumerate(ids)}
        self._shown.clear()
        self._today = datetime.now().astimezone().date()

    def guest_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, guest_id: str) -> int | None:
        return self._rows.get(guest_id)

    def refresh_guest(self, guest_id: str) -> None:
        row = self._rows.get(guest_id)
        if row is not None:
            self._shown.pop(row, None)
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.STATUS))

    def row_view(self, row: int) -> RowView | None:
        """What ``row`` shows (None past the end, or for a guest no longer known)."""
        try:
            return self._shown[row]
        except KeyError:
            pass
        guest = self._lookup(self._ids[row]) if 0 <= row < len(self._ids) else None
        shown = None if guest is None else self._describe(guest, self._today)
        self._shown[row] = shown
        return shown

    @staticmethod
    def _describe(guest: Guest, today: date) -> RowView:
        star = "★ " if guest.starred else ""
        party = f"{PARTY_MARK}{guest.plus_ones})" if guest.plus_ones else ""
        status = status_label(guest.status)
        if guest.status is Status.ATTENDED and guest.changed_at is not None:
            # "Attended 10:42": someone at another desk may have let them in.
            status = f"{status} {short_time(guest.changed_at, today)}"
        texts = (f"{star}{guest.name}{party}", guest.email, guest.ticket, status)
        return RowView(texts, guest.id, guest.status, guest.starred)

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
        if role not in _ANSWERED or not index.isValid():
            return None
        shown = self.row_view(index.row())
        if shown is None:
            return None
        if role in (_DISPLAY, _ACCESSIBLE):
            return shown.texts[index.column()]
        if role == GUEST_ID_ROLE:
            return shown.guest_id
        if role == STATUS_ROLE:
            return shown.status.value
        if role == _TOOLTIP and index.column() == self.NAME and shown.starred:
            return self.tr("VIP")
        return None
