"""Start-up without Qt: stage timing, imports ahead of Qt, the cached roster and its snapshot."""

from __future__ import annotations

import dataclasses
import logging
import pickle
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.domain import Event, Guest
from kiosk.runtime import collector_paused
from kiosk.store.roster import load_cached_roster, roster_version
from kiosk.store.snapshot import Snapshot, read_snapshot, snapshot_path, write_snapshot

if TYPE_CHECKING:
    from kiosk.services.checkin import CheckinService
    from kiosk.store.local import LocalStore

log = logging.getLogger("kiosk")

#: When this module was first imported (with ``kiosk.app``, at the start of the
#: process): start-up stages are logged against it.
_IMPORTED = time.perf_counter()
_stages: list[tuple[str, float]] = []


def stage(name: str) -> None:
    """Note a start-up stage (logged with the others once the window is usable)."""
    _stages.append((name, time.perf_counter() - _IMPORTED))


def say_ready(service: CheckinService) -> None:
    """The line scripts and the start-up benchmark wait for: the window is usable."""
    stage("ready")
    log.info(
        "start-up: %s (CPU %.3f s)",
        ", ".join(f"{name} {at:.3f} s" for name, at in _stages),
        time.process_time(),
    )
    print(f"Kiosk ready: {service.connection.value}, {len(service.index)} guests", flush=True)


def import_before_qt() -> None:
    """Import the Qt-free modules start-up needs before PySide6: once imported, PySide6
    hooks every import (its ``__feature__`` check), which makes the same imports slower."""
    import httpcore  # noqa: F401 - httpx imports it when the first client is built
    import httpx  # noqa: F401

    import kiosk.backends.attendu
    import kiosk.backends.sheepcrm
    import kiosk.pin
    import kiosk.services.checkin
    import kiosk.store.local  # noqa: F401


@dataclasses.dataclass(frozen=True, slots=True)
class CachedRoster:
    """The roster as this kiosk last saw it: from the start-up snapshot (guests by index
    slot, with the built index tables) or from the SQLite cache (no tables)."""

    event: Event
    guests: Sequence[Guest | None]
    saved_at: datetime
    index_state: dict[str, Any] | None = None


def read_cached_roster(store: LocalStore) -> CachedRoster | None:
    """The roster cached on disk, read on a connection of its own (run in a thread):
    the start-up snapshot when it still matches the cache, else the cache itself."""
    reader = store.reader()
    # Reading makes a million objects and no cycles; collections meanwhile would walk
    # the growing heap again and again.
    try:
        with collector_paused():
            snapshot = read_snapshot(snapshot_path(store.path), roster_version(reader))
            if snapshot is not None:
                return CachedRoster(
                    snapshot.event, snapshot.guests, snapshot.saved_at, snapshot.index_state
                )
            cached = load_cached_roster(reader)
            return CachedRoster(*cached) if cached is not None else None
    finally:
        reader.close()


def open_and_read(path: Path) -> tuple[LocalStore, str | None, CachedRoster | None]:
    """Open the store at ``path`` and read its cached roster (in a worker thread). A
    failure after opening closes the store again."""
    from kiosk.store.local import open_store

    store, damage = open_store(path)
    try:
        return store, damage, read_cached_roster(store)
    except BaseException:
        store.close()
        raise


def save_snapshot(service: CheckinService, store: LocalStore) -> None:
    """Keep a start-up snapshot of the roster and its index beside the store, tagged
    with the cached roster's version (skipped when there is nothing consistent to keep)."""
    version = store.roster.version()
    source = service.snapshot_source()
    if not version or source is None or service.event is None:
        return
    guests, state = source
    saved_at = service.roster_saved_at or datetime.now(UTC)
    try:
        write_snapshot(
            snapshot_path(store.path), Snapshot(version, service.event, saved_at, guests, state)
        )
    except (OSError, pickle.PicklingError) as exc:
        log.warning("could not write the start-up snapshot: %s", exc)
