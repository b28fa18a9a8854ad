"""Finding at the desk window: the filter bar, sorting by a column, "no guest matches",
and a kiosk's desk reference typed or scanned (``kiosk.services.finding``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QBoxLayout, QMenu, QToolButton, QWidget

from kiosk.domain import Guest, Status
from kiosk.domain.status import ORDER
from kiosk.services.finding import Column, Filters, Finder, Found
from kiosk.services.selfservice_steps import Reason
from kiosk.ui.guest_pane import NAME_CHARS
from kiosk.ui.models import status_label
from kiosk.ui.plain import clean
from kiosk.ui.viewmodel import LIST_LIMIT

if TYPE_CHECKING:
    from kiosk.ui.main_window import MainWindow


class FindBar(QToolButton):
    """The filters, in one button beside the search (a row of their own did not fit a
    1024x640 window): status, VIP, ticket type and "changed at this desk", each a
    checkable item of its menu. The button's text names what is on."""

    changed = Signal()
    #: A column picked from the menu's "Order" (the keyboard's way to a heading's tap).
    sort_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ready = False  # the menu's items are made first: no news until then
        self._kinds: list[str] | None = None
        self.setObjectName("filterButton")
        self.setAccessibleName(self.tr("Filters"))
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setMinimumHeight(48)
        menu = QMenu(self)
        menu.setObjectName("filterMenu")
        self.setMenu(menu)
        self.statuses = QActionGroup(self)
        self.types = QActionGroup(self)  # filled by ``set_ticket_types``
        self.any_status = self._item(menu, "filterStatus-any", self.tr("Any status"), self.statuses)
        self.any_status.setChecked(True)
        for status in ORDER:
            self._item(menu, f"filterStatus-{status.wire}", status_label(status), self.statuses)
        menu.addSeparator()
        self.vip = self._item(menu, "filterVip", self.tr("★ VIP only"))
        self.changed_here = self._item(menu, "filterChangedHere", self.tr("Changed at this desk"))
        menu.addSeparator()
        self.types_menu = menu.addMenu(self.tr("Ticket type"))
        order = menu.addMenu(self.tr("Order by"))
        for column, text in (
            (Column.NAME, self.tr("Name")),
            (Column.EMAIL, self.tr("Email")),
            (Column.TICKET, self.tr("Ticket")),
            (Column.STATUS, self.tr("Status")),
        ):
            action = order.addAction(text)
            action.setObjectName(f"sort-{column.name.lower()}")
            action.triggered.connect(lambda _on=False, c=column: self.sort_requested.emit(int(c)))
        menu.addSeparator()
        clear = menu.addAction(self.tr("All guests (no filter)"))
        clear.setObjectName("filterClear")
        clear.triggered.connect(self.reset)
        self.set_ticket_types([])
        self._ready = True
        self._name()

    def _item(
        self, menu: QMenu, name: str, text: str, group: QActionGroup | None = None
    ) -> QAction:
        action = menu.addAction(text)
        action.setObjectName(name)
        action.setCheckable(True)
        if group is not None:
            group.addAction(action)
        action.toggled.connect(self._toggled)
        return action

    def _toggled(self, _on: bool) -> None:
        if not self._ready:
            return
        self._name()
        self.changed.emit()

    def set_ticket_types(self, kinds: list[str]) -> None:
        """The ticket types offered; rebuilt only when they differ (a refresh every few
        seconds brings the same ones), and quietly: the filter chosen stays."""
        if kinds == self._kinds:
            return
        self._kinds = kinds
        chosen = self.filters().ticket_type
        ready, self._ready = self._ready, False
        for action in self.types.actions():
            self.types.removeAction(action)
            action.deleteLater()
        self.types_menu.clear()
        for kind in (None, *kinds):
            text = self.tr("Any ticket type") if kind is None else clean(kind, 40)
            action = self.types_menu.addAction(text)
            action.setObjectName(f"filterType-{kind or 'any'}")
            action.setCheckable(True)
            action.setData(kind)
            self.types.addAction(action)
            action.setChecked(kind == chosen)
            action.toggled.connect(self._toggled)
        self._ready = ready

    def filters(self) -> Filters:
        status = self.statuses.checkedAction()
        wire = status.objectName().removeprefix("filterStatus-") if status else "any"
        kind = self.types.checkedAction()
        return Filters(
            status=None if wire == "any" else Status(wire),
            vip=self.vip.isChecked(),
            ticket_type=kind.data() if kind is not None else None,
            changed_here=self.changed_here.isChecked(),
        )

    def _name(self) -> None:
        f = self.filters()
        parts = [status_label(f.status)] if f.status else []
        parts += [self.tr("VIP")] if f.vip else []
        parts += [clean(f.ticket_type, 20)] if f.ticket_type else []
        parts += [self.tr("changed here")] if f.changed_here else []
        text = self.tr("Filter") if not parts else " · ".join(parts)
        self.setText(text)
        self.setToolTip(self.tr("Show only some guests"))

    def reset(self) -> None:
        for action in (self.any_status, *self.types.actions()[:1]):
            action.setChecked(True)
        self.vip.setChecked(False)
        self.changed_here.setChecked(False)


