"""Self-service kiosk mode, walked as a guest would (keyboard and touch) against the
sandbox over real HTTP: success, second factor, the desk, unknown tickets, the idle
reset, the staff PIN and its throttle, and a window that cannot be left."""

from __future__ import annotations

import dataclasses
import time
from collections import Counter
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QWidget

from kiosk.config import KioskSettings
from kiosk.domain import Status
from kiosk.pin import hash_pin
from kiosk.sandbox import Sandbox
from kiosk.search import fold
from kiosk.services.selfservice import card_of, mask_email
from kiosk.ui.selfservice import attach_desk
from kiosk.ui.selfservice.sound import Chime
from tests.ui.kiosk_harness import (  # the harness moved out; the tests stay
    FAST,
    PIN,
    Kiosk,
    all_text,
    answer_the_question,
    attended_on_platform,
    confirm_someone,
    focused,
    press_enter_on_focus,
    type_in,
    unique_last_name,
    visible_text,
)

# -- the flow ---------------------------------------------------------------------------


@pytest.mark.parametrize("platform", ["sheepcrm", "attendu"])
def test_a_guest_checks_in_by_keyboard_alone(
    make_kiosk: Any, sandbox: Sandbox, qtbot: Any, qapp: QApplication, platform: str
) -> None:
    kiosk = make_kiosk(platform)
    window = kiosk.window
    extra = {"language": "en"} if platform == "attendu" else {}
    guest = unique_last_name(kiosk.guests, Status.ACCEPTED, **extra)
    assert focused(qapp) is window.welcome.field
    type_in(qtbot, focused(qapp), guest.last_name)
    assert kiosk.page() == "factorPage"  # always a second question (issue 17)
    assert card_of(guest).name not in visible_text(window)
    answer_the_question(kiosk, qtbot, guest)
    assert kiosk.page() == "confirmPage"
    card = card_of(guest)
    shown = visible_text(window)
    assert card.name in shown
    assert guest.last_name not in shown  # only the initial
    if guest.email:
        assert mask_email(guest.email) in shown
        assert guest.email not in all_text(window)
    assert focused(qapp) is window.confirm.yes
    press_enter_on_focus(qtbot, qapp)
    assert kiosk.page() == "donePage"
    assert f"You're checked in, {guest.first_name}!" in visible_text(window)
    assert kiosk.played == ["success"]
    # Saved on this kiosk first, then delivered to the platform over HTTP.
    qtbot.wait_until(lambda: attended_on_platform(sandbox, platform, guest), timeout=10_000)
    # ... and back to the start by itself.
    qtbot.wait_until(lambda: kiosk.page() == "welcomePage", timeout=5000)
    assert guest.first_name not in all_text(window)


def test_party_size_and_the_organisers_next_step_show_on_success(
    make_kiosk: Any, qtbot: Any, qapp: QApplication
) -> None:
    settings = KioskSettings(pin_hash=hash_pin(PIN, n=16), next_step="Badges are on table 2.")
    kiosk = make_kiosk("sheepcrm", settings=settings)
    party = [g for g in kiosk.guests if g.status is Status.ACCEPTED and g.party_size > 1]
    if not party:
        pytest.skip("the sandbox roster has no accepted guest with plus-ones")
    index = kiosk.desk.service.index
    guest = next(g for g in party if len(index.lookup_code(g.ticket)) == 1)
    kiosk.window.go(kiosk.window.checkin.begin(guest.ticket))  # a scan
    assert kiosk.page() == "confirmPage"
    assert f"Party of {guest.party_size}" in visible_text(kiosk.window)
    kiosk.window.confirm.yes.click()
    shown = visible_text(kiosk.window)
    assert "Badges are on table 2." in shown
    guests = guest.party_size - 1
    assert f"your {guests} guest{'s' if guests > 1 else ''}." in shown


def test_a_scanned_ticket_code_and_enter_find_the_guest(
    make_kiosk: Any, qtbot: Any, qapp: QApplication
) -> None:
    # A keyboard-wedge scanner types the code and Enter into the focused field.
    kiosk = make_kiosk("sheepcrm")
    guest = next(g for g in kiosk.guests if g.status is Status.INVITED and g.ticket)
    type_in(qtbot, kiosk.window.welcome.field, guest.ticket)
    assert kiosk.page() == "confirmPage"
    assert kiosk.window.confirm.card.card is not None
    assert kiosk.window.confirm.card.card.guest_id == guest.id


