"""One Kiosk per profile and event: an OS file lock beside the store, gone with its process.

Two Kiosks on one outbox would each take the same waiting change and send it: Attendu
would count the party twice. The lock is the operating system's (``flock`` on POSIX,
``msvcrt.locking`` on Windows), held on an open file for as long as the process lives:
a Kiosk killed by SIGKILL or a power cut leaves a file behind but no lock, so a crash
never blocks the next start. The file is never deleted (a deleted lock file lets a
third process lock a new file while the second still holds the old one).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from kiosk.private_files import create_private, private_folder

log = logging.getLogger(__name__)

ALREADY_RUNNING = "Kiosk is already running for this event on this computer."


class AlreadyRunning(Exception):
    """Another Kiosk holds this profile and event's store."""

    def __init__(self, lock_path: Path, holder: str = "") -> None:
        self.lock_path = lock_path
        self.holder = holder  # the other process's id as it wrote it, when readable
        super().__init__(ALREADY_RUNNING)


def lock_path(store_path: Path) -> Path:
    """Where the lock for the store at ``store_path`` is kept (beside it)."""
    return store_path.with_name(store_path.name + ".lock")


@contextlib.contextmanager
def one_kiosk_per_store(store_path: Path) -> Iterator[Path]:
    """Hold the store's lock for the block; ``AlreadyRunning`` if another process does."""
    path = lock_path(store_path)
    private_folder(path.parent)
    try:
        create_private(path)
        fd = os.open(path, os.O_RDWR)
    except OSError:
        try:  # a read-only folder: a lock is still taken on a file opened to read
            fd = os.open(path, os.O_RDONLY)
        except OSError as exc:
            log.warning("cannot lock %s (%s): a second Kiosk would not be stopped", path, exc)
            yield path
            return
    try:
        if not _try_lock(fd):
            raise AlreadyRunning(path, _holder(fd))
        try:
            _write_holder(fd)  # for a person looking: which process holds it
            yield path
        finally:
            _unlock(fd)
    finally:
        os.close(fd)


def _holder(fd: int) -> str:
    with contextlib.suppress(OSError):
        return os.pread(fd, 32, 0).decode("ascii", "replace").strip() if POSIX else ""
    return ""


def _write_holder(fd: int) -> None:
    if POSIX:  # on Windows the locked byte cannot be read or written by others anyway
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)


POSIX = sys.platform != "win32"

if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        except OSError as exc:  # a file system without locks: run, as before there was one
            log.warning("cannot lock the store (%s): a second Kiosk would not be stopped", exc)
        return True

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
