"""The first-run set-up dialog: platform, address, key, a test call, the event, then save."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
from collections.abc import AsyncIterator, Callable, Coroutine, Sequence
from contextlib import AbstractAsyncContextManager
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QDate, QLocale, QObject, QSize, Qt, QTime, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk import config
from kiosk.backends.base import Backend
from kiosk.config import Profile
from kiosk.domain import (
    AuthRejected,
    Event,
    MalformedAnswer,
    NotFound,
    PlatformError,
    PlatformUnavailable,
    RateLimited,
)
from kiosk.domain.errors import ConfigError
from kiosk.ui.qt_async import TaskSet

log = logging.getLogger(__name__)
T = TypeVar("T")

#: Touch targets: DESIGN.md asks for at least 48 px.
TOUCH_PX = 48
EVENT_ROW_PX = 56
SHEEPCRM_URL = "https://sls-api.sheepcrm.com"
ATTENDU_URL_HINT = "https://yourworkspace.attendu.com/api"
#: The fields a problem can point at (``Profile`` names, plus the key).
FIELDS = ("platform", "base_url", "bucket", "api_key", "event")
#: Stands in for the event while checking the rest: it is chosen only after connecting.
_EVENT_NOT_CHOSEN = "-"
_ERROR_COLOUR = "#b42318"


class KeyStore(Protocol):
    """Where the API key goes: the ``keyring`` module itself, or a double in tests."""

    def set_password(self, service: str, user: str, password: str, /) -> None: ...


#: Opens a backend for a (not yet validated for its event) profile and key, and closes
#: its HTTP client on exit. Only ``list_events`` is called on it.
BackendOpener = Callable[[Profile, str], AbstractAsyncContextManager[Backend]]


async def off_thread(work: Callable[[], T]) -> T:
    """``work()`` in a worker thread, so the Qt loop keeps painting.

    Always a closure, never ``to_thread(func, *args)``: qasync's executor logs each
    submitted callback with its arguments at DEBUG, and here those would carry the key.
    """
    return await asyncio.to_thread(work)


@contextlib.asynccontextmanager
async def open_backend(profile: Profile, api_key: str) -> AsyncIterator[Backend]:
    """The real platform client, with its own ``httpx.AsyncClient`` for the test call."""
    from kiosk.backends.attendu import AttenduBackend, attendu_http_client
    from kiosk.backends.sheepcrm import SheepCrmBackend, sheepcrm_http_client

    sheep = profile.platform == "sheepcrm"
    make_client = sheepcrm_http_client if sheep else attendu_http_client
    # Building a client builds an SSL context synchronously (~30 ms, STACK.md).
    http = await off_thread(lambda: make_client(profile.base_url, api_key))
    try:
        backend: Backend = (
            SheepCrmBackend(http, bucket=profile.bucket, event_uid=profile.event)
            if sheep
            else AttenduBackend(http, event_id=profile.event)
        )
        yield backend
    finally:
        await http.aclose()


def _system_keyring() -> KeyStore:
    # Imported, and its backend resolved (possibly over D-Bus), in the worker thread.
    import keyring

    return keyring


@dataclasses.dataclass(frozen=True, slots=True)
class SetupDraft:
    """What the form holds. The key is left out of ``repr`` so it cannot reach a log."""

    platform: config.Platform
    base_url: str
    bucket: str
    api_key: str = dataclasses.field(repr=False)

    def profile(self, name: str, event: str, kiosk_id: str = "") -> Profile:
        return Profile(
            platform=self.platform,
            base_url=self.base_url.strip(),
            # Attendu has no bucket; a stale one would only change the keyring entry name.
            bucket=self.bucket.strip() if self.platform == "sheepcrm" else "",
            event=event,
            kiosk_id=kiosk_id,
            name=name,
        )


def _local_naive(moment: datetime) -> datetime:
    """sheepCRM times carry no zone (platform-local); aware ones are shown in local time."""
    return moment.astimezone().replace(tzinfo=None) if moment.tzinfo else moment


def upcoming_first(events: Sequence[Event], now: datetime | None = None) -> list[Event]:
    """Events by start time, the running and coming ones before those already over."""
    now = now or datetime.now()

    def key(event: Event) -> tuple[bool, bool, datetime]:
        start = _local_naive(event.starts_at) if event.starts_at else None
        end = _local_naive(event.ends_at) if event.ends_at else start
        over = end is not None and end < now
        return (over, start is None, start or datetime.max)

    return sorted(events, key=key)


class SetupViewModel(QObject):
    """The set-up's async side: test the connection, save the profile and the key.

    Problems name the field they are about (one of ``FIELDS``, or "" for none), so the
    dialog can show them there.

    Signals:
        busy_changed(bool): a test call or a save started (True) or ended (False).
        problem(str, str): field and message of something the person must fix.
        events_loaded(object): the platform's events (list[Event]), upcoming first.
        connection_forgotten(): a connection field changed, so the events are stale.
        saved(object): the Profile was written and its key stored.
        key_not_stored(object, str): the Profile was written, the key could not be
            stored; the message says how to provide it instead.
    """

    busy_changed = Signal(bool)
    problem = Signal(str, str)
    events_loaded = Signal(object)
    connection_forgotten = Signal()
    saved = Signal(object)
    key_not_stored = Signal(object, str)

    def __init__(
        self,
        profile_name: str,
        *,
        tasks: TaskSet,
        backend_opener: BackendOpener = open_backend,
        keystore: KeyStore | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.profile_name = profile_name
        self._tasks = tasks
        self._open_backend = backend_opener
        self._keystore = keystore
        self._busy = False
        self._connected: SetupDraft | None = None
        self._task: asyncio.Task[None] | None = None

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def connected(self) -> SetupDraft | None:
        """The values the current event list was loaded with."""
        return self._connected

    # -- intent -------------------------------------------------------------------------

    def connect_platform(self, draft: SetupDraft) -> None:
        self._start(self._connect(draft), "set-up test call")

    def save(self, draft: SetupDraft, event_id: str) -> None:
        self._start(self._save(draft, event_id), "set-up save")

    def _start(self, work: Coroutine[Any, Any, None], name: str) -> None:
        # One at a time: a second click (or Enter plus a click) before the first task has
        # even started must not send a second test call or write twice.
        if self._task is not None and not self._task.done():
            work.close()
            return
        self._task = self._tasks.spawn(work, name=name)

    def draft_changed(self, draft: SetupDraft) -> None:
        """The form changed: events loaded with other values no longer apply."""
        if self._connected is not None and draft != self._connected:
            self._connected = None
            self.connection_forgotten.emit()

    # -- work ---------------------------------------------------------------------------

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_changed.emit(busy)

    def _check(self, draft: SetupDraft) -> bool:
        """Profile's own rules, plus what it cannot check; False after a problem."""
        name = config.PLATFORM_NAMES.get(draft.platform, draft.platform)
        if not draft.base_url.strip():
            example = SHEEPCRM_URL if draft.platform == "sheepcrm" else ATTENDU_URL_HINT
            self.problem.emit(
                "base_url",
                self.tr("Enter the address of the %1 API, for example %2.")
                .replace("%1", name)
                .replace("%2", example),
            )
            return False
        try:
            draft.profile(self.profile_name, _EVENT_NOT_CHOSEN).validate()
        except ConfigError as exc:
            self.problem.emit(exc.field or "", str(exc))
            return False
        if not draft.api_key.strip():
            self.problem.emit(
                "api_key",
                self.tr("Enter the API key from your %1 account settings.").replace("%1", name),
            )
            return False
        return True

    async def _connect(self, draft: SetupDraft) -> None:
        if self._connected is not None:
            self._connected = None
            self.connection_forgotten.emit()
        if not self._check(draft):
            return
        profile = draft.profile(self.profile_name, "")
        profile = dataclasses.replace(profile, base_url=config.check_base_url(profile.base_url))
        name = config.PLATFORM_NAMES[draft.platform]
        self._set_busy(True)
        events: list[Event] = []
        failure: PlatformError | None = None
        try:
            async with self._open_backend(profile, draft.api_key.strip()) as backend:
                events = await backend.list_events()
        except PlatformError as exc:
            failure = exc
        finally:
            self._set_busy(False)
        # Said only now that the form is enabled again, so focus can move to the field.
        if failure is not None:
            log.info("set-up test call to %s failed: %s", name, type(failure).__name__)
            self.problem.emit(*self._explain(failure, draft))
            return
        log.info("set-up test call to %s: %d events", name, len(events))
        if not events:
            self.problem.emit(
                "event",
                self.tr(
                    "%1 lists no events for this key. Create the event there, "
                    "then press Connect again."
                ).replace("%1", name),
            )
            return
        self._connected = draft
        self.events_loaded.emit(upcoming_first(events))

    def _explain(self, exc: PlatformError, draft: SetupDraft) -> tuple[str, str]:
        """Which field a failed test call points at, and what to say there."""
        name = config.PLATFORM_NAMES[draft.platform]
        if isinstance(exc, AuthRejected):
            return "api_key", self.tr(
                "%1 refused this API key. Check that the whole key was copied and that it "
                "is allowed to read events."
            ).replace("%1", name)
        if isinstance(exc, NotFound) and draft.platform == "sheepcrm":
            # sheepCRM answers 404 both for an unknown bucket and for bad credentials.
            return "bucket", self.tr(
                "sheepCRM found no bucket “%1” for this key. Check the bucket name "
                "(your sheepCRM database name), then the key."
            ).replace("%1", draft.bucket.strip())
        if isinstance(exc, NotFound) and draft.base_url.strip().rstrip("/").endswith("/v1"):
            return "base_url", self.tr(
                "Leave out the “/v1” at the end: Kiosk adds it. The address ends in /api."
            )
        if isinstance(exc, NotFound | MalformedAnswer):
            return "base_url", self.tr(
                "The server at this address did not answer like the %1 API. Check the address."
            ).replace("%1", name)
        if isinstance(exc, RateLimited):
            return "", self.tr(
                "%1 asks Kiosk to slow down. Wait a minute, then press Connect again."
            ).replace("%1", name)
        if isinstance(exc, PlatformUnavailable):
            if exc.status_code is not None:  # it answered: the address is right
                return "", str(exc)
            detail = f" ({exc.platform_message})" if exc.platform_message else ""
            return "base_url", self.tr(
                "Kiosk cannot reach %1 at this address. Check the address and the network."
            ).replace("%1", name) + detail
        return "", str(exc)

    async def _save(self, draft: SetupDraft, event_id: str) -> None:
        if self._connected is None or draft != self._connected:
            self.problem.emit("", self.tr("Press Connect to test these settings first."))
            return
        if not event_id:
            self.problem.emit("event", self.tr("Choose the event to check guests in to."))
            return
        try:
            profile = draft.profile(self.profile_name, event_id, config.new_kiosk_id())
            profile = dataclasses.replace(
                profile, base_url=config.check_base_url(profile.base_url)
            ).validate()
        except ConfigError as exc:
            self.problem.emit(exc.field or "", str(exc))
            return
        path = config.profile_path(self.profile_name)
        api_key = draft.api_key.strip()
        self._set_busy(True)
        try:
            write_error = await self._write_profile(profile, path)
            key_stored = write_error is None and await self._store_key(profile, api_key)
        finally:
            self._set_busy(False)
        if write_error is not None:
            self.problem.emit("", write_error)
        elif not key_stored:
            self.key_not_stored.emit(
                profile,
                self.tr(
                    "Settings saved, but the API key could not be stored: this computer has "
                    "no usable keyring. Set the environment variable %1 to the key before "
                    "starting Kiosk."
                ).replace("%1", config.API_KEY_ENV),
            )
        else:
            self.saved.emit(profile)

    async def _write_profile(self, profile: Profile, path: Path) -> str | None:
        """None once written, else what to tell the person."""
        try:
            await off_thread(lambda: config.save_profile(profile, path))
        except OSError as exc:
            log.warning("could not write the profile %s: %s", path, exc.strerror)
            return (
                self.tr("Kiosk could not save its settings to %1 (%2).")
                .replace("%1", str(path))
                .replace("%2", exc.strerror or type(exc).__name__)
            )
        log.info("profile %r saved to %s", profile.name, path)
        return None

    async def _store_key(self, profile: Profile, api_key: str) -> bool:
        def store() -> None:
            keystore = self._keystore or _system_keyring()
            keystore.set_password(config.KEYRING_SERVICE, profile.keyring_user, api_key)

        try:
            await off_thread(store)
        # Any keyring failure (no backend, locked, D-Bus gone) ends the same way. Only its
        # type is logged: a backend's message could quote what it was given.
        except Exception as exc:
            log.warning("could not store the API key in the keyring: %s", type(exc).__name__)
            return False
        log.info("API key stored in the keyring for %s", profile.keyring_user)
        return True


