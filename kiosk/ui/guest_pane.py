"""The guest pane: what the platform says about one guest, the picker, and its delivery."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain import Guest, write_refusal
from kiosk.domain.party import HIDDEN_EXTRAS
from kiosk.services.checkin import Delivery, GuestSync
from kiosk.ui.accessibility import speaks_value
from kiosk.ui.badges import STATUS_MARKS, restyle
from kiosk.ui.models import local_time, status_label
from kiosk.ui.plain import clean, show_plain
from kiosk.ui.service_words import in_language
from kiosk.ui.status_picker import StatusPicker

#: The most characters of one value the pane shows; the rest is in its tooltip.
NAME_CHARS = 200
VALUE_CHARS = 300
NOTES_CHARS = 1000
#: The most "key: value" lines of what else the platform says about a guest.
EXTRA_LINES = 20
#: A view of a guest older than this is said to be so ("as of 40 s ago"): refreshes are
#: paced to the platform's quota, and the person picking should know.
OLD_VIEW_S = 15.0


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
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # holds the platform's words
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
        restyle(self, "delivery", "none" if sync is None else sync.delivery.value)
        self.label.setText(self.describe(sync, platform))

    def describe(self, sync: GuestSync | None, platform: str) -> str:
        """The delivery in words, as the pane shows it (and a screen reader says it)."""
        if sync is None:
            return self.tr("No change made on this kiosk yet.")
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
        return (
            text.replace("%1", word)
            .replace("%2", platform)
            .replace("%3", clean(in_language(sync.message), NOTES_CHARS))
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
        self.name.setTextFormat(Qt.TextFormat.PlainText)  # guest data is never markup
        self.name.setWordWrap(True)
        speaks_value(self.name, self.tr("Guest name"))
        layout.addWidget(self.name)
        self.badge = QLabel()
        self.badge.setObjectName("statusBadge")
        self.badge.setTextFormat(Qt.TextFormat.PlainText)
        speaks_value(self.badge, self.tr("Current status"))
        self.badge.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        layout.addWidget(self.badge)
        self.as_of = QLabel()
        self.as_of.setObjectName("viewAge")
        speaks_value(self.as_of, self.tr("How old this view is"))
        layout.addWidget(self.as_of)
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
            ("platform_status", self.tr("On the platform")),
        ):
            value = QLabel()
            value.setObjectName(f"field-{key}")
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            speaks_value(value, label)
            self.form.addRow(label + ":", value)
            self.fields[key] = value
        layout.addLayout(self.form)
        self.extras = QLabel()
        self.extras.setObjectName("guestExtras")
        self.extras.setTextFormat(Qt.TextFormat.PlainText)
        self.extras.setWordWrap(True)
        speaks_value(self.extras, self.tr("More from the platform"))
        layout.addWidget(self.extras)
        layout.addStretch(1)
        self.picker = StatusPicker()
        layout.addWidget(self.picker)
        self.sync = SyncIndicator()
        layout.addWidget(self.sync)
        self.guest_id: str | None = None
        for caption in self.findChildren(QLabel):  # the form's captions too: never markup
            caption.setTextFormat(Qt.TextFormat.PlainText)
        self.show_guest(None, None, "")

    def show_guest(
        self,
        guest: Guest | None,
        sync: GuestSync | None,
        platform: str,
        elsewhere: Guest | None = None,
        age: float | None = None,
    ) -> None:
        """``age``: seconds since the platform last confirmed this view of the guest;
        past ``OLD_VIEW_S`` the pane says "as of 40 s ago" under the status."""
        self.guest_id = guest.id if guest else None
        self._show_age(None if guest is None else age)
        # A row the platform cannot take a write for: no button (the reason is in extras).
        status = guest.status if guest is not None and not write_refusal(guest) else None
        self.picker.set_guest(status, guest.name if guest else "")
        self.sync.setVisible(guest is not None)
        if guest is None:
            for row in range(self.form.rowCount()):
                self._show_row(row, False)
            self.name.setText(self.tr("Find a guest by name, email or ticket"))
            self.badge.setVisible(False)
            self.extras.setText("")
            self.name.setToolTip("")
            return
        show_plain(self.name, ("★ " if guest.starred else "") + guest.name, NAME_CHARS)
        self.badge.setVisible(True)
        self.badge.setText(f" {STATUS_MARKS[guest.status]} {status_label(guest.status)} ")
        restyle(self.badge, "status", guest.status.wire)
        party = self.tr("just the guest")
        if guest.plus_ones:
            party = self.tr("%1 people (guest + %2)").replace("%1", str(guest.party_size))
            party = party.replace("%2", str(guest.plus_ones))
        changed = local_time(guest.changed_at)
        if elsewhere is not None:
            changed = self.tr("%1 %2 at another desk or on %3").replace(
                "%1", status_label(elsewhere.status)).replace(
                "%2", local_time(elsewhere.changed_at)).replace("%3", platform)  # fmt: skip
        values = {
            "email": guest.email,
            "ticket": guest.ticket,
            "ticket_type": guest.ticket_type,
            "party": party,
            "notes": guest.notes,
            "changed": changed,
            # The platform's own word for the status ("No answer"): no change, no time.
            "platform_status": guest.status_label,
        }
        for row, (key, value) in enumerate(values.items()):
            notes = key == "notes"
            show_plain(self.fields[key], value, NOTES_CHARS if notes else VALUE_CHARS, lines=notes)
            # Only what the platform gave: an empty row is noise at a busy door.
            self._show_row(row, bool(value))
        extras = [f"{k}: {v}" for k, v in guest.extras.items() if v and k not in HIDDEN_EXTRAS][
            :EXTRA_LINES
        ]
        if guest.starred:
            extras.insert(0, "★ " + self.tr("VIP"))
        self.extras.setText("\n".join(clean(line, VALUE_CHARS) for line in extras))
        self.sync.show_state(sync, platform)

    def _show_age(self, age: float | None) -> None:
        if age is None or age < OLD_VIEW_S:
            self.as_of.setVisible(False)
            return
        if age < 120:
            text = self.tr("as of %n s ago", "", int(age))
        else:
            text = self.tr("as of %n min ago", "", int(age // 60))
        self.as_of.setText(text)
        self.as_of.setVisible(True)

    def _show_row(self, row: int, visible: bool) -> None:
        # Showing or hiding a form row lays the form out again, and the pane is shown
        # at every keystroke: only when it changes.
        if self._rows_shown.get(row) is not visible:
            self._rows_shown[row] = visible
            self.form.setRowVisible(row, visible)
