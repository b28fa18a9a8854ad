"""The sandbox's sheepCRM attendance: each session's state, the rosters, changes and search."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from kiosk.sandbox.demo import STATUSES, DemoData, DemoEntry, DemoEvent, DemoPerson, fold_ascii
from kiosk.sandbox.sheepcrm.real_rows import RealRows
from kiosk.sandbox.sheepcrm.rules import SEARCH_LIMIT, Refused, in_state
from kiosk.sandbox.wire import now_ms


class Session:
    """One attendee's mutable state; ``cached`` is its serialised JSON until it changes."""

    __slots__ = ("cached", "entry", "person", "person_uri", "position", "status", "updated_ms")

    def __init__(self, position: int, entry: DemoEntry, person: DemoPerson, bucket: str) -> None:
        self.position = position
        self.entry = entry
        self.person = person
        self.person_uri = f"/{bucket}/person/{person.person_uid}/"
        self.status = entry.status
        self.updated_ms = entry.updated_ms
        self.cached: bytes | None = None


class Roster:
    """One event's attendance, indexed by session uid and by person URI.

    The 100,000-guest list is served from per-session JSON kept between calls, so a
    write re-serialises one session, not the list.
    """

    def __init__(self, event: DemoEvent, data: DemoData) -> None:
        people = data.people
        self.sessions = [
            Session(position, entry, people[entry.person], data.bucket)
            for position, entry in enumerate(event.entries)
        ]
        self.by_uid = {session.entry.session_uid: session for session in self.sessions}
        self.by_person = {session.person_uri: session for session in self.sessions}
        self.body_prefix: bytes | None = None
        #: Counts the changes to this list: its ETag.
        self.version = 0


class AttendanceStore:
    """Every event's roster, made from the demo data on first use; not thread-safe (the
    platform holds its lock around every call). Refusals raise ``Refused``."""

    def __init__(self, data: DemoData) -> None:
        self.load(data)

    def load(self, data: DemoData) -> None:
        """Back to ``data`` as seeded."""
        self.data = data
        # In every ETag: a list seeded again never answers 304 to a validator of before.
        self.epoch = secrets.token_hex(4)
        self.events = {event.sheepcrm_uid: event for event in data.events}
        self._rosters: dict[str, Roster] = {}
        self._search_index: list[str] | None = None
        #: None: rows as the demo data has them; else as a real account sends them.
        self.real_rows: RealRows | None = None

    def play_real_rows(self, rows: RealRows | None) -> None:
        """Send rows as ``rows`` says from now on (None: as seeded); every list changes."""
        self.real_rows = rows
        for roster in self._rosters.values():
            roster.body_prefix = None
            roster.version += 1
            for session in roster.sessions:
                session.cached = None

    def event(self, uid: str) -> DemoEvent:
        event = self.events.get(uid)
        if event is None:
            raise Refused(404, f"No event with uid {uid!r}")
        return event

    def events_in(self, state: str) -> Iterator[DemoEvent]:
        now = datetime.now(UTC)
        for event in self.events.values():
            if in_state(event, state, now):
                yield event

    def roster(self, event: DemoEvent) -> Roster:
        roster = self._rosters.get(event.sheepcrm_uid)
        if roster is None:
            roster = self._rosters[event.sheepcrm_uid] = Roster(event, self.data)
        return roster

    def find(self, person_uri: str, event_uid: str | None) -> tuple[DemoEvent, Session]:
        """A person's session on ``event_uid`` (None: the demo event), or KeyError."""
        event = self.event(event_uid or self.data.event.sheepcrm_uid)
        session = self.roster(event).by_person.get(person_uri)
        if session is None:
            raise KeyError(f"{person_uri} is not on {event.title!r}")
        return event, session

    def session(self, uid: str) -> Session:
        """The session ``uid`` on any event, or KeyError."""
        for event in self.events.values():
            session = self.roster(event).by_uid.get(uid)
            if session is not None:
                return session
        raise KeyError(uid)

    def apply(self, session: Session, status: str) -> None:
        session.status = status
        session.updated_ms = now_ms()
        session.cached = None
        for roster in self._rosters.values():
            if roster.by_uid.get(session.entry.session_uid) is session:
                roster.version += 1

    def etag(self, event: DemoEvent) -> str:
        """A strong ETag of ``event``'s attendance answer: it changes whenever the list does."""
        return f'"{self.epoch}-{self.roster(event).version}"'

    def remove(self, event: DemoEvent, session: Session) -> None:
        """Take ``session`` off ``event``'s roster: later reads and writes miss it."""
        roster = self.roster(event)
        roster.sessions.remove(session)
        del roster.by_uid[session.entry.session_uid]
        del roster.by_person[session.person_uri]
        roster.version += 1

    def search(self, query: str) -> list[DemoPerson]:
        """People whose name, e-mail or phone hold every word of ``query`` (accents and
        case aside), in database order, at most ``SEARCH_LIMIT``."""
        tokens = fold_ascii(query).lower().split()
        if self._search_index is None:
            self._search_index = [
                fold_ascii(f"{person.name} {person.email} {person.phone}").lower()
                for person in self.data.people
            ]
        found = []
        for position, text in enumerate(self._search_index):
            if all(token in text for token in tokens):
                found.append(self.data.people[position])
                if len(found) >= SEARCH_LIMIT:
                    break
        return found

    def summary(self) -> dict[str, Any]:
        """Counts for the demo event: sessions, plus-ones, sessions by status."""
        roster = self.roster(self.data.event)
        counts = dict.fromkeys(STATUSES, 0)
        for session in roster.sessions:
            counts[session.status] += 1
        return {
            "event": self.data.event.sheepcrm_uid,
            "sessions": len(roster.sessions),
            "plus_ones": sum(1 for s in roster.sessions if s.entry.host is not None),
            "statuses": counts,
        }
