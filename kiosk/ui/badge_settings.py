"""Badge settings with a live preview: printer, label size, template, print on check-in."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.badges import SIZES, BadgeContent, BadgeSettings, content_of, layout_badge
from kiosk.ui.badge_printer import BadgePrinter
from kiosk.ui.badge_render import render_image

PREVIEW_PX = 460  # the preview's longer side on screen


class BadgeSettingsDialog(QDialog):
    """Non-modal. The preview shows the guest on the pane (else a sample guest) on the
    chosen label, redrawn as anything here changes; *Save* keeps it in the profile.

    Signals:
        saved(BadgeSettings): the person saved these settings.
    """

    saved = Signal(object)

    def __init__(self, printer: BadgePrinter, guest_id: str | None, parent: QWidget) -> None:
        super().__init__(parent)
        self.printer = printer
        self.guest_id = guest_id
        self.setObjectName("badgeSettingsDialog")
        self.setWindowTitle(self.tr("Kiosk — badges"))
        settings = printer.settings
        form = QFormLayout()
        self.queue = QComboBox()
        self.queue.setObjectName("badgePrinter")
        self.queue.setEditable(True)
        self.queue.addItem("")
        self.queue.addItems(QPrinterInfo.availablePrinterNames())
        self.queue.setCurrentText(settings.printer)
        if (edit := self.queue.lineEdit()) is not None:
            edit.setPlaceholderText(self.tr("A printer, or a file ending in .pdf"))
        form.addRow(self.tr("Printer:"), self.queue)
        self.label_size = QComboBox()
        self.label_size.setObjectName("badgeSize")
        for key, size in SIZES.items():
            self.label_size.addItem(size.title, key)
        self.label_size.setCurrentIndex(max(0, self.label_size.findData(settings.size)))
        form.addRow(self.tr("Label:"), self.label_size)
        self.template = QLineEdit(settings.template)
        self.template.setObjectName("badgeTemplate")
        self.template.setPlaceholderText(self.tr("Built-in template"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.template, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Template:"), row)
        self.on_checkin = QCheckBox(self.tr("Print badge on check-in"))
        self.on_checkin.setObjectName("badgeSettingsOnCheckin")
        self.on_checkin.setChecked(settings.print_on_checkin)
        form.addRow("", self.on_checkin)
        self.problem = QLabel()
        self.problem.setObjectName("badgeTemplateProblem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.preview = QLabel()
        self.preview.setObjectName("badgePreview")
        self.preview.setAccessibleName(self.tr("Badge preview"))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(PREVIEW_PX + 16, PREVIEW_PX * 3 // 4)
        self.preview.setStyleSheet("QLabel#badgePreview { background: #d9dde3; }")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.preview, 1)
        layout.addWidget(buttons)
        self.queue.currentTextChanged.connect(lambda _t: self.redraw())
        self.label_size.currentIndexChanged.connect(lambda _i: self.redraw())
        self.template.editingFinished.connect(self.redraw)
        self.redraw()

    def chosen(self) -> BadgeSettings:
        return dataclasses.replace(
            self.printer.settings,
            printer=self.queue.currentText().strip(),
            size=str(self.label_size.currentData()),
            template=self.template.text().strip(),
            print_on_checkin=self.on_checkin.isChecked(),
        )

    def redraw(self) -> None:
        from kiosk.ui.badge_desk import template_of

        settings = self.chosen()
        template, problem = template_of(settings)
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        guest = self.printer.service.guest(self.guest_id) if self.guest_id else None
        event = self.printer.service.event
        title = event.title if event else self.tr("Your event")
        if guest is not None:
            content = content_of(guest, title, template)
        else:
            content = BadgeContent("Ada Lovelace", "Analytical Engines Ltd", title, "RQY3-9634")
        image = render_image(layout_badge(SIZES[settings.size], template, content), dpi=200)
        scaled = QPixmap.fromImage(image).scaled(
            PREVIEW_PX, PREVIEW_PX, Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )  # fmt: skip
        self.preview.setPixmap(scaled)

    def _browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Badge template"), "", self.tr("Badge templates (*.toml)")
        )
        if path:
            self.template.setText(path)
            self.redraw()

    def _save(self) -> None:
        self.saved.emit(self.chosen())
        self.accept()
