"""The picture the check-in services share: platform guests, this kiosk's changes, connection."""

from __future__ import annotations

import dataclasses
import enum
from datetime import UTC, datetime
from typing import Protocol

from kiosk.domain import (
    AuthRejected,
    Guest,
    PlatformError,
    PlatformUnavailable,
    RateLimited,
    Status,
)
from kiosk.search import SearchIndex
from kiosk.services.storage import StorageWatch
from kiosk.store.outbox import Outbox


class Delivery(enum.StrEnum):
    """Where one guest's latest change is, as the window shows it."""

    SAVED = "saved"  # in the outbox on this kiosk, not yet on the wire
    SENT = "sent"  # on the wire, no answer yet
    SYNCED = "synced"  # the platform confirmed it
    FAILED = "failed"  # refused, or in conflict with a newer change: needs a person


class Connection(enum.StrEnum):
    CONNECTING = "connecting"
    ONLINE = "online"
    OFFLINE = "offline"
    AUTH_FAILED = "auth-failed"
    PROBLEM = "problem"


@dataclasses.dataclass(frozen=True, slots=True)
class GuestSync:
    delivery: Delivery
    status: Status
    message: str = ""
    at: datetime = dataclasses.field(default_factory=lambda: datetime.now(UTC))


class CheckinListener(Protocol):
    """What the service tells the window (a view-model implements this)."""

    def roster_changed(self) -> None: ...
    def guest_changed(self, guest: Guest) -> None: ...
    def sync_changed(self, guest_id: str, sync: GuestSync) -> None: ...
    def connection_changed(self, state: Connection, message: str) -> None: ...
    def pending_changed(self, count: int) -> None: ...


class DeskState:
    """The in-memory picture the roster sync, the sender and the desk front share.

    The displayed guest is the platform's view overlaid with this kiosk's undelivered
    change, so a status picked at the door shows at once and survives until the
    platform confirms or refuses it (a refusal restores the platform's status).
    """

    def __init__(
        self, listener: CheckinListener, outbox: Outbox, storage: StorageWatch | None = None
    ) -> None:
        self.listener = listener
        self.outbox = outbox
        #: Whether the outbox takes writes; what it owes the file meanwhile.
        self.storage = storage or StorageWatch(outbox)
        self.index = SearchIndex()
        self.connection = Connection.CONNECTING
        self.connection_message = ""
        #: The platform's view of each guest, by id.
        self.platform: dict[str, Guest] = {}
        #: This kiosk's latest change per guest, where it is on its way.
        self.sync: dict[str, GuestSync] = {}
        #: Guests whose platform status changed under us (another desk, the platform's
        #: own UI): picking over it asks first. Our own delivered statuses are in ``ours``.
        self.elsewhere: dict[str, Guest] = {}
        self.ours: dict[str, Status] = {}

    def restore_pending_overlay(self) -> None:
        """After a restart, changes still in the outbox show as saved on this kiosk."""
        for entry in self.outbox.pending():
            self.sync[entry.change.guest_id] = GuestSync(
                Delivery.SAVED, entry.change.status, entry.message, entry.change.door_time
            )  # keeps the door time of the change, not the restart's
        for entry in self.outbox.needing_attention():
            gid = entry.change.guest_id
            if gid not in self.sync:
                self.sync[gid] = GuestSync(Delivery.FAILED, entry.change.status, entry.message)

    def displayed(self, guest: Guest) -> Guest:
        sync = self.sync.get(guest.id)
        if sync and sync.delivery in (Delivery.SAVED, Delivery.SENT):
            return guest.with_status(sync.status, sync.at)  # shown with the door time
        return guest

    def update_sync(self, guest_id: str, sync: GuestSync) -> None:
        self.sync[guest_id] = sync
        platform_guest = self.platform.get(guest_id)
        if platform_guest is not None:
            shown = self.displayed(platform_guest)
            self.index.update(shown)
            self.listener.guest_changed(shown)
        self.listener.sync_changed(guest_id, sync)

    def connection_ok(self) -> None:
        if self.connection in (Connection.OFFLINE, Connection.AUTH_FAILED, Connection.CONNECTING):
            self.set_connection(Connection.ONLINE, "")

    def connection_from_error(self, exc: PlatformError) -> None:
        if isinstance(exc, AuthRejected):  # its message names the platform and the fix
            self.set_connection(Connection.AUTH_FAILED, str(exc))
        elif isinstance(exc, PlatformUnavailable | RateLimited):
            self.set_connection(Connection.OFFLINE, str(exc))
        else:
            self.set_connection(Connection.PROBLEM, str(exc))

    def set_connection(self, state: Connection, message: str) -> None:
        if (state, message) == (self.connection, self.connection_message):
            return
        self.connection = state
        self.connection_message = message
        self.listener.connection_changed(state, message)
