"""The desk and the self-service kiosk on a guest list CSV, end to end: the real window,
outbox (SQLite on disk) and sender on ``GuestListBackend``; statuses land in the results
file beside the list and are there after a restart."""

from __future__ import annotations

import asyncio
import os
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QTableView

from kiosk.app import Desk, assemble
from kiosk.backends.guestlist import PLATFORM, GuestListBackend
from kiosk.config import KioskSettings
from kiosk.domain import Status
from kiosk.domain.status import ORDER
from kiosk.pin import PinThrottle, hash_pin
from kiosk.runtime import collect_garbage
from kiosk.services.checkin import Delivery
from kiosk.store.local import LocalStore, open_store
from kiosk.ui.qt_async import TaskSet
from kiosk.ui.selfservice import Timings, build_selfservice
from kiosk.ui.selfservice.sound import Chime
from kiosk.ui.theme import stylesheet
from kiosk.ui.translations import Translations
from tests.ui.conftest import FAST_RETRY

SHORTCUT_KEYS = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5]

FIRST = ["Anna", "Bernd", "Clara", "Dieter", "Eva", "Franz", "Greta", "Hans", "Ines", "Jan"]
LAST = ["Quellmalz", "Rother", "Sauerbrey", "Thalheim", "Ulbrich", "Vogt", "Wendler", "Zorn"]
STATUS_CELLS = ["zugesagt", "", "abgesagt", "Checked in", "accepted"]


def write_guest_list(folder: Path) -> Path:
    """A German export as Excel writes it: semicolons, UTF-8 with a byte-order mark."""
    rows = ["Vorname;Nachname;E-Mail;Ticketnummer;Status;Personen;Firma"]
    for n in range(40):
        first = FIRST[n % len(FIRST)]
        last = LAST[n] if n < len(LAST) else f"Beispiel{chr(97 + n % 26)}{chr(97 + n // 26)}"
        status = STATUS_CELLS[n % len(STATUS_CELLS)]
        rows.append(f"{first};{last};{first.lower()}.{n}@example.de;TK{n:05d};{status};2;Firma {n}")
    rows.append("Jürgen;Weiß;juergen@example.de;TK99999;zugesagt;1;Straße & Söhne")
    path = folder / "gaeste.csv"
    path.write_text("\r\n".join(rows) + "\r\n", encoding="utf-8-sig")
    return path


