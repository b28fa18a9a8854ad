"""Guests whose status this desk cannot change, and why: a platform row that cannot be
written (a sheepCRM plus-one without a person record, a cancelled booking). The reason
travels in the guest's ``extras`` under ``READ_ONLY``, so it is shown with the guest's
other details and kept in the roster cache and snapshot with no new column."""

from __future__ import annotations

from kiosk.domain.model import Guest

#: The ``extras`` label that holds why the guest's status cannot be changed here.
READ_ONLY = "Cannot be changed here"


def write_refusal(guest: Guest) -> str | None:
    """Why ``guest``'s status cannot be changed at this desk; None when it can."""
    return guest.extras.get(READ_ONLY) or None
