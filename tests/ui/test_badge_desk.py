"""Badges at a real desk on the sandbox (real HTTP, the outbox on disk): printed on
check-in to a PDF, as a system queue is driven (QPrinter); a missing or failing printer
is one line with Retry while the check-in stands; a second copy asks first; every print
is in the Changes window and the reconciliation CSV; the kiosk's success screen."""

from __future__ import annotations

import csv
import dataclasses
from pathlib import Path
from typing import Any

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QMessageBox, QPushButton

from kiosk.badges import BadgeSettings, BadgeTemplate
from kiosk.domain import Guest, Status
from kiosk.sandbox import Sandbox
from kiosk.services.prints import PrintState
from kiosk.store.outbox import EntryState
from kiosk.ui.badge_desk import BadgeDesk, attach_badges
from kiosk.ui.badge_kiosk import KioskBadges
from kiosk.ui.selfservice.guard import Timings
from tests.ui.kiosk_harness import (
    answer_the_question,
    focused,
    press_enter_on_focus,
    type_in,
    unique_last_name,
    visible_text,
)


def badges_on(desk: Any, printer: str, *, on_checkin: bool = True) -> BadgeDesk:
    badges = attach_badges(desk.window, None)
    settings = BadgeSettings(printer=printer, size="dymo-2.25x4", print_on_checkin=on_checkin)
    badges.printer.configure(settings, badges.printer.template)
    return badges


def accepted(desk: Any) -> Guest:
    guest: Guest = next(g for g in desk.service.index.all() if g.status is Status.ACCEPTED)
    return guest


def show(desk: Any, qtbot: Any, guest: Guest) -> None:
    qtbot.keyClicks(desk.window.search, guest.email)
    qtbot.wait_until(lambda: desk.window.details.guest_id == guest.id, timeout=2000)


def check_in(desk: Any, qtbot: Any, guest: Guest) -> None:
    show(desk, qtbot, guest)
    button = desk.window.details.picker.buttons[Status.ATTENDED]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_check_in_prints_the_badge_to_pdf_and_records_it(
    make_desk: Any, sandbox: Sandbox, qtbot: Any, tmp_path: Path
) -> None:
    desk = make_desk("sheepcrm", sandbox.info["sheepcrm"])
    pdf = tmp_path / "badge.pdf"
    badges = badges_on(desk, str(pdf))
    guest = accepted(desk)
    check_in(desk, qtbot, guest)
    qtbot.wait_until(
        lambda: any(p.state is PrintState.QUEUED for p in desk.service.prints.all()), timeout=15_000
    )
    assert guest.first_name in pypdf.PdfReader(pdf).pages[0].extract_text()
    assert badges.reprint.text() == "Reprint badge"
    assert not badges.line.isVisible()
    # In the Changes window and the reconciliation CSV.
    desk.window.show_changes(attention=False)
    dialog = desk.window.changes_dialog
    assert dialog is not None
    assert dialog.prints.isVisible()
    assert guest.name in dialog.prints.list.item(0).text()
    assert "sent to" in dialog.prints.list.item(0).text()
    assert "badge.pdf" in dialog.prints.list.item(0).text()
    out = tmp_path / "changes.csv"
    desk.service.export_csv(out)
    with out.open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    assert [r["status"] for r in rows if r["guest_id"] == guest.id] == ["attended", "badge"]
    badge_row = next(r for r in rows if r["status"] == "badge")
    assert badge_row["outcome"] == "queued"
    assert str(pdf) in badge_row["message"]
    dialog.close()


