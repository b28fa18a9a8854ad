"""Undo the desk's last change for a short while: withdrawn when it was never sent,
else the previous status sent back as a change of its own.

No Qt. Every path goes through the outbox, so an undo is as durable as the change it
undoes, and never loses or doubles one: a change is withdrawn only while it is queued,
not on the wire and never attempted (``OutboxSender.withdraw``, checked in the file in
the same statement); one that may have reached the platform is answered with a new
change back to the status it replaced, which the sender delivers after it.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import logging
import time
from collections.abc import Callable

from kiosk.domain import StatusChange
from kiosk.services.checkin import CheckinService
from kiosk.services.state import Delivery, GuestSync

log = logging.getLogger(__name__)

#: How long a change can be undone, in seconds (the toast shows this long).
UNDO_FOR_S = 10.0
#: How long an undo waits for a try on the wire to end before it decides.
SETTLE_S = 5.0


class Undone(enum.StrEnum):
    """What an undo did."""

    WITHDRAWN = "withdrawn"  # never sent: taken out of the outbox
    SENT_BACK = "sent-back"  # the previous status recorded as a new change
    TOO_LATE = "too-late"  # nothing to undo (none, or over ``UNDO_FOR_S`` ago)
    NOT_WRITABLE = "not-writable"  # the platform cannot take the previous status
    NOT_SAVED = "not-saved"  # the outbox could not be written; nothing changed


class UndoLast:
    """Remembers the desk's last change (``offer``) and undoes it (``undo``)."""

    def __init__(
        self,
        service: CheckinService,
        *,
        window_s: float = UNDO_FOR_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.service = service
        self.window_s = window_s
        self._clock = clock
        self._last: tuple[StatusChange, float] | None = None

    def offer(self, change: StatusChange) -> None:
        """A change was just recorded at the desk: it can be undone for a while."""
        self._last = (change, self._clock())

    def forget(self) -> None:
        """The offer ends early (the window's toast for it went)."""
        self._last = None

    def available(self) -> StatusChange | None:
        """The change an undo would undo now, if any."""
        if self._last is None:
            return None
        change, at = self._last
        if self._clock() - at > self.window_s:
            self._last = None
            return None
        return change

    def reason(self, change: StatusChange) -> str | None:
        """Why a sent change cannot be undone on this platform (None: it can)."""
        previous = change.previous_status
        if previous is None or self.service.sender.is_queued(change.key):
            return None
        return self.service.capabilities.reason(previous)

    async def undo_settled(self, within: float = SETTLE_S) -> tuple[Undone, StatusChange | None]:
        """``undo``, once the change is off the wire when it is being sent right now
        (a try that fails without reaching the platform leaves it withdrawable). The
        offer is used up at once: a second Ctrl+Z meanwhile finds nothing to undo."""
        change = self.available()
        self._last = None
        if change is None:
            return Undone.TOO_LATE, None
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(within):
                await self.service.sender.settled(change.guest_id)
        return self._undo(change)

    def undo(self) -> tuple[Undone, StatusChange | None]:
        """Undo the last change now; returns what was done and the change made back, if
        any (only once: the offer is used up, whatever the outcome)."""
        change = self.available()
        self._last = None
        if change is None:
            return Undone.TOO_LATE, None
        return self._undo(change)

    def _undo(self, change: StatusChange) -> tuple[Undone, StatusChange | None]:
        service = self.service
        withdrawn: list[bool] = []
        if not service.storage.write(lambda: withdrawn.append(service.sender.withdraw(change.key))):
            self._last = (change, self._clock())  # nothing changed: it may be tried again
            return Undone.NOT_SAVED, None
        if withdrawn and withdrawn[0]:
            forget_overlay(service, change)
            log.info("withdrew change %s before it was sent", change.key)
            return Undone.WITHDRAWN, None
        previous = change.previous_status
        if previous is None or not service.capabilities.can_write(previous):
            return Undone.NOT_WRITABLE, None
        back = service.set_status(change.guest_id, previous, force=True)
        if not isinstance(back, StatusChange):
            return Undone.NOT_SAVED, None
        log.info("undo of %s sent back as %s (%s)", change.key, back.key, previous.wire)
        return Undone.SENT_BACK, back


def _none(change: StatusChange) -> GuestSync:
    """What the window is told after a withdrawal: nothing waits for the guest."""
    return GuestSync(Delivery.SYNCED, change.previous_status or change.status, "withdrawn")


def forget_overlay(service: CheckinService, change: StatusChange) -> None:
    """After ``change`` was withdrawn: the guest shows as the platform has them again
    (the window, the search index and the numbers hear of it)."""
    state = service._state  # the desk's shared picture: a withdrawal belongs to it
    gid = change.guest_id
    sync = state.sync.get(gid)
    if sync is not None and sync.delivery is Delivery.SAVED and sync.status is change.status:
        state.sync.pop(gid, None)
    if (guest := state.platform.get(gid)) is not None:
        shown = state.displayed(guest)
        service.index.update(shown)
        state.listener.guest_changed(shown)
    state.listener.sync_changed(gid, state.sync.get(gid) or _none(change))
    state.listener.pending_changed(service.sender.pending_count())
