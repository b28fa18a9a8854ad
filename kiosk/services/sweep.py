"""End of the event: mark the accepted guests who did not come as no-show, all at once.

No Qt. Every mark is an ordinary change through the outbox (saved before anything is
sent, delivered by the sender at its own pace: its concurrency, backoff and the
platform's rate-limit headers), so the sweep works offline and survives a restart like
any change at the door. Changes are recorded a batch per turn of the loop, so a sweep
of thousands never stalls the window; a cancel stops recording and withdraws what was
not sent yet. The changes show in the Changes list and the reconciliation CSV as
no-shows replacing accepted; the numbers summary counts them by outcome.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import logging
from collections.abc import Callable

from kiosk import runtime
from kiosk.domain import Guest, Status, StatusChange
from kiosk.services.checkin import CheckinService
from kiosk.services.state import Delivery
from kiosk.services.undo import forget_overlay

log = logging.getLogger(__name__)

#: Changes recorded between two turns of the loop.
RECORD_BATCH = 25


class SweepState(enum.StrEnum):
    READY = "ready"
    RECORDING = "recording"  # changes being saved to the outbox
    DELIVERING = "delivering"  # all saved; the sender delivers them
    DONE = "done"  # none waits any more
    CANCELLED = "cancelled"


@dataclasses.dataclass(frozen=True, slots=True)
class SweepProgress:
    """``planned`` guests; of them ``recorded`` saved, ``delivered`` on the platform,
    ``failed`` needing a person, ``skipped`` not marked (changed meanwhile, or no longer
    accepted), ``withdrawn`` taken back by a cancel."""

    state: SweepState
    planned: int
    recorded: int = 0
    delivered: int = 0
    failed: int = 0
    skipped: int = 0
    withdrawn: int = 0

    @property
    def waiting(self) -> int:
        return self.recorded - self.delivered - self.failed - self.withdrawn


def sweep_reason(service: CheckinService) -> str | None:
    """Why this platform cannot take the sweep (None: it can)."""
    caps = service.capabilities
    if (reason := caps.reason(Status.NO_SHOW)) is not None:
        return reason
    if Status.NO_SHOW in caps.derived:
        return (
            f"{caps.display_name} keeps no no-show state: it shows the accepted guests who"
            " did not check in as no-show by itself once the event has ended."
        )
    return None


def candidates(service: CheckinService) -> list[Guest]:
    """The accepted guests who have not arrived, A to Z (as shown at this desk)."""
    return [g for g in service.index.all() if g.status is Status.ACCEPTED]


class NoShowSweep:
    """One sweep over the guests of a preview (``guests``)."""

    def __init__(
        self, service: CheckinService, guests: list[Guest], *, on_progress: Callable[[], None]
    ) -> None:
        self.service = service
        self.guests = guests
        self._on_progress = on_progress
        self._changes: list[StatusChange] = []
        self._skipped = 0
        self._withdrawn = 0
        self._state = SweepState.READY

    async def run(self) -> None:
        """Record a no-show for each guest still accepted, a batch per loop turn."""
        service = self.service
        self._state = SweepState.RECORDING
        for position, guest in enumerate(self.guests, start=1):
            if self._state is not SweepState.RECORDING:
                return  # cancelled
            shown = service.guest(guest.id)
            outcome = None
            if shown is not None and shown.status is Status.ACCEPTED:
                outcome = service.set_status(guest.id, Status.NO_SHOW)
            if isinstance(outcome, StatusChange):
                self._changes.append(outcome)
            else:  # arrived or changed meanwhile, changed elsewhere, or not saved
                self._skipped += 1
            if position % RECORD_BATCH == 0:
                self._on_progress()
                await runtime.yield_to_loop()
        self._state = SweepState.DELIVERING
        log.info("no-show sweep recorded %d changes", len(self._changes))
        self._on_progress()

    def cancel(self) -> None:
        """Stop recording and withdraw every change not sent yet; those already sent
        stay (they are on the platform, or on their way)."""
        if self._state in (SweepState.DONE, SweepState.CANCELLED):
            return
        self._state = SweepState.CANCELLED
        for change in self._changes:  # a file refusing a write leaves that one queued
            self.service.storage.write(functools.partial(self._withdraw, change))
        log.info("no-show sweep cancelled; %d withdrawn", self._withdrawn)
        self._on_progress()

    def _withdraw(self, change: StatusChange) -> None:
        if self.service.sender.withdraw(change.key):
            self._withdrawn += 1
            forget_overlay(self.service, change)

    def progress(self) -> SweepProgress:
        """Where the sweep is now (cheap: one look per change)."""
        sender = self.service.sender
        delivered = failed = 0
        withdrawn = self._withdrawn
        for change in self._changes:
            if sender.is_queued(change.key):
                continue
            sync = self.service.sync_state(change.guest_id)
            if sync is not None and sync.delivery is Delivery.FAILED:
                failed += 1
            else:
                delivered += 1
        delivered -= withdrawn
        state = self._state
        waiting = len(self._changes) - delivered - failed - withdrawn
        if state is SweepState.DELIVERING and waiting == 0:
            state = self._state = SweepState.DONE
        return SweepProgress(
            state, len(self.guests), len(self._changes), delivered, failed, self._skipped,
            withdrawn,
        )  # fmt: skip
