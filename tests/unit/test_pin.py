"""The staff PIN: stored only as a salted scrypt hash, checked in constant time, throttled."""

from __future__ import annotations

import pytest

from kiosk.pin import PinError, PinThrottle, Verdict, hash_pin, parse_hash, verify_pin

CHEAP = 2**4  # scrypt cost for tests; the real default is 2**14


def test_hash_is_salted_and_holds_no_pin() -> None:
    first, second = hash_pin("4321", n=CHEAP), hash_pin("4321", n=CHEAP)
    assert first != second  # a fresh salt each time
    assert "4321" not in first
    assert first.startswith(f"scrypt${CHEAP}$8$1$")
    assert verify_pin("4321", first)
    assert verify_pin("4321", second)


def test_default_cost_is_slow_on_purpose() -> None:
    n, r, p, salt, digest = parse_hash(hash_pin("123456"))
    assert (n, r, p) == (2**14, 8, 1)
    assert len(salt) == 16
    assert len(digest) == 32


@pytest.mark.parametrize(
    "wrong", ["1234", "43210", "", "432", "abcd", "\uff14\uff13\uff12\uff11", "4321 "]
)
def test_wrong_pins_are_refused(wrong: str) -> None:
    assert not verify_pin(wrong, hash_pin("4321", n=CHEAP))


@pytest.mark.parametrize("pin", ["123", "1234567890123", "12a4", "", "\uff11\uff12\uff13\uff14"])
def test_only_4_to_12_digits_can_be_a_pin(pin: str) -> None:
    with pytest.raises(PinError, match="4 to 12 digits"):
        hash_pin(pin, n=CHEAP)


@pytest.mark.parametrize(
    "stored",
    ["", "4321", "scrypt$16$8$1$c2FsdA==", "bcrypt$16$8$1$AAAAAAAAAAA=$AAAA", "scrypt$15$8$1$x$y"],
)
def test_a_damaged_hash_says_how_to_fix_it(stored: str) -> None:
    with pytest.raises(PinError, match="set it again"):
        verify_pin("4321", stored)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_throttle_waits_longer_after_each_wrong_try_and_resets_on_the_right_one() -> None:
    clock = Clock()
    throttle = PinThrottle(free_tries=3, base=30, cap=100, clock=clock)
    assert [throttle.record(False).tries_left for _ in range(2)] == [2, 1]
    assert throttle.allows()
    third = throttle.record(False)
    assert third.verdict is Verdict.WRONG
    assert third.wait == 30
    assert not throttle.allows()
    assert throttle.refused().verdict is Verdict.LOCKED
    clock.now += 29.5
    assert throttle.wait() == pytest.approx(0.5)
    clock.now += 0.5
    assert throttle.allows()
    assert throttle.record(False).wait == 60  # doubled
    clock.now += 60
    assert throttle.record(False).wait == 100  # capped
    clock.now += 100
    assert throttle.record(True).verdict is Verdict.ACCEPTED
    assert throttle.allows()
    assert throttle.record(False).tries_left == 2  # counting starts again
