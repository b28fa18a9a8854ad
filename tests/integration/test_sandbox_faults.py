"""Fault injection over real HTTP: each kind of fault, narrowed, seeded, and shut down cleanly."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pytest

from kiosk.sandbox import Faults, Sandbox


@pytest.fixture
def sheep(sandbox: Sandbox) -> Iterator[httpx.Client]:
    info = sandbox.info["sheepcrm"]
    headers = {"Authorization": f"Bearer {info['api_key']}"}
    with httpx.Client(base_url=info["base_url"], headers=headers) as client:
        yield client


@pytest.fixture
def attendu(sandbox: Sandbox) -> Iterator[httpx.Client]:
    info = sandbox.info["attendu"]
    with httpx.Client(base_url=info["base_url"], headers={"x-api-key": info["api_key"]}) as c:
        yield c


def attendance_path(sandbox: Sandbox) -> str:
    return f"/events/v2/demo/booking/{sandbox.info['sheepcrm']['event']}/attendance"


def first_person(sandbox: Sandbox) -> str:
    return str(sandbox.sheepcrm_sessions()[0]["person_ref"])


def put_attended(sandbox: Sandbox, sheep: httpx.Client) -> httpx.Response:
    params = {"person_uri": first_person(sandbox), "status": "attended"}
    return sheep.put(attendance_path(sandbox), params=params)


def test_faults_are_checked_when_made() -> None:
    with pytest.raises(ValueError, match="error_rate"):
        Faults(error_rate=1.5)
    with pytest.raises(ValueError, match="latency"):
        Faults(latency=-1)
    with pytest.raises(ValueError, match="answer_fault"):
        Faults(answer_fault="slow-json")
    with pytest.raises(ValueError, match="unknown fault"):
        Faults.from_json({"errors": 1})
    with pytest.raises(ValueError, match="number"):
        Faults.from_json({"latency": "1"})
    with pytest.raises(ValueError, match="integer"):
        Faults.from_json({"seed": 1.5})
    assert Faults.from_json(Faults(latency=0.5, only="PUT").to_json()) == Faults(
        latency=0.5, only="PUT"
    )


def test_latency_delays_every_answer(sandbox: Sandbox, sheep: httpx.Client) -> None:
    sandbox.set_faults(Faults(latency=0.2, latency_jitter=0.1))
    started = time.monotonic()
    assert sheep.get("/events/v2/demo").status_code == 200
    assert time.monotonic() - started >= 0.2
    assert sandbox.requests("sheepcrm")[-1].fault is None  # latency alone is not a fault


def test_a_server_error_has_each_platforms_body(
    sandbox: Sandbox, sheep: httpx.Client, attendu: httpx.Client
) -> None:
    sandbox.set_faults(Faults(error_rate=1.0))
    answer = sheep.get("/events/v2/demo")
    assert answer.status_code in (500, 502, 503)
    assert set(answer.json()) == {"error", "description", "type"}
    assert answer.json()["type"] == "server_error"
    assert "x-rate-limit-remaining" in answer.headers
    other = attendu.get("/v1/events")
    assert other.status_code in (500, 502, 503)
    assert set(other.json()) == {"message"}
    logged = sandbox.requests()
    assert [r.status for r in logged] == [answer.status_code, other.status_code]
    assert [r.fault for r in logged] == [
        f"error-{answer.status_code}",
        f"error-{other.status_code}",
    ]


def test_throttling_says_when_to_come_back(
    sandbox: Sandbox, sheep: httpx.Client, attendu: httpx.Client
) -> None:
    sandbox.set_faults(Faults(rate_limit_rate=1.0, retry_after=3))
    answer = put_attended(sandbox, sheep)
    assert answer.status_code == 429
    assert answer.headers["retry-after"] == "3"
    assert answer.headers["x-rate-limit-remaining"] == "0"
    assert answer.headers["x-rate-limit-limit"].split(",")[0] == "400"
    assert answer.json()["type"] == "rate_limit"
    assert sandbox.sheepcrm_session_of(first_person(sandbox))["status"] == "invited"
    other = attendu.get("/v1/events")
    assert other.status_code == 429
    assert other.headers["retry-after"] == "3"
    assert "retry" in other.json()["message"]
    assert {r.fault for r in sandbox.requests()} == {"rate-limit"}


def test_the_advertised_rate_limit_can_be_enforced() -> None:
    with Sandbox(guests=5, sheepcrm_rate_limit=3) as small:
        info = small.info["sheepcrm"]
        url = info["base_url"] + "/events/v2/demo"
        headers = {"Authorization": f"Bearer {info['api_key']}"}
        with httpx.Client(headers=headers) as client:
            free = [client.get(url) for _ in range(4)]
            assert [a.status_code for a in free] == [200] * 4
            assert free[-1].headers["x-rate-limit-remaining"] == "0"
            small.reset()
            small.set_faults(Faults(enforce_rate_limit=True))
            enforced = [client.get(url) for _ in range(4)]
        assert [a.status_code for a in enforced] == [200, 200, 200, 429]
        assert 0 < int(enforced[-1].headers["retry-after"]) <= 60
        assert enforced[-1].headers["x-rate-limit-remaining"] == "0"


def test_a_dropped_write_is_not_applied(sandbox: Sandbox, sheep: httpx.Client) -> None:
    sandbox.set_faults(Faults(drop_rate=1.0))
    with pytest.raises(httpx.RemoteProtocolError):
        put_attended(sandbox, sheep)
    assert sandbox.sheepcrm_session_of(first_person(sandbox))["status"] == "invited"
    (logged,) = sandbox.requests("sheepcrm")
    assert (logged.method, logged.status, logged.fault) == ("PUT", None, "drop")


def test_a_write_dropped_after_apply_is_the_unknown_outcome(
    sandbox: Sandbox, sheep: httpx.Client, attendu: httpx.Client
) -> None:
    sandbox.set_faults(Faults(drop_rate=1.0, drop_after_apply=True))
    with pytest.raises(httpx.RemoteProtocolError):
        put_attended(sandbox, sheep)
    assert sandbox.sheepcrm_session_of(first_person(sandbox))["status"] == "attended"

    guest = sandbox.attendu_guests()[0]
    body = {"eventId": guest["event"], "method": "manual"}
    with pytest.raises(httpx.RemoteProtocolError):
        attendu.post(f"/v1/guests/{guest['_id']}/check-in", json=body)
    assert sandbox.attendu_guest(guest["_id"])["status"]["attendance"] == 1
    assert [r.fault for r in sandbox.requests()] == ["drop-after-apply"] * 2


def test_a_stall_outlasts_an_impatient_client(sandbox: Sandbox) -> None:
    sandbox.set_faults(Faults(stall_rate=1.0, stall_seconds=30))
    info = sandbox.info["sheepcrm"]
    headers = {"Authorization": f"Bearer {info['api_key']}"}
    with pytest.raises(httpx.ReadTimeout):
        httpx.get(info["base_url"] + "/events/v2/demo", headers=headers, timeout=0.3)
    (logged,) = sandbox.requests("sheepcrm")
    assert (logged.status, logged.fault) == (None, "stall")


def test_a_short_stall_then_answers(sandbox: Sandbox, sheep: httpx.Client) -> None:
    sandbox.set_faults(Faults(stall_rate=1.0, stall_seconds=0.2))
    started = time.monotonic()
    assert sheep.get("/events/v2/demo").status_code == 200
    assert time.monotonic() - started >= 0.2
    (logged,) = sandbox.requests("sheepcrm")
    assert (logged.status, logged.fault) == (200, "stall")


def test_a_stall_does_not_hold_up_shutdown() -> None:
    own = Sandbox(guests=5, faults=Faults(stall_rate=1.0, stall_seconds=60))
    info = own.start()
    port = int(info["url"].rsplit(":", 1)[1])
    outcome: list[BaseException | int] = []

    def ask() -> None:
        try:
            outcome.append(
                httpx.get(info["url"] + "/attendu/api/v1/events", timeout=30).status_code
            )
        except httpx.HTTPError as error:
            outcome.append(error)

    client = threading.Thread(target=ask)
    client.start()
    own.wait_for_requests(1, "attendu")
    started = time.monotonic()
    own.stop()
    assert time.monotonic() - started < 5
    client.join(10)
    assert not client.is_alive()
    assert isinstance(outcome[0], httpx.RemoteProtocolError)
    with socket.socket() as again:  # a new server can listen on the port at once
        again.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        again.bind(("127.0.0.1", port))
        again.listen()


@pytest.mark.parametrize("fault", ["bad-json", "html-error", "huge-body", "wrong-types"])
def test_broken_answers(sandbox: Sandbox, sheep: httpx.Client, fault: str) -> None:
    sandbox.set_faults(Faults(answer_fault=fault))
    answer = sheep.get(attendance_path(sandbox))
    (logged,) = sandbox.requests("sheepcrm")
    assert logged.fault == fault
    assert logged.status == answer.status_code
    if fault == "bad-json":
        assert answer.status_code == 200
        assert answer.headers["content-type"] == "application/json"
        with pytest.raises(json.JSONDecodeError):
            answer.json()
    elif fault == "html-error":
        assert answer.status_code == 502
        assert answer.headers["content-type"] == "text/html"
        assert answer.text.startswith("<html>")
    elif fault == "huge-body":
        assert answer.status_code == 200
        assert len(answer.content) > 10 * 1024 * 1024
        assert len(answer.json()["sessions"]) == 300
    else:
        session = answer.json()["sessions"][0]
        assert isinstance(session["status"], int)
        assert isinstance(session["guest"], str)
        assert isinstance(session["attendee_name"], int)


def test_a_share_of_answers_is_broken(sandbox: Sandbox, sheep: httpx.Client) -> None:
    sandbox.set_faults(Faults(answer_fault="bad-json", answer_fault_rate=0.0))
    assert sheep.get("/events/v2/demo").json()["bookings"]


def test_ignore_paging_always_gives_page_one(
    sandbox: Sandbox, sheep: httpx.Client, attendu: httpx.Client
) -> None:
    sandbox.set_faults(Faults(ignore_paging=True))
    event = sandbox.info["attendu"]["event"]
    pages = [
        attendu.get("/v1/guests", params={"event": event, "skip": skip, "limit": 50}).json()
        for skip in (0, 100)
    ]
    assert pages[0] == pages[1]
    assert len(pages[0]["results"]) == 100  # the default page, whatever was asked
    assert pages[0]["total"] == sandbox.guests_summary()["attendu"]["guests"]
    events = [
        sheep.get("/events/v2/demo", params={"page": page, "page_size": 1}).json()
        for page in (1, 2)
    ]
    assert events[0] == events[1]


@pytest.mark.parametrize("only", ["PUT", "put", "/attendance"])
def test_only_narrows_faults(sandbox: Sandbox, sheep: httpx.Client, only: str) -> None:
    sandbox.set_faults(Faults(error_rate=1.0, only=only))
    assert sheep.get("/events/v2/demo").status_code == 200
    assert put_attended(sandbox, sheep).status_code >= 500


def test_faults_never_touch_the_control_routes(sandbox: Sandbox) -> None:
    sandbox.set_faults(Faults(error_rate=1.0, drop_rate=1.0, latency=5))
    started = time.monotonic()
    assert httpx.get(sandbox.url + "/_sandbox/health").status_code == 200
    assert httpx.get(sandbox.url + "/_sandbox/faults").json()["error_rate"] == 1.0
    assert time.monotonic() - started < 2


def test_the_same_seed_meets_the_same_faults(sandbox: Sandbox, sheep: httpx.Client) -> None:
    def run(seed: int) -> list[int]:
        sandbox.set_faults(Faults(error_rate=0.5, rate_limit_rate=0.2, seed=seed))
        return [sheep.get("/events/v2/demo").status_code for _ in range(16)]

    first = run(7)
    assert run(7) == first
    assert 200 in first
    assert set(first) - {200}
    assert run(8) != first
    faults = [r.fault for r in sandbox.requests("sheepcrm")]
    assert faults[:16] == faults[16:32]
