"""A full disk under the desk window: one clear banner saying changes cannot be saved,
the status buttons off meanwhile, what was saved still sent, and all of it gone by
itself once space returns. On a real tmpfs filled to the brim."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QLabel

from kiosk.domain import Status
from kiosk.sandbox import Sandbox
from tests.integration.small_disk import small_disk
from tests.ui.conftest import FAST_RETRY


def test_a_full_disk_shows_one_banner_and_turns_status_picks_off(
    make_desk: Any, sandbox: Sandbox, qtbot: Any, tmp_path: Path
) -> None:
    with small_disk(tmp_path / "disk") as disk:
        desk = make_desk(
            "sheepcrm",
            sandbox.info["sheepcrm"],
            retry=FAST_RETRY,
            store_file=disk.root / "desk.sqlite3",
        )
        window = desk.window
        second = next(g for g in desk.service.index.all() if g.status is Status.ACCEPTED)
        window.search.setText(second.email)
        qtbot.wait_until(lambda: window.details.guest_id == second.id, timeout=5000)
        picker = window.details.picker
        assert picker.isEnabled()
        banner = window.findChild(QLabel, "storageBannerText")
        assert banner is not None
        assert not banner.isVisible()

        disk.fill()
        desk.vm.set_status(second.id, Status.ATTENDED)  # Ctrl+4, say: not saved
        qtbot.wait_until(banner.isVisible, timeout=5000)
        assert banner.text() == (
            f"Kiosk cannot write to {disk.root}: the disk is full. "
            "Changes made now cannot be saved."
        )
        assert not picker.isEnabled()
        shown = desk.service.guest(second.id)
        assert shown is not None
        assert shown.status is Status.ACCEPTED  # nothing pretends to be saved

        disk.free()
        qtbot.wait_until(lambda: not banner.isVisible(), timeout=10_000)
        assert picker.isEnabled()
        desk.vm.set_status(second.id, Status.ATTENDED)
        qtbot.wait_until(lambda: desk.service.pending_count() == 0, timeout=10_000)
        assert sandbox.sheepcrm_session(second.id)["status"] == "attended"