def test_several_matches_ask_a_second_factor_before_showing_anyone(
    make_kiosk: Any, qtbot: Any, qapp: QApplication
) -> None:
    kiosk = make_kiosk("sheepcrm")
    window = kiosk.window
    families = Counter(fold(g.last_name) for g in kiosk.guests)
    name = next(n for n, count in families.most_common() if count >= 3 and n.isascii())
    family = [g for g in kiosk.guests if fold(g.last_name) == name]
    # Someone the kiosk can single out: no other guest it would consider reads the
    # same on a card (those go to the desk, tested in the rules' unit tests).
    considered = [g for g in kiosk.guests if name in fold(g.last_name)]

    def reads_as(guest: Any) -> tuple[str, str]:
        return card_of(guest).name, card_of(guest).email

    target = next(
        g
        for g in family
        if g.status in (Status.ACCEPTED, Status.INVITED)
        and [reads_as(c) for c in considered].count(reads_as(g)) == 1
    )
    type_in(qtbot, window.welcome.field, name)
    assert kiosk.page() == "factorPage"
    shown = all_text(window)
    for relative in family:  # nobody is shown before the second factor
        assert card_of(relative).name not in shown
        assert relative.first_name not in shown
    # The guest answers with their own details until the kiosk knows them.
    type_in(qtbot, window.factor.field, fold(target.first_name)[0], enter=False)
    if kiosk.page() == "factorPage":
        type_in(qtbot, window.factor.field, fold(target.email)[:5])
    if kiosk.page() == "choosePage":
        names = [b.accessibleName() for b in window.choose.choices]
        assert 2 <= len(names) <= 3
        card = card_of(target)  # the whole card: two guests may share a name
        chosen = next(
            b
            for b in window.choose.choices
            if card.name in b.text() and (not card.email or card.email in b.text())
        )
        chosen.click()
    assert kiosk.page() == "confirmPage"
    assert window.confirm.card.card is not None
    assert window.confirm.card.card.guest_id == target.id
    window.confirm.yes.click()
    assert kiosk.page() == "donePage"


def test_a_wrong_second_factor_sends_to_the_desk(make_kiosk: Any, qtbot: Any) -> None:
    kiosk = make_kiosk("sheepcrm")
    families = Counter(fold(g.last_name) for g in kiosk.guests)
    name = next(n for n, count in families.most_common() if count >= 2 and n.isascii())
    initials = {fold(g.first_name)[:1] for g in kiosk.guests if fold(g.last_name) == name}
    absent = next(c for c in "qxzjvwyk" if c not in initials)
    type_in(qtbot, kiosk.window.welcome.field, name)
    assert kiosk.page() == "factorPage"
    type_in(qtbot, kiosk.window.factor.field, absent, enter=False)
    assert kiosk.page() == "deskPage"
    assert kiosk.window.desk.reference.text().startswith("M-")


def test_a_declined_guest_is_sent_to_the_desk_with_a_reference(
    make_kiosk: Any, sandbox: Sandbox, qtbot: Any, qapp: QApplication
) -> None:
    kiosk = make_kiosk("sheepcrm")
    sandbox.clear_requests()
    guest = next(g for g in kiosk.guests if g.status is Status.DECLINED and g.ticket)
    type_in(qtbot, kiosk.window.welcome.field, guest.ticket)  # the ticket: theirs
    assert kiosk.page() == "confirmPage"
    assert focused(qapp) is kiosk.window.confirm.yes
    press_enter_on_focus(qtbot, qapp)  # "Yes, check me in"
    assert kiosk.page() == "deskPage"
    shown = visible_text(kiosk.window)
    assert "Please see the staff desk" in shown
    assert "declined" in shown
    reference = kiosk.window.desk.reference.text()
    assert reference.startswith("D-")
    assert len(reference) == 6
    assert kiosk.played == ["attention"]
    assert kiosk.desk.service.outbox.pending() == []
    assert not [r for r in sandbox.requests() if r.method in ("PUT", "POST", "PATCH")]
    qtbot.wait_until(lambda: kiosk.page() == "welcomePage", timeout=5000)


