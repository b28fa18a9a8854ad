"""Text as the index compares it: folded words, compact codes, and the codes a scan means."""

from __future__ import annotations

import functools
import re
import unicodedata
import urllib.parse

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
#: A query is cut here: nobody types more, and a pasted novel must not cost a frame.
MAX_QUERY_CHARS = 200
#: A scanned code may be a long URL (a ticket's QR code with tracking parameters).
MAX_CODE_CHARS = 2000
#: Parts of a URL tried as codes, and the shortest part (after the last path segment)
#: that counts as one: ticket codes and platform ids are longer; "checkin", a year or a
#: short event number are not, and must never open (and check in) someone else.
MAX_CODE_CANDIDATES = 16
CODE_PART_MIN = 8

WORD = re.compile(r"[^\W_]+")  # letters and digits, any script
_SPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """Case- and accent-insensitive form: 'Łukasz Müller' → 'lukasz muller'."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_EXTRA_FOLDS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


#: Names repeat (first names above all): fold each distinct one once.
fold_name = functools.lru_cache(maxsize=65536)(fold)


def tokens(text: str) -> list[str]:
    """Folded words; anything but a letter or a digit separates words."""
    return WORD.findall(fold(text))


def compact(text: str) -> str:
    """A code as people type or scan it: folded, letters and digits only
    ('KSK-A5KZ' → 'ksk' + 'a5kz')."""
    if text.isascii():
        low = text.lower()
        if low.isalnum():
            return low
        return low.encode().translate(None, _ASCII_NON_ALNUM).decode()
    return "".join(WORD.findall(fold(text)))


_ASCII_NON_ALNUM = bytes(c for c in range(128) if not chr(c).isalnum())


@functools.lru_cache(maxsize=65536)
def name_words(name: str) -> tuple[str, ...]:
    """A name's searchable words: each word, plus joined forms of hyphenated or
    apostrophed ones ("Jean-Luc" → jean, luc, jeanluc; "O'Brien" → o, brien, obrien)."""
    folded = fold_name(name)
    words = WORD.findall(folded)
    for chunk in _SPACE.split(folded):
        parts = WORD.findall(chunk)
        if len(parts) > 1:
            words.append("".join(parts))
    return tuple(dict.fromkeys(words))


def fold_email(email: str) -> str:
    return email.strip().lower() if email.isascii() else fold(email.strip())


#: The shortest part of a ticket code found by itself when typed: shorter parts ("A1")
#: are shared by too many tickets to pick one out.
TICKET_PART_MIN = 4
_ASCII_PART = re.compile(r"[a-z0-9]+")


def code_parts(ticket: str) -> list[str]:
    """The parts of a ticket code between its separators, each as ``compact`` gives it
    ('RQY3-9634' → 'rqy3', '9634'): a person reads out the part they see. Only parts of
    ``TICKET_PART_MIN`` or more, and none for a code of one part (that is the code)."""
    parts = _ASCII_PART.findall(ticket.lower()) if ticket.isascii() else WORD.findall(fold(ticket))
    if len(parts) < 2:
        return []
    return [part for part in parts if len(part) >= TICKET_PART_MIN]


def guest_codes(guest: Guest) -> set[str]:
    """What a guest can be found by exactly: ticket code, guest id and platform
    reference; of a reference that is a path or URI (sheepCRM's person URI
    ``/bucket/person/<id>/``), its last segment."""
    codes = {compact(guest.ticket), compact(guest.id), compact(last_segment(guest.platform_ref))}
    codes.discard("")
    return codes


def filed_codes(guest: Guest) -> set[str]:
    """The codes filed in ``Tables.codes``: an id already in compact form is found
    through ``Tables.slot`` instead."""
    codes = guest_codes(guest)
    codes.discard(guest.id)
    return codes


def last_segment(ref: str) -> str:
    return ref.rstrip("/").rpartition("/")[2] if "/" in ref else ref


def code_candidates(text: str) -> list[str]:
    """The exact codes a typed or scanned text may stand for, most specific first: the
    whole of it; and of a path, URI or URL (a ticket's QR code) its last path segment,
    its query values, its fragment's (``#/person/<id>``), then its other segments. Compact
    forms; a part shorter than ``CODE_PART_MIN`` is no code (``?event=2026``, ``/checkin``)."""
    text = text[:MAX_CODE_CHARS].strip()
    found = [compact(text)]
    if any(mark in text for mark in "/?#="):
        found.append(compact(last_segment(text.split("?")[0].split("#")[0])))
        parts = (compact(part) for part in _url_parts(text))
        found += [part for part in parts if len(part) >= CODE_PART_MIN]
    return [code for code in dict.fromkeys(found) if code][:MAX_CODE_CANDIDATES]


def _url_parts(text: str, depth: int = 0) -> list[str]:
    """Query values (longest first), the fragment's parts, then path segments (last
    first) of a URL."""
    try:
        url = urllib.parse.urlsplit(text)
        values = [value for _key, value in urllib.parse.parse_qsl(url.query)]
    except ValueError:  # not a URL after all ("[" in a host ...)
        return []
    segments = [segment for segment in url.path.split("/") if segment]
    inner = _url_parts(url.fragment, depth + 1) if url.fragment and depth < 2 else []
    return [*sorted(values, key=len, reverse=True), *inner, *reversed(segments)]
