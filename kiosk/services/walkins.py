"""Walk-ins: a guest added at the door, then checked in, durable and exactly once.

The walk-in is saved on this desk first (``kiosk.store.walkins``); a task adds them to
the platform and, once the platform has them, records their check-in in the outbox like
any change. An attempt is counted before it is sent; when its answer was lost, the
roster is read again and a guest of that name who was not there before the first
attempt is taken as the one created, so the platform never gets the guest twice. Where
the platform's documented API has no way to add a guest, ``reason`` says why and
nothing is offered.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
from collections.abc import Callable

from kiosk.backends.base import TakesWalkIns
from kiosk.domain import (
    AuthRejected,
    Guest,
    PlatformError,
    PlatformUnavailable,
    RateLimited,
    Status,
)
from kiosk.services.checkin import CheckinService, RetryPolicy
from kiosk.store.walkins import WalkIn, WalkInBook, WalkInState

log = logging.getLogger(__name__)

#: Why a platform takes no walk-ins, by platform (shown beside the disabled button).
NO_WALK_INS = {
    "sheepcrm": "sheepCRM's Events API (v2) has no call to add an attendee to a booking:"
    " add the guest in sheepCRM, and they appear here at the next refresh.",
    "guestlist": "A guest list file is read, never written, by Kiosk: add the guest to"
    " the file, and they appear here when it is saved.",
}


class WalkInDesk:
    """Adds walk-ins and checks them in. ``changed`` hears every step of one (the
    window shows it); ``run`` does the sending for as long as the desk is open."""

    def __init__(
        self,
        service: CheckinService,
        *,
        retry: RetryPolicy | None = None,
        changed: Callable[[WalkIn], None] | None = None,
    ) -> None:
        self.service = service
        self.book = WalkInBook(service.outbox.shared())
        self._retry = retry or RetryPolicy()
        self.changed = changed or (lambda _walk_in: None)
        self._wake = asyncio.Event()

    @property
    def reason(self) -> str | None:
        """Why walk-ins cannot be added on this platform; None when they can."""
        backend = self.service.backend
        if self.service.capabilities.walk_ins and isinstance(backend, TakesWalkIns):
            return None
        platform = self.service.capabilities.platform
        return NO_WALK_INS.get(
            platform, f"{self.service.capabilities.display_name} cannot take new guests."
        )

    def waiting(self) -> list[WalkIn]:
        return self.book.open()

    def add(self, first_name: str, last_name: str, email: str, party: int) -> WalkIn | str:
        """Save a walk-in (on disk before this returns) and have it sent; returns it, or
        why it was not saved."""
        if (why := self.reason) is not None:
            return why
        first, last = first_name.strip(), last_name.strip()
        if not first or not last:
            return "A walk-in needs a first and a last name."
        if email.strip() and "@" not in email:
            return "That is not an email address: leave it empty if the guest has none."
        walk_in = WalkIn(first, last, email.strip(), max(1, party), self.service.kiosk_id)
        try:
            self.book.add(walk_in)
        except sqlite3.Error as exc:
            return f"The walk-in could not be saved on this computer: {exc}"
        log.info("saved walk-in %s", walk_in.key)
        self.changed(walk_in)
        self._wake.set()
        return walk_in

    async def run(self) -> None:
        """Send waiting walk-ins, retrying with backoff while the platform is away."""
        failures = 0
        while True:
            self._wake.clear()
            waiting = [w for w in self.book.open() if w.state is not WalkInState.NEEDS_ATTENTION]
            delay: float | None = None
            for walk_in in waiting:
                try:
                    await self._step(walk_in)
                    failures = 0
                except (PlatformUnavailable, RateLimited, AuthRejected, _NotYet) as exc:
                    failures += 1
                    self.book.note(walk_in.key, str(exc))
                    self.changed(self.book.get(walk_in.key) or walk_in)
                    delay = self._retry.delay(failures, lambda: 0.5)
                    if isinstance(exc, RateLimited) and exc.retry_after:
                        delay = max(delay, exc.retry_after)
                    break
                except PlatformError as exc:
                    log.warning("walk-in %s refused: %s", walk_in.key, exc)
                    self.book.refused(walk_in.key, str(exc))
                    self.changed(self.book.get(walk_in.key) or walk_in)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), delay)

    async def _step(self, walk_in: WalkIn) -> None:
        if walk_in.state is WalkInState.PENDING:
            walk_in = await self._create(walk_in)
        if walk_in.state is WalkInState.CREATED:
            await self._check_in(walk_in)

    async def _create(self, walk_in: WalkIn) -> WalkIn:
        before = walk_in.before
        if walk_in.attempts:
            # An earlier attempt may have reached the platform: look before sending again.
            if not await self.service.load_roster():
                raise _NotYet(self.service.connection_message or "The platform does not answer.")
            made = [g for g in self._same_name(walk_in) if g.id not in before]
            if made:
                log.info("walk-in %s was created before: guest %s", walk_in.key, made[0].id)
                return self._created(walk_in, made[0])
        else:
            before = tuple(g.id for g in self._same_name(walk_in))
        self.book.begin_attempt(walk_in.key, before)
        backend = self.service.backend
        assert isinstance(backend, TakesWalkIns)  # ``reason`` said so when it was added
        guest = await backend.create_walk_in(
            walk_in.first_name, walk_in.last_name, walk_in.email, party=walk_in.party
        )
        return self._created(walk_in, guest)

    def _created(self, walk_in: WalkIn, guest: Guest) -> WalkIn:
        self.book.created(walk_in.key, guest.id)
        created = self.book.get(walk_in.key) or walk_in
        self.changed(created)
        return created

    async def _check_in(self, walk_in: WalkIn) -> None:
        if self.service.guest(walk_in.guest_id) is None:
            await self.service.load_roster()  # the new guest comes with the roster
            if self.service.guest(walk_in.guest_id) is None:
                raise _NotYet("Waiting for the platform to list the new guest.")
        self.service.set_status(walk_in.guest_id, Status.ATTENDED, force=True)
        shown = self.service.guest(walk_in.guest_id)
        if shown is None or shown.status is not Status.ATTENDED:
            raise _NotYet("The check-in could not be saved on this computer yet.")
        self.book.done(walk_in.key)
        self.changed(self.book.get(walk_in.key) or walk_in)

    def _same_name(self, walk_in: WalkIn) -> list[Guest]:
        """Guests with the walk-in's names (and email, when given): found through the
        search index, not by walking the roster."""
        first, last, email = walk_in.first_name, walk_in.last_name, walk_in.email.lower()
        return [
            g
            for g in self.service.index.search(f"{first} {last}", limit=50)
            if g.first_name == first
            and g.last_name == last
            and (not email or g.email.lower() == email)
        ]


class _NotYet(PlatformError):
    """The walk-in cannot go on yet (no answer, not listed yet): try again later."""
