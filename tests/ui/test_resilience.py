"""Never lose a check-in: offline and back, a faulty platform, two desks, over real
HTTP against the sandbox with the real store on disk."""

from __future__ import annotations

import asyncio
import gc
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton

from kiosk.app import Desk, settle_heap
from kiosk.domain import Status
from kiosk.sandbox import Faults, Sandbox
from kiosk.services.checkin import Connection, Delivery
from kiosk.store.outbox import EntryState
from kiosk.ui.viewmodel import LIST_LIMIT
from tests.ui.conftest import FAST_RETRY


class SandboxProcess:
    """The sandbox as a process of its own, like a real platform: its work does not
    compete with the window for this process's interpreter lock."""

    def __init__(self, guests: int, seed: int) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "kiosk.sandbox", "--port", "0", "--guests", str(guests),
             "--seed", str(seed)],
            stdout=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        assert self.proc.stdout is not None
        self.info: dict[str, Any] = json.loads(self.proc.stdout.readline())
        self.http = httpx.Client(base_url=self.info["url"], timeout=30)

    def set_faults(self, faults: Faults) -> None:
        self.http.put("/_sandbox/faults", json=faults.to_json()).raise_for_status()

    def requests(self) -> list[dict[str, Any]]:
        answer = self.http.get("/_sandbox/requests", params={"platform": "attendu"})
        answer.raise_for_status()
        found: list[dict[str, Any]] = answer.json()
        return found

    def attendu_guest(self, guest_id: str) -> dict[str, Any]:
        attendu = self.info["attendu"]
        answer = self.http.get(
            f"/attendu/api/v1/guests/{guest_id}",
            params={"event": attendu["event"]},
            headers={"x-api-key": attendu["api_key"]},
        )
        answer.raise_for_status()
        found: dict[str, Any] = answer.json()
        return found

    def close(self) -> None:
        self.http.close()
        self.proc.terminate()
        self.proc.wait(timeout=20)
        if self.proc.stdout is not None:
            self.proc.stdout.close()


@pytest.fixture
def own_sandbox() -> Iterator[Sandbox]:
    """A sandbox of the test's own, so it can be stopped and started again."""
    sandbox = Sandbox(guests=1600, seed=11)
    sandbox.start(0)
    try:
        yield sandbox
    finally:
        sandbox.stop()


class LoopGaps:
    """A 10 ms QTimer recording the gaps between its ticks (the UI-freeze guard)."""

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self._last)
        self._last = now

    def __enter__(self) -> LoopGaps:
        self._last = time.perf_counter()
        self._timer.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._timer.stop()

    @property
    def worst_ms(self) -> float:
        return max(self.gaps[1:], default=0.0) * 1000


def _label(desk: Desk, name: str) -> str:
    found = desk.window.findChild(QLabel, name)
    assert found is not None
    return found.text()


def test_offline_changes_queue_and_drain_by_themselves(
    make_desk: Any, own_sandbox: Sandbox, qtbot: Any
) -> None:
    desk = make_desk("sheepcrm", own_sandbox.info["sheepcrm"], refresh=0.3, retry=FAST_RETRY)
    port = int(own_sandbox.url.rsplit(":", 1)[1])
    guests = [g for g in desk.service.index.all() if g.status is not Status.ATTENDED][:5]
    own_sandbox.stop()  # the Wi-Fi drops

    for guest in guests:
        desk.vm.set_status(guest.id, Status.ATTENDED)
    # Search and changes keep working from memory; the window says what is going on.
    assert [g.id for g in desk.service.search(guests[0].email)][:1] == [guests[0].id]
    qtbot.wait_until(lambda: desk.service.connection is Connection.OFFLINE, timeout=10_000)
    assert "Offline" in _label(desk, "connectionLabel")
    qtbot.wait_until(lambda: "5 changes waiting" in _label(desk, "pendingLabel"))
    assert desk.window.banner.isVisible()
    assert "Can't reach sheepCRM" in desk.window.banner_text.text()
    for guest in guests:
        shown = desk.service.guest(guest.id)
        assert shown is not None
        assert shown.status is Status.ATTENDED  # shown at once, saved on this kiosk
    assert desk.service.pending_count() == 5

    own_sandbox.start(port)  # the platform answers again; nobody touches anything
    qtbot.wait_until(lambda: desk.service.pending_count() == 0, timeout=20_000)
    for guest in guests:
        assert own_sandbox.sheepcrm_session_of(guest.platform_ref)["status"] == "attended"
    qtbot.wait_until(lambda: "All changes delivered" in _label(desk, "pendingLabel"))
    qtbot.wait_until(lambda: desk.service.connection is Connection.ONLINE, timeout=10_000)


