"""The sandbox's modes over its control routes: set, read back, refused when wrong, and
reset with the rest; the Date header follows the clock mode."""

from __future__ import annotations

import email.utils
import time

import httpx

from kiosk.sandbox import Modes


def test_modes_are_set_read_back_and_reset(sandbox):
    url = sandbox.url
    with httpx.Client(timeout=10) as http:
        answer = http.put(f"{url}/_sandbox/modes", json={"attendu_paging": "page/per_page"})
        assert answer.status_code == 200
        assert http.get(f"{url}/_sandbox/modes").json()["attendu_paging"] == "page/per_page"
        assert sandbox.modes == Modes(attendu_paging="page/per_page")
        refused = http.put(f"{url}/_sandbox/modes", json={"attendu_paging": "pages"})
        assert refused.status_code == 400
        assert "attendu_paging must be one of" in refused.json()["message"]
        assert http.put(f"{url}/_sandbox/modes", json={"colour": 1}).status_code == 400
    sandbox.reset()
    assert sandbox.modes == Modes()


def test_the_date_header_runs_as_far_off_as_the_clock_mode_says(sandbox):
    conn = sandbox.info["attendu"]
    sandbox.set_modes(Modes(clock_skew=600))
    with httpx.Client(timeout=10) as http:
        answer = http.get(f"{conn['base_url']}/v1/events", headers={"x-api-key": conn["api_key"]})
    dates = answer.headers.get_list("date")
    assert len(dates) == 1
    ahead = email.utils.parsedate_to_datetime(dates[0]).timestamp() - time.time()
    assert 590 <= ahead <= 601


def test_a_bad_sheepcrm_key_gets_the_status_the_mode_says(sandbox):
    conn = sandbox.info["sheepcrm"]
    url = f"{conn['base_url']}/events/v2/{conn['bucket']}"
    with httpx.Client(timeout=10, headers={"Authorization": "Bearer wrong"}) as http:
        assert http.get(url).status_code == 403
        sandbox.set_modes(Modes(sheepcrm_bad_key_status=404))
        assert http.get(url).status_code == 404
