"""The sandbox as a server: the request log, reset, control routes, life cycle and the CLI."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from kiosk.sandbox import Faults, Sandbox

REPO = Path(__file__).resolve().parents[2]


def sheep_headers(sandbox: Sandbox) -> dict[str, str]:
    return {"Authorization": f"Bearer {sandbox.info['sheepcrm']['api_key']}"}


def test_every_request_is_logged_as_received(sandbox: Sandbox) -> None:
    info = sandbox.info["sheepcrm"]
    person = sandbox.sheepcrm_sessions()[0]["person_ref"]
    url = f"{info['base_url']}/events/v2/demo/booking/{info['event']}/attendance"
    httpx.put(
        url, params={"person_uri": person, "status": "accepted"}, headers=sheep_headers(sandbox)
    )
    guest = sandbox.attendu_guests()[0]
    httpx.post(
        f"{sandbox.info['attendu']['base_url']}/v1/guests/{guest['_id']}/check-in",
        json={"eventId": guest["event"], "method": "manual"},
        headers={"x-api-key": "wrong", "X-Desk": "Desk 2"},
    )
    httpx.get(sandbox.url + "/_sandbox/health")
    httpx.get(sandbox.url + "/elsewhere")

    put, post, health, other = sandbox.requests()
    assert put.platform == "sheepcrm"
    assert put.method == "PUT"
    assert put.path == f"/sheepcrm/events/v2/demo/booking/{info['event']}/attendance"
    assert put.query_string.startswith("person_uri=%2Fdemo%2Fperson%2F")
    assert put.query == [("person_uri", person), ("status", "accepted")]
    assert put.headers["authorization"] == f"Bearer {info['api_key']}"
    assert (put.body, put.json, put.status, put.fault) == (b"", None, 200, None)
    assert post.platform == "attendu"
    assert post.json == {"eventId": guest["event"], "method": "manual"}
    assert json.loads(post.body) == post.json
    assert post.headers["x-desk"] == "Desk 2"
    assert post.status == 401
    assert (health.platform, health.status) == ("control", 200)
    assert (other.platform, other.status) == ("other", 404)
    assert put.at <= post.at <= health.at <= other.at
    assert sandbox.requests("attendu") == [post]
    sandbox.clear_requests()
    assert sandbox.requests() == []


def test_reset_restores_data_faults_and_log(sandbox: Sandbox) -> None:
    person = str(sandbox.sheepcrm_sessions()[0]["person_ref"])
    sandbox.set_sheepcrm_status(person, "attended")
    guest = sandbox.attendu_guests()[0]["_id"]
    sandbox.attendu_check_in(guest, 3)
    sandbox.set_faults(Faults(error_rate=1.0))
    httpx.get(sandbox.url + "/_sandbox/health")
    sandbox.reset()
    assert sandbox.sheepcrm_session_of(person)["status"] == "invited"
    assert sandbox.attendu_guest(guest)["status"]["attendance"] == 0
    assert sandbox.faults == Faults()
    assert sandbox.requests() == []


def test_control_routes_set_faults_read_the_log_and_reset(sandbox: Sandbox) -> None:
    with httpx.Client(base_url=sandbox.url + "/_sandbox") as control:
        assert control.get("/health").json() == {"status": "ok", "guests": 300}
        assert control.get("/info").json() == sandbox.info
        assert control.get("/faults").json() == Faults().to_json()
        answer = control.put("/faults", json={"latency": 0.01, "only": "PUT", "seed": 4})
        assert answer.status_code == 200
        assert sandbox.faults == Faults(latency=0.01, only="PUT", seed=4)
        assert answer.json() == sandbox.faults.to_json()
        for bad in ({"latency": "slow"}, {"nope": 1}, {"error_rate": 2}, [1]):
            refused = control.put("/faults", json=bad)
            assert refused.status_code == 400
            assert refused.json()["message"]
        assert sandbox.faults == Faults(latency=0.01, only="PUT", seed=4)

        httpx.get(sandbox.info["sheepcrm"]["base_url"] + "/events/v2/demo")
        logged = control.get("/requests", params={"platform": "sheepcrm"}).json()
        assert [(r["method"], r["status"], r["platform"]) for r in logged] == [
            ("GET", 403, "sheepcrm")
        ]
        assert logged[0]["body"] == ""
        assert control.get("/requests").json()[-1]["path"] == "/_sandbox/requests"
        assert control.delete("/requests").status_code == 204
        assert sandbox.requests() == []

        sandbox.set_sheepcrm_status(str(sandbox.sheepcrm_sessions()[0]["person_ref"]), "declined")
        assert control.post("/reset").status_code == 200
        assert sandbox.faults == Faults()
        assert sandbox.sheepcrm_sessions()[0]["status"] == "invited"


def test_waiting_for_requests_instead_of_sleeping(sandbox: Sandbox) -> None:
    httpx.get(sandbox.url + "/_sandbox/health")
    (found,) = sandbox.wait_for_requests(1, "control", answered=True)
    assert found.status == 200
    with pytest.raises(TimeoutError):
        sandbox.wait_for_requests(1, "attendu", timeout=0.05)


def test_the_guest_summary_counts_both_platforms(sandbox: Sandbox) -> None:
    summary = sandbox.guests_summary()
    sheep, attendu = summary["sheepcrm"], summary["attendu"]
    assert sheep["sessions"] == 300
    assert sum(sheep["statuses"].values()) == 300
    assert attendu["guests"] == 300 - sheep["plus_ones"]
    assert attendu["declined"] == sheep["statuses"]["declined"] - sum(
        1 for s in sandbox.sheepcrm_sessions() if s["guest"] and s["status"] == "declined"
    )


def test_the_same_seed_and_time_serve_the_same_data() -> None:
    now = datetime(2025, 5, 14, 10, 30, tzinfo=UTC)
    one, two = Sandbox(guests=40, seed=9, now=now), Sandbox(guests=40, seed=9, now=now)
    assert one.data == two.data
    assert one.sheepcrm_sessions() == two.sheepcrm_sessions()
    assert one.attendu_guests() == two.attendu_guests()
    assert one.sheepcrm.api_key == two.sheepcrm.api_key


def test_keys_can_be_given(sandbox_server: Sandbox) -> None:
    with Sandbox(guests=3, api_keys={"sheepcrm": "s-key", "attendu": "a-key"}) as own:
        assert own.info["sheepcrm"]["api_key"] == "s-key"
        assert own.info["attendu"]["api_key"] == "a-key"
        answer = httpx.get(
            own.info["attendu"]["base_url"] + "/v1/events", headers={"x-api-key": "a-key"}
        )
        assert answer.status_code == 200
        assert own.url != sandbox_server.url


def test_start_and_stop(sandbox_server: Sandbox) -> None:
    own = Sandbox(guests=3)
    with pytest.raises(RuntimeError, match="not running"):
        _ = own.info
    url = own.start()["url"]
    with pytest.raises(RuntimeError, match="already running"):
        own.start()
    assert httpx.get(url + "/_sandbox/health").status_code == 200
    own.stop()
    own.stop()  # twice is harmless
    with pytest.raises(httpx.ConnectError):
        httpx.get(url + "/_sandbox/health")
    port = int(sandbox_server.url.rsplit(":", 1)[1])
    with pytest.raises(OSError, match="in use"):  # a taken port is refused, not replaced
        Sandbox(guests=3).start(port=port)


@pytest.mark.slow
def test_the_cli_prints_its_info_first_and_stops_on_sigterm() -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk.sandbox", "--port", "0", "--guests", "25", "--latency", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert process.stdout is not None
        info = json.loads(process.stdout.readline())
        assert set(info) == {"url", "sheepcrm", "attendu"}
        assert httpx.get(info["url"] + "/_sandbox/health").json() == {"status": "ok", "guests": 25}
        sheep = info["sheepcrm"]
        answer = httpx.get(
            f"{sheep['base_url']}/events/v2/{sheep['bucket']}/booking/{sheep['event']}/attendance",
            headers={"Authorization": f"Bearer {sheep['api_key']}"},
        )
        assert len(answer.json()["sessions"]) == 25
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=15) == 0
        assert process.stdout.read() == ""  # nothing after the one JSON line
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()


@pytest.mark.slow
def test_the_cli_refuses_bad_faults() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kiosk.sandbox", "--error-rate", "3"],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert result.returncode == 2
    assert "error_rate" in result.stderr
    assert result.stdout == ""
