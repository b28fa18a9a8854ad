"""The kiosk's screens. Each is thin: it shows one step and says what the guest did
through signals; ``clear()`` wipes every trace of a guest from it."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QRegularExpression, QSize, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.pin import PIN_MAX
from kiosk.services.selfservice import AskFactor, Card, Factor, Hint, Reason, SeeDesk
from kiosk.ui.models import local_time
from kiosk.ui.selfservice.keyboard import OnScreenKeyboard, PinPad

#: Buttons a guest presses: at least 48 px tall, most of them far more.
BUTTON_HEIGHT = 72


def label(name: str, *, wrap: bool = True, center: bool = True) -> QLabel:
    widget = QLabel()
    widget.setObjectName(name)
    widget.setWordWrap(wrap)
    if center:
        widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
    widget.setTextFormat(Qt.TextFormat.PlainText)  # guest data is never markup
    return widget


def restyle(widget: QWidget) -> None:
    """Apply the stylesheet again after a dynamic property changed."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def button(name: str, kind: str = "secondary") -> QPushButton:
    widget = QPushButton()
    widget.setObjectName(name)
    widget.setProperty("kind", kind)
    widget.setMinimumHeight(BUTTON_HEIGHT)
    widget.setMinimumWidth(220)
    widget.setAutoDefault(True)  # Enter presses the focused button, as Space does
    widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    return widget


def field(name: str) -> QLineEdit:
    widget = QLineEdit()
    widget.setObjectName(name)
    widget.setMinimumHeight(BUTTON_HEIGHT + 8)
    widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
    widget.setClearButtonEnabled(False)  # a tiny target; the keyboard has delete
    return widget


class Page(QFrame):
    """A screen with a tone (neutral, success, attention) the stylesheet colours."""

    def __init__(self, name: str, tone: str = "neutral") -> None:
        super().__init__()
        self.setObjectName(name)
        self.setProperty("page", True)
        self.setProperty("tone", tone)
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(48, 16, 48, 16)
        self.box.setSpacing(14)

    def retranslate(self) -> None:
        """Set every fixed text in the current language."""

    def clear(self) -> None:
        """Forget everything a guest typed or was shown."""

    def first_focus(self) -> QWidget | None:
        return None


def _row(*widgets: QWidget, stretch: bool = True) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setSpacing(18)
    if stretch:
        row.addStretch(1)
    for widget in widgets:
        row.addWidget(widget)
    if stretch:
        row.addStretch(1)
    return row


class WelcomePage(Page):
    """'Scan your ticket or type your last name', a big field and a keyboard.

    Signals:
        submitted(str): the guest asked to be found (Enter, a scan's Enter, Find me).
    """

    submitted = Signal(str)

    def __init__(self) -> None:
        super().__init__("welcomePage")
        self.title = label("kioskTitle")
        self.body = label("kioskBody")
        self.field = field("nameField")
        # Left-aligned: Qt hides a centred field's placeholder while it has the focus.
        self.field.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.field.setMaxLength(60)
        self.field.returnPressed.connect(self._submit)
        self.find_button = button("findButton", "primary")
        self.find_button.clicked.connect(self._submit)
        self.hint = label("kioskHint")
        self.keyboard = OnScreenKeyboard(self.field)
        entry = QHBoxLayout()
        entry.setSpacing(18)
        entry.addWidget(self.field, 1)
        entry.addWidget(self.find_button)
        self.box.addWidget(self.title)
        self.box.addWidget(self.body)
        self.box.addSpacing(8)
        self.box.addLayout(entry)
        self.box.addWidget(self.hint)
        self.box.addWidget(self.keyboard, 1)
        self.loading = False
        self.set_hint(Hint.NONE)

    def _submit(self) -> None:
        self.submitted.emit(self.field.text())

    def set_hint(self, hint: Hint) -> None:
        self._hint = hint
        texts = {
            Hint.NONE: "",
            Hint.TOO_SHORT: self.tr("Please type at least 3 letters of your last name."),
            Hint.NOT_ME: self.tr("Sorry about that. Try again, or ask a member of staff."),
        }
        text = texts[hint]
        if self.loading and not text:
            text = self.tr("One moment: the guest list is still loading.")
        self.hint.setText(text)
        self.hint.setProperty("tone", "attention" if text else "neutral")
        restyle(self.hint)
        self.hint.setAccessibleName(text or self.tr("No message"))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Welcome!"))
        self.body.setText(self.tr("Scan your ticket or type your last name"))
        self.title.setAccessibleName(self.title.text())
        self.body.setAccessibleName(self.body.text())
        self.field.setPlaceholderText(self.tr("Last name"))
        self.field.setAccessibleName(self.tr("Your last name or ticket code"))
        self.field.setAccessibleDescription(
            self.tr("Type at least 3 letters of your last name, then press Enter.")
        )
        self.find_button.setText(self.tr("Find me"))
        self.find_button.setAccessibleName(self.tr("Find me"))
        self.keyboard.retranslate()
        self.set_hint(self._hint)

    def clear(self) -> None:
        self.field.clear()
        self.set_hint(Hint.NONE)

    def first_focus(self) -> QWidget:
        return self.field


