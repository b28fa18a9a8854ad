"""Storage trouble as a state: a failed outbox write said once, retried with backoff."""

from __future__ import annotations

import asyncio
import dataclasses
import enum
import errno
import logging
import os
import sqlite3
from collections.abc import Callable

from kiosk.store.outbox import EntryState, Outbox

log = logging.getLogger(__name__)


class StorageProblem(enum.StrEnum):
    FULL = "full"
    READ_ONLY = "read-only"
    OTHER = "other"


@dataclasses.dataclass(frozen=True, slots=True)
class StorageFault:
    """Why the outbox cannot be written: the window words it (translated) from these."""

    problem: StorageProblem
    folder: str
    detail: str


def problem_of(exc: BaseException) -> StorageProblem:
    """What kind of trouble an SQLite or OS error reports."""
    name = getattr(exc, "sqlite_errorname", "")
    number = getattr(exc, "errno", None)
    if name == "SQLITE_FULL" or number in (errno.ENOSPC, errno.EDQUOT):
        return StorageProblem.FULL
    if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH")):
        return StorageProblem.READ_ONLY
    if number in (errno.EROFS, errno.EACCES, errno.EPERM):
        return StorageProblem.READ_ONLY
    return StorageProblem.OTHER


class StorageWatch:
    """Whether the outbox can be written now, and the outcomes it owes the file.

    A write that fails (a full disk, a read-only folder) turns on the fault: it is
    logged and told to the watchers once, not at every try. Outcomes learnt meanwhile
    (a change delivered) are kept here and written when the file takes writes again;
    ``run`` tries that with backoff, and clears the fault by itself once a real write
    goes through. Everything here runs on the event loop's thread."""

    def __init__(self, outbox: Outbox, *, base: float = 0.5, cap: float = 10.0) -> None:
        self.outbox = outbox
        self.fault: StorageFault | None = None
        #: change key → (state, message) known in memory, not yet in the file.
        self.owed: dict[str, tuple[EntryState, str]] = {}
        self._base, self._cap = base, cap
        self._watchers: list[Callable[[StorageFault | None], None]] = []
        self._trouble = asyncio.Event()

    def watch(self, watcher: Callable[[StorageFault | None], None]) -> None:
        """Call ``watcher`` with the fault when one starts, with None when it ends."""
        self._watchers.append(watcher)

    @property
    def failing(self) -> bool:
        return self.fault is not None

    def failed(self, exc: BaseException) -> None:
        """A write failed: the fault starts (said once), and ``run`` retries."""
        self._trouble.set()
        if self.fault is not None:
            return
        folder = os.path.dirname(self.outbox.file()) or self.outbox.file()
        self.fault = StorageFault(problem_of(exc), folder, str(exc))
        log.error("cannot write to %s (%s): changes made now cannot be saved; "
                  "saved changes are still sent", folder, exc)  # fmt: skip
        self._tell()

    def write(self, action: Callable[[], None]) -> bool:
        """Run one outbox write; False (and the fault) when the file refused it."""
        try:
            action()
        except sqlite3.Error as exc:
            self.failed(exc)
            return False
        return True

    def mark(self, key: str, state: EntryState, message: str = "") -> None:
        """Move a change to ``state`` in the file, or keep that for later."""
        if key in self.owed or not self.write(lambda: self.outbox.mark(key, state, message)):
            self.owed[key] = (state, message)

    def owed_pending(self) -> int:
        """Changes pending in the file whose outcome is known already."""
        return len(self.owed)

    async def run(self) -> None:
        """While a fault lasts, try the file again with backoff (cancel to stop)."""
        delay = self._base
        while True:
            await self._trouble.wait()
            await asyncio.sleep(delay)
            delay = self._base if self._recover() else min(self._cap, delay * 2)

    def _recover(self) -> bool:
        try:
            for key, (state, message) in list(self.owed.items()):
                self.outbox.mark(key, state, message)
                del self.owed[key]
            self.outbox.try_write()
        except sqlite3.Error:
            return False
        self._trouble.clear()
        if self.fault is not None:
            log.warning("%s can be written again: changes are saved again", self.fault.folder)
            self.fault = None
            self._tell()
        return True

    def _tell(self) -> None:
        for watcher in list(self._watchers):
            watcher(self.fault)
