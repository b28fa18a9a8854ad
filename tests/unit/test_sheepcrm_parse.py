"""sheepCRM parsers: decoded JSON in, domain values or MalformedAnswer out."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

import pytest

from kiosk.backends.sheepcrm import (
    AttendanceReader,
    SeenMarks,
    parse_attendance,
    parse_event,
    parse_events,
    parse_sessions,
    parse_status,
    parse_updated_attendance,
    split_name,
)
from kiosk.domain import MalformedAnswer, Status

HOST = "/example/person/6305f074683e800f3abe809e/"
PLUS_ONE = "/example/person/6305f074683e800f3abe8100/"
OTHER = "/example/person/6305f074683e800f3abe8200/"


def session(uid: str, person: object, **fields: object) -> dict[str, object]:
    row: dict[str, object] = {
        "uid": uid,
        "uri": f"/example/attendance/{uid}/",
        "person_ref": person,
        "guest": False,
        "attendee_name": "Ada Lovelace",
        "attendee_email": "ada@example.org",
        "status": "accepted",
        "ticket": "T-1001",
        "record_state": "active",
        "created": "2023-09-01T09:00:00.000000",
        "last_updated": "2023-09-05T11:27:06.437000",
    }
    row.update(fields)
    return row


def test_a_session_becomes_a_guest_keyed_by_session_with_the_person_as_write_ref():
    (guest,) = parse_sessions({"sessions": [session("s1", HOST)]})

    assert guest.id == "s1"
    assert guest.platform_ref == HOST
    assert (guest.first_name, guest.last_name) == ("Ada", "Lovelace")
    assert guest.email == "ada@example.org"
    assert guest.ticket == "T-1001"
    assert guest.status is Status.ACCEPTED
    assert guest.party_size == 1
    # No timezone on the wire: read as UTC.
    assert guest.changed_at == datetime(2023, 9, 5, 11, 27, 6, 437000, tzinfo=UTC)


def test_person_ref_may_be_an_expanded_reference():
    ref = {"display_value": "Ada Lovelace", "ref": HOST}
    (guest,) = parse_sessions({"sessions": [session("s1", ref, attendee_name=None)]})

    assert guest.platform_ref == HOST
    assert guest.name == "Ada Lovelace"  # from the reference's display value


def test_plus_ones_count_towards_the_hosts_party_and_say_whose_guest_they_are():
    answer = {
        "sessions": [
            session("s1", HOST, attendee_name="Ada Lovelace"),
            session("s2", PLUS_ONE, guest=True, guest_ref=HOST, attendee_name="Charles Babbage"),
            session("s3", OTHER, guest=True, guest_ref=HOST, attendee_name="Mary Somerville"),
        ]
    }
    guests = {g.id: g for g in parse_sessions(answer)}

    assert guests["s1"].party_size == 3
    assert guests["s1"].plus_ones == 2
    assert guests["s2"].party_size == 1
    assert guests["s2"].extras["Guest of"] == "Ada Lovelace"


def test_an_unknown_status_keeps_the_guest_findable_and_says_so():
    attendance = parse_attendance(
        {"sessions": [session("s1", HOST, status="waitlisted"), session("s2", OTHER)]}
    )

    unknown = next(g for g in attendance.guests if g.id == "s1")
    assert unknown.status is Status.INVITED
    assert unknown.status_label == "waitlisted"
    assert attendance.complete  # nobody is missing
    assert any("'waitlisted'" in p and "shown as invited" in p for p in attendance.problems)


def test_a_broken_row_is_skipped_and_the_roster_says_it_is_incomplete():
    attendance = parse_attendance(
        {"sessions": [session("s1", HOST), session("s2", OTHER, attendee_email=42), "junk"]}
    )

    assert [g.id for g in attendance.guests] == ["s1"]
    assert not attendance.complete
    assert "2 rows" in attendance.problems[0]
    assert "'attendee_email' should be text" in attendance.problems[0]


def test_a_roster_with_no_readable_row_is_a_malformed_answer_not_an_empty_list():
    with pytest.raises(MalformedAnswer, match="not one of its 2 rows"):
        parse_attendance({"sessions": [{"uid": 5}, {"status": []}]})


@pytest.mark.parametrize(
    "answer",
    [[], "sessions", {"sessions": "many"}, {"sessions": {}}, {"booking": "x", "sessions": []}],
)
def test_a_wrongly_shaped_answer_is_malformed(answer):
    with pytest.raises(MalformedAnswer, match="sheepCRM sent data Kiosk cannot read"):
        parse_attendance(answer)


def test_the_attendance_answer_carries_its_event():
    attendance = parse_attendance(
        {
            "booking": {
                "uid": "ev1",
                "title": "Members' evening",
                "start_datetime": "2024-05-01T18:00:00",
                "end_date": "2024-05-01",
                "end_time": "21:30",
                "location": "Main hall",
            },
            "sessions": [],
        }
    )

    assert attendance.event is not None
    assert attendance.event.title == "Members' evening"
    assert attendance.event.starts_at == datetime(2024, 5, 1, 18, tzinfo=UTC)
    assert attendance.event.ends_at == datetime(2024, 5, 1, 21, 30, tzinfo=UTC)
    assert attendance.event.location == "Main hall"


def test_an_event_needs_an_id():
    assert parse_event({"uri": "/example/booking/ev9/"}).id == "ev9"
    with pytest.raises(MalformedAnswer, match="has no 'uid'"):
        parse_event({"title": "Nameless"})


def test_the_event_list_leaves_out_an_unreadable_event():
    events = parse_events({"bookings": [{"uid": "a", "title": "A"}, {"title": 7}, {"uid": "b"}]})
    assert [(e.id, e.title) for e in events] == [("a", "A"), ("b", "b")]


@pytest.mark.parametrize(
    ("raw", "status"),
    [
        ("attended", Status.ATTENDED),
        ("No-Show", Status.NO_SHOW),
        ("no_show", Status.NO_SHOW),
        (" Declined ", Status.DECLINED),
        ("checked", None),
    ],
)
def test_status_spelling_is_forgiving_about_case_and_separators(raw, status):
    assert parse_status(raw) is status


@pytest.mark.parametrize(
    ("full", "parts"),
    [
        ("Ada Lovelace", ("Ada", "Lovelace")),
        ("Mary Ann Evans", ("Mary Ann", "Evans")),
        ("Jan van der Berg", ("Jan", "van der Berg")),
        ("Cher", ("Cher", "")),
        ("  ", ("", "")),
    ],
)
def test_names_split_at_the_surname(full, parts):
    assert split_name(full) == parts


def test_updated_attendance_with_the_status_at_the_top():
    answer = {
        "attendance": [
            {
                "attendance": {
                    "attendee_name": "Ada Lovelace",
                    "attendee_email": "ada@example.org",
                    "booking_ref": {"display_value": "Evening", "ref": "/example/booking/ev1/"},
                    "person_ref": {"display_value": "Ada Lovelace", "ref": HOST},
                    "status": "attended",
                },
                "uri": "/example/attendance/s1/",
            }
        ],
        "booking_ref": "/example/booking/ev1/",
        "person_ref": HOST,
        "status": "attended",
    }
    update = parse_updated_attendance(answer, HOST)
    assert update.status is Status.ATTENDED
    assert update.name == "Ada Lovelace"


def test_updated_attendance_with_the_status_inside_each_item():
    answer = {
        "attendance": [
            {"attendance": {"person_ref": {"ref": OTHER}, "status": "accepted"}, "uri": "x"},
            {
                "attendance": {"attendee_name": "Ada"},
                "booking_ref": "/example/booking/ev1/",
                "person_ref": HOST,
                "status": "no-show",
                "uri": "y",
            },
        ]
    }
    assert parse_updated_attendance(answer, HOST).status is Status.NO_SHOW


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ({}, "does not say the new status"),
        ({"status": "checked"}, "status Kiosk does not know"),
        ({"status": 3}, "'status' should be text"),
        ({"attendance": {"status": "attended"}}, "should be a list"),
        ({"person_ref": OTHER, "status": "attended"}, "does not say the new status"),
    ],
)
def test_an_unreadable_write_answer_is_malformed(answer, message):
    with pytest.raises(MalformedAnswer, match=message):
        parse_updated_attendance(answer, HOST)


def _read(rows: Sequence[object], seen: SeenMarks) -> list[str]:
    reader = AttendanceReader(seen=seen)
    for row in rows:
        reader.add_row(row)
    attendance = reader.finish({"sessions": []})
    return [g.id for g in attendance.guests] + list(attendance.skipped)


def test_readings_that_share_their_uid_table_each_skip_only_their_own_repeats():
    """The backend keeps one uid table from one reading to the next (a refresh marks
    100,000 uids in place instead of growing a new set): what one reading met is no
    repeat for the next, and a repeat within a reading is still skipped."""
    seen = SeenMarks()
    rows = [session("s1", HOST), session("s2", OTHER)]
    assert _read(rows, seen) == ["s1", "s2"]
    assert _read([*rows, session("s1", HOST)], seen) == ["s1", "s2", "row 3 repeats session s1"]
    assert _read(rows, seen) == ["s1", "s2"]


def test_a_shared_uid_table_forgets_sessions_long_gone():
    seen = SeenMarks()
    _read([session(f"old{n}", HOST) for n in range(3000)], seen)
    assert len(seen.table) == 3000
    _read([session("s1", HOST)], seen)
    assert set(seen.table) == {"s1"}
