"""How the sender writes one change: a status, or how many of a party are in."""

from __future__ import annotations

from kiosk.backends.base import Backend, CountsPeople
from kiosk.domain import Guest, StatusChange
from kiosk.domain.party import people_in


async def write_change(backend: Backend, guest: Guest, change: StatusChange) -> Guest:
    """Send ``change``. Some of a party (``party_in``) on a platform that counts people
    goes as that count; anywhere else a change is its status."""
    if change.party_in is not None and isinstance(backend, CountsPeople):
        return await backend.set_people_in(guest, change.party_in)
    return await backend.set_status(guest, change.status)


def already_there(guest: Guest, change: StatusChange) -> bool:
    """Whether the platform already holds what ``change`` asks (read after an attempt
    whose answer was lost): the status, and for a party the count of people in."""
    if guest.status is not change.status:
        return False
    return change.party_in is None or people_in(guest) == change.party_in
