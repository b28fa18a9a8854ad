"""Attendu parsers and tables: decoded JSON in, domain values or MalformedAnswer out."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from kiosk.backends.attendu import (
    ASSUMED_CODES,
    DERIVED_NO_SHOW_LABEL,
    WRITES,
    AttenduCodes,
    attendu_capabilities,
    parse_attendu_event,
    parse_attendu_events,
    parse_attendu_guest,
    parse_guest_page,
    read_status,
)
from kiosk.domain import MalformedAnswer, Status

NOW = datetime(2024, 5, 1, 12, tzinfo=UTC)

EVENT_JSON = {
    "_id": "65f0c0ffee0000000000e001",
    "general": {
        "title": "Spring gala",
        "startDate": "2024-05-01T18:00:00",
        "endDate": "2024-05-01T23:00:00",
        "timezone": "Europe/Prague",
        "location": {"name": "Old Town Hall", "address": "Staroměstské nám. 1"},
        "langs": ["en", "cs"],
    },
    "guestlist": {
        "properties": [
            {"id": "a1b2c3d4", "type": "text", "_en": {"name": "Company"}},
            {
                "id": "e5f6g7h8",
                "type": "select",
                "_cs": {"name": "Menu"},
                "options": [{"id": "o1", "_en": {"value": "Vegetarian"}}],
            },
        ]
    },
}
EVENT = parse_attendu_event(EVENT_JSON)


def guest_json(**status: object) -> dict[str, object]:
    return {
        "_id": "65f0c0ffee0000000000a001",
        "event": EVENT_JSON["_id"],
        "status": {"confirmation": 0, "attendance": 0, **status},
        "properties": {
            "firstName": "Božena",
            "lastName": "Němcová",
            "email": "bozena@example.cz",
            "lang": "cs",
            "ticketType": "vip",
            "a1b2c3d4": "Babička s.r.o.",
            "e5f6g7h8": "o1",
        },
        "starred": True,
        "confirmedAt": "2024-04-20T10:00:00.000Z",
    }


def test_event_dates_are_read_in_the_events_time_zone():
    assert EVENT.event.title == "Spring gala"
    assert EVENT.event.starts_at == datetime(2024, 5, 1, 16, tzinfo=UTC)  # CEST is UTC+2
    assert EVENT.event.location == "Old Town Hall, Staroměstské nám. 1"
    assert EVENT.property_labels == {"a1b2c3d4": "Company", "e5f6g7h8": "Menu"}
    assert EVENT.option_labels["e5f6g7h8"] == {"o1": "Vegetarian"}


def test_a_guest_with_custom_properties_shown_by_their_labels():
    guest = parse_attendu_guest(guest_json(confirmation=2), ASSUMED_CODES, EVENT, now=NOW)

    assert guest.id == guest.platform_ref == "65f0c0ffee0000000000a001"
    assert guest.name == "Božena Němcová"
    assert guest.status is Status.ACCEPTED
    assert guest.party_size == 2
    assert guest.starred
    assert guest.language == "cs"
    assert guest.extras == {"Company": "Babička s.r.o.", "Menu": "Vegetarian"}
    assert guest.changed_at == datetime(2024, 4, 20, 10, tzinfo=UTC)


def test_populated_labels_are_shown_where_given():
    row = guest_json(confirmation=2)
    row["_populated"] = {
        "properties": {"Company": "Babička", "Menu": "Veggie", "First name": "Božena"},
        "status": {"confirmation": "Confirmed (+1)", "attendance": "Not attended"},
    }
    guest = parse_attendu_guest(row, ASSUMED_CODES, EVENT, now=NOW)

    assert guest.status_label == "Confirmed (+1)"
    # Attendu's display text for custom properties; standard fields have their own place.
    assert guest.extras == {"Company": "Babička", "Menu": "Veggie"}


def test_ticket_code_and_notes_come_from_custom_properties_named_so():
    event_json = {
        **EVENT_JSON,
        "guestlist": {
            "properties": [
                {
                    "id": "t1c2k3t4",
                    "type": "text",
                    "_de": {"name": "Ticketcode"},
                    "_en": {"name": "Ticket code"},
                },
                {"id": "n1o2t3e4", "type": "text", "_en": {"name": "Notes"}},
            ]
        },
    }
    event = parse_attendu_event(event_json)
    row = guest_json(confirmation=0, declineMessage="Abroad")
    properties = row["properties"]
    assert isinstance(properties, dict)
    properties |= {"t1c2k3t4": "KSK-AB23-CD45", "n1o2t3e4": "Side door, please"}
    guest = parse_attendu_guest(row, ASSUMED_CODES, event, now=NOW)

    assert guest.ticket == "KSK-AB23-CD45"
    assert guest.notes == "Side door, please"
    assert guest.extras["Decline message"] == "Abroad"
    assert "Ticket code" not in guest.extras
    # Without such a property the guest id stands in: it is what Attendu's QR codes carry.
    assert parse_attendu_guest(guest_json(), ASSUMED_CODES, EVENT, now=NOW).ticket == row["_id"]


@pytest.mark.parametrize(
    ("status", "ended", "expected"),
    [
        ({"confirmation": 0}, False, Status.INVITED),
        ({"confirmation": -1}, False, Status.DECLINED),
        ({"confirmation": 0, "declineMessage": "Sorry, abroad"}, False, Status.DECLINED),
        ({"confirmation": 2, "declineMessage": ""}, False, Status.ACCEPTED),
        ({"confirmation": 1}, True, Status.NO_SHOW),
        ({"confirmation": 1, "attendance": 1}, True, Status.ATTENDED),
        ({"confirmation": 0, "attendance": 3}, False, Status.ATTENDED),
        ({"confirmation": 0}, True, Status.INVITED),
        ({}, False, Status.INVITED),
    ],
)
def test_read_mapping_follows_the_contract_table(status, ended, expected):
    now = NOW + timedelta(days=2) if ended else NOW
    guest = parse_attendu_guest(guest_json(**status), ASSUMED_CODES, EVENT, now=now)
    assert guest.status is expected
    if expected is Status.NO_SHOW:
        assert guest.status_label == DERIVED_NO_SHOW_LABEL


def test_the_assumed_codes_can_be_overridden():
    codes = AttenduCodes(declined=-2)
    assert read_status(-1, 0, "", codes, event_ended=False) is Status.INVITED
    assert read_status(-2, 0, "", codes, event_ended=False) is Status.DECLINED


def test_the_write_table_gives_the_capabilities():
    caps = attendu_capabilities()

    assert caps.writable == {Status.ACCEPTED, Status.DECLINED, Status.ATTENDED, Status.NO_SHOW}
    assert "no way to set a guest back to invited" in (caps.reason(Status.INVITED) or "")
    assert Status.ATTENDED not in caps.idempotent  # a check-in adds to a counter
    assert caps.idempotent == {Status.ACCEPTED, Status.DECLINED, Status.NO_SHOW}
    assert caps.walk_ins
    assert set(WRITES) == set(Status)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("guest", "should be an object"),
        ({"status": {}}, "has no '_id'"),
        ({"_id": "x", "status": {"confirmation": "yes"}}, "'confirmation' should be a whole"),
        ({"_id": "x", "status": {"attendance": True}}, "'attendance' should be a whole"),
        ({"_id": "x", "properties": []}, "'properties' should be an object"),
        ({"_id": "x", "properties": {"firstName": 5}}, "'firstName' should be text"),
    ],
)
def test_a_wrongly_typed_guest_is_malformed(row, message):
    with pytest.raises(MalformedAnswer, match=message):
        parse_attendu_guest(row, ASSUMED_CODES, EVENT, now=NOW)


def test_a_page_keeps_readable_guests_and_names_the_others():
    good = guest_json()
    bad = {"_id": "65f0c0ffee0000000000a002", "status": "confirmed"}
    page = parse_guest_page({"results": [good, bad, 7], "total": 30}, ASSUMED_CODES, EVENT)

    assert [g.id for g in page.guests] == [good["_id"]]
    assert page.row_ids == (good["_id"], bad["_id"])
    assert page.rows == 3
    assert len(page.skipped) == 2
    assert page.total == 30


@pytest.mark.parametrize(
    "answer", [[], {"results": {}}, {"total": 3}, {"results": [], "total": "3"}]
)
def test_a_wrongly_shaped_page_is_malformed(answer):
    with pytest.raises(MalformedAnswer, match="Attendu sent data Kiosk cannot read"):
        parse_guest_page(answer, ASSUMED_CODES, EVENT)


def test_the_event_list_leaves_out_an_unreadable_event():
    events = parse_attendu_events({"results": [EVENT_JSON, {"general": {}}, {"_id": "e2"}]})
    assert [e.event.id for e in events] == [EVENT_JSON["_id"], "e2"]
    with pytest.raises(MalformedAnswer):
        parse_attendu_events({"results": "none"})