@pytest.mark.parametrize("status", [Status.DECLINED, Status.ATTENDED])
def test_by_name_a_guests_status_is_never_said(
    make_kiosk: Any, qtbot: Any, qapp: QApplication, status: Status
) -> None:
    """Issue 17: a stranger who typed a name learnt "our list says you declined" or
    "you were checked in at 09:06". By name, only 'please see the desk' is said."""
    kiosk = make_kiosk("sheepcrm")
    guest = confirm_someone(kiosk, qtbot, status)
    press_enter_on_focus(qtbot, qapp)
    assert kiosk.page() == "deskPage"
    shown = visible_text(kiosk.window)
    assert "Please see the staff desk" in shown
    assert "declined" not in shown
    assert "already checked in" not in shown
    assert "checked in at" not in shown
    if guest.changed_at is not None:
        assert guest.changed_at.astimezone().strftime("%H:%M") not in shown
    assert kiosk.window.desk.reference.text().startswith("K-")


def test_an_already_attended_guest_is_told_so(
    make_kiosk: Any, qtbot: Any, qapp: QApplication
) -> None:
    kiosk = make_kiosk("sheepcrm")
    guest = next(g for g in kiosk.guests if g.status is Status.ATTENDED and g.ticket)
    type_in(qtbot, kiosk.window.welcome.field, guest.ticket)  # the ticket: theirs
    press_enter_on_focus(qtbot, qapp)
    assert kiosk.page() == "deskPage"
    assert "You're already checked in" in visible_text(kiosk.window)
    assert kiosk.window.desk.reference.text().startswith("A-")


def test_an_unknown_ticket_is_sent_to_the_desk(
    make_kiosk: Any, qtbot: Any, qapp: QApplication
) -> None:
    kiosk = make_kiosk("sheepcrm")
    type_in(qtbot, kiosk.window.welcome.field, "KSK-ZZZZ-9999")
    assert kiosk.page() == "deskPage"
    assert "Ticket not recognised" in visible_text(kiosk.window)
    assert kiosk.window.desk.reference.text().startswith("T-")
    assert kiosk.window.desk.retry.isVisible()
    assert focused(qapp) is kiosk.window.desk.retry
    press_enter_on_focus(qtbot, qapp)
    assert kiosk.page() == "welcomePage"


def test_too_short_a_name_looks_nothing_up(make_kiosk: Any, qtbot: Any) -> None:
    kiosk = make_kiosk("sheepcrm")
    type_in(qtbot, kiosk.window.welcome.field, "Ko")
    assert kiosk.page() == "welcomePage"
    assert "at least 3 letters" in visible_text(kiosk.window)


def test_not_me_goes_back_and_forgets(make_kiosk: Any, qtbot: Any, qapp: QApplication) -> None:
    kiosk = make_kiosk("sheepcrm")
    guest = unique_last_name(kiosk.guests, Status.ACCEPTED)
    type_in(qtbot, kiosk.window.welcome.field, guest.last_name)
    answer_the_question(kiosk, qtbot, guest)
    qtbot.keyClick(focused(qapp), Qt.Key.Key_Tab)
    assert focused(qapp) is kiosk.window.confirm.no
    press_enter_on_focus(qtbot, qapp)
    assert kiosk.page() == "welcomePage"
    assert "Try again" in visible_text(kiosk.window)
    assert card_of(guest).name not in all_text(kiosk.window)


# -- privacy ----------------------------------------------------------------------------


def test_idle_clears_everything_of_the_last_guest(
    make_kiosk: Any, qtbot: Any, qapp: QApplication
) -> None:
    kiosk = make_kiosk("attendu")
    window = kiosk.window
    guest = unique_last_name(kiosk.guests, Status.ACCEPTED)
    window.set_language("de", by_guest=True)
    type_in(qtbot, window.welcome.field, guest.last_name)
    answer_the_question(kiosk, qtbot, guest)
    assert kiosk.page() == "confirmPage"
    traces = [guest.first_name, card_of(guest).name, fold(guest.last_name), guest.ticket]
    if guest.email:
        traces.append(mask_email(guest.email))
    assert any(trace in all_text(window) for trace in traces)
    # Nobody touches the kiosk: it goes back to the start.
    qtbot.wait_until(lambda: kiosk.page() == "welcomePage", timeout=5000)
    leftover = all_text(window)
    for trace in traces:
        assert trace not in leftover
    assert window.welcome.field.text() == ""
    assert window.factor.field.text() == ""
    assert window.pin.field.text() == ""
    assert window.choose.choices == []
    assert kiosk.translations.language == "en"  # the guest's language choice is gone too
    assert window.checkin.confirm().__class__.__name__ == "Welcome"  # nobody to confirm


