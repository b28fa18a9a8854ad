"""End of the event: the no-show sweep's preview, confirmation (the staff PIN where one
is set), progress with cancel, and its result."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain import Guest, Status
from kiosk.pin import PinThrottle, Verdict, verify_pin
from kiosk.services.sweep import NoShowSweep, SweepState, candidates
from kiosk.ui.guest_pane import NAME_CHARS
from kiosk.ui.plain import clean
from kiosk.ui.viewmodel import CheckinViewModel

#: Guests listed in the preview; the rest are counted.
PREVIEW_ROWS = 1000


class SweepDialog(QDialog):
    """Non-modal: the door keeps working while the sweep is delivered."""

    def __init__(
        self,
        vm: CheckinViewModel,
        parent: QWidget | None = None,
        *,
        pin_hash: str = "",
        throttle: PinThrottle | None = None,
    ) -> None:
        super().__init__(parent)
        self.vm = vm
        self.pin_hash = pin_hash
        self.throttle = throttle or PinThrottle()
        self.sweep: NoShowSweep | None = None
        self.guests: list[Guest] = []
        self.setObjectName("sweepDialog")
        self.setWindowTitle(self.tr("Kiosk — end of the event"))
        self.resize(640, 560)
        layout = QVBoxLayout(self)
        self.headline = self._label("sweepHeadline")
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.headline.setFont(font)
        layout.addWidget(self.headline)
        self.explain = self._label("sweepExplain")
        layout.addWidget(self.explain)
        self.preview = QListWidget()
        self.preview.setObjectName("sweepPreview")
        self.preview.setAccessibleName(self.tr("Guests who would be marked no-show"))
        layout.addWidget(self.preview, 1)
        self.pin = QLineEdit()
        self.pin.setObjectName("sweepPin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(self.tr("Staff PIN"))
        self.pin.setAccessibleName(self.tr("Staff PIN"))
        self.pin.setMinimumHeight(48)
        self.pin.returnPressed.connect(self._confirm)
        layout.addWidget(self.pin)
        self.progress = QProgressBar()
        self.progress.setObjectName("sweepProgress")
        self.progress.hide()
        layout.addWidget(self.progress)
        self.message = self._label("sweepMessage")
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.confirm = QPushButton()
        self.confirm.setObjectName("sweepConfirm")
        self.confirm.setDefault(True)
        self.confirm.clicked.connect(self._confirm)
        self.stop = QPushButton(self.tr("Cancel"))
        self.stop.setObjectName("sweepCancel")
        self.stop.clicked.connect(self._cancel)
        for button in (self.stop, self.confirm):
            button.setMinimumHeight(48)
            buttons.addWidget(button)
        buttons.insertStretch(0, 1)
        layout.addLayout(buttons)
        self._timer = QTimer(self)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self._show_progress)

    def _label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        return label

    @property
    def running(self) -> bool:
        return self.sweep is not None and self.sweep.progress().state in (
            SweepState.RECORDING,
            SweepState.DELIVERING,
        )

    def prepare(self) -> None:
        """Fill the preview with who is accepted and not arrived now (not while a sweep
        runs: it keeps its own list)."""
        if self.running:
            return
        service = self.vm.service
        self.sweep = None
        self.guests = candidates(service)
        count = len(self.guests)
        self.headline.setText(
            self.tr("Mark the %n accepted guest(s) who did not come as no-show", "", count)
        )
        self.preview.clear()
        for guest in self.guests[:PREVIEW_ROWS]:
            name = clean(guest.name or guest.ticket, NAME_CHARS)
            extra = " · ".join(clean(part, 40) for part in (guest.ticket_type, guest.ticket)
                               if part)  # fmt: skip
            self.preview.addItem(f"{name}  —  {extra}" if extra else name)
        if count > PREVIEW_ROWS:
            self.preview.addItem(self.tr("… and %1 more").replace("%1", str(count - PREVIEW_ROWS)))
        blocked = self._blocked()
        self.explain.setText(
            blocked
            or self.tr(
                "Each is saved on this kiosk first and sent at the platform's pace; offline,"
                " they wait and go when it answers. They show in the Changes list and the"
                " export. Cancel withdraws what is not sent yet."
            )
        )
        self.pin.setVisible(bool(self.pin_hash) and not blocked and count > 0)
        self.pin.clear()
        self.progress.hide()
        self.message.clear()
        self.confirm.setText(self.tr("Mark %n as no-show", "", count))
        self.confirm.setEnabled(count > 0 and not blocked)
        self.confirm.show()
        self.stop.setText(self.tr("Cancel"))

    def _blocked(self) -> str:
        caps = self.vm.service.capabilities
        if Status.NO_SHOW in caps.derived:
            return self.tr(
                "%1 keeps no no-show state: once the event has ended it shows the accepted"
                " guests who did not check in as no-show by itself. Nothing to send."
            ).replace("%1", caps.display_name)
        return caps.reason(Status.NO_SHOW) or ""

    def _confirm(self) -> None:
        if not self.confirm.isEnabled() or self.sweep is not None:
            return
        if self.pin_hash:
            self.confirm.setEnabled(False)
            self.vm.tasks.spawn(self._check_pin(self.pin.text()), name="sweep PIN")
        else:
            self._start()

    async def _check_pin(self, pin: str) -> None:
        if not self.throttle.allows():
            attempt = self.throttle.refused()
        else:
            right = await asyncio.to_thread(verify_pin, pin, self.pin_hash)
            attempt = self.throttle.record(right)
        if attempt.verdict is Verdict.ACCEPTED:
            self._start()
            return
        self.pin.clear()
        self.confirm.setEnabled(True)
        if attempt.verdict is Verdict.LOCKED or attempt.wait > 0:
            self.message.setText(self.tr("Wrong PIN. Try again in %1 s.")
                                 .replace("%1", str(round(attempt.wait))))  # fmt: skip
        else:
            self.message.setText(self.tr("Wrong PIN."))

    def _start(self) -> None:
        self.sweep = NoShowSweep(self.vm.service, self.guests, on_progress=self._show_progress)
        self.pin.hide()
        self.confirm.hide()
        self.stop.setText(self.tr("Stop and withdraw the rest"))
        self.progress.setRange(0, max(1, len(self.guests)))
        self.progress.setValue(0)
        self.progress.show()
        self.vm.tasks.spawn(self.sweep.run(), name="no-show sweep")
        self._timer.start()

    def _cancel(self) -> None:
        if self.running and self.sweep is not None:
            self.sweep.cancel()
            return
        self.close()

    def _show_progress(self) -> None:
        if self.sweep is None:
            return
        done = self.sweep.progress()
        self.progress.setValue(done.delivered + done.failed + done.skipped + done.withdrawn)
        counts = (
            self.tr("%1 of %2 sent · %3 waiting · %4 need attention")
            .replace("%1", str(done.delivered))
            .replace("%2", str(done.planned))
            .replace("%3", str(done.waiting))
            .replace("%4", str(done.failed))
        )
        if done.skipped:
            counts += " · " + self.tr("%1 skipped (changed meanwhile)").replace(
                "%1", str(done.skipped)
            )
        if done.state in (SweepState.RECORDING, SweepState.DELIVERING):
            self.message.setText(counts)
            return
        if done.waiting == 0:  # after a cancel, changes on the wire still answer
            self._timer.stop()
        self.stop.setText(self.tr("Close"))
        if done.state is SweepState.CANCELLED:
            verdict = self.tr("Stopped: %1 withdrawn before they were sent.").replace(
                "%1", str(done.withdrawn)
            )
        else:
            verdict = self.tr("Done. The no-shows are in the Changes list and the export.")
        self.message.setText(f"{verdict}\n{counts}")
