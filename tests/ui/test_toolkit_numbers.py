"""The live numbers panel over real HTTP on both platforms: what a person sees after a
check-in here, after another desk's check-in reaches a refresh, and the summary written
with the reconciliation export."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from kiosk.app import Desk
from kiosk.domain import Status
from kiosk.sandbox import Sandbox
from tests.ui.toolkit_desk import guest_with, pick, writes_for

pytestmark = pytest.mark.timeout(60)


def _text(desk: Desk, name: str) -> str:
    panel = desk.window.toolkit.panel
    assert panel is not None
    label = panel.findChild(QLabel, name)
    assert label is not None
    return label.text()


def _counts(desk: Desk) -> Counter[Status]:
    return Counter(g.status for g in desk.service.index.all())


def _headline(counts: Counter[Status]) -> str:
    arrived = counts[Status.ATTENDED]
    expected = arrived + counts[Status.ACCEPTED]
    return f"{arrived} arrived · {expected} expected · {counts.total()} guests"


@pytest.mark.parametrize("platform", ["sheepcrm", "attendu"])
def test_numbers_follow_a_check_in_here_and_one_at_another_desk(
    make_desk: Any, sandbox: Sandbox, qtbot: Any, platform: str, tmp_path: Path
) -> None:
    desk = make_desk(platform, sandbox.info[platform])
    window = desk.window
    before = _counts(desk)
    qtbot.keyClick(window.search, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    panel = window.toolkit.panel
    assert panel is not None
    assert panel.isVisible()
    qtbot.wait_until(lambda: _text(desk, "numbersHeadline") == _headline(before), timeout=5000)
    waiting = before[Status.ACCEPTED]
    assert f"{waiting} accepted guests not arrived yet" in _text(desk, "numbersForecast")
    assert "This desk checked in 0" in _text(desk, "numbersDesks")

    guest = guest_with(desk, Status.ACCEPTED)
    pick(desk, qtbot, guest, Status.ATTENDED)
    after = before.copy()
    after[Status.ACCEPTED] -= 1
    after[Status.ATTENDED] += 1
    qtbot.wait_until(lambda: _text(desk, "numbersHeadline") == _headline(after), timeout=5000)
    qtbot.wait_until(lambda: "This desk checked in 1;" in _text(desk, "numbersDesks"))
    qtbot.wait_until(lambda: len(writes_for(sandbox, platform, guest)) == 1, timeout=10_000)
    assert panel.chart.slots[-1][2] == 1  # this desk's bar, in the current ten minutes

    other = guest_with(desk, Status.ACCEPTED)  # checked in at another desk
    if platform == "sheepcrm":
        sandbox.set_sheepcrm_status(other.platform_ref, "attended")
    else:
        sandbox.attendu_check_in(other.platform_ref)
    desk.vm.reload()
    after[Status.ACCEPTED] -= 1
    after[Status.ATTENDED] += 1
    qtbot.wait_until(lambda: _text(desk, "numbersHeadline") == _headline(after), timeout=10_000)
    assert "This desk checked in 1;" in _text(desk, "numbersDesks")
    assert f"all desks {after[Status.ATTENDED]}." in _text(desk, "numbersDesks")

    # Exported with the reconciliation: a numbers summary beside the changes CSV.
    window.show_changes(attention=False)
    dialog = window.changes_dialog
    assert dialog is not None
    dialog.export_to(tmp_path / "changes.csv")
    with (tmp_path / "changes-numbers.csv").open(encoding="utf-8") as summary:
        rows = {(r["section"], r["item"]): r["value"] for r in csv.DictReader(summary)}
    assert rows["totals", "arrived"] == str(after[Status.ATTENDED])
    assert rows["totals", "arrived at this desk"] == "1"
    assert rows["status", "accepted"] == str(after[Status.ACCEPTED])
    assert "numbers summary" in dialog.export_note.text()
