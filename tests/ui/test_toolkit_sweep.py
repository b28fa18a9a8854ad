"""The end-of-event no-show sweep over real HTTP: preview, the staff PIN, delivery with
progress, a cancel part-way (what was not sent is withdrawn, never sent), offline (saved,
sent when the platform is back), and Attendu, which keeps no no-show state and says so."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt

from kiosk.app import Desk
from kiosk.domain import Status
from kiosk.pin import hash_pin
from kiosk.sandbox import Faults, Sandbox
from kiosk.services.sweep import SweepState
from kiosk.store.outbox import EntryState
from kiosk.ui.sweep_dialog import SweepDialog
from tests.ui.conftest import FAST_RETRY

pytestmark = pytest.mark.timeout(120)


def _no_show_puts(sandbox: Sandbox) -> list[str]:
    """The person URIs sheepCRM was told are no-shows, in order."""
    return [
        dict(r.query)["person_uri"]
        for r in sandbox.requests("sheepcrm")
        if r.method == "PUT" and dict(r.query).get("status") == "no-show"
    ]


def _open_sweep(desk: Desk, qtbot: Any) -> SweepDialog:
    """Ctrl+I, then a tap on the panel's "Mark … no-shows" button."""
    qtbot.keyClick(desk.window.search, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    panel = desk.window.toolkit.panel
    assert panel is not None
    qtbot.wait_until(lambda: panel.sweep_button.isEnabled(), timeout=5000)
    qtbot.mouseClick(panel.sweep_button, Qt.MouseButton.LeftButton)
    dialog = desk.window.toolkit.sweep_dialog
    assert dialog is not None
    assert dialog.isVisible()
    return dialog


def test_the_sweep_asks_for_the_pin_and_marks_every_accepted_guest(
    make_desk: Any, sandbox: Sandbox, qtbot: Any
) -> None:
    desk = make_desk("sheepcrm", sandbox.info["sheepcrm"])
    desk.window.toolkit.pin_hash = hash_pin("2468", n=2**10)
    accepted = {g.platform_ref for g in desk.service.index.all() if g.status is Status.ACCEPTED}
    dialog = _open_sweep(desk, qtbot)
    count = len(accepted)
    assert dialog.headline.text() == (
        f"Mark the {count} accepted guests who did not come as no-show"
    )
    assert dialog.preview.count() == count
    assert dialog.confirm.text() == f"Mark {count} as no-show"
    assert dialog.pin.isVisible()

    qtbot.keyClicks(dialog.pin, "1111")
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    qtbot.wait_until(lambda: dialog.message.text() == "Wrong PIN.", timeout=5000)
    assert _no_show_puts(sandbox) == []

    qtbot.keyClicks(dialog.pin, "2468")
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    qtbot.wait_until(lambda: dialog.progress.isVisible(), timeout=5000)
    qtbot.wait_until(lambda: dialog.message.text().startswith("Done."), timeout=60_000)
    assert f"{count} of {count} sent · 0 waiting · 0 need attention" in dialog.message.text()
    assert dialog.progress.value() == dialog.progress.maximum()
    puts = _no_show_puts(sandbox)
    assert sorted(puts) == sorted(accepted)  # each once
    panel = desk.window.toolkit.panel
    assert panel is not None
    qtbot.wait_until(lambda: panel.status_labels["accepted"].text() == "0", timeout=5000)
    outcomes = [e.state for e in desk.service.outbox.all() if e.change.status is Status.NO_SHOW]
    assert outcomes == [EntryState.DELIVERED] * count


def test_a_cancelled_sweep_withdraws_what_was_not_sent(
    make_desk: Any, sandbox: Sandbox, qtbot: Any
) -> None:
    desk = make_desk("sheepcrm", sandbox.info["sheepcrm"])
    sandbox.set_faults(Faults(latency=0.15, only="PUT"))  # a slow platform: time to stop
    dialog = _open_sweep(desk, qtbot)
    assert not dialog.pin.isVisible()  # no staff PIN set: a confirmation alone
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    sweep = dialog.sweep
    assert sweep is not None
    qtbot.wait_until(lambda: sweep.progress().delivered >= 8, timeout=20_000)
    qtbot.mouseClick(dialog.stop, Qt.MouseButton.LeftButton)  # "Stop and withdraw the rest"
    qtbot.wait_until(lambda: sweep.progress().waiting == 0, timeout=20_000)
    done = sweep.progress()
    assert done.state is SweepState.CANCELLED
    assert done.withdrawn > 0
    assert f"Stopped: {done.withdrawn} withdrawn before they were sent." in dialog.message.text()
    states = [e.state for e in desk.service.outbox.all() if e.change.status is Status.NO_SHOW]
    delivered = states.count(EntryState.DELIVERED)
    assert states.count(EntryState.WITHDRAWN) == done.withdrawn
    assert delivered == done.delivered
    assert desk.service.pending_count() == 0
    assert len(_no_show_puts(sandbox)) == delivered  # the withdrawn never went out
    accepted = [g for g in desk.service.index.all() if g.status is Status.ACCEPTED]
    assert len(accepted) == done.withdrawn + done.skipped  # shown as the platform has them


def test_attendu_says_why_it_takes_no_sweep(make_desk: Any, sandbox: Sandbox, qtbot: Any) -> None:
    desk = make_desk("attendu", sandbox.info["attendu"])
    dialog = _open_sweep(desk, qtbot)
    assert "Attendu keeps no no-show state" in dialog.explain.text()
    assert not dialog.confirm.isEnabled()
    assert not dialog.pin.isVisible()
    assert dialog.preview.count() > 0  # who it concerns is still shown
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    assert [r for r in sandbox.requests("attendu") if r.method != "GET"] == []


@pytest.fixture
def own_sandbox() -> Iterator[Sandbox]:
    """A sandbox of the test's own, so the platform can go away and come back."""
    sandbox = Sandbox(guests=120, seed=9)
    sandbox.start(0)
    try:
        yield sandbox
    finally:
        sandbox.stop()


def test_a_sweep_offline_waits_in_the_outbox_and_goes_when_the_platform_is_back(
    make_desk: Any, own_sandbox: Sandbox, qtbot: Any
) -> None:
    desk = make_desk("sheepcrm", own_sandbox.info["sheepcrm"], retry=FAST_RETRY)
    port = int(own_sandbox.url.rsplit(":", 1)[1])
    accepted = {g.platform_ref for g in desk.service.index.all() if g.status is Status.ACCEPTED}
    own_sandbox.stop()  # the Wi-Fi drops before the end of the event
    dialog = _open_sweep(desk, qtbot)
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    count = len(accepted)
    qtbot.wait_until(
        lambda: f"0 of {count} sent · {count} waiting" in dialog.message.text(), timeout=10_000
    )
    assert desk.service.outbox.count_pending() == count  # saved, every one

    own_sandbox.start(port)
    desk.vm.reload()  # the next refresh finds the platform back
    qtbot.wait_until(lambda: dialog.message.text().startswith("Done."), timeout=60_000)
    assert sorted(_no_show_puts(own_sandbox)) == sorted(accepted)
