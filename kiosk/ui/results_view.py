"""The results list: rows painted in one pass, each status a coloured pill with its word."""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
    QStaticText,
    QTransform,
)
from PySide6.QtWidgets import (
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from kiosk.domain import Status
from kiosk.ui.badges import STATUS_COLOURS, STATUS_MARKS
from kiosk.ui.models import PARTY_MARK, GuestTableModel, RowView

_SELECTED = QStyle.StateFlag.State_Selected
_TEXT = QPalette.ColorRole.Text
_HIGHLIGHTED_TEXT = QPalette.ColorRole.HighlightedText


class GuestRowDelegate(QStyledItemDelegate):
    """Paints the results list: name, email and ticket as plain text, the status as a
    coloured pill with its word in it.

    The list repaints at every keystroke. Qt's own item painting asked the model for
    seven roles per cell and laid out and elided every text again each time (most
    of a keystroke's paint); here each text is laid out once (``QStaticText``, elided to
    its column) and each pill drawn once, then copied. The caches are keyed by what they
    show; ``ResultsView`` empties them when its font or style changes, and paints its
    rows itself through ``paint_cell`` (``paint`` is Qt's per-cell way in)."""

    #: Enough for the texts of every row a list shows at once, many times over.
    CACHE_LIMIT = 2048
    #: Pills carry the time of a check-in ("Attended 10:42"): a busy day makes a
    #: thousand looks, each a pixmap of some 15-60 KB; the list shows at most a few dozen.
    PILL_LIMIT = 256
    PADDING = 3

    def __init__(self, model: GuestTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._texts: dict[tuple[str, int, int, int], tuple[QStaticText, float]] = {}
        self._pills: dict[tuple[str, Status, int], tuple[QPixmap, int]] = {}

    def forget(self) -> None:
        """Lay out and draw everything again (the font or the style changed)."""
        self._texts.clear()
        self._pills.clear()

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        shown = self._model.row_view(index.row())
        if shown is None:
            return
        rect = option.rect
        palette = option.palette  # its current group: the window active or not
        selected = option.state & _SELECTED
        if selected:
            painter.fillRect(rect, palette.highlight())
        painter.setPen(palette.color(_HIGHLIGHTED_TEXT if selected else _TEXT))
        painter.setFont(option.font)
        widget = option.widget
        self.paint_cell(
            painter,
            shown,
            index.column(),
            QRect(rect),
            option.fontMetrics,
            widget.devicePixelRatioF() if widget is not None else 1.0,
        )

    def paint_cell(
        self,
        painter: QPainter,
        shown: RowView,
        column: int,
        cell: QRect,
        metrics: QFontMetrics,
        ratio: float,
    ) -> None:
        """One cell's text or pill, in the painter's pen and font (the font the texts
        are laid out in, so drawing lays out nothing)."""
        x, y, width, height = cell.x(), cell.y(), cell.width(), cell.height()
        text = shown.texts[column]
        if column == GuestTableModel.STATUS:
            pill = self._pills.get((text, shown.status, height))
            if pill is None:
                pill = self._pill(text, shown.status, height, painter.font(), metrics, ratio)
            painter.drawPixmap(x + 6, y + pill[1], pill[0])
            return
        if not text:
            return
        laid_out = self._texts.get((text, width, height, column))
        if laid_out is None:
            laid_out = self._lay_out(text, column, width, height, painter.font(), metrics)
        painter.drawStaticText(QPointF(x + self.PADDING, y + laid_out[1]), laid_out[0])

    def _lay_out(
        self, text: str, column: int, width: int, height: int, font: QFont, metrics: QFontMetrics
    ) -> tuple[QStaticText, float]:
        static = QStaticText(fitted(text, column, width - 2 * self.PADDING, metrics))
        static.setTextFormat(Qt.TextFormat.PlainText)
        static.prepare(QTransform(), font)
        laid_out = (static, (height - static.size().height()) / 2)
        if len(self._texts) >= self.CACHE_LIMIT:
            self._texts.clear()
        self._texts[(text, width, height, column)] = laid_out
        return laid_out

    def _pill(
        self,
        word: str,
        status: Status,
        cell: int,
        font: QFont,
        metrics: QFontMetrics,
        ratio: float,
    ) -> tuple[QPixmap, int]:
        # The model's text: the status word, and the time for a guest who attended.
        text = f"{STATUS_MARKS[status]} {word}"
        height = min(cell - 6, metrics.height() + 8)
        pill = (self._draw_pill(text, status, height, font, metrics, ratio), (cell - height) // 2)
        if len(self._pills) >= self.PILL_LIMIT:
            self._pills.clear()
        self._pills[(word, status, cell)] = pill
        return pill

    @staticmethod
    def _draw_pill(
        text: str, status: Status, height: int, font: QFont, metrics: QFontMetrics, ratio: float
    ) -> QPixmap:
        bold = QFont(font)
        bold.setBold(True)
        width = metrics.horizontalAdvance(text) + 20
        pill = QPixmap(round(width * ratio), round(height * ratio))
        pill.setDevicePixelRatio(ratio)
        pill.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pill)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(STATUS_COLOURS[status]))
            shape = QRectF(0, 0, width, height)
            painter.drawRoundedRect(shape, height / 2, height / 2)
            painter.setPen(QColor("white"))
            painter.setFont(bold)
            painter.drawText(shape, Qt.AlignmentFlag.AlignCenter, text)
        finally:
            painter.end()
        return pill

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        if index.column() != GuestTableModel.STATUS:
            return hint
        return QSize(max(hint.width(), 140), max(hint.height(), 36))


def fitted(text: str, column: int, room: int, metrics: QFontMetrics) -> str:
    """``text`` cut to ``room`` pixels where the cut hides least: an email in its domain
    (namesakes' addresses differ before the @: ``ake.aberg2@fir…``; in its middle when
    even that is too long), a name before its party marker, which always shows
    (``Åke Åb…  (+2)``)."""
    if metrics.horizontalAdvance(text) <= room:
        return text
    if column == GuestTableModel.EMAIL:
        local, at, domain = text.partition("@")
        kept = metrics.horizontalAdvance(local + at + "…")
        if at and kept <= room:  # namesakes differ before the @: the domain is cut
            return (
                local
                + at
                + metrics.elidedText(
                    domain,
                    Qt.TextElideMode.ElideRight,
                    room - kept + metrics.horizontalAdvance("…"),
                )
            )
        return metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, room)
    name, marker, party = text.rpartition(PARTY_MARK)
    if column == GuestTableModel.NAME and marker and party.endswith(")"):
        tail = marker + party
        return (
            metrics.elidedText(
                name, Qt.TextElideMode.ElideRight, room - metrics.horizontalAdvance(tail)
            )
            + tail
        )
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)


