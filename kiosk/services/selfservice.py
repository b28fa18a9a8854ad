"""Self-service check-in: a guest finds and checks in themselves, revealing no one else.

No Qt. One ``SelfCheckin`` per kiosk serves one guest at a time; every answer is a
``Step`` the kiosk window shows. The privacy rules live here, not in the widgets:

- a name search needs at least ``Policy.min_letters`` letters of a last name and only
  matches last names; nothing is ever listed to browse;
- several matches ask a second factor (first-name initial, then the start of the email
  address) before anyone is shown; only when a few remain after both is a short choice
  of ``Card``s shown;
- a ``Card`` holds only what recognising oneself needs: first name, last-name initial,
  and a masked email (``j***@e***.com``).

What cannot be settled at the kiosk (declined, already checked in, unknown ticket, a
match that stays ambiguous) ends in ``SeeDesk`` with a short reference that staff can
find in the log and in ``packaging/kiosk-mode.md``.
"""

from __future__ import annotations

import dataclasses
import enum
import logging
import random
from datetime import datetime

from kiosk.domain import Guest, Status, StatusChange
from kiosk.search import fold, tokens
from kiosk.services.checkin import CheckinService, Conflict

log = logging.getLogger(__name__)

#: Reference characters: no 0/O, 1/I/L, 2/Z, 5/S or 8/B to confuse at a desk.
_REFERENCE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
#: The fewest characters of an email's start that count as a second factor.
EMAIL_FACTOR_MIN = 3


@dataclasses.dataclass(frozen=True, slots=True)
class Policy:
    """What the organiser decided for this kiosk."""

    #: Statuses a guest may check themselves in from; others are sent to the desk.
    allowed: frozenset[Status] = frozenset({Status.ACCEPTED, Status.INVITED})
    #: Letters of a last name needed before anything is looked up.
    min_letters: int = 3
    #: The most guests a choice may show after both second factors.
    max_choices: int = 3


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