@pytest.mark.parametrize("kind", ["missing queue", "unwritable file"])
def test_a_missing_or_failing_printer_keeps_the_check_in_and_says_so_with_retry(
    make_desk: Any, sandbox: Sandbox, qtbot: Any, tmp_path: Path, kind: str
) -> None:
    desk = make_desk("sheepcrm", sandbox.info["sheepcrm"])
    printer = (
        "Kiosk_Test_No_Such_Printer" if kind == "missing queue"
        else str(tmp_path / "no-such-folder" / "badge.pdf")
    )  # fmt: skip
    badges = badges_on(desk, printer)
    guest = accepted(desk)
    check_in(desk, qtbot, guest)
    qtbot.wait_until(badges.line.isVisible, timeout=15_000)
    text = badges.line_text.text()
    assert f"The badge for {guest.name} did not print" in text
    assert "The check-in stands." in text
    assert ("is not found" if kind == "missing queue" else "did not take it") in text
    assert badges.retry.isVisible()
    # The check-in stands: saved, shown, and delivered to the platform.
    assert desk.service.guest(guest.id).status is Status.ATTENDED
    qtbot.wait_until(
        lambda: any(
            e.change.guest_id == guest.id and e.state is EntryState.DELIVERED
            for e in desk.service.outbox.all()
        ),
        timeout=15_000,
    )
    assert [p.state for p in desk.service.prints.all()] == [PrintState.FAILED]
    # The printer is fixed (a PDF here); Retry prints the same guest's badge.
    fixed = tmp_path / "fixed.pdf"
    badges.printer.configure(
        dataclasses.replace(badges.printer.settings, printer=str(fixed)), badges.printer.template
    )
    qtbot.mouseClick(badges.retry, Qt.MouseButton.LeftButton)
    qtbot.wait_until(
        lambda: (
            [p.state for p in desk.service.prints.all()] == [PrintState.FAILED, PrintState.QUEUED]
        ),
        timeout=15_000,
    )
    assert not badges.line.isVisible()
    assert guest.first_name in pypdf.PdfReader(fixed).pages[0].extract_text()


def test_a_second_copy_asks_first(
    make_desk: Any, sandbox: Sandbox, qtbot: Any, tmp_path: Path, qapp: QApplication
) -> None:
    desk = make_desk("sheepcrm", sandbox.info["sheepcrm"])
    badges = badges_on(desk, str(tmp_path / "b.pdf"), on_checkin=False)
    guest = accepted(desk)
    show(desk, qtbot, guest)
    qtbot.wait_until(badges.reprint.isVisible, timeout=2000)
    assert badges.reprint.text() == "Print badge"
    badges.reprint.click()
    assert badges.reprint.text() == "Reprint badge"  # one is on its way: another asks
    qtbot.wait_until(lambda: desk_states(desk) == [PrintState.QUEUED], timeout=15_000)
    badges.reprint.click()
    box = badges.ask_box
    assert isinstance(box, QMessageBox)
    assert f"A badge for {guest.name} was printed already" in box.text()
    assert len(desk.service.prints.all()) == 1  # nothing printed before the answer
    again = box.findChild(QPushButton, "badgeAgain")
    assert again is not None
    again.click()
    qtbot.wait_until(lambda: desk_states(desk) == [PrintState.QUEUED] * 2, timeout=15_000)


@pytest.mark.parametrize("works", [True, False])
def test_the_kiosk_says_the_badge_is_printing_or_sends_the_guest_to_the_desk(
    make_kiosk: Any, sandbox: Sandbox, qtbot: Any, qapp: QApplication, tmp_path: Path, works: bool
) -> None:
    kiosk = make_kiosk("sheepcrm", timings=Timings(idle=30, done=20, desk=20, taps=4))
    printer = str(tmp_path / "k.pdf") if works else "Kiosk_Test_No_Such_Printer"
    badges = badges_on(kiosk.desk, printer)
    KioskBadges(kiosk.window, badges.printer)
    guest = unique_last_name(kiosk.guests, Status.ACCEPTED)
    type_in(qtbot, focused(qapp), guest.last_name)
    answer_the_question(kiosk, qtbot, guest)
    press_enter_on_focus(qtbot, qapp)
    assert kiosk.page() == "donePage"
    assert "Your badge is printing." in visible_text(kiosk.window)
    if works:
        qtbot.wait_until(
            lambda: desk_prints(kiosk) == [PrintState.QUEUED],
            timeout=15_000,
        )
        assert "Your badge is printing." in visible_text(kiosk.window)
    else:
        qtbot.wait_until(lambda: "see the staff desk" in visible_text(kiosk.window), timeout=15_000)
        assert kiosk.page() == "donePage"  # checked in all the same
        assert kiosk.desk.service.guest(guest.id).status is Status.ATTENDED


