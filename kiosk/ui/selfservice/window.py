"""The self-service kiosk window: its screens, the flow between them, its language and look."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QClipboard, QHideEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.config import KioskSettings
from kiosk.pin import PinThrottle
from kiosk.services.selfservice import (
    AskFactor,
    CheckedIn,
    Choose,
    Confirm,
    Hint,
    SeeDesk,
    SelfCheckin,
    Step,
    Welcome,
)
from kiosk.ui.qt_async import TaskSet
from kiosk.ui.scanner import ScanDetector, readable_as
from kiosk.ui.selfservice.confirm_pages import ChoosePage, ConfirmPage
from kiosk.ui.selfservice.entry_pages import FactorPage, WelcomePage
from kiosk.ui.selfservice.guard import KioskGuard, Timings, ms
from kiosk.ui.selfservice.outcome_pages import DeskPage, DonePage
from kiosk.ui.selfservice.page_parts import KioskField, Page
from kiosk.ui.selfservice.sound import Chime, Cue
from kiosk.ui.selfservice.speech import LanguageGroup, say_step
from kiosk.ui.selfservice.staff_pages import PinPage, StaffPage
from kiosk.ui.translations import SHIPPED, Translations, shipped
from kiosk.ui.viewmodel import CheckinViewModel

__all__ = ["SelfServiceWindow", "Timings"]

log = logging.getLogger(__name__)


class SelfServiceWindow(KioskGuard):
    """Self-service mode: full screen, one guest at a time, locked down. Thin: the rules
    are in ``SelfCheckin``; this shows its steps.

    Welcome → (second factor →) 'Is this you?' → checked in, or sent to the desk → back
    to welcome, by itself after a few seconds or after ``Timings.idle`` untouched.
    Leaving needs the staff PIN, behind a hidden gesture (five taps in the top-right
    corner) or key (Ctrl+Shift+F12); closing the window, Alt+F4, Esc and the usual
    shortcuts do nothing (``KioskGuard``).

    Signals:
        exit_requested(): staff asked to quit Kiosk (after the PIN).
        desk_requested(): staff asked for desk mode (after the PIN).
        step_shown(str): a screen was shown (its page's object name).
        settings_changed(KioskSettings): staff changed sound, contrast or text size.
    """

    exit_requested = Signal()
    desk_requested = Signal()
    step_shown = Signal(str)
    settings_changed = Signal(object)

    def __init__(
        self,
        vm: CheckinViewModel,
        checkin: SelfCheckin,
        tasks: TaskSet,
        translations: Translations,
        *,
        settings: KioskSettings,
        timings: Timings | None = None,
        throttle: PinThrottle | None = None,
        chime: Chime | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__()
        self.vm = vm
        self.checkin = checkin
        self.tasks = tasks
        self.translations = translations
        self.settings = settings
        self.timings = timings or Timings(idle=float(settings.idle_seconds))
        self.throttle = throttle or PinThrottle()
        self.chime = chime or Chime(muted=not settings.sound, parent=self)
        self.clock = clock
        self.allow_close = False
        self.language = settings.language
        self.step: Step = Welcome()
        self._guest_chose_language = False
        self.setObjectName("selfService")
        self.setProperty("contrast", "high" if settings.high_contrast else "normal")
        self._large_text = settings.large_text
        self._roomy = False  # a big screen: everything a size up (see resizeEvent)
        self.setProperty("textSize", self._text_size())
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # never a Tab stop of its own

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._top_bar())
        self.pages = QStackedWidget()
        self.pages.setObjectName("kioskPages")
        outer.addWidget(self.pages, 1)
        self.footer = QLabel()
        self.footer.setObjectName("kioskFooter")
        self.footer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.footer)

        self.welcome = WelcomePage()
        self.factor = FactorPage()
        self.confirm = ConfirmPage()
        self.choose = ChoosePage()
        self.done = DonePage()
        self.desk = DeskPage()
        self.pin = PinPage()
        self.staff = StaffPage()
        self.done.organiser_note = settings.next_step
        self.all_pages: list[Page] = [
            self.welcome,
            self.factor,
            self.confirm,
            self.choose,
            self.done,
            self.desk,
            self.pin,
            self.staff,
        ]
        for page in self.all_pages:
            self.pages.addWidget(page)

        self.welcome.submitted.connect(lambda text: self.go(self.checkin.begin(text)))
        self.factor.answered.connect(lambda text: self.go(self.checkin.answer(text)))
        self.factor.restart.connect(self.reset)
        self.confirm.confirmed.connect(lambda: self.go(self.checkin.confirm()))
        self.confirm.rejected.connect(lambda: self.go(self.checkin.not_me()))
        self.choose.chosen.connect(lambda gid: self.go(self.checkin.choose(gid)))
        self.choose.rejected.connect(lambda: self.go(self.checkin.not_me()))
        self.done.finished.connect(self.reset)
        self.desk.finished.connect(self.reset)
        self.desk.again.connect(self.reset)
        self._wire_staff_pages()

        self._start_guard()
        self.auto_return = QTimer(self)
        self.auto_return.setSingleShot(True)
        self.auto_return.timeout.connect(self.reset)

        # A keyboard-wedge scan is a ticket wherever the focus is (a language button, the
        # 'Is this you?' of the guest before): it starts over with that ticket.
        self.scanner = ScanDetector(self)
        self.scanner.scanned.connect(self._scanned)

        vm.roster_changed.connect(self._roster_changed)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)  # removed by Qt when this window is deleted
        self._roster_changed()
        self.translations.use(self.language)
        self.retranslate()
        self.reset()

    # -- building -----------------------------------------------------------------------

    def _top_bar(self) -> QFrame:
        bar = QFrame()
        bar.setObjectName("kioskTopBar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(24, 0, 0, 8)  # the corner reaches the screen's very edge
        row.setSpacing(12)
        self.event_title = QLabel()
        self.event_title.setObjectName("kioskEvent")
        self.event_title.setTextFormat(Qt.TextFormat.PlainText)  # the platform's title
        row.addWidget(self.event_title, 1)
        self.languages = LanguageGroup(SHIPPED, lambda c: self.set_language(c, by_guest=True))
        self.language_buttons = self.languages.buttons
        row.addWidget(self.languages)
        self.staff_corner = QPushButton()
        self.staff_corner.setObjectName("staffCorner")
        self.staff_corner.setProperty("kind", "corner")
        self.staff_corner.setFlat(True)
        self.staff_corner.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.staff_corner.setFixedSize(64, 64)
        self.staff_corner.clicked.connect(self._corner_tapped)
        row.addWidget(self.staff_corner, 0, Qt.AlignmentFlag.AlignTop)
        return bar

    # -- the flow -----------------------------------------------------------------------

    def go(self, step: Step) -> None:
        """Show one step of the flow."""
        self.step = step
        self.auto_return.stop()
        if isinstance(step, Welcome):
            self._forget_input(keep_typed=True)
            self.welcome.set_hint(step.hint)
            if step.hint is not Hint.NONE:
                self.welcome.field.selectAll()
            self._show(self.welcome)
        elif isinstance(step, AskFactor):
            self.factor.show_step(step)
            self._show(self.factor)
        elif isinstance(step, Confirm):
            self.welcome.clear()
            language = shipped(step.card.language)
            if language and not self._guest_chose_language:
                self.set_language(language, by_guest=False)  # the platform's guest language
            self.confirm.show_card(step.card)
            self._show(self.confirm)
        elif isinstance(step, Choose):
            self.choose.show_cards(step.cards)
            self._show(self.choose)
        elif isinstance(step, CheckedIn):
            self._forget_input()
            self.done.show_card(step.card)
            self._show(self.done)
            self.chime.play(Cue.SUCCESS)
            self.auto_return.start(ms(self.timings.done))
        elif isinstance(step, SeeDesk):
            self._forget_input()
            self.desk.show_step(step)
            self._show(self.desk)
            self.chime.play(Cue.ATTENTION)
            self.auto_return.start(ms(self.timings.desk))

    def reset(self) -> None:
        """Back to welcome with nothing of the last guest anywhere."""
        self.checkin.reset()
        self.auto_return.stop()
        self.lock_tick.stop()
        for page in self.all_pages:
            page.clear()
        clipboard = QApplication.clipboard()
        if clipboard.supportsSelection():  # X11: what was selected pastes with a click
            clipboard.clear(QClipboard.Mode.Selection)
        self._guest_chose_language = False
        self.set_language(self.settings.language, by_guest=False)
        self.step = Welcome()
        self._show(self.welcome)
        self.idle.start()

    def _forget_input(self, *, keep_typed: bool = False) -> None:
        if not keep_typed:
            self.welcome.clear()
        self.factor.clear()
        self.confirm.clear()
        self.choose.clear()

    def _show(self, page: Page) -> None:
        self.pages.setCurrentWidget(page)
        # Every page change forgets what could be undone (another guest's name).
        for each in self.findChildren(KioskField):
            each.forget_history()
        guest_page = page not in (self.pin, self.staff)
        for choice in self.language_buttons.values():
            choice.setVisible(guest_page)
        # The outcome screens say all there is to say, in their own colour to the edge.
        self.footer.setVisible(page in (self.welcome, self.factor, self.confirm, self.choose))
        focus = page.first_focus()
        if focus is not None:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)
        self.step_shown.emit(page.objectName())
        say_step(page)

    def _scanned(self, code: str) -> None:
        if self.pages.currentWidget() in (self.pin, self.staff):
            return  # staff at work: a scan is not a guest
        log.info("self-service: a ticket was scanned")
        self._forget_input()
        index = self.vm.service.index
        self.go(self.checkin.begin(readable_as(code, lambda c: bool(index.lookup_code(c)))))

    # -- language, contrast, text size ---------------------------------------------------

    def set_language(self, language: str, *, by_guest: bool) -> None:
        self._guest_chose_language = self._guest_chose_language or by_guest
        before = self.translations.language
        self.language = self.translations.use(language)
        if self.language != before:
            # Qt's LanguageChange events are posted; the guest must see the switch now.
            self.retranslate()
        for code, choice in self.language_buttons.items():
            choice.setChecked(code == self.language)
        for page in (self.welcome, self.factor):
            page.keyboard.set_layout(self.language)
        if by_guest:  # typing goes on where it was, not into the language button
            current = self.pages.currentWidget()
            focus = current.first_focus() if isinstance(current, Page) else None
            if focus is not None:
                focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_high_contrast(self, on: bool) -> None:
        self.setProperty("contrast", "high" if on else "normal")
        self._repolish()

    def set_large_text(self, on: bool) -> None:
        self._large_text = on
        self.setProperty("textSize", self._text_size())
        self._repolish()

    def _text_size(self) -> str:
        """normal, large or huge: the large-text setting, one size up on a big screen."""
        return ("normal", "large", "huge")[self._large_text + self._roomy]

    def _repolish(self) -> None:
        # Descendant selectors on the window's properties need every child restyled.
        for widget in (self, *self.findChildren(QWidget)):
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        self.update()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Kiosk — self-service check-in"))
        self.setAccessibleName(self.tr("Self-service check-in"))
        self.pages.setAccessibleName(self.tr("Check-in steps"))
        self.footer.setText(self.tr("Need help? Ask a member of staff."))
        self.footer.setAccessibleName(self.footer.text())
        self.staff_corner.setAccessibleName(self.tr("Staff"))
        self.staff_corner.setAccessibleDescription(self.tr("For staff: opens the PIN pad"))
        self._roster_changed()
        for page in self.all_pages:
            page.retranslate()
        self.staff.sound.setChecked(not self.chime.muted)
        self.staff.contrast.setChecked(self.property("contrast") == "high")
        self.staff.large.setChecked(self._large_text)

    def _roster_changed(self) -> None:
        service = self.vm.service
        event = service.event
        self.event_title.setText(" ".join(event.title.split())[:120] if event else "")
        self.event_title.setAccessibleName(
            self.tr("Event: %1").replace("%1", event.title) if event else self.tr("Event")
        )
        loading = len(service.index) == 0
        if loading != self.welcome.loading:
            self.welcome.loading = loading
            self.welcome.set_hint(Hint.NONE)

    # -- texts with a count -------------------------------------------------------------
    # lupdate takes a plural form only from a tr() call, and gives a tr() call the
    # context of the class it is written in: these stay here, in the window's context.

    def _wrong_pin(self, tries_left: int) -> str:
        return self.tr("Wrong PIN. %n more tries before a pause.", "", tries_left)

    def _locked_for(self, seconds: int) -> str:
        return self.tr("Too many wrong tries. Try again in %n seconds.", "", seconds)

    # -- Qt overrides -------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        roomy = event.size().height() >= 1000 and event.size().width() >= 1600
        if roomy != self._roomy:
            self._roomy = roomy
            self.setProperty("textSize", self._text_size())
            self._repolish()
        super().resizeEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        # A window destroyed from outside (a window manager, xkill) is hidden with no
        # close event: shown again, or the screen stays black while Kiosk runs on.
        super().hideEvent(event)
        if not self.allow_close:
            QTimer.singleShot(0, self._keep_shown)

    def _keep_shown(self) -> None:
        if self.allow_close or self.isVisible():
            return
        others = [w for w in QApplication.topLevelWidgets() if w is not self and w.isVisible()]
        if not others:  # not hidden for desk mode: nothing of Kiosk's is on screen
            log.warning("kiosk window lost from outside: shown again")
            self.showFullScreen()
            self.activateWindow()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # the guard's: kiosk mode is never minimised