class ResultsView(QTableView):
    """The results list. It paints its visible rows itself, in one pass, from its row
    delegate's laid-out texts and drawn pills: Qt's table asked the style and then the
    delegate (a call into Python) for every cell, some 60 a keystroke, and that was most
    of a keystroke's frame. The caches are dropped when the font or style changes."""

    def selected_row(self) -> int:
        """The selected guest's row, -1 for none. The selection, not the current cell:
        the list has a current cell only while it has the focus (see focusOutEvent)."""
        selection = self.selectionModel()
        rows = selection.selectedRows() if selection is not None else []
        return rows[0].row() if rows else -1

    def focusInEvent(self, event: QFocusEvent) -> None:
        row = self.selected_row()
        if row >= 0 and not self.currentIndex().isValid():
            self.selectionModel().setCurrentIndex(
                self.model().index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        # Qt tells a screen reader the current cell is focused whether or not the list
        # is: with the focus in the search field that was two focused objects. Away
        # from the list, it keeps its selection and has no current cell.
        self.selectionModel().setCurrentIndex(
            QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in _RESTYLED:
            delegate = self.itemDelegate()
            if isinstance(delegate, GuestRowDelegate):
                delegate.forget()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        model, delegate = self.model(), self.itemDelegate()
        if not isinstance(model, GuestTableModel) or not isinstance(delegate, GuestRowDelegate):
            super().paintEvent(event)
            return
        area = event.rect()
        first = self.rowAt(area.top())
        if first < 0:
            return  # below the last row: the background is all there is
        last = self.rowAt(area.bottom())
        if last < 0:
            last = model.rowCount() - 1
        header = self.horizontalHeader()
        columns = []
        for column in range(model.columnCount()):
            x, width = self.columnViewportPosition(column), self.columnWidth(column)
            shown_here = width > 0 and x <= area.right() and x + width > area.left()
            if shown_here and not header.isSectionHidden(column):
                columns.append((column, x, width))
        palette = self.palette()
        if not self.isEnabled():
            group = QPalette.ColorGroup.Disabled
        elif self.isActiveWindow():
            group = QPalette.ColorGroup.Active
        else:
            group = QPalette.ColorGroup.Inactive
        text_pen = palette.color(group, _TEXT)
        selected_pen = palette.color(group, _HIGHLIGHTED_TEXT)
        highlight = palette.brush(group, QPalette.ColorRole.Highlight)
        alternate = (
            palette.brush(group, QPalette.ColorRole.AlternateBase)
            if self.alternatingRowColors()
            else None
        )
        selection = self.selectionModel()
        root = QModelIndex()
        width = self.viewport().width()
        metrics, ratio = self.fontMetrics(), self.devicePixelRatioF()
        painter = QPainter(self.viewport())
        try:
            painter.setFont(self.font())  # the view's font: the one texts are laid out in
            for row in range(first, last + 1):
                y, height = self.rowViewportPosition(row), self.rowHeight(row)
                selected = selection is not None and selection.isRowSelected(row, root)
                if selected:
                    painter.fillRect(0, y, width, height, highlight)
                elif alternate is not None and row & 1:
                    painter.fillRect(0, y, width, height, alternate)
                shown = model.row_view(row)
                if shown is None:
                    continue
                painter.setPen(selected_pen if selected else text_pen)
                for column, x, column_width in columns:
                    delegate.paint_cell(
                        painter, shown, column, QRect(x, y, column_width, height), metrics, ratio
                    )
        finally:
            painter.end()


_RESTYLED = (QEvent.Type.FontChange, QEvent.Type.StyleChange)
