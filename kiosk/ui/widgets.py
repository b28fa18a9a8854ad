"""The check-in window's parts: status badges, the five-status picker, the guest pane."""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
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
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kiosk.backends.base import Capabilities
from kiosk.domain import Guest, Status
from kiosk.domain.status import ORDER
from kiosk.services.checkin import Delivery, GuestSync
from kiosk.ui.models import GuestTableModel, RowView, local_time, status_label

#: Badge colours; every badge also carries its word, never colour alone.
STATUS_COLOURS: dict[Status, str] = {
    Status.INVITED: "#52606d",
    Status.ACCEPTED: "#1d5fbf",
    Status.DECLINED: "#b42318",
    Status.ATTENDED: "#147a3a",
    Status.NO_SHOW: "#8a5a00",
}
STATUS_MARKS: dict[Status, str] = {
    Status.INVITED: "✉",
    Status.ACCEPTED: "✓",
    Status.DECLINED: "✕",
    Status.ATTENDED: "●",
    Status.NO_SHOW: "○",
}


_SELECTED = QStyle.StateFlag.State_Selected
_TEXT = QPalette.ColorRole.Text
_HIGHLIGHTED_TEXT = QPalette.ColorRole.HighlightedText


class GuestRowDelegate(QStyledItemDelegate):
    """Paints the results list: name, email and ticket as plain text, the status as a
    coloured pill with its word in it.

    The list repaints at every keystroke. Qt's own item painting asked the model for
    seven roles per cell and laid out and elided every text again each time (two thirds
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
        self._texts: dict[tuple[str, int, int], tuple[QStaticText, float]] = {}
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
        laid_out = self._texts.get((text, width, height))
        if laid_out is None:
            laid_out = self._lay_out(text, width, height, painter.font(), metrics)
        painter.drawStaticText(QPointF(x + self.PADDING, y + laid_out[1]), laid_out[0])

    def _lay_out(
        self, text: str, width: int, height: int, font: QFont, metrics: QFontMetrics
    ) -> tuple[QStaticText, float]:
        room = width - 2 * self.PADDING
        static = QStaticText(metrics.elidedText(text, Qt.TextElideMode.ElideRight, room))
        static.setTextFormat(Qt.TextFormat.PlainText)
        static.prepare(QTransform(), font)
        laid_out = (static, (height - static.size().height()) / 2)
        if len(self._texts) >= self.CACHE_LIMIT:
            self._texts.clear()
        self._texts[(text, width, height)] = laid_out
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


class ResultsView(QTableView):
    """The results list. It paints its visible rows itself, in one pass, from its row
    delegate's laid-out texts and drawn pills: Qt's table asked the style and then the
    delegate (a call into Python) for every cell, some 60 a keystroke, and that was most
    of a keystroke's frame. The caches are dropped when the font or style changes."""

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


class _StatusButton(QPushButton):
    """A status button never narrower than its word: a fixed minimum clipped German
    "Eingeladen" and "Anwesend" in a 1280 px window. (The style sheet's font is known
    only once polished, so this asks the size hint each time, not once.)"""

    def minimumSizeHint(self) -> QSize:
        hint = self.sizeHint()
        return QSize(max(96, hint.width()), max(72, hint.height()))


