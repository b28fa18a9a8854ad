"""Desk mode opened from the kiosk: back to self-service by a button, a key, or by itself."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QPushButton, QToolBar, QWidget

from kiosk.ui.selfservice.guard import ms

#: What counts as staff using the desk (restarts its countdown).
_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.TouchBegin,
    QEvent.Type.Wheel,
}


class DeskLock(QObject):
    """Watches the desk window while it stands in for the kiosk: untouched for ``idle``
    seconds it calls ``lock`` (back to self-service), so the guest list never stays
    on a public screen; a button on screen does the same at once.

    The countdown runs only while the desk is shown, and any input to the desk or its
    dialogs starts it again."""

    def __init__(self, desk: QWidget, idle: float, lock: Callable[[], None]) -> None:
        super().__init__(desk)
        self.desk = desk
        self._lock = lock
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(ms(idle))
        self.timer.timeout.connect(self.lock)
        self.button = QPushButton(self.tr("Back to self-service"))
        self.button.setObjectName("backToKiosk")
        self.button.setMinimumHeight(48)
        self.button.setAccessibleName(self.tr("Back to self-service"))
        self.button.setToolTip(self.tr("Lock the desk and show the guests' screen (Ctrl+Shift+K)"))
        self.button.clicked.connect(self.lock)
        if isinstance(desk, QMainWindow):
            bar = QToolBar(self.tr("Self-service"))
            bar.setObjectName("kioskBar")
            bar.setMovable(False)
            bar.addWidget(self.button)
            desk.addToolBar(bar)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def start(self) -> None:
        """The desk is shown: count down from now."""
        self.timer.start()

    def lock(self) -> None:
        self.timer.stop()
        for dialog in self.desk.findChildren(QDialog):  # a question left open goes too
            if dialog.isVisible():
                dialog.reject()
        self._lock()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() in _ACTIVITY
            and self.timer.isActive()
            and isinstance(watched, QWidget)
            and (watched.window() is self.desk or watched.window().parentWidget() is self.desk)
        ):
            self.timer.start()
        return False
