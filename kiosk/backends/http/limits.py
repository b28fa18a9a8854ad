"""How much of an answer Kiosk reads: the size caps and slices of the HTTP transport."""

from __future__ import annotations

KIB = 1024
MIB = 1024 * KIB

#: A write's answer or one object: far more than any real one, small enough to refuse junk.
SINGLE_MAX_BYTES = 1 * MIB
#: A page or a list of events.
PAGE_MAX_BYTES = 16 * MIB
#: A whole roster in one answer: a 100,000-guest sheepCRM attendance list is 40-60 MB.
ROSTER_MAX_BYTES = 160 * MIB

#: How much of a streamed answer is parsed between two turns of the event loop.
FEED_SLICE_BYTES = 8 * KIB
#: How much of an error body we read to find the platform's message.
ERROR_BODY_MAX_BYTES = 64 * KIB
#: How long a platform's own message may be when we keep it.
MESSAGE_MAX_CHARS = 200


def size_text(n: int) -> str:
    """A cap for people: "16 MiB", "64 KiB"."""
    return f"{n // MIB} MiB" if n >= MIB else f"{n // KIB} KiB"
