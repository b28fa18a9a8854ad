"""GuestListBackend: a local guest list file as Kiosk's platform, statuses kept in a
results file beside it."""

from __future__ import annotations

import asyncio
import logging
import platform
from collections.abc import Generator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.backends.base import NO_GUESTS, Capabilities, Roster
from kiosk.backends.guestlist.columns import ColumnMapping
from kiosk.backends.guestlist.files import guest_steps, is_workbook, source_of
from kiosk.backends.guestlist.reading import BATCH, FIELD, FileText, GuestFile
from kiosk.backends.guestlist.results import ResultsFile, Stamp, results_path_for, stamp_of
from kiosk.domain import (
    Event,
    Guest,
    MalformedAnswer,
    PlatformUnavailable,
    Status,
)
from kiosk.domain.errors import ConfigError
from kiosk.domain.status import ORDER
from kiosk.runtime import collector_paused, run_sliced

if TYPE_CHECKING:
    from kiosk.backends.guestlist.workbook import Sheet

log = logging.getLogger(__name__)

PLATFORM = "guestlist"
DISPLAY_NAME = "Guest list"

#: How long one step of reading may hold the event loop (a frame's share).
SLICE_S = 0.008

#: Spreadsheet files Kiosk does not read: saved as CSV they are.
_UNREAD = frozenset({".numbers", ".gsheet"})

CAPABILITIES = Capabilities(
    platform=PLATFORM,
    display_name=DISPLAY_NAME,
    writable=frozenset(ORDER),
    # A write sets the guest's row to a status: repeating it changes nothing.
    idempotent=frozenset(ORDER),
)


class _Unchanged:
    """The guest list on disk is the one read last time."""


_UNCHANGED = _Unchanged()