def test_the_window_starts_from_the_cache_when_the_platform_is_down(
    make_desk: Any, own_sandbox: Sandbox, qtbot: Any, tmp_path: Path
) -> None:
    shared = tmp_path / "desk.sqlite3"
    connection = dict(own_sandbox.info["sheepcrm"])
    first = make_desk("sheepcrm", connection, store_file=shared)
    count = len(first.service.index)
    guest = first.service.index.all()[7]
    cached = asyncio.ensure_future(first.service.cache_written())  # written behind the load
    qtbot.wait_until(cached.done, timeout=10_000)
    own_sandbox.stop()  # the platform is down when the kiosk starts again

    again = make_desk("sheepcrm", connection, store_file=shared, load=False, retry=FAST_RETRY)
    assert len(again.service.index) == count  # guests at once, from disk
    again.vm.reload()
    qtbot.wait_until(lambda: again.service.connection is Connection.OFFLINE, timeout=10_000)
    assert "Offline" in _label(again, "connectionLabel")
    assert again.window.model.rowCount() == min(count, LIST_LIMIT)
    assert f"of {count} guests" in _label(again, "resultsNote")  # all of them are there
    again.window.search.setText(guest.email)
    assert again.window.selected_guest_id() == guest.id
    again.window.set_selected_status(Status.ATTENDED)
    assert again.service.pending_count() == 1
    qtbot.wait_until(lambda: "1 change waiting" in _label(again, "pendingLabel"))


def test_a_thousand_changes_through_faults_land_exactly_once(make_desk: Any, qtbot: Any) -> None:
    platform = SandboxProcess(guests=1600, seed=11)
    try:
        _thousand_changes(make_desk, platform, qtbot)
    finally:
        platform.close()


def _thousand_changes(make_desk: Any, own_sandbox: SandboxProcess, qtbot: Any) -> None:
    desk = make_desk("attendu", own_sandbox.info["attendu"], retry=FAST_RETRY)
    targets = [g for g in desk.service.index.all() if g.status is not Status.ATTENDED][:1000]
    assert len(targets) == 1000
    own_sandbox.set_faults(
        Faults(
            drop_rate=0.2,
            drop_after_apply=True,  # the worst case: applied, but the answer is lost
            error_rate=0.1,
            rate_limit_rate=0.03,
            retry_after=1,
            seed=5,
        )
    )
    for guest in targets:  # a thousand clicks, as fast as a test can make them
        desk.vm.set_status(guest.id, Status.ATTENDED)
    settle_heap()  # as the app does after its first roster load
    try:
        with LoopGaps() as loop:  # the window while they drain through the faults
            qtbot.wait_until(lambda: desk.service.pending_count() == 0, timeout=55_000)
    finally:
        gc.unfreeze()
    own_sandbox.set_faults(Faults())

    faults = {r["fault"] for r in own_sandbox.requests() if r["fault"]}
    assert len(faults) >= 3, faults  # drops, 5xx and 429s really happened
    delivered = [e for e in desk.service.outbox.all() if e.state is EntryState.DELIVERED]
    assert len(delivered) == 1000
    for guest in targets:
        # A party is admitted once: never counted twice, whatever was dropped or retried.
        platform = own_sandbox.attendu_guest(guest.id)
        assert platform["status"]["attendance"] == guest.party_size, guest.id
    # A gross-regression guard only (a freeze anyone would notice). Sampling the main
    # thread during this drain finds no hot spot of ours; the gaps left are the OS
    # not scheduling the process on a 2-core machine shared with the sandbox process.
    # The budget (16 ms) is benchmarks/' loop_max_stall_ms; the 50 ms guard of one
    # waiting change is in test_main_window.py.
    assert loop.worst_ms < 500, f"UI loop stalled {loop.worst_ms:.0f} ms"


