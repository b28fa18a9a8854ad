"""The banner over the desk while changes cannot be saved, and the status picks off."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QLabel, QWidget

from kiosk.services.storage import StorageFault, StorageProblem, StorageWatch


class StorageBanner(QFrame):
    """Says once, in words a person can act on, that the outbox cannot be written (a
    full disk, a read-only folder), and keeps ``picks`` (the status buttons) off until
    it can again; hidden again by itself when the disk takes writes."""

    def __init__(self, storage: StorageWatch, picks: QWidget) -> None:
        super().__init__()
        self.setObjectName("storageBanner")
        self.setAccessibleName(self.tr("Changes cannot be saved"))
        # Its own colours: the connection banner's red, beside it in the same window.
        self.setStyleSheet(
            "QFrame#storageBanner { border-radius: 6px; background: #fde8e6;"
            " border: 1px solid #b42318; }"
            " QLabel#storageBannerText { font-weight: bold; color: #7a1a10; }"
        )
        self.text = QLabel()
        self.text.setObjectName("storageBannerText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # a folder name is no markup
        QHBoxLayout(self).addWidget(self.text)
        self._picks = picks
        self.hide()
        storage.watch(self.show_fault)
        if storage.fault is not None:
            self.show_fault(storage.fault)

    def show_fault(self, fault: StorageFault | None) -> None:
        self._picks.setEnabled(fault is None)
        if fault is None:
            self.hide()
            return
        words = {
            StorageProblem.FULL: self.tr(
                "Kiosk cannot write to %1: the disk is full. Changes made now cannot be saved."
            ),
            StorageProblem.READ_ONLY: self.tr(
                "Kiosk cannot write to %1: it is read-only. Changes made now cannot be saved."
            ),
            StorageProblem.OTHER: self.tr(
                "Kiosk cannot write to %1 (%2). Changes made now cannot be saved."
            ),
        }[fault.problem]
        self.text.setText(words.replace("%1", fault.folder).replace("%2", fault.detail))
        self.show()


def attach_storage_banner(layout: QBoxLayout, storage: StorageWatch, picks: QWidget) -> None:
    """Put the banner at the top of ``layout`` (the desk window's own)."""
    layout.insertWidget(0, StorageBanner(storage, picks))
