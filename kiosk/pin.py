"""The staff PIN: a salted scrypt hash (never the PIN itself) and a throttle on wrong tries.

No Qt. A stored hash reads ``scrypt$<n>$<r>$<p>$<salt b64>$<hash b64>``: the cost
parameters travel with it, so they can be raised later without breaking old profiles.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import enum
import hashlib
import hmac
import json
import logging
import math
import os
import secrets
import time
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)

#: scrypt cost: 2**14 * 8 * 128 bytes = 16 MiB and ~50 ms per try on a small PC.
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
_SALT_BYTES = 16
_HASH_BYTES = 32
#: A PIN is 4 to 12 digits: what a touch PIN pad can enter, long enough to resist guessing
#: when the throttle below stands between a passer-by and the next try.
PIN_MIN, PIN_MAX = 4, 12


class PinError(ValueError):
    """A PIN or a stored hash that cannot be used (says why)."""


def check_pin_shape(pin: str) -> str:
    """The PIN when it is 4-12 digits; PinError otherwise."""
    if not (pin.isascii() and pin.isdigit() and PIN_MIN <= len(pin) <= PIN_MAX):
        raise PinError(f"A staff PIN is {PIN_MIN} to {PIN_MAX} digits.")
    return pin


def hash_pin(pin: str, *, n: int = SCRYPT_N, salt: bytes | None = None) -> str:
    """The text to store for ``pin`` (a fresh random salt each time)."""
    check_pin_shape(pin)
    salt = salt if salt is not None else secrets.token_bytes(_SALT_BYTES)
    digest = _scrypt(pin, salt, n, SCRYPT_R, SCRYPT_P)
    return "$".join(("scrypt", str(n), str(SCRYPT_R), str(SCRYPT_P), _b64(salt), _b64(digest)))


def verify_pin(pin: str, stored: str) -> bool:
    """Whether ``pin`` is the one ``stored`` was made from (constant-time compare).

    Slow on purpose (~50 ms): call it off the UI thread.
    """
    n, r, p, salt, digest = parse_hash(stored)
    if not (pin.isascii() and pin.isdigit() and len(pin) <= PIN_MAX):
        return False
    return hmac.compare_digest(_scrypt(pin, salt, n, r, p, len(digest)), digest)


def parse_hash(stored: str) -> tuple[int, int, int, bytes, bytes]:
    """(n, r, p, salt, hash) of a stored PIN hash; PinError when it is not one."""
    parts = stored.strip().split("$")
    try:
        if len(parts) != 6 or parts[0] != "scrypt":
            raise ValueError(stored)
        n, r, p = (int(value) for value in parts[1:4])
        salt, digest = _unb64(parts[4]), _unb64(parts[5])
    except ValueError as exc:
        raise PinError(
            "The staff PIN in the profile is not a PIN hash: set it again with kiosk --set-pin."
        ) from exc
    if n < 2 or n & (n - 1) or r < 1 or p < 1 or len(salt) < 8 or len(digest) < 16:
        raise PinError("The staff PIN hash has unusable parameters: set it again.")
    return n, r, p, salt, digest


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int, length: int = _HASH_BYTES) -> bytes:
    return hashlib.scrypt(
        pin.encode("ascii"), salt=salt, n=n, r=r, p=p, maxmem=256 * n * r * p, dklen=length
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


class Verdict(enum.Enum):
    ACCEPTED = "accepted"
    WRONG = "wrong"
    LOCKED = "locked"  # too many wrong tries: not even checked


@dataclasses.dataclass(frozen=True, slots=True)
class Attempt:
    """The outcome of one PIN try; ``wait`` is the seconds until the next one is taken."""

    verdict: Verdict
    wait: float = 0.0
    tries_left: int = 0


class PinThrottle:
    """Counts wrong tries: after ``free_tries`` of them every try waits, first ``base``
    seconds, doubling up to ``cap``. A right PIN resets it. The clocks are injected.

    With a ``path`` the count and the pause are kept in that file (0600), so neither a
    restart nor a power cycle gives fresh tries. The pause is stored as what was left of
    it and the wall time then: a clock set back counts as no time passed. A file that
    cannot be read as one means a pause of ``base`` seconds, never unlimited tries; a
    file that cannot be written leaves the throttle in memory (and says so in the log).
    """

    def __init__(
        self,
        *,
        free_tries: int = 3,
        base: float = 30.0,
        cap: float = 300.0,
        clock: Callable[[], float] = time.monotonic,
        wall: Callable[[], float] = time.time,
        path: Path | None = None,
    ) -> None:
        self.free_tries = free_tries
        self.base = base
        self.cap = cap
        self._clock = clock
        self._wall = wall
        self._path = path
        self._wrong = 0
        self._locked_until = 0.0
        if path is not None:
            self._load(path)

    def wait(self) -> float:
        """Seconds until a try is taken again (0 when one is taken now)."""
        return max(0.0, self._locked_until - self._clock())

    def allows(self) -> bool:
        return self.wait() <= 0.0

    def record(self, right: bool) -> Attempt:
        """Count a try that was checked; returns what to tell the person."""
        if right:
            had_wrong = self._wrong > 0
            self._wrong = 0
            self._locked_until = 0.0
            if had_wrong:
                self._save()
            return Attempt(Verdict.ACCEPTED)
        self._wrong += 1
        over = self._wrong - self.free_tries
        if over >= 0:
            self._locked_until = self._clock() + min(self.cap, self.base * 2 ** min(over, 32))
        self._save()
        return Attempt(
            Verdict.WRONG, wait=self.wait(), tries_left=max(0, self.free_tries - self._wrong)
        )

    def refused(self) -> Attempt:
        """The answer while locked: the PIN was not even checked."""
        return Attempt(Verdict.LOCKED, wait=self.wait())

    def _load(self, path: Path) -> None:
        try:
            data = json.loads(path.read_bytes())
            wrong, remaining, saved_at = data["wrong"], data["remaining"], data["saved_at"]
            numbers = (remaining, saved_at)
            if (
                type(wrong) is not int
                or not 0 <= wrong <= 10_000
                or not all(isinstance(n, int | float) and math.isfinite(n) for n in numbers)
                or not 0 <= remaining <= self.cap
            ):
                raise ValueError("out of range")
        except FileNotFoundError:
            return  # never locked on this computer
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("PIN throttle file %s unreadable (%s): locked for %g s", path, exc,
                        self.base)  # fmt: skip
            self._wrong = self.free_tries
            self._locked_until = self._clock() + self.base
            return
        passed = min(remaining, max(0.0, self._wall() - saved_at))
        self._wrong = wrong
        self._locked_until = self._clock() + remaining - passed if remaining > passed else 0.0

    def _save(self) -> None:
        path = self._path
        if path is None:
            return
        record = {"wrong": self._wrong, "remaining": self.wait(), "saved_at": self._wall()}
        temporary = path.with_name(path.name + ".tmp")
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(record, out)
                out.flush()
                os.fsync(out.fileno())  # a power cut right after a wrong try keeps it
            os.replace(temporary, path)
        except OSError as exc:
            log.warning("PIN throttle not kept in %s (%s): in memory only", path, exc)
            with contextlib.suppress(OSError):
                temporary.unlink()


def pin_throttle(profile: str | None) -> PinThrottle:
    """The staff PIN's throttle, kept in the user's state folder per profile so that a
    restart gives no fresh tries (None: the demo, kept in memory)."""
    if profile is None:
        return PinThrottle()
    import platformdirs

    from kiosk.config import APP_NAME

    folder = Path(platformdirs.user_state_dir(APP_NAME, appauthor=False))
    return PinThrottle(path=folder / f"{profile}.pin-throttle")
