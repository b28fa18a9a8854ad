"""The badge printing process: badges are drawn and spooled in a process of their own.

Not a thread: PySide6 keeps Python's GIL through its C++ calls, and QPainter's ``end()``
on a printer (the PDF or the spool job written, ~20 ms) held it that long, stalling the
window's loop by 25-45 ms at every badge (benchmarks/badges.py). The child reads one job
a line (JSON) on stdin and answers one line on stdout; it ends when stdin closes.

It is Kiosk itself started again with ``KIOSK_BADGE_WORKER`` set (``kiosk.app.main``
serves here first), so the same command works from a source tree and from the bundle."""

from __future__ import annotations

import dataclasses
import json
import os
import sys
import time
from typing import Any

from kiosk.badges import BadgeContent, BadgeLayout, BadgeTemplate, layout_badge, size_named

ENV = "KIOSK_BADGE_WORKER"


def job_line(key: str, layout: BadgeLayout, printer: str, title: str) -> bytes:
    job = {
        "key": key, "printer": printer, "title": title, "size": layout.size.key,
        "template": dataclasses.asdict(layout.template),
        "content": dataclasses.asdict(layout.content),
    }  # fmt: skip
    return (json.dumps(job) + "\n").encode("utf-8")


def _layout(job: dict[str, Any]) -> BadgeLayout:
    template = BadgeTemplate(**job["template"])
    return layout_badge(size_named(job["size"]), template, BadgeContent(**job["content"]))


def serve() -> int:
    """The child's main: print each job, answer ``{"key", "failure", "detail", "ms"}``."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # it shows no window
    from PySide6.QtGui import QGuiApplication

    from kiosk.ui.badge_printer import Failure, PrintFailed, print_badge

    app = QGuiApplication([sys.argv[0], "-platform", "offscreen"])
    app.setApplicationName("kiosk-badges")
    out = sys.stdout
    print(json.dumps({"ready": True}), file=out, flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        began = time.perf_counter()
        failure, detail, key = "", "", ""
        try:
            job = json.loads(line)
            key = str(job["key"])
            print_badge(_layout(job), str(job["printer"]), str(job["title"]))
        except PrintFailed as exc:
            failure, detail = exc.failure.value, exc.detail
        except Exception as exc:  # a driver's surprise: said, and the next badge goes
            failure, detail = Failure.REFUSED.value, f"{type(exc).__name__}: {exc}"
        ms = round((time.perf_counter() - began) * 1000, 1)
        answer = {"key": key, "failure": failure, "detail": detail, "ms": ms}
        print(json.dumps(answer), file=out, flush=True)
    return 0
