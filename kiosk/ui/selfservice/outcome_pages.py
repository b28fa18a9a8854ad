"""The outcome screens: checked in, or sent to the staff desk and why."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from kiosk.services.selfservice import Card, Reason, SeeDesk
from kiosk.ui.models import local_time
from kiosk.ui.selfservice.page_parts import Page, button, centred_row, label


class DonePage(Page):
    """Checked in: big tick, the guest's first name, party size, what to do next.

    Signals:
        finished(): 'Done' (the screen also returns by itself).
    """

    finished = Signal()

    def __init__(self) -> None:
        super().__init__("donePage", "success")
        self.icon = label("kioskIcon")
        self.title = label("kioskTitle")
        self.party = label("kioskBody")
        self.party.setProperty("role", "party")
        self.next_step = label("kioskBody")
        self.next_step.setProperty("role", "next")
        self.note = label("kioskNote")
        self.done = button("doneButton", "primary")
        self.done.clicked.connect(self.finished)
        self.box.addStretch(1)
        self.box.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignHCenter)
        for widget in (self.title, self.party, self.next_step):
            self.box.addWidget(widget)
        self.box.addSpacing(12)
        self.box.addLayout(centred_row(self.done))
        self.box.addWidget(self.note)
        self.box.addStretch(2)
        self.card: Card | None = None
        self.organiser_note = ""

    def show_card(self, card: Card) -> None:
        self.card = card
        self.retranslate()

    def retranslate(self) -> None:
        card = self.card
        self.icon.setText("✓")
        self.icon.setAccessibleName(self.tr("Success"))
        if card is None:
            self.title.setText("")
            self.party.setText("")
        else:
            self.title.setText(self.tr("You're checked in, %1!").replace("%1", card.first_name))
            guests = card.party_size - 1
            # Said only for a party: the title already welcomes one guest.
            self.party.setText(
                self.tr("Welcome to you and your %n guest(s).", "", guests) if guests else ""
            )
        self.party.setVisible(bool(self.party.text()))
        self.next_step.setText(self.organiser_note or self.tr("Please go ahead. Enjoy the event!"))
        self.note.setText(self.tr("This screen returns to the start by itself."))
        self.done.setText(self.tr("Done"))
        self.done.setAccessibleName(self.tr("Done, back to the start"))
        for widget in (self.title, self.party, self.next_step, self.note):
            widget.setAccessibleName(widget.text())

    def clear(self) -> None:
        self.card = None
        self.retranslate()

    def first_focus(self) -> QWidget:
        return self.done


class DeskPage(Page):
    """Sent to the staff desk: why, in plain words, and a short reference.

    Signals:
        finished(): 'Done'.
        again(): 'Try again' (for a name not found or a ticket not known).
    """

    finished = Signal()
    again = Signal()

    def __init__(self) -> None:
        super().__init__("deskPage", "attention")
        self.icon = label("kioskIcon")
        self.title = label("kioskTitle")
        self.body = label("kioskBody")
        self.reference_caption = label("kioskNote")
        self.reference = label("kioskReference")
        self.reference.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.retry = button("deskRetry", "primary")
        self.retry.clicked.connect(self.again)
        self.done = button("deskDone")
        self.done.clicked.connect(self.finished)
        self.box.addStretch(1)
        self.box.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignHCenter)
        for widget in (self.title, self.body, self.reference_caption):
            self.box.addWidget(widget)
        self.box.addWidget(self.reference, 0, Qt.AlignmentFlag.AlignHCenter)
        self.box.addSpacing(12)
        self.box.addLayout(centred_row(self.retry, self.done))
        self.box.addStretch(2)
        self.step: SeeDesk | None = None

    def show_step(self, step: SeeDesk) -> None:
        self.step = step
        self.retranslate()

    def retranslate(self) -> None:
        step = self.step
        self.icon.setText("!")
        self.icon.setAccessibleName(self.tr("Please see the staff desk"))
        self.retry.setText(self.tr("Try again"))
        self.retry.setAccessibleName(self.tr("Try again"))
        self.done.setText(self.tr("Done"))
        self.done.setAccessibleName(self.tr("Done, back to the start"))
        if step is None:
            for widget in (self.title, self.body, self.reference_caption, self.reference):
                widget.setText("")
                widget.setAccessibleName("")
            self.retry.setVisible(False)
            return
        title, body = self._words(step)
        self.title.setText(title)
        self.body.setText(body)
        self.reference_caption.setText(self.tr("Your reference for the staff desk:"))
        self.reference.setText(step.reference)
        self.retry.setVisible(step.reason in (Reason.NOT_FOUND, Reason.UNKNOWN_TICKET))
        for widget in (self.title, self.body, self.reference_caption):
            widget.setAccessibleName(widget.text())
        # Letter by letter, so a screen reader does not read it as a word.
        self.reference.setAccessibleName(
            self.tr("Reference %1").replace("%1", " ".join(step.reference))
        )

    def _words(self, step: SeeDesk) -> tuple[str, str]:
        desk = self.tr("Please see the staff desk")
        if step.reason is Reason.ALREADY_IN:
            when = _when(step.at)
            body = (
                self.tr(
                    "You were checked in at %1. If that wasn't you, the staff desk will help."
                ).replace("%1", when)
                if when
                else self.tr("If that wasn't you, the staff desk will help.")
            )
            return self.tr("You're already checked in"), body
        words = {
            Reason.DECLINED: self.tr(
                "Our list says you declined this invitation. The staff desk will sort it out."
            ),
            Reason.NOT_ALLOWED: self.tr(
                "Your registration needs a quick check by a member of staff."
            ),
            Reason.UNKNOWN_TICKET: self.tr(
                "We don't recognise this ticket. Try typing your last name, or see the staff desk."
            ),
            Reason.NOT_FOUND: self.tr(
                "We couldn't find that name. Check the spelling and try again,"
                " or see the staff desk."
            ),
            Reason.UNRESOLVED: self.tr(
                "We couldn't tell who you are from that. The staff desk will find you quickly."
            ),
            Reason.CHANGED: self.tr(
                "Your registration was just changed at another desk. The staff desk will help."
            ),
            Reason.CANNOT_SAVE: self.tr(
                "This kiosk can't check you in right now. The staff desk will do it."
            ),
            Reason.SEE_STAFF: self.tr("A member of staff will check you in at the desk."),
            Reason.PAUSED: self.tr(
                "This kiosk takes a short break from names. Scan your ticket,"
                " or the staff desk will check you in."
            ),
        }
        titles = {
            Reason.UNKNOWN_TICKET: self.tr("Ticket not recognised"),
            Reason.NOT_FOUND: self.tr("Name not found"),
        }
        return titles.get(step.reason, desk), words[step.reason]

    def clear(self) -> None:
        self.step = None
        self.retranslate()

    def first_focus(self) -> QWidget:
        return self.retry if self.retry.isVisibleTo(self) else self.done


def _when(moment: datetime | None) -> str:
    return local_time(moment) if moment is not None else ""