def test_no_printer_no_promise_on_the_kiosk(
    make_kiosk: Any, sandbox: Sandbox, qtbot: Any, qapp: QApplication
) -> None:
    kiosk = make_kiosk("sheepcrm")
    badges = attach_badges(kiosk.desk.window, None)  # no printer set
    KioskBadges(kiosk.window, badges.printer)
    guest = unique_last_name(kiosk.guests, Status.ACCEPTED)
    type_in(qtbot, focused(qapp), guest.last_name)
    answer_the_question(kiosk, qtbot, guest)
    press_enter_on_focus(qtbot, qapp)
    assert kiosk.page() == "donePage"
    assert "badge" not in visible_text(kiosk.window).lower()
    assert kiosk.desk.window.findChild(QLabel, "badgeLineText") is not None


def desk_prints(kiosk: Any) -> list[PrintState]:
    return desk_states(kiosk.desk)


def desk_states(desk: Any) -> list[PrintState]:
    return [p.state for p in desk.service.prints.all()]


def test_the_badge_process_stopping_fails_its_badge_and_the_next_starts_it_again(
    make_desk: Any, sandbox: Sandbox, qtbot: Any, tmp_path: Path
) -> None:
    desk = make_desk("sheepcrm", sandbox.info["sheepcrm"])
    badges = badges_on(desk, str(tmp_path / "b.pdf"), on_checkin=False)
    printer = badges.printer
    first, second = [g for g in desk.service.index.all() if g.status is Status.ACCEPTED][:2]
    printer.shutdown()  # the next badge starts a new process...
    printer.print_guest(first.id)
    process = printer._process
    assert process is not None
    assert not printer._ready  # ...and its badge waits for it to be up
    process.kill()  # as a crash would: the badge waiting in it fails, said with Retry
    qtbot.wait_until(lambda: desk_states(desk) == [PrintState.FAILED], timeout=15_000)
    assert badges.line.isVisible()
    assert "did not take it" in badges.line_text.text()
    printer.print_guest(second.id)
    qtbot.wait_until(lambda: desk_states(desk)[-1] is PrintState.QUEUED, timeout=15_000)
    assert printer._process is not process


def test_the_settings_preview_follows_the_label_and_save_keeps_them(
    make_desk: Any, sandbox: Sandbox, qtbot: Any, tmp_path: Path
) -> None:
    from kiosk.ui.badge_printer import BadgePrinter
    from kiosk.ui.badge_settings import BadgeSettingsDialog

    desk = make_desk("sheepcrm", sandbox.info["sheepcrm"])
    kept: list[BadgeSettings] = []
    printer = BadgePrinter(desk.service, BadgeSettings(), BadgeTemplate(), desk.window)
    badges = BadgeDesk(desk.window, printer, kept.append)
    assert not badges.on_checkin.isEnabled()  # no printer yet: nothing to print on
    guest = accepted(desk)
    show(desk, qtbot, guest)
    badges.open_settings()
    dialog = desk.window.findChild(BadgeSettingsDialog)
    assert dialog is not None
    qtbot.wait_until(dialog.isVisible, timeout=2000)
    wide = dialog.preview.pixmap()
    assert wide.width() > wide.height()  # Brother QL: across the roll
    dialog.label_size.setCurrentIndex(dialog.label_size.findData("a6"))
    upright = dialog.preview.pixmap()
    assert upright.height() > upright.width()
    bad = tmp_path / "badge.toml"
    bad.write_text("qr_mm = 500\n", encoding="utf-8")
    dialog.template.setText(str(bad))
    dialog.redraw()
    assert dialog.problem.isVisible()
    assert "qr_mm" in dialog.problem.text()
    dialog.template.setText("")
    dialog.queue.setCurrentText(str(tmp_path / "door.pdf"))
    dialog.on_checkin.setChecked(True)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    want = BadgeSettings(printer=str(tmp_path / "door.pdf"), size="a6", print_on_checkin=True)
    assert kept == [want]
    assert printer.settings == want
    assert badges.on_checkin.isChecked()
    assert badges.on_checkin.isEnabled()
    printer.shutdown()
