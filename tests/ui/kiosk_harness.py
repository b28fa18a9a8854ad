"""The self-service kiosk on the sandbox for widget tests: the ``make_kiosk`` fixture
(tests/ui/conftest.py offers it to every test) and what a guest does at it."""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QWidget

from kiosk.app import Desk
from kiosk.config import KioskSettings
from kiosk.domain import Guest, Status
from kiosk.pin import PinThrottle, hash_pin
from kiosk.sandbox import Sandbox
from kiosk.search import fold
from kiosk.services.selfservice import card_of
from kiosk.ui.selfservice import SelfServiceWindow, Timings, build_selfservice
from kiosk.ui.selfservice.sound import Chime
from kiosk.ui.theme import stylesheet
from kiosk.ui.translations import Translations

PIN = "2468"
FAST = Timings(idle=0.6, done=0.3, desk=0.3, taps=4.0)


class Clock:
    """The PIN throttle's clock, moved by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@dataclasses.dataclass
class Kiosk:
    desk: Desk
    window: SelfServiceWindow
    clock: Clock
    played: list[str]
    translations: Translations

    @property
    def guests(self) -> list[Guest]:
        return self.desk.service.index.all()

    def page(self) -> str:
        page = self.window.pages.currentWidget()
        assert page is not None
        return page.objectName()


@pytest.fixture
def make_kiosk(make_desk: Any, sandbox: Sandbox, qtbot: Any, qapp: QApplication) -> Iterator[Any]:
    made: list[Kiosk] = []
    qapp.setStyleSheet(stylesheet())  # as the app does; font sizes and colours need it

    def make(
        platform: str = "sheepcrm",
        *,
        timings: Timings = FAST,
        settings: KioskSettings | None = None,
    ) -> Kiosk:
        desk = make_desk(platform, sandbox.info[platform])
        # The first roster is indexed in slices after the event is known: wait for it.
        qtbot.wait_until(lambda: desk.service.roster_saved_at is not None, timeout=15_000)
        clock = Clock()
        translations = Translations(qapp)
        settings = settings or KioskSettings(enabled=True, pin_hash=hash_pin(PIN, n=16))
        chime = Chime(muted=not settings.sound)
        played: list[str] = []
        chime.played.connect(played.append)
        window = build_selfservice(
            desk.service,
            desk.vm,
            desk_tasks(desk),
            translations,
            settings,
            timings=timings,
            throttle=PinThrottle(free_tries=3, base=30, clock=clock),
            chime=chime,
            rng=random.Random(7),
        )
        window.clock = clock
        chime.setParent(window)
        window.resize(1280, 800)
        desk.window.hide()  # as in the app: kiosk mode shows only the kiosk
        window.show()
        window.activateWindow()
        qtbot.wait_until(window.isActiveWindow)
        kiosk = Kiosk(desk, window, clock, played, translations)
        made.append(kiosk)
        return kiosk

    yield make
    for kiosk in made:
        kiosk.window.allow_close = True
        kiosk.window.close()
        kiosk.window.deleteLater()
        kiosk.translations.uninstall()
    qapp.setStyleSheet("")


def desk_tasks(desk: Desk) -> Any:
    return desk.vm._tasks


# -- helpers ------------------------------------------------------------------------------


def type_in(qtbot: Any, widget: QWidget, text: str, enter: bool = True) -> None:
    """Type like a guest on a physical keyboard (QtTest needs ASCII: accents are folded,
    which the search ignores anyway)."""
    qtbot.keyClicks(widget, fold(text))
    if enter:
        qtbot.keyClick(widget, Qt.Key.Key_Return)


def focused(qapp: QApplication) -> QWidget:
    widget = qapp.focusWidget()
    assert widget is not None
    return widget


def press_enter_on_focus(qtbot: Any, qapp: QApplication) -> None:
    qtbot.keyClick(focused(qapp), Qt.Key.Key_Return)


def all_text(window: QWidget) -> str:
    """Everything any widget of the window holds as text, shown or not."""
    parts: list[str] = []
    for widget in (window, *window.findChildren(QWidget)):
        parts += [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
        if isinstance(widget, QLabel | QPushButton):
            parts.append(widget.text())
        if isinstance(widget, QLineEdit):
            parts += [widget.text(), widget.placeholderText()]
    return "\n".join(p for p in parts if p)


def visible_text(window: QWidget) -> str:
    parts: list[str] = []
    for widget in window.findChildren(QLabel) + window.findChildren(QPushButton):
        if widget.isVisible():
            parts.append(widget.text())
    for edit in window.findChildren(QLineEdit):
        if edit.isVisible():
            parts.append(edit.text())
    return "\n".join(p for p in parts if p)


def unique_last_name(guests: list[Guest], status: Status, **want: Any) -> Guest:
    """A guest whose last name nobody else's starts with or equals."""
    names = [fold(g.last_name) for g in guests]
    for guest in guests:
        mine = fold(guest.last_name)
        if guest.status is not status or len(mine) < 4 or not mine.isascii():
            continue
        if any(getattr(guest, k) != v for k, v in want.items()):
            continue
        if sum(1 for n in names if n == mine or n.startswith(mine) or mine in n.split()) == 1:
            return guest
    raise AssertionError(f"no guest with a unique last name and status {status}")


def reach_confirm(kiosk: Kiosk, qtbot: Any, guest: Guest) -> bool:
    """Type the guest's last name and answer every question with their own details, as
    they would; True when the kiosk then asks 'Is this you?' about them."""
    window = kiosk.window
    window.reset()
    type_in(qtbot, window.welcome.field, guest.last_name)
    if kiosk.page() == "factorPage" and window.factor.factor.value == "initial":
        type_in(qtbot, window.factor.field, fold(guest.first_name)[:1], enter=False)
    if kiosk.page() == "factorPage":
        type_in(qtbot, window.factor.field, fold(guest.email)[:6])
    if kiosk.page() == "choosePage":
        mine = [b for b in window.choose.choices if card_of(guest).name in b.text()]
        if len(mine) != 1:
            return False
        mine[0].click()
    card = window.confirm.card.card
    return kiosk.page() == "confirmPage" and card is not None and card.guest_id == guest.id


def confirm_someone(kiosk: Kiosk, qtbot: Any, status: Status) -> Guest:
    """Bring a guest of ``status`` whose name QtTest can type to 'Is this you?'."""
    for guest in kiosk.guests:
        typable = fold(guest.last_name).isascii() and fold(guest.email).isascii()
        if guest.status is status and typable and reach_confirm(kiosk, qtbot, guest):
            return guest
    raise AssertionError(f"no {status} guest can be confirmed")


def attended_on_platform(sandbox: Sandbox, platform: str, guest: Guest) -> bool:
    if platform == "sheepcrm":
        return bool(sandbox.sheepcrm_session(guest.id)["status"] == "attended")
    return int(sandbox.attendu_guest(guest.id)["status"]["attendance"]) > 0


def answer_the_question(kiosk: Kiosk, qtbot: Any, guest: Guest) -> None:
    """The second question after a name (issue 17: always one), answered as the guest
    would: the start of their email, or their first initial."""
    window = kiosk.window
    while kiosk.page() == "factorPage":
        if window.factor.factor.value == "initial":
            type_in(qtbot, window.factor.field, fold(guest.first_name)[:1], enter=False)
        else:
            type_in(qtbot, window.factor.field, fold(guest.email)[:6])