class DeskFinding(QObject):
    """Puts the filter bar under the search, answers the window's searches through the
    ``Finder`` (filters, order, references) and says when nothing matches."""

    def __init__(self, window: MainWindow, outer: QBoxLayout | None, at: int) -> None:
        super().__init__(window)
        self.window = window
        self.finder = Finder(window.vm.service)
        self.bar = FindBar()
        if outer is not None:
            outer.insertWidget(at, self.bar)
        self.sort: tuple[Column, bool] | None = None
        self.last: Found = Found([])
        # The window asks its view-model for matches: answered here, filters and all.
        window.vm.search = self._search  # type: ignore[method-assign]
        window.search.textChanged.connect(self._after_search)  # after the window's own
        window.vm.roster_changed.connect(self._roster_changed)
        self.bar.changed.connect(self.refresh)
        self.bar.sort_requested.connect(self._sort_by)
        header = window.results.horizontalHeader()
        header.setSectionsClickable(True)
        header.sectionClicked.connect(self._sort_by)
        window.scanner.scanned.connect(self._scanned)  # after the window's own handling

    def _search(self, text: str) -> list[Guest]:
        self.last = self.finder.find(text, self.bar.filters(), LIST_LIMIT, self.sort)
        return self.last.guests

    def refresh(self) -> None:
        """Search again with the filters and order now set."""
        self.window._search_changed(self.window.search.text())
        self._after_search(self.window.search.text())

    def _roster_changed(self) -> None:
        self.finder.forget()
        self.bar.set_ticket_types(self.window.vm.service.index.ticket_types())

    def _sort_by(self, section: int) -> None:
        column = Column(section)
        if self.sort is not None and self.sort[0] is column:
            self.sort = None if self.sort[1] else (column, True)  # asc → desc → search order
        else:
            self.sort = (column, False)
        header = self.window.results.horizontalHeader()
        header.setSortIndicatorShown(self.sort is not None)
        if self.sort is not None:
            order = Qt.SortOrder.DescendingOrder if self.sort[1] else Qt.SortOrder.AscendingOrder
            header.setSortIndicator(section, order)
        self.refresh()

    def _after_search(self, text: str) -> None:
        found = self.last
        if found.reason is not None:
            self._say_reference(found)
            return
        if self.window.model.rowCount() or not (text.strip() or self.bar.filters().active):
            return
        note = self.window.results_note
        if text.strip():
            line = self.tr("No guest matches “%1”.").replace("%1", clean(text, 60))
        else:
            line = self.tr("No guest matches these filters.")
        if self.bar.filters().active:
            line += " " + self.tr("Filters are on: “All guests (no filter)” clears them.")
        note.setText(line)
        note.setAccessibleName(line)
        note.show()

    def _scanned(self, code: str) -> None:
        """A reference scanned: the window said "unknown code"; open the guest instead."""
        if self.finder.find(code, Filters(), LIST_LIMIT).reason is None:
            return
        self.window.search.setText(code.strip())

    def _say_reference(self, found: Found) -> None:
        window = self.window
        reason = found.reason
        assert reason is not None
        name = clean(found.guests[0].name, NAME_CHARS) if len(found.guests) == 1 else ""
        text = self.tr("%1 at the kiosk: %2").replace("%1", found.reference)
        text = text.replace("%2", self._what_happened(reason, name))
        if len(found.guests) > 1:
            text += " " + self.tr("%1 guests share this reference: pick one.").replace(
                "%1", str(len(found.guests))
            )
        window._scan_said("found" if found.guests else "unknown", text)
        window.results_note.hide()
        if found.guests:
            window._select_row(0)

    def _what_happened(self, reason: Reason, name: str) -> str:
        who = name or self.tr("the guest")
        texts = {
            Reason.DECLINED: self.tr(
                "%1 had declined the invitation, so it could not check them in."
            ),
            Reason.ALREADY_IN: self.tr("%1 was already checked in."),
            Reason.NOT_ALLOWED: self.tr("%1 has a status the kiosk may not check in."),
            Reason.CHANGED: self.tr("%1 had just been changed at another desk or on the platform."),
            Reason.CANNOT_SAVE: self.tr("the check-in of %1 could not be saved there."),
            Reason.SEE_STAFF: self.tr(
                "%1 found themselves by name and needs staff; their status is shown here."
            ),
            Reason.UNKNOWN_TICKET: self.tr(
                "a ticket code no guest of this event has. Ask for the ticket, or search by name."
            ),
            Reason.NOT_FOUND: self.tr(
                "no guest had the name given. Ask for the name as booked, or the email."
            ),
            Reason.UNRESOLVED: self.tr(
                "several guests matched and it could not tell them apart. Ask for name and email."
            ),
            Reason.PAUSED: self.tr("names were paused after several misses; tickets still worked."),
        }
        return texts[reason].replace("%1", who)
