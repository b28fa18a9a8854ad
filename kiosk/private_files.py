"""Files and folders only their user can read: 0600 and 0700 on POSIX, whatever the umask.

What Kiosk keeps (guests' names and emails in the roster cache and snapshot, the outbox,
the log, the profile with the PIN's hash) is personal data. The modes are set
explicitly rather than left to the umask, which is often 022 (everything readable by
everyone on the computer). On Windows, the folders Kiosk uses are under the user's
profile, private by their ACLs (packaging/README.md says what to check); nothing is
done here.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700
POSIX = os.name == "posix"


def private_folder(folder: Path) -> Path:
    """Make ``folder`` (and any parent it needs) private to the user; an existing one
    is made private too (it is Kiosk's own folder). Returns ``folder``. A folder that
    cannot be made so (a read-only disk) is used as it is: its data is no less safe for
    Kiosk stopping, and a check-in saved counts for more."""
    missing: list[Path] = []
    for parent in (folder, *folder.parents):
        if parent.exists():
            break
        missing.append(parent)
    folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    if POSIX:
        for made in {*missing, folder}:  # mkdir's mode is masked by the umask
            with contextlib.suppress(OSError):
                made.chmod(FOLDER_MODE)
    return folder


def make_private(*files: Path) -> None:
    """Make the files that exist among ``files`` readable by their user only (as far as
    the disk lets: see ``private_folder``)."""
    if not POSIX:
        return
    for file in files:
        with contextlib.suppress(OSError):
            file.chmod(FILE_MODE)


def create_private(path: Path) -> None:
    """Create ``path`` empty and private if it is not there yet (SQLite then makes its
    log and shared-memory files with the same mode as the database file); one that is
    there already is made private."""
    if path.is_file():
        make_private(path)
        return
    if path.exists():
        return  # not a file: whoever opens it says what is wrong
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE)
    try:
        if POSIX:
            os.fchmod(fd, FILE_MODE)
    finally:
        os.close(fd)


def private_opener(path: str, flags: int) -> int:
    """An ``opener`` for ``open()``: a new file is created private to the user."""
    fd = os.open(path, flags, FILE_MODE)
    if POSIX and flags & os.O_CREAT:
        try:
            os.fchmod(fd, FILE_MODE)
        except BaseException:
            os.close(fd)
            raise
    return fd
