"""How old the desk's view of a guest is, and one look at the platform before overwriting it."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import UTC, datetime

from kiosk.backends.base import Backend
from kiosk.domain import PlatformError, Status
from kiosk.services.state import Delivery, DeskState

log = logging.getLogger(__name__)

#: A view of a guest the platform confirmed within this many seconds is taken as it is;
#: an older one is looked at first where the platform reads one guest.
FRESH_FOR_S = 10.0
#: The longest a pick waits for that look; past it, the pick goes ahead as before.
LOOK_TIMEOUT_S = 3.0


class Freshness:
    """When the platform last confirmed this desk's view of each guest (the last roster
    load, a look, a delivered change of this desk), and the look before a pick.

    Refreshes are paced to stay inside the platform's quota, so a desk's roster may be a
    minute old: picking over it could overwrite another desk's change without a word.
    Where the platform reads one guest (``reads_one_guest``: Attendu), a pick over a view
    older than ``fresh_for`` reads that guest first; a change found there is filed as
    changed elsewhere, and the pick asks first. Where it cannot (sheepCRM), the window
    shows how old the view is (``age``)."""

    def __init__(
        self,
        backend: Backend,
        state: DeskState,
        roster_saved_at: Callable[[], datetime | None],
        *,
        fresh_for: float = FRESH_FOR_S,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._backend = backend
        self._state = state
        self._roster_saved_at = roster_saved_at
        self.fresh_for = fresh_for
        self.clock = clock
        self._looked: dict[str, datetime] = {}  # guest id → when a look confirmed them

    @property
    def reads_one_guest(self) -> bool:
        return bool(getattr(self._backend, "reads_one_guest", False))

    def confirmed_at(self, guest_id: str) -> datetime | None:
        """When the platform last confirmed this desk's view of the guest."""
        times = [self._roster_saved_at(), self._looked.get(guest_id)]
        sync = self._state.sync.get(guest_id)
        if sync is not None and sync.delivery is Delivery.SYNCED:
            times.append(sync.at)
        known = [moment for moment in times if moment is not None]
        return max(known) if known else None

    def age(self, guest_id: str) -> float | None:
        """Seconds since the platform last confirmed the view of the guest; None: never."""
        confirmed = self.confirmed_at(guest_id)
        if confirmed is None:
            return None
        return max(0.0, (self.clock() - confirmed).total_seconds())

    def needs_look(self, guest_id: str, status: Status) -> bool:
        """Whether picking ``status`` should read the guest first: the platform can, the
        pick changes the status, and the view is older than ``fresh_for``."""
        current = self._state.platform.get(guest_id)
        if current is None or not self.reads_one_guest or current.status is status:
            return False
        age = self.age(guest_id)  # None: the first load is still finishing
        return age is not None and age > self.fresh_for

    async def look(self, guest_id: str) -> None:
        """Read the guest now and fold what the platform says in; a status changed under
        this desk is filed as changed elsewhere (the pick then asks). A failed or slow
        read changes nothing: the pick goes ahead, the sender's own check still holds."""
        state = self._state
        known = state.platform.get(guest_id)
        if known is None:
            return
        try:
            async with asyncio.timeout(LOOK_TIMEOUT_S):
                fresh = await self._backend.get_guest(known)
        except (PlatformError, TimeoutError) as exc:
            log.info("no look at guest %s before the pick: %s", guest_id, exc)
            return
        self._looked[guest_id] = self.clock()
        known = state.platform.get(guest_id)  # a refresh may have come meanwhile
        if known is None or known == fresh:
            return
        state.platform[guest_id] = fresh
        if known.status is not fresh.status and state.ours.get(guest_id) is not fresh.status:
            state.elsewhere[guest_id] = fresh
            log.info("guest %s changed elsewhere: %s (seen on a look)", guest_id, fresh.status)
        shown = state.displayed(fresh)
        state.index.update(shown)
        state.listener.guest_changed(shown)
