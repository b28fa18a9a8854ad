"""The sandbox's Attendu over real HTTP: every route, its auth, paging and strict bodies."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from kiosk.sandbox import ATTENDU_CONFIRMATION, DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, Sandbox

HEX24 = re.compile(r"[0-9a-f]{24}")
JS_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z")
GUEST_KEYS = {
    "_id",
    "event",
    "status",
    "properties",
    "_populated",
    "confirmedAt",
    "attendedAt",
    "starred",
    "extras",
}


@pytest.fixture
def attendu(sandbox: Sandbox) -> Iterator[httpx.Client]:
    info = sandbox.info["attendu"]
    with httpx.Client(base_url=info["base_url"], headers={"x-api-key": info["api_key"]}) as c:
        yield c


def event_id(sandbox: Sandbox) -> str:
    return str(sandbox.info["attendu"]["event"])


def all_guests(sandbox: Sandbox, attendu: httpx.Client) -> list[dict[str, Any]]:
    answer = attendu.get("/v1/guests", params={"event": event_id(sandbox), "limit": 1000})
    assert answer.status_code == 200
    guests: list[dict[str, Any]] = answer.json()["results"]
    return guests


def guest_where(sandbox: Sandbox, attendu: httpx.Client, **status: int) -> dict[str, Any]:
    return next(
        guest
        for guest in all_guests(sandbox, attendu)
        if all(guest["status"][key] == value for key, value in status.items())
    )


def assert_message(answer: httpx.Response, status: int, words: str = "") -> None:
    assert answer.status_code == status
    body = answer.json()
    assert set(body) == {"message"}
    assert words in body["message"]


@pytest.mark.parametrize("key", [None, "wrong-key"])
def test_a_missing_or_wrong_key_is_unauthorised(sandbox: Sandbox, key: str | None) -> None:
    headers = {"x-api-key": key} if key else {}
    for path in ("/v1/events", f"/v1/guests?event={event_id(sandbox)}", "/v1/nothing"):
        answer = httpx.get(sandbox.info["attendu"]["base_url"] + path, headers=headers)
        assert_message(answer, 401, "API key")


def test_events_carry_general_details_and_custom_properties(
    sandbox: Sandbox, attendu: httpx.Client
) -> None:
    events = attendu.get("/v1/events").json()["results"]
    assert len(events) == 3
    (event,) = [e for e in events if e["_id"] == event_id(sandbox)]
    general = event["general"]
    assert general["title"] == "Kiosk Demo Day"
    assert JS_TIME.fullmatch(general["startDate"])
    assert general["startDate"] < general["endDate"]
    assert general["timezone"] == "Europe/Prague"
    assert general["langs"] == ["en", "cs", "de"]
    properties = event["guestlist"]["properties"]
    assert {p["type"] for p in properties} == {"text", "select", "multiSelect"}
    for prop in properties:
        assert re.fullmatch(r"[a-z0-9]{8}", prop["id"])
        assert prop["_en"]["name"]
        assert prop["_cs"]["name"]
        for option in prop.get("options", []):
            assert re.fullmatch(r"[a-z0-9]{8}", option["id"])
            assert option["_en"]["value"]


def test_the_guest_list_pages_by_skip_and_limit(sandbox: Sandbox, attendu: httpx.Client) -> None:
    first = attendu.get("/v1/guests", params={"event": event_id(sandbox)}).json()
    total = first["total"]
    assert total == sandbox.guests_summary()["attendu"]["guests"]
    assert len(first["results"]) == DEFAULT_PAGE_LIMIT
    seen: list[str] = []
    for skip in range(0, total, 70):
        page = attendu.get(
            "/v1/guests", params={"event": event_id(sandbox), "skip": skip, "limit": 70}
        ).json()
        assert page["total"] == total
        seen += [guest["_id"] for guest in page["results"]]
    assert len(seen) == len(set(seen)) == total
    assert seen[:DEFAULT_PAGE_LIMIT] == [guest["_id"] for guest in first["results"]]
    past_the_end = {"event": event_id(sandbox), "skip": total}
    assert attendu.get("/v1/guests", params=past_the_end).json() == {"results": [], "total": total}


@pytest.mark.parametrize(
    ("params", "status", "words"),
    [
        ({}, 400, "event"),
        ({"event": "nope"}, 400, "24 hex"),
        ({"event": "0123456789abcdef01234567"}, 404, "not found"),
        ({"limit": MAX_PAGE_LIMIT + 1}, 400, "limit"),
        ({"limit": 0}, 400, "limit"),
        ({"skip": -1}, 400, "skip"),
        ({"skip": "ten"}, 400, "skip"),
    ],
)
def test_bad_guest_list_requests_are_refused(
    sandbox: Sandbox, attendu: httpx.Client, params: dict[str, Any], status: int, words: str
) -> None:
    if params and "event" not in params:
        params = {"event": event_id(sandbox), **params}
    assert_message(attendu.get("/v1/guests", params=params), status, words)


def test_a_guest_in_the_contract_shape(sandbox: Sandbox, attendu: httpx.Client) -> None:
    guests = all_guests(sandbox, attendu)
    for guest in guests:
        assert set(guest) == GUEST_KEYS
        assert HEX24.fullmatch(guest["_id"])
        assert guest["event"] == event_id(sandbox)
        status = guest["status"]
        assert set(status) == {
            "confirmation",
            "attendance",
            "declineMessage",
            "givenConsents",
            "visitedZones",
            "addMethod",
            "checkInMethod",
        }
        assert {"firstName", "lastName", "email", "lang", "ticketType"} <= set(guest["properties"])
        populated = guest["_populated"]
        assert populated["properties"]["First name"] == guest["properties"]["firstName"]
        assert populated["status"]["attendance"] == (
            "Attended" if status["attendance"] else "Not attended"
        )
        assert guest["extras"]["payment"]["isPaid"] in (True, False)
        for key in ("confirmedAt", "attendedAt"):
            assert guest[key] is None or JS_TIME.fullmatch(guest[key])
        assert (guest["attendedAt"] is None) == (status["attendance"] == 0)


def test_confirmation_counts_people_and_the_assumed_codes(
    sandbox: Sandbox, attendu: httpx.Client
) -> None:
    labels = {
        (g["status"]["confirmation"], g["_populated"]["status"]["confirmation"])
        for g in all_guests(sandbox, attendu)
    }
    assert (ATTENDU_CONFIRMATION["no_answer"], "No answer") in labels
    assert (ATTENDU_CONFIRMATION["declined"], "Declined") in labels
    assert (1, "Confirmed") in labels
    assert (2, "Confirmed (+1)") in labels
    assert ATTENDU_CONFIRMATION == {"no_answer": 0, "declined": -1}


def test_one_guest_needs_its_event(sandbox: Sandbox, attendu: httpx.Client) -> None:
    guest = all_guests(sandbox, attendu)[0]
    path = f"/v1/guests/{guest['_id']}"
    assert attendu.get(path, params={"event": event_id(sandbox)}).json() == guest
    assert_message(attendu.get(path), 400, "event")
    other = next(
        e["_id"] for e in attendu.get("/v1/events").json()["results"] if e["_id"] != guest["event"]
    )
    assert_message(attendu.get(path, params={"event": other}), 404)
    unknown = "/v1/guests/0123456789abcdef01234567"
    assert_message(attendu.get(unknown, params={"event": event_id(sandbox)}), 404)
    assert_message(attendu.get("/v1/guests/42", params={"event": event_id(sandbox)}), 400)


def test_patch_changes_rsvp_star_and_properties(sandbox: Sandbox, attendu: httpx.Client) -> None:
    guest = guest_where(sandbox, attendu, confirmation=0)
    dietary = next(
        p
        for p in attendu.get("/v1/events").json()["results"][0]["guestlist"]["properties"]
        if p["type"] == "select" and p["_en"]["name"] == "Dietary requirements"
    )
    vegan = next(o["id"] for o in dietary["options"] if o["_en"]["value"] == "Vegan")
    answer = attendu.patch(
        f"/v1/guests/{guest['_id']}",
        params={"event": event_id(sandbox)},
        json={
            "starred": True,
            "status": {"confirmation": 2},
            "properties": {"lastName": "Nováková", dietary["id"]: vegan},
            "extras": {"payment": {"isPaid": True}},
        },
    )
    assert answer.status_code == 200
    changed = answer.json()
    assert changed["starred"] is True
    assert changed["status"]["confirmation"] == 2
    assert changed["_populated"]["status"]["confirmation"] == "Confirmed (+1)"
    assert JS_TIME.fullmatch(changed["confirmedAt"])
    assert changed["properties"]["lastName"] == "Nováková"
    assert changed["properties"]["firstName"] == guest["properties"]["firstName"]
    assert changed["_populated"]["properties"]["Dietary requirements"] == "Vegan"
    assert changed["extras"]["payment"] == {"isPaid": True}
    assert sandbox.attendu_guest(guest["_id"]) == changed

    declined = attendu.patch(
        f"/v1/guests/{guest['_id']}",
        params={"event": event_id(sandbox)},
        json={"status": {"confirmation": -1, "declineMessage": "Nemůžu, promiňte."}},
    ).json()
    assert declined["status"]["declineMessage"] == "Nemůžu, promiňte."
    assert declined["_populated"]["status"]["confirmation"] == "Declined"
    assert declined["confirmedAt"] is None


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"status": {"attendance": 1}}, "check-in"),
        ({"status": {"confirmation": 1, "checkInMethod": "manual"}}, "check-in"),
        ({"attendance": 1}, "Unknown field"),
        ({"starred": "yes"}, "starred"),
        ({"status": {"confirmation": "2"}}, "confirmation"),
        ({"status": {"confirmation": True}}, "confirmation"),
        ({"status": {"confirmation": -2}}, "confirmation"),
        ({"status": {"declineMessage": 5}}, "declineMessage"),
        ({"status": "accepted"}, "status"),
        ({"properties": {"firstName": ""}}, "firstName"),
        ({"properties": {"email": 5}}, "email"),
        ({"properties": {"lang": "xx"}}, "lang"),
        ({"properties": {"nosuchid": "x"}}, "Unknown property"),
        ({"extras": {"roommates": ["someone"]}}, "roommates"),
        ({"extras": {"payment": {"isPaid": "yes"}}}, "isPaid"),
    ],
)
def test_bad_patches_are_refused_and_change_nothing(
    sandbox: Sandbox, attendu: httpx.Client, body: dict[str, Any], words: str
) -> None:
    guest = all_guests(sandbox, attendu)[0]
    answer = attendu.patch(
        f"/v1/guests/{guest['_id']}", params={"event": event_id(sandbox)}, json=body
    )
    assert_message(answer, 400, words)
    assert sandbox.attendu_guest(guest["_id"]) == guest


def test_a_patch_needs_a_json_object(sandbox: Sandbox, attendu: httpx.Client) -> None:
    guest = all_guests(sandbox, attendu)[0]
    path, params = f"/v1/guests/{guest['_id']}", {"event": event_id(sandbox)}
    assert_message(attendu.patch(path, params=params), 400, "JSON body")
    assert_message(attendu.patch(path, params=params, content=b"{"), 400, "Content-Type")
    headers = {"content-type": "application/json"}
    assert_message(attendu.patch(path, params=params, content=b"{", headers=headers), 400, "JSON")
    assert_message(attendu.patch(path, params=params, json=[1]), 400, "object")


def test_a_select_property_takes_only_its_options(sandbox: Sandbox, attendu: httpx.Client) -> None:
    event = attendu.get("/v1/events").json()["results"][0]
    props = {p["type"]: p for p in event["guestlist"]["properties"]}
    guest = all_guests(sandbox, attendu)[0]
    path, params = f"/v1/guests/{guest['_id']}", {"event": event_id(sandbox)}
    for prop_type, value in (("select", "not-an-option"), ("multiSelect", "x"), ("text", 5)):
        body = {"properties": {props[prop_type]["id"]: value}}
        assert_message(attendu.patch(path, params=params, json=body), 400, props[prop_type]["id"])


def test_a_walk_in_is_created(sandbox: Sandbox, attendu: httpx.Client) -> None:
    total = attendu.get("/v1/guests", params={"event": event_id(sandbox)}).json()["total"]
    answer = attendu.post(
        "/v1/guests",
        json={
            "event": event_id(sandbox),
            "properties": {"firstName": "Zoë", "lastName": "Øster", "email": "zoe@example.com"},
        },
    )
    assert answer.status_code == 201
    guest = answer.json()
    assert set(guest) == GUEST_KEYS
    assert HEX24.fullmatch(guest["_id"])
    assert guest["status"]["addMethod"] == "api"
    assert guest["status"]["confirmation"] == ATTENDU_CONFIRMATION["no_answer"]
    assert guest["_populated"]["properties"]["Last name"] == "Øster"
    listed = attendu.get("/v1/guests", params={"event": event_id(sandbox), "skip": total}).json()
    assert listed["total"] == total + 1
    assert listed["results"] == [guest]


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        ({"properties": {"firstName": "A", "lastName": "B"}}, 400, "event"),
        (
            {
                "event": "0123456789abcdef01234567",
                "properties": {"firstName": "A", "lastName": "B"},
            },
            404,
            "not found",
        ),
        ({"event": "EVENT"}, 400, "properties"),
        ({"event": "EVENT", "properties": {"firstName": "A"}}, 400, "lastName"),
        ({"event": "EVENT", "properties": {"firstName": " ", "lastName": "B"}}, 400, "firstName"),
        (
            {"event": "EVENT", "properties": {"firstName": "A", "lastName": "B"}, "x": 1},
            400,
            "Unknown",
        ),
    ],
)
def test_bad_walk_ins_are_refused(
    sandbox: Sandbox, attendu: httpx.Client, body: dict[str, Any], status: int, words: str
) -> None:
    if body.get("event") == "EVENT":
        body = {**body, "event": event_id(sandbox)}
    assert_message(attendu.post("/v1/guests", json=body), status, words)
    assert sandbox.guests_summary()["attendu"]["guests"] == len(all_guests(sandbox, attendu))


def test_check_in_counts_people_and_undo_clears_it(sandbox: Sandbox, attendu: httpx.Client) -> None:
    guest = guest_where(sandbox, attendu, confirmation=2, attendance=0)
    path = f"/v1/guests/{guest['_id']}/check-in"
    answer = attendu.post(
        path, json={"eventId": event_id(sandbox), "incrementBy": 2, "method": "qrScan"}
    )
    assert answer.status_code == 200
    checked = answer.json()
    assert checked["status"]["attendance"] == 2
    assert checked["status"]["checkInMethod"] == "qrScan"
    assert JS_TIME.fullmatch(checked["attendedAt"])
    assert checked["_populated"]["status"]["attendance"] == "Attended"
    again = attendu.post(path, json={"eventId": event_id(sandbox), "method": "manual"}).json()
    assert again["status"]["attendance"] == 3  # not idempotent: each call adds
    zone = "0123456789abcdef01234567"
    body = {"eventId": event_id(sandbox), "method": "manual", "zoneId": zone}
    assert attendu.post(path, json=body).json()["status"]["visitedZones"] == [zone]

    undone = attendu.request("DELETE", path, json={"eventId": event_id(sandbox), "zoneId": zone})
    assert undone.status_code == 200
    assert undone.json()["status"]["attendance"] == 0
    assert undone.json()["status"]["visitedZones"] == []
    assert undone.json()["attendedAt"] is None
    assert sandbox.attendu_guest(guest["_id"])["status"]["attendance"] == 0


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        ({"method": "manual"}, 400, "eventId"),
        ({"eventId": "OTHER", "method": "manual"}, 404, "not found"),
        ({"eventId": "EVENT"}, 400, "method"),
        ({"eventId": "EVENT", "method": "face"}, 400, "method"),
        ({"eventId": "EVENT", "method": "manual", "incrementBy": 0}, 400, "incrementBy"),
        ({"eventId": "EVENT", "method": "manual", "incrementBy": "2"}, 400, "incrementBy"),
        ({"eventId": "EVENT", "method": "manual", "zoneId": "lobby"}, 400, "zoneId"),
        ({"eventId": "EVENT", "method": "manual", "attendance": 1}, 400, "Unknown"),
    ],
)
def test_bad_check_ins_are_refused(
    sandbox: Sandbox, attendu: httpx.Client, body: dict[str, Any], status: int, words: str
) -> None:
    guest = guest_where(sandbox, attendu, attendance=0)
    other = "0123456789abcdef01234567"
    body = {k: {"EVENT": event_id(sandbox), "OTHER": other}.get(v, v) for k, v in body.items()}
    path = f"/v1/guests/{guest['_id']}/check-in"
    assert_message(attendu.post(path, json=body), status, words)
    assert sandbox.attendu_guest(guest["_id"])["status"]["attendance"] == 0


def test_undoing_a_check_in_needs_its_body(sandbox: Sandbox, attendu: httpx.Client) -> None:
    guest = guest_where(sandbox, attendu, attendance=0)
    path = f"/v1/guests/{guest['_id']}/check-in"
    assert_message(attendu.delete(path), 400, "JSON body")
    assert_message(attendu.request("DELETE", path, json={}), 400, "eventId")
    missing = "/v1/guests/0123456789abcdef01234567/check-in"
    assert_message(attendu.request("DELETE", missing, json={"eventId": event_id(sandbox)}), 404)


def test_unknown_routes_and_methods(sandbox: Sandbox, attendu: httpx.Client) -> None:
    assert_message(attendu.get("/v2/events"), 404)
    assert_message(attendu.delete("/v1/events"), 405)
    answer = httpx.get(sandbox.url + "/attendu/other", headers={"x-api-key": "k"})
    assert answer.status_code == 404


def test_another_desk_checks_in_and_changes_rsvps(sandbox: Sandbox, attendu: httpx.Client) -> None:
    guest = guest_where(sandbox, attendu, confirmation=1, attendance=0)
    sandbox.attendu_check_in(guest["_id"])
    seen = attendu.get(f"/v1/guests/{guest['_id']}", params={"event": event_id(sandbox)}).json()
    assert seen["status"]["attendance"] == 1
    assert seen["status"]["checkInMethod"] == "manual"
    sandbox.attendu_undo_check_in(guest["_id"])
    sandbox.attendu_set_confirmation(guest["_id"], -1, "Ill, sorry")
    seen = sandbox.attendu_guest(guest["_id"])
    assert seen["status"]["attendance"] == 0
    assert seen["status"]["confirmation"] == -1
    assert seen["status"]["declineMessage"] == "Ill, sorry"
    with pytest.raises(KeyError):
        sandbox.attendu_guest("0123456789abcdef01234567")