def test_idle_on_a_half_typed_name_and_a_choice_clears_them(make_kiosk: Any, qtbot: Any) -> None:
    kiosk = make_kiosk("sheepcrm")
    window = kiosk.window
    type_in(qtbot, window.welcome.field, "Smi", enter=False)
    qtbot.wait_until(lambda: window.welcome.field.text() == "", timeout=5000)
    families = Counter(fold(g.last_name) for g in kiosk.guests)
    name = next(n for n, count in families.most_common() if count >= 2 and n.isascii())
    type_in(qtbot, window.welcome.field, name)
    assert kiosk.page() == "factorPage"
    type_in(qtbot, window.factor.field, "", enter=False)
    qtbot.wait_until(lambda: kiosk.page() == "welcomePage", timeout=5000)
    assert name not in all_text(window).lower()


def test_touching_the_screen_keeps_it_from_going_idle(make_kiosk: Any, qtbot: Any) -> None:
    kiosk = make_kiosk("sheepcrm", timings=dataclasses.replace(FAST, idle=0.4))
    window = kiosk.window
    key = window.welcome.keyboard.letter_keys["S"]
    started = time.monotonic()
    for _ in range(6):
        # Each tap once the countdown has run a quarter down: together the taps take
        # longer than the idle time, which only they keep from running out.
        qtbot.wait_until(lambda: window.idle.remainingTime() < 300, timeout=2000)
        qtbot.mouseClick(key, Qt.MouseButton.LeftButton)
    assert time.monotonic() - started > 0.4
    assert window.welcome.field.text() == "SSSSSS"
    qtbot.wait_until(lambda: window.welcome.field.text() == "", timeout=5000)


def _walk_every_screen(kiosk: Kiosk, qtbot: Any) -> list[tuple[str, str, int]]:
    """Every screen a guest can reach: its name, all the text it holds, the choices."""
    window = kiosk.window
    seen: list[tuple[str, str, int]] = []
    window.step_shown.connect(
        lambda page: seen.append((page, all_text(window), len(window.choose.choices)))
    )
    guests = kiosk.guests
    families = Counter(fold(g.last_name) for g in guests)
    shared = next(n for n, count in families.most_common() if count >= 3 and n.isascii())
    for status in (Status.ACCEPTED, Status.DECLINED, Status.ATTENDED):
        confirm_someone(kiosk, qtbot, status)
        window.confirm.yes.click()
    for member in [g for g in guests if fold(g.last_name) == shared]:
        window.reset()
        type_in(qtbot, window.welcome.field, shared)
        type_in(qtbot, window.factor.field, fold(member.first_name)[0], enter=False)
        if window.pages.currentWidget() is window.factor:
            type_in(qtbot, window.factor.field, fold(member.email)[:3])
    window.reset()
    type_in(qtbot, window.welcome.field, "KSK-0000-0000")
    window.open_staff()
    window.reset()
    return seen


def test_no_screen_shows_more_than_one_guest_or_a_full_email(make_kiosk: Any, qtbot: Any) -> None:
    kiosk = make_kiosk("sheepcrm")
    roster = kiosk.guests
    seen = _walk_every_screen(kiosk, qtbot)
    pages = {page for page, _, _ in seen}
    assert {"welcomePage", "factorPage", "confirmPage", "donePage", "deskPage", "pinPage"} <= pages
    emails = [g.email for g in roster if g.email]
    cards = {card_of(g).name for g in roster}
    for page, text, choices in seen:
        assert not [email for email in emails if email in text], page
        shown = {name for name in cards if name in text}
        if page == "choosePage":
            assert 2 <= choices <= 3
        else:
            assert len(shown) <= 1, (page, shown)


