"""How the desk's list and guest pane share the window's width."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QFrame, QScrollArea, QSplitter, QWidget

#: The list takes up to this much first (name, email, ticket and status whole at 1280 px);
#: the pane gets the rest, never less than it needs nor more than ``PANE_MAX``.
LIST_FIRST = 660
PANE_MAX = 600


class ListFirst(QObject):
    """On every resize of ``split``, the list gets ``LIST_FIRST`` pixels before the pane
    grows: at 1024 px the pane had kept its width (its five status buttons side by side)
    while the list's names, emails and pills were cut. A splitter handle moved by hand
    is kept until the window is resized."""

    def __init__(self, split: QSplitter, pane: QWidget) -> None:
        super().__init__(split)
        self.split = split
        self.pane = pane
        split.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.split and event.type() == QEvent.Type.Resize:
            total = self.split.width() - self.split.handleWidth()
            least = self.pane.minimumSizeHint().width()
            pane = max(least, min(PANE_MAX, total - LIST_FIRST))
            self.split.setSizes([total - pane, pane])
        return False


def scrolling(pane: QWidget) -> QScrollArea:
    """The guest pane in a scroll area: at 640 px high a party panel and the status buttons
    in two rows need more than the window has; squeezed, the rows drew over each other."""
    area = QScrollArea()
    area.setObjectName("guestPaneScroll")
    area.setWidget(pane)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area
