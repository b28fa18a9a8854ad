"""The desk toolkit's parties and walk-ins, fitted into the desk window.

Built by ``kiosk.app.assemble`` once the window is: the party panel goes into the guest
pane above the status buttons, the walk-in button beside the search, Ctrl+N opens the
walk-in form. The window owns this object (``window.findChild(DeskToolkit)``) and
knows nothing of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QBoxLayout, QLayout, QPushButton

from kiosk.domain import Guest
from kiosk.services.checkin import RetryPolicy
from kiosk.services.parties import Parties
from kiosk.services.walkins import WalkInDesk
from kiosk.store.walkins import WalkIn, WalkInState
from kiosk.ui.find_bar import DeskFinding
from kiosk.ui.guest_pane import NAME_CHARS
from kiosk.ui.party_panel import PartyPanel
from kiosk.ui.plain import clean
from kiosk.ui.qt_async import TaskSet
from kiosk.ui.walkin_dialog import WalkInDialog

if TYPE_CHECKING:
    from kiosk.ui.main_window import MainWindow


class DeskToolkit(QObject):
    """Parties and walk-ins at the desk window.

    Signals:
        walk_in_changed(object): a walk-in took a step (saved, created, checked in,
            waiting, refused); the window says so under the search.
    """

    walk_in_changed = Signal(object)

    def __init__(
        self, window: MainWindow, tasks: TaskSet, *, retry: RetryPolicy | None = None
    ) -> None:
        super().__init__(window)
        self.setObjectName("deskToolkit")
        self.window = window
        service = window.vm.service
        self.parties = Parties(service)
        self.walk_ins = WalkInDesk(service, retry=retry, changed=self.walk_in_changed.emit)
        self.walk_in_changed.connect(self._walk_in_changed)
        self._install_party_panel()
        self._install_walk_in_button()
        central = window.centralWidget()
        row = _layout_holding(central.layout() if central else None, window.search)
        self.finding = DeskFinding(window, row, row.indexOf(window.search) + 1 if row else 0)
        tasks.spawn(self.walk_ins.run(), name="walk-ins")

    # -- parties --------------------------------------------------------------------------

    def _install_party_panel(self) -> None:
        details = self.window.details
        self.party_panel = PartyPanel(self.parties)
        layout = details.layout()
        if isinstance(layout, QBoxLayout):
            layout.insertWidget(layout.indexOf(details.picker), self.party_panel)
        shown = details.show_guest

        position: Any = details.form.getWidgetPosition(details.fields["party"])
        party_row = int(position[0])  # (row, role): PySide's stubs say "object"

        def show_guest(guest: Guest | None, *args: Any, **kwargs: Any) -> None:
            shown(guest, *args, **kwargs)
            self.party_panel.show_party(guest.id if guest else None)
            if self.party_panel.party is not None:  # said by the panel: room for it
                details._show_row(party_row, False)

        # The pane is shown from several places in the window; the panel follows each.
        details.show_guest = show_guest  # type: ignore[method-assign]
        vm = self.window.vm
        vm.roster_changed.connect(self.parties.forget)

    # -- walk-ins -------------------------------------------------------------------------

    def _install_walk_in_button(self) -> None:
        window = self.window
        self.walk_in_button = QPushButton(self.tr("+ Walk-in"))
        self.walk_in_button.setObjectName("walkInButton")
        self.walk_in_button.setMinimumHeight(48)
        self.walk_in_button.clicked.connect(self.open_walk_in)
        central = window.centralWidget()
        row = _layout_holding(central.layout() if central else None, window.scan_checks_in)
        if row is not None:
            row.insertWidget(row.indexOf(window.scan_checks_in), self.walk_in_button)
        QShortcut(QKeySequence("Ctrl+N"), window).activated.connect(self.open_walk_in)
        self.show_walk_ins_allowed()

    def reason(self) -> str | None:
        """Why this platform takes no walk-ins, in the window's language; None if it does."""
        if self.walk_ins.reason is None:
            return None
        platform = self.walk_ins.service.capabilities.platform
        if platform == "sheepcrm":
            return self.tr(
                "sheepCRM's Events API (v2) has no way to add an attendee: add the guest"
                " in sheepCRM, and they appear here at the next refresh."
            )
        if platform == "guestlist":
            return self.tr(
                "Kiosk reads a guest list file but never adds to it: add the guest to the"
                " file, and they appear here when it is saved."
            )
        return self.tr("%1 cannot take new guests.").replace("%1", self.window.platform_name)

    def show_walk_ins_allowed(self) -> None:
        why = self.reason()
        button = self.walk_in_button
        button.setEnabled(why is None)
        button.setToolTip(why or self.tr("Add a guest at the door (Ctrl+N)"))
        button.setAccessibleDescription(why or self.tr("Add a guest at the door (Ctrl+N)"))

    def open_walk_in(self) -> None:
        why = self.reason()
        if why is not None:
            self.window._scan_said("unknown", self.tr("No walk-ins here: %1").replace("%1", why))
            return
        dialog = WalkInDialog(self.window.platform_name, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.submitted.connect(self._submitted)
        self.dialog = dialog
        dialog.open()  # never exec(): the qasync loop must keep running

    def _submitted(self, first: str, last: str, email: str, party: int) -> None:
        outcome = self.walk_ins.add(first, last, email, party)
        if isinstance(outcome, str):
            self.window.show_notice(outcome)

    def _walk_in_changed(self, walk_in: WalkIn) -> None:
        window = self.window
        name = clean(walk_in.name, NAME_CHARS)
        platform = window.platform_name
        if walk_in.state is WalkInState.DONE:
            window._scan_said(
                "checked-in",
                self.tr("✓ Walk-in %1 added to %2 and checked in.")
                .replace("%1", name)
                .replace("%2", platform),
            )
            self._open(walk_in.guest_id, walk_in.name)
        elif walk_in.state is WalkInState.NEEDS_ATTENTION:
            window._scan_said(
                "unknown",
                self.tr("⚠ %2 refused walk-in %1: %3")
                .replace("%1", name)
                .replace("%2", platform)
                .replace("%3", clean(walk_in.message, 300)),
            )
        elif walk_in.message:
            window._scan_said(
                "found",
                self.tr("◷ Walk-in %1 saved on this kiosk; will retry %2: %3")
                .replace("%1", name)
                .replace("%2", platform)
                .replace("%3", clean(walk_in.message, 300)),
            )
        else:
            window._scan_said(
                "found",
                self.tr("◷ Walk-in %1 saved on this kiosk; adding to %2…")
                .replace("%1", name)
                .replace("%2", platform),
            )

    def _open(self, guest_id: str, name: str) -> None:
        """Show the walk-in in the list and the pane, as a search for them would."""
        window = self.window
        window.search.setText(name)
        row = window.model.row_of(guest_id)
        if row is not None:
            window._select_row(row)


def _layout_holding(layout: QLayout | None, widget: object) -> QBoxLayout | None:
    """The box layout (at any depth under ``layout``) that holds ``widget`` itself."""
    if layout is None:
        return None
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        if item.widget() is widget and isinstance(layout, QBoxLayout):
            return layout
        found = _layout_holding(item.layout(), widget)
        if found is not None:
            return found
    return None
