"""The staff screens behind the hidden gesture: the PIN pad and the staff menu."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk.pin import PIN_MAX
from kiosk.ui.selfservice.keyboard import PinPad
from kiosk.ui.selfservice.page_parts import Page, button, centred_row, field, label, restyle
from kiosk.ui.selfservice.pin_field import PinField


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
        self.field = field("pinField", PinField())
        self.field.setMaxLength(PIN_MAX)
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
        self.box.addLayout(centred_row(self.field))
        self.box.addWidget(self.message)
        self.box.addLayout(centred_row(self.pad))
        self.box.addLayout(centred_row(self.cancel))
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
        self.message.setAccessibleName(text)
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
        self.box.addLayout(centred_row(self.back, self.open_desk, self.leave))
        self.box.addSpacing(24)
        self.box.addLayout(centred_row(self.sound, self.contrast, self.large))
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
