"""Questions the desk asks before a scan acts, and telling a fast typist from a scanner."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from kiosk.domain import Guest, Status
from kiosk.ui.guest_pane import NAME_CHARS
from kiosk.ui.plain import clean
from kiosk.ui.viewmodel import CheckinViewModel

# The texts are MainWindow's, as the scan messages around them.
translate = QCoreApplication.translate

#: A "code" of letters alone (with a name's spaces, hyphens and apostrophes): ticket
#: codes carry digits, so such a burst was a person typing a name fast.
_NAME_LIKE = re.compile(r"[^\W\d_]+(?:[ '\u2019.-][^\W\d_]+)*[ .]?")


def typed_not_scanned(code: str) -> bool:
    """Whether an unknown burst reads as a name typed fast rather than a ticket."""
    return bool(_NAME_LIKE.fullmatch(code.strip()))


def ask_declined(parent: QWidget, guest: Guest, vm: CheckinViewModel) -> QMessageBox:
    """A scan found a guest who declined: ask before checking them in (non-modal)."""
    box = QMessageBox(parent)
    box.setObjectName("declinedBox")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("MainWindow", "Kiosk — declined guest"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(
        translate("MainWindow", "%1 declined the invitation.").replace(
            "%1", clean(guest.name or guest.ticket, NAME_CHARS)
        )
    )
    box.setInformativeText(translate("MainWindow", "Check them in anyway?"))
    yes = box.addButton(translate("MainWindow", "Check in"), QMessageBox.ButtonRole.AcceptRole)
    yes.setObjectName("declinedCheckIn")
    no = box.addButton(translate("MainWindow", "Don't check in"), QMessageBox.ButtonRole.RejectRole)
    no.setObjectName("declinedKeep")
    box.setDefaultButton(no)

    def answered() -> None:
        if box.clickedButton() is yes:
            vm.set_status(guest.id, Status.ATTENDED)

    box.finished.connect(lambda _result: answered())
    box.open()  # never exec(): the qasync loop must keep running
    return box
