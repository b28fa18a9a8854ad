"""The PIN throttle kept on disk: a restart or a power cycle gives no fresh tries, and a
damaged or tampered file locks for the base time instead of allowing unlimited tries."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from kiosk.pin import PinThrottle, Verdict


class Clock:
    """A clock moved by hand; a new process gets a new monotonic clock (``restart``)."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def _throttle(path: Path, clock: Clock, wall: Clock) -> PinThrottle:
    return PinThrottle(free_tries=3, base=30, cap=300, clock=clock, wall=wall, path=path)


def test_a_lock_out_survives_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "state" / "default.pin-throttle"
    wall = Clock(1_700_000_000.0)
    first = _throttle(path, Clock(), wall)
    for _ in range(3):
        first.record(False)
    assert not first.allows()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600

    # A restart 10 s later: a new process, a new monotonic clock, the same file.
    wall.now += 10
    again = _throttle(path, Clock(5.0), wall)
    assert not again.allows()
    assert again.wait() == pytest.approx(20)
    assert again.refused().verdict is Verdict.LOCKED
    # The count carried over too: the next wrong try waits twice as long, not 3 free ones.
    wall.now += 20
    again_clock = Clock(5.0 + 20)
    later = _throttle(path, again_clock, wall)
    assert later.allows()
    assert later.record(False).wait == 60


def test_a_clock_set_back_never_shortens_nor_stretches_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "throttle"
    wall = Clock(1_700_000_000.0)
    first = _throttle(path, Clock(), wall)
    for _ in range(3):
        first.record(False)
    wall.now -= 86_400  # a kiosk PC without a clock battery, after a power cut
    assert _throttle(path, Clock(), wall).wait() == pytest.approx(30)


def test_the_right_pin_clears_the_file(tmp_path: Path) -> None:
    path = tmp_path / "throttle"
    wall = Clock(1_700_000_000.0)
    first = _throttle(path, Clock(), wall)
    first.record(False)
    first.record(True)
    again = _throttle(path, Clock(), wall)
    assert [again.record(False).tries_left for _ in range(2)] == [2, 1]


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00\xff garbage",
        b"{}",
        b"[1, 2]",
        json.dumps({"wrong": -5, "remaining": 0, "saved_at": 0}).encode(),
        json.dumps({"wrong": 0, "remaining": -1, "saved_at": 0}).encode(),
        json.dumps({"wrong": "0", "remaining": 0, "saved_at": 0}).encode(),
        json.dumps({"wrong": 10**400, "remaining": 0, "saved_at": 0}).encode(),
        b'{"wrong": 0, "remaining": NaN, "saved_at": 0}',
    ],
    ids=["empty", "binary", "no-fields", "a-list", "negative", "negative-wait", "a-string",
         "huge", "nan"],
)  # fmt: skip
def test_a_damaged_file_locks_for_the_base_time(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "throttle"
    path.write_bytes(content)
    throttle = _throttle(path, Clock(), Clock(1_700_000_000.0))
    assert throttle.wait() == pytest.approx(30)
    assert throttle.record(False).wait == 60  # never back to free tries


def test_an_unwritable_place_keeps_the_throttle_in_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    throttle = _throttle(blocker / "throttle", Clock(), Clock(1_700_000_000.0))
    for _ in range(3):
        throttle.record(False)
    assert not throttle.allows()


def test_a_folder_for_it_is_private(tmp_path: Path) -> None:
    path = tmp_path / "state" / "kiosk" / "throttle"
    _throttle(path, Clock(), Clock(1_700_000_000.0)).record(False)
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert not any(name.endswith(".tmp") for name in os.listdir(path.parent))


def test_the_app_keeps_the_throttle_in_the_users_state_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kiosk.app import pin_throttle

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    first = pin_throttle("front-door")
    for _ in range(first.free_tries):
        first.record(False)
    assert (tmp_path / "state" / "kiosk" / "front-door.pin-throttle").is_file()
    assert not pin_throttle("front-door").allows()  # the next start: still locked
    assert pin_throttle("other").allows()  # per profile
    assert pin_throttle(None).allows()  # the demo: memory only