# --------------------------------------------------------------------------- widgets


class TouchLineEdit(QLineEdit):
    """A line edit at least ``TOUCH_PX`` high, whatever the stylesheet's min-height says,
    with room between its frame and the text."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setTextMargins(6, 0, 6, 0)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), max(hint.height(), TOUCH_PX))


class TouchComboBox(QComboBox):
    """A combo box at least ``TOUCH_PX`` high."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), max(hint.height(), TOUCH_PX))


class TouchButton(QPushButton):
    """A push button at least ``TOUCH_PX`` high (the app stylesheet's min-height is less)."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(max(hint.width(), 2 * TOUCH_PX), max(hint.height(), TOUCH_PX))


def _when(event: Event) -> str:
    """'Sat 5 Sep 2026, 18:00 - 23:00' (with an en dash) in the person's locale."""
    locale = QLocale()

    def day(moment: datetime) -> str:
        return locale.toString(QDate(moment.year, moment.month, moment.day), "ddd d MMM yyyy")

    def time(moment: datetime) -> str:
        return locale.toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)

    if event.starts_at is None:
        return ""
    dash = " \N{EN DASH} "
    start = _local_naive(event.starts_at)
    text = f"{day(start)}, {time(start)}"
    if event.ends_at is not None:
        end = _local_naive(event.ends_at)
        same_day = end.date() == start.date()
        text += f"{dash}{time(end)}" if same_day else f"{dash}{day(end)}, {time(end)}"
    return text


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
                "test them. The API key is kept in this computer's keyring, never in a file."
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

        self.general_error = self._error_label("setupError", self.tr("Problem"))
        outer.addWidget(self.general_error)
        outer.addStretch(1)

        self.buttons = QDialogButtonBox()
        self.buttons.setObjectName("setupButtons")
        self.save_button = TouchButton(self.tr("&Save and start"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setAccessibleName(self.tr("Save the settings and start Kiosk"))
        self.save_button.setMinimumHeight(TOUCH_PX)
        self.save_button.setEnabled(False)
        self.cancel_button = TouchButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setAccessibleName(self.tr("Cancel the set-up"))
        self.cancel_button.setMinimumHeight(TOUCH_PX)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        outer.addWidget(self.buttons)

        self.platform_field.currentIndexChanged.connect(self._platform_changed)
        for line in (self.url_field, self.bucket_field, self.key_field):
            line.textEdited.connect(self._form_edited)
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

    def _error_label(self, object_name: str, accessible_name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(object_name)
        label.setAccessibleName(accessible_name)
        label.setWordWrap(True)
        label.setProperty("role", "error")
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # The app stylesheet sets no label colour, so the palette carries the error colour;
        # the "⚠" mark in the text makes sure it is never said by colour alone.
        palette = label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, _ERROR_COLOUR)
        label.setPalette(palette)
        label.hide()
        return label

    def _add_row(self, field: str, text: str, widget: QWidget, object_name: str) -> None:
        plain = text.replace("&", "")
        widget.setObjectName(object_name)
        widget.setAccessibleName(plain)
        widget.setMinimumHeight(max(widget.minimumHeight(), TOUCH_PX))
        label = QLabel(text)
        label.setObjectName(f"{object_name}Label")
        label.setAccessibleName(plain)
        label.setBuddy(widget)
        error = self._error_label(
            f"{object_name}Error", self.tr("Problem with %1").replace("%1", plain)
        )
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
        widget.setProperty("invalid", True)
        widget.setAccessibleDescription(message)
        widget.style().unpolish(widget)
        widget.style().polish(widget)
        if widget.isVisible():
            widget.setFocus()
            if isinstance(widget, QLineEdit):
                widget.selectAll()

    def clear_problems(self) -> None:
        for field, label in self.errors.items():
            label.clear()
            label.hide()
            widget = self.inputs[field]
            if widget.property("invalid"):
                widget.setProperty("invalid", False)
                widget.setAccessibleDescription("")
                widget.style().unpolish(widget)
                widget.style().polish(widget)
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

    def _save_clicked(self) -> None:
        if self.vm.busy:
            return
        if self.profile is not None:  # settings saved, key not: the person has read why
            self.accept()
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
        elif busy:
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
            when = _when(event) or self.tr("no date given")
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
        self.save_button.setText(self.tr("C&ontinue"))
        self.save_button.setAccessibleName(self.tr("Continue without a stored key"))
        self.save_button.setEnabled(True)
        self.save_button.setFocus()


async def run_first_setup(
    profile_name: str,
    *,
    backend_opener: BackendOpener = open_backend,
    keystore: KeyStore | None = None,
    parent: QWidget | None = None,
    on_key: Callable[[str], None] | None = None,
) -> Profile | None:
    """Show the set-up dialog and wait for it; the saved Profile, or None if cancelled.

    ``on_key`` receives the key that was typed, so this run can use it even when no
    keyring could store it (kiosk PCs often have none); it is never written anywhere.

    Runs inside the qasync loop: the dialog is opened with ``open()`` and awaited through
    its ``finished`` signal, so the Qt loop (and every task) keeps running."""
    tasks = TaskSet()
    vm = SetupViewModel(profile_name, tasks=tasks, backend_opener=backend_opener, keystore=keystore)
    dialog = SetupDialog(vm, parent)
    finished: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    def on_finished(result: int) -> None:
        if not finished.done():
            finished.set_result(result)

    dialog.finished.connect(on_finished)
    dialog.open()
    try:
        result = await finished
        profile = dialog.profile
        if on_key is not None and result == QDialog.DialogCode.Accepted.value:
            on_key(dialog.draft().api_key.strip())
    finally:
        await tasks.cancel_all()
        if dialog.isVisible():  # cancelled from outside (shutdown): close it too
            dialog.done(QDialog.DialogCode.Rejected.value)
        dialog.deleteLater()
    return profile if result == QDialog.DialogCode.Accepted.value else None
