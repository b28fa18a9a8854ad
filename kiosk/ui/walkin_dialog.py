"""The walk-in form (Ctrl+N): a guest added at the door, then checked in."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

#: The largest party one walk-in brings (the sandbox's Attendu takes up to 20).
MAX_PARTY = 20


class WalkInDialog(QDialog):
    """First and last name (needed), email (may stay empty) and how many people came.
    Never ``exec()``: opened with ``open()`` so the event loop keeps turning.

    Signals:
        submitted(str, str, str, int): first name, last name, email, party size.
    """

    submitted = Signal(str, str, str, int)

    def __init__(self, platform: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("walkInDialog")
        self.setWindowTitle(self.tr("Add a walk-in"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("The guest is added to %1 and checked in. Saved on this kiosk first.").replace(
                "%1", platform
            )
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(intro)
        form = QFormLayout()
        self.first = self._field("walkInFirst", self.tr("First name"))
        self.last = self._field("walkInLast", self.tr("Last name"))
        self.email = self._field("walkInEmail", self.tr("Email (optional)"))
        self.party = QSpinBox()
        self.party.setObjectName("walkInParty")
        self.party.setRange(1, MAX_PARTY)
        self.party.setMinimumHeight(44)
        self.party.setAccessibleName(self.tr("People, the guest included"))
        form.addRow(self.tr("First name") + ":", self.first)
        form.addRow(self.tr("Last name") + ":", self.last)
        form.addRow(self.tr("Email") + ":", self.email)
        form.addRow(self.tr("People") + ":", self.party)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setObjectName("walkInProblem")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox()
        self.add = buttons.addButton(
            self.tr("Add and check in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.add.setObjectName("walkInAdd")
        self.add.setMinimumHeight(48)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setMinimumHeight(48)
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for field in (self.first, self.last, self.email):
            field.textChanged.connect(lambda _text: self.problem.hide())
        self.first.setFocus()

    def _field(self, name: str, accessible: str) -> QLineEdit:
        field = QLineEdit()
        field.setObjectName(name)
        field.setAccessibleName(accessible)
        field.setMinimumHeight(44)
        field.setMaxLength(200)
        return field

    def _submit(self) -> None:
        first, last = self.first.text().strip(), self.last.text().strip()
        email = self.email.text().strip()
        if not first or not last:
            self._say(self.tr("A walk-in needs a first and a last name."))
            (self.first if not first else self.last).setFocus()
            return
        if email and ("@" not in email or " " in email):
            self._say(
                self.tr("That is not an email address: leave it empty if the guest has none.")
            )
            self.email.setFocus()
            return
        self.submitted.emit(first, last, email, self.party.value())
        self.accept()

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
