"""Printing badges off the loop: each badge is drawn and handed to the system's queue (or
written as a PDF) in the badge process (``kiosk.ui.badge_worker``), and the outcome comes
back as a signal."""

from __future__ import annotations

import enum
import json
import logging
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QProcess, QProcessEnvironment, Signal
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from kiosk.badges import BadgeLayout, BadgeSettings, BadgeTemplate, content_of, layout_badge
from kiosk.badges.sizes import size_named
from kiosk.services.checkin import CheckinService
from kiosk.services.prints import BadgePrint, PrintState
from kiosk.ui.badge_render import page_layout, paint_badge
from kiosk.ui.badge_worker import ENV, job_line
from kiosk.ui.plain import clean

log = logging.getLogger(__name__)


class Failure(enum.StrEnum):
    """Why a badge did not reach the queue; the window words it (translated)."""

    NOT_FOUND = "not-found"  # no system printer of that name
    OFF = "off"  # the queue says it is stopped or in error
    REFUSED = "refused"  # the printer or file would not open


class PrintFailed(Exception):
    def __init__(self, failure: Failure, detail: str = "") -> None:
        super().__init__(detail or failure.value)
        self.failure = failure
        self.detail = detail


def failure_words(failure: str, printer: str) -> str:
    """Why a badge did not print, in the window's language."""
    name = clean(printer, 80)
    words = {
        Failure.NOT_FOUND: QCoreApplication.translate("badges", "printer “%1” is not found"),
        Failure.OFF: QCoreApplication.translate("badges", "printer “%1” is off or stopped"),
        Failure.REFUSED: QCoreApplication.translate("badges", "printer “%1” did not take it"),
    }
    return words.get(Failure(failure), words[Failure.REFUSED]).replace("%1", name)


def is_pdf(printer: str) -> bool:
    return printer.strip().lower().endswith(".pdf")


def print_badge(layout: BadgeLayout, printer_name: str, title: str) -> None:
    """Draw the badge and hand it to ``printer_name`` (a system queue, or a .pdf file).
    Runs on the worker thread; raises PrintFailed."""
    if is_pdf(printer_name):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        path = Path(printer_name).expanduser()
        try:  # said plainly here, not as Qt's "QPainter::begin(): Returned false"
            path.open("ab").close()
        except OSError as exc:
            raise PrintFailed(Failure.REFUSED, f"{path}: {exc.strerror}") from exc
        printer.setOutputFileName(str(path))
    else:
        info = QPrinterInfo.printerInfo(printer_name)
        if info.isNull():
            raise PrintFailed(Failure.NOT_FOUND, printer_name)
        if info.state() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
            raise PrintFailed(Failure.OFF, printer_name)
        printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)
    printer.setPageLayout(page_layout(layout.size))
    printer.setDocName(title)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailed(Failure.REFUSED, printer_name)
    try:
        paint_badge(painter, layout, printer.resolution() / 25.4)
    finally:
        painter.end()
    if printer.printerState() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
        raise PrintFailed(Failure.REFUSED, printer_name)


