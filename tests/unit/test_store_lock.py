"""One Kiosk per profile and event: the store's lock refuses a second holder, and a
holder killed without a goodbye never blocks the next start."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.store.lock import ALREADY_RUNNING, AlreadyRunning, lock_path, one_kiosk_per_store

HOLD = """
import sys, time
from pathlib import Path
from kiosk.store.lock import one_kiosk_per_store
with one_kiosk_per_store(Path(sys.argv[1])):
    print("locked", flush=True)
    time.sleep(120)
"""


def test_a_second_holder_is_refused_until_the_first_lets_go(tmp_path: Path) -> None:
    store = tmp_path / "kiosk" / "default-attendu-e1.sqlite3"
    with one_kiosk_per_store(store):
        with pytest.raises(AlreadyRunning) as refused, one_kiosk_per_store(store):
            pytest.fail("two holders")
        assert str(refused.value) == ALREADY_RUNNING
        assert refused.value.holder == str(os.getpid())
    with one_kiosk_per_store(store):  # let go: the next one starts
        pass
    if os.name == "posix":
        assert stat.S_IMODE(lock_path(store).stat().st_mode) == 0o600


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_a_holder_killed_with_sigkill_never_blocks_a_start(tmp_path: Path) -> None:
    store = tmp_path / "default-attendu-e1.sqlite3"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(store)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(AlreadyRunning) as refused, one_kiosk_per_store(store):
            pytest.fail("two holders")
        assert refused.value.holder == str(holder.pid)
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
    finally:
        if holder.poll() is None:
            holder.kill()
        holder.communicate(timeout=10)
    assert lock_path(store).exists()  # the file stays, its lock went with the process
    with one_kiosk_per_store(store):
        pass
