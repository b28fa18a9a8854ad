"""A self-service kiosk's desk reference (``D-4K7Q``) read back at the staff desk.

The kiosk and the desk share nothing but the platform, so the reference carries what the
desk needs: the letter says why the kiosk sent the guest (``Reason.letter``), and when
the kiosk knew who the guest was, the four characters are a mark of their guest id
(``guest_mark``), the same at every desk. Typed or scanned at the desk, the marks of
the roster are compared (a table made on first use, forgotten when the roster changes);
a mark two guests share opens both to pick from. Without a guest (an unknown ticket, a
name not found) the four characters are random and the letter alone says what happened.
A mark names no one to a stranger: it can be read only against the roster.
"""

from __future__ import annotations

import re
import zlib

from kiosk.domain import Guest
from kiosk.search import SearchIndex
from kiosk.services.selfservice_steps import REFERENCE_ALPHABET, Reason

#: A letter, a dash and four characters: a name ("Karen") never reads as one.
_REFERENCE = re.compile(
    rf"^\s*([A-Z])\s*[-\u2013]\s*([{REFERENCE_ALPHABET}]{{4}})\s*$", re.IGNORECASE
)
_LETTERS = {reason.letter: reason for reason in Reason}


def guest_mark(guest_id: str) -> str:
    """Four characters of ``REFERENCE_ALPHABET`` standing for a guest id."""
    value = zlib.crc32(guest_id.encode("utf-8", "surrogatepass"))
    size = len(REFERENCE_ALPHABET)
    chars = []
    for _ in range(4):
        value, digit = divmod(value, size)
        chars.append(REFERENCE_ALPHABET[digit])
    return "".join(chars)


def parse_reference(text: str) -> tuple[Reason, str] | None:
    """The reason and mark of a typed or scanned reference; None for anything else."""
    found = _REFERENCE.match(text)
    if found is None:
        return None
    reason = _LETTERS.get(found.group(1).upper())
    if reason is None:
        return None
    return reason, found.group(2).upper()


class References:
    """Finds the guests a reference's mark stands for in the desk's roster."""

    def __init__(self, index: SearchIndex) -> None:
        self._index = index
        self._marks: dict[str, list[str]] | None = None

    def forget(self) -> None:
        """The roster changed: marks are made afresh at the next look-up."""
        self._marks = None

    def guests(self, mark: str) -> list[Guest]:
        if self._marks is None:
            marks: dict[str, list[str]] = {}
            for guest in self._index.all():  # once per roster, when a reference is read
                marks.setdefault(guest_mark(guest.id), []).append(guest.id)
            self._marks = marks
        found = (self._index.get(gid) for gid in self._marks.get(mark.upper(), ()))
        return [guest for guest in found if guest is not None]
