"""Guest search: text normalisation and an in-memory index answered within one frame."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from kiosk.domain import Guest

#: Letters that Unicode decomposition does not fold to ASCII but people type without.
_EXTRA_FOLDS = str.maketrans(
    {
        "ł": "l",
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "\u0131": "i",  # Turkish dotless i
    }
)
MAX_QUERY_CHARS = 200


def fold(text: str) -> str:
    """Case- and accent-insensitive form: 'Łukasz Müller' → 'lukasz muller'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_EXTRA_FOLDS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokens(text: str) -> list[str]:
    """Folded words; punctuation and control characters separate words."""
    out: list[str] = []
    word: list[str] = []
    for ch in fold(text):
        if ch.isalnum() or ch in "@.+-_":
            word.append(ch)
        elif word:
            out.append("".join(word))
            word = []
    if word:
        out.append("".join(word))
    return out


class SearchIndex:
    """Finds guests by name (any order, partial words), email prefix or exact ticket code.

    Ranking: exact ticket or id first, then guests whose name words start with every
    query word, then matches inside words; alphabetical by last name within a rank.
    """

    def __init__(self, guests: Iterable[Guest] = ()) -> None:
        self._entries: dict[str, tuple[Guest, tuple[str, ...], str, str]] = {}
        self.replace(guests)

    def __len__(self) -> int:
        return len(self._entries)

    def replace(self, guests: Iterable[Guest]) -> None:
        self._entries = {}
        for guest in guests:
            self.update(guest)

    def update(self, guest: Guest) -> None:
        names = tuple(tokens(f"{guest.first_name} {guest.last_name}"))
        self._entries[guest.id] = (guest, names, fold(guest.email), fold(guest.ticket))

    def remove(self, guest_id: str) -> None:
        """Forget a guest the platform no longer lists."""
        self._entries.pop(guest_id, None)

    def get(self, guest_id: str) -> Guest | None:
        entry = self._entries.get(guest_id)
        return entry[0] if entry else None

    def all(self) -> list[Guest]:
        return sorted((e[0] for e in self._entries.values()), key=_sort_key)

    def search(self, query: str, limit: int | None = 200) -> list[Guest]:
        """Ranked matches; an empty query lists everyone (``limit`` None: no cap)."""
        words = tokens(query[:MAX_QUERY_CHARS])
        if not words:
            return self.all()[:limit]
        joined = " ".join(words)
        ranked: list[tuple[int, tuple[str, str], Guest]] = []
        for guest, names, email, ticket in self._entries.values():
            rank = _rank(words, joined, guest, names, email, ticket)
            if rank is not None:
                ranked.append((rank, _sort_key(guest), guest))
        ranked.sort(key=lambda item: (item[0], item[1]))
        return [guest for _, _, guest in ranked[:limit]]


def _sort_key(guest: Guest) -> tuple[str, str]:
    return (fold(guest.last_name), fold(guest.first_name))


def _rank(
    words: list[str],
    joined: str,
    guest: Guest,
    names: tuple[str, ...],
    email: str,
    ticket: str,
) -> int | None:
    if (ticket and joined == ticket) or joined == guest.id.casefold():
        return 0
    if email and email.startswith(joined):
        return 1
    if all(any(name.startswith(word) for name in names) for word in words):
        return 2
    if all(any(word in name for name in names) for word in words):
        return 3
    return None
