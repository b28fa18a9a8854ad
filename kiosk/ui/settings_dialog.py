"""The Settings dialog (Ctrl+,): event, platform and key (through the set-up dialog),
the desk's refresh and scanning, and the self-service kiosk's settings, kept in the
profile."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kiosk import config
from kiosk.config import KioskSettings, Profile
from kiosk.desk_settings import MAX_REFRESH_S, MIN_REFRESH_S, DeskSettings
from kiosk.ui.setup_widgets import TOUCH_PX, TouchButton

# The kiosk's start languages, each in its own words.
LANGUAGE_NAMES = {"en": "English", "cs": "Čeština", "de": "Deutsch"}


class SettingsDialog(QDialog):
    """What a desk can change without a text editor. A pure view: it says what the
    person chose and the app applies it (writes the profile, restarts the desk).

    Signals:
        saved(object): the Profile as it should be saved (its ``desk`` and ``kiosk``
            tables changed here); the app writes it and restarts what needs it.
        connection_requested(): "Change event, platform or key…": the app opens the
            set-up dialog on this profile.
    """

    saved = Signal(object)
    connection_requested = Signal()

    def __init__(
        self, profile: Profile | None, parent: QWidget | None = None, *, event_title: str = ""
    ) -> None:
        super().__init__(parent)
        self.profile = profile
        self.event_title = event_title
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setAccessibleName(self.tr("Kiosk settings"))
        self.setMinimumWidth(760)  # two columns: fits a 640 px high screen
        outer = QVBoxLayout(self)
        # Never shorter than its rows: touch-high fields were squeezed over each other.
        outer.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        outer.setContentsMargins(20, 16, 20, 16)
        outer.setSpacing(12)

        connection = QGroupBox(self.tr("Event and platform"))
        connection_row = QHBoxLayout(connection)
        self.connection_text = QLabel()
        self.connection_text.setObjectName("settingsConnection")
        self.connection_text.setTextFormat(Qt.TextFormat.PlainText)
        self.connection_text.setWordWrap(True)
        connection_row.addWidget(self.connection_text, 1)
        self.change_connection = TouchButton(self.tr("Change event, platform or &key…"))
        self.change_connection.setObjectName("settingsChangeConnection")
        self.change_connection.setAccessibleName(self.tr("Change event, platform or key"))
        self.change_connection.clicked.connect(self.connection_requested)
        connection_row.addWidget(self.change_connection, 0, Qt.AlignmentFlag.AlignBottom)
        outer.addWidget(connection)
        columns = QHBoxLayout()
        outer.addLayout(columns)

        desk_settings = profile.desk if profile else DeskSettings()
        desk = QGroupBox(self.tr("This desk"))
        form = QFormLayout(desk)
        self.refresh = QDoubleSpinBox()
        self.refresh.setObjectName("settingsRefresh")
        self.refresh.setRange(MIN_REFRESH_S, MAX_REFRESH_S)
        self.refresh.setDecimals(1)
        self.refresh.setSuffix(self.tr(" s"))
        self.refresh.setValue(desk_settings.refresh_interval)
        self._row(form, self.tr("Fetch the guest list every"), self.refresh)
        self.on_scan = QCheckBox(self.tr("Check in on scan"))
        self.on_scan.setObjectName("settingsCheckInOnScan")
        self.on_scan.setChecked(desk_settings.check_in_on_scan)
        form.addRow(self.on_scan)
        columns.addWidget(desk, 2, Qt.AlignmentFlag.AlignTop)

        kiosk = profile.kiosk if profile else KioskSettings()
        selfservice = QGroupBox(self.tr("Self-service kiosk"))
        form = QFormLayout(selfservice)
        self.kiosk_mode = QCheckBox(self.tr("Start in self-service mode"))
        self.kiosk_mode.setObjectName("settingsKioskMode")
        self.kiosk_mode.setChecked(kiosk.enabled)
        form.addRow(self.kiosk_mode)
        if not kiosk.pin_hash:  # it would not start: say how to get there
            self.kiosk_mode.setEnabled(kiosk.enabled)
            form.addRow(QLabel(self.tr("Set a staff PIN first: kiosk --set-pin")))
        self.idle = QSpinBox()
        self.idle.setObjectName("settingsIdle")
        self.idle.setRange(10, 3600)
        self.idle.setSuffix(self.tr(" s"))
        self.idle.setValue(kiosk.idle_seconds)
        self._row(form, self.tr("Start again when untouched for"), self.idle)
        self.language = QComboBox()
        self.language.setObjectName("settingsLanguage")
        for code in config.LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES.get(code, code), code)
        self.language.setCurrentIndex(max(0, self.language.findData(kiosk.language)))
        self._row(form, self.tr("Start language"), self.language)
        self.next_step = QLineEdit(kiosk.next_step)
        self.next_step.setObjectName("settingsNextStep")
        self.next_step.setMaxLength(200)
        self.next_step.setPlaceholderText(self.tr("e.g. Badges at table 2"))
        self._row(form, self.tr("Next step for guests"), self.next_step)
        self.sound = QCheckBox(self.tr("Sounds"))
        self.sound.setChecked(kiosk.sound)
        self.high_contrast = QCheckBox(self.tr("High contrast"))
        self.high_contrast.setChecked(kiosk.high_contrast)
        self.large_text = QCheckBox(self.tr("Large text"))
        self.large_text.setChecked(kiosk.large_text)
        looks = QHBoxLayout()
        for box in (self.sound, self.high_contrast, self.large_text):
            box.setAccessibleName(box.text())
            looks.addWidget(box)
        form.addRow(looks)
        columns.addWidget(selfservice, 3)

        self.note = QLabel(self.tr("Saving restarts the desk inside Kiosk to apply these."))
        self.note.setObjectName("settingsNote")
        self.note.setWordWrap(True)
        outer.addWidget(self.note)
        buttons = QDialogButtonBox()
        self.save_button = TouchButton(self.tr("&Save"))
        self.save_button.setObjectName("settingsSave")
        self.save_button.setDefault(True)
        cancel = TouchButton(self.tr("Cancel"))
        cancel.setObjectName("settingsCancel")
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self._save)
        cancel.clicked.connect(self.reject)
        outer.addWidget(buttons)
        self._say_connection()
        if profile is None:  # the demo (or a guest list): nothing of it is kept
            for widget in (self.change_connection, self.save_button, desk, selfservice):
                widget.setEnabled(False)
            self.note.setText(
                self.tr("Nothing here is kept: the demo and a guest list file have no profile.")
            )

    def _row(self, form: QFormLayout, text: str, field: QWidget) -> None:
        form.setVerticalSpacing(10)  # touch-high fields: apart, not frame on frame
        field.setAccessibleName(text)
        field.setMinimumHeight(TOUCH_PX - 8)
        label = QLabel(text)
        label.setBuddy(field)
        label.setWordWrap(False)  # a wrapped caption was squeezed to half its height
        form.addRow(label, field)

    def _say_connection(self) -> None:
        profile = self.profile
        if profile is None:
            self.connection_text.setText(
                self.tr("The demo or a guest list file: no platform to change.")
            )
            return
        lines = [
            self.tr("Platform: %1").replace("%1", config.PLATFORM_NAMES[profile.platform]),
            self.tr("Address: %1").replace("%1", profile.base_url),
        ]
        if profile.bucket:
            lines.append(self.tr("Bucket: %1").replace("%1", profile.bucket))
        event = f"{self.event_title} ({profile.event})" if self.event_title else profile.event
        lines.append(self.tr("Event: %1").replace("%1", event))
        self.connection_text.setText("\n".join(lines))

    def chosen(self) -> Profile | None:
        """The profile with what the form holds (None with no profile)."""
        if self.profile is None:
            return None
        desk = DeskSettings(round(self.refresh.value(), 1), self.on_scan.isChecked())
        kiosk = dataclasses.replace(
            self.profile.kiosk,
            enabled=self.kiosk_mode.isChecked(),
            idle_seconds=self.idle.value(),
            language=str(self.language.currentData()),
            next_step=self.next_step.text().strip(),
            sound=self.sound.isChecked(),
            high_contrast=self.high_contrast.isChecked(),
            large_text=self.large_text.isChecked(),
        )
        return dataclasses.replace(self.profile, desk=desk, kiosk=kiosk)

    def _save(self) -> None:
        chosen = self.chosen()
        if chosen is not None:
            self.saved.emit(chosen)
        self.accept()


def open_settings(
    parent: QWidget, profile: Profile | None, event_title: str = ""
) -> SettingsDialog:
    """Open the Settings dialog over ``parent`` (window-modal, never ``exec()``)."""
    dialog = SettingsDialog(profile, parent, event_title=event_title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.open()
    return dialog
