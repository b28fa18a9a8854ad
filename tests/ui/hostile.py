"""Hostile text from the platform: the sandbox serving a guest whose name, email and
notes are whatever a test wants (markup, control characters, 100,000 characters)."""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterator

from kiosk.sandbox import Sandbox

#: What a hostile platform record tries.
FONT = "<font size=7 color=red>HACKED</font>"
IMG = '<img src="file:///etc/hostname" width=900 height=900>'


@contextlib.contextmanager
def hostile_guest(
    sandbox: Sandbox, *, first: str, last: str, email: str = "", notes: str = ""
) -> Iterator[str]:
    """The sandbox serves one guest of the demo event (a guest in their own right, not
    a plus-one) with these texts; yields their ticket code. The seeded data comes back
    afterwards."""
    data = sandbox.data
    event = data.event
    position = next(i for i, e in enumerate(event.entries) if e.host is None and e.ticket)
    entry = event.entries[position]
    people = list(data.people)
    person = people[entry.person]
    people[entry.person] = person._replace(
        first_name=first, last_name=last, email=email or person.email
    )
    entries = list(event.entries)
    entries[position] = entry._replace(notes=notes or entry.notes)
    events = (dataclasses.replace(event, entries=tuple(entries)), *data.events[1:])
    sandbox.data = dataclasses.replace(data, people=tuple(people), events=events)
    sandbox.reset()
    try:
        yield entry.ticket
    finally:
        sandbox.data = data
        sandbox.reset()
