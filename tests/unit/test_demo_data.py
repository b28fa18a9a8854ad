"""The sandbox's demo data: deterministic, unique where it must be, varied where it should be."""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, datetime

import pytest

from kiosk.sandbox import demo

NOW = datetime(2025, 5, 14, 10, 30, tzinfo=UTC)
HEX24 = re.compile(r"[0-9a-f]{24}")
TICKET = re.compile(r"KSK-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}")


@pytest.fixture(scope="module")
def big() -> demo.DemoData:
    return demo.generate(100_000, seed=1, now=NOW)


def test_the_same_seed_gives_the_same_data() -> None:
    assert demo.generate(500, seed=5, now=NOW) == demo.generate(500, seed=5, now=NOW)


def test_another_seed_gives_other_people() -> None:
    one = demo.generate(50, seed=1, now=NOW)
    two = demo.generate(50, seed=2, now=NOW)
    assert [p.name for p in one.people] != [p.name for p in two.people]
    assert one.sheepcrm_api_key != two.sheepcrm_api_key


def test_a_hundred_thousand_guests(big: demo.DemoData) -> None:
    assert len(big.people) == 100_000
    assert len(big.event.entries) == 100_000
    assert big.event.capacity >= 100_000


def test_ids_emails_and_tickets_are_unique(big: demo.DemoData) -> None:
    entries = [entry for event in big.events for entry in event.entries]
    sheep_ids = (
        [p.person_uid for p in big.people]
        + [e.session_uid for e in entries]
        + [e.ticket_uid for e in entries]
        + [event.sheepcrm_uid for event in big.events]
    )
    attendu_ids = [e.attendu_id for e in entries if e.attendu_id] + [
        event.attendu_id for event in big.events if event.attendu_id
    ]
    tickets = [e.ticket for e in entries]
    emails = [p.email.lower() for p in big.people]
    for values in (sheep_ids, attendu_ids, tickets, emails):
        assert len(set(values)) == len(values)
    assert all(HEX24.fullmatch(value) for value in sheep_ids + attendu_ids)
    assert all(TICKET.fullmatch(ticket) for ticket in tickets)


def test_emails_are_ascii_and_derived_from_names(big: demo.DemoData) -> None:
    for person in big.people[:2000]:
        assert person.email.isascii()
        local = person.email.split("@")[0]
        assert local.startswith(demo.fold_ascii(person.first_name).lower().split()[0][:3])
        assert person.email.split("@")[1].split(".")[-1] in {"com", "org", "net", "example"}


def test_names_carry_diacritics_from_many_languages(big: demo.DemoData) -> None:
    names = {p.name for p in big.people}
    assert sum(not name.isascii() for name in names) > len(names) // 4
    surnames = {p.last_name for p in big.people}
    for expected in ("Müller", "Dvořák", "Nguyễn", "Øster", "Şahin", "Wójcik", "Ibáñez"):
        assert expected in surnames
    assert {p.lang for p in big.people} >= {"cs", "de", "pl", "fr", "es", "sv", "vi", "tr", "en"}


def test_fold_ascii_drops_every_diacritic() -> None:
    assert demo.fold_ascii("Dvořák Łukasz Øster Weiß Nguyễn Şahın Ærø") == (  # noqa: RUF001 (Turkish dotless i)
        "Dvorak Lukasz Oster Weiss Nguyen Sahin AEro"
    )


@pytest.mark.parametrize("guests", [5, 300])
def test_all_five_statuses_are_present(guests: int) -> None:
    data = demo.generate(guests, seed=3, now=NOW)
    assert {entry.status for entry in data.event.entries} == set(demo.STATUSES)


def test_the_mix_is_a_door_mid_event(big: demo.DemoData) -> None:
    counts = Counter(entry.status for entry in big.event.entries)
    assert counts["accepted"] > counts["attended"] > counts["invited"] > counts["no-show"] > 0
    assert 0 < sum(entry.starred for entry in big.event.entries) < 10_000
    assert 0 < sum(bool(entry.notes) for entry in big.event.entries) < 10_000
    assert len({entry.ticket_type for entry in big.event.entries}) >= 6


def test_plus_ones_follow_their_host(big: demo.DemoData) -> None:
    entries = big.event.entries
    by_person = {entry.person: entry for entry in entries}
    plus_ones = Counter(entry.host for entry in entries if entry.host is not None)
    assert len(plus_ones) > 1000
    for host, count in plus_ones.items():
        assert host is not None
        assert by_person[host].party_size == count + 1
        assert by_person[host].attendu_id
    for entry in entries:
        if entry.host is not None:
            assert entry.attendu_id == ""  # Attendu counts them in the host's confirmation
            assert entry.status == by_person[entry.host].status
            assert entry.person > entry.host


def test_times_are_consistent_with_the_running_event(big: demo.DemoData) -> None:
    event = big.event
    assert event.start <= NOW <= event.end
    start, now = demo.to_epoch_ms(event.start), demo.to_epoch_ms(NOW)
    for entry in big.event.entries[:5000]:
        assert entry.created_ms < start
        assert entry.updated_ms <= now
        if entry.status == "attended":
            assert entry.checked_in_ms is not None
            assert start <= entry.checked_in_ms <= now
        else:
            assert entry.checked_in_ms is None


def test_other_events_are_past_future_and_draft() -> None:
    data = demo.generate(100, seed=1, now=NOW)
    others = data.events[1:]
    assert any(event.end < NOW for event in others)
    assert any(event.start > NOW for event in others)
    assert any(event.state == "draft" for event in others)
    assert all(0 < len(event.entries) <= 40 for event in others)


def test_no_guests_is_a_valid_demo() -> None:
    data = demo.generate(0, seed=1, now=NOW)
    assert data.people == ()
    assert data.event.entries == ()
