"""Logging set-up: a rotating file under the user's log directory, a redacting filter on
every handler so that API keys, other secrets and guest emails never reach a log, and a
repeat filter so that one fault in a loop cannot rotate the day's log away."""

from __future__ import annotations

import dataclasses
import io
import logging
import logging.handlers
import re
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TextIO

from kiosk.private_files import private_folder, private_opener

LOG_FILE_NAME = "kiosk.log"
#: One file of this size plus BACKUPS rotated ones: a busy event day fits, a disk never fills.
MAX_BYTES = 2 * 1024 * 1024
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d]: %(message)s"

REDACTED = "[redacted]"
EMAIL_REDACTED = "[email]"

# A labelled secret: a header, a query or form field, a keyword argument or a dict entry
# whose name says it is one ("Authorization: Bearer …", "x-api-key=…", "'api_key': '…'",
# "('x-api-key', '…')"). The name ends the match, so "x-api-key" and "access_token" count.
_LABELLED = re.compile(
    r"""(?ix)
    (?P<label>
        \b[\w-]*(?:authorization|api[_-]?key|apikey|token|secret|password|passwd)
        | \bpin
    )
    (?P<sep>["']?\s*[:=]\s*["']?|["']?,\s*["'])
    (?P<scheme>(?>(?:(?:bearer|basic|token|apikey|digest)\s+)?))  # atomic: no backing off
    (?P<value>(?!\[redacted\])[^\s"',;&)}\]]+)
    """
)
# An authorisation scheme anywhere, labelled or not.
_SCHEME = re.compile(r"(?i)\b(?P<scheme>bearer|basic)\s+[A-Za-z0-9._~+/=-]{8,}")
# user:password@ in a URL.
_URL_CREDENTIALS = re.compile(r"(?i)(?P<scheme>[a-z][a-z0-9+.-]*://)[^/\s:@]+:[^/\s@]+@")
# A JSON Web Token (header.payload.signature, base64url).
_JWT = re.compile(r"\beyJ[\w-]{6,}\.[\w-]{6,}\.[\w-]*")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Runs of key characters; one "looks like a key" when a part of it (between _ and -) is
# 16+ characters mixing letters and digits: "sk_live_51HbX…", "sandbox-sheepcrm-9f3a…".
_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,}")
_PART = re.compile(r"[A-Za-z0-9]{16,}")
# Identifiers that look like keys but are not secrets and are needed to follow a change
# through the log: UUIDs (Kiosk's idempotency keys are uuid4().hex) and 24-hex object ids
# (sheepCRM uids). The key Kiosk is configured with is redacted by value whatever its shape.
_NOT_A_KEY = re.compile(
    r"[0-9a-f]{32}|[0-9a-f]{24}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
    re.IGNORECASE,
)


def _looks_like_key(token: str) -> bool:
    if _NOT_A_KEY.fullmatch(token):
        return False
    for part in _PART.findall(token):
        if any(c.isdigit() for c in part) and any(c.isalpha() for c in part):
            return True
    return False


