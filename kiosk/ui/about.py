"""Help → About: version, application id, versions of what Kiosk runs on, and where the
log file is (what support asks for first)."""

from __future__ import annotations

import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk import __version__
from kiosk.config import APP_ID

ICON = ":/kiosk/icons/kiosk.svg"


class AboutDialog(QDialog):
    """What this Kiosk is and where it logs. Open it with ``open()`` (never ``exec()``
    inside a coroutine); it deletes itself when closed."""

    def __init__(self, log_file: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from kiosk.ui import resources_rc  # noqa: F401 - registers :/kiosk/...

        self.log_file = log_file
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Kiosk"))
        self.setAccessibleName(self.tr("About Kiosk"))

        icon = QLabel()
        icon.setObjectName("aboutIcon")
        icon.setPixmap(QIcon(ICON).pixmap(64, 64))
        icon.setAccessibleName(self.tr("Kiosk icon"))
        title = QLabel(self.tr("Kiosk %1").replace("%1", __version__))
        title.setObjectName("aboutTitle")
        title.setAccessibleName(self.tr("Kiosk version"))
        tagline = QLabel(self.tr("Event check-in for registration desks and self-service kiosks."))
        tagline.setWordWrap(True)
        heading = QVBoxLayout()
        heading.addWidget(title)
        heading.addWidget(tagline)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(heading, 1)

        self.log_label = QLabel(
            str(log_file)
            if log_file is not None
            else self.tr("Not written to a file (the log directory could not be used).")
        )
        self.log_label.setObjectName("aboutLogFile")
        self.log_label.setAccessibleName(self.tr("Log file"))
        self.log_label.setWordWrap(True)
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(self.tr("Log file:"), self.log_label)
        for label, value, name in (
            (self.tr("Application id:"), APP_ID, "aboutAppId"),
            (
                self.tr("Runs on:"),
                f"Qt {qVersion()} · PySide6 {PySide6.__version__} · "
                f"Python {platform.python_version()} · {platform.system()}",
                "aboutRuntime",
            ),
        ):
            field = QLabel(value)
            field.setObjectName(name)
            field.setAccessibleName(label.rstrip(":"))
            field.setWordWrap(True)
            form.addRow(label, field)

        self.copy_button = QPushButton(self.tr("Copy log path"))
        self.copy_button.setObjectName("aboutCopyLogPath")
        self.copy_button.setAccessibleName(self.tr("Copy the log file's path"))
        self.copy_button.clicked.connect(self.copy_log_path)
        self.open_button = QPushButton(self.tr("Open log folder"))
        self.open_button.setObjectName("aboutOpenLogFolder")
        self.open_button.setAccessibleName(self.tr("Open the folder with the log files"))
        self.open_button.clicked.connect(self.open_log_folder)
        close = QPushButton(self.tr("Close"))
        close.setObjectName("aboutClose")
        close.setAccessibleName(self.tr("Close About"))
        close.setDefault(True)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for button in (self.copy_button, self.open_button):
            button.setEnabled(log_file is not None)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        for button in (self.copy_button, self.open_button, close):
            button.setMinimumHeight(48)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        self.setMinimumWidth(560)

    def copy_log_path(self) -> None:
        if self.log_file is not None:
            QGuiApplication.clipboard().setText(str(self.log_file))

    def open_log_folder(self) -> None:
        if self.log_file is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_file.parent)))


def show_about(log_file: Path | None, parent: QWidget | None = None) -> AboutDialog:
    """Open the About dialog without blocking; it deletes itself when closed."""
    dialog = AboutDialog(log_file, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
