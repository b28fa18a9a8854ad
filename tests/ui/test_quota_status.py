"""The desk window says why changes wait when the platform's quota holds them, and until
when, and why the guest list is refreshed less often when the bandwidth budget spaces it,
in the desk's language: a real desk with a call budget on a sandbox quota."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QLabel

from kiosk.app import Desk, assemble, build_backend
from kiosk.domain import Status
from kiosk.sandbox import Quota, Sandbox
from kiosk.services.budget import CallBudget
from kiosk.store.local import open_store
from kiosk.ui.qt_async import TaskSet
from kiosk.ui.translations import Translations


@contextlib.contextmanager
def budget_desk(
    sandbox: Sandbox, budget: CallBudget, tmp_path: Path, qloop: Any, qtbot: Any
) -> Iterator[tuple[Desk, TaskSet]]:
    """A real sheepCRM desk whose calls go through ``budget``, its roster loaded and its
    sender running (with the task set it runs in); closed as the app closes it."""
    connection = sandbox.info["sheepcrm"]
    backend, http = build_backend("sheepcrm", connection, connection["api_key"])
    budget.attach(http)
    store, _ = open_store(tmp_path / "desk.sqlite3")
    tasks = TaskSet()
    desk = assemble(backend, store.outbox, tasks, kiosk_id="d", platform="sheepcrm", budget=budget)
    try:
        desk.window.show()
        tasks.spawn(desk.service.run_sender(), name="sender")
        desk.vm.reload()
        qtbot.wait_until(lambda: desk.service.event is not None, timeout=15_000)
        yield desk, tasks
    finally:
        closing = qloop.create_task(_close(tasks, http))
        qtbot.wait_until(closing.done, timeout=5000)
        desk.window.allow_close = True
        desk.window.close()
        desk.window.deleteLater()
        store.close()


def test_the_status_bar_says_the_quota_holds_changes_and_until_when(
    qloop: asyncio.AbstractEventLoop, qtbot: Any, qapp: QApplication, tmp_path: Path
) -> None:
    translations = Translations(qapp)
    translations.use("en")
    with Sandbox(guests=60, seed=2) as sandbox:
        # 8 calls an hour, enforced: the roster and a few writes, then the rest waits.
        sandbox.set_quota("sheepcrm", Quota(((8, 3600.0),), enforce=True))
        budget = CallBudget("sheepCRM", ((8, 3600.0),))
        try:
            with budget_desk(sandbox, budget, tmp_path, qloop, qtbot) as (desk, _tasks):
                guests = [g for g in desk.service.search("", None) if g.status is Status.ACCEPTED]
                for guest in guests[:12]:
                    desk.service.set_status(guest.id, Status.ATTENDED)
                pending = desk.window.findChild(QLabel, "pendingLabel")
                assert pending is not None
                qtbot.wait_until(
                    lambda: "sheepCRM allows 8 calls an hour" in pending.text(), timeout=5000
                )
                assert "changes waiting, about" in pending.text()
                assert pending.text().endswith(" min")
                translations.use("de")
                desk.service.listener.pending_changed(-1)
                qtbot.wait_until(lambda: "sheepCRM erlaubt 8 Aufrufe pro Stunde" in pending.text())
                assert not any(r.status == 429 for r in sandbox.requests("sheepcrm"))
        finally:
            translations.uninstall()


def test_the_status_bar_says_the_bandwidth_budget_spaces_the_refreshes(
    qloop: asyncio.AbstractEventLoop, qtbot: Any, qapp: QApplication, tmp_path: Path
) -> None:
    translations = Translations(qapp)
    translations.use("en")
    with Sandbox(guests=300, seed=2) as sandbox:
        # 2 MB an hour: this roster (about 0.1 MB) may come about twenty times an hour.
        budget = CallBudget("sheepCRM", ((400, 60.0), (1000, 3600.0)), bandwidth=2_000_000)
        try:
            with budget_desk(sandbox, budget, tmp_path, qloop, qtbot) as (desk, tasks):
                tasks.spawn(desk.service.run_refresher(5.0), name="refresher")
                qtbot.wait_until(lambda: budget.bandwidth_pace() is not None, timeout=5000)
                pace = desk.window.findChild(QLabel, "paceLabel")
                assert pace is not None
                assert not pace.isVisible()  # said when the status bar next speaks
                guest = next(
                    g for g in desk.service.search("", None) if g.status is Status.ACCEPTED
                )
                desk.service.set_status(guest.id, Status.ATTENDED)
                qtbot.wait_until(lambda: pace.isVisible(), timeout=5000)
                assert pace.text().startswith("List every ")
                assert pace.text().endswith(" min")
                assert "to keep within 2 MB an hour" in pace.toolTip()
                translations.use("de")
                desk.service.listener.pending_changed(-1)
                qtbot.wait_until(lambda: pace.text().startswith("Liste alle "), timeout=5000)
        finally:
            translations.uninstall()


async def _close(tasks: TaskSet, http: Any) -> None:
    await tasks.cancel_all()
    await http.aclose()
