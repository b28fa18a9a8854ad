"""Help → About (and F1) shows the version, the application id and the log file."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from kiosk import __version__
from kiosk.app import Desk, assemble, build_backend
from kiosk.config import APP_ID
from kiosk.sandbox import Sandbox
from kiosk.store.outbox import Outbox
from kiosk.ui.about import AboutDialog, show_about
from kiosk.ui.qt_async import TaskSet


def _label(dialog: AboutDialog, name: str) -> QLabel:
    found = dialog.findChild(QLabel, name)
    assert found is not None, name
    return found


def _button(dialog: AboutDialog, name: str) -> QPushButton:
    found = dialog.findChild(QPushButton, name)
    assert found is not None, name
    return found


def test_about_names_version_id_and_log_file(qtbot: Any, tmp_path: Path) -> None:
    log_file = tmp_path / "log" / "kiosk.log"
    dialog = AboutDialog(log_file)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.objectName() == "aboutDialog"
    assert dialog.accessibleName()
    assert __version__ in _label(dialog, "aboutTitle").text()
    assert _label(dialog, "aboutAppId").text() == APP_ID
    assert _label(dialog, "aboutLogFile").text() == str(log_file)
    assert "Qt " in _label(dialog, "aboutRuntime").text()
    for name in ("aboutCopyLogPath", "aboutOpenLogFolder", "aboutClose"):
        button = _button(dialog, name)
        assert button.accessibleName()
        assert button.minimumHeight() >= 48
    for label in dialog.findChildren(QLabel):
        if label.objectName().startswith("about") and label.objectName() != "aboutIcon":
            assert label.accessibleName(), label.objectName()

    _button(dialog, "aboutCopyLogPath").click()
    assert QGuiApplication.clipboard().text() == str(log_file)
    _button(dialog, "aboutClose").click()
    assert not dialog.isVisible()


def test_about_without_a_log_file(qtbot: Any) -> None:
    dialog = AboutDialog(None)
    qtbot.addWidget(dialog)
    assert "Not written to a file" in _label(dialog, "aboutLogFile").text()
    assert not _button(dialog, "aboutCopyLogPath").isEnabled()
    assert not _button(dialog, "aboutOpenLogFolder").isEnabled()


@pytest.fixture
def desk(
    qloop: asyncio.AbstractEventLoop, qtbot: Any, tmp_path: Path, sandbox: Sandbox
) -> Iterator[Desk]:
    connection = sandbox.info["attendu"]
    backend, http = build_backend("attendu", connection, connection["api_key"])
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    made = assemble(backend, outbox, TaskSet(), kiosk_id="desk-about", platform="attendu")
    made.window.show()
    qtbot.wait_exposed(made.window)
    yield made
    closing = qloop.create_task(_close(http))
    qtbot.wait_until(closing.done, timeout=5000)
    outbox.close()
    made.window.allow_close = True
    made.window.close()
    made.window.deleteLater()
    gc.collect()


async def _close(http: httpx.AsyncClient) -> None:
    await http.aclose()


def test_help_menu_and_f1_ask_for_about(desk: Desk, qtbot: Any, tmp_path: Path) -> None:
    window = desk.window
    opened: list[AboutDialog] = []
    # The same wiring as run_app.
    window.about_requested.connect(
        lambda: opened.append(show_about(tmp_path / "kiosk.log", window))
    )
    assert window.about_action.objectName() == "aboutAction"
    assert [a.text() for a in window.menuBar().actions()][-1] == "&Help"  # Help is last

    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.wait_until(lambda: len(opened) == 1 and opened[0].isVisible())
    dialog = opened[0]
    assert dialog.parent() is window
    assert QApplication.activeModalWidget() in (dialog, None)  # open(): window-modal
    assert _label(dialog, "aboutLogFile").text() == str(tmp_path / "kiosk.log")
    with qtbot.waitSignal(dialog.destroyed, timeout=5000):  # it deletes itself
        _button(dialog, "aboutClose").click()

    window.about_action.trigger()
    qtbot.wait_until(lambda: len(opened) == 2 and opened[1].isVisible())
    opened[1].reject()