def card_of(guest: Guest) -> Card:
    initial = guest.last_name.strip()[:1].upper()
    short = f"{guest.first_name.strip()} {initial}." if initial else guest.first_name.strip()
    return Card(
        guest_id=guest.id,
        first_name=guest.first_name.strip() or short,
        name=short.strip(),
        email=mask_email(guest.email),
        party_size=max(1, guest.party_size),
        ticket_type=guest.ticket_type,
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


class SelfCheckin:
    """One guest's way through the kiosk, from what they typed or scanned to checked in.

    The kiosk calls ``begin`` with the text, then ``answer``, ``choose`` and ``confirm``
    as the guest goes on, and ``reset`` whenever it returns to the welcome screen; each
    returns the next ``Step``. Only ``confirm`` changes anything (through the outbox).
    """

    def __init__(
        self,
        service: CheckinService,
        policy: Policy | None = None,
        *,
        rng: random.Random | None = None,
    ) -> None:
        self.service = service
        self.policy = policy or Policy()
        self._rng = rng or random.Random()
        self._candidates: list[str] = []
        self._asked: list[Factor] = []
        self._confirming: str | None = None

    def reset(self) -> None:
        """Forget the guest: nothing of them stays in this object."""
        self._candidates = []
        self._asked = []
        self._confirming = None

    # -- steps ------------------------------------------------------------------------

    def begin(self, text: str) -> Step:
        """What the guest typed (a last name) or scanned (a ticket code)."""
        self.reset()
        text = text.strip()
        scanned = self.service.index.lookup_code(text) if text else []
        if len(scanned) == 1:
            self._candidates = [scanned[0].id]
            return self._narrow()
        if scanned or any(ch.isdigit() for ch in text):
            return self._desk(Reason.UNKNOWN_TICKET)  # no name has digits
        letters = sum(ch.isalpha() for ch in fold(text))
        if letters < self.policy.min_letters:
            return Welcome(Hint.TOO_SHORT)
        found = self._by_last_name(text)
        if not found:
            return self._desk(Reason.NOT_FOUND)
        self._candidates = [guest.id for guest in found]
        return self._narrow()

    def answer(self, text: str) -> Step:
        """The guest's answer to the factor asked last."""
        if not self._asked or not self._candidates:
            return Welcome()
        factor = self._asked[-1]
        wanted = fold(text.strip())
        if factor is Factor.INITIAL:
            wanted = wanted[:1]
            if not wanted.isalpha():
                return AskFactor(factor, retry=True)
        elif len(wanted) < EMAIL_FACTOR_MIN:
            return AskFactor(factor, retry=True)
        kept = [gid for gid in self._candidates if self._fits(gid, factor, wanted)]
        if not kept:
            return self._desk(Reason.UNRESOLVED)
        self._candidates = kept
        return self._narrow()

    def choose(self, guest_id: str) -> Step:
        """The guest picked themselves from a short choice."""
        if guest_id not in self._candidates:
            return Welcome()
        self._candidates = [guest_id]
        return self._narrow()

    def not_me(self) -> Step:
        self.reset()
        return Welcome(Hint.NOT_ME)

    def confirm(self) -> Step:
        """'Yes, that's me': check the guest in, or say why the desk must."""
        guest = self.service.guest(self._confirming) if self._confirming else None
        if guest is None:
            self.reset()
            return Welcome()
        card = card_of(guest)
        if guest.status is Status.ATTENDED:
            return self._desk(Reason.ALREADY_IN, guest, at=guest.changed_at)
        if guest.status is Status.DECLINED:
            return self._desk(Reason.DECLINED, guest)
        if guest.status not in self.policy.allowed:
            return self._desk(Reason.NOT_ALLOWED, guest)
        if not self.service.capabilities.can_write(Status.ATTENDED):
            return self._desk(Reason.CANNOT_SAVE, guest)
        outcome = self.service.set_status(guest.id, Status.ATTENDED)
        if isinstance(outcome, Conflict):
            return self._desk(Reason.CHANGED, guest)
        if not isinstance(outcome, StatusChange):
            return self._desk(Reason.CANNOT_SAVE, guest)
        log.info("self check-in: guest %s, change %s", guest.id, outcome.key)
        self.reset()
        return CheckedIn(card, outcome.key)

    # -- inside -----------------------------------------------------------------------

    def _by_last_name(self, text: str) -> list[Guest]:
        """Guests whose last name is the text, else whose last name starts with it."""
        wanted = tokens(text)
        if not wanted:
            return []
        joined = "".join(wanted)
        exact: list[Guest] = []
        starting: list[Guest] = []
        for guest in self.service.index.search(text, limit=None):
            words = tokens(guest.last_name)
            whole = "".join(words)
            if whole == joined or (len(wanted) == 1 and joined in words):
                exact.append(guest)
            elif whole.startswith(joined) or any(w.startswith(joined) for w in words):
                starting.append(guest)
        return exact or starting

    def _narrow(self) -> Step:
        ids = self._candidates
        if len(ids) == 1:
            guest = self.service.guest(ids[0])
            if guest is None:
                return self._desk(Reason.NOT_FOUND)
            self._confirming = guest.id
            return Confirm(card_of(guest))
        for factor in (Factor.INITIAL, Factor.EMAIL):
            if factor not in self._asked and self._helps(factor):
                self._asked.append(factor)
                return AskFactor(factor)
        if len(ids) <= self.policy.max_choices:
            guests = [g for gid in ids if (g := self.service.guest(gid)) is not None]
            cards = tuple(card_of(g) for g in guests)
            # Two cards that read the same ("Jana N.", j***@e***.com) are no choice a
            # guest can make: a person at the desk tells them apart.
            if len({(card.name, card.email) for card in cards}) == len(cards):
                return Choose(cards)
        return self._desk(Reason.UNRESOLVED)

    def _helps(self, factor: Factor) -> bool:
        """A factor is asked only when every candidate has it and it tells some apart."""
        keys = [self._key(gid, factor) for gid in self._candidates]
        return all(keys) and len(set(keys)) > 1

    def _key(self, guest_id: str, factor: Factor) -> str:
        guest = self.service.guest(guest_id)
        if guest is None:
            return ""
        if factor is Factor.INITIAL:
            return fold(guest.first_name.strip())[:1]
        return fold(guest.email.strip())[:EMAIL_FACTOR_MIN]

    def _fits(self, guest_id: str, factor: Factor, wanted: str) -> bool:
        guest = self.service.guest(guest_id)
        if guest is None:
            return False
        if factor is Factor.INITIAL:
            return fold(guest.first_name.strip()).startswith(wanted)
        return fold(guest.email.strip()).startswith(wanted)

    def _desk(
        self, reason: Reason, guest: Guest | None = None, *, at: datetime | None = None
    ) -> SeeDesk:
        reference = reason.letter + "-" + "".join(self._rng.choices(_REFERENCE_ALPHABET, k=4))
        log.info(
            "self-service sent a guest to the desk: reference %s, %s, guest %s",
            reference,
            reason.value,
            guest.id if guest else "-",
        )
        self.reset()
        return SeeDesk(reason, reference, card_of(guest) if guest else None, at)
