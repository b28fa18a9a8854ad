"""kill -9 mid-drain: the real app, as its own process, loses and duplicates nothing.

The outbox is filled the way the window fills it (a StatusChange per pick, written
before any network call); the app drains it against a slow Attendu — the platform
whose check-in adds to a counter, so a blind retry would admit a party twice — and
is killed with SIGKILL part-way. Started again, it finishes, and the platform ends
with every change applied exactly once.
"""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from kiosk import config
from kiosk.domain import Status, StatusChange
from kiosk.sandbox import Faults, Sandbox
from kiosk.store.local import open_store
from kiosk.store.outbox import EntryState
from tests.e2e.process import app_env, attendu_status, start_attendu_desk, wait_for

pytestmark = [pytest.mark.slow, pytest.mark.timeout(120)]
CHANGES = 220


def _check_ins(sandbox: Sandbox) -> int:
    return sum(
        1
        for r in sandbox.requests(platform="attendu")
        if r.method == "POST" and r.path.endswith("/check-in") and r.status == 200
    )


def test_kill_9_mid_drain_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    sandbox = Sandbox(guests=400, seed=3)
    sandbox.start(0)
    try:
        connection = dict(sandbox.info["attendu"])
        env = app_env(tmp_path, **{config.API_KEY_ENV: connection["api_key"]})
        store_path = config.store_file(
            tmp_path / "data" / "kiosk", "default", "attendu", connection["event"]
        )
        targets = [g for g in sandbox.attendu_guests() if g["status"]["attendance"] == 0]
        targets = targets[:CHANGES]
        assert len(targets) == CHANGES
        party = {g["_id"]: max(1, g["status"]["confirmation"]) for g in targets}

        store, problem = open_store(store_path)
        assert problem is None
        for guest in targets:  # what the window writes when someone picks "attended"
            store.outbox.add(
                StatusChange(
                    guest_id=guest["_id"],
                    platform_ref=guest["_id"],
                    status=Status.ATTENDED,
                    kiosk_id="crash-desk",
                    previous_status=attendu_status(guest),
                )
            )
        store.close()

        sandbox.set_faults(Faults(latency=0.15, only="check-in"))
        first = start_attendu_desk(connection, env, "crash-desk")
        wait_for(lambda: _check_ins(sandbox) >= 40, 60, "the first check-ins")
        first.send_signal(signal.SIGKILL)  # mid-drain, no goodbye
        first.communicate(timeout=10)
        assert first.returncode == -signal.SIGKILL
        killed_at = _check_ins(sandbox)
        assert killed_at < CHANGES, "the drain finished before the kill; slow it down"

        second = start_attendu_desk(connection, env, "crash-desk")
        reader, _ = open_store(store_path)
        try:
            wait_for(lambda: reader.outbox.count_pending() == 0, 90, "the outbox to drain")
            entries = reader.outbox.all()
        finally:
            reader.close()
        second.send_signal(signal.SIGTERM)
        _, err = second.communicate(timeout=30)
        assert second.returncode == 0, err[-2000:]
    finally:
        sandbox.stop()

    assert len(entries) == CHANGES
    assert {e.state for e in entries} == {EntryState.DELIVERED}
    for guest in targets:
        now = sandbox.attendu_guest(guest["_id"])["status"]["attendance"]
        # Exactly once: the party admitted, never twice (a retry without a re-read
        # after the kill would have doubled it).
        assert now == party[guest["_id"]], (guest["_id"], now)
