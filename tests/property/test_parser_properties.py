"""Both clients' parsers on arbitrary JSON: a valid domain value or MalformedAnswer, never
a TypeError, KeyError or AttributeError."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.backends.attendu import (
    ASSUMED_CODES,
    AttenduEvent,
    parse_attendu_event,
    parse_attendu_events,
    parse_attendu_guest,
    parse_guest_page,
)
from kiosk.backends.attendu.wire import read_guest
from kiosk.backends.shapes import WrongShape
from kiosk.backends.sheepcrm import (
    parse_attendance,
    parse_event,
    parse_events,
    parse_updated_attendance,
)
from kiosk.domain import Event, Guest, MalformedAnswer, Status

PROPERTY_SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
)
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=6)
    ),
    max_leaves=30,
)

#: Strings that look like what the platforms send, so near-valid shapes get deep.
wire_strings = st.sampled_from(
    [
        "",
        "accepted",
        "attended",
        "no-show",
        "checked",
        "2023-09-05T11:27:06.437000",
        "2024-05-01",
        "11:27",
        "not a date",
        "/example/person/6305f074683e800f3abe809e/",
        "Ada Lovelace",
        "Europe/Prague",
        "Not/AZone",
        "_en",
    ]
)
fuzzy = json_values | wire_strings


def mostly(valid: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    """Usually a well-typed value, sometimes anything at all."""
    return st.integers(0, 7).flatmap(lambda n: fuzzy if n == 0 else valid)


def near(
    template: dict[str, st.SearchStrategy[object]], *, key: str | None = None
) -> st.SearchStrategy[dict[str, object]]:
    """A dict with the template's keys, each present or not (``key`` usually present),
    each value usually well-typed: shapes close enough to valid to reach deep code."""
    required = {key: mostly(template[key])} if key else {}
    optional = {k: mostly(v) for k, v in template.items() if k != key}
    return st.fixed_dictionaries(required, optional=optional)


reference = st.one_of(
    wire_strings, st.fixed_dictionaries({"ref": wire_strings, "display_value": wire_strings})
)
sheep_event = near(
    {
        "uid": wire_strings,
        "uri": wire_strings,
        "title": wire_strings,
        "start_datetime": wire_strings,
        "start_date": wire_strings,
        "start_time": wire_strings,
        "end_datetime": wire_strings,
        "location": wire_strings,
    },
    key="uid",
)
sheep_session = near(
    {
        "uid": wire_strings,
        "uri": wire_strings,
        "person_ref": reference,
        "guest": st.booleans(),
        "guest_ref": reference,
        "attendee_name": wire_strings,
        "attendee_email": wire_strings,
        "status": wire_strings,
        "ticket": wire_strings,
        "ticket_ref": reference,
        "record_state": wire_strings,
        "last_updated": wire_strings,
    },
    key="uid",
)
sheep_attendance = near(
    {"booking": sheep_event, "sessions": st.lists(mostly(sheep_session), max_size=6)},
    key="sessions",
)
sheep_update_item = near(
    {
        "attendance": near(
            {
                "person_ref": reference,
                "status": wire_strings,
                "attendee_name": wire_strings,
                "attendee_email": wire_strings,
            }
        ),
        "person_ref": reference,
        "status": wire_strings,
        "uri": wire_strings,
    }
)
sheep_update = near(
    {
        "attendance": st.lists(sheep_update_item | fuzzy, max_size=3),
        "person_ref": reference,
        "status": wire_strings,
    }
)

localised = near({"_en": near({"name": wire_strings, "value": wire_strings}), "id": wire_strings})
attendu_event = near(
    {
        "_id": wire_strings,
        "general": near(
            {
                "title": wire_strings,
                "startDate": wire_strings,
                "endDate": wire_strings,
                "timezone": wire_strings,
                "location": wire_strings | near({"name": wire_strings}),
                "langs": st.lists(wire_strings | fuzzy, max_size=2),
            }
        ),
        "guestlist": near(
            {
                "properties": st.lists(
                    near(
                        {
                            "id": wire_strings,
                            "_en": near({"name": wire_strings}),
                            "options": st.lists(localised | fuzzy, max_size=3),
                        }
                    )
                    | fuzzy,
                    max_size=3,
                )
            }
        ),
    },
    key="_id",
)
small_ints = st.integers(min_value=-3, max_value=5)
attendu_guest = near(
    {
        "_id": wire_strings,
        "status": near(
            {
                "confirmation": small_ints,
                "attendance": small_ints,
                "declineMessage": wire_strings,
            }
        ),
        "properties": st.dictionaries(st.text(max_size=10) | wire_strings, fuzzy, max_size=5)
        | near({"firstName": wire_strings, "lastName": wire_strings, "email": wire_strings}),
        "_populated": near(
            {
                "properties": st.dictionaries(st.text(max_size=10), fuzzy, max_size=3),
                "status": near({"confirmation": wire_strings, "attendance": wire_strings}),
            }
        ),
        "starred": st.booleans(),
        "confirmedAt": wire_strings,
        "extras": near({"payment": near({"isPaid": st.booleans()}), "roommates": fuzzy}),
    },
    key="_id",
)
attendu_page = near(
    {"results": st.lists(mostly(attendu_guest), max_size=5), "total": small_ints},
    key="results",
)

EVENT = AttenduEvent(Event(id="e1", title="Gala", ends_at=datetime(2024, 5, 1, tzinfo=UTC)))
NOW = datetime(2024, 6, 1, tzinfo=UTC)


def assert_valid_guest(guest: Guest) -> None:
    assert isinstance(guest, Guest)
    assert isinstance(guest.id, str)
    assert guest.id
    assert isinstance(guest.platform_ref, str)
    assert isinstance(guest.status, Status)
    assert guest.party_size >= 1
    for text in (guest.first_name, guest.last_name, guest.email, guest.ticket, guest.status_label):
        assert isinstance(text, str)
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in guest.extras.items())
    assert guest.changed_at is None or guest.changed_at.tzinfo is not None


def assert_valid_event(event: Event) -> None:
    assert isinstance(event, Event)
    assert isinstance(event.id, str)
    assert event.id
    assert isinstance(event.title, str)
    for when in (event.starts_at, event.ends_at):
        assert when is None or when.tzinfo is not None


@PROPERTY_SETTINGS
@given(json_values | sheep_attendance)
def test_sheepcrm_attendance_never_crashes(obj):
    try:
        attendance = parse_attendance(obj)
    except MalformedAnswer:
        return
    for guest in attendance.guests:
        assert_valid_guest(guest)
    assert len({g.id for g in attendance.guests}) == len(attendance.guests)
    if attendance.event is not None:
        assert_valid_event(attendance.event)


@PROPERTY_SETTINGS
@given(json_values | sheep_event | near({"bookings": st.lists(sheep_event | fuzzy, max_size=4)}))
def test_sheepcrm_events_never_crash(obj):
    for parse in (parse_event, parse_events):
        try:
            result = parse(obj)
        except MalformedAnswer:
            continue
        for event in result if isinstance(result, list) else [result]:
            assert_valid_event(event)


@PROPERTY_SETTINGS
@given(json_values | sheep_update)
def test_sheepcrm_write_answer_never_crashes(obj):
    try:
        update = parse_updated_attendance(obj, "/example/person/6305f074683e800f3abe809e/")
    except MalformedAnswer:
        return
    assert isinstance(update.status, Status)


@PROPERTY_SETTINGS
@given(json_values | attendu_guest)
def test_attendu_guest_never_crashes(obj):
    try:
        guest = parse_attendu_guest(obj, ASSUMED_CODES, EVENT, now=NOW)
    except MalformedAnswer:
        return
    assert_valid_guest(guest)


@PROPERTY_SETTINGS
@given(json_values | attendu_page)
def test_attendu_page_never_crashes(obj):
    try:
        page = parse_guest_page(obj, ASSUMED_CODES, EVENT, now=NOW)
    except MalformedAnswer:
        return
    for guest in page.guests:
        assert_valid_guest(guest)
    assert page.rows >= len(page.guests)


@PROPERTY_SETTINGS
@given(json_values | attendu_event | near({"results": st.lists(attendu_event, max_size=3)}))
def test_attendu_events_never_crash(obj):
    try:
        events = [parse_attendu_event(obj)]
    except MalformedAnswer:
        events = []
    with contextlib.suppress(MalformedAnswer):
        events += parse_attendu_events(obj)
    for found in events:
        assert_valid_event(found.event)
        assert all(isinstance(v, str) for v in found.property_labels.values())


#: An event with a ticket property, a notes property and a select with options, so the
#: fast reader's every branch has something to read.
RICH_EVENT = AttenduEvent(
    Event(id="e1", title="Gala", ends_at=datetime(2024, 5, 1, tzinfo=UTC)),
    ticket_property="tk",
    notes_property="nt",
    property_labels={"tk": "Ticket code", "nt": "Notes", "sel": "Diet", "multi": "Interests"},
    option_labels={"sel": {"o1": "Vegan"}, "multi": {"o1": "Vegan", "o2": "Talks"}},
)
property_keys = st.sampled_from(
    ["firstName", "lastName", "email", "lang", "ticketType", "tk", "nt", "sel", "multi", "x", ""]
)
wire_times = wire_strings | st.sampled_from(
    ["2024-05-01T10:00:00.000Z", "2024-05-01T12:00:00+02:00", " 2024-05-01T10:00:00Z "]
)
rich_guest = near(
    {
        "_id": wire_strings,
        "status": near(
            {
                "confirmation": small_ints | fuzzy,
                "attendance": small_ints,
                "declineMessage": wire_strings,
            }
        ),
        "properties": st.dictionaries(
            property_keys, fuzzy | st.sampled_from(["o1", "o2", ["o1", "o2"], []]), max_size=8
        ),
        "_populated": near(
            {
                "properties": st.dictionaries(
                    st.sampled_from(["Diet", "Interests", "x", "Notes"]), fuzzy, max_size=3
                ),
                "status": near({"confirmation": wire_strings, "attendance": wire_strings}),
            }
        ),
        "starred": st.booleans(),
        "updatedAt": wire_times,
        "attendedAt": wire_times,
        "confirmedAt": wire_times,
        "createdAt": wire_times,
        "extras": near({"payment": near({"isPaid": st.booleans()}), "roommates": fuzzy}),
    },
    key="_id",
)


@PROPERTY_SETTINGS
@given(st.lists(mostly(rich_guest), max_size=6))
def test_a_page_reads_each_row_as_the_careful_reader_does(rows):
    # The page's fast reader must give exactly the guests (extras in the same order)
    # and the same reasons for the rows left out as reading every row carefully.
    page = parse_guest_page({"results": rows}, ASSUMED_CODES, RICH_EVENT, now=NOW)
    guests, skipped = [], []
    for row in rows:
        try:
            guests.append(read_guest(row, ASSUMED_CODES, RICH_EVENT, NOW))
        except WrongShape as exc:
            skipped.append(str(exc))
    assert list(page.guests) == guests
    assert [list(g.extras.items()) for g in page.guests] == [list(g.extras.items()) for g in guests]
    assert list(page.skipped) == skipped