def test_two_desks_see_each_other_and_conflicts_are_asked(
    make_desk: Any, sandbox: Sandbox, qtbot: Any
) -> None:
    interval = 0.5
    desk_a = make_desk("sheepcrm", sandbox.info["sheepcrm"], refresh=interval, name="desk-a")
    desk_b = make_desk("sheepcrm", sandbox.info["sheepcrm"], refresh=interval, name="desk-b")
    guest = next(g for g in desk_a.service.index.all() if g.status is Status.ACCEPTED)

    desk_a.vm.set_status(guest.id, Status.ATTENDED)
    qtbot.wait_until(
        lambda: (
            (s := desk_a.service.sync_state(guest.id)) is not None and s.delivery is Delivery.SYNCED
        ),
        timeout=5000,
    )
    synced_at = time.monotonic()
    qtbot.wait_until(
        lambda: (g := desk_b.service.guest(guest.id)) is not None and g.status is Status.ATTENDED,
        timeout=5000,
    )
    assert time.monotonic() - synced_at <= 2 * interval + 0.5  # within two refreshes
    assert desk_b.service.changed_elsewhere(guest.id) is not None

    # Desk B, not having noticed, picks no-show: it is asked, nothing is sent yet.
    sandbox.clear_requests()
    desk_b.window.search.setText(guest.email)
    desk_b.window.set_selected_status(Status.NO_SHOW)
    box = desk_b.window.conflict_box
    assert isinstance(box, QMessageBox)
    assert box.isVisible()
    assert "“Attended”" in box.text()  # as the status buttons say it
    assert guest.name in box.text()
    assert not [r for r in sandbox.requests(platform="sheepcrm") if r.method == "PUT"]
    keep = box.findChild(QPushButton, "conflictKeep")
    assert keep is not None
    keep.click()
    assert desk_b.service.pending_count() == 0
    assert sandbox.sheepcrm_session_of(guest.platform_ref)["status"] == "attended"

    # Asked again and confirmed: now it is sent.
    desk_b.window.set_selected_status(Status.NO_SHOW)
    box = desk_b.window.conflict_box
    assert box is not None
    overwrite = box.findChild(QPushButton, "conflictOverwrite")
    assert overwrite is not None
    overwrite.click()
    qtbot.wait_until(
        lambda: sandbox.sheepcrm_session_of(guest.platform_ref)["status"] == "no-show",
        timeout=5000,
    )


def test_a_queued_change_meeting_a_newer_platform_change_needs_attention(
    make_desk: Any, sandbox: Sandbox, qtbot: Any
) -> None:
    desk = make_desk("sheepcrm", sandbox.info["sheepcrm"], retry=FAST_RETRY)
    guest = next(g for g in desk.service.index.all() if g.status is Status.ACCEPTED)
    sandbox.set_faults(Faults(error_rate=1.0, only="PUT"))  # writes fail for now
    desk.vm.set_status(guest.id, Status.ATTENDED)
    qtbot.wait_until(
        lambda: any(r.method == "PUT" for r in sandbox.requests(platform="sheepcrm")),
        timeout=5000,
    )
    # Meanwhile another desk declines the same guest, and this desk's refresh sees it.
    sandbox.set_sheepcrm_status(guest.platform_ref, "declined")
    desk.vm.reload()
    qtbot.wait_until(lambda: desk.service.changed_elsewhere(guest.id) is not None, timeout=5000)
    # The writes keep failing until the change is set aside: the decision not to overwrite
    # needs no network, and a try that began before the refresh (and so passed the check)
    # must not race a healed platform into accepting the stale write.
    qtbot.wait_until(
        lambda: (
            (s := desk.service.sync_state(guest.id)) is not None and s.delivery is Delivery.FAILED
        ),
        timeout=10_000,
    )
    sandbox.set_faults(Faults())
    assert sandbox.sheepcrm_session_of(guest.platform_ref)["status"] == "declined"
    [attention] = desk.service.outbox.needing_attention()
    assert "changed elsewhere" in attention.message
    qtbot.wait_until(desk.window.attention_button.isVisible)

    # Staff look at it in the changes view and discard it: kept, marked, not sent.
    desk.window.attention_button.click()
    dialog = desk.window.changes_dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.model.rowCount() == 1
    dialog.table.selectRow(0)
    assert dialog.discard_button.isEnabled()
    dialog.discard_button.click()
    assert desk.service.outbox.needing_attention() == []
    assert [e.state for e in desk.service.outbox.all()] == [EntryState.DISCARDED]
    assert "Nothing is pending or lost" in dialog.summary.text()
    assert sandbox.sheepcrm_session_of(guest.platform_ref)["status"] == "declined"
