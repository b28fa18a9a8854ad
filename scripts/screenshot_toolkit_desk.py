"""Screenshots of the desk toolkit in the real window on the sandbox: a party partly in
(Attendu's head-count), the rows of one booking (sheepCRM) and the walk-in form, at
1280x800 and 1024x640, in English and German.

Run: QT_QPA_PLATFORM=offscreen python scripts/screenshot_toolkit_desk.py [docs/toolkit]
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication

from kiosk import app as kiosk_app
from kiosk.app import Desk
from kiosk.domain import Status
from kiosk.sandbox import Sandbox
from kiosk.services.checkin import Delivery
from kiosk.store.outbox import Outbox
from kiosk.ui.desk_toolkit import DeskToolkit
from kiosk.ui.qt_async import TaskSet, run
from kiosk.ui.translations import Translations
from kiosk.ui.walkin_dialog import WalkInDialog

ROOT = Path(__file__).resolve().parents[1]
SIZES = ((1280, 800), (1024, 640))
LANGUAGES = ("en", "de")


async def _until(condition: Callable[[], bool], seconds: float = 10.0) -> None:
    for _ in range(int(seconds / 0.02)):
        if condition():
            return
        await asyncio.sleep(0.02)


def _synced(desk: Desk, guest_id: str) -> bool:
    sync = desk.service.sync_state(guest_id)
    return sync is not None and sync.delivery is Delivery.SYNCED


async def party(desk: Desk) -> None:
    """An Attendu party of three or more (two when none), one of them in."""
    service = desk.service
    lead = max(
        (g for g in service.index.all() if g.status is Status.ACCEPTED),
        key=lambda g: g.party_size,
    )
    desk.window.search.setText(lead.last_name)
    desk.window._select_row(desk.window.model.row_of(lead.id) or 0)
    toolkit = desk.window.findChild(DeskToolkit)
    assert toolkit is not None
    toolkit.parties.check_in_count(lead.id, 1)
    await _until(lambda: _synced(desk, lead.id))


async def rows(desk: Desk) -> None:
    """A sheepCRM booking: the host and the plus-ones, one plus-one in."""
    service = desk.service
    toolkit = desk.window.findChild(DeskToolkit)
    assert toolkit is not None
    lead = max(
        (g for g in service.index.all() if g.status is Status.ACCEPTED),
        key=lambda g: g.party_size,
    )
    desk.window.search.setText(lead.last_name)
    desk.window._select_row(desk.window.model.row_of(lead.id) or 0)
    found = toolkit.parties.party(lead.id)
    if found is not None:
        plus_one = found.members[-1]
        toolkit.parties.check_in_rows([plus_one.id])
        await _until(lambda: _synced(desk, plus_one.id))


async def walk_in(desk: Desk) -> None:
    """The walk-in form, filled in, over the window."""
    toolkit = desk.window.findChild(DeskToolkit)
    assert toolkit is not None
    toolkit.open_walk_in()
    dialog = desk.window.findChild(WalkInDialog)
    assert dialog is not None
    dialog.first.setText("Jana")
    dialog.last.setText("Nováková-Schmidtová")
    dialog.party.setValue(2)


SHOTS: tuple[tuple[str, str, Callable[[Desk], Awaitable[None]]], ...] = (
    ("party", "attendu", party),
    ("booking", "sheepcrm", rows),
    ("walk-in", "attendu", walk_in),
)


def _grab(desk: Desk) -> object:
    picture = desk.window.grab()
    dialog = desk.window.findChild(WalkInDialog)
    if dialog is not None and dialog.isVisible():
        painter = QPainter(picture)
        spot = dialog.geometry().topLeft() - desk.window.geometry().topLeft()
        painter.drawPixmap(spot, dialog.grab())
        painter.end()
    return picture


async def shoot(folder: Path) -> None:
    sandbox = Sandbox(guests=400, seed=7)
    await asyncio.to_thread(sandbox.start, 0)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translations = Translations(app)
    await asyncio.to_thread(folder.mkdir, parents=True, exist_ok=True)
    try:
        for language in LANGUAGES:
            translations.use(language)
            for width, height in SIZES:
                for name, platform, arrange in SHOTS:
                    sandbox.reset()
                    out = folder / f"{language}-{width}x{height}-{name}.png"
                    await _one(sandbox, platform, arrange, (width, height), out)
    finally:
        translations.uninstall()
        await asyncio.to_thread(sandbox.stop)


async def _one(
    sandbox: Sandbox,
    platform: str,
    arrange: Callable[[Desk], Awaitable[None]],
    size: tuple[int, int],
    out: Path,
) -> None:
    connection = dict(sandbox.info[platform])
    backend, http = kiosk_app.build_backend(platform, connection, connection["api_key"])
    with tempfile.TemporaryDirectory() as store:
        outbox = Outbox(Path(store) / "outbox.sqlite3")
        tasks = TaskSet()
        desk = kiosk_app.assemble(backend, outbox, tasks, kiosk_id="desk-1", platform=platform)
        window = desk.window
        window.resize(*size)
        window.show()
        tasks.spawn(desk.service.run_sender(), name="sender")
        await desk.service.load_roster()
        await arrange(desk)
        await asyncio.sleep(0.2)  # let the last repaint land
        _grab(desk).save(str(out))  # type: ignore[attr-defined]
        print(f"wrote {out}")
        for dialog in window.findChildren(WalkInDialog):
            dialog.close()
        await tasks.cancel_all()
        await http.aclose()
        outbox.close()
        window.allow_close = True
        window.close()
        window.deleteLater()


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "toolkit"
    run(kiosk_app.make_application(), shoot(folder))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
