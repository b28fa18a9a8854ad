"""The party panel in the guest pane: who of the party is in, and checking in some of it.

On a platform that counts people (Attendu) it offers a count: "how many are in now",
one change carrying it. On one with a row per person (sheepCRM) it lists the rows of
the booking with a box each: the ticked ones are checked in, one change per row.
Keyboard: Tab reaches the count or the boxes, Space ticks, Enter on the button sends.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain import Status
from kiosk.services.parties import Parties, Party
from kiosk.ui.plain import clean

#: The most rows of one booking listed with a box each; more are rare and go by name.
MAX_ROWS = 8
NAME_CHARS = 60
#: A row's height: a finger's width, and three rows still fit a short pane.
ROW_HEIGHT = 34


class _RowBox(QCheckBox):
    """A box ticked by a tap anywhere on its row, not only on the box or the name: a
    finger at a busy door lands where it lands."""

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)


class PartyPanel(QFrame):
    """Shows ``party`` of the guest in the pane; hidden for a guest who came alone."""

    def __init__(self, parties: Parties, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parties = parties
        self.setObjectName("partyPanel")
        self.setAccessibleName(self.tr("Party"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(6)
        # One row: "2 of 4 in", then the count and its button, or the rows' button: the
        # pane must still fit a 1024x640 window.
        top = QHBoxLayout()
        top.setSpacing(6)
        self.summary = QLabel()
        self.summary.setObjectName("partySummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        top.addWidget(self.summary, 1)
        self.count = QSpinBox()
        self.count.setObjectName("partyCount")
        self.count.setAccessibleName(self.tr("How many of the party are in now"))
        self.count.setMinimumHeight(44)
        self.count.setMinimumWidth(64)
        top.addWidget(self.count)
        self.count_button = QPushButton(self.tr("Check in this many"))
        self.count_button.setObjectName("partyCountCheckIn")
        self.count_button.setMinimumHeight(44)
        self.count_button.clicked.connect(self._check_in_count)
        top.addWidget(self.count_button)
        self.rows_button = QPushButton(self.tr("Check in the ticked ones"))
        self.rows_button.setObjectName("partyRowsCheckIn")
        self.rows_button.setMinimumHeight(44)
        self.rows_button.clicked.connect(self._check_in_rows)
        top.addWidget(self.rows_button)
        layout.addLayout(top)
        # A box per row (sheepCRM), scrolled when the pane is short.
        self.rows_box = QWidget()
        self.rows_layout = QVBoxLayout(self.rows_box)
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        self.rows_layout.setSpacing(0)
        self.rows_scroll = QScrollArea()
        self.rows_scroll.setObjectName("partyRows")
        self.rows_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.rows_scroll.setWidgetResizable(True)
        self.rows_scroll.setWidget(self.rows_box)
        self.rows_scroll.setMinimumHeight(ROW_HEIGHT)
        layout.addWidget(self.rows_scroll)
        self.boxes: dict[str, QCheckBox] = {}
        self.party: Party | None = None
        self._guest_id: str | None = None
        self.show_party(None)

    def show_party(self, guest_id: str | None) -> None:
        """Show the party of ``guest_id`` (None, or alone: hidden)."""
        self._guest_id = guest_id
        party = self.parties.party(guest_id) if guest_id else None
        self.party = party
        self.setVisible(party is not None)
        if party is None:
            return
        self.summary.setText(
            self.tr("Party of %1: %2 of %1 in")
            .replace("%1", str(party.size))
            .replace("%2", str(party.present))
        )
        self.summary.setAccessibleName(self.summary.text())
        writable = self.parties.service.capabilities.can_write(Status.ATTENDED)
        counted = not party.by_rows
        self.count.setVisible(counted)
        self.count_button.setVisible(counted)
        self.rows_scroll.setVisible(not counted)
        self.rows_button.setVisible(not counted)
        if counted:
            self.count.setRange(1, party.size)
            want = party.size if party.present == 0 else min(party.size, party.present + 1)
            self.count.setValue(want)
            self.count_button.setEnabled(writable)
            return
        self._show_rows(party, writable)

    def _show_rows(self, party: Party, writable: bool) -> None:
        shown = [g.id for g in party.members[:MAX_ROWS]]
        if list(self.boxes) != shown:
            for box in self.boxes.values():
                box.deleteLater()
            self.boxes = {}
            for guest in party.members[:MAX_ROWS]:
                box = _RowBox()
                box.setObjectName(f"partyRow-{guest.id}")
                box.setMinimumHeight(ROW_HEIGHT)
                self.rows_layout.addWidget(box)
                box.show()  # now, not a turn later: the pane is already on screen
                self.boxes[guest.id] = box
        # Up to three rows shown without scrolling; more scroll in a short pane.
        self.rows_scroll.setMinimumHeight(min(3, len(self.boxes)) * ROW_HEIGHT)
        for guest in party.members[:MAX_ROWS]:
            box = self.boxes[guest.id]
            inside = guest.status is Status.ATTENDED
            lead = self.tr("(booked)") if guest.id == party.lead.id else ""
            box.setText(f"{'✓ ' if inside else ''}{clean(guest.name, NAME_CHARS)} {lead}".strip())
            box.setChecked(inside or box.isChecked())
            box.setEnabled(writable and not inside)
        self.rows_button.setEnabled(writable)

    def _check_in_count(self) -> None:
        if self.party is not None:
            self.parties.check_in_count(self.party.lead.id, self.count.value())
            self.show_party(self._guest_id)

    def _check_in_rows(self) -> None:
        if self.party is None:
            return
        ticked = [gid for gid, box in self.boxes.items() if box.isChecked() and box.isEnabled()]
        self.parties.check_in_rows(ticked)
        self.show_party(self._guest_id)
