"""Guarding the kiosk: back to the start when idle, no way out but the hidden staff PIN."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import math
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, SignalInstance
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QStackedWidget, QWidget

from kiosk.config import KioskSettings
from kiosk.pin import PinThrottle, Verdict, verify_pin
from kiosk.services.selfservice import SelfCheckin
from kiosk.ui.qt_async import TaskSet
from kiosk.ui.selfservice.entry_pages import WelcomePage
from kiosk.ui.selfservice.page_parts import Page
from kiosk.ui.selfservice.sound import Chime, Cue
from kiosk.ui.selfservice.staff_pages import PinPage, StaffPage

log = logging.getLogger(__name__)

#: The hidden staff key (no guest keyboard shortcut, no menu).
STAFF_KEY = QKeySequence("Ctrl+Shift+F12")
#: Taps on the hidden corner that open the PIN pad.
STAFF_TAPS = 5
#: What counts as someone using the kiosk (restarts the idle countdown).
_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.TouchBegin,
    QEvent.Type.Wheel,
}


@dataclasses.dataclass(frozen=True, slots=True)
class Timings:
    """Seconds; tests make them short."""

    idle: float = 45.0  # untouched this long: everything is cleared, welcome returns
    done: float = 8.0  # the success screen stays this long
    desk: float = 30.0  # the 'see the desk' screen (time to note the reference)
    taps: float = 4.0  # the staff taps must all fall within this


def ms(seconds: float) -> int:
    """A Qt timer's interval for ``seconds``, never zero."""
    return max(1, round(seconds * 1000))


class KioskGuard(QWidget):
    """The part of ``SelfServiceWindow`` that keeps the kiosk locked down: the idle
    countdown, Esc, closing and minimising that do nothing, and the way out for staff
    (five taps in the hidden corner or Ctrl+Shift+F12, then the PIN, throttled)."""

    # The window's, used here.
    checkin: SelfCheckin
    tasks: TaskSet
    settings: KioskSettings
    timings: Timings
    throttle: PinThrottle
    chime: Chime
    clock: Callable[[], float]
    allow_close: bool
    pages: QStackedWidget
    welcome: WelcomePage
    pin: PinPage
    staff: StaffPage
    exit_requested: SignalInstance
    desk_requested: SignalInstance
    settings_changed: SignalInstance
    set_high_contrast: Callable[[bool], None]
    set_large_text: Callable[[bool], None]
    reset: Callable[[], None]
    _forget_input: Callable[..., None]
    _show: Callable[[Page], None]
    _wrong_pin: Callable[[int], str]
    _locked_for: Callable[[int], str]

    def _start_guard(self) -> None:
        self._taps: list[float] = []
        self._checking_pin = False
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(ms(self.timings.idle))
        self.idle.timeout.connect(self._idle)
        self.lock_tick = QTimer(self)
        self.lock_tick.setInterval(1000)
        self.lock_tick.timeout.connect(self._show_lock)

    def _idle(self) -> None:
        if self.pages.currentWidget() is not self.welcome or self.welcome.field.text():
            log.info("self-service idle: back to the start")
        self.reset()

    def _wire_staff_pages(self) -> None:
        self.pin.submitted.connect(self.check_pin)
        self.pin.cancelled.connect(self.reset)
        self.staff.resume.connect(self.reset)
        self.staff.desk.connect(self._to_desk)
        self.staff.quit.connect(self.exit_requested)
        self.staff.sound.toggled.connect(self._set_sound)
        self.staff.contrast.toggled.connect(self.set_high_contrast)
        self.staff.large.toggled.connect(self.set_large_text)
        # What staff set here is kept (the app writes it to the profile).
        replace = dataclasses.replace
        self.staff.sound.toggled.connect(
            lambda on: self._staff_set(replace(self.settings, sound=on))
        )
        self.staff.contrast.toggled.connect(
            lambda on: self._staff_set(replace(self.settings, high_contrast=on))
        )
        self.staff.large.toggled.connect(
            lambda on: self._staff_set(replace(self.settings, large_text=on))
        )

    # -- staff --------------------------------------------------------------------------

    def open_staff(self) -> None:
        """The PIN pad (hidden gesture or key)."""
        self._forget_input()
        self.checkin.reset()
        self.pin.clear()
        self._show(self.pin)
        self._show_lock()

    def _corner_tapped(self) -> None:
        now = self.clock()
        self._taps = [t for t in self._taps if now - t <= self.timings.taps] + [now]
        if len(self._taps) >= STAFF_TAPS:
            self._taps = []
            self.open_staff()

    def check_pin(self, pin: str) -> None:
        if self._checking_pin:
            return
        if not self.throttle.allows():
            self._show_lock()
            return
        self._checking_pin = True
        self.tasks.spawn(self._check_pin(pin), name="staff PIN")

    async def _check_pin(self, pin: str) -> None:
        try:
            # scrypt is slow on purpose: off the UI thread.
            right = await asyncio.to_thread(verify_pin, pin, self.settings.pin_hash)
        finally:
            self._checking_pin = False
        attempt = self.throttle.record(right)
        if self.pages.currentWidget() is not self.pin:
            return  # the kiosk went back to the guests meanwhile
        self.pin.field.clear()
        if attempt.verdict is Verdict.ACCEPTED:
            log.info("staff PIN accepted")
            self.staff.retranslate()
            self.staff.sound.setChecked(not self.chime.muted)
            self._show(self.staff)
            return
        log.warning("wrong staff PIN")
        self.chime.play(Cue.ATTENTION)
        if attempt.wait > 0:
            self._show_lock()
        else:
            self.pin.set_message(self._wrong_pin(attempt.tries_left))

    def _show_lock(self) -> None:
        wait = self.throttle.wait()
        if wait <= 0:
            self.lock_tick.stop()
            if self.pin.message.text() and self.pin.field.isReadOnly():
                self.pin.set_message("")
            return
        self.pin.set_message(self._locked_for(math.ceil(wait)), locked=True)
        if not self.lock_tick.isActive():
            self.lock_tick.start()

    def _set_sound(self, on: bool) -> None:
        self.chime.muted = not on

    def _staff_set(self, updated: KioskSettings) -> None:
        if updated != self.settings:
            self.settings = updated
            self.settings_changed.emit(updated)

    def _to_desk(self) -> None:
        self.reset()
        self.desk_requested.emit()

    # -- Qt overrides -------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self.isVisible():
            self.idle.start()
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if QKeySequence(event.keyCombination()) == STAFF_KEY:
            self.open_staff()
            return
        if event.key() == Qt.Key.Key_Escape:
            # Never leaves kiosk mode; from a later screen it means 'start over'.
            if self.pages.currentWidget() is not self.welcome:
                self.reset()
            event.accept()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if (
            event.type() == QEvent.Type.WindowStateChange
            and not self.allow_close
            and self.windowState() & Qt.WindowState.WindowMinimized
        ):
            QTimer.singleShot(0, self.showFullScreen)  # kiosk mode is never minimised
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.allow_close:
            event.accept()
            return
        event.ignore()  # window close and Alt+F4 end here; leaving needs the staff PIN
