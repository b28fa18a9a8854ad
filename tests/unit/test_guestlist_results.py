"""The results file beside a guest list: written whole or not at all (a writer killed
mid-write, a failure between the temporary file and the rename), read back, shared."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.backends.guestlist.results import HEADER, ResultsFile, results_path_for
from kiosk.domain import Status
from kiosk.domain.errors import ConfigError

WHEN = datetime(2026, 5, 1, 18, 30, 15, 123456, tzinfo=UTC)


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8-sig").splitlines()


def test_the_results_file_sits_beside_the_list(tmp_path: Path) -> None:
    assert results_path_for(tmp_path / "guests.csv") == tmp_path / "guests.kiosk-results.csv"


def test_a_status_is_written_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "guests.kiosk-results.csv"
    results = ResultsFile(path)
    for n, status in enumerate(Status):
        results.record(f"g{n}", f"Guest Nº{n}", status, WHEN, "desk-1")
    assert lines(path)[0] == ",".join(HEADER)
    assert lines(path)[5] == f"g4,Guest Nº4,no-show,{WHEN.isoformat()},desk-1"
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel opens it as UTF-8
    again = ResultsFile(path)
    assert again.refresh()
    assert {gid: r.status for gid, r in again.results.items()} == {
        f"g{n}": status for n, status in enumerate(Status)
    }
    assert again.results["g0"].changed_at == WHEN
    assert not again.refresh()  # unchanged on disk: not read again


def test_a_guest_set_again_has_one_row_the_newest(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    results = ResultsFile(path)
    results.record("a", "A", Status.ATTENDED, WHEN, "d")
    results.record("b", "B", Status.ATTENDED, WHEN, "d")
    results.record("a", "A", Status.NO_SHOW, WHEN, "d")
    assert [line.split(",")[:3] for line in lines(path)[1:]] == [
        ["b", "B", "attended"],
        ["a", "A", "no-show"],
    ]


def test_two_desks_on_one_file_keep_each_others_rows(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    one, two = ResultsFile(path), ResultsFile(path)
    one.record("a", "A", Status.ATTENDED, WHEN, "desk-1")
    two.record("b", "B", Status.DECLINED, WHEN, "desk-2")
    one.record("c", "C", Status.ACCEPTED, WHEN, "desk-1")
    assert set(one.results) == {"a", "b", "c"}
    assert [line.split(",")[0] for line in lines(path)[1:]] == ["a", "b", "c"]


def test_rows_edited_by_hand_are_kept_but_not_used(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text(
        "id;name;status;changed_at;desk\n"  # saved again by a German Excel: semicolons
        f"a;Anna;attended;{WHEN.isoformat()};d\n"
        "b;Bob;maybe;yesterday;d\n"
        ";stray;;;\n",
        encoding="cp1252",
    )
    results = ResultsFile(path)
    results.record("c", "Carl", Status.ACCEPTED, WHEN, "d")
    assert set(results.results) == {"a", "c"}
    assert "b,Bob,maybe,yesterday,d" in lines(path)


def test_a_failure_between_the_temporary_file_and_the_rename_leaves_the_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "r.csv"
    results = ResultsFile(path)
    results.record("a", "A", Status.ATTENDED, WHEN, "d")
    before = path.read_bytes()

    def power_cut(src: object, dst: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", power_cut)
    with pytest.raises(OSError, match="Input/output"):
        results.record("b", "B", Status.NO_SHOW, WHEN, "d")
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.csv"]  # no temporary left
    assert set(results.results) == {"a"}  # what it holds is what is on disk
    results.record("b", "B", Status.NO_SHOW, WHEN, "d")  # and it goes on
    assert set(_read(path)) == {"a", "b"}


def _read(path: Path) -> dict[str, object]:
    results = ResultsFile(path)
    results.refresh()
    return dict(results.results)


WRITER = textwrap.dedent(
    """
    import sys
    from datetime import UTC, datetime
    from pathlib import Path
    from kiosk.backends.guestlist.results import ResultsFile
    from kiosk.domain import Status

    results = ResultsFile(Path(sys.argv[1]))
    statuses = list(Status)
    for n in range(100_000):
        results.record(f"g{n}", "Guest " + "x" * 300, statuses[n % 5], datetime.now(UTC), "d")
        if n == 50:
            print("writing", flush=True)
    """
)


def test_a_writer_killed_mid_write_leaves_the_last_whole_file(tmp_path: Path) -> None:
    """Each write rewrites the whole file (tens of KiB here): killed at random moments,
    the file on disk is always one complete version, rows g0 … gN and nothing torn."""
    path = tmp_path / "guests.kiosk-results.csv"
    rng = random.Random(14)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    torn = 0
    for _ in range(4):
        with subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, env=env, text=True
        ) as writer:
            assert writer.stdout is not None
            assert writer.stdout.readline().strip() == "writing"
            time.sleep(rng.uniform(0.01, 0.3))
            writer.send_signal(signal.SIGKILL)
            writer.wait(timeout=10)
        text = lines(path)
        assert text[0] == ",".join(HEADER)
        ids = [line.split(",")[0] for line in text[1:]]
        assert ids == [f"g{n}" for n in range(len(ids))]
        assert len(ids) > 50
        read = _read(path)
        assert len(read) == len(ids)  # every row reads: none torn
        path.unlink()
        temporaries = list(tmp_path.glob(".*.tmp"))  # killed between open and rename
        torn += bool(temporaries)
        for temporary in temporaries:
            temporary.unlink()
    print(f"{torn} of 4 kills landed mid-write")


def test_a_results_file_that_is_not_csv_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes(b"\x00\x01 binary")
    before = path.read_bytes()
    with pytest.raises(ConfigError, match=r"r\.csv"):
        ResultsFile(path).record("a", "A", Status.ATTENDED, WHEN, "d")
    assert path.read_bytes() == before
