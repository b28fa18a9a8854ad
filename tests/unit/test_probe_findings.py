"""The parts of ``kiosk --check`` that read headers and codes, on the documented forms."""

from __future__ import annotations

import collections
import email.utils
from datetime import UTC, datetime

import httpx
import pytest

from kiosk.backends.attendu.statuses import ASSUMED_CODES
from kiosk.services.probe_attendu import _statuses, kiosk_reading
from kiosk.services.probe_headers import Observed, clock_finding, quota_finding, quota_windows
from kiosk.services.probe_report import Finding, Report


def test_the_documented_multi_window_limit_is_read():
    assert quota_windows("40, 400;window=60, 1000;window=3600") == (40, [(400, 60), (1000, 3600)])
    assert quota_windows("400") == (400, [])
    assert quota_windows("junk") == (None, [])


@pytest.mark.anyio
@pytest.mark.parametrize("anyio_backend", ["asyncio"])
async def test_an_hourly_quota_one_desks_refresh_would_use_up_is_said_and_paced(anyio_backend):
    seen = Observed()
    headers = {
        "x-rate-limit-limit": "40, 400;window=60, 1000;window=3600",
        "x-rate-limit-remaining": "39",
        "x-rate-limit-reset": "12",
    }
    await seen.hook(httpx.Response(200, headers=headers))
    found = quota_finding("sheepCRM", seen, refresh_seconds=5)
    # The call budget spaces refreshes to the quota: said, and no reason to stop the desk.
    assert found.verdict == "ok"
    assert "allows 400 calls a minute and 1,000 calls an hour" in found.summary
    assert "would take 720 of the 1,000 calls an hour" in found.summary
    assert "spaces its refreshes" in found.summary
    assert "x-rate-limit-limit: 40, 400;window=60, 1000;window=3600" in found.evidence
    assert "spaces" not in quota_finding("sheepCRM", seen, refresh_seconds=30).summary


@pytest.mark.anyio
@pytest.mark.parametrize("anyio_backend", ["asyncio"])
async def test_the_clock_compares_the_date_header_with_this_computers(anyio_backend):
    here = datetime(2026, 12, 6, 12, 0, 0, tzinfo=UTC)
    seen = Observed(clock=lambda: here)
    date = email.utils.format_datetime(here.replace(minute=10), usegmt=True)
    await seen.hook(httpx.Response(200, headers={"date": date}))
    found = clock_finding("Attendu", seen)
    assert found.verdict == "warning"
    assert "10 minutes ahead of this computer's" in found.summary
    assert found.evidence == (
        "Attendu's Date: Sun, 06 Dec 2026 12:10:00 GMT",
        "this computer: Sun, 06 Dec 2026 12:00:00 GMT",
    )


def test_a_code_kiosk_does_not_know_is_named_with_its_reading():
    seen = collections.Counter({(0, False, False): 5, (-2, False, False): 1, (2, True, False): 3})
    found = _statuses(seen, ASSUMED_CODES)
    assert found.verdict == "warning"
    assert "confirmation -2 (read as invited)" in found.summary
    assert "confirmation 2, checked in: 3 guest(s), read as attended" in found.evidence
    assert kiosk_reading((-1, False, False), ASSUMED_CODES) == "declined"


def test_the_exit_status_and_profile_lines_follow_the_findings():
    fix = {"attendu": {"paging": "page/per_page"}}
    works = Report("Attendu", "https://a", "e", (Finding("clock", "warning", "off"),))
    broken = Report("Attendu", "https://a", "e", (Finding("paging", "problem", "x", (), fix),))
    assert (works.exit_status, broken.exit_status) == (0, 1)
    assert broken.fix_lines() == ["[attendu]", 'paging = "page/per_page"']
    assert broken.to_json()["desk_can_work"] is False
    assert "The desk cannot work" in broken.text()


def test_the_text_report_fits_a_terminal_and_says_everything():
    long = "Attendu pages the guest list with page/per_page, not skip/limit as the profile says."
    report = Report(
        "Attendu",
        "https://a",
        "e",
        (
            Finding(
                "paging", "problem", long, ("skip/limit: ignored",), {"attendu": {"paging": "p/q"}}
            ),
            Finding("statuses", "not checked", "no connection"),
        ),
    )
    text = report.text("~/.config/kiosk/default.toml")
    assert max(len(line) for line in text.splitlines()) <= 92
    assert " ".join(text.split()).count(long) == 1
    assert "  NOT CHECKED  statuses  no connection" in text
    assert "Put these lines in the profile (~/.config/kiosk/default.toml):" in text
