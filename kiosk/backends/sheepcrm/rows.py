"""What a sheepCRM attendance row means beyond its fields: a cancelled booking, a row
that names no person (so no status can be written for it), a person's other sessions."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from kiosk.domain import READ_ONLY

NO_EXTRAS: Mapping[str, str] = MappingProxyType({})

#: Record states that go without saying; any other is shown beside the guest.
PLAIN_STATES = frozenset({"active", "live", "current"})
#: Record states of a booking that no longer stands: shown, never checked in.
CANCELLED_STATES = frozenset({"cancelled", "canceled", "deleted", "void"})
#: The status label of a cancelled row.
CANCELLED_LABEL = "Cancelled"
#: The extras label that lists a person's sessions when they have more than one row.
SESSIONS = "Sessions"

CANCELLED_REASON = "This booking is cancelled in sheepCRM: the guest cannot be checked in on it."
PLUS_ONE_REASON = (
    "sheepCRM changes a status by person, and this plus-one has no person record: "
    "change the host's status, or add the plus-one as a person in sheepCRM."
)
NO_PERSON_REASON = (
    "sheepCRM changes a status by person, and this row names no person: change it in sheepCRM."
)


def row_extras(
    state: str, cancelled: bool, no_person: bool, is_plus_one: bool
) -> Mapping[str, str]:
    """The extras of one row: why it cannot be written (first, so it is always shown),
    and a record state that does not go without saying. The usual row has none."""
    plain = not state or state.lower() in PLAIN_STATES
    if plain and not no_person:
        return NO_EXTRAS
    extras: dict[str, str] = {}
    if cancelled:
        extras[READ_ONLY] = CANCELLED_REASON
    elif no_person:
        extras[READ_ONLY] = PLUS_ONE_REASON if is_plus_one else NO_PERSON_REASON
    if not plain:
        extras["Record state"] = state
    return MappingProxyType(extras)
