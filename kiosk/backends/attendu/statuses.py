"""Attendu's status tables: its integers read as Kiosk's five statuses, each status written."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from types import MappingProxyType
from typing import Literal

from kiosk.backends.base import Capabilities
from kiosk.domain import Guest, Status

PLATFORM = "attendu"
DISPLAY_NAME = "Attendu"

#: Shown as the label of a no-show, which Attendu cannot store: Kiosk works it out.
DERIVED_NO_SHOW_LABEL = "No-show (worked out by Kiosk: Attendu has no no-show state)"
#: The label of a no-show this desk set: kept here, since Attendu cannot hold it.
LOCAL_NO_SHOW_LABEL = "No-show, set at this desk (Attendu has no no-show state: kept here)"
#: What a delivered no-show says in the end-of-day list and its CSV.
LOCAL_NO_SHOW_NOTE = "kept at this desk: Attendu has no no-show state"


@dataclasses.dataclass(frozen=True, slots=True)
class AttenduCodes:
    """ASSUMPTIONS about Attendu's integers, kept in one overridable table.

    Attendu publishes what ``status.confirmation`` and ``status.attendance`` count only
    through examples ("Confirmed (+1)" is 2; ``attendance`` counts people checked in).
    The values below are NOT published; they are Kiosk's reading of the examples:

    - ``no_answer`` (0): the guest has not answered yet, Kiosk's "invited";
    - ``declined`` (-1): the guest declined;
    - ``min_confirmed`` (1): this many or more is the number of confirmed people;
    - ``decline_message``: what Kiosk writes as ``declineMessage`` when the desk
      records a decline (Attendu shows it; any set message reads as declined);
    - ``check_in_method``: the ``method`` of a check-in made from the desk.

    Pass another ``AttenduCodes`` to ``AttenduBackend`` when a workspace proves otherwise.
    """

    no_answer: int = 0
    declined: int = -1
    min_confirmed: int = 1
    decline_message: str = "Declined at the check-in desk"
    check_in_method: str = "manual"


#: Kiosk's assumptions about Attendu's integers (see ``AttenduCodes``).
ASSUMED_CODES = AttenduCodes()


def attendu_codes(connection: Mapping[str, str]) -> AttenduCodes:
    """The code table a connection names (the profile's ``[attendu.codes]``, checked
    when it was read), each integer not named as assumed."""

    def code(name: str) -> int:
        given = connection.get(f"attendu_{name}")
        return int(given) if given else int(getattr(ASSUMED_CODES, name))

    return dataclasses.replace(
        ASSUMED_CODES,
        no_answer=code("no_answer"),
        declined=code("declined"),
        min_confirmed=code("min_confirmed"),
    )


def read_status(
    confirmation: int,
    attendance: int,
    decline_message: str,
    codes: AttenduCodes,
    *,
    event_ended: bool,
) -> Status:
    """Kiosk's status from Attendu's integers (contracts §3, "Attendu, read")."""
    if attendance >= 1:
        return Status.ATTENDED
    if decline_message.strip() or confirmation == codes.declined:
        return Status.DECLINED
    if confirmation >= codes.min_confirmed:
        return Status.NO_SHOW if event_ended else Status.ACCEPTED
    return Status.INVITED


def keep_local_no_show(fresh: Guest, known: Guest | None) -> Guest:
    """``fresh`` as this desk shows it. A no-show set here (``known`` has the local
    label) stays a no-show while Attendu still has the guest as it was then: confirmed,
    not checked in, and no change since (a later change elsewhere wins). Otherwise an
    Attendu refresh would turn it back into accepted, as it cannot store a no-show."""
    if (
        known is None
        or known.status_label != LOCAL_NO_SHOW_LABEL
        or fresh.status not in (Status.ACCEPTED, Status.NO_SHOW)
        or fresh.changed_at != known.changed_at
    ):
        return fresh
    kept = fresh._replace(status=Status.NO_SHOW, status_label=LOCAL_NO_SHOW_LABEL)
    return known if kept == known else kept


@dataclasses.dataclass(frozen=True, slots=True)
class AttenduWrite:
    """How one Kiosk status is written to Attendu (contracts §3, "Attendu, write").

    ``undo_check_in``: DELETE the check-in first when the guest is attended.
    ``confirmation``: PATCH ``status.confirmation`` to the party size or the declined code.
    ``check_in``: POST a check-in for the party (never when already attended).
    ``derived``: Attendu keeps no such state; the answer is Kiosk's own conclusion.
    ``refused``: not writable; the reason shown to desk staff.
    """

    undo_check_in: bool = False
    confirmation: Literal["party", "declined"] | None = None
    check_in: bool = False
    derived: bool = False
    refused: str = ""


INVITED_REASON = (
    "Attendu offers no way to set a guest back to invited (no answer yet), so Kiosk "
    "cannot make this change there."
)

#: The one table of Attendu writes.
WRITES: Mapping[Status, AttenduWrite] = MappingProxyType(
    {
        Status.INVITED: AttenduWrite(refused=INVITED_REASON),
        Status.ACCEPTED: AttenduWrite(undo_check_in=True, confirmation="party"),
        Status.DECLINED: AttenduWrite(undo_check_in=True, confirmation="declined"),
        Status.ATTENDED: AttenduWrite(check_in=True),
        Status.NO_SHOW: AttenduWrite(undo_check_in=True, derived=True),
    }
)


def attendu_capabilities() -> Capabilities:
    """What Kiosk can write to Attendu, read off ``WRITES``. A check-in adds to a
    counter, so it is the one write that is not safe to repeat blindly."""
    return Capabilities(
        platform=PLATFORM,
        display_name=DISPLAY_NAME,
        writable=frozenset(s for s, w in WRITES.items() if not w.refused),
        reasons=MappingProxyType({s: w.refused for s, w in WRITES.items() if w.refused}),
        idempotent=frozenset(s for s, w in WRITES.items() if not w.refused and not w.check_in),
        walk_ins=True,
        kept_here=MappingProxyType({Status.NO_SHOW: LOCAL_NO_SHOW_NOTE}),
        derived=frozenset(s for s, w in WRITES.items() if w.derived),
    )
