"""The desk window against the sandbox over real HTTP: search, keyboard and mouse,
what the platform received, refusals, an unreachable platform, and a loop that never
stalls while a change waits."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton

from kiosk.app import Desk
from kiosk.backends.base import Roster
from kiosk.domain import Status
from kiosk.domain.status import ORDER
from kiosk.sandbox import Faults, Sandbox
from kiosk.search import fold
from kiosk.services.checkin import Delivery
from kiosk.ui.results_view import ResultsView
from kiosk.ui.theme import stylesheet
from kiosk.ui.translations import Translations
from kiosk.ui.widgets import STATUS_COLOURS, status_label

SHORTCUT_KEYS = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5]


def _search(desk: Desk) -> QLineEdit:
    found = desk.window.findChild(QLineEdit, "searchField")
    assert found is not None
    return found


def _results(desk: Desk) -> ResultsView:
    found = desk.window.findChild(ResultsView, "resultsView")
    assert found is not None
    return found


def _button(desk: Desk, status: Status) -> QPushButton:
    found = desk.window.findChild(QPushButton, f"status-{status.wire}")
    assert found is not None
    return found


def _shown_names(desk: Desk) -> list[str]:
    model = _results(desk).model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def _select_guest_with(desk: Desk, qtbot: Any, status_not: Status) -> str:
    """Type a guest's last name and leave them selected; returns their id."""
    guest = next(g for g in desk.service.index.all() if g.status is not status_not and g.last_name)
    search = _search(desk)
    search.clear()
    qtbot.keyClicks(search, guest.email)
    assert desk.window.selected_guest_id() == guest.id
    # The pane follows the list a moment later (one frame): as a person, look first.
    qtbot.wait_until(lambda: desk.window.details.guest_id == guest.id, timeout=2000)
    return guest.id


def _puts(sandbox: Sandbox) -> list[Any]:
    return [r for r in sandbox.requests(platform="sheepcrm") if r.method == "PUT"]


def test_window_contract(make_desk: Any, sandbox: Sandbox) -> None:
    desk = make_desk("sheepcrm", sandbox.info["sheepcrm"])
    window = desk.window
    assert window.windowTitle().startswith("Kiosk")
    for name in ("searchField", "resultsView", "guestDetails", "statusPicker", "syncIndicator"):
        assert window.findChild(object, name) is not None, name
    for status in ORDER:
        assert _button(desk, status).accessibleName()
    assert QApplication.focusWidget() is _search(desk) or _search(desk).hasFocus()
    assert len(_shown_names(desk)) == len(desk.service.index) > 0


