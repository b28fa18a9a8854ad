"""The results file beside a guest list: the statuses set at the desk, one row a guest,
rewritten whole through a temporary file so a crash mid-write leaves the last one whole."""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import io
import logging
import os
import tempfile
import threading
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType

from kiosk.backends.guestlist.reading import decode, sniff_delimiter
from kiosk.domain import Status
from kiosk.domain.errors import ConfigError

log = logging.getLogger(__name__)

HEADER = ("id", "name", "status", "changed_at", "desk")

#: What identifies one version of a file on disk: replaced (new inode), rewritten in
#: place (size or modification time) or gone (None).
Stamp = tuple[int, int, int] | None


def stamp_of(path: Path) -> Stamp:
    """The file's current stamp, None when it is not there. Other OSErrors propagate."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    return (info.st_mtime_ns, info.st_size, info.st_ino)


def results_path_for(guest_list: Path) -> Path:
    """``guests.csv`` → ``guests.kiosk-results.csv`` beside it."""
    return guest_list.with_name(f"{guest_list.stem}.kiosk-results.csv")


@dataclasses.dataclass(frozen=True, slots=True)
class Result:
    """One status set at a desk."""

    status: Status
    changed_at: datetime


class ResultsFile:
    """The results file of one guest list.

    Rows Kiosk cannot read (edited by hand) are kept as they are and written back with
    the rest; only the rows it can read change the guests' statuses. Thread-safe: the
    backend reads and writes it in worker threads."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._rows: dict[str, list[str]] = {}
        self._results: Mapping[str, Result] = MappingProxyType({})
        self._stamp: Stamp = None
        self._read_once = False
        self._lock = threading.Lock()

    @property
    def results(self) -> Mapping[str, Result]:
        """id → the last status set at a desk (a snapshot: a write makes a new one)."""
        return self._results

    def refresh(self) -> bool:
        """Read the file again when it changed on disk (another desk, a hand edit);
        True when it did. ConfigError when it cannot be read as a results file."""
        with self._lock:
            return self._refresh()

    def record(
        self, guest_id: str, name: str, status: Status, changed_at: datetime, desk: str
    ) -> None:
        """Write one guest's new status: the file is read again if it changed, the row
        set, and the whole file replaced atomically. OSError when it cannot be written
        (the previous file is then untouched)."""
        with self._lock:
            self._refresh()
            rows = dict(self._rows)
            rows.pop(guest_id, None)  # a changed guest moves to the end: newest last
            rows[guest_id] = [guest_id, name, status.wire, changed_at.isoformat(), desk]
            self._write(rows.values())
            self._rows = rows
            results = dict(self._results)
            results[guest_id] = Result(status, changed_at)
            self._results = MappingProxyType(results)
            self._stamp = stamp_of(self.path)

    def _refresh(self) -> bool:
        stamp = stamp_of(self.path)
        if self._read_once and stamp == self._stamp:
            return False
        rows: dict[str, list[str]] = {}
        results: dict[str, Result] = {}
        if stamp is not None:
            raw = self.path.read_bytes()
            if raw.strip():
                rows, results = _parse(raw, str(self.path))
        self._rows, self._results = rows, MappingProxyType(results)
        self._stamp, self._read_once = stamp, True
        if stamp is not None:
            log.info("%s: %d status(es) set at desks", self.path, len(results))
        return True

    def _write(self, rows: object) -> None:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(HEADER)
        writer.writerows(rows)  # type: ignore[arg-type]
        # With a byte-order mark: Excel then opens it as UTF-8 (accents intact).
        data = buffer.getvalue().encode("utf-8-sig")
        folder = self.path.parent
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=f".{self.path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                if hasattr(os, "fchmod"):
                    os.fchmod(out.fileno(), 0o644)  # mkstemp's 0600 would hide it from others
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
        _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); not possible, nor needed, on Windows."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _parse(raw: bytes, where: str) -> tuple[dict[str, list[str]], dict[str, Result]]:
    text = decode(raw, where).text  # Excel may have saved it again in its own encoding
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    rows: dict[str, list[str]] = {}
    results: dict[str, Result] = {}
    unreadable: list[int] = []
    try:
        for number, row in enumerate(reader, start=1):
            if not any(cell.strip() for cell in row):
                continue
            if number == 1 and [cell.strip().lower() for cell in row[:5]] == list(HEADER):
                continue
            gid = row[0].strip()
            if not gid:
                unreadable.append(number)
                continue
            rows.pop(gid, None)
            rows[gid] = row
            results.pop(gid, None)
            if (result := _result(row)) is None:
                unreadable.append(number)
            else:
                results[gid] = result
    except csv.Error as exc:
        raise ConfigError(
            f"{where}, row {reader.line_num}: not readable as CSV ({exc}). This is Kiosk's "
            "results file: undo the edit made to it, or move it away to start afresh.",
            field="guest_list",
        ) from None
    if unreadable:
        log.warning(
            "%s: rows %s are not id,name,status,changed_at,desk; kept but not used",
            where,
            ", ".join(map(str, unreadable[:10])),
        )
    return rows, results


def _result(row: list[str]) -> Result | None:
    if len(row) < 4:
        return None
    try:
        status = Status.from_wire(row[2].strip())
        changed_at = datetime.fromisoformat(row[3].strip())
    except ValueError:
        return None
    if changed_at.tzinfo is None:
        changed_at = changed_at.replace(tzinfo=UTC)
    return Result(status, changed_at)