class FactorPage(Page):
    """A second question when several guests share a last name.

    Signals:
        answered(str): the first letter, or the start of the email address.
        restart(): the guest chose to start over.
    """

    answered = Signal(str)
    restart = Signal()

    def __init__(self) -> None:
        super().__init__("factorPage")
        self.title = label("kioskTitle")
        self.body = label("kioskBody")
        self.hint = label("kioskHint")
        self.field = field("factorField")
        self.field.returnPressed.connect(self._submit)
        self.field.textEdited.connect(self._edited)
        self.next = button("factorNext", "primary")
        self.next.clicked.connect(self._submit)
        self.keyboard = OnScreenKeyboard(self.field, digits=True, extra="._-@")
        self.keyboard.typed.connect(self._edited)
        self.over = button("factorRestart")
        self.over.clicked.connect(self.restart)
        entry = QHBoxLayout()
        entry.setSpacing(18)
        entry.addStretch(1)
        entry.addWidget(self.field, 2)
        entry.addWidget(self.next)
        entry.addStretch(1)
        self.box.addWidget(self.title)
        self.box.addWidget(self.body)
        self.box.addLayout(entry)
        self.box.addWidget(self.hint)
        self.box.addWidget(self.keyboard, 1)
        self.box.addLayout(_row(self.over))
        self.factor = Factor.INITIAL
        self.retry = False

    def show_step(self, step: AskFactor) -> None:
        self.factor = step.factor
        self.retry = step.retry
        self.field.clear()
        initial = step.factor is Factor.INITIAL
        self.field.setMaxLength(1 if initial else 40)
        # One letter answers at once: no Continue needed, and no digits to offer.
        self.next.setVisible(not initial)
        for key in (*self.keyboard.digit_keys, *self.keyboard.extra_keys):
            key.setVisible(not initial)
        self.keyboard.space.setVisible(not initial)
        self.retranslate()

    def _edited(self, _text: str = "") -> None:
        if self.factor is Factor.INITIAL and len(self.field.text()) == 1:
            self._submit()

    def _submit(self) -> None:
        if self.field.text().strip():
            self.answered.emit(self.field.text())

    def retranslate(self) -> None:
        self.title.setText(self.tr("More than one guest has that name"))
        if self.factor is Factor.INITIAL:
            self.body.setText(self.tr("Tap the first letter of your first name."))
            self.field.setAccessibleName(self.tr("First letter of your first name"))
            retry = self.tr("Please tap one letter.")
        else:
            self.body.setText(self.tr("Type the first three letters of your email address."))
            self.field.setAccessibleName(self.tr("Start of your email address"))
            retry = self.tr("Please type at least 3 characters.")
        self.hint.setText(retry if self.retry else "")
        self.hint.setProperty("tone", "attention" if self.retry else "neutral")
        restyle(self.hint)
        self.hint.setAccessibleName(self.hint.text() or self.tr("No message"))
        self.title.setAccessibleName(self.title.text())
        self.body.setAccessibleName(self.body.text())
        self.next.setText(self.tr("Continue"))
        self.next.setAccessibleName(self.tr("Continue"))
        self.over.setText(self.tr("Start over"))
        self.over.setAccessibleName(self.tr("Start over"))
        self.keyboard.retranslate()

    def clear(self) -> None:
        self.field.clear()
        self.retry = False
        self.hint.clear()

    def first_focus(self) -> QWidget:
        return self.field


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
        self.no = button("confirmNo")
        self.no.clicked.connect(self.rejected)
        self.box.addStretch(1)
        self.box.addWidget(self.title)
        self.box.addLayout(_row(self.card))
        self.box.addSpacing(12)
        self.box.addLayout(_row(self.yes, self.no))
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
        self.box.addLayout(_row_of_layout(self.list))
        self.box.addLayout(_row(self.none))
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


