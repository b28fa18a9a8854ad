"""The set-up dialog's view: the form, its problems beside their fields, the event list."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk import config
from kiosk.config import Profile
from kiosk.domain import Event
from kiosk.services.setup import ATTENDU_URL_HINT, SHEEPCRM_URL, SetupDraft
from kiosk.ui.setup_check import SetupCheck
from kiosk.ui.setup_viewmodel import SetupViewModel
from kiosk.ui.setup_widgets import (
    EVENT_ROW_PX,
    TOUCH_PX,
    TouchButton,
    TouchComboBox,
    TouchLineEdit,
    error_label,
    event_when,
    mark_invalid,
    touch_button,
)


class SetupDialog(QDialog):
    """First run: choose the platform, enter address, bucket and key, test them with
    Connect, pick the event, Save. A pure view over ``SetupViewModel``; show it with
    ``open()`` and wait for ``finished`` (never ``exec()`` inside a coroutine).

    ``profile`` holds the saved Profile once the dialog is accepted.

    Signals:
        (QDialog's own) accepted(), rejected(), finished(int).
    """

    def __init__(self, vm: SetupViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        # Owned by the dialog, the view-model is deleted with it on the UI thread, never
        # by a garbage collection that happens to run in a worker thread.
        if vm.parent() is None:
            vm.setParent(self)
        self.profile: Profile | None = None
        self._action = ""
        self.setObjectName("setupDialog")
        self.setWindowTitle(self.tr("Kiosk — set up"))
        self.setAccessibleName(self.tr("Kiosk set-up"))
        self.setMinimumWidth(640)

        outer = self._outer = QVBoxLayout(self)
        outer.setContentsMargins(28, 24, 28, 20)
        outer.setSpacing(14)

        # Sized in rich text: the app stylesheet's font-size for every QWidget would
        # override a font set on the label.
        self.heading = QLabel(
            "<span style='font-size:18pt; font-weight:600'>"
            + self.tr("Connect Kiosk to your event platform")
            + "</span>"
        )
        self.heading.setObjectName("setupHeading")
        self.heading.setAccessibleName(self.tr("Connect Kiosk to your event platform"))
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        outer.addWidget(self.heading)
        self.intro = QLabel(
            self.tr(
                "Enter the details from your platform's API settings and press Connect to "
                "test them. The API key goes to this computer's keyring; where there is "
                "none, Kiosk asks before keeping it anywhere else."
            )
        )
        self.intro.setObjectName("setupIntro")
        self.intro.setAccessibleName(self.tr("About this set-up"))
        self.intro.setWordWrap(True)
        outer.addWidget(self.intro)

        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        outer.addLayout(grid)
        self._grid = grid
        self._labels: dict[str, QLabel] = {}
        self.errors: dict[str, QLabel] = {}
        self.inputs: dict[str, QWidget] = {}

        self.platform_field = TouchComboBox()
        for platform in config.PLATFORMS:
            self.platform_field.addItem(config.PLATFORM_NAMES[platform], platform)
        self._add_row("platform", self.tr("&Platform"), self.platform_field, "platformField")

        self.url_field = TouchLineEdit(SHEEPCRM_URL)
        self.url_field.setInputMethodHints(
            Qt.InputMethodHint.ImhUrlCharactersOnly | Qt.InputMethodHint.ImhNoAutoUppercase
        )
        self._add_row("base_url", self.tr("API &address"), self.url_field, "baseUrlField")

        self.bucket_field = TouchLineEdit()
        self.bucket_field.setPlaceholderText(self.tr("your sheepCRM database name"))
        self.bucket_field.setInputMethodHints(Qt.InputMethodHint.ImhNoAutoUppercase)
        self._add_row("bucket", self.tr("&Bucket"), self.bucket_field, "bucketField")

        self.key_field = TouchLineEdit()
        self.key_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_field.setPlaceholderText(self.tr("paste the key here"))
        self.key_field.setInputMethodHints(
            Qt.InputMethodHint.ImhSensitiveData
            | Qt.InputMethodHint.ImhNoPredictiveText
            | Qt.InputMethodHint.ImhNoAutoUppercase
        )
        self._add_row("api_key", self.tr("API &key"), self.key_field, "apiKeyField")

        connect_row = QHBoxLayout()
        connect_row.setSpacing(12)
        self.connect_button = TouchButton(self.tr("&Connect"))
        self.connect_button.setObjectName("connectButton")
        self.connect_button.setAccessibleName(self.tr("Connect and load the events"))
        self.connect_button.setMinimumHeight(TOUCH_PX)
        self.connect_button.setDefault(True)
        self.connect_status = QLabel()
        self.connect_status.setObjectName("connectStatus")
        self.connect_status.setAccessibleName(self.tr("Connection test"))
        self.connect_status.setWordWrap(True)
        connect_row.addWidget(self.connect_button)
        connect_row.addWidget(self.connect_status, 1)
        row = grid.rowCount()
        grid.addLayout(connect_row, row, 1)
        grid.setRowMinimumHeight(row, TOUCH_PX + 12)

        self.event_list = QListWidget()
        self.event_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.event_list.setAlternatingRowColors(True)
        # Three rows in view: room for a choice without making the dialog taller than a
        # 768 px laptop screen.
        self.event_list.setMinimumHeight(3 * EVENT_ROW_PX + 4)
        self.event_list.setMaximumHeight(4 * EVENT_ROW_PX + 4)
        self._add_row("event", self.tr("&Event"), self.event_list, "eventList")
        self._placeholder(self.tr("Press Connect to load the events from your platform."))

        self.check = SetupCheck(vm)
        self.check.button.clicked.connect(self._check_clicked)
        outer.addWidget(self.check)
        self.general_error = error_label("setupError", self.tr("Problem"))
        outer.addWidget(self.general_error)
        outer.addStretch(1)

        self.buttons = QDialogButtonBox()
        self.buttons.setObjectName("setupButtons")
        self.save_button = touch_button(
            self.tr("&Save and start"), "saveButton", self.tr("Save the settings and start Kiosk")
        )
        self.save_button.setEnabled(False)
        self.cancel_button = touch_button(
            self.tr("Cancel"), "cancelButton", self.tr("Cancel the set-up")
        )
        self.buttons.addButton(self.check.button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        outer.addWidget(self.buttons)

        self.platform_field.currentIndexChanged.connect(self._platform_changed)
        for field, line in (
            ("base_url", self.url_field),
            ("bucket", self.bucket_field),
            ("api_key", self.key_field),
        ):
            line.textEdited.connect(self._form_edited)
            # A problem said about a field goes once the person changes that field.
            line.textEdited.connect(lambda _text, f=field: self.clear_problem(f))
        self.connect_button.clicked.connect(self._connect_clicked)
        self.event_list.itemSelectionChanged.connect(self._event_selected)
        self.event_list.itemActivated.connect(lambda _item: self._save_clicked())
        self.save_button.clicked.connect(self._save_clicked)
        self.cancel_button.clicked.connect(self.reject)

        vm.busy_changed.connect(self._busy_changed)
        vm.problem.connect(self.show_problem)
        vm.events_loaded.connect(self._events_loaded)
        vm.connection_forgotten.connect(self._connection_forgotten)
        vm.saved.connect(self._saved)
        vm.key_not_stored.connect(self._key_not_stored)
        self._platform_changed()
        self._fit()
        self.url_field.setFocus()

    # -- building -----------------------------------------------------------------------

    def _add_row(self, field: str, text: str, widget: QWidget, object_name: str) -> None:
        plain = text.replace("&", "")
        widget.setObjectName(object_name)
        widget.setAccessibleName(plain)
        widget.setMinimumHeight(max(widget.minimumHeight(), TOUCH_PX))
        label = QLabel(text)
        label.setObjectName(f"{object_name}Label")
        label.setAccessibleName(plain)
        label.setBuddy(widget)
        error = error_label(f"{object_name}Error", self.tr("Problem with %1").replace("%1", plain))
        row = self._grid.rowCount()
        align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if isinstance(widget, QListWidget):
            align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
        self._grid.addWidget(label, row, 0, align)
        self._grid.addWidget(widget, row, 1)
        self._grid.addWidget(error, row + 1, 1)
        self._labels[field] = label
        self.errors[field] = error
        self.inputs[field] = widget

    # -- reading the form ---------------------------------------------------------------

    def draft(self) -> SetupDraft:
        platform = self.platform_field.currentData()
        return SetupDraft(
            platform="attendu" if platform == "attendu" else "sheepcrm",
            base_url=self.url_field.text(),
            bucket=self.bucket_field.text(),
            api_key=self.key_field.text(),
        )

    def chosen_event(self) -> str:
        items = self.event_list.selectedItems()
        return str(items[0].data(Qt.ItemDataRole.UserRole)) if items else ""

    # -- showing problems ---------------------------------------------------------------

    def show_problem(self, field: str, message: str) -> None:
        """Say what is wrong beside the field it is about, and move focus there."""
        label = self.errors.get(field, self.general_error)
        label.setText(f"⚠ {message}")
        label.show()
        self._fit()
        widget = self.inputs.get(field)
        if widget is None:
            return
        mark_invalid(widget, message)
        if widget.isVisible():
            widget.setFocus()
            if isinstance(widget, QLineEdit):
                widget.selectAll()

    def clear_problem(self, field: str) -> None:
        label = self.errors[field]
        label.clear()
        label.hide()
        widget = self.inputs[field]
        if widget.property("invalid"):
            mark_invalid(widget, "")

    def clear_problems(self) -> None:
        for field in self.errors:
            self.clear_problem(field)
        self.general_error.clear()
        self.general_error.hide()

    # -- bindings -----------------------------------------------------------------------

    def _platform_changed(self) -> None:
        sheep = self.draft().platform == "sheepcrm"
        url = self.url_field.text().strip()
        # Prefill sheepCRM's one public address, without overwriting an address typed in.
        if sheep and not url:
            self.url_field.setText(SHEEPCRM_URL)
        elif not sheep and url == SHEEPCRM_URL:
            self.url_field.clear()
        self.url_field.setPlaceholderText(SHEEPCRM_URL if sheep else ATTENDU_URL_HINT)
        for widget in (self._labels["bucket"], self.bucket_field):
            widget.setVisible(sheep)
        if not sheep:
            self.errors["bucket"].hide()
        self._form_edited()

    def _form_edited(self) -> None:
        self.vm.draft_changed(self.draft())

    def _connect_clicked(self) -> None:
        if self.vm.busy:
            return
        self.clear_problems()
        self._action = "connect"
        self.vm.connect_platform(self.draft())

    def _check_clicked(self) -> None:
        if not self.vm.busy:
            self.clear_problems()
            self._action = "check"
            self.vm.check_connection(self.draft(), self.chosen_event())

    def _save_clicked(self) -> None:
        if self.vm.busy:
            return
        if self.profile is not None:  # settings saved, key not: keep it in the file
            self.vm.keep_key_in_file(self.profile, self.draft().api_key.strip())
            return
        self.clear_problems()
        self._action = "save"
        self.vm.save(self.draft(), self.chosen_event())

    def _busy_changed(self, busy: bool) -> None:
        for widget in (*self.inputs.values(), self.connect_button):
            widget.setEnabled(not busy)
        self.save_button.setEnabled(not busy and bool(self.chosen_event()))
        if busy and self._action == "connect":
            self.connect_button.setText(self.tr("Connecting…"))
            self.connect_status.setText("")
        elif busy and self._action == "save":
            self.save_button.setText(self.tr("Saving…"))
        else:
            self.connect_button.setText(self.tr("&Connect"))
            if self.profile is None:
                self.save_button.setText(self.tr("&Save and start"))
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)

    def _placeholder(self, text: str) -> None:
        """One greyed, unselectable row: what the list will hold and how to fill it."""
        self.event_list.clear()
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        item.setSizeHint(QSize(0, EVENT_ROW_PX))
        self.event_list.addItem(item)

    def _fit(self) -> None:
        """Grow to what the layout needs now: wrapped messages depend on the width, which a
        top-level window's minimum size does not follow."""
        layout = self._outer
        needed = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else -1
        if needed > self.height():
            self.resize(self.width(), needed)

    def _events_loaded(self, events: list[Event]) -> None:
        self.event_list.clear()
        for event in events:
            when = event_when(event) or self.tr("no date given")
            item = QListWidgetItem(f"{event.title}\n{when}")
            item.setData(Qt.ItemDataRole.UserRole, event.id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{event.title}, {when}")
            if event.location:
                item.setToolTip(event.location)
            item.setSizeHint(QSize(0, EVENT_ROW_PX))
            self.event_list.addItem(item)
        self.event_list.setCurrentRow(0)
        count = len(events)
        self.connect_status.setText(
            self.tr("✓ Connected: 1 event found.")
            if count == 1
            else self.tr("✓ Connected: %1 events found.").replace("%1", str(count))
        )
        self.save_button.setDefault(True)
        self.event_list.setFocus()

    def _connection_forgotten(self) -> None:
        self._placeholder(self.tr("Press Connect to load the events from your platform."))
        self.errors["event"].hide()
        self.connect_status.clear()
        self.save_button.setEnabled(False)
        self.connect_button.setDefault(True)

    def _event_selected(self) -> None:
        self.save_button.setEnabled(not self.vm.busy and bool(self.chosen_event()))

    def _saved(self, profile: Profile) -> None:
        self.profile = profile
        self.accept()

    def _key_not_stored(self, profile: Profile, message: str) -> None:
        self.profile = profile
        self.show_problem("api_key", message)
        for widget in (*self.inputs.values(), self.connect_button):
            widget.setEnabled(False)
        self.save_button.setText(self.tr("&Keep it in that file"))
        self.save_button.setAccessibleName(self.tr("Keep the API key in a private file"))
        self.save_button.setEnabled(True)
        self.save_button.setFocus()
        self.cancel_button.setText(self.tr("This &time only"))
        self.cancel_button.setAccessibleName(self.tr("Use the API key this time only"))
        self.cancel_button.clicked.disconnect()
        self.cancel_button.clicked.connect(self.accept)

    def prefill(self, profile: Profile) -> None:
        """Start from a saved connection (Settings → Change event, platform or key)."""
        self.platform_field.setCurrentIndex(max(0, self.platform_field.findData(profile.platform)))
        self.url_field.setText(profile.base_url)
        self.bucket_field.setText(profile.bucket)
        self.key_field.setFocus()
