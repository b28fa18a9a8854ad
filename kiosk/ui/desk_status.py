"""The desk window's status bar and connection banner: event, connection, changes waiting."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QLocale, QTimer, SignalInstance
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMainWindow, QPushButton

from kiosk.services.budget import QuotaWait
from kiosk.services.checkin import Connection
from kiosk.store.outbox import EntryState
from kiosk.ui.accessibility import speaks_value
from kiosk.ui.eliding_label import ElidingLabel
from kiosk.ui.service_words import in_language
from kiosk.ui.viewmodel import CheckinViewModel

# The texts are MainWindow's: each call names that translation context (lupdate reads it).
translate = QCoreApplication.translate


class DeskStatusBar(QMainWindow):
    """The part of ``MainWindow`` that says how things stand: the banner over the search
    when the platform cannot be reached, and the status bar (event, connection, changes
    waiting, changes that need attention).

    Its texts are ``MainWindow``'s: they are translated in that context, as they were
    when this was written inside the window class."""

    # The window's, used here.
    vm: CheckinViewModel
    platform_name: str
    show_changes: Callable[..., None]
    _minutes: Callable[[int], str]
    _changes_waiting: Callable[[int], str]
    settings_requested: SignalInstance

    def _build_banner(self) -> QFrame:
        """The banner shown over the search while the connection has a problem."""
        self.banner = QFrame()
        self.banner.setObjectName("connectionBanner")
        self.banner.setAccessibleName(translate("MainWindow", "Connection problem"))
        banner_layout = QHBoxLayout(self.banner)
        self.banner_text = QLabel()
        self.banner_text.setObjectName("connectionBannerText")
        self.banner_text.setWordWrap(True)
        banner_layout.addWidget(self.banner_text, 1)
        self.banner_retry = QPushButton(translate("MainWindow", "Try again now"))
        self.banner_retry.setObjectName("connectionRetry")
        self.banner_retry.setAccessibleName(
            translate("MainWindow", "Try to reach the platform again")
        )
        self.banner_retry.setMinimumHeight(48)
        self.banner_retry.clicked.connect(self.vm.reload)
        banner_layout.addWidget(self.banner_retry)
        self.banner_fix = QPushButton(translate("MainWindow", "Fix the key…"))
        self.banner_fix.setObjectName("connectionFixKey")
        self.banner_fix.setAccessibleName(translate("MainWindow", "Fix the API key in Settings"))
        self.banner_fix.setMinimumHeight(48)
        self.banner_fix.clicked.connect(self.settings_requested)
        self.banner_fix.hide()
        banner_layout.addWidget(self.banner_fix)
        self.banner.hide()
        return self.banner

    def _build_status_bar(self) -> None:
        status_bar = self.statusBar()
        status_bar.setObjectName("statusBar")
        status_bar.setAccessibleName(translate("MainWindow", "Status"))
        self.event_label = ElidingLabel()
        self.event_label.setObjectName("eventLabel")
        speaks_value(self.event_label, translate("MainWindow", "Event"))
        self.connection_label = QLabel()
        self.connection_label.setObjectName("connectionLabel")
        speaks_value(self.connection_label, translate("MainWindow", "Connection"))
        # Shown while the bandwidth budget, not the quota, spaces the guest list's refreshes.
        self.pace_label = QLabel()
        self.pace_label.setObjectName("paceLabel")
        speaks_value(self.pace_label, translate("MainWindow", "Guest list refreshes"))
        self.pace_label.hide()
        self.pending_label = QLabel()
        self.pending_label.setObjectName("pendingLabel")
        speaks_value(self.pending_label, translate("MainWindow", "Changes not yet delivered"))
        self.attention_button = QPushButton()
        self.attention_button.setObjectName("attentionButton")
        self.attention_button.setAccessibleName(
            translate("MainWindow", "Changes that need attention")
        )
        self.attention_button.clicked.connect(lambda: self.show_changes(attention=True))
        self.attention_button.hide()
        self.changes_button = QPushButton(translate("MainWindow", "Changes…"))
        self.changes_button.setObjectName("changesButton")
        self.changes_button.setAccessibleName(translate("MainWindow", "Changes made on this kiosk"))
        self.changes_button.setToolTip(
            translate("MainWindow", "Every change made here, with its outcome (Ctrl+L)")
        )
        self.changes_button.clicked.connect(lambda: self.show_changes(attention=False))
        status_bar.addWidget(self.event_label, 1)
        status_bar.addPermanentWidget(self.connection_label)
        status_bar.addPermanentWidget(self.pace_label)
        status_bar.addPermanentWidget(self.pending_label)
        status_bar.addPermanentWidget(self.attention_button)
        status_bar.addPermanentWidget(self.changes_button)

    def _start_status_timers(self) -> None:
        # The age of the oldest waiting change grows while offline: say so now and then.
        self._age_timer = QTimer(self)
        self._age_timer.setInterval(30_000)
        self._age_timer.timeout.connect(lambda: self._pending_changed(-1))
        self._age_timer.start()
        # While a queue drains, counts change hundreds of times a second; the status
        # bar (two queries and a restyle) follows at most ten times a second.
        self._pending_timer = QTimer(self)
        self._pending_timer.setSingleShot(True)
        self._pending_timer.setInterval(100)
        self._pending_timer.timeout.connect(self._show_pending)

    def _stop_status_timers(self) -> None:
        self._pending_timer.stop()  # the store closes after the window
        self._age_timer.stop()

    def _connection_changed(self, state: str, message: str) -> None:
        connection = Connection(state)
        words = {
            Connection.CONNECTING: translate("MainWindow", "Connecting…"),
            Connection.ONLINE: translate("MainWindow", "Online"),
            Connection.OFFLINE: translate("MainWindow", "Offline"),
            Connection.AUTH_FAILED: translate("MainWindow", "Key refused"),
            Connection.PROBLEM: translate("MainWindow", "Problem"),
        }
        self.connection_label.setText(f"● {words[connection]}")
        self.connection_label.setProperty("connection", connection.value)
        self.connection_label.setToolTip(message)
        self.connection_label.style().unpolish(self.connection_label)
        self.connection_label.style().polish(self.connection_label)
        if connection in (Connection.ONLINE, Connection.CONNECTING) and not message:
            self.banner.hide()
            return
        advice = {
            Connection.OFFLINE: translate(
                "MainWindow",
                "Can't reach %1. Changes are kept on this kiosk and sent when it answers again.",
            ),
            Connection.AUTH_FAILED: translate(
                "MainWindow", "%1 refused the API key: fix it in Settings (Ctrl+,)."
            ),
            Connection.PROBLEM: translate("MainWindow", "%1 reported a problem."),
            Connection.ONLINE: translate("MainWindow", "%1:"),
        }[connection].replace("%1", self.platform_name)
        refused = connection is Connection.AUTH_FAILED
        self.banner_fix.setVisible(refused)
        # The platform's own words on a refused key only repeat the advice (in the tip),
        # unless they name the bucket: sheepCRM's "not found" may mean either.
        plain = message and (not refused or "bucket '" in message)
        said = in_language(message) if plain else ""
        self.banner_text.setText(f"{advice}\n{said}" if said else advice)
        self.banner_text.setToolTip(message)
        self.banner.setProperty("connection", connection.value)
        self.banner.style().unpolish(self.banner)
        self.banner.style().polish(self.banner)
        self.banner.show()

    def _pending_changed_later(self, _count: int) -> None:
        if not self._pending_timer.isActive():
            self._pending_timer.start()

    def _age(self, seconds: float) -> str:
        if seconds < 60:
            return translate("MainWindow", "under a minute")
        if seconds < 3600:
            return self._minutes(int(seconds // 60))
        hours, minutes = int(seconds // 3600), int(seconds % 3600 // 60)
        return (
            translate("MainWindow", "%1 h %2 min")
            .replace("%1", str(hours))
            .replace("%2", str(minutes))
        )

    def _quota_line(self, held: QuotaWait) -> str:
        """Why changes wait for the platform's quota, and for how long."""
        window = {
            3600.0: translate("MainWindow", "an hour"),
            60.0: translate("MainWindow", "a minute"),
        }
        per = window.get(held.window) or translate("MainWindow", "every %1 s").replace(
            "%1", f"{held.window:g}"
        )
        eta = (
            translate("MainWindow", "%1 s").replace("%1", str(max(1, math.ceil(held.eta))))
            if held.eta < 60
            else self._minutes(math.ceil(held.eta / 60))
        )
        return (
            translate("MainWindow", "%1 allows %2 calls %3: %4, about %5")
            .replace("%1", held.platform)
            .replace("%2", f"{held.calls:,}")
            .replace("%3", per)
            .replace("%4", self._changes_waiting(held.waiting))
            .replace("%5", eta)
        )

    def _show_pending(self) -> None:
        self._pending_changed(-1)

    def _show_pace(self) -> None:
        """Say when the guest list is refreshed less often to keep within the bandwidth
        budget: a big list on a metered line looks stale otherwise, with no reason."""
        budget = self.vm.service.sender.budget
        pace = budget.bandwidth_pace() if budget is not None else None
        if pace is None:
            self.pace_label.hide()
            return
        every = (
            translate("MainWindow", "%1 s").replace("%1", str(max(1, math.ceil(pace.pause))))
            if pace.pause < 60
            else self._minutes(math.ceil(pace.pause / 60))
        )
        self.pace_label.setText(translate("MainWindow", "List every %1").replace("%1", every))
        locale, size = QLocale(), pace.roster_bytes / 1e6
        self.pace_label.setToolTip(
            translate(
                "MainWindow",
                "The guest list is %1 MB: it is refreshed every %2 to keep within %3 MB an "
                "hour (bandwidth in the profile).",
            )
            .replace("%1", locale.toString(size, "f", 1 if size < 10 else 0))
            .replace("%2", every)
            .replace("%3", locale.toString(round(pace.per_hour / 1e6)))
        )
        self.pace_label.show()

    def _pending_changed(self, count: int) -> None:
        self._show_pace()
        service = self.vm.service
        if count < 0:
            count = service.pending_count()
        if count == 0:
            self.pending_label.setText(translate("MainWindow", "✓ All changes delivered"))
        else:
            waiting = self._changes_waiting(count)
            oldest = service.outbox.oldest_pending()
            if oldest is not None:
                age = self._age((datetime.now(UTC) - oldest).total_seconds())
                waiting = (
                    translate("MainWindow", "%1, oldest %2")
                    .replace("%1", waiting)
                    .replace("%2", age)
                )
            if (held := service.sender.quota_wait()) is not None:
                waiting = self._quota_line(held)
            self.pending_label.setText(waiting)
        attention = service.outbox.counts()[EntryState.NEEDS_ATTENTION]
        self.attention_button.setText(
            translate("MainWindow", "⚠ %1 need attention").replace("%1", str(attention))
        )
        self.attention_button.setVisible(attention > 0)
        self.pending_label.setProperty("pending", count > 0)
        self.pending_label.style().unpolish(self.pending_label)
        self.pending_label.style().polish(self.pending_label)
