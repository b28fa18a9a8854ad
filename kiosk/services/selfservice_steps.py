"""What the self-service kiosk answers: its steps, a guest's card, and why the desk."""

from __future__ import annotations

import dataclasses
import enum
from datetime import datetime

from kiosk.domain import Guest, Status

#: Reference characters: no 0/O, 1/I/L, 2/Z, 5/S or 8/B to confuse at a desk.
REFERENCE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
#: The fewest characters of an email's start that count as a second factor.
EMAIL_FACTOR_MIN = 3
#: The most characters of one value a card shows.
CARD_CHARS = 40


@dataclasses.dataclass(frozen=True, slots=True)
class Policy:
    """What the organiser decided for this kiosk."""

    #: Statuses a guest may check themselves in from; others are sent to the desk.
    allowed: frozenset[Status] = frozenset({Status.ACCEPTED, Status.INVITED})
    #: Letters of a last name needed before anything is looked up.
    min_letters: int = 3
    #: The most guests a choice may show after both second factors.
    max_choices: int = 3
    #: Misses (nobody fits, "not me") within ``miss_window`` seconds before names pause.
    max_misses: int = 5
    miss_window: float = 300.0
    #: The first pause, in seconds; each pause soon after another is twice as long.
    pause: float = 60.0
    longest_pause: float = 1800.0


@dataclasses.dataclass(frozen=True, slots=True)
class Card:
    """What the kiosk may show of a guest: enough to recognise oneself, no more."""

    guest_id: str
    first_name: str
    name: str  # first name and last-name initial: "Jana N."
    email: str  # masked: "j***@e***.com", or ""
    party_size: int = 1
    ticket_type: str = ""
    language: str = ""


def mask_email(email: str) -> str:
    """'jana.novak@example.com' → 'j***@e***.com'; '' for anything that is not an email."""
    local, at, domain = email.strip().partition("@")
    if not (at and local and domain):
        return ""
    host, dot, tld = domain.rpartition(".")
    if not dot or not host:
        return f"{local[0]}***@{domain[0]}***"
    return f"{local[0]}***@{host[0]}***.{tld}"


def _bounded(text: str) -> str:
    text = " ".join(text.split())  # no line breaks or tabs from the platform
    return text if len(text) <= CARD_CHARS else text[: CARD_CHARS - 1] + "…"


def card_of(guest: Guest) -> Card:
    first = _bounded(guest.first_name)
    initial = guest.last_name.strip()[:1].upper()
    short = f"{first} {initial}." if initial.isprintable() and initial else first
    return Card(
        guest_id=guest.id,
        first_name=first or short,
        name=short.strip(),
        email=_bounded(mask_email(guest.email)),
        party_size=max(1, guest.party_size),
        ticket_type=_bounded(guest.ticket_type),
        language=guest.language.strip().lower()[:2],
    )


class Factor(enum.StrEnum):
    """A second question that tells guests with the same last name apart."""

    INITIAL = "initial"  # the first letter of the first name
    EMAIL = "email"  # the first letters of the email address


class Reason(enum.StrEnum):
    """Why a guest is sent to the staff desk; the letter starts the reference."""

    DECLINED = "declined"
    ALREADY_IN = "already-in"
    NOT_ALLOWED = "not-allowed"
    UNKNOWN_TICKET = "unknown-ticket"
    NOT_FOUND = "not-found"
    UNRESOLVED = "unresolved"
    CHANGED = "changed"
    CANNOT_SAVE = "cannot-save"
    SEE_STAFF = "see-staff"  # by name: the real reason is for staff only
    PAUSED = "paused"  # too many misses at this kiosk: names wait a while

    @property
    def letter(self) -> str:
        return _REASON_LETTERS[self]


_REASON_LETTERS = {
    Reason.DECLINED: "D",
    Reason.ALREADY_IN: "A",
    Reason.NOT_ALLOWED: "S",
    Reason.UNKNOWN_TICKET: "T",
    Reason.NOT_FOUND: "N",
    Reason.UNRESOLVED: "M",
    Reason.CHANGED: "C",
    Reason.CANNOT_SAVE: "P",
    Reason.SEE_STAFF: "K",
    Reason.PAUSED: "W",
}


class Hint(enum.StrEnum):
    """Why the welcome screen asks again."""

    NONE = ""
    TOO_SHORT = "too-short"
    NOT_ME = "not-me"


@dataclasses.dataclass(frozen=True, slots=True)
class Welcome:
    hint: Hint = Hint.NONE


@dataclasses.dataclass(frozen=True, slots=True)
class AskFactor:
    factor: Factor
    retry: bool = False  # the answer given did not fit: ask once more


@dataclasses.dataclass(frozen=True, slots=True)
class Confirm:
    card: Card


@dataclasses.dataclass(frozen=True, slots=True)
class Choose:
    cards: tuple[Card, ...]


@dataclasses.dataclass(frozen=True, slots=True)
class CheckedIn:
    card: Card
    change_key: str


@dataclasses.dataclass(frozen=True, slots=True)
class SeeDesk:
    reason: Reason
    reference: str
    card: Card | None = None  # the guest, when they confirmed who they are
    at: datetime | None = None  # when they were already checked in


Step = Welcome | AskFactor | Confirm | Choose | CheckedIn | SeeDesk
