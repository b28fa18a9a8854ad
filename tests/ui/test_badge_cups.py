"""A badge through a real CUPS queue: a cups-pdf printer, where the machine has one
(``lpstat -v`` lists a ``cups-pdf:/`` device; ./dev test does not set one up, so
elsewhere this is skipped, saying why). CUPS takes the job from Qt, its filters and
cups-pdf write the page; Ghostscript (which cups-pdf brings) draws it, and ZXing reads
the QR code back: the ticket code survives the whole system queue at the label's size.
(cups-pdf re-encodes the fonts without a text map, so the words are checked on Qt's own
PDF in test_badge_render.py, not here.)"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pypdf
import pytest
import zxingcpp
from PySide6.QtGui import QImage

from kiosk.badges import BadgeSettings
from kiosk.domain import Status
from kiosk.sandbox import Sandbox
from kiosk.services.prints import PrintState
from kiosk.ui.badge_desk import attach_badges


def cups_pdf_queue() -> str | None:
    if shutil.which("lpstat") is None:
        return None
    try:
        listed = subprocess.run(["lpstat", "-v"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return None
    found = re.search(r"^device for (\S+): cups-pdf:/", listed.stdout, re.MULTILINE)
    return found.group(1) if found else None


def cups_pdf_folder() -> Path:
    """Where cups-pdf writes this user's files (its ``Out`` setting)."""
    out = "${HOME}/PDF"
    conf = Path("/etc/cups/cups-pdf.conf")
    if conf.exists():
        for line in conf.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("Out "):
                out = line.split(None, 1)[1].strip()
    home = pwd.getpwuid(os.getuid()).pw_dir
    return Path(out.replace("${HOME}", home))


QUEUE = cups_pdf_queue()
pytestmark = pytest.mark.skipif(
    QUEUE is None or shutil.which("gs") is None,
    reason="no cups-pdf queue on this machine (lpstat -v), or no Ghostscript",
)


def test_a_badge_goes_through_a_real_cups_queue_and_its_qr_scans(
    make_desk: Any, sandbox: Sandbox, qtbot: Any, tmp_path: Path
) -> None:
    assert QUEUE is not None
    desk = make_desk("sheepcrm", sandbox.info["sheepcrm"])
    badges = attach_badges(desk.window, None)
    settings = BadgeSettings(printer=QUEUE, size="brother-62x100", print_on_checkin=False)
    badges.printer.configure(settings, badges.printer.template)
    guest = next(g for g in desk.service.index.all() if g.status is Status.ACCEPTED)
    folder = cups_pdf_folder()
    # cups-pdf names a file by the job's title: the same guest's badge again replaces it.
    before = {p: p.stat().st_mtime_ns for p in folder.glob("*.pdf")} if folder.exists() else {}
    badges.printer.print_guest(guest.id)
    qtbot.wait_until(
        lambda: [p.state for p in desk.service.prints.all()] == [PrintState.QUEUED],
        timeout=20_000,
    )

    def written() -> list[Path]:
        if not folder.exists():
            return []
        return sorted(p for p in folder.glob("*.pdf") if before.get(p) != p.stat().st_mtime_ns)

    qtbot.wait_until(lambda: bool(written()), timeout=30_000)  # CUPS works on its own time
    pdf = written()[0]
    qtbot.wait_until(
        lambda: pdf.stat().st_size > 0 and pdf.read_bytes().rstrip().endswith(b"%%EOF"),
        timeout=10_000,
    )
    page = pypdf.PdfReader(pdf).pages[0]
    assert float(page.mediabox.width) == pytest.approx(100 / 25.4 * 72, abs=2)
    assert float(page.mediabox.height) == pytest.approx(62 / 25.4 * 72, abs=2)
    png = tmp_path / "page.png"
    subprocess.run(
        ["gs", "-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-sDEVICE=pnggray", "-r300",
         f"-sOutputFile={png}", str(pdf)],
        check=True, timeout=60,
    )  # fmt: skip
    image = QImage(str(png)).convertToFormat(QImage.Format.Format_Grayscale8)
    pixels = memoryview(image.constBits()).cast("B", (image.height(), image.bytesPerLine()))
    assert [found.text for found in zxingcpp.read_barcodes(pixels)] == [guest.ticket]
    badges.printer.shutdown()
