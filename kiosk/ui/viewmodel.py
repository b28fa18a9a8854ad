"""The check-in view-model: the service's events as Qt signals, user intent as methods."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QObject, Signal

from kiosk.domain import Guest, Status, StatusChange
from kiosk.services.checkin import CheckinService, Conflict, Connection, GuestSync
from kiosk.services.numbers import LiveNumbers
from kiosk.ui.qt_async import TaskSet

#: The same code scanned again within this many seconds is a double scan, not a new one.
REPEAT_SCAN_S = 4.0


@dataclasses.dataclass(frozen=True, slots=True)
class ScanOutcome:
    """What one scan found and did: ``guests`` holding the code exactly; ``repeated``: a
    double scan, nothing done; ``checked_in``: set to attended by this scan;
    ``already_in``: was attended before it; ``declined``: declined, so not checked in
    without asking."""

    code: str
    guests: list[Guest]
    repeated: bool = False
    checked_in: bool = False
    already_in: bool = False
    declined: bool = False


#: At most this many guests are listed at once (see ``CheckinViewModel.search``).
LIST_LIMIT = 500


class CheckinViewModel(QObject):
    """Binds a CheckinService to widgets; widgets never await anything themselves.

    Signals:
        roster_changed(): the whole guest list was (re)loaded.
        guest_changed(str): one guest's shown data changed (by id).
        sync_changed(str): one guest's delivery state changed (by id).
        connection_changed(str, str): connection state value and message.
        pending_count_changed(int): changes saved here and not yet delivered.
        busy_changed(bool): a roster load is running.
        conflict_raised(str, object): the status (wire) picked, and the guest as
            changed elsewhere since, which the pick would overwrite; the window asks.
        scan_checks_in_changed(bool): the "check in on scan" setting changed.
        load_progress(int, int): a first roster load has read so many guests of a total
            (-1: not announced).
        change_made(object): a person's pick was recorded (the ``StatusChange``): it
            can be undone for a while.
    """

    roster_changed = Signal()
    guest_changed = Signal(str)
    sync_changed = Signal(str)
    connection_changed = Signal(str, str)
    pending_count_changed = Signal(int)
    busy_changed = Signal(bool)
    conflict_raised = Signal(str, object)
    scan_checks_in_changed = Signal(bool)
    status_recorded = Signal(str, str)  # guest id, status wire: a pick saved (badges listen)
    load_progress = Signal(int, int)
    change_made = Signal(object)

    def __init__(self, tasks: TaskSet, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._service: CheckinService | None = None
        self._scan_checks_in = False
        self._last_scan: tuple[str, float] | None = None
        #: The desk's live numbers, when the toolkit keeps them (written with an export).
        self.numbers: LiveNumbers | None = None

    def bind(self, service: CheckinService) -> None:
        self._service = service

    @property
    def tasks(self) -> TaskSet:
        return self._tasks

    @property
    def service(self) -> CheckinService:
        if self._service is None:
            raise RuntimeError("view-model used before bind()")
        return self._service

    # -- intent -------------------------------------------------------------------------

    def reload(self) -> None:
        self._tasks.spawn(self._reload(), name="roster load")

    async def _reload(self) -> None:
        self.busy_changed.emit(True)
        try:
            await self.service.load_roster()
        finally:
            self.busy_changed.emit(False)

    def set_status(self, guest_id: str, status: Status, *, force: bool = False) -> None:
        if not self.service.capabilities.can_write(status):
            return
        if self.service.needs_look(guest_id, status, force=force):
            # An old view on a platform that reads one guest: look, then decide.
            self._tasks.spawn(self._pick(guest_id, status), name="look, then pick")
            return
        self._outcome(guest_id, status, self.service.set_status(guest_id, status, force=force))

    async def _pick(self, guest_id: str, status: Status) -> None:
        self._outcome(guest_id, status, await self.service.pick(guest_id, status))

    def _outcome(
        self, guest_id: str, status: Status, outcome: StatusChange | Conflict | None
    ) -> None:
        if isinstance(outcome, Conflict):
            self.conflict_raised.emit(status.wire, outcome.guest)
        elif outcome is not None:
            self.change_made.emit(outcome)
            self.status_recorded.emit(guest_id, status.wire)

    def retry(self, guest_id: str) -> None:
        self.service.retry(guest_id)

    def retry_change(self, key: str) -> None:
        self.service.retry_entry(key)

    def discard_change(self, key: str) -> None:
        self.service.discard_entry(key)

    # -- scans --------------------------------------------------------------------------

    @property
    def scan_checks_in(self) -> bool:
        """Whether a scan that finds exactly one guest checks them in at once."""
        return self._scan_checks_in

    def set_scan_checks_in(self, on: bool) -> None:
        if on != self._scan_checks_in:
            self._scan_checks_in = on
            self.scan_checks_in_changed.emit(on)

    def scan(self, code: str, now: float) -> ScanOutcome:
        """Look a scanned code up exactly; with ``scan_checks_in``, check a single match
        in. The same code again within ``REPEAT_SCAN_S`` (by ``now``, seconds) checks
        no one in: a double scan must not be applied twice. Anything else a repeat finds
        as the first scan did (the guest opens again, an unknown code is said again)."""
        code = code.strip()
        last = self._last_scan
        guests = self.service.index.lookup_code(code)
        if len(guests) != 1 or not self._scan_checks_in:
            return ScanOutcome(code, guests)
        if last is not None and last[0] == code and now - last[1] < REPEAT_SCAN_S:
            return ScanOutcome(code, guests, repeated=True)
        self._last_scan = (code, now)
        guest = guests[0]
        if guest.status is Status.ATTENDED:
            return ScanOutcome(code, guests, already_in=True)
        if guest.status is Status.DECLINED:  # they said no: a person decides, not a scan
            return ScanOutcome(code, guests, declined=True)
        if not self.service.capabilities.can_write(Status.ATTENDED):
            return ScanOutcome(code, guests)
        self.set_status(guest.id, Status.ATTENDED)
        shown = self.service.guest(guest.id)
        return ScanOutcome(
            code, guests, checked_in=shown is not None and shown.status is Status.ATTENDED
        )

    def search(self, text: str) -> list[Guest]:
        """The first ``LIST_LIMIT`` matches (everyone, A-Z, for an empty search): at
        100,000 guests a person types rather than scrolls, and listing them all held
        the window for ~0.1 s each time the roster changed."""
        return self.service.search(text, limit=LIST_LIMIT)

    def guest_count(self) -> int:
        return len(self.service.index)


class ServiceEvents:
    """Adapter from the service's listener calls to the view-model's signals (kept apart
    so Qt signal names and listener method names never collide)."""

    def __init__(self, vm: CheckinViewModel) -> None:
        self._vm = vm

    def roster_changed(self) -> None:
        self._vm.roster_changed.emit()

    def guest_changed(self, guest: Guest) -> None:
        self._vm.guest_changed.emit(guest.id)

    def sync_changed(self, guest_id: str, sync: GuestSync) -> None:
        self._vm.sync_changed.emit(guest_id)

    def connection_changed(self, state: Connection, message: str) -> None:
        self._vm.connection_changed.emit(state.value, message)

    def pending_changed(self, count: int) -> None:
        self._vm.pending_count_changed.emit(count)

    def roster_progress(self, loaded: int, total: int | None) -> None:
        self._vm.load_progress.emit(loaded, -1 if total is None else total)
