"""Parties at the door: who of a guest's party is in, and checking in all or some of it.

Two shapes, one service. Attendu keeps a party on one guest record and counts the
people checked in (``incrementBy``): some of a party is one change carrying the count
(``StatusChange.party_in``), written as the difference from the counter read just
before (``AttenduBackend.set_people_in``), so a lost answer never adds twice. sheepCRM
gives each person of a booking a row, a plus-one's row naming its host: the party is
the host's row and the rows naming them, and checking some in is one ordinary status
change per row. Either way each change goes through the outbox, saved before it is
sent and sent once.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from kiosk.backends.base import CountsPeople
from kiosk.domain import Guest, Status, StatusChange
from kiosk.domain.party import host_ref, people_in
from kiosk.services.checkin import CheckinService, Conflict, Delivery


@dataclasses.dataclass(frozen=True, slots=True)
class Party:
    """A guest's party as the desk shows it. ``members``: one row per person where the
    platform has them (sheepCRM, host first), else the one guest. ``size`` people,
    ``present`` of them in (this desk's unsent changes included)."""

    lead: Guest
    members: tuple[Guest, ...]
    size: int
    present: int

    @property
    def by_rows(self) -> bool:
        return len(self.members) > 1

    def member_in(self, guest: Guest) -> bool:
        return guest.status is Status.ATTENDED


class Parties:
    """Reads parties off the desk's roster and records their check-ins.

    The host → plus-ones map of a roster of rows is made on first use and forgotten
    when the roster changes (``forget``): one pass over the guests per roster, not per
    look."""

    def __init__(self, service: CheckinService) -> None:
        self.service = service
        self._rows: dict[str, list[str]] | None = None  # host person URI → plus-one ids
        self._saved: dict[str, int] = {}  # guest id → people in, recorded here, unsent
        for entry in service.outbox.pending():
            if entry.change.party_in is not None:
                self._saved[entry.change.guest_id] = entry.change.party_in

    @property
    def counts_people(self) -> bool:
        """Whether the platform counts the people of one guest (some of a party is a
        count, not rows)."""
        return isinstance(self.service.backend, CountsPeople)

    def forget(self) -> None:
        """The roster changed: the rows of each party are looked up afresh."""
        self._rows = None

    def _plus_one_rows(self) -> dict[str, list[str]]:
        if self._rows is None:
            rows: dict[str, list[str]] = {}
            for guest in self.service.index.all():
                if guest.extras and (host := host_ref(guest)):
                    rows.setdefault(host, []).append(guest.id)
            self._rows = rows
        return self._rows

    def party(self, guest_id: str) -> Party | None:
        """The party ``guest_id`` belongs to, or None for a guest who came alone."""
        guest = self.service.guest(guest_id)
        if guest is None:
            return None
        if self.counts_people:
            if guest.party_size <= 1:
                return None
            return Party(guest, (guest,), guest.party_size, self._present(guest))
        lead = guest
        if host := host_ref(guest):
            lead = next(iter(self.service.index.lookup_code(host)), guest)
        ids = self._plus_one_rows().get(lead.platform_ref, [])
        found = (self.service.guest(gid) for gid in ids)
        members = (lead, *(g for g in found if g is not None and g.id != lead.id))
        if len(members) <= 1:
            return None
        present = sum(1 for g in members if g.status is Status.ATTENDED)
        return Party(lead, members, len(members), present)

    def _present(self, guest: Guest) -> int:
        sync = self.service.sync_state(guest.id)
        saved = self._saved.get(guest.id)
        waiting = sync is not None and sync.delivery in (Delivery.SAVED, Delivery.SENT)
        if saved is not None and waiting and sync is not None and sync.status is Status.ATTENDED:
            return saved
        self._saved.pop(guest.id, None)
        return people_in(guest)

    def check_in_count(self, guest_id: str, count: int) -> StatusChange | Conflict | None:
        """``count`` of an Attendu guest's party are in (all of it: the usual check-in)."""
        guest = self.service.guest(guest_id)
        if guest is None or count < 1:
            return None
        size = max(1, guest.party_size)
        count = min(count, size)
        if count == size and guest.status is not Status.ATTENDED:
            outcome = self.service.set_status(guest_id, Status.ATTENDED)
        else:
            outcome = self.service.set_status(guest_id, Status.ATTENDED, party_in=count)
        if isinstance(outcome, StatusChange):
            self._saved[guest_id] = count
        return outcome

    def check_in_rows(self, guest_ids: Iterable[str]) -> list[StatusChange | Conflict]:
        """Check in these rows of a party (sheepCRM), each its own change; rows already
        in are left as they are."""
        outcomes: list[StatusChange | Conflict] = []
        for gid in guest_ids:
            guest = self.service.guest(gid)
            if guest is None or guest.status is Status.ATTENDED:
                continue
            outcome = self.service.set_status(gid, Status.ATTENDED)
            if outcome is not None:
                outcomes.append(outcome)
        return outcomes
