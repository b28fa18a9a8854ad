"""The screens where a guest picks themselves: 'Is this you?' and 'Which one is you?'."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.services.selfservice import Card
from kiosk.ui.selfservice.page_parts import Page, button, centred_row, centred_row_of, label

#: A key this soon after the one before came with it: a scanner's burst, not a decision.
DELIBERATE_GAP_S = 0.1
_PRESSING = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space, Qt.Key.Key_Select)


class DeliberateKeys(QObject):
    """Lets a key press a button only when it is a decision: not held down, and not
    following another key within ``DELIBERATE_GAP_S`` (the Enter a scanner sends after
    a code it typed onto the focused button). Taps are untouched."""

    def __init__(self, button: QPushButton) -> None:
        super().__init__(button)
        self._last = -1.0
        self.clock = time.monotonic  # seconds; tests move it
        button.installEventFilter(self)

    def forget(self) -> None:
        self._last = -1.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            return False
        if not isinstance(event, QKeyEvent) or event.key() not in _PRESSING:
            if event.type() == QEvent.Type.KeyPress:
                self._last = self.clock()
            return False
        if event.type() == QEvent.Type.KeyRelease:
            return event.isAutoRepeat()
        now = self.clock()
        hasty = event.isAutoRepeat() or (self._last >= 0 and now - self._last < DELIBERATE_GAP_S)
        self._last = now
        return hasty


class CardView(QFrame):
    """One guest as the kiosk may show them: name, masked email, party."""

    def __init__(self, name: str = "guestCard") -> None:
        super().__init__()
        self.setObjectName(name)
        box = QVBoxLayout(self)
        box.setContentsMargins(32, 24, 32, 24)
        box.setSpacing(8)
        self.name = label("cardName")
        self.email = label("cardEmail")
        self.details = label("cardDetails")
        for widget in (self.name, self.email, self.details):
            box.addWidget(widget)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.card: Card | None = None

    def show_card(self, card: Card | None) -> None:
        self.card = card
        self.name.setText(card.name if card else "")
        self.email.setText(card.email if card else "")
        self.email.setVisible(bool(card and card.email))
        details = []
        if card is not None and card.party_size > 1:
            details.append(self.tr("Party of %n", "", card.party_size))
        if card is not None and card.ticket_type:
            details.append(card.ticket_type)
        self.details.setText(" · ".join(details))
        self.details.setVisible(bool(details))
        self.setAccessibleName(
            ", ".join(t for t in (self.name.text(), self.email.text(), self.details.text()) if t)
            or self.tr("Guest")
        )
        for widget in (self.name, self.email, self.details):
            widget.setAccessibleName(widget.text())


class ConfirmPage(Page):
    """'Is this you?' with the guest's card, yes and no.

    Signals:
        confirmed(): 'Yes, check me in'.
        rejected(): 'No, that's not me'.
    """

    confirmed = Signal()
    rejected = Signal()

    def __init__(self) -> None:
        super().__init__("confirmPage")
        self.title = label("kioskTitle")
        self.card = CardView()
        self.yes = button("confirmYes", "success")
        self.yes.clicked.connect(self.confirmed)
        self.deliberate = DeliberateKeys(self.yes)
        self.no = button("confirmNo")
        self.no.clicked.connect(self.rejected)
        self.box.addStretch(1)
        self.box.addWidget(self.title)
        self.box.addLayout(centred_row(self.card))
        self.box.addSpacing(12)
        self.box.addLayout(centred_row(self.yes, self.no))
        self.box.addStretch(2)
        for widget in (self.yes, self.no):
            widget.setMinimumHeight(96)
            widget.setMinimumWidth(360)

    def show_card(self, card: Card) -> None:
        self.card.show_card(card)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Is this you?"))
        self.title.setAccessibleName(self.title.text())
        self.yes.setText(self.tr("✓  Yes, check me in"))
        self.yes.setAccessibleName(self.tr("Yes, check me in"))
        self.no.setText(self.tr("No, that's not me"))
        self.no.setAccessibleName(self.tr("No, that's not me"))
        self.card.show_card(self.card.card)

    def clear(self) -> None:
        self.card.show_card(None)
        self.deliberate.forget()

    def first_focus(self) -> QWidget:
        return self.yes


class ChoosePage(Page):
    """A short choice after every question was asked: a few cards as buttons.

    Signals:
        chosen(str): the guest id of the card pressed.
        rejected(): 'None of these'.
    """

    chosen = Signal(str)
    rejected = Signal()

    def __init__(self) -> None:
        super().__init__("choosePage")
        self.title = label("kioskTitle")
        self.body = label("kioskBody")
        self.list = QVBoxLayout()
        self.list.setSpacing(14)
        self.none = button("chooseNone")
        self.none.clicked.connect(self.rejected)
        self.box.addStretch(1)
        self.box.addWidget(self.title)
        self.box.addWidget(self.body)
        self.box.addLayout(centred_row_of(self.list))
        self.box.addLayout(centred_row(self.none))
        self.box.addStretch(2)
        self.choices: list[QPushButton] = []

    def show_cards(self, cards: tuple[Card, ...]) -> None:
        self.clear()
        for position, card in enumerate(cards):
            text = f"{card.name}\n{card.email}" if card.email else card.name
            choice = button(f"choice-{position}", "choice")
            choice.setText(text)
            choice.setMinimumSize(QSize(520, 112))
            choice.setAccessibleName(", ".join(t for t in (card.name, card.email) if t))
            choice.clicked.connect(lambda _c=False, gid=card.guest_id: self.chosen.emit(gid))
            self.list.addWidget(choice)
            self.choices.append(choice)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Which one is you?"))
        self.body.setText(self.tr("Tap your name."))
        self.title.setAccessibleName(self.title.text())
        self.body.setAccessibleName(self.body.text())
        self.none.setText(self.tr("None of these"))
        self.none.setAccessibleName(self.tr("None of these is me"))

    def clear(self) -> None:
        for choice in self.choices:
            self.list.removeWidget(choice)
            choice.hide()
            choice.setParent(None)
            choice.deleteLater()
        self.choices = []

    def first_focus(self) -> QWidget | None:
        return self.choices[0] if self.choices else self.none