def results_statuses(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    lines = path.read_text(encoding="utf-8-sig").splitlines()[1:]
    return {line.split(",")[0]: line.split(",")[2] for line in lines}


@pytest.fixture
def make_list_desk(
    qloop: asyncio.AbstractEventLoop,
    qapp: QApplication,
    qtbot: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Any]:
    """The desk on a guest list file, wired as ``tests/ui/conftest.py::make_desk`` wires
    it on a platform, and as the app names it: by the file's name."""
    made: list[tuple[Desk, TaskSet, GuestListBackend, LocalStore]] = []
    english = Translations(qapp)
    english.use("en")

    def make(path: Path, *, name: str = "desk-1") -> Desk:
        backend = GuestListBackend(path)
        backend.desk = name
        store, _ = open_store(tmp_path / f"{name}-{len(made)}.sqlite3")
        tasks = TaskSet()
        desk = assemble(
            backend,
            store.outbox,
            tasks,
            kiosk_id=name,
            platform=PLATFORM,
            cache=store.roster,
            retry=FAST_RETRY,
            platform_name=path.name,
        )
        desk.window.show()
        tasks.spawn(desk.service.run_sender(), name="sender")
        made.append((desk, tasks, backend, store))
        desk.vm.reload()
        qtbot.wait_until(lambda: desk.service.roster_saved_at is not None, timeout=15_000)
        return desk

    def close(desk: Desk) -> None:
        for entry in [entry for entry in made if entry[0] is desk]:
            made.remove(entry)
            _close(qloop, qtbot, *entry)

    make.close = close  # type: ignore[attr-defined]
    yield make
    for entry in made:
        _close(qloop, qtbot, *entry)
    english.uninstall()
    collect_garbage()  # free this test's Qt objects now, not during a later test


def _close(
    loop: asyncio.AbstractEventLoop,
    qtbot: Any,
    desk: Desk,
    tasks: TaskSet,
    backend: GuestListBackend,
    store: LocalStore,
) -> None:
    async def stop() -> None:
        await tasks.cancel_all()
        await backend.aclose()

    closing = loop.create_task(stop())
    qtbot.wait_until(closing.done, timeout=5000)
    desk.window.allow_close = True
    desk.window.close()
    desk.window.deleteLater()
    store.close()


def search_field(desk: Desk) -> QLineEdit:
    found = desk.window.findChild(QLineEdit, "searchField")
    assert found is not None
    return found


def shown_names(desk: Desk) -> list[str]:
    view = desk.window.findChild(QTableView, "resultsView")
    assert view is not None
    model = view.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def page(window: Any) -> str:
    shown = window.pages.currentWidget()
    return "" if shown is None else str(shown.objectName())


def synced(desk: Desk, guest_id: str, status: Status) -> bool:
    sync = desk.service.sync_state(guest_id)
    return sync is not None and sync.delivery is Delivery.SYNCED and sync.status is status


def test_the_desk_on_a_guest_list_sets_all_five_statuses_and_keeps_them(
    make_list_desk: Any, qtbot: Any, tmp_path: Path
) -> None:
    path = write_guest_list(tmp_path)
    results = path.with_name("gaeste.kiosk-results.csv")
    desk = make_list_desk(path)
    assert len(shown_names(desk)) == len(desk.service.index) == 41
    status_bar = " ".join(label.text() for label in desk.window.findChildren(QLabel))
    assert path.name in status_bar  # the window names the file it works on

    # Found by typing part of the last name, as at the door.
    search = search_field(desk)
    qtbot.keyClicks(search, "sauerb")
    assert shown_names(desk) == ["Clara Sauerbrey  (+1)"]  # a party of two
    guest_id = desk.window.selected_guest_id()
    assert guest_id == "mail:clara.2@example.de"
    assert desk.service.guest(guest_id).status is Status.DECLINED

    for status in ORDER:  # from declined: each one differs from the one before
        qtbot.keyClick(
            search, SHORTCUT_KEYS[ORDER.index(status)], Qt.KeyboardModifier.ControlModifier
        )
        qtbot.wait_until(lambda s=status: synced(desk, guest_id, s), timeout=10_000)
        assert results_statuses(results)[guest_id] == status.wire

    # Another guest, by email, checked in with the mouse; an accented one by ticket.
    search.clear()
    qtbot.keyClicks(search, "hans.7@")
    hans = desk.window.selected_guest_id()
    assert hans == "mail:hans.7@example.de"
    qtbot.wait_until(lambda: desk.window.details.guest_id == hans, timeout=2000)
    button = desk.window.findChild(QPushButton, "status-attended")
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    search.clear()
    qtbot.keyClicks(search, "TK99999")
    juergen = desk.window.selected_guest_id()
    assert juergen == "mail:juergen@example.de"
    qtbot.keyClick(search, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait_until(lambda: synced(desk, hans, Status.ATTENDED), timeout=10_000)
    qtbot.wait_until(lambda: synced(desk, juergen, Status.NO_SHOW), timeout=10_000)
    assert results_statuses(results) == {guest_id: "no-show", hans: "attended", juergen: "no-show"}
    assert "Vorname;Nachname" in path.read_text(encoding="utf-8-sig")  # the list untouched

    # Restart: a new backend and a new store on the same files.
    make_list_desk.close(desk)
    again = make_list_desk(path, name="desk-2")
    shown = {gid: again.service.guest(gid).status for gid in (guest_id, hans, juergen)}
    assert shown == {guest_id: Status.NO_SHOW, hans: Status.ATTENDED, juergen: Status.NO_SHOW}
    qtbot.keyClicks(search_field(again), "weiss")  # accents ignored
    assert shown_names(again) == ["Jürgen Weiß"]


def test_a_results_file_that_cannot_be_written_loses_nothing(
    make_list_desk: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The results file held open elsewhere (a failing rename): the change waits on
    this kiosk, saying why, and is written once the file can be."""
    path = write_guest_list(tmp_path)
    desk = make_list_desk(path)
    real_replace = os.replace
    held = {"open": True}

    def replace(src: Any, dst: Any) -> None:
        if held["open"] and str(dst).endswith(".kiosk-results.csv"):
            raise PermissionError(13, "Permission denied")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    qtbot.keyClicks(search_field(desk), "ulbrich")
    gid = desk.window.selected_guest_id()
    assert gid is not None
    qtbot.keyClick(search_field(desk), Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait_until(
        lambda: "locked" in (((s := desk.service.sync_state(gid)) and s.message) or ""),
        timeout=10_000,
    )
    assert desk.service.sync_state(gid).delivery is Delivery.SAVED
    assert desk.service.guest(gid).status is Status.ATTENDED
    assert len(desk.service.outbox.pending()) == 1
    held["open"] = False
    qtbot.wait_until(lambda: synced(desk, gid, Status.ATTENDED), timeout=10_000)
    assert results_statuses(path.with_name("gaeste.kiosk-results.csv")) == {gid: "attended"}
    assert list(tmp_path.glob(".*.tmp")) == []


def test_a_guest_checks_in_at_the_kiosk_on_a_guest_list(
    make_list_desk: Any, qtbot: Any, qapp: QApplication, tmp_path: Path
) -> None:
    path = write_guest_list(tmp_path)
    desk = make_list_desk(path)
    qapp.setStyleSheet(stylesheet())
    translations = Translations(qapp)
    settings = KioskSettings(enabled=True, pin_hash=hash_pin("2468", n=16))
    chime = Chime(muted=True)
    window = build_selfservice(
        desk.service,
        desk.vm,
        desk.vm._tasks,
        translations,
        settings,
        timings=Timings(idle=5.0, done=0.3, desk=0.3, taps=4.0),
        throttle=PinThrottle(free_tries=3, base=30),
        chime=chime,
        rng=random.Random(7),
    )
    chime.setParent(window)
    desk.window.hide()
    window.resize(1280, 800)
    window.show()
    window.activateWindow()
    qtbot.wait_until(window.isActiveWindow)
    try:
        guest = desk.service.guest("mail:anna.0@example.de")
        assert guest is not None
        assert guest.status is Status.ACCEPTED  # "zugesagt" in the file
        qtbot.keyClicks(window.welcome.field, "Quellmalz")
        qtbot.keyClick(window.welcome.field, Qt.Key.Key_Return)
        assert page(window) == "factorPage"  # always a second question (issue 17)
        qtbot.keyClicks(window.factor.field, "anna")
        qtbot.keyClick(window.factor.field, Qt.Key.Key_Return)
        assert page(window) == "confirmPage"
        assert window.confirm.card.card is not None
        assert window.confirm.card.card.guest_id == guest.id
        qtbot.keyClick(window.confirm.yes, Qt.Key.Key_Return)
        assert page(window) == "donePage"
        qtbot.wait_until(lambda: synced(desk, guest.id, Status.ATTENDED), timeout=10_000)
        results = path.with_name("gaeste.kiosk-results.csv")
        assert results_statuses(results) == {guest.id: "attended"}
        qtbot.wait_until(lambda: page(window) == "welcomePage", timeout=5000)
    finally:
        window.allow_close = True
        window.close()
        window.deleteLater()
        translations.uninstall()
        qapp.setStyleSheet("")