class GuestListBackend:
    """A guest list file (CSV or workbook) as the event's platform.

    The organiser's file is only ever read; statuses set at the desk go to the results
    file (``guests.kiosk-results.csv`` by default), which overlays the list on every
    read. A refresh reads the list again only when it changed on disk (saved from Excel
    meanwhile): what was set at the desk stays, being in the results file. A file that
    is locked, missing or being written at that moment is ``PlatformUnavailable``
    (transient: tried again at the next refresh); one that cannot be read as a guest
    list is ``MalformedAnswer`` naming the file, the row and what to do (the desk keeps
    the guests it has)."""

    def __init__(
        self,
        path: Path,
        *,
        columns: ColumnMapping | None = None,
        results: Path | None = None,
    ) -> None:
        path = Path(path).absolute()
        if path.suffix.lower() in _UNREAD:
            raise ConfigError(
                f"Kiosk cannot read {path.suffix} files. Export the guest list as "
                "'CSV UTF-8' or as an Excel workbook (.xlsx) and start Kiosk with that.",
                field=FIELD,
            )
        if not path.is_file():
            what = "a folder" if path.is_dir() else "not there"
            raise ConfigError(f"The guest list {path} is {what}: check the path.", field=FIELD)
        results = Path(results).absolute() if results is not None else results_path_for(path)
        if results == path:
            raise ConfigError(
                f"The results file must not be the guest list itself ({path}).", field=FIELD
            )
        if not results.parent.is_dir():
            raise ConfigError(
                f"The folder for the results file, {results.parent}, is not there.", field=FIELD
            )
        self.path = path
        self.columns = columns
        self.results = ResultsFile(results)
        #: Written beside each status in the results file: which desk set it (the app
        #: sets its kiosk id here).
        self.desk = platform.node() or "kiosk"
        self._event = Event(id=str(path), title=path.stem)
        self._file: GuestFile | None = None
        self._stamp: Stamp = None
        self._by_id: dict[str, Guest] | None = None
        self._unmatched = 0

    @property
    def capabilities(self) -> Capabilities:
        return CAPABILITIES

    @property
    def event_id(self) -> str:
        return self._event.id

    async def list_events(self) -> list[Event]:
        return [self._event]

    async def get_event(self) -> Event:
        return self._event

    async def aclose(self) -> None:
        """Nothing stays open between calls."""

    async def load_roster(self, known: Mapping[str, Guest] = NO_GUESTS) -> Roster:
        where = str(self.path)
        read = await asyncio.to_thread(self._read_if_changed)
        if not isinstance(read, _Unchanged):
            source, stamp = read
            try:
                self._file = await run_sliced(
                    guest_steps(source, self.columns, where), slice_s=SLICE_S
                )
            except ConfigError as exc:
                raise MalformedAnswer(str(exc)) from None
            self._stamp, self._by_id = stamp, None
            log.info("%s: %d guests", where, len(self._file.guests))
        try:
            await asyncio.to_thread(self.results.refresh)
        except ConfigError as exc:
            raise MalformedAnswer(str(exc)) from None
        except OSError as exc:
            raise self._unavailable(self.results.path, exc) from None
        guests = await run_sliced(self._overlay(known), slice_s=SLICE_S)
        return Roster(self._event, guests)

    async def get_guest(self, guest: Guest) -> Guest:
        try:
            await asyncio.to_thread(self.results.refresh)
        except (ConfigError, OSError) as exc:
            raise PlatformUnavailable(f"{self.results.path} cannot be read now: {exc}") from None
        if self._by_id is None and self._file is not None:
            self._by_id = {listed.id: listed for listed in self._file.guests}
        listed = (self._by_id or {}).get(guest.id, guest)
        result = self.results.results.get(guest.id)
        if result is None:
            return listed
        return listed._replace(status=result.status, changed_at=result.changed_at, status_label="")

    async def set_status(self, guest: Guest, status: Status) -> Guest:
        changed_at = datetime.now(UTC)
        try:
            await asyncio.to_thread(
                self.results.record, guest.id, guest.name, status, changed_at, self.desk
            )
        except ConfigError as exc:
            raise PlatformUnavailable(
                f"{exc} Kiosk does not overwrite it: the change is kept on this kiosk and "
                "written once the file reads again."
            ) from None
        except OSError as exc:
            raise self._unavailable(self.results.path, exc) from None
        return guest._replace(status=status, changed_at=changed_at, status_label="")

    # -- reading ----------------------------------------------------------------------

    def _read_if_changed(self) -> tuple[FileText | Sheet, Stamp] | _Unchanged:
        """The file decoded or parsed, when it changed since the last read (in a worker
        thread: a workbook is parsed here)."""
        where = str(self.path)
        try:
            before = stamp_of(self.path)
            if self._file is not None and before == self._stamp:
                return _UNCHANGED
            if before is None:
                raise FileNotFoundError(2, "No such file or directory")
            raw = self.path.read_bytes()
            after = stamp_of(self.path)
        except OSError as exc:
            raise self._unavailable(self.path, exc) from None
        if after != before:
            raise PlatformUnavailable(f"{where} changed while being read; reading it again soon.")
        if self._file is not None and (not raw or raw.isspace()):
            # A spreadsheet saving may empty the file for a moment: keep the guests read.
            raise PlatformUnavailable(
                f"{where} is empty just now (being saved?); the guests read before are kept."
            )
        try:
            return source_of(raw, self.path), before
        except ConfigError as exc:
            if self._file is not None and is_workbook(self.path):
                # A workbook read whole before and broken now is most likely one being
                # saved (its zip not yet complete): try again, keeping the guests.
                raise PlatformUnavailable(f"{exc} (being saved?)") from None
            raise MalformedAnswer(str(exc)) from None

    def _overlay(self, known: Mapping[str, Guest]) -> Generator[None, None, tuple[Guest, ...]]:
        """The listed guests with the statuses set at desks; a guest that reads as in
        ``known`` is that very object (see ``Backend.load_roster``)."""
        assert self._file is not None
        listed = self._file.guests
        results = self.results.results
        guests: list[Guest] = []
        add = guests.append
        matched = 0
        for lo in range(0, len(listed), BATCH):
            with collector_paused():  # no cycles made here, as in reading
                for guest in listed[lo : lo + BATCH]:
                    result = results.get(guest.id)
                    if result is not None:
                        matched += 1
                        guest = guest._replace(
                            status=result.status, changed_at=result.changed_at, status_label=""
                        )
                    old = known.get(guest.id)
                    add(old if old is not None and old == guest else guest)
            yield
        if (unmatched := len(results) - matched) != self._unmatched:
            self._unmatched = unmatched
            if unmatched:
                log.warning(
                    "%s: %d status(es) set at desks belong to no guest of %s now (their row "
                    "was removed, or its id changed); they stay in the results file",
                    self.results.path,
                    unmatched,
                    self.path.name,
                )
        return tuple(guests)

    @staticmethod
    def _unavailable(path: Path, exc: OSError) -> PlatformUnavailable:
        if isinstance(exc, FileNotFoundError):
            said = "is not there just now (a spreadsheet saving replaces it)"
        elif isinstance(exc, PermissionError):
            said = "is locked or not allowed (open in a spreadsheet?)"
        else:
            said = f"cannot be used just now ({exc.strerror or exc})"
        return PlatformUnavailable(f"{path} {said}; Kiosk tries again and keeps every change.")