class Redactor:
    """Takes secrets and guest emails out of text: the exact values it was told about
    (the configured API key), labelled secrets, auth schemes, URL credentials, JWTs,
    anything else that looks like a key, and email addresses."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        self._secrets: set[str] = set()
        for secret in secrets:
            self.add_secret(secret)

    def add_secret(self, value: str) -> None:
        """Redact this exact value from now on (too short a value would blank out words)."""
        value = value.strip()
        if len(value) >= 6:
            self._secrets.add(value)

    def redact(self, text: str) -> str:
        for secret in sorted(self._secrets, key=len, reverse=True):
            text = text.replace(secret, REDACTED)
        text = _URL_CREDENTIALS.sub(rf"\g<scheme>{REDACTED}@", text)
        text = _LABELLED.sub(self._labelled, text)
        text = _SCHEME.sub(rf"\g<scheme> {REDACTED}", text)
        text = _JWT.sub(REDACTED, text)
        text = _EMAIL.sub(EMAIL_REDACTED, text)
        return _TOKEN.sub(lambda m: REDACTED if _looks_like_key(m[0]) else m[0], text)

    @staticmethod
    def _labelled(match: re.Match[str]) -> str:
        scheme = match["scheme"] or ""
        return f"{match['label']}{match['sep']}{scheme}{REDACTED}"


class RedactingFilter(logging.Filter):
    """Redacts each record in place (message, arguments, traceback, stack) before any
    handler formats it. Put on every handler: a filter on a logger would miss records
    that propagate from child loggers."""

    def __init__(self, redactor: Redactor) -> None:
        super().__init__()
        self.redactor = redactor

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:
            return True  # a broken format call: the handler reports it as usual
        record.msg = self.redactor.redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            # Formatter.format uses a cached exc_text as it is: give it the redacted one.
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redactor.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redactor.redact(record.stack_info)
        return True


_Key = tuple[str, int, str, int, str]


@dataclasses.dataclass
class _Run:
    """Records from one place within one window: how many passed, how many were not."""

    started: float
    passed: int = 0
    left_out: int = 0
    level: int = logging.INFO
    name: str = ""
    words: str = ""  # the first record's, for the count at the end


class RepeatFilter(logging.Filter):
    """Lets ``limit`` records from one place through per ``window`` seconds and counts
    the rest; the next one let through (or ``flush``) says how many were left out.

    "One place" is the logging call (and the exception's type) for errors, whose words
    vary with addresses and ids; for warnings and below the words too, so that
    "delivered change …" or "change … refused" lines are all kept. Put the same
    instance on every handler: each record is decided once."""

    def __init__(
        self,
        *,
        limit: int = 10,
        window: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        max_places: int = 1000,
    ) -> None:
        super().__init__()
        self.limit = limit
        self.window = window
        self._clock = clock
        self._max_places = max_places
        self._runs: dict[_Key, _Run] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        decided = record.__dict__.get("_kiosk_repeat")
        if decided is not None:
            return bool(decided)
        keep = self._decide(record)
        record.__dict__["_kiosk_repeat"] = keep
        return keep

    def _decide(self, record: logging.LogRecord) -> bool:
        exc_type = record.exc_info[0].__name__ if record.exc_info and record.exc_info[0] else ""
        words = "" if record.levelno >= logging.ERROR else _message(record)
        key = (record.name, record.levelno, record.pathname, record.lineno, exc_type + words)
        now = self._clock()
        run = self._runs.get(key)
        if run is None or now - run.started >= self.window:
            if run is not None and run.left_out:
                record.msg = f"{_message(record)} {_left_out(run)}"
                record.args = None
            if run is None and len(self._runs) >= self._max_places:
                self._runs.clear()  # bounded: a flood of distinct places starts afresh
            first = _message(record)[:200]
            run = self._runs[key] = _Run(now, level=record.levelno, name=record.name, words=first)
        if run.passed < self.limit:
            run.passed += 1
            return True
        run.left_out += 1
        return False

    def flush(self) -> None:
        """Log how many were left out of each place still counting (at shutdown)."""
        runs, self._runs = self._runs, {}
        for run in runs.values():
            if run.left_out:
                logging.getLogger(run.name).log(run.level, "%s %s", run.words, _left_out(run))


def _message(record: logging.LogRecord) -> str:
    try:
        return record.getMessage()
    except Exception:
        return str(record.msg)


def _left_out(run: _Run) -> str:
    kind = "error" if run.level >= logging.ERROR else "line"
    return f"(the same {kind} {run.left_out:,} more times)"


@dataclasses.dataclass
class Logs:
    """What ``setup_logging`` installed: the log file (None when it could not be opened),
    the redactor (tell it the API key once known) and the handlers, for ``close``."""

    file: Path | None
    redactor: Redactor
    handlers: list[logging.Handler]
    previous_levels: dict[str, int]
    repeats: RepeatFilter | None = None

    def close(self) -> None:
        """Remove and close the handlers and put the levels back (tests set up and tear
        down logging more than once in a process)."""
        if self.repeats is not None:
            self.repeats.flush()
        root = logging.getLogger()
        for handler in self.handlers:
            root.removeHandler(handler)
            handler.close()
        self.handlers.clear()
        for name, level in self.previous_levels.items():
            logging.getLogger(name).setLevel(level)


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Each log file, the first and every one after a rotation, readable by its user
    only: a log names the event and its desks' work."""

    def _open(self) -> io.TextIOWrapper:
        stream = open(  # noqa: SIM115 - the handler closes it
            self.baseFilename, self.mode, encoding=self.encoding, errors=self.errors,
            opener=private_opener,
        )  # fmt: skip
        assert isinstance(stream, io.TextIOWrapper)  # a text mode: "a", or "w"
        return stream


#: ``extra=`` for a record the terminal is told otherwise (printed once, plainly).
FILE_ONLY = {"file_only": True}


def setup_logging(
    level: str | int,
    directory: Path | None,
    *,
    stream: TextIO | None = None,
    redactor: Redactor | None = None,
    repeats: RepeatFilter | None = None,
) -> Logs:
    """Log at ``level`` to ``directory``/kiosk.log (rotating) and to ``stream`` (stderr by
    default; nothing when there is none, as in a windowed bundle on Windows), every
    handler behind one redacting filter and one repeat filter."""
    redactor = redactor or Redactor()
    redacting = RedactingFilter(redactor)
    repeats = repeats or RepeatFilter()
    formatter = logging.Formatter(FORMAT)
    handlers: list[logging.Handler] = []

    out = stream if stream is not None else sys.stderr
    if out is not None:
        console = logging.StreamHandler(out)
        console.addFilter(lambda record: not getattr(record, "file_only", False))
        handlers.append(console)

    log_file: Path | None = None
    problem = ""
    if directory is not None:
        try:
            private_folder(directory)
            handlers.append(
                _PrivateRotatingFileHandler(
                    directory / LOG_FILE_NAME,
                    maxBytes=MAX_BYTES,
                    backupCount=BACKUPS,
                    encoding="utf-8",
                )
            )
            log_file = directory / LOG_FILE_NAME
        except OSError as exc:
            problem = f"cannot write logs to {directory}: {exc.strerror or exc}"

    root = logging.getLogger()
    httpx_log = logging.getLogger("httpx")
    previous_levels = {"": root.level, "httpx": httpx_log.level}
    root.setLevel(level)
    for handler in handlers:
        handler.setFormatter(formatter)
        handler.addFilter(repeats)  # first: a record left out is never formatted
        handler.addFilter(redacting)
        root.addHandler(handler)
    # httpx logs every request URL at INFO; keep those for DEBUG.
    level_number = logging.getLevelName(level) if isinstance(level, str) else level
    httpx_log.setLevel(max(logging.WARNING, level_number))
    if problem:
        logging.getLogger(__name__).warning("%s; logging to the console only", problem)
    return Logs(log_file, redactor, handlers, previous_levels, repeats)
