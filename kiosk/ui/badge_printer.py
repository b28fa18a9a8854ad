"""Printing badges off the loop: each badge is drawn and handed to the system's queue (or
written as a PDF) on one worker thread, and the outcome comes back as a signal."""

from __future__ import annotations

import concurrent.futures
import enum
import logging
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from kiosk.badges import BadgeLayout, BadgeSettings, BadgeTemplate, content_of, layout_badge
from kiosk.badges.sizes import size_named
from kiosk.services.checkin import CheckinService
from kiosk.services.prints import BadgePrint, PrintState
from kiosk.ui.badge_render import page_layout, paint_badge
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
    layout is made on the loop (a few microseconds), and drawing and spooling go to the
    worker thread. Printing never touches the check-in: it is recorded before this is
    called, and a failure only says so.

    Signals:
        started(str, str): print key, guest id: a badge went to the worker.
        finished(str, str, str, str): print key, guest id, '' or a ``Failure`` value, and
            the printer's name; also in ``service.prints``.
        settings_changed(): the printer, size, template or print-on-check-in changed.
    """

    started = Signal(str, str)
    finished = Signal(str, str, str, str)
    settings_changed = Signal()
    _done = Signal(str, str, str, str)  # from the worker thread; queued to this thread

    def __init__(
        self, service: CheckinService, settings: BadgeSettings, template: BadgeTemplate,
        parent: QObject | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.service = service
        self.settings = settings
        self.template = template
        self._pool = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="badges")
        self._done.connect(self._finish)
        #: print key → (monotonic seconds asked, handed to the queue): benchmarks read it.
        self.timings: dict[str, tuple[float, float]] = {}

    @property
    def enabled(self) -> bool:
        return self.settings.enabled

    def configure(self, settings: BadgeSettings, template: BadgeTemplate) -> None:
        self.settings, self.template = settings, template
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
        asked = time.monotonic()
        key = record.key
        title = f"Badge: {layout.content.name}"

        def job() -> None:
            failure, detail = "", ""
            try:
                print_badge(layout, printer, title)
            except PrintFailed as exc:
                failure, detail = exc.failure.value, exc.detail
            except Exception as exc:  # a driver's surprise must not kill the worker
                log.exception("badge print failed")
                failure, detail = Failure.REFUSED.value, str(exc)
            self.timings[key] = (asked, time.monotonic())
            self._done.emit(key, guest_id, failure, detail)

        self._pool.submit(job)
        self.started.emit(key, guest_id)
        return record

    def _finish(self, key: str, guest_id: str, failure: str, detail: str) -> None:
        state = PrintState.FAILED if failure else PrintState.QUEUED
        record = self.service.prints.finished(key, state, failure)
        printer = record.printer if record else detail
        if failure:
            log.warning("badge for guest %s not printed on %s: %s", guest_id, printer, failure)
        else:
            log.info("badge for guest %s handed to %s", guest_id, printer)
        self.finished.emit(key, guest_id, failure, printer)

    def shutdown(self) -> None:
        """Stop taking badges; one being spooled finishes on its own."""
        self._pool.shutdown(wait=False, cancel_futures=True)
