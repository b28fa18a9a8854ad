"""Unexpected exceptions: logged with their traceback, then a calm, non-blocking message
that names the log file, while the app (and its outbox) carries on."""

from __future__ import annotations

import asyncio
import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from kiosk.logs import Redactor

log = logging.getLogger(__name__)

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


class CrashReporter(QObject):
    """Installs itself as ``sys.excepthook`` (and ``threading.excepthook``): each
    unexpected exception is logged with its traceback and shown in one message box,
    opened with ``open()`` so no nested event loop ever runs. Nothing else is touched:
    the outbox, the sender and the window carry on as they were.

    Signals:
        reported(str): an exception was logged; the argument is its redacted one-line
            summary. Emitted from any thread, handled on the GUI thread.
    """

    reported = Signal(str)

    def __init__(
        self, log_file: Path | None, redactor: Redactor, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.log_file = log_file
        self.redactor = redactor
        self.box: QMessageBox | None = None
        self.count = 0
        self._previous_hook: Any = None
        self._previous_thread_hook: Any = None
        # Queued when emitted from another thread, direct on the GUI thread.
        self.reported.connect(self._show, Qt.ConnectionType.AutoConnection)

    # -- installing ---------------------------------------------------------------------

    def install(self) -> None:
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread

    def uninstall(self) -> None:
        if sys.excepthook == self.handle:
            sys.excepthook = self._previous_hook
        if threading.excepthook == self._handle_thread:
            threading.excepthook = self._previous_thread_hook

    # -- hooks --------------------------------------------------------------------------

    def handle(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        """``sys.excepthook``: Qt slots, qasync slots and background tasks end up here."""
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        try:
            log.critical("unexpected error", exc_info=(exc_type, exc, tb))
            summary = self.redactor.redact(
                "".join(traceback.format_exception_only(exc_type, exc)).strip()
            )
            self.reported.emit(summary)
        except Exception:  # never let reporting an error raise another one
            sys.__excepthook__(exc_type, exc, tb)

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    # -- showing ------------------------------------------------------------------------

    def _show(self, summary: str) -> None:
        app = QApplication.instance()
        if app is None or QThread.currentThread() is not app.thread():
            return
        self.count += 1
        box = self.box
        if box is None or not box.isVisible():
            box = self._new_box()
            self.count = 1
        box.setInformativeText(self._informative_text())
        box.setDetailedText(summary)
        if not box.isVisible():
            box.open()  # window-modal, returns at once: no nested exec()

    def _new_box(self) -> QMessageBox:
        parent: QWidget | None = QApplication.activeWindow()
        box = QMessageBox(parent)
        box.setObjectName("crashMessage")
        box.setAccessibleName(self.tr("Kiosk hit a problem"))
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Kiosk hit a problem"))
        box.setText(self.tr("Something unexpected went wrong, but Kiosk is still running."))
        # The log path is meant to be copied into a message to whoever supports the kiosk.
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        ok = box.button(QMessageBox.StandardButton.Ok)
        ok.setObjectName("crashMessageOk")
        ok.setAccessibleName(self.tr("Close this message"))
        ok.setMinimumHeight(48)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.box = box
        return box

    def _informative_text(self) -> str:
        parts = [
            self.tr("Check-ins saved on this kiosk are kept and will still be sent."),
            self.tr(
                "If it happens again, restart Kiosk and give its log file to whoever set it up:"
            )
            + "\n"
            + (
                str(self.log_file)
                if self.log_file is not None
                else self.tr("(the log could not be written to a file; it went to the console)")
            ),
        ]
        if self.count > 1:
            parts.append(self.tr("This has happened %1 times.").replace("%1", str(self.count)))
        return "\n\n".join(parts)


def route_asyncio_errors(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    """An asyncio exception handler that sends a callback's exception to
    ``sys.excepthook`` (so to the reporter) instead of only asyncio's log line."""
    exc = context.get("exception")
    if isinstance(exc, BaseException):
        sys.excepthook(type(exc), exc, exc.__traceback__)
    else:
        loop.default_exception_handler(context)
