"""Self-service check-in: a guest finds and checks in themselves, revealing no one else.

No Qt. One ``SelfCheckin`` per kiosk serves one guest at a time; every answer is a
``Step`` the kiosk window shows. The privacy rules live here, not in the widgets:

- a name search needs at least ``Policy.min_letters`` letters of a last name (or a
  whole two-letter one: Lê, Vũ) and only matches last names; nothing is listed to browse;
- a name is always followed by a second question before anyone is shown: the start of
  the email address (the first-name initial first, when it tells several apart); only
  when a few remain after both is a short choice of ``Card``s shown;
- misses (a name or answer that fits nobody, "not me") are counted per kiosk: after
  ``Policy.max_misses`` within ``Policy.miss_window`` names are not looked up for a
  pause that doubles each time, and the guest is sent to the desk (tickets still work);
- a ``Card`` holds only what recognising oneself needs: first name, last-name initial,
  and a masked email (``j***@e***.com``), each bounded;
- a guest's status or time is said only to who showed their ticket; by name, the
  kiosk says only "please see the desk".

What cannot be settled at the kiosk (declined, already checked in, unknown ticket, a
match that stays ambiguous) ends in ``SeeDesk`` with a short reference that staff can
find in the log (with the real reason) and in ``packaging/kiosk-mode.md``.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from datetime import datetime

from kiosk.domain import Guest, Status, StatusChange
from kiosk.search import fold, tokens
from kiosk.services.checkin import CheckinService, Conflict
from kiosk.services.desk_reference import guest_mark
from kiosk.services.selfservice_steps import (
    CARD_CHARS,
    EMAIL_FACTOR_MIN,
    REFERENCE_ALPHABET,
    AskFactor,
    Card,
    CheckedIn,
    Choose,
    Confirm,
    Factor,
    Hint,
    Policy,
    Reason,
    SeeDesk,
    Step,
    Welcome,
    card_of,
    mask_email,
)

log = logging.getLogger(__name__)

__all__ = [
    "CARD_CHARS",
    "EMAIL_FACTOR_MIN",
    "AskFactor",
    "Card",
    "CheckedIn",
    "Choose",
    "Confirm",
    "Factor",
    "Hint",
    "Policy",
    "Reason",
    "SeeDesk",
    "SelfCheckin",
    "Step",
    "Welcome",
    "card_of",
    "mask_email",
]


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
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.service = service
        self.policy = policy or Policy()
        self._rng = rng or random.Random()
        self._clock = clock
        self._candidates: list[str] = []
        self._asked: list[Factor] = []
        self._confirming: str | None = None
        self._by_ticket = False
        # The kiosk's, not the guest's: kept across ``reset``.
        self._misses: list[float] = []
        self._paused_until = 0.0
        self._pauses = 0

    def reset(self) -> None:
        """Forget the guest: nothing of them stays in this object."""
        self._candidates = []
        self._asked = []
        self._confirming = None
        self._by_ticket = False

    def paused_for(self) -> float:
        """Seconds until names are looked up again (0: now)."""
        return max(0.0, self._paused_until - self._clock())

    # -- steps ------------------------------------------------------------------------

    def begin(self, text: str) -> Step:
        """What the guest typed (a last name) or scanned (a ticket code)."""
        self.reset()
        text = text.strip()
        scanned = self.service.index.lookup_code(text) if text else []
        if len(scanned) == 1:
            self._candidates = [scanned[0].id]
            self._by_ticket = True
            return self._narrow()
        if scanned or any(ch.isdigit() for ch in text):
            return self._desk(Reason.UNKNOWN_TICKET)  # no name has digits
        letters = sum(ch.isalpha() for ch in fold(text))
        if letters < min(2, self.policy.min_letters):
            return Welcome(Hint.TOO_SHORT)
        if self.paused_for() > 0:
            return self._desk(Reason.PAUSED)
        found = self._by_last_name(text, exact_only=letters < self.policy.min_letters)
        if not found:
            if letters < self.policy.min_letters:
                return Welcome(Hint.TOO_SHORT)  # no whole two-letter name: ask for more
            return self._miss(Reason.NOT_FOUND)
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
            return self._miss(Reason.UNRESOLVED)
        self._candidates = kept
        return self._narrow()

    def choose(self, guest_id: str) -> Step:
        """The guest picked themselves from a short choice."""
        if guest_id not in self._candidates:
            return Welcome()
        self._candidates = [guest_id]
        return self._narrow()

    def not_me(self) -> Step:
        by_name = not self._by_ticket
        self.reset()
        if by_name:
            self._missed()
            if self.paused_for() > 0:
                return self._desk(Reason.PAUSED)
        return Welcome(Hint.NOT_ME)

    def confirm(self) -> Step:
        """'Yes, that's me': check the guest in, or say why the desk must."""
        guest = self.service.guest(self._confirming) if self._confirming else None
        if guest is None:
            self.reset()
            return Welcome()
        card = card_of(guest)
        if guest.status is Status.ATTENDED:
            return self._refuse(Reason.ALREADY_IN, guest)
        if guest.status is Status.DECLINED:
            return self._refuse(Reason.DECLINED, guest)
        if guest.status not in self.policy.allowed:
            return self._refuse(Reason.NOT_ALLOWED, guest)
        if not self.service.capabilities.can_write(Status.ATTENDED):
            return self._desk(Reason.CANNOT_SAVE, guest)
        outcome = self.service.set_status(guest.id, Status.ATTENDED)
        if isinstance(outcome, Conflict):
            return self._desk(Reason.CHANGED, guest)
        if not isinstance(outcome, StatusChange):
            return self._desk(Reason.CANNOT_SAVE, guest)
        log.info("self check-in: guest %s, change %s", guest.id, outcome.key)
        if self._misses:  # an honest rush: each guest let in forgives one miss
            self._misses.pop(0)
        self.reset()
        return CheckedIn(card, outcome.key)

    # -- inside -----------------------------------------------------------------------

    def _refuse(self, reason: Reason, guest: Guest) -> SeeDesk:
        """The guest may not check in here: why is said only to a ticket holder."""
        if self._by_ticket:
            at = guest.changed_at if reason is Reason.ALREADY_IN else None
            return self._desk(reason, guest, at=at)
        return self._desk(Reason.SEE_STAFF, guest, why=reason)

    def _miss(self, reason: Reason) -> SeeDesk:
        self._missed()
        return self._desk(Reason.PAUSED if self.paused_for() > 0 else reason)

    def _missed(self) -> None:
        """One more miss at this kiosk; too many soon after one another pause names."""
        now = self._clock()
        policy = self.policy
        if self._misses and now - self._misses[-1] > policy.miss_window:
            self._pauses = 0  # quiet long enough: the next pause is the first again
        self._misses = [t for t in self._misses if now - t <= policy.miss_window] + [now]
        if len(self._misses) >= policy.max_misses:
            pause = min(policy.longest_pause, policy.pause * 2**self._pauses)
            self._pauses += 1
            self._paused_until = now + pause
            self._misses = []
            log.warning(
                "self-service: %d misses in a row, names paused %.0f s", policy.max_misses, pause
            )

    def _by_last_name(self, text: str, *, exact_only: bool = False) -> list[Guest]:
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
        return exact if exact_only else exact or starting

    def _narrow(self) -> Step:
        ids = self._candidates
        if len(ids) == 1:
            guest = self.service.guest(ids[0])
            if guest is None:
                return self._desk(Reason.NOT_FOUND)
            # By name, nobody is shown before a second question: the email's start
            # (the initial alone is a guess in a few), or the initial when no email.
            if not self._by_ticket and Factor.EMAIL not in self._asked:
                for factor in (Factor.EMAIL, Factor.INITIAL):
                    if factor not in self._asked and self._key(guest.id, factor):
                        self._asked.append(factor)
                        return AskFactor(factor)
            self._confirming = guest.id
            return Confirm(card_of(guest))
        for factor in (Factor.INITIAL, Factor.EMAIL):
            if factor not in self._asked and self._helps(factor, verify=not self._by_ticket):
                self._asked.append(factor)
                return AskFactor(factor)
        if not self._asked and not self._by_ticket:
            return self._desk(Reason.UNRESOLVED)  # no question tells them apart: a person
        if len(ids) <= self.policy.max_choices:
            guests = [g for gid in ids if (g := self.service.guest(gid)) is not None]
            cards = tuple(card_of(g) for g in guests)
            # Two cards that read the same ("Jana N.", j***@e***.com) are no choice a
            # guest can make: a person at the desk tells them apart.
            if len({(card.name, card.email) for card in cards}) == len(cards):
                return Choose(cards)
        return self._desk(Reason.UNRESOLVED)

    def _helps(self, factor: Factor, *, verify: bool = False) -> bool:
        """A factor is asked only when every candidate has it and it tells some apart;
        by name (``verify``) the email is asked even when it does not, before a choice."""
        keys = [self._key(gid, factor) for gid in self._candidates]
        telling = len(set(keys)) > 1 or (verify and factor is Factor.EMAIL)
        return all(keys) and telling

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
        self,
        reason: Reason,
        guest: Guest | None = None,
        *,
        at: datetime | None = None,
        why: Reason | None = None,
    ) -> SeeDesk:
        # With a guest, the mark of their id: the desk opens them from the reference.
        mark = (
            guest_mark(guest.id) if guest else "".join(self._rng.choices(REFERENCE_ALPHABET, k=4))
        )
        reference = reason.letter + "-" + mark
        log.info(
            "self-service sent a guest to the desk: reference %s, %s, guest %s",
            reference,
            (why or reason).value,
            guest.id if guest else "-",
        )
        self.reset()
        return SeeDesk(reason, reference, card_of(guest) if guest else None, at)
