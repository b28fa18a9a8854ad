"""*Check connection* in the set-up dialog, clicked as a person would, against the real
sandbox over HTTP: the verdict and the report of ``kiosk --check`` for the form's values."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kiosk.runtime import collect_garbage
from kiosk.sandbox import Modes
from kiosk.ui.qt_async import TaskSet
from kiosk.ui.setup_dialog import SetupDialog, SetupViewModel
from kiosk.ui.translations import Translations

pytestmark = pytest.mark.usefixtures("qloop")


@pytest.fixture(autouse=True)
def _collect_closed_loop():
    """Free the closed qasync loop on the main thread (see test_setup_dialog.py)."""
    yield
    collect_garbage()


@pytest.fixture
def dialog(qtbot, keys, config_home):
    view = SetupDialog(SetupViewModel("default", tasks=TaskSet(), keystore=keys))
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    return view


def connect_attendu(qtbot, view, conn):
    view.platform_field.setCurrentIndex(view.platform_field.findData("attendu"))
    for field, text in ((view.url_field, conn["base_url"]), (view.key_field, conn["api_key"])):
        field.clear()
        qtbot.keyClicks(field, text)
    assert not view.check.button.isEnabled()  # nothing to check before Connect
    qtbot.mouseClick(view.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.chosen_event() == conn["event"])


def check(qtbot, view):
    qtbot.waitUntil(view.check.button.isEnabled)
    qtbot.mouseClick(view.check.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(view.check.report.isVisible, timeout=20_000)
    return view.check.verdict.text(), view.check.report.toPlainText()


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "✗ The desk cannot work with this account: see below."),
        ("de", "✗ Mit diesem Konto kann der Empfang nicht arbeiten: siehe unten."),
    ],
)
def test_a_workspace_that_pages_otherwise_is_shown_with_the_line_that_fixes_it(
    qapp, qtbot, keys, config_home, sandbox, language, said
):
    translations = Translations(qapp)
    translations.use(language)
    try:
        dialog = SetupDialog(SetupViewModel("default", tasks=TaskSet(), keystore=keys))
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        sandbox.set_modes(Modes(attendu_paging="page/per_page"))
        connect_attendu(qtbot, dialog, sandbox.info["attendu"])
        verdict, report = check(qtbot, dialog)
        dialog.grab().save(f"/tmp/setup_check_{language}.png")
    finally:
        translations.uninstall()
    assert verdict == said
    button = dialog.check.button
    assert button.sizeHint().width() <= button.width()  # the whole label shows
    assert dialog.height() <= 768 - 40  # a laptop screen, less its title bar
    assert 'paging = "page/per_page"' in report
    assert "✗ paging: Attendu pages the guest list with page/per_page" in report
    assert "✓ roster: The guest list is whole" in report
    assert dialog.save_button.isEnabled()  # the check only reads; saving is still offered
    assert not any(r.method != "GET" for r in sandbox.requests("attendu"))


def test_an_account_as_kiosk_expects_it_can_work(qtbot, dialog, sandbox):
    connect_attendu(qtbot, dialog, sandbox.info["attendu"])
    verdict, report = check(qtbot, dialog)
    assert verdict == "✓ The desk can work."
    assert "✓ key: Attendu accepted the API key." in report
    qtbot.keyClicks(dialog.url_field, "x")  # another address: that report no longer holds
    assert not dialog.check.report.isVisible()
    assert not dialog.check.button.isEnabled()
