"""The check-in view-model: the service's events as Qt signals, user intent as methods."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from kiosk.domain import Guest, Status
from kiosk.services.checkin import CheckinService, Conflict, Connection, GuestSync
from kiosk.ui.qt_async import TaskSet


class CheckinViewModel(QObject):
    """Binds a CheckinService to widgets; widgets never await anything themselves.

    Signals:
        roster_changed(): the whole guest list was (re)loaded.
        guest_changed(str): one guest's shown data changed (by id).
        sync_changed(str): one guest's delivery state changed (by id).
        connection_changed(str, str): connection state value and message.
        pending_count_changed(int): changes saved here and not yet delivered.
        busy_changed(bool): a roster load is running.
        conflict_raised(str, str, str): guest id, status (wire) and why a pick would
            overwrite a newer change made elsewhere; the window asks the person.
    """

    roster_changed = Signal()
    guest_changed = Signal(str)
    sync_changed = Signal(str)
    connection_changed = Signal(str, str)
    pending_count_changed = Signal(int)
    busy_changed = Signal(bool)
    conflict_raised = Signal(str, str, str)

    def __init__(self, tasks: TaskSet, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._service: CheckinService | None = None

    def bind(self, service: CheckinService) -> None:
        self._service = service

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
        outcome = self.service.set_status(guest_id, status, force=force)
        if isinstance(outcome, Conflict):
            self.conflict_raised.emit(guest_id, status.wire, outcome.message)

    def retry(self, guest_id: str) -> None:
        self.service.retry(guest_id)

    def retry_change(self, key: str) -> None:
        self.service.retry_entry(key)

    def discard_change(self, key: str) -> None:
        self.service.discard_entry(key)

    def search(self, text: str) -> list[Guest]:
        # Everyone for an empty search (the view is virtual); the best 500 otherwise.
        return self.service.search(text, limit=None if not text.strip() else 500)


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
