"""How far the first roster load has come, in the desk window's status bar."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLabel, QWidget


class LoadProgress(QLabel):
    """ "Loading guests: 41,200 of 89,342" while a first load reads a long list page by
    page; hidden once the roster is in (``done``) or before anything is heard."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loadProgress")
        self.setAccessibleName(self.tr("Guests loaded so far"))
        self.hide()

    def show_progress(self, loaded: int, total: int) -> None:
        """``total`` -1: the platform did not say how many."""
        if total >= 0 and loaded >= total:
            self.done()
            return
        locale = QLocale()
        if total >= 0:
            text = self.tr("Loading guests: %1 of %2").replace("%2", locale.toString(total))
        else:
            text = self.tr("Loading guests: %1")
        self.setText(text.replace("%1", locale.toString(loaded)))
        self.show()

    def done(self) -> None:
        self.hide()