def test_typing_filters_the_list(make_desk: Any, sandbox: Sandbox, qtbot: Any) -> None:
    desk = make_desk("sheepcrm", sandbox.info["sheepcrm"])
    everyone = len(_shown_names(desk))
    target = desk.service.index.all()[len(desk.service.index) // 2]
    # Typed without diacritics, as at a desk keyboard (QtTest types ASCII only anyway).
    qtbot.keyClicks(_search(desk), fold(target.last_name)[:4])
    names = _shown_names(desk)
    assert 0 < len(names) < everyone
    assert any(target.name in name for name in names)
    qtbot.keyClicks(_search(desk), "zzzzqqq")
    assert _shown_names(desk) == []


def test_keyboard_moves_opens_and_escapes(make_desk: Any, sandbox: Sandbox, qtbot: Any) -> None:
    desk = make_desk("sheepcrm", sandbox.info["sheepcrm"])
    search, results = _search(desk), _results(desk)
    assert results.selected_row() == 0
    qtbot.keyClick(search, Qt.Key.Key_Down)
    qtbot.keyClick(search, Qt.Key.Key_Down)
    qtbot.keyClick(search, Qt.Key.Key_Up)
    assert results.selected_row() == 1
    shown = desk.service.guest(desk.window.selected_guest_id() or "")
    assert shown is not None
    name_label = desk.window.findChild(QLabel, "guestName")
    assert name_label is not None
    qtbot.wait_until(lambda: shown.name in name_label.text(), timeout=2000)  # a frame later
    qtbot.keyClick(search, Qt.Key.Key_Return)
    focused = QApplication.focusWidget()
    assert isinstance(focused, QPushButton)
    assert focused.objectName().startswith("status-")
    qtbot.keyClicks(focused, "")  # focus stays in the picker
    qtbot.keyClick(focused, Qt.Key.Key_Escape)
    assert search.hasFocus()
    qtbot.keyClicks(search, "abc")
    qtbot.keyClick(search, Qt.Key.Key_Escape)
    assert search.text() == ""


@pytest.mark.parametrize("index", range(5))
def test_ctrl_number_sets_each_status_on_sheepcrm(
    make_desk: Any, sandbox: Sandbox, qtbot: Any, index: int
) -> None:
    status = ORDER[index]
    desk = make_desk("sheepcrm", sandbox.info["sheepcrm"])
    guest_id = _select_guest_with(desk, qtbot, status_not=status)
    guest = desk.service.guest(guest_id)
    assert guest is not None
    sandbox.clear_requests()
    qtbot.keyClick(_search(desk), SHORTCUT_KEYS[index], Qt.KeyboardModifier.ControlModifier)
    # Shown at once, before the platform answers.
    assert desk.service.guest(guest_id).status is status
    qtbot.wait_until(
        lambda: (
            (s := desk.service.sync_state(guest_id)) is not None and s.delivery is Delivery.SYNCED
        ),
        timeout=10_000,
    )
    [put] = _puts(sandbox)
    query = dict(
        parse_qsl(
            put.query_string if isinstance(put.query_string, str) else put.query_string.decode()
        )
    )
    assert query == {"person_uri": guest.platform_ref, "status": status.wire}
    assert put.headers["authorization"] == f"Bearer {sandbox.info['sheepcrm']['api_key']}"
    assert put.json is None
    assert urlsplit(put.path).path.endswith(
        f"/booking/{sandbox.info['sheepcrm']['event']}/attendance"
    )
    sync = desk.window.findChild(QLabel, "syncText")
    assert sync is not None
    assert "synced" in sync.text()


def _pill_pixels(desk: Desk, row: int, status: Status) -> int:
    """How many pixels of the row's status cell, as painted, have ``status``'s colour."""
    results = _results(desk)
    cell = results.visualRect(results.model().index(row, desk.window.model.STATUS))
    image = results.viewport().grab(cell).toImage()
    colour = QColor(STATUS_COLOURS[status]).rgb()
    y = image.height() // 2
    return sum(image.pixel(x, y) == colour for x in range(image.width()))


def test_the_list_paints_a_new_status_in_the_row_at_once(
    make_desk: Any, sandbox: Sandbox, qtbot: Any
) -> None:
    """The list paints from a per-row cache and copies each status pill from a cache:
    a change must still show in the row, in the new word and colour, at once."""
    desk = make_desk("sheepcrm", sandbox.info["sheepcrm"])
    guest_id = _select_guest_with(desk, qtbot, status_not=Status.DECLINED)
    before = desk.service.guest(guest_id)
    assert before is not None
    row = desk.window.model.row_of(guest_id)
    assert row is not None
    status_cell = desk.window.model.index(row, desk.window.model.STATUS)
    assert _pill_pixels(desk, row, before.status) > 20
    qtbot.keyClick(_search(desk), Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert status_cell.data() == status_label(Status.DECLINED)
    assert _pill_pixels(desk, row, Status.DECLINED) > 20
    assert _pill_pixels(desk, row, before.status) == 0


def _cell_colours(desk: Desk, row: int, column: int) -> Counter[int]:
    """The colours of a row's cell as the list paints it (its middle line of pixels)."""
    results = _results(desk)
    image = results.viewport().grab(results.visualRect(results.model().index(row, column)))
    picture = image.toImage()
    y = picture.height() // 2
    return Counter(picture.pixel(x, y) for x in range(picture.width()))


def test_the_list_paints_rows_texts_and_the_selection(make_desk: Any, sandbox: Sandbox) -> None:
    """The list paints its rows itself: the selected row in the selection colour from
    edge to edge, the others alternating, and every row's name, email and ticket."""
    desk = make_desk("sheepcrm", sandbox.info["sheepcrm"])
    results = _results(desk)
    assert results.model().rowCount() >= 4
    results.selectRow(1)
    palette = results.palette()
    group = palette.ColorGroup.Active if results.isActiveWindow() else palette.ColorGroup.Inactive
    highlight = palette.color(group, palette.ColorRole.Highlight).rgb()
    alternate = palette.color(group, palette.ColorRole.AlternateBase).rgb()
    base = palette.color(group, palette.ColorRole.Base).rgb()
    assert len({highlight, alternate, base}) == 3

    def background(colours: Counter[int]) -> int:
        return colours.most_common(1)[0][0]

    for column in (desk.window.model.NAME, desk.window.model.EMAIL, desk.window.model.TICKET):
        selected, plain, odd = (_cell_colours(desk, row, column) for row in (1, 2, 3))
        assert (background(selected), background(plain), background(odd)) == (
            highlight,
            base,
            alternate,
        )
        # The text: colours beyond the background (glyphs and their anti-aliasing).
        for colours in (selected, plain, odd):
            assert len(colours) > 3
    results.selectRow(2)
    assert background(_cell_colours(desk, 2, desk.window.model.EMAIL)) == highlight
    assert background(_cell_colours(desk, 1, desk.window.model.EMAIL)) == alternate


def test_enter_right_after_typing_opens_the_typed_guest_not_the_last_shown(
    make_desk: Any, sandbox: Sandbox, qtbot: Any
) -> None:
    """The pane follows the list a frame later; a person (or a scanner) who presses
    Enter at once still gets the guest they typed, and a status set from the picker
    goes to that guest."""
    desk = make_desk("sheepcrm", sandbox.info["sheepcrm"])
    everyone = desk.service.index.all()
    first = everyone[0]  # selected, and shown in the pane, at the start
    typed = next(g for g in everyone[1:] if g.status is not Status.DECLINED and g.email)
    qtbot.wait_until(lambda: desk.window.details.guest_id == first.id, timeout=2000)
    search = _search(desk)
    search.clear()
    qtbot.keyClicks(search, typed.email)
    qtbot.keyClick(search, Qt.Key.Key_Return)  # no wait: the pane may not have caught up
    assert desk.window.details.guest_id == typed.id
    qtbot.mouseClick(_button(desk, Status.DECLINED), Qt.MouseButton.LeftButton)
    qtbot.wait_until(
        lambda: sandbox.sheepcrm_session(typed.id)["status"] == Status.DECLINED.wire,
        timeout=10_000,
    )
    assert desk.service.guest(first.id).status is first.status


def test_a_refresh_that_adds_guests_still_updates_the_selected_guest_in_the_pane(
    make_desk: Any, sandbox: Sandbox, qtbot: Any
) -> None:
    """A refresh that brings new guests says only "the roster changed": the pane must
    still show the selected guest's new status (found by review: it kept the old one)."""
    desk = make_desk("sheepcrm", sandbox.info["sheepcrm"])
    window, service = desk.window, desk.service
    qtbot.wait_until(lambda: window.details.guest_id is not None, timeout=3000)
    shown = service.guest(window.details.guest_id or "")
    assert shown is not None
    now = Status.DECLINED if shown.status is not Status.DECLINED else Status.INVITED
    newcomer = shown._replace(
        id="new-guest", platform_ref="new-guest", first_name="Zed", last_name="Zzyzx",
        email="zed@example.org", ticket="ZZ-1",
    )  # fmt: skip
    others = [g for g in service.index.all() if g.id != shown.id]
    refreshed = Roster(service.event, (newcomer, shown._replace(status=now), *others))
    merging = asyncio.ensure_future(service._merge(refreshed))  # what a refresh does
    qtbot.wait_until(merging.done, timeout=5000)
    assert window.selected_guest_id() == shown.id
    picker = window.details.picker.buttons
    qtbot.wait_until(lambda: picker[now].isChecked(), timeout=2000)
    assert not picker[shown.status].isChecked()


def test_mouse_sets_each_status_on_sheepcrm(make_desk: Any, sandbox: Sandbox, qtbot: Any) -> None:
    desk = make_desk("sheepcrm", sandbox.info["sheepcrm"])
    guest_id = _select_guest_with(desk, qtbot, status_not=Status.INVITED)
    for status in (
        Status.INVITED,
        Status.ACCEPTED,
        Status.DECLINED,
        Status.ATTENDED,
        Status.NO_SHOW,
    ):
        qtbot.mouseClick(_button(desk, status), Qt.MouseButton.LeftButton)
        qtbot.wait_until(
            lambda s=status: sandbox.sheepcrm_session(guest_id)["status"] == s.wire,
            timeout=10_000,
        )
        qtbot.wait_until(lambda s=status: _button(desk, s).isChecked(), timeout=10_000)
    statuses = [dict(r.query)["status"] for r in _puts(sandbox)]
    assert statuses == [s.wire for s in ORDER]


def test_attendu_attended_posts_a_check_in_and_invited_is_disabled(
    make_desk: Any, sandbox: Sandbox, qtbot: Any
) -> None:
    desk = make_desk("attendu", sandbox.info["attendu"])
    invited = _button(desk, Status.INVITED)
    assert not invited.isEnabled()
    reasons = desk.window.findChild(QLabel, "statusReasons")
    assert reasons is not None
    assert reasons.isVisible()
    assert "invited" in reasons.text().lower()
    guest_id = next(g.id for g in desk.service.index.all() if g.status is Status.ACCEPTED)
    guest = desk.service.guest(guest_id)
    assert guest is not None
    qtbot.keyClicks(_search(desk), guest.email)
    sandbox.clear_requests()
    qtbot.keyClick(_search(desk), Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait_until(
        lambda: (
            (s := desk.service.sync_state(guest_id)) is not None and s.delivery is Delivery.SYNCED
        ),
        timeout=10_000,
    )
    posts = [r for r in sandbox.requests(platform="attendu") if r.method == "POST"]
    assert len(posts) == 1
    assert posts[0].path.endswith(f"/v1/guests/{guest_id}/check-in")
    assert posts[0].json["incrementBy"] == guest.party_size
    assert posts[0].headers["x-api-key"] == sandbox.info["attendu"]["api_key"]
    assert sandbox.attendu_guest(guest_id)["status"]["attendance"] == guest.party_size


def test_unreachable_platform_shows_a_clear_state(make_desk: Any, qtbot: Any) -> None:
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    connection = {
        "base_url": f"http://127.0.0.1:{port}/sheepcrm",
        "bucket": "demo",
        "event": "6305f074683e800f3abe809e",
        "api_key": "k",
    }
    desk = make_desk("sheepcrm", connection, load=False)
    desk.vm.reload()
    banner = desk.window.banner
    qtbot.wait_until(banner.isVisible, timeout=10_000)
    text = desk.window.banner_text.text()
    assert "Can't reach sheepCRM" in text
    assert "Traceback" not in text
    label = desk.window.findChild(QLabel, "connectionLabel")
    assert label is not None
    assert "Offline" in label.text()


def test_the_loop_never_stalls_while_a_change_waits(
    make_desk: Any, sandbox: Sandbox, qtbot: Any
) -> None:
    desk = make_desk("sheepcrm", sandbox.info["sheepcrm"])
    guest_id = _select_guest_with(desk, qtbot, status_not=Status.ATTENDED)
    sandbox.set_faults(Faults(latency=1.0))
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    try:
        qtbot.keyClick(_search(desk), Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
        qtbot.wait_until(
            lambda: (
                (s := desk.service.sync_state(guest_id)) is not None
                and s.delivery is Delivery.SYNCED
            ),
            timeout=10_000,
        )
    finally:
        timer.stop()
    assert len(gaps) > 50  # the change really waited about a second
    assert max(gaps[1:]) < 0.050, f"longest gap {max(gaps) * 1000:.1f} ms"


def test_a_refusal_shows_the_platform_message_and_keeps_the_old_status(
    make_desk: Any, sandbox: Sandbox, qtbot: Any
) -> None:
    desk = make_desk("sheepcrm", sandbox.info["sheepcrm"])
    guest_id = _select_guest_with(desk, qtbot, status_not=Status.ATTENDED)
    before = desk.service.guest(guest_id)
    assert before is not None
    # An organiser took the guest off the event at sheepCRM after the roster loaded.
    sandbox.remove_sheepcrm_attendee(before.platform_ref)
    qtbot.keyClick(_search(desk), Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait_until(
        lambda: (
            (s := desk.service.sync_state(guest_id)) is not None and s.delivery is Delivery.FAILED
        ),
        timeout=10_000,
    )
    text = desk.window.findChild(QLabel, "syncText")
    assert text is not None
    assert "refused" in text.text()
    assert "is not on the attendance of this event" in text.text()  # sheepCRM's own words
    assert desk.service.guest(guest_id).status is before.status
    assert _button(desk, before.status).isChecked()
    assert not _button(desk, Status.ATTENDED).isChecked()
    retry = desk.window.findChild(QPushButton, "syncRetry")
    assert retry is not None
    assert retry.isVisible()
    assert desk.service.pending_count() == 0  # refused, not retried blindly
    [refused] = desk.service.outbox.needing_attention()
    assert refused.change.status is Status.ATTENDED


@pytest.mark.parametrize("language", ["en", "cs", "de"])
def test_every_status_word_fits_its_button_at_1280(
    make_desk: Any, sandbox: Sandbox, qtbot: Any, qapp: QApplication, language: str
) -> None:
    translations = Translations(qapp)
    translations.use(language)
    qapp.setStyleSheet(stylesheet())  # its 12pt bold is what clipped the words
    try:
        desk = make_desk("sheepcrm", sandbox.info["sheepcrm"])
        desk.window.resize(1280, 800)
        qtbot.wait_exposed(desk.window)
        _select_guest_with(desk, qtbot, status_not=Status.ATTENDED)
        for status in ORDER:
            button = _button(desk, status)
            word = button.text().splitlines()[-1]
            assert word == status_label(status)
            room = button.contentsRect().width()
            needed = button.fontMetrics().horizontalAdvance(word)
            assert needed <= room, (language, word, needed, room)
    finally:
        translations.uninstall()
        qapp.setStyleSheet("")


def test_a_long_list_says_it_shows_only_the_first_and_how_to_find_anyone(
    make_desk: Any, qtbot: Any
) -> None:
    with Sandbox(guests=900, seed=4) as big:
        desk = make_desk("sheepcrm", big.info["sheepcrm"])
        everyone = len(desk.service.index)
        assert everyone > 500
        note = desk.window.findChild(QLabel, "resultsNote")
        assert note is not None
        assert desk.window.model.rowCount() == 500
        assert note.isVisible()
        assert f"first 500 of {everyone} guests" in note.text()
        assert _shown_names(desk)[0] == desk.service.index.all()[0].name  # A to Z

        guest = desk.service.index.all()[-1]  # the last of all, not listed at first
        qtbot.keyClicks(_search(desk), fold(guest.email))
        assert desk.window.selected_guest_id() == guest.id
        assert not note.isVisible()  # a short list says nothing


def test_the_status_bar_speaks_the_desk_language_with_its_plurals(
    make_desk: Any, sandbox: Sandbox, qtbot: Any, qapp: QApplication
) -> None:
    translations = Translations(qapp)
    try:
        desk = make_desk("sheepcrm", sandbox.info["sheepcrm"])
        translations.use("cs")
        sandbox.set_faults(Faults(latency=3.0, only="PUT"))  # the change waits a while
        _select_guest_with(desk, qtbot, status_not=Status.ATTENDED)
        desk.window.set_selected_status(Status.ATTENDED)
        pending = desk.window.findChild(QLabel, "pendingLabel")
        assert pending is not None
        qtbot.wait_until(lambda: pending.text().startswith("1 změna čeká"), timeout=2000)
        assert "nejstarší méně než minutu" in pending.text()
    finally:
        sandbox.set_faults(Faults())
        translations.uninstall()
