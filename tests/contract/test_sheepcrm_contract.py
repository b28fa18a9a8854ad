"""The sandbox's sheepCRM against the vendor's OpenAPI bundle: requests, answers and errors."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from jsonschema.exceptions import ValidationError  # type: ignore[import-untyped]
from openapi_core.validation.request.exceptions import InvalidParameter, MissingRequiredParameter
from openapi_core.validation.response.exceptions import InvalidData

from kiosk.sandbox import Faults, Sandbox
from tests.contract.openapi import (
    SERVER,
    SPEC_PATH,
    spec_schema,
    validate_sheepcrm_error,
    validate_sheepcrm_request,
    validate_sheepcrm_response,
)

#: The spec's own description of ``datetime``: YYYY-MM-DDTHH:MM:SS.mmmmmm, no zone.
DATETIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}")
URI = re.compile(r"/demo/[a-z_]+/[0-9a-f]{24}/")
UID = "6305f074683e800f3abe809e"


@pytest.fixture
def sheep(sandbox: Sandbox) -> Iterator[httpx.Client]:
    info = sandbox.info["sheepcrm"]
    headers = {"Authorization": f"Bearer {info['api_key']}"}
    with httpx.Client(base_url=info["base_url"], headers=headers) as client:
        yield client


def checked(answer: httpx.Response) -> Any:
    """Validate the request that was sent and the answer that came, both ways."""
    validate_sheepcrm_request(answer.request)
    validate_sheepcrm_response(answer.request, answer)
    return answer.json()


def declared(schema: dict[str, Any]) -> set[str]:
    return set(schema["properties"])


def session_schema() -> dict[str, Any]:
    items: dict[str, Any] = spec_schema("EventAttendanceList")["properties"]["sessions"]["items"]
    return items


def attendance(sandbox: Sandbox) -> str:
    return f"/events/v2/demo/booking/{sandbox.info['sheepcrm']['event']}/attendance"


def test_event_lists_fit_the_spec(sheep: httpx.Client) -> None:
    for path in ("/events/v2/demo", "/events/v2/demo?page=1&page_size=2"):
        for event in checked(sheep.get(path))["bookings"]:
            assert set(event) <= declared(spec_schema("EventSingle"))
    for state in ("all", "current", "draft", "future", "past", "running"):
        checked(sheep.get(f"/events/v2/demo/bookings/{state}"))


def test_one_event_fits_the_spec(sandbox: Sandbox, sheep: httpx.Client) -> None:
    event = checked(sheep.get(f"/events/v2/demo/booking/{sandbox.info['sheepcrm']['event']}"))
    assert set(event) <= declared(spec_schema("EventSingle"))
    for key in ("start_datetime", "end_datetime", "created", "last_updated"):
        assert DATETIME.fullmatch(event[key])
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", event["start_date"])
    assert re.fullmatch(r"\d\d:\d\d", event["start_time"])


def test_the_roster_fits_the_spec(sandbox: Sandbox, sheep: httpx.Client) -> None:
    roster = checked(sheep.get(attendance(sandbox)))
    assert set(roster) == declared(spec_schema("EventAttendanceList"))
    for session in roster["sessions"]:
        assert set(session) == declared(session_schema())
        assert DATETIME.fullmatch(session["created"])
        assert DATETIME.fullmatch(session["last_updated"])
        for key in ("uri", "person_ref", "ticket_ref"):
            assert URI.fullmatch(session[key])
        assert session["guest_ref"] == "" or URI.fullmatch(session["guest_ref"])


def test_a_status_write_fits_the_spec(sandbox: Sandbox, sheep: httpx.Client) -> None:
    person = sandbox.sheepcrm_sessions()[0]["person_ref"]
    for status in ("invited", "accepted", "declined", "attended", "no-show"):
        answer = sheep.put(attendance(sandbox), params={"person_uri": person, "status": status})
        updated = checked(answer)
        assert set(updated) == declared(spec_schema("UpdatedEventAttendance"))
        assert updated["status"] == status


def test_search_fits_the_spec(sheep: httpx.Client) -> None:
    results = checked(sheep.get("/search/v2/demo", params={"q": "an"}))["results"]
    assert results
    item_schema = spec_schema("SearchResultsResponse")["properties"]["results"]["items"]
    assert all(set(item) == declared(item_schema) for item in results)


@pytest.mark.parametrize(
    ("method", "path", "params", "headers", "status"),
    [
        ("PUT", "ATTENDANCE", {"person_uri": "/demo/person/" + UID + "/"}, None, 400),
        (
            "PUT",
            "ATTENDANCE",
            {"person_uri": "/demo/person/" + UID + "/", "status": "x"},
            None,
            400,
        ),
        ("GET", "/events/v2/demo/bookings/someday", {}, None, 400),
        ("GET", "/events/v2/demo", {}, {"Authorization": "Bearer wrong"}, 403),
        ("GET", "/events/v2/demo/booking/" + UID, {}, None, 404),
        (
            "PUT",
            "ATTENDANCE",
            {"person_uri": "/demo/person/" + UID + "/", "status": "attended"},
            None,
            404,
        ),
        ("GET", "/search/v2/demo", {}, None, 400),
    ],
)
def test_errors_carry_the_error_body(
    sandbox: Sandbox,
    sheep: httpx.Client,
    method: str,
    path: str,
    params: dict[str, str],
    headers: dict[str, str] | None,
    status: int,
) -> None:
    path = attendance(sandbox) if path == "ATTENDANCE" else path
    answer = sheep.request(method, path, params=params, headers=headers)
    assert answer.status_code == status
    validate_sheepcrm_response(answer.request, answer)


def test_a_server_fault_carries_the_error_body_too(sandbox: Sandbox, sheep: httpx.Client) -> None:
    sandbox.set_faults(Faults(error_rate=1.0))
    answer = sheep.get("/events/v2/demo")
    assert answer.status_code >= 500
    validate_sheepcrm_response(answer.request, answer)
    sandbox.set_faults(Faults(rate_limit_rate=1.0))
    answer = sheep.get("/events/v2/demo")
    assert answer.status_code == 429
    validate_sheepcrm_response(answer.request, answer)


def test_the_checker_refuses_a_status_the_spec_does_not_list() -> None:
    request = httpx.Request(
        "PUT",
        f"{SERVER}/events/v2/demo/booking/{UID}/attendance",
        params={"person_uri": f"/demo/person/{UID}/", "status": "checked"},
    )
    with pytest.raises(InvalidParameter):
        validate_sheepcrm_request(request)
    sandboxed = httpx.Request(
        "PUT",
        f"http://127.0.0.1:1/sheepcrm/events/v2/demo/booking/{UID}/attendance",
        params={"person_uri": f"/demo/person/{UID}/", "status": "checked"},
    )
    with pytest.raises(InvalidParameter):
        validate_sheepcrm_request(sandboxed)


def test_the_checker_refuses_a_write_with_a_json_body() -> None:
    request = httpx.Request(
        "PUT",
        f"{SERVER}/events/v2/demo/booking/{UID}/attendance",
        json={"person_uri": f"/demo/person/{UID}/", "status": "attended"},
    )
    with pytest.raises(MissingRequiredParameter):
        validate_sheepcrm_request(request)


def test_the_checker_passes_a_spec_shaped_answer_and_refuses_a_misshapen_one() -> None:
    request = httpx.Request(
        "PUT",
        f"{SERVER}/events/v2/demo/booking/{UID}/attendance",
        params={"person_uri": f"/demo/person/{UID}/", "status": "attended"},
    )
    validate_sheepcrm_request(request)
    good = {
        "attendance": [
            {
                "attendance": {
                    "attendee_email": "zoe@example.com",
                    "attendee_name": "Zoë Müller",
                    "booking_ref": {"display_value": "Gala", "ref": f"/demo/booking/{UID}/"},
                    "guest": False,
                    "legacy_uid": "",
                    "person_ref": {"display_value": "Zoë Müller", "ref": f"/demo/person/{UID}/"},
                    "status": "attended",
                    "ticket_ref": f"/demo/ticket/{UID}/",
                },
                "uri": f"/demo/attendance/{UID}/",
            }
        ],
        "booking_ref": f"/demo/booking/{UID}/",
        "person_ref": f"/demo/person/{UID}/",
        "status": "attended",
    }
    validate_sheepcrm_response(request, httpx.Response(200, json=good, request=request))
    bad = {**good, "attendance": {"status": "attended"}}
    with pytest.raises(InvalidData):
        validate_sheepcrm_response(request, httpx.Response(200, json=bad, request=request))
    with pytest.raises(ValidationError):
        validate_sheepcrm_error(httpx.Response(404, json={"message": "Not found"}))


def test_a_wrong_types_answer_is_caught(sandbox: Sandbox, sheep: httpx.Client) -> None:
    sandbox.set_faults(Faults(answer_fault="wrong-types"))
    answer = sheep.get(attendance(sandbox))
    with pytest.raises(InvalidData):
        validate_sheepcrm_response(answer.request, answer)


def test_the_vendor_file_is_the_published_one_unchanged() -> None:
    """The copy in the repository is the vendor's bundle byte for byte (README.md here):
    an edit to make a test pass would hide a real disagreement with sheepCRM."""
    digest = hashlib.sha256(SPEC_PATH.read_bytes()).hexdigest()
    assert digest == "aa25ea096ca1e401c2265537172b0263431a47759e773196fc574377536e56cd"
