"""Unique identifiers of the demo data: ObjectId-shaped ids and ``KSK-XXXX-XXXX`` ticket codes."""

from __future__ import annotations

import random

#: Ticket code alphabet, 32 symbols without 0/O and 1/I, so codes are read back without confusion.
_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
_CODE_BITS = 40
_CODE_MASK = (1 << _CODE_BITS) - 1
#: Two code symbols per 10 bits, so a code is four table look-ups.
_CODE_PAIRS = tuple(a + b for a in _CODE_ALPHABET for b in _CODE_ALPHABET)


class ObjectIds:
    """ObjectId-shaped 24-hex ids: 4 bytes of time, 5 fixed "process" bytes, a 3-byte
    counter, as MongoDB makes them; the counter keeps every id unique."""

    def __init__(self, rng: random.Random) -> None:
        self.middle = f"{rng.getrandbits(40):010x}"
        self.counter = rng.getrandbits(23)

    def new(self, at_ms: int) -> str:
        """The next id, stamped with the second of ``at_ms`` (epoch milliseconds)."""
        self.counter = counter = (self.counter + 1) & 0xFFFFFF
        return f"{(at_ms // 1000) & 0xFFFFFFFF:08x}{self.middle}{counter:06x}"


class TicketCodes:
    """Unique, random-looking ``KSK-XXXX-XXXX`` codes: a bijective mix of a counter, so
    uniqueness needs no bookkeeping even for 100,000 guests."""

    def __init__(self, rng: random.Random) -> None:
        self._key = rng.getrandbits(_CODE_BITS)
        self._counter = 0

    def new(self) -> str:
        self._counter += 1
        x = (self._counter ^ self._key) & _CODE_MASK
        # Each step is a bijection on 40 bits (odd multiply, xor-shift), so is the whole.
        x = (x * 0x9E3779B97F) & _CODE_MASK
        x ^= x >> 19
        x = (x * 0xC2B2AE3D27) & _CODE_MASK
        x ^= x >> 21
        pairs = _CODE_PAIRS
        return (
            f"KSK-{pairs[x >> 30]}{pairs[(x >> 20) & 1023]}"
            f"-{pairs[(x >> 10) & 1023]}{pairs[x & 1023]}"
        )
