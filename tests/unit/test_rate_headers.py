"""Rate-limit headers as platforms send them: sheepCRM's documented multi-window form,
the plain integer forms, Retry-After in seconds and as an HTTP date, and junk."""

from __future__ import annotations

import email.utils
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from kiosk.backends.http.headers import parse_limit, read_rate_limit, retry_after


def test_the_documented_multi_window_form() -> None:
    seen = read_rate_limit(
        httpx.Headers(
            {
                "x-rate-limit-limit": "40, 400;window=60, 1000;window=3600",
                "x-rate-limit-remaining": "12",
                "x-rate-limit-reset": "17",
            }
        ),
        now=100.0,
    )
    assert seen is not None
    assert (seen.limit, seen.remaining, seen.reset_after) == (40, 12, 17.0)
    assert seen.windows == ((400, 60.0), (1000, 3600.0))
    assert seen.seconds_left(110.0) == 7.0


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("400", (400, [])),
        (" 400 ", (400, [])),
        ("400;window=60", (400, [(400, 60.0)])),
        ("400;w=60, 1000;w=3600", (400, [(400, 60.0), (1000, 3600.0)])),
        ('10, 10;window="1.5"', (10, [(10, 1.5)])),
        ("400.0", (400, [])),
    ],
)
def test_the_limit_in_its_plain_and_listed_forms(
    value: str, expected: tuple[int, list[tuple[int, float]]]
) -> None:
    assert parse_limit(value) == expected


@pytest.mark.parametrize(
    "junk",
    ["", "lots", "-5", "nan", "inf", "400;window=-1", "400;window=abc", "x" * 10_000, ";;,,"],
)
def test_junk_in_the_limit_is_no_limit(junk: str) -> None:
    assert parse_limit(junk) == (None, [])


def test_junk_beside_a_good_quota_keeps_the_good_part() -> None:
    assert parse_limit("soon, 400;window=60, 1000;window=forever") == (400, [(400, 60.0)])


def test_plain_remaining_and_reset() -> None:
    seen = read_rate_limit(
        httpx.Headers({"x-rate-limit-remaining": "0", "x-rate-limit-reset": "2.5"}), now=5.0
    )
    assert seen is not None
    assert (seen.limit, seen.remaining, seen.reset_after, seen.windows) == (None, 0, 2.5, ())
    assert seen.exhausted


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"x-rate-limit-limit": "many", "x-rate-limit-remaining": "-3", "x-rate-limit-reset": "?"},
        {"x-rate-limit-remaining": "1e400", "x-rate-limit-reset": "nan"},
    ],
)
def test_headers_that_say_nothing_usable_are_none(headers: dict[str, str]) -> None:
    assert read_rate_limit(httpx.Headers(headers)) is None


def test_retry_after_in_seconds() -> None:
    assert retry_after(httpx.Headers({"Retry-After": "3"})) == 3.0
    assert retry_after(httpx.Headers({"Retry-After": "0.25"})) == 0.25


def test_retry_after_as_an_http_date() -> None:
    now = datetime(2026, 12, 6, 11, 0, tzinfo=UTC)
    when = email.utils.format_datetime(now + timedelta(seconds=90), usegmt=True)
    assert retry_after(httpx.Headers({"Retry-After": when}), now) == 90.0
    past = email.utils.format_datetime(now - timedelta(seconds=90), usegmt=True)
    assert retry_after(httpx.Headers({"Retry-After": past}), now) == 0.0


@pytest.mark.parametrize("junk", ["soon", "-1", "nan", "Mon, 99 Foo 2026 99:99:99 GMT", "9" * 600])
def test_junk_retry_after_falls_back_to_the_reset(junk: str) -> None:
    assert retry_after(httpx.Headers({"Retry-After": junk})) is None
    headers = httpx.Headers({"Retry-After": junk, "x-rate-limit-reset": "42"})
    assert retry_after(headers) == 42.0
