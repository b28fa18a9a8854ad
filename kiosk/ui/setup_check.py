"""The set-up dialog's *Check connection*: the button, and what ``kiosk --check`` found."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from kiosk.services.probe_report import Report
from kiosk.ui.setup_viewmodel import SetupViewModel
from kiosk.ui.setup_widgets import TOUCH_PX, TouchButton

# Lines of the report in view before it scrolls: the dialog must still fit a laptop.
REPORT_LINES = 6
# Each finding's verdict as a mark before it.
MARKS = {"ok": "✓", "warning": "!", "problem": "✗", "not checked": "·"}


class SetupCheck(QWidget):
    """After a check, its verdict and the whole report, read-only. ``button`` (enabled
    once the events are loaded) is the dialog's to place; it starts the check."""

    def __init__(self, vm: SetupViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._can = False  # the events are loaded: the form's values connect
        self.setObjectName("setupCheck")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.button = TouchButton(self.tr("C&heck connection"))
        self.button.setObjectName("checkButton")
        self.button.setAccessibleName(
            self.tr("Check everything Kiosk needs from this account and event")
        )
        self.button.setMinimumHeight(TOUCH_PX)
        self.button.setEnabled(False)
        self.verdict = QLabel()
        self.verdict.setObjectName("checkVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.hide()
        layout.addWidget(self.verdict)
        self.report = QPlainTextEdit()
        self.report.setObjectName("checkReport")
        self.report.setAccessibleName(self.tr("What the check found"))
        self.report.setReadOnly(True)
        self.report.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        lines = self.report.fontMetrics().lineSpacing() * REPORT_LINES
        self.report.setFixedHeight(lines + 12)
        self.report.hide()
        layout.addWidget(self.report)
        vm.events_loaded.connect(lambda _events: self._ready(True))
        vm.connection_forgotten.connect(lambda: self._ready(False))
        vm.busy_changed.connect(lambda busy: self.button.setEnabled(not busy and self._can))
        vm.checked.connect(self.show_report)

    def _ready(self, can: bool) -> None:
        self._can = can
        self.button.setEnabled(can)
        if not can:
            self.verdict.hide()
            self.report.clear()
            self.report.hide()

    def show_report(self, report: Report) -> None:
        if not report.desk_can_work:
            said = self.tr("✗ The desk cannot work with this account: see below.")
        elif any(finding.verdict == "warning" for finding in report.findings):
            said = self.tr("✓ The desk can work, with warnings: see below.")
        else:
            said = self.tr("✓ The desk can work.")
        self.verdict.setText(said)
        self.verdict.show()
        self.report.show()
        self.report.setPlainText(self._plain(report))

    def _plain(self, report: Report) -> str:
        """The findings one after another, wrapped by the box (the terminal's columns
        would not fit it): a mark, the check, what was found, then the evidence."""
        lines: list[str] = []
        for finding in report.findings:
            lines.append(f"{MARKS[finding.verdict]} {finding.check}: {finding.summary}")
            lines.extend(f"      {line}" for line in finding.evidence)
        fix = report.fix_lines()
        if fix:
            lines += ["", self.tr("Put these lines in the profile:"), *fix]
        return "\n".join(lines)
