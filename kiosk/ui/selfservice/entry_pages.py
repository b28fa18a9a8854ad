"""The screens where a guest says who they are: welcome (type or scan), then the second question."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.services.selfservice import AskFactor, Factor, Hint
from kiosk.ui.selfservice.keyboard import OnScreenKeyboard
from kiosk.ui.selfservice.page_parts import Page, button, centred_row, field, label, restyle


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
        self.hint.setAccessibleName(text)

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
        self.box.addLayout(centred_row(self.over))
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
        # The same words whether one guest or several matched: a stranger learns nothing.
        self.title.setText(self.tr("One more question"))
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
        self.hint.setAccessibleName(self.hint.text())
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
