"""Two Kiosks on one profile and event: the second says so and stops, and the platform
receives each change once (found by an attack: a second Kiosk started while the first
was sending took the same waiting change and sent it too; Attendu counted the party
twice)."""

from __future__ import annotations

import contextlib
import signal
from collections import Counter
from pathlib import Path

import pytest

from kiosk import config
from kiosk.domain import Status, StatusChange
from kiosk.sandbox import Faults, Sandbox
from kiosk.store.local import open_store
from tests.e2e.process import (
    app_env,
    attendu_status,
    reaped,
    start_attendu_desk,
    wait_for,
)

pytestmark = [pytest.mark.slow, pytest.mark.timeout(120)]
CHANGES = 120


def _check_ins(sandbox: Sandbox) -> list[str]:
    return [
        r.path
        for r in sandbox.requests(platform="attendu")
        if r.method == "POST" and r.path.endswith("/check-in")
    ]


def test_a_second_kiosk_on_one_profile_stops_and_nothing_is_sent_twice(tmp_path: Path) -> None:
    with Sandbox(guests=400, seed=4) as sandbox:
        connection = dict(sandbox.info["attendu"])
        env = app_env(tmp_path, **{config.API_KEY_ENV: connection["api_key"]})
        store_path = config.store_file(
            tmp_path / "data" / "kiosk", "default", "attendu", connection["event"]
        )
        targets = [g for g in sandbox.attendu_guests() if g["status"]["attendance"] == 0]
        targets = targets[:CHANGES]
        store, _ = open_store(store_path)
        for guest in targets:  # waiting changes, as the window writes them
            store.outbox.add(
                StatusChange(
                    guest_id=guest["_id"],
                    platform_ref=guest["_id"],
                    status=Status.ATTENDED,
                    kiosk_id="door-desk",
                    previous_status=attendu_status(guest),
                )
            )
        store.close()

        sandbox.set_faults(Faults(latency=0.5, only="check-in"))  # a slow POST
        first = start_attendu_desk(connection, env, "door-desk")
        reader, _ = open_store(store_path)
        with reaped(first), contextlib.closing(reader):
            wait_for(lambda: len(_check_ins(sandbox)) >= 1, 60, "the first check-in")
            second = start_attendu_desk(connection, env, "door-desk")
            with reaped(second):
                wait_for(
                    lambda: second.poll() is not None or reader.outbox.count_pending() == 0,
                    90,
                    "the second Kiosk to stop or the outbox to drain",
                )
                if second.poll() is None:  # it ran beside the first: stop it too
                    second.send_signal(signal.SIGTERM)
                _, err = second.communicate(timeout=30)
            wait_for(lambda: reader.outbox.count_pending() == 0, 90, "the outbox to drain")
            first.send_signal(signal.SIGTERM)
            _, first_err = first.communicate(timeout=30)
        sent = Counter(_check_ins(sandbox))
        attendance = {g["_id"]: sandbox.attendu_guest(g["_id"])["status"] for g in targets}
    assert set(sent.values()) == {1}, sent.most_common(3)  # no check-in sent twice
    assert second.returncode == 3, err[-3000:]
    assert "Kiosk is already running for this event on this computer." in err
    assert "Traceback" not in err
    assert first.returncode == 0, first_err[-3000:]
    for guest in targets:
        party = max(1, guest["status"]["confirmation"])
        assert attendance[guest["_id"]]["attendance"] == party, guest["_id"]