def _row_of_layout(inner: QVBoxLayout) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    row.addLayout(inner)
    row.addStretch(1)
    return row


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
        self.box.addLayout(_row(self.done))
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
        self.box.addLayout(_row(self.retry, self.done))
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


class PinPage(Page):
    """The staff PIN pad behind the hidden gesture or key.

    Signals:
        submitted(str): the PIN entered.
        cancelled(): back to the guests.
    """

    submitted = Signal(str)
    cancelled = Signal()

    def __init__(self) -> None:
        super().__init__("pinPage")
        self.title = label("kioskTitle")
        self.body = label("kioskBody")
        self.field = field("pinField")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setMaxLength(PIN_MAX)
        self.field.setValidator(
            QRegularExpressionValidator(QRegularExpression(f"[0-9]{{0,{PIN_MAX}}}"), self.field)
        )
        self.field.setMaximumWidth(420)
        self.field.returnPressed.connect(self._submit)
        self.message = label("kioskHint")
        self.pad = PinPad(self.field)
        self.pad.submitted.connect(self._submit)
        self.pad.setMaximumWidth(420)
        self.cancel = button("pinCancel")
        self.cancel.clicked.connect(self.cancelled)
        self.box.setSpacing(12)
        self.box.addStretch(1)
        self.box.addWidget(self.title)
        self.box.addWidget(self.body)
        self.box.addLayout(_row(self.field))
        self.box.addWidget(self.message)
        self.box.addLayout(_row(self.pad))
        self.box.addLayout(_row(self.cancel))
        self.box.addStretch(1)
        self._message = ""

    def _submit(self) -> None:
        if self.field.text():
            self.submitted.emit(self.field.text())

    def set_message(self, text: str, *, locked: bool = False) -> None:
        self._message = text
        self.message.setText(text)
        self.message.setProperty("tone", "attention" if text else "neutral")
        restyle(self.message)
        self.message.setAccessibleName(text or self.tr("No message"))
        for key in (*self.pad.digit_keys.values(), self.pad.ok, self.pad.delete):
            key.setEnabled(not locked)
        self.field.setReadOnly(locked)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Staff only"))
        self.body.setText(self.tr("Enter the staff PIN."))
        self.title.setAccessibleName(self.title.text())
        self.body.setAccessibleName(self.body.text())
        self.field.setAccessibleName(self.tr("Staff PIN"))
        self.cancel.setText(self.tr("Cancel"))
        self.cancel.setAccessibleName(self.tr("Cancel, back to the guests"))
        self.pad.retranslate()

    def clear(self) -> None:
        self.field.clear()
        self.set_message("")

    def first_focus(self) -> QWidget:
        return self.field


class StaffPage(Page):
    """What staff can do after the PIN: leave kiosk mode, and the kiosk's settings.

    Signals:
        resume(): back to self-service.
        desk(): open desk mode.
        quit(): close Kiosk.
    """

    resume = Signal()
    desk = Signal()
    quit = Signal()

    def __init__(self) -> None:
        super().__init__("staffPage")
        self.title = label("kioskTitle")
        self.body = label("kioskBody")
        self.back = button("staffResume", "primary")
        self.back.clicked.connect(self.resume)
        self.open_desk = button("staffDesk")
        self.open_desk.clicked.connect(self.desk)
        self.leave = button("staffQuit", "danger")
        self.leave.clicked.connect(self.quit)
        self.sound = button("staffSound", "toggle")
        self.contrast = button("staffContrast", "toggle")
        self.large = button("staffLargeText", "toggle")
        for toggle in (self.sound, self.contrast, self.large):
            toggle.setCheckable(True)
        self.box.addStretch(1)
        self.box.addWidget(self.title)
        self.box.addWidget(self.body)
        self.box.addLayout(_row(self.back, self.open_desk, self.leave))
        self.box.addSpacing(24)
        self.box.addLayout(_row(self.sound, self.contrast, self.large))
        self.box.addStretch(2)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Staff menu"))
        self.body.setText(self.tr("Guests can't see this menu without the PIN."))
        self.title.setAccessibleName(self.title.text())
        self.body.setAccessibleName(self.body.text())
        for widget, text in (
            (self.back, self.tr("Back to self-service")),
            (self.open_desk, self.tr("Open desk mode")),
            (self.leave, self.tr("Quit Kiosk")),
            (self.sound, self.tr("Sounds")),
            (self.contrast, self.tr("High contrast")),
            (self.large, self.tr("Large text")),
        ):
            widget.setText(text)
            widget.setAccessibleName(text)

    def first_focus(self) -> QWidget:
        return self.back