class BadgePrinter(QObject):
    """Badges for guests of the desk's service, with the profile's ``BadgeSettings``.

    ``print_guest`` returns at once: the record is started (``service.prints``), the
    layout is made on the loop (microseconds), and drawing and spooling go to the badge
    process (``kiosk.ui.badge_worker``), talked to through a QProcess: no thread, no
    waiting. Printing never touches the check-in: it is recorded before this is called,
    and a failure only says so.

    Signals:
        started(str, str): print key, guest id: a badge went to the badge process.
        finished(str, str, str, str): print key, guest id, '' or a ``Failure`` value, and
            the printer's name; also in ``service.prints``.
        settings_changed(): the printer, size, template or print-on-check-in changed.
    """

    started = Signal(str, str)
    finished = Signal(str, str, str, str)
    settings_changed = Signal()

    def __init__(
        self, service: CheckinService, settings: BadgeSettings, template: BadgeTemplate,
        parent: QObject | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.service = service
        self.settings = settings
        self.template = template
        self._process: QProcess | None = None
        self._ready = False
        self._waiting: list[bytes] = []  # jobs written once the process is up
        self._out = b""
        #: print key → guest id, for the jobs the process has not answered yet
        self._open: dict[str, str] = {}
        #: print key → (monotonic seconds asked, answer read): benchmarks read it.
        self.timings: dict[str, tuple[float, float]] = {}
        self._asked: dict[str, float] = {}
        if self.enabled:
            self._start()  # Qt starts in the child now, not when the first guest waits

    @property
    def enabled(self) -> bool:
        return self.settings.enabled

    def configure(self, settings: BadgeSettings, template: BadgeTemplate) -> None:
        self.settings, self.template = settings, template
        if self.enabled:
            self._start()
        self.settings_changed.emit()

    def layout_for(self, guest_id: str) -> BadgeLayout | None:
        guest = self.service.guest(guest_id)
        if guest is None:
            return None
        event = self.service.event
        content = content_of(guest, event.title if event else "", self.template)
        return layout_badge(size_named(self.settings.size), self.template, content)

    def printed_count(self, guest_id: str) -> int:
        return self.service.prints.count_for(guest_id)

    def print_guest(self, guest_id: str) -> BadgePrint | None:
        """Send one badge to the printer (None: badges are off or no such guest)."""
        layout = self.layout_for(guest_id) if self.enabled else None
        if layout is None:
            return None
        printer = self.settings.printer.strip()
        record = self.service.prints.started(
            guest_id, layout.content.name, printer, self.settings.size
        )
        self._asked[record.key] = time.monotonic()
        self._open[record.key] = guest_id
        line = job_line(record.key, layout, printer, f"Badge: {layout.content.name}")
        self._start()
        if self._ready and self._process is not None:
            self._process.write(line)
        else:
            self._waiting.append(line)
        self.started.emit(record.key, guest_id)
        return record

    def shutdown(self, wait_ms: int = 3000) -> None:
        """No more badges: the process ends once the badges it has are out (bounded)."""
        process, self._process = self._process, None
        if process is None:
            return
        process.blockSignals(True)  # its end is expected now, not a failure to report
        process.closeWriteChannel()
        if not process.waitForFinished(wait_ms):
            process.kill()
            process.waitForFinished(1000)

    # -- the badge process --------------------------------------------------------------

    def _start(self) -> None:
        if self._process is not None:
            return
        process = QProcess(self)
        env = QProcessEnvironment.systemEnvironment()
        env.insert(ENV, "1")
        env.insert("QT_QPA_PLATFORM", "offscreen")
        process.setProcessEnvironment(env)
        process.readyReadStandardOutput.connect(self._read)
        process.readyReadStandardError.connect(
            lambda: log.warning(
                "badge process: %s",
                bytes(process.readAllStandardError().data()).decode(errors="replace").strip(),
            )
        )
        process.errorOccurred.connect(lambda error: self._broke(process, error))
        process.finished.connect(lambda _code, _status: self._broke(process, None))
        self._process, self._ready, self._out = process, False, b""
        frozen = getattr(sys, "frozen", False)
        process.start(sys.executable, [] if frozen else ["-m", "kiosk"])

    def _read(self) -> None:
        process = self._process
        if process is None:
            return
        self._out += bytes(process.readAllStandardOutput().data())
        *lines, self._out = self._out.split(b"\n")
        for line in lines:
            try:
                answer = json.loads(line)
            except ValueError:
                log.warning("badge process said: %r", line[:200])
                continue
            if answer.get("ready"):
                self._ready = True
                for job in self._waiting:
                    process.write(job)
                self._waiting.clear()
                continue
            self._finish(str(answer["key"]), str(answer["failure"]), str(answer["detail"]))

    def _broke(self, process: QProcess, error: QProcess.ProcessError | None) -> None:
        """The process could not start or ended: its open jobs failed; the next badge
        starts a new one."""
        if process is not self._process:
            return  # one already shut down or replaced
        log.error("badge process stopped (%s)", error)
        process.deleteLater()
        self._process, self._ready = None, False
        self._waiting.clear()
        for key in list(self._open):
            self._finish(key, Failure.REFUSED.value, "the badge process stopped")

    def _finish(self, key: str, failure: str, detail: str) -> None:
        guest_id = self._open.pop(key, None)
        if guest_id is None:
            return
        self.timings[key] = (self._asked.pop(key, 0.0), time.monotonic())
        state = PrintState.FAILED if failure else PrintState.QUEUED
        record = self.service.prints.finished(key, state, failure)
        printer = record.printer if record else ""
        if failure:
            log.warning("badge for guest %s not printed on %s: %s (%s)", guest_id, printer,
                        failure, detail)  # fmt: skip
        else:
            log.info("badge for guest %s handed to %s", guest_id, printer)
        self.finished.emit(key, guest_id, failure, printer)