# -- lock-down ----------------------------------------------------------------------------


def test_close_alt_f4_esc_and_shortcuts_do_not_leave(
    make_kiosk: Any, qtbot: Any, qapp: QApplication
) -> None:
    kiosk = make_kiosk("sheepcrm")
    window = kiosk.window
    left: list[str] = []
    window.exit_requested.connect(lambda: left.append("exit"))
    window.desk_requested.connect(lambda: left.append("desk"))
    assert window.close() is False
    ctrl = Qt.KeyboardModifier.ControlModifier
    for key, modifier in (
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Q, ctrl),
        (Qt.Key.Key_W, ctrl),
        (Qt.Key.Key_F4, ctrl),
        (Qt.Key.Key_Tab, Qt.KeyboardModifier.AltModifier),
    ):
        qtbot.keyClick(focused(qapp), key, modifier)
        qtbot.keyClick(window, key, modifier)
    window.showMinimized()
    qtbot.wait_until(lambda: not window.isMinimized(), timeout=5000)
    assert window.isVisible()
    assert left == []
    assert kiosk.page() == "welcomePage"


def test_esc_on_a_later_screen_starts_over(make_kiosk: Any, qtbot: Any, qapp: QApplication) -> None:
    kiosk = make_kiosk("sheepcrm")
    guest = unique_last_name(kiosk.guests, Status.ACCEPTED)
    type_in(qtbot, kiosk.window.welcome.field, guest.last_name)
    answer_the_question(kiosk, qtbot, guest)
    assert kiosk.page() == "confirmPage"
    qtbot.keyClick(focused(qapp), Qt.Key.Key_Escape)
    assert kiosk.page() == "welcomePage"
    assert kiosk.window.isVisible()


