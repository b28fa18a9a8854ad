"""What every benchmark shares: the sandbox process, percentiles, the machine."""

from __future__ import annotations

import contextlib
import json
import os
import platform
import resource
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DISTRIBUTIONS = ("kiosk-checkin", "PySide6-Essentials", "qasync", "httpx", "httpcore", "sniffio")


@contextlib.contextmanager
def sandbox_process(guests: int, seed: int = 1) -> Iterator[dict[str, Any]]:
    """A sandbox with ``guests`` people in a process of its own (so its CPU and memory
    are not the measured process's); yields its info (URLs, events, keys)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.serve", "--guests", str(guests), "--seed", str(seed)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        if not line:
            raise RuntimeError("the sandbox process ended before it served")
        yield json.loads(line)
    finally:
        if proc.stdin is not None:
            proc.stdin.close()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def set_faults(info: dict[str, Any], **faults: Any) -> None:
    """Change the sandbox's faults at run time (its control route)."""
    request = urllib.request.Request(
        f"{info['url']}/_sandbox/faults",
        data=json.dumps(faults).encode(),
        method="PUT",
        headers={"content-type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as answer:
        answer.read()


def percentile(values: Sequence[float], share: float) -> float:
    """The nearest-rank percentile (``share`` in 0..1) of a non-empty sequence."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))
    return ordered[rank]


def peak_rss_mb() -> float:
    """This process's peak resident memory, MB (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_child(module: str, *args: str, timeout: float = 600) -> dict[str, Any]:
    """Run ``python -m module args`` and read the JSON object it prints last."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    done = subprocess.run(
        [sys.executable, "-m", module, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
        cwd=ROOT,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{module} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def machine() -> dict[str, Any]:
    from importlib.metadata import version

    load = os.getloadavg()
    return {
        "cpus": os.cpu_count(),
        "cpu": _cpu_name(),
        "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "os": platform.platform(),
        "load_average_1m": round(load[0], 2),
        "python": platform.python_version(),
        "versions": {
            **{name: version(name) for name in DISTRIBUTIONS},
            "sqlite": __import__("sqlite3").sqlite_version,
        },
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }


class CpuSteal:
    """The share of this machine's CPU time the hypervisor gave to others (``steal`` in
    /proc/stat) between ``CpuSteal()`` and ``percent()``: on a shared virtual machine,
    time in which no program here could run. None where the kernel does not say."""

    def __init__(self) -> None:
        self._start = _cpu_times()

    def percent(self) -> float | None:
        end = _cpu_times()
        if self._start is None or end is None:
            return None
        spent = [after - before for before, after in zip(self._start, end, strict=True)]
        total = sum(spent)
        return round(100 * spent[7] / total, 1) if total > 0 and len(spent) > 7 else None


def _cpu_times() -> list[int] | None:
    with contextlib.suppress(OSError, ValueError), open("/proc/stat", encoding="ascii") as stat:
        fields = stat.readline().split()
        if fields and fields[0] == "cpu":
            return [int(value) for value in fields[1:]]
    return None


def _cpu_name() -> str:
    with contextlib.suppress(OSError), open("/proc/cpuinfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "?"
