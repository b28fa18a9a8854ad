"""One fault repeated thousands of times a second must not rotate the day's log away:
repeats from one place are collapsed into a count, and the first of them kept."""

from __future__ import annotations

import io
import logging
from pathlib import Path

from kiosk.logs import RepeatFilter, setup_logging


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _fail() -> None:
    raise OSError(28, "No space left on device")


def _fault(log: logging.Logger) -> None:
    """One place that fails and logs it, as a task in a loop would."""
    try:
        _fail()
    except OSError:
        log.critical("unexpected error", exc_info=True)


def test_a_fault_in_a_loop_leaves_a_few_lines_and_a_count(tmp_path: Path) -> None:
    clock = Clock()
    stream = io.StringIO()
    logs = setup_logging(
        "INFO", tmp_path, stream=stream, repeats=RepeatFilter(limit=5, window=60, clock=clock)
    )
    log = logging.getLogger("kiosk.test.repeats")
    try:
        for _ in range(20_000):  # a hot loop: 16,483 tracebacks a minute were seen
            _fault(log)
        log.info("delivered change %s", "a")  # other lines are kept as they come
        log.info("delivered change %s", "b")
        clock.now += 61  # the next minute: the same error again says how many were left out
        _fault(log)
    finally:
        logs.close()
    text = (tmp_path / "kiosk.log").read_text(encoding="utf-8")
    assert text.count("unexpected error") == 6
    assert text.count("Traceback") == 6
    assert "(the same error 19,995 more times)" in text
    assert "delivered change a" in text
    assert "delivered change b" in text
    assert not (tmp_path / "kiosk.log.1").exists()  # nothing rotated away
    assert stream.getvalue().count("unexpected error") == 6  # the console alike


def test_what_was_left_out_is_counted_at_the_end(tmp_path: Path) -> None:
    clock = Clock()
    logs = setup_logging(
        "INFO", tmp_path, stream=io.StringIO(), repeats=RepeatFilter(limit=2, clock=clock)
    )
    log = logging.getLogger("kiosk.test.repeats")
    for number in range(10):
        log.error("checkpoint failed: %s", number)  # one place, differing words
    logs.close()
    text = (tmp_path / "kiosk.log").read_text(encoding="utf-8")
    assert text.count("checkpoint failed") == 3  # two, and the count at the close
    assert "the same error 8 more times" in text


def test_lines_below_errors_differing_in_words_are_all_kept(tmp_path: Path) -> None:
    logs = setup_logging("INFO", tmp_path, stream=io.StringIO(), repeats=RepeatFilter(limit=2))
    log = logging.getLogger("kiosk.test.repeats")
    for number in range(50):
        log.info("delivered change %s", number)
    for _ in range(50):
        log.info("roster refreshed")
    for number in range(30):
        log.warning("change %s refused: %s", number, "the platform said no")
    logs.close()
    text = (tmp_path / "kiosk.log").read_text(encoding="utf-8")
    assert text.count("delivered change") == 50
    assert text.count("roster refreshed") == 3  # two, and the count at the close
    assert "the same line 48 more times" in text
    assert text.count("refused: the platform said no") == 30  # each names its change
