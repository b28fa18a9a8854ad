"""The demo generator: a seeded roster of people on a running event, plus a few small events."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from kiosk.runtime import collector_paused
from kiosk.sandbox.demo.codes import ObjectIds, TicketCodes
from kiosk.sandbox.demo.names import COMPANIES, CULTURES, DOMAINS, email_part
from kiosk.sandbox.demo.properties import attendu_properties
from kiosk.sandbox.demo.records import (
    STATUSES,
    DemoData,
    DemoEntry,
    DemoEvent,
    DemoPerson,
    to_epoch_ms,
)

#: Relative weights of the statuses on the demo event (a door mid-event).
_STATUS_WEIGHTS = (15, 40, 10, 28, 7)

#: Ticket types and their weights; VIPs are mostly starred.
_TICKET_TYPES = ("Standard", "Early bird", "Student", "Speaker", "Press", "Sponsor", "VIP", "Staff")
_TICKET_WEIGHTS = (58, 15, 8, 4, 3, 4, 5, 3)

_NOTES = (
    "Wheelchair access: please open the side door.",
    "Collects a speaker badge at the info desk.",
    "Pays at the door.",
    "No photos, please.",
    "Brings a guide dog.",
    "Board member: reserved seat, row A.",
    "Needs an invoice for the company.",
    "Arrives late (train from Brno).",
)

_DECLINE_MESSAGES = (
    "Sorry, I am travelling that week.",
    "Leider verhindert.",
    "Bohužel nemohu přijít.",
    "",
)

_DIETARY = ("none", "vegetarian", "vegan", "gluten-free", "halal", "kosher")
_DIETARY_WEIGHTS = (70, 14, 6, 5, 3, 2)
_INTERESTS = ("keynotes", "workshops", "networking", "dinner")

_DAY_MS = 86_400_000


def _table(items: Sequence[str], weights: Sequence[int]) -> tuple[str, ...]:
    """A look-up table for weighted picks by ``table[int(random() * len(table))]``:
    much cheaper than ``random.choices`` a few hundred thousand times."""
    return tuple(item for item, weight in zip(items, weights, strict=True) for _ in range(weight))


_STATUS_TABLE = _table(STATUSES, _STATUS_WEIGHTS)
_TICKET_TABLE = _table(_TICKET_TYPES, _TICKET_WEIGHTS)
_DIETARY_TABLE = _table(_DIETARY, _DIETARY_WEIGHTS)
#: Every subset of the interests, indexed by a 4-bit mask.
_INTEREST_SETS = tuple(
    tuple(item for bit, item in enumerate(_INTERESTS) if mask >> bit & 1) for mask in range(16)
)


def generate(
    guests: int, seed: int = 1, now: datetime | None = None, bucket: str = "demo"
) -> DemoData:
    """Generate ``guests`` people on a running demo event, plus a few smaller events.

    The result depends only on ``guests``, ``seed`` and ``now`` (default: the current
    time): the demo event runs from an hour before the last full hour for nine hours,
    so it is "running" whenever a demo starts.
    """
    if guests < 0:
        raise ValueError("guests must be zero or more")
    # Hundreds of thousands of small tuples and no cycles: full collections find nothing.
    with collector_paused():
        return _generate(guests, seed, now, bucket)


def _generate(guests: int, seed: int, now: datetime | None, bucket: str) -> DemoData:
    rng = random.Random(seed)
    now = (now or datetime.now(UTC)).astimezone(UTC)
    now = now.replace(microsecond=now.microsecond - now.microsecond % 1000)
    sheep_ids = ObjectIds(rng)
    attendu_ids = ObjectIds(rng)
    codes = TicketCodes(rng)
    properties = attendu_properties(rng)

    start = now.replace(minute=0, second=0, microsecond=0) - timedelta(hours=1)
    end = start + timedelta(hours=9)
    start_ms = to_epoch_ms(start)
    people = _people(rng, guests, start_ms, sheep_ids)
    entries = _demo_entries(rng, people, start_ms, to_epoch_ms(now), sheep_ids, attendu_ids, codes)

    demo_created = start - timedelta(days=75)
    events = [
        DemoEvent(
            sheepcrm_uid=sheep_ids.new(to_epoch_ms(demo_created)),
            attendu_id=attendu_ids.new(to_epoch_ms(demo_created)),
            title="Kiosk Demo Day",
            start=start,
            end=end,
            location="Kongresové centrum Praha, 5. května 65, Praha",
            state="live",
            capacity=max(guests + guests // 10, 50),
            created=demo_created,
            entries=entries,
            description="Talks, workshops and a dinner: the sandbox's demo event.",
        )
    ]
    evening = start.replace(hour=17)
    for title, offset_days, state, on_attendu, location in (
        ("Members' Summer Reception", -10, "live", True, "Zahrada Valdštejnského paláce"),
        ("Spring Gala", -45, "live", False, "Rudolfinum, Praha"),
        ("Annual General Meeting", 21, "live", True, "Hotel Jalta, Brno"),
        ("Winter Lecture: Dvořák and the New World", 60, "live", False, "Muzeum A. Dvořáka"),
        ("Autumn Conference", 120, "live", False, "Výstaviště Brno"),
        ("Board Away Day", 30, "draft", False, "Zámek Mcely"),
    ):
        event_start = evening + timedelta(days=offset_days)
        created = event_start - timedelta(days=90)
        roster = _small_roster(
            rng,
            len(people),
            to_epoch_ms(event_start),
            to_epoch_ms(now),
            sheep_ids,
            attendu_ids if on_attendu else None,
            codes,
        )
        events.append(
            DemoEvent(
                sheepcrm_uid=sheep_ids.new(to_epoch_ms(created)),
                attendu_id=attendu_ids.new(to_epoch_ms(created)) if on_attendu else "",
                title=title,
                start=event_start,
                end=event_start + timedelta(hours=3),
                location=location,
                state=state,
                capacity=120,
                created=created,
                entries=roster,
            )
        )
    key_rng = random.Random(f"keys-{seed}")
    return DemoData(
        seed=seed,
        now=now,
        bucket=bucket,
        people=people,
        events=tuple(events),
        attendu_properties=properties,
        attendu_langs=("en", "cs", "de"),
        sheepcrm_api_key=f"sandbox-sheepcrm-{key_rng.getrandbits(64):016x}",
        attendu_api_key=f"sandbox-attendu-{key_rng.getrandbits(64):016x}",
    )


def _people(
    rng: random.Random, count: int, start_ms: int, ids: ObjectIds
) -> tuple[DemoPerson, ...]:
    cultures = [culture for culture, _weight in CULTURES]
    weights = [weight for _culture, weight in CULTURES]
    # Every (first, last, e-mail local part) of a culture, both genders: one draw per name.
    names = {
        culture.lang: [
            (first, last, f"{email_part(first)}.{email_part(last)}")
            for firsts, lasts in (
                (culture.male, culture.last),
                (culture.female, culture.last_female or culture.last),
            )
            for first in firsts
            for last in lasts
        ]
        for culture in cultures
    }
    used_emails: dict[str, int] = {}
    people: list[DemoPerson] = []
    for index, culture in enumerate(rng.choices(cultures, weights, k=count)):
        pairs = names[culture.lang]
        first, last, local = pairs[int(rng.random() * len(pairs))]
        domain = DOMAINS[int(rng.random() * len(DOMAINS))]
        email = f"{local}@{domain}"
        seen = used_emails.get(email, 0)
        used_emails[email] = seen + 1
        if seen:
            email = f"{local}{seen + 1}@{domain}"
        roll = rng.random()
        phone = f"{culture.phone_prefix} {int(roll * 9_000_000) + 1_000_000}" if roll < 0.7 else ""
        roll = rng.random()
        company = COMPANIES[int(roll * 20) % len(COMPANIES)] if roll < 0.6 else ""
        created_ms = start_ms - _DAY_MS - int(rng.random() * 400 * _DAY_MS)
        # Positional in field order, as for the roster entries below.
        people.append(
            DemoPerson(
                index,
                first,
                last,
                email,
                culture.lang,
                phone,
                company,
                ids.new(created_ms),
                created_ms,
            )
        )
    return tuple(people)


def _demo_entries(
    rng: random.Random,
    people: Sequence[DemoPerson],
    start_ms: int,
    now_ms: int,
    sheep_ids: ObjectIds,
    attendu_ids: ObjectIds,
    codes: TicketCodes,
) -> tuple[DemoEntry, ...]:
    """The demo event's roster: parties of one to three; the first five parties take the
    five statuses in turn so even a tiny roster shows them all."""
    entries: list[DemoEntry] = []
    since_start = max(1, now_ms - start_ms)
    index = 0
    party_number = 0
    count = len(people)
    while index < count:
        roll = rng.random()
        if party_number < len(STATUSES):
            status = STATUSES[party_number]
            plus_ones = 0
        else:
            status = _STATUS_TABLE[int(rng.random() * len(_STATUS_TABLE))]
            plus_ones = min(2 if roll < 0.02 else 1 if roll < 0.10 else 0, count - index - 1)
        party_number += 1
        ticket_type = _TICKET_TABLE[int(rng.random() * len(_TICKET_TABLE))]
        created = start_ms - 6 * 3_600_000 - int(rng.random() * 60 * _DAY_MS)
        answered = (
            None
            if status == "invited"
            else created + int((start_ms - created) * 0.9 * rng.random())
        )
        checked_in = start_ms + int(rng.random() * since_start) if status == "attended" else None
        roll = rng.random()
        method = ("qrScan" if roll < 0.8 else "manual") if checked_in else None
        if status == "no-show":
            updated = now_ms - 60_000 - int(roll * 3_540_000)
        else:
            updated = checked_in or answered or created
        roll = rng.random()
        starred = roll < 0.01 or (ticket_type == "VIP" and roll < 0.8)
        roll = rng.random()
        notes = _NOTES[int(roll * 100) % len(_NOTES)] if roll < 0.06 else ""
        dietary = _DIETARY_TABLE[int(rng.random() * len(_DIETARY_TABLE))]
        interests = _INTEREST_SETS[int(rng.random() * 16)]
        roll = rng.random()
        paid = roll < 0.85 or ticket_type in ("Speaker", "Press", "Staff")
        decline = _DECLINE_MESSAGES[int(roll * 4)] if status == "declined" else ""
        host = people[index].position
        attendu_id = attendu_ids.new(created)  # one per party: plus-ones are not listed
        for member in range(plus_ones + 1):
            is_host = member == 0
            # Positional, each field named beside it: keywords make this loop markedly slower.
            entries.append(
                DemoEntry(
                    people[index + member].position,  # person
                    status,
                    codes.new(),  # ticket
                    ticket_type if is_host else "Guest",  # ticket_type
                    sheep_ids.new(created),  # ticket_uid
                    sheep_ids.new(created),  # session_uid
                    attendu_id if is_host else "",  # attendu_id
                    None if is_host else host,  # host
                    plus_ones + 1 if is_host else 1,  # party_size
                    starred and is_host,  # starred
                    notes if is_host else "",  # notes
                    dietary,
                    interests,
                    paid,
                    decline,  # decline_message
                    created,  # created_ms
                    answered,  # answered_ms
                    updated,  # updated_ms
                    checked_in,  # checked_in_ms
                    method,  # check_in_method
                )
            )
        index += plus_ones + 1
    return tuple(entries)


def _small_roster(
    rng: random.Random,
    people: int,
    start_ms: int,
    now_ms: int,
    sheep_ids: ObjectIds,
    attendu_ids: ObjectIds | None,
    codes: TicketCodes,
) -> tuple[DemoEntry, ...]:
    """Up to 40 singles: past events end attended or no-show, future ones are still open."""
    chosen = sorted(rng.sample(range(people), min(people, 40)))
    past = start_ms < now_ms
    statuses = ("attended", "no-show", "declined") if past else ("invited", "accepted", "declined")
    table = _table(statuses, (70, 20, 10) if past else (40, 50, 10))
    entries = []
    for person in chosen:
        status = table[int(rng.random() * len(table))]
        created = min(start_ms, now_ms) - _DAY_MS - int(rng.random() * 40 * _DAY_MS)
        answered = None if status == "invited" else created + int(rng.random() * 2 * _DAY_MS)
        checked_in = start_ms + int(rng.random() * 3_600_000) if status == "attended" else None
        entries.append(
            DemoEntry(
                person=person,
                status=status,
                ticket=codes.new(),
                ticket_type="Standard",
                ticket_uid=sheep_ids.new(created),
                session_uid=sheep_ids.new(created),
                attendu_id=attendu_ids.new(created) if attendu_ids else "",
                host=None,
                party_size=1,
                starred=False,
                notes="",
                dietary="none",
                interests=(),
                paid=True,
                decline_message="",
                created_ms=created,
                answered_ms=answered,
                updated_ms=checked_in or answered or created,
                checked_in_ms=checked_in,
                check_in_method="qrScan" if checked_in else None,
            )
        )
    return tuple(entries)
