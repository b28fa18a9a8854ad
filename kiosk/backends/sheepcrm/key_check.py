"""sheepCRM's "not found" told apart: a missing record, or a key it does not accept.

sheepCRM documents that it answers 404 for bad credentials as well as for a missing
record, and its error body is the same for both. Taken as it comes, a wrong key sent
every change at the door to *needs attention*, one row each. So on a 404 about the
bound event (the roster, the event, a status write) Kiosk asks once for a thing that a
good key can always read: the bucket's event list, one event long. If that is found,
the key is good and the 404 meant what it says (a guest removed, an event gone); if
that is "not found" (or 401/403) too, the key or the bucket is not accepted: a
connection problem, said once, with every change kept waiting. The bucket's list rather
than the event itself, because an event can be gone while the key is fine.
"""

from __future__ import annotations

import asyncio
import logging
import time

from kiosk.backends.http import HttpTransport
from kiosk.domain import AuthRejected, NotFound, PlatformError

log = logging.getLogger(__name__)

#: How long a look that found the key accepted is believed (a run of removed guests
#: then costs one look, not one per change); short, as a key can be withdrawn any time.
TRUSTED_FOR_S = 10.0


class KeyCheck:
    """Explains a sheepCRM 404: ``explain(not_found)`` returns the error to raise."""

    def __init__(self, transport: HttpTransport, events_path: str, bucket: str) -> None:
        self._transport = transport
        self._events_path = events_path
        self._bucket = bucket
        self._accepted_at: float | None = None
        self._looking: asyncio.Future[PlatformError | None] | None = None

    async def explain(self, not_found: NotFound) -> PlatformError:
        """``not_found`` itself when the key is accepted, else an ``AuthRejected``. A
        network failure while looking is raised as it is (the change waits)."""
        if self._accepted_at is not None and time.monotonic() - self._accepted_at < TRUSTED_FOR_S:
            return not_found
        if self._looking is None:  # one look at a time, however many changes failed
            self._looking = asyncio.ensure_future(self._look())
            self._looking.add_done_callback(self._looked)
        refused = await asyncio.shield(self._looking)
        if refused is None:
            return not_found
        return refused

    def _looked(self, done: asyncio.Future[PlatformError | None]) -> None:
        self._looking = None

    async def _look(self) -> PlatformError | None:
        try:
            await self._transport.request(
                "GET",
                self._events_path,
                params={"page": 1, "page_size": 1},
                what=f"bucket '{self._bucket}'",
            )
        except (NotFound, AuthRejected) as exc:
            log.info("sheepCRM 404 explained: the bucket's events are refused too (%s)", exc)
            return AuthRejected(
                f"sheepCRM did not accept the API key for bucket '{self._bucket}': it "
                "answers 'not found' to a key it does not know. Check the key and the "
                "bucket in the settings; changes wait on this kiosk meanwhile.",
                platform_message=exc.platform_message,
                status_code=exc.status_code,
            )
        self._accepted_at = time.monotonic()
        return None
