"""Self-service kiosk mode: guests check themselves in on a locked-down touchscreen."""

from __future__ import annotations

import random

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLineEdit, QWidget

from kiosk.config import KioskSettings
from kiosk.domain import Status
from kiosk.pin import PinThrottle
from kiosk.services.checkin import CheckinService
from kiosk.services.selfservice import Policy, SelfCheckin
from kiosk.ui.qt_async import TaskSet
from kiosk.ui.selfservice.desk_lock import DeskLock
from kiosk.ui.selfservice.sound import Chime
from kiosk.ui.selfservice.window import SelfServiceWindow, Timings
from kiosk.ui.translations import Translations
from kiosk.ui.viewmodel import CheckinViewModel

__all__ = ["SelfServiceWindow", "Timings", "attach_desk", "build_selfservice", "policy_of"]

#: In desk mode, back to self-service (entering kiosk mode needs no PIN; leaving does).
BACK_TO_KIOSK = QKeySequence("Ctrl+Shift+K")


def policy_of(settings: KioskSettings) -> Policy:
    return Policy(allowed=frozenset(Status(value) for value in settings.self_checkin))


def build_selfservice(
    service: CheckinService,
    vm: CheckinViewModel,
    tasks: TaskSet,
    translations: Translations,
    settings: KioskSettings,
    *,
    timings: Timings | None = None,
    throttle: PinThrottle | None = None,
    chime: Chime | None = None,
    rng: random.Random | None = None,
) -> SelfServiceWindow:
    """The kiosk window on the desk's service and view-model (one outbox, sync, search)."""
    checkin = SelfCheckin(service, policy_of(settings), rng=rng)
    return SelfServiceWindow(
        vm,
        checkin,
        tasks,
        translations,
        settings=settings,
        timings=timings,
        throttle=throttle,
        chime=chime,
    )


def attach_desk(
    kiosk: SelfServiceWindow, desk: QWidget, translations: Translations, desk_language: str
) -> None:
    """Staff open desk mode from the kiosk's staff menu (after the PIN) and go back to
    self-service with the button on screen or Ctrl+Shift+K; left untouched for the
    kiosk's idle time, the desk locks back to self-service by itself."""

    def to_desk() -> None:
        kiosk.hide()
        translations.use(desk_language)
        desk.show()
        desk.raise_()
        desk.activateWindow()
        lock.start()

    def to_kiosk() -> None:
        if not desk.isVisible():
            return
        search = desk.findChild(QLineEdit, "searchField")
        if search is not None:
            search.clear()  # what staff looked up is not left for the next visit
        desk.hide()
        kiosk.reset()
        kiosk.showFullScreen()
        kiosk.activateWindow()

    lock = DeskLock(desk, kiosk.timings.idle, to_kiosk)
    kiosk.desk_requested.connect(to_desk)
    QShortcut(BACK_TO_KIOSK, desk).activated.connect(lock.lock)