class StatusPicker(QFrame):
    """Exactly the five statuses as large buttons; the current one marked, the ones the
    platform cannot write disabled with the reason shown beneath.

    Signals:
        picked(str): a status (wire value) was chosen.
    """

    picked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusPicker")
        self.setAccessibleName(self.tr("Set status"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QGridLayout()
        row.setSpacing(8)
        self.buttons: dict[Status, QPushButton] = {}
        for column, status in enumerate(ORDER):
            # Mark above word: five buttons fit side by side on a narrow pane.
            button = _StatusButton(f"{STATUS_MARKS[status]}\n{status_label(status)}")
            button.setObjectName(f"status-{status.wire}")
            button.setProperty("status", status.wire)
            button.setCheckable(True)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setToolTip(self.tr("Ctrl+%1").replace("%1", str(column + 1)))
            button.setAccessibleName(status_label(status))
            button.clicked.connect(lambda _checked=False, s=status: self._clicked(s))
            row.addWidget(button, 0, column)
            self.buttons[status] = button
        layout.addLayout(row)
        self.reasons = QLabel()
        self.reasons.setObjectName("statusReasons")
        self.reasons.setWordWrap(True)
        self.reasons.setAccessibleName(self.tr("Statuses this platform cannot set"))
        layout.addWidget(self.reasons)
        self._capabilities: Capabilities | None = None
        self._current: Status | None = None
        self._shown: tuple[Status | None, str] | None = None
        self.set_guest(None)

    def set_capabilities(self, capabilities: Capabilities) -> None:
        self._capabilities = capabilities
        lines = []
        for status in ORDER:
            reason = capabilities.reason(status)
            if reason:
                lines.append(f"{status_label(status)}: {reason}")
        self.reasons.setText("\n".join(lines))
        self.reasons.setVisible(bool(lines))
        self._refresh()

    def set_guest(self, status: Status | None) -> None:
        # Called at every keystroke (the top match is shown as people type): the
        # buttons' states, tips and descriptions change only with the status shown (or
        # the language).
        shown = (status, self.tr("Ctrl+%1"))
        if shown == self._shown:
            return
        self._current = status
        self._refresh()

    def _refresh(self) -> None:
        self._shown = (self._current, self.tr("Ctrl+%1"))
        for status, button in self.buttons.items():
            reason = self._capabilities.reason(status) if self._capabilities else None
            enabled = self._current is not None and reason is None
            button.setEnabled(enabled)
            button.setChecked(status is self._current)
            shortcut = self.tr("Ctrl+%1").replace("%1", str(ORDER.index(status) + 1))
            button.setToolTip(reason or shortcut)
            button.setAccessibleDescription(
                reason or (self.tr("Current status") if status is self._current else shortcut)
            )

    def _clicked(self, status: Status) -> None:
        self._refresh()  # the checked mark follows the platform, not the click
        self.picked.emit(status.wire)


class SyncIndicator(QFrame):
    """One guest's delivery: saved on this kiosk → sent → synced, or failed with a retry.

    Signals:
        retry_requested(): the person pressed Retry.
    """

    retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncIndicator")
        self.setAccessibleName(self.tr("Delivery to the platform"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.label = QLabel()
        self.label.setObjectName("syncText")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label, 1)
        self.retry = QPushButton(self.tr("Retry"))
        self.retry.setObjectName("syncRetry")
        self.retry.setAccessibleName(self.tr("Retry sending this change"))
        self.retry.setMinimumHeight(48)
        self.retry.clicked.connect(self.retry_requested)
        layout.addWidget(self.retry)
        self.show_state(None, "")

    def show_state(self, sync: GuestSync | None, platform: str) -> None:
        self.retry.setVisible(sync is not None and sync.delivery is Delivery.FAILED)
        _restyle(self, "delivery", "none" if sync is None else sync.delivery.value)
        if sync is None:
            self.label.setText(self.tr("No change made on this kiosk yet."))
        else:
            word = status_label(sync.status)
            if sync.delivery is Delivery.SAVED:
                text = self.tr("◷ “%1” saved on this kiosk; sending to %2…")
                if sync.message:
                    text = self.tr("◷ “%1” saved on this kiosk; will retry %2: %3")
            elif sync.delivery is Delivery.SENT:
                text = self.tr("⇅ “%1” sent to %2, waiting for its answer…")
            elif sync.delivery is Delivery.SYNCED:
                text = self.tr("✓ “%1” synced with %2 at %4")
            else:
                text = self.tr("⚠ %2 refused “%1”: %3. The previous status is kept.")
            self.label.setText(
                text.replace("%1", word)
                .replace("%2", platform)
                .replace("%3", sync.message)
                .replace("%4", local_time(sync.at))
            )


class GuestDetails(QFrame):
    """Everything the platform says about one guest, plus the picker and delivery state."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guestDetails")
        self.setAccessibleName(self.tr("Guest details"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(10)
        self.name = QLabel()
        self.name.setObjectName("guestName")
        self.name.setWordWrap(True)
        self.name.setAccessibleName(self.tr("Guest name"))
        layout.addWidget(self.name)
        self.badge = QLabel()
        self.badge.setObjectName("statusBadge")
        self.badge.setAccessibleName(self.tr("Current status"))
        self.badge.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        layout.addWidget(self.badge)
        self.form = QFormLayout()
        self._rows_shown: dict[int, bool] = {}
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.fields: dict[str, QLabel] = {}
        for key, label in (
            ("email", self.tr("Email")),
            ("ticket", self.tr("Ticket")),
            ("ticket_type", self.tr("Ticket type")),
            ("party", self.tr("Party")),
            ("notes", self.tr("Notes")),
            ("changed", self.tr("Last change")),
        ):
            value = QLabel()
            value.setObjectName(f"field-{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(label)
            self.form.addRow(label + ":", value)
            self.fields[key] = value
        layout.addLayout(self.form)
        self.extras = QLabel()
        self.extras.setObjectName("guestExtras")
        self.extras.setWordWrap(True)
        self.extras.setAccessibleName(self.tr("More from the platform"))
        layout.addWidget(self.extras)
        layout.addStretch(1)
        self.picker = StatusPicker()
        layout.addWidget(self.picker)
        self.sync = SyncIndicator()
        layout.addWidget(self.sync)
        self.guest_id: str | None = None
        self.show_guest(None, None, "")

    def show_guest(
        self,
        guest: Guest | None,
        sync: GuestSync | None,
        platform: str,
        elsewhere: Guest | None = None,
    ) -> None:
        self.guest_id = guest.id if guest else None
        self.picker.set_guest(guest.status if guest else None)
        self.sync.setVisible(guest is not None)
        if guest is None:
            for row in range(self.form.rowCount()):
                self._show_row(row, False)
            self.name.setText(self.tr("Find a guest by name, email or ticket"))
            self.badge.setVisible(False)
            self.extras.setText("")
            return
        self.name.setText(("★ " if guest.starred else "") + guest.name)
        self.badge.setVisible(True)
        self.badge.setText(f" {STATUS_MARKS[guest.status]} {status_label(guest.status)} ")
        _restyle(self.badge, "status", guest.status.wire)
        party = self.tr("just the guest")
        if guest.plus_ones:
            party = self.tr("%1 people (guest + %2)").replace("%1", str(guest.party_size))
            party = party.replace("%2", str(guest.plus_ones))
        changed = local_time(guest.changed_at)
        if elsewhere is not None:
            changed = self.tr("%1 %2 at another desk or on %3").replace(
                "%1", status_label(elsewhere.status)).replace(
                "%2", local_time(elsewhere.changed_at)).replace("%3", platform)  # fmt: skip
        if guest.status_label:
            changed = f"{changed} · {guest.status_label}" if changed else guest.status_label
        values = {
            "email": guest.email,
            "ticket": guest.ticket,
            "ticket_type": guest.ticket_type,
            "party": party,
            "notes": guest.notes,
            "changed": changed,
        }
        for row, (key, value) in enumerate(values.items()):
            self.fields[key].setText(value)
            # Only what the platform gave: an empty row is noise at a busy door.
            self._show_row(row, bool(value))
        extras = [f"<b>{_escape(k)}:</b> {_escape(v)}" for k, v in guest.extras.items() if v]
        if guest.starred:
            extras.insert(0, "<b>★ " + self.tr("VIP") + "</b>")
        self.extras.setText("<br>".join(extras))
        self.sync.show_state(sync, platform)

    def _show_row(self, row: int, visible: bool) -> None:
        # Showing or hiding a form row lays the form out again (1.4 ms for the six rows
        # at every keystroke): only when it changes.
        if self._rows_shown.get(row) is not visible:
            self._rows_shown[row] = visible
            self.form.setRowVisible(row, visible)


def _restyle(widget: QWidget, name: str, value: str) -> None:
    """Set the dynamic property the style sheet selects on, and restyle the widget, only
    when it changes: restyling makes Qt lay out and repaint the widget and what holds it,
    and the guest pane is shown again at every keystroke."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
