"""The sandbox's sheepCRM over real HTTP: every route, its auth, and what it refuses."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from kiosk.sandbox import Sandbox
from kiosk.sandbox.demo import fold_ascii

DATETIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}000")
STATUSES = {"invited", "accepted", "declined", "attended", "no-show"}
SESSION_KEYS = {
    "uid",
    "uri",
    "person_ref",
    "guest",
    "guest_ref",
    "attendee_name",
    "attendee_email",
    "status",
    "ticket",
    "ticket_ref",
    "display_value",
    "record_state",
    "created",
    "last_updated",
}


@pytest.fixture
def sheep(sandbox: Sandbox) -> Iterator[httpx.Client]:
    info = sandbox.info["sheepcrm"]
    headers = {"Authorization": f"Bearer {info['api_key']}"}
    with httpx.Client(base_url=info["base_url"], headers=headers) as client:
        yield client


def event_path(sandbox: Sandbox, tail: str = "") -> str:
    info = sandbox.info["sheepcrm"]
    return f"/events/v2/{info['bucket']}/booking/{info['event']}{tail}"


def roster(sandbox: Sandbox, sheep: httpx.Client) -> list[dict[str, Any]]:
    answer = sheep.get(event_path(sandbox, "/attendance"))
    assert answer.status_code == 200
    sessions: list[dict[str, Any]] = answer.json()["sessions"]
    return sessions


def assert_error(answer: httpx.Response, status: int) -> dict[str, str]:
    assert answer.status_code == status
    assert answer.headers["content-type"] == "application/json"
    body: dict[str, str] = answer.json()
    assert set(body) == {"error", "description", "type"}
    assert all(isinstance(value, str) and value for value in body.values())
    return body


def test_info_points_at_the_sheepcrm_routes(sandbox: Sandbox) -> None:
    info = sandbox.info
    assert info["url"].startswith("http://127.0.0.1:")
    assert info["sheepcrm"]["base_url"] == info["url"] + "/sheepcrm"
    assert info["sheepcrm"]["bucket"] == "demo"
    assert re.fullmatch(r"[0-9a-f]{24}", info["sheepcrm"]["event"])


def test_the_event_list_covers_the_last_14_and_next_90_days(sheep: httpx.Client) -> None:
    answer = sheep.get("/events/v2/demo")
    assert answer.status_code == 200
    titles = [event["title"] for event in answer.json()["bookings"]]
    assert titles == [
        "Members' Summer Reception",
        "Kiosk Demo Day",
        "Annual General Meeting",
        "Winter Lecture: Dvořák and the New World",
    ]
    assert sheep.get("/events/v2/demo/bookings").json() == answer.json()


def test_the_event_list_pages_and_a_short_page_ends_it(sheep: httpx.Client) -> None:
    pages = [
        sheep.get("/events/v2/demo", params={"page": page, "page_size": 3}).json()["bookings"]
        for page in (1, 2, 3)
    ]
    assert [len(page) for page in pages] == [3, 1, 0]
    for bad in ("0", "-1", "two"):
        assert_error(sheep.get("/events/v2/demo", params={"page": bad}), 400)
        assert_error(sheep.get("/events/v2/demo", params={"page_size": bad}), 400)


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        ("all", 7),
        ("draft", 1),
        ("past", 2),
        ("future", 3),
        ("running", 1),
        ("current", 4),
    ],
)
def test_events_by_state(sheep: httpx.Client, state: str, expected: int) -> None:
    answer = sheep.get(f"/events/v2/demo/bookings/{state}")
    assert answer.status_code == 200
    bookings = answer.json()["bookings"]
    assert len(bookings) == expected
    assert all({"uid", "uri", "title", "start_datetime", "status"} <= set(b) for b in bookings)


def test_an_unknown_state_is_refused(sheep: httpx.Client) -> None:
    body = assert_error(sheep.get("/events/v2/demo/bookings/ongoing"), 400)
    assert "running" in body["description"]


def test_one_event(sandbox: Sandbox, sheep: httpx.Client) -> None:
    event = sheep.get(event_path(sandbox)).json()
    assert event["uid"] == sandbox.info["sheepcrm"]["event"]
    assert event["uri"] == f"/demo/booking/{event['uid']}/"
    assert event["title"] == "Kiosk Demo Day"
    assert DATETIME.fullmatch(event["start_datetime"])
    assert event["start_datetime"] < event["end_datetime"]
    assert event["capacity"] >= 300
    assert event["location"]
    assert sheep.get(event_path(sandbox, "/summary")).json()["uid"] == event["uid"]


def test_unknown_events_buckets_and_routes_are_not_found(
    sandbox: Sandbox, sheep: httpx.Client
) -> None:
    assert_error(sheep.get("/events/v2/demo/booking/0123456789abcdef01234567"), 404)
    assert_error(sheep.get("/events/v2/demo/booking/0123456789abcdef01234567/attendance"), 404)
    assert_error(sheep.get("/events/v2/other/booking/" + sandbox.info["sheepcrm"]["event"]), 404)
    assert_error(sheep.get("/events/v3/demo"), 404)
    assert_error(sheep.delete(event_path(sandbox, "/attendance")), 405)


def test_the_roster_has_every_guest_in_the_contract_shape(
    sandbox: Sandbox, sheep: httpx.Client
) -> None:
    answer = sheep.get(event_path(sandbox, "/attendance")).json()
    assert answer["booking"]["uid"] == sandbox.info["sheepcrm"]["event"]
    assert answer["booking_uri"] == answer["booking"]["uri"]
    sessions = answer["sessions"]
    assert len(sessions) == 300
    assert {s["status"] for s in sessions} == STATUSES
    uids = [s["uid"] for s in sessions]
    assert len(set(uids)) == 300
    for session in sessions:
        assert set(session) == SESSION_KEYS
        assert session["uri"] == f"/demo/attendance/{session['uid']}/"
        assert re.fullmatch(r"/demo/person/[0-9a-f]{24}/", session["person_ref"])
        assert re.fullmatch(r"/demo/ticket/[0-9a-f]{24}/", session["ticket_ref"])
        assert DATETIME.fullmatch(session["created"])
        assert DATETIME.fullmatch(session["last_updated"])
        assert session["created"] <= session["last_updated"]
        assert "@" in session["attendee_email"]
    # Two other routes answer the same list (the spec's aliases).
    assert sheep.get(event_path(sandbox, "/attendance/all")).json()["sessions"] == sessions
    alias = event_path(sandbox, "/attendance").replace("/booking/", "/bookings/")
    assert sheep.get(alias).json()["sessions"] == sessions


def test_a_plus_one_is_a_guest_session_pointing_at_the_host(
    sandbox: Sandbox, sheep: httpx.Client
) -> None:
    sessions = roster(sandbox, sheep)
    people = {s["person_ref"] for s in sessions}
    plus_ones = [s for s in sessions if s["guest"]]
    assert plus_ones
    for session in plus_ones:
        assert session["guest_ref"] in people
        assert session["guest_ref"] != session["person_ref"]
    assert all(s["guest_ref"] == "" for s in sessions if not s["guest"])


def test_a_status_is_set_by_query_parameters(sandbox: Sandbox, sheep: httpx.Client) -> None:
    before = next(s for s in roster(sandbox, sheep) if s["status"] == "invited")
    answer = sheep.put(
        event_path(sandbox, "/attendance"),
        params={"person_uri": before["person_ref"], "status": "attended"},
    )
    assert answer.status_code == 200
    body = answer.json()
    assert body["status"] == "attended"
    assert body["person_ref"] == before["person_ref"]
    assert body["booking_ref"] == f"/demo/booking/{sandbox.info['sheepcrm']['event']}/"
    (item,) = body["attendance"]
    assert item["uri"] == before["uri"]
    assert item["attendance"]["status"] == "attended"
    assert item["attendance"]["person_ref"] == {
        "display_value": before["attendee_name"],
        "ref": before["person_ref"],
    }
    assert item["attendance"]["booking_ref"]["display_value"] == "Kiosk Demo Day"
    after = sandbox.sheepcrm_session(str(before["uid"]))
    assert after["status"] == "attended"
    assert after["last_updated"] > before["last_updated"]
    (listed,) = [s for s in roster(sandbox, sheep) if s["uid"] == before["uid"]]
    assert listed == after
    # The URI went percent-encoded on the wire, as the contract asks.
    (put,) = [r for r in sandbox.requests("sheepcrm") if r.method == "PUT"]
    assert "person_uri=%2Fdemo%2Fperson%2F" in put.query_string
    assert ("status", "attended") in put.query


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({"status": "attended"}, "person_uri"),
        ({"person_uri": "PERSON"}, "status"),
        ({"person_uri": "PERSON", "status": "checked"}, "status must be one of"),
        ({"person_uri": "PERSON", "status": "Attended"}, "status must be one of"),
        ({"person_uri": "6305f074683e800f3abe809e", "status": "attended"}, "URI"),
        ([("person_uri", "PERSON"), ("status", "attended"), ("status", "declined")], "times"),
    ],
)
def test_a_bad_status_write_is_refused(
    sandbox: Sandbox,
    sheep: httpx.Client,
    params: dict[str, str] | list[tuple[str, str]],
    words: str,
) -> None:
    person = roster(sandbox, sheep)[0]["person_ref"]
    pairs = params.items() if isinstance(params, dict) else params
    sent = [(k, person if v == "PERSON" else v) for k, v in pairs]
    body = assert_error(sheep.put(event_path(sandbox, "/attendance"), params=sent), 400)
    assert words in body["description"]
    assert sandbox.sheepcrm_session_of(str(person))["status"] == "invited"


def test_a_json_body_instead_of_query_parameters_is_refused(
    sandbox: Sandbox, sheep: httpx.Client
) -> None:
    person = roster(sandbox, sheep)[0]["person_ref"]
    answer = sheep.put(
        event_path(sandbox, "/attendance"), json={"person_uri": person, "status": "attended"}
    )
    assert "query parameters" in assert_error(answer, 400)["description"]
    assert sandbox.sheepcrm_session_of(str(person))["status"] == "invited"


def test_a_person_not_on_the_event_is_not_found(sandbox: Sandbox, sheep: httpx.Client) -> None:
    answer = sheep.put(
        event_path(sandbox, "/attendance"),
        params={"person_uri": "/demo/person/0123456789abcdef01234567/", "status": "attended"},
    )
    assert_error(answer, 404)


@pytest.mark.parametrize(
    "authorization", [None, "Bearer wrong-key", "Basic c2hlZXA6c2hlZXA=", "Bearer"]
)
def test_a_missing_or_wrong_key_is_forbidden(sandbox: Sandbox, authorization: str | None) -> None:
    headers = {"Authorization": authorization} if authorization else {}
    answer = httpx.get(sandbox.info["sheepcrm"]["base_url"] + "/events/v2/demo", headers=headers)
    assert_error(answer, 403)
    assert answer.headers["x-rate-limit-limit"].split(",")[0] == "400"


def test_the_bearer_scheme_is_case_insensitive(sandbox: Sandbox) -> None:
    info = sandbox.info["sheepcrm"]
    headers = {"Authorization": f"bearer {info['api_key']}"}
    assert httpx.get(info["base_url"] + "/events/v2/demo", headers=headers).status_code == 200


def test_rate_limit_headers_count_down_on_every_answer(sheep: httpx.Client) -> None:
    answers = [sheep.get("/events/v2/demo"), sheep.get("/events/v2/nope"), sheep.get("/x")]
    remaining = [int(a.headers["x-rate-limit-remaining"]) for a in answers]
    assert remaining == [399, 398, 397]
    for answer in answers:
        assert answer.headers["x-rate-limit-limit"].split(",")[0] == "400"
        assert 0 < int(answer.headers["x-rate-limit-reset"]) <= 60


def test_search_finds_people_whatever_the_accents(sandbox: Sandbox, sheep: httpx.Client) -> None:
    someone = sandbox.data.people[7]
    for query in (someone.name, someone.email, someone.name.upper()):
        results = sheep.get("/search/v2/demo", params={"q": query}).json()["results"]
        assert {
            "id": f"/demo/person/{someone.person_uid}/",
            "display_value": someone.name,
            "resource": "person",
            "primary_email": someone.email,
            "primary_telephone": someone.phone,
        } in results
    accented = next(p for p in sandbox.data.people if not p.last_name.isascii())
    plain = sheep.get("/search/v2/demo/", params={"q": fold_ascii(accented.last_name)}).json()
    assert accented.name in {r["display_value"] for r in plain["results"]}
    assert sheep.get("/search/v2/demo/global", params={"q": "zzzzqqq"}).json() == {"results": []}


def test_search_needs_a_query(sheep: httpx.Client) -> None:
    assert_error(sheep.get("/search/v2/demo"), 400)
    assert_error(sheep.get("/search/v2/demo", params={"q": " "}), 400)


def test_another_desk_changes_a_status(sandbox: Sandbox, sheep: httpx.Client) -> None:
    session = roster(sandbox, sheep)[1]
    changed = sandbox.set_sheepcrm_status(str(session["person_ref"]), "declined")
    assert changed["status"] == "declined"
    (listed,) = [s for s in roster(sandbox, sheep) if s["uid"] == session["uid"]]
    assert listed["status"] == "declined"
    assert listed["last_updated"] > session["last_updated"]
    with pytest.raises(ValueError, match="unknown status"):
        sandbox.set_sheepcrm_status(str(session["person_ref"]), "checked")
