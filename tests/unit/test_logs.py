"""Logging: secrets and guest emails never reach a handler; the log file rotates."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.logs import (
    EMAIL_REDACTED,
    LOG_FILE_NAME,
    REDACTED,
    Logs,
    RedactingFilter,
    Redactor,
    setup_logging,
)

API_KEY = "sk_live_51HbXq2eZvKYlo2C0aBcDeFgHiJkLmN"
SANDBOX_KEY = "sandbox-sheepcrm-9f3a61c07e2b84d5"


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("GET /v1/guests headers={'x-api-key': 'hunter2hunter2'}", "hunter2hunter2"),
        ("Authorization: Bearer abc.def-ghi_123", "abc.def-ghi_123"),
        ("authorization=Basic dXNlcjpwYXNzd29yZA==", "dXNlcjpwYXNzd29yZA=="),
        ("[('authorization', 'Bearer tok3n-value')]", "tok3n-value"),
        ("https://api.example.com/v1/guests?api_key=s3cr3t&page=2", "s3cr3t"),
        ("Draft(platform='attendu', api_key='plain words')", "plain"),
        ("access_token: 'short1'", "short1"),
        ("client_secret=letmein", "letmein"),
        ("password = 'correct horse'", "correct"),
        ("staff pin: 4711", "4711"),
        ("sent with Bearer zzzzzzzzzz9", "zzzzzzzzzz9"),
        ("proxy https://alice:opensesame@proxy.example.com:3128", "opensesame"),
        ("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJl", "eyJhbGciOiJIUzI1NiJ9"),
        (f"failed: {API_KEY} was refused", API_KEY),
        (f"key {SANDBOX_KEY} rejected", "9f3a61c07e2b84d5"),
        ("rk_test_AbCdEf0123456789XyZ in a message", "AbCdEf0123456789XyZ"),
    ],
)
def test_secrets_are_redacted(text: str, secret: str) -> None:
    redacted = Redactor().redact(text)
    assert secret not in redacted
    assert REDACTED in redacted


@pytest.mark.parametrize(
    "email", ["jane.doe@example.com", "neil+vip@mail.example.co.uk", "x@y.io", "A_B-9@Q.ORG"]
)
def test_emails_are_redacted(email: str) -> None:
    assert Redactor().redact(f"guest {email} checked in") == f"guest {EMAIL_REDACTED} checked in"
    assert Redactor().redact(f"{{'email': '{email}'}}") == f"{{'email': '{EMAIL_REDACTED}'}}"


def test_a_configured_key_is_redacted_whatever_its_shape() -> None:
    redactor = Redactor()
    key = "0123456789abcdef0123456789abcdef"  # shaped like an idempotency key
    assert redactor.redact(f"using {key}") == f"using {key}"
    redactor.add_secret(key)
    assert redactor.redact(f"using {key}") == f"using {REDACTED}"


@pytest.mark.parametrize(
    "text",
    [
        "saved change 9b2f4c1e8d7a4f06b3c2a1d0e9f8a7b6: guest g-42 → attended",
        "sheepCRM roster of 6305f074683e800f3abe809e: 3 pages",
        "change 123e4567-e89b-12d3-a456-426614174000 waits 2.0 s",
        "ticket TKT-7F3K9Q2M scanned; 100000 guests indexed in 0.42 s",
        'File "/tmp/venv/lib/python3.11/site-packages/kiosk/ui/main_window.py", line 12',
        "test_search_100000_guests_under_budget_p95 passed",
        "token bucket has 5 tokens left",
        "spinning up the sender; 429 Too Many Requests, Retry-After: 3",
    ],
)
def test_ordinary_text_is_kept(text: str) -> None:
    assert Redactor().redact(text) == text


def test_redaction_is_idempotent() -> None:
    redactor = Redactor([API_KEY])
    once = redactor.redact(f"Authorization: Bearer {API_KEY} for ann@example.org")
    assert redactor.redact(once) == once


@pytest.fixture
def logs(tmp_path: Path) -> Iterator[tuple[Logs, io.StringIO]]:
    stream = io.StringIO()
    installed = setup_logging("INFO", tmp_path / "log", stream=stream)
    yield installed, stream
    installed.close()


def test_every_handler_redacts_message_arguments_and_traceback(
    logs: tuple[Logs, io.StringIO],
) -> None:
    installed, stream = logs
    installed.redactor.add_secret(API_KEY)
    log = logging.getLogger("kiosk.test")
    log.warning("sending %s for %s", {"x-api-key": API_KEY}, "ann@example.org")
    try:
        raise RuntimeError(f"401 for Authorization: Bearer {API_KEY} (guest bo@example.net)")
    except RuntimeError:
        log.exception("delivery failed")

    assert installed.file is not None
    for text in (installed.file.read_text(encoding="utf-8"), stream.getvalue()):
        assert "delivery failed" in text
        assert "Traceback (most recent call last)" in text
        assert "RuntimeError: 401 for Authorization: Bearer [redacted]" in text
        assert API_KEY not in text
        assert "@example" not in text
        assert text.count(REDACTED) >= 2


def test_records_from_child_loggers_are_redacted_too(logs: tuple[Logs, io.StringIO]) -> None:
    installed, stream = logs
    child = logging.getLogger("kiosk.backends.deep.child")
    child.propagate = True
    child.error("x-api-key=%s", "abcdefgh12345678")
    assert "abcdefgh12345678" not in stream.getvalue()
    assert installed.file is not None
    assert "x-api-key=[redacted]" in installed.file.read_text(encoding="utf-8")


def test_the_log_file_rotates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("kiosk.logs.MAX_BYTES", 2000)
    installed = setup_logging("INFO", tmp_path, stream=io.StringIO())
    try:
        for number in range(200):
            logging.getLogger("kiosk.test").info("line %d %s", number, "." * 40)
    finally:
        installed.close()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names[0] == LOG_FILE_NAME
    assert f"{LOG_FILE_NAME}.1" in names
    assert len(names) <= 6  # the file and at most BACKUPS rotated ones
    assert all(p.stat().st_size <= 2000 for p in tmp_path.iterdir())


def test_an_unwritable_log_directory_falls_back_to_the_console(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the log directory should be")
    stream = io.StringIO()
    installed = setup_logging("INFO", blocker / "log", stream=stream)
    try:
        logging.getLogger("kiosk.test").info("still logged")
    finally:
        installed.close()
    assert installed.file is None
    assert "cannot write logs" in stream.getvalue()
    assert "still logged" in stream.getvalue()


def test_close_puts_levels_and_handlers_back(tmp_path: Path) -> None:
    root = logging.getLogger()
    before = (root.level, list(root.handlers), logging.getLogger("httpx").level)
    installed = setup_logging("DEBUG", tmp_path, stream=io.StringIO())
    assert root.level == logging.DEBUG
    installed.close()
    assert (root.level, list(root.handlers), logging.getLogger("httpx").level) == before


def test_a_bad_format_call_is_left_to_the_handler() -> None:
    record = logging.LogRecord("kiosk", logging.INFO, __file__, 1, "%d", ("x",), None)
    assert RedactingFilter(Redactor()).filter(record) is True
    assert record.args == ("x",)
