"""The words a guest list is written in: column headers and status values (EN/DE/CS)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from types import MappingProxyType

from kiosk.domain import Status

#: The columns Kiosk reads, by role; ``ColumnMapping`` has one field per role.
ROLES: tuple[str, ...] = (
    "id",
    "first",
    "last",
    "name",
    "email",
    "ticket",
    "status",
    "party",
    "notes",
)


def squeeze(text: str) -> str:
    """A header or status as compared: case, accents, spaces and punctuation ignored
    ('Příjmení' → 'prijmeni', 'E-Mail' → 'email', 'No Show' → 'noshow')."""
    folded = unicodedata.normalize("NFKD", text.casefold().replace("ß", "ss"))
    return "".join(ch for ch in folded if ch.isalnum() and not unicodedata.combining(ch))


def _table(words: Mapping[str, Iterable[str]]) -> Mapping[str, str]:
    """word → role (or status), every word squeezed; a word may name one thing only."""
    table: dict[str, str] = {}
    for meaning, spellings in words.items():
        for spelling in spellings:
            key = squeeze(spelling)
            if table.setdefault(key, meaning) != meaning:
                raise RuntimeError(f"{spelling!r} means both {table[key]} and {meaning}")
    return MappingProxyType(table)


#: Header spellings in English, German and Czech, by role. "Jméno" is Czech for the
#: first name (the whole name is "celé jméno"); "host" is Czech for guest.
HEADERS: Mapping[str, str] = _table(
    {
        "id": ["id", "guest id", "attendee id", "uid", "gast id", "gast-id", "id hosta"],
        "first": [
            "first name",
            "first",
            "firstname",
            "given name",
            "forename",
            "vorname",
            "jméno",
            "křestní jméno",
        ],
        "last": [
            "last name",
            "last",
            "lastname",
            "surname",
            "family name",
            "nachname",
            "familienname",
            "příjmení",
        ],
        "name": [
            "name",
            "full name",
            "guest",
            "guest name",
            "attendee",
            "attendee name",
            "gast",
            "vollständiger name",
            "celé jméno",
            "jméno a příjmení",
            "host",
        ],
        "email": [
            "email",
            "e-mail",
            "email address",
            "e-mail address",
            "mail",
            "e-mail-adresse",
            "emailová adresa",
            "e-mailová adresa",
        ],
        "ticket": [
            "ticket",
            "ticket code",
            "code",
            "ticket number",
            "ticket no",
            "ticket id",
            "barcode",
            "qr code",
            "ticketnummer",
            "ticket-code",
            "vstupenka",
            "kód",
            "kód vstupenky",
            "číslo vstupenky",
        ],
        "status": ["status", "rsvp", "state", "stav"],
        "party": [
            "party",
            "party size",
            "guests",
            "persons",
            "people",
            "pax",
            "personen",
            "anzahl",
            "anzahl personen",
            "gäste",
            "počet osob",
            "osoby",
            "počet",
        ],
        "notes": [
            "notes",
            "note",
            "comments",
            "comment",
            "remarks",
            "bemerkung",
            "bemerkungen",
            "notiz",
            "notizen",
            "anmerkung",
            "kommentar",
            "poznámka",
            "poznámky",
        ],
    }
)

#: Role names accepted on the left of ``--columns "first=Given,last=Family"``.
ROLE_ALIASES: Mapping[str, str] = _table(
    {
        "id": ["id", "guest id"],
        "first": ["first", "first name", "given"],
        "last": ["last", "last name", "family", "surname"],
        "name": ["name", "full name", "full"],
        "email": ["email", "e-mail", "mail"],
        "ticket": ["ticket", "code", "ticket code"],
        "status": ["status"],
        "party": ["party", "party size", "guests"],
        "notes": ["notes", "note"],
    }
)

#: Status cell values, case and accents ignored. An empty cell reads as invited.
STATUS_WORDS: Mapping[str, Status] = MappingProxyType(
    {
        key: Status(value)
        for key, value in _table(
            {
                "invited": [
                    "invited",
                    "invite",
                    "pending",
                    "no answer",
                    "no reply",
                    "awaiting",
                    "eingeladen",
                    "offen",
                    "ausstehend",
                    "pozván",
                    "pozvaný",
                    "pozvána",
                    "pozvaná",
                    "čeká",
                ],
                "accepted": [
                    "accepted",
                    "accept",
                    "yes",
                    "y",
                    "confirmed",
                    "registered",
                    "going",
                    "attending",
                    "rsvp yes",
                    "zugesagt",
                    "angemeldet",
                    "bestätigt",
                    "ja",
                    "přijato",
                    "přijal",
                    "přijala",
                    "potvrzeno",
                    "potvrdil",
                    "potvrdila",
                    "ano",
                ],
                "declined": [
                    "declined",
                    "decline",
                    "no",
                    "n",
                    "not going",
                    "cancelled",
                    "canceled",
                    "regrets",
                    "rsvp no",
                    "abgesagt",
                    "nein",
                    "storniert",
                    "odmítnuto",
                    "odmítl",
                    "odmítla",
                    "zrušeno",
                    "ne",
                ],
                "attended": [
                    "attended",
                    "attend",
                    "checked in",
                    "check-in",
                    "checkedin",
                    "present",
                    "arrived",
                    "here",
                    "in",
                    "anwesend",
                    "eingecheckt",
                    "erschienen",
                    "da",
                    "přítomen",
                    "přítomna",
                    "dorazil",
                    "dorazila",
                    "přišel",
                    "přišla",
                ],
                "no-show": [
                    "no-show",
                    "no show",
                    "noshow",
                    "absent",
                    "did not attend",
                    "did not come",
                    "not attended",
                    "nicht erschienen",
                    "abwesend",
                    "nepřišel",
                    "nepřišla",
                    "nedorazil",
                    "nedorazila",
                    "nepřítomen",
                    "nepřítomna",
                ],
            }
        ).items()
    }
)


def status_of(text: str) -> Status | None:
    """The status a cell means (empty: invited), or None when Kiosk does not know it."""
    if not text:
        return Status.INVITED
    return STATUS_WORDS.get(squeeze(text))