def _enter_pin(qtbot: Any, kiosk: Kiosk, pin: str) -> None:
    for digit in pin:
        qtbot.mouseClick(kiosk.window.pin.pad.digit_keys[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(kiosk.window.pin.pad.ok, Qt.MouseButton.LeftButton)


def test_wrong_pins_are_throttled_and_the_right_one_opens_the_staff_menu(
    make_kiosk: Any, qtbot: Any, qapp: QApplication
) -> None:
    # The pause is counted on the throttle's own clock; the idle time must outlast the
    # one-second ticks that show the pause is over.
    kiosk = make_kiosk("sheepcrm", timings=dataclasses.replace(FAST, idle=10))
    window = kiosk.window
    for _ in range(5):  # the hidden gesture: five taps in the top-right corner
        qtbot.mouseClick(window.staff_corner, Qt.MouseButton.LeftButton)
    assert kiosk.page() == "pinPage"
    message = window.pin.message
    _enter_pin(qtbot, kiosk, "1111")
    qtbot.wait_until(lambda: "2 more tries" in message.text(), timeout=5000)
    assert window.pin.field.text() == ""
    _enter_pin(qtbot, kiosk, "2222")
    qtbot.wait_until(lambda: "1 more try" in message.text(), timeout=5000)
    _enter_pin(qtbot, kiosk, "3333")
    qtbot.wait_until(lambda: "Too many wrong tries" in message.text(), timeout=5000)
    assert "30 seconds" in message.text()
    assert not window.pin.pad.ok.isEnabled()
    assert window.pin.field.isReadOnly()
    # Even the right PIN is not taken while the pause lasts.
    window.check_pin(PIN)
    assert kiosk.page() == "pinPage"
    assert "Too many wrong tries" in message.text()
    kiosk.clock.now += 30
    qtbot.wait_until(lambda: window.pin.pad.ok.isEnabled(), timeout=3000)
    _enter_pin(qtbot, kiosk, "4444")  # a wrong one now waits twice as long
    qtbot.wait_until(lambda: "60 seconds" in message.text(), timeout=5000)
    kiosk.clock.now += 60
    qtbot.wait_until(lambda: window.pin.pad.ok.isEnabled(), timeout=3000)
    _enter_pin(qtbot, kiosk, PIN)
    qtbot.wait_until(lambda: kiosk.page() == "staffPage", timeout=5000)
    assert kiosk.played.count("attention") == 4


def test_the_right_pin_by_keyboard_lets_staff_quit(
    make_kiosk: Any, qtbot: Any, qapp: QApplication
) -> None:
    kiosk = make_kiosk("sheepcrm")
    window = kiosk.window
    qtbot.keyClick(
        focused(qapp),
        Qt.Key.Key_F12,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert kiosk.page() == "pinPage"
    assert focused(qapp) is window.pin.field
    type_in(qtbot, window.pin.field, PIN)
    qtbot.wait_until(lambda: kiosk.page() == "staffPage", timeout=5000)
    assert focused(qapp) is window.staff.back
    qtbot.keyClick(focused(qapp), Qt.Key.Key_Tab)
    qtbot.keyClick(focused(qapp), Qt.Key.Key_Tab)
    assert focused(qapp) is window.staff.leave
    with qtbot.waitSignal(window.exit_requested, timeout=2000):
        press_enter_on_focus(qtbot, qapp)


def test_staff_open_desk_mode_and_go_back(make_kiosk: Any, qtbot: Any) -> None:
    kiosk = make_kiosk("sheepcrm")
    window = kiosk.window
    desk_window = kiosk.desk.window
    desk_window.hide()
    attach_desk(window, desk_window, kiosk.translations, "en")
    window.open_staff()
    type_in(qtbot, window.pin.field, PIN)
    qtbot.wait_until(lambda: kiosk.page() == "staffPage", timeout=5000)
    window.staff.open_desk.click()
    qtbot.wait_until(desk_window.isVisible, timeout=2000)
    assert not window.isVisible()
    desk_window.activateWindow()
    qtbot.wait_until(desk_window.isActiveWindow, timeout=2000)
    qtbot.keyClick(
        desk_window,
        Qt.Key.Key_K,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.wait_until(window.isVisible, timeout=2000)
    assert kiosk.page() == "welcomePage"


def test_the_pin_pad_goes_back_to_the_guests_when_left_alone(make_kiosk: Any, qtbot: Any) -> None:
    kiosk = make_kiosk("sheepcrm")
    kiosk.window.open_staff()
    type_in(qtbot, kiosk.window.pin.field, "12", enter=False)
    qtbot.wait_until(lambda: kiosk.page() == "welcomePage", timeout=5000)
    assert kiosk.window.pin.field.text() == ""


# -- touch, feedback, settings ----------------------------------------------------------


def test_the_on_screen_keyboard_types_and_every_target_is_large(
    make_kiosk: Any, qtbot: Any
) -> None:
    kiosk = make_kiosk("sheepcrm")
    window = kiosk.window
    guest = unique_last_name(kiosk.guests, Status.ACCEPTED)
    keyboard = window.welcome.keyboard
    for char in fold(guest.last_name).upper():
        key = keyboard.letter_keys.get(char) or next(
            k for k in keyboard.extra_keys if k.text() == char
        )
        qtbot.mouseClick(key, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(keyboard.backspace, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(
        keyboard.letter_keys[fold(guest.last_name)[-1].upper()], Qt.MouseButton.LeftButton
    )
    assert fold(window.welcome.field.text()) == fold(guest.last_name)
    qtbot.mouseClick(window.welcome.find_button, Qt.MouseButton.LeftButton)
    answer_the_question(kiosk, qtbot, guest)
    assert kiosk.page() == "confirmPage"
    for page in window.all_pages:
        window.pages.setCurrentWidget(page)
        for widget in page.findChildren(QPushButton) + page.findChildren(QLineEdit):
            if widget.isVisible():
                assert widget.height() >= 48, widget.objectName()
                assert widget.width() >= 48, widget.objectName()
    for button in window.language_buttons.values():
        assert button.height() >= 48


def test_sounds_can_be_muted_by_staff(make_kiosk: Any, qtbot: Any) -> None:
    kiosk = make_kiosk("sheepcrm")
    window = kiosk.window
    window.open_staff()
    type_in(qtbot, window.pin.field, PIN)
    qtbot.wait_until(lambda: kiosk.page() == "staffPage", timeout=5000)
    assert window.staff.sound.isChecked()
    window.staff.sound.click()
    window.staff.back.click()
    type_in(qtbot, window.welcome.field, "KSK-0000-0000")
    assert kiosk.page() == "deskPage"
    assert kiosk.played == []
    settings = KioskSettings(pin_hash=hash_pin(PIN, n=16), sound=False)
    assert make_kiosk("sheepcrm", settings=settings).window.chime.muted


def test_high_contrast_and_large_text(make_kiosk: Any, qtbot: Any) -> None:
    settings = KioskSettings(pin_hash=hash_pin(PIN, n=16), high_contrast=True, large_text=True)
    kiosk = make_kiosk("sheepcrm", settings=settings)
    window = kiosk.window
    title = window.welcome.title
    assert window.property("contrast") == "high"
    big = title.font().pointSizeF()
    bright = title.palette().color(title.foregroundRole()).lightness()
    window.set_large_text(False)
    window.set_high_contrast(False)
    assert title.font().pointSizeF() < big
    assert title.palette().color(title.foregroundRole()).lightness() < bright


# -- languages and accessibility ---------------------------------------------------------


def test_the_guest_switches_language_on_the_welcome_screen(make_kiosk: Any, qtbot: Any) -> None:
    kiosk = make_kiosk("sheepcrm")
    window = kiosk.window
    qtbot.mouseClick(window.language_buttons["cs"], Qt.MouseButton.LeftButton)
    assert window.welcome.title.text() == "Vítejte!"
    assert window.welcome.field.hasFocus()  # typing goes on in the field
    assert window.welcome.find_button.text() == "Najít mě"
    assert window.language_buttons["cs"].isChecked()
    assert window.welcome.keyboard.layout_name == "qwertz"
    qtbot.mouseClick(window.language_buttons["de"], Qt.MouseButton.LeftButton)
    assert window.welcome.body.text() == "Scannen Sie Ihr Ticket oder geben Sie Ihren Nachnamen ein"
    type_in(qtbot, window.welcome.field, "KSK-0000-0000")
    assert window.desk.title.text() == "Ticket nicht erkannt"
    window.reset()
    assert window.welcome.title.text() == "Welcome!"


def test_the_platforms_guest_language_is_used_when_known(make_kiosk: Any, qtbot: Any) -> None:
    kiosk = make_kiosk("attendu")
    window = kiosk.window
    guest = next(g for g in kiosk.guests if g.language == "cs" and g.status is Status.ACCEPTED)
    window.go(window.checkin.begin(guest.ticket))
    assert window.confirm.title.text() == "Jste to vy?"
    assert window.confirm.yes.accessibleName() == "Ano, zaregistrovat mě"
    window.confirm.yes.click()
    assert window.done.title.text() == f"Vítejte, {guest.first_name}! Registrace je hotová."
    window.reset()
    # A language the guest picked wins over the platform's.
    window.set_language("de", by_guest=True)
    window.go(window.checkin.begin(guest.ticket))
    assert window.confirm.title.text() == "Sind Sie das?"


def _accessible_tree(window: QWidget) -> list[Any]:
    from PySide6.QtGui import QAccessible

    root = QAccessible.queryAccessibleInterface(window)
    assert root is not None
    found: list[Any] = []
    pending = [root]
    while pending:
        node = pending.pop()
        found.append(node)
        pending.extend(node.child(i) for i in range(node.childCount()) if node.child(i))
    return found


def test_every_control_has_an_accessible_name_and_role(make_kiosk: Any, qtbot: Any) -> None:
    from PySide6.QtGui import QAccessible

    kiosk = make_kiosk("sheepcrm")
    window = kiosk.window
    guest = unique_last_name(kiosk.guests, Status.ACCEPTED)
    controls = {
        QAccessible.Role.Button,
        QAccessible.Role.EditableText,
        QAccessible.Role.CheckBox,
    }
    for reach in (
        lambda: None,
        lambda: type_in(qtbot, window.welcome.field, guest.last_name),
        lambda: window.confirm.yes.click(),
        window.open_staff,
    ):
        reach()
        nodes = [n for n in _accessible_tree(window) if not n.state().invisible]
        roles = {n.role() for n in nodes}
        assert roles & controls, kiosk.page()
        for node in nodes:
            if node.role() in controls:
                name = node.text(QAccessible.Text.Name)
                assert name.strip(), (kiosk.page(), node.object().objectName())
    # The welcome screen speaks to a screen reader as it reads to the eye.
    window.reset()
    names = {n.text(QAccessible.Text.Name) for n in _accessible_tree(window)}
    assert "Scan your ticket or type your last name" in names
    assert "Your last name or ticket code" in names
    assert "Čeština" in names


def test_a_scan_starts_over_with_that_ticket_wherever_the_focus_is(
    make_kiosk: Any, qtbot: Any, qapp: QApplication
) -> None:
    kiosk = make_kiosk("sheepcrm")
    window = kiosk.window
    first = confirm_someone(kiosk, qtbot, Status.ACCEPTED)
    # A pause longer than the scanner's gap between keys (by its clock): what the guest
    # typed is not part of the scan.
    typed = window.scanner.clock()
    qtbot.wait_until(lambda: window.scanner.clock() - typed > 2 * window.scanner.max_gap)
    window.scanner.min_chars = 6  # on: QtTest types as fast as a scanner
    second = next(
        g
        for g in kiosk.guests
        if g.id != first.id
        and g.ticket
        and len(kiosk.desk.service.index.lookup_code(g.ticket)) == 1
    )
    assert focused(qapp) is window.confirm.yes  # Enter would check the first guest in
    qtbot.keyClicks(focused(qapp), second.ticket)
    qtbot.keyClick(focused(qapp), Qt.Key.Key_Return)
    assert kiosk.page() == "confirmPage"
    assert window.confirm.card.card is not None
    assert window.confirm.card.card.guest_id == second.id
    assert kiosk.desk.service.outbox.pending() == []  # nobody was checked in by the scan


def test_the_outcome_sounds_are_in_the_resources(qapp: QApplication) -> None:
    import io
    import wave

    from PySide6.QtCore import QFile, QIODevice

    from kiosk.ui import resources_rc  # noqa: F401 - registers :/kiosk/...
    from kiosk.ui.selfservice.sound import Cue

    for cue in Cue:
        sound = QFile(f":/kiosk/sounds/{cue.value}.wav")
        assert sound.open(QIODevice.OpenModeFlag.ReadOnly), cue
        with wave.open(io.BytesIO(bytes(sound.readAll().data()))) as wav:
            assert 0.3 < wav.getnframes() / wav.getframerate() < 1.0  # short, not silent
        sound.close()
    # Without QtMultimedia (PySide6-Essentials) the system bell says it instead.
    chime = Chime()
    rung: list[str] = []
    chime.played.connect(rung.append)
    chime.play(Cue.ATTENTION)
    assert rung == ["attention"]
    chime.muted = True
    chime.play(Cue.SUCCESS)
    assert rung == ["attention"]


@pytest.mark.parametrize("large", [False, True])
def test_every_screen_fits_a_1280x800_touchscreen(make_kiosk: Any, qtbot: Any, large: bool) -> None:
    from kiosk.services.selfservice import AskFactor, Factor

    settings = KioskSettings(pin_hash=hash_pin(PIN, n=16), large_text=large, language="cs")
    window = make_kiosk("sheepcrm", settings=settings).window
    window.factor.show_step(AskFactor(Factor.EMAIL))  # the tallest: digits on the keyboard
    window.footer.show()
    assert window.minimumSizeHint().height() <= 800
    assert window.minimumSizeHint().width() <= 1280


def test_staff_settings_are_announced_for_keeping(make_kiosk: Any, qtbot: Any) -> None:
    kiosk = make_kiosk("sheepcrm")
    window = kiosk.window
    kept: list[KioskSettings] = []
    window.settings_changed.connect(kept.append)
    window.open_staff()
    type_in(qtbot, window.pin.field, PIN)
    qtbot.wait_until(lambda: kiosk.page() == "staffPage", timeout=5000)
    window.staff.sound.click()
    window.staff.contrast.click()
    window.staff.large.click()
    assert [(s.sound, s.high_contrast, s.large_text) for s in kept] == [
        (False, False, False),
        (False, True, False),
        (False, True, True),
    ]
    assert kept[-1].pin_hash == window.settings.pin_hash
    window.retranslate()  # re-showing the staff page announces nothing new
    assert len(kept) == 3
