"""Parties: how many of a guest's party are in, read from what the platforms give.

Attendu counts the people of one guest record (``status.attendance`` of
``status.confirmation``); its reader keeps the count in ``extras`` under
``PEOPLE_IN``. sheepCRM gives each person of a booking a row of their own; a plus-one's
row names its host, kept under ``HOST_REF`` so the rows of one party can be found
again. Both keys are Kiosk's own, never shown as platform fields (``HIDDEN_EXTRAS``).
"""

from __future__ import annotations

from kiosk.domain.model import Guest
from kiosk.domain.status import Status

#: Extras key: how many people of an Attendu guest's party are checked in.
PEOPLE_IN = "kiosk:people-in"
#: Extras key: the person URI of the host a sheepCRM plus-one row came with.
HOST_REF = "kiosk:host-ref"
#: Extras keys that are Kiosk's bookkeeping, not platform fields to show.
HIDDEN_EXTRAS = frozenset({PEOPLE_IN, HOST_REF})


def people_in(guest: Guest) -> int:
    """How many of the guest's party are in: the platform's count where it keeps one,
    else all of them when the guest is attended and none otherwise."""
    if guest.status is not Status.ATTENDED:
        return 0
    counted = guest.extras.get(PEOPLE_IN, "")
    if counted.isdigit():
        return min(int(counted), max(1, guest.party_size))
    return max(1, guest.party_size)


def host_ref(guest: Guest) -> str:
    """The host's person URI of a plus-one row ('' for anyone else)."""
    return guest.extras.get(HOST_REF, "")
