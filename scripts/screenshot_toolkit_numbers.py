"""Screenshots of the desk toolkit from the real app on the sandbox: the live numbers
panel, the undo toast and the end-of-event sweep, at 1280x800 and 1024x640, in English
and German. A dialog is drawn over the window where a desktop would show it, centred.

Run: QT_QPA_PLATFORM=offscreen python scripts/screenshot_toolkit_numbers.py [docs/]
Writes toolkit-{numbers,undo,sweep}-{en,de}-{1280x800,1024x640}.png.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from kiosk import app as kiosk_app
from kiosk.domain import Status
from kiosk.pin import hash_pin
from kiosk.sandbox import Sandbox
from kiosk.services.checkin import Delivery
from kiosk.store.outbox import Outbox
from kiosk.ui.qt_async import TaskSet, run
from kiosk.ui.translations import Translations

ROOT = Path(__file__).resolve().parents[1]
SIZES = ((1280, 800), (1024, 640))


def over(window: QWidget, dialog: QWidget) -> QPixmap:
    """The window with the dialog drawn centred over it."""
    picture = window.grab()
    painter = QPainter(picture)
    shot = dialog.grab()
    left, top = (picture.width() - shot.width()) // 2, (picture.height() - shot.height()) // 2
    painter.fillRect(left + 6, top + 6, shot.width(), shot.height(), QColor(0, 0, 0, 60))
    painter.drawPixmap(left, top, shot)
    painter.setPen(QColor("#52606d"))
    painter.drawRect(left - 1, top - 1, shot.width() + 1, shot.height() + 1)
    painter.end()
    return picture


def fit(dialog: QWidget, width: int, height: int, want: tuple[int, int]) -> None:
    """The dialog's size on a screen of ``width`` x ``height``: what it asks for, never
    more than the screen leaves."""
    dialog.resize(min(want[0], width - 48), min(want[1], height - 48))


async def settle() -> None:
    await asyncio.sleep(0.25)  # layouts and repaints land over a few turns of the loop


async def shoot(folder: Path, platform: str, language: str, size: tuple[int, int]) -> None:
    sandbox = Sandbox(guests=400, seed=7)
    await asyncio.to_thread(sandbox.start, 0)
    connection = dict(sandbox.info[platform])
    backend, http = kiosk_app.build_backend(platform, connection, connection["api_key"])
    tag = f"{language}-{size[0]}x{size[1]}"
    with tempfile.TemporaryDirectory() as store:
        outbox = Outbox(Path(store) / "outbox.sqlite3")
        tasks = TaskSet()
        desk = kiosk_app.assemble(backend, outbox, tasks, kiosk_id="desk-1", platform=platform)
        window, toolkit = desk.window, desk.window.toolkit
        window.resize(*size)
        window.show()
        tasks.spawn(desk.service.run_sender(), name="sender")
        await desk.service.load_roster()
        # A few check-ins at this desk, so the chart has its darker part.
        accepted = [g for g in desk.service.index.all() if g.status is Status.ACCEPTED]
        for guest in accepted[:6]:
            desk.service.set_status(guest.id, Status.ATTENDED)
        last = accepted[6]
        window.search.setText(last.email)
        await settle()
        window.set_selected_status(Status.ATTENDED)  # the toast's change, as at the desk
        for _ in range(200):
            sync = desk.service.sync_state(last.id)
            if sync and sync.delivery is Delivery.SYNCED:
                break
            await asyncio.sleep(0.02)
        await settle()
        window.grab().save(str(folder / f"toolkit-undo-{tag}.png"))

        toolkit.toast.dismiss()
        toolkit.pin_hash = hash_pin("2468", n=2**10)
        toolkit.open_sweep()
        dialog = toolkit.sweep_dialog
        assert dialog is not None
        fit(dialog, *size, (640, 560))
        await settle()
        over(window, dialog).save(str(folder / f"toolkit-sweep-{tag}.png"))
        dialog.close()
        print(f"wrote toolkit-*-{tag}.png")
        await tasks.cancel_all()
        await http.aclose()
        outbox.close()
        window.allow_close = True
        window.close()
    await asyncio.to_thread(sandbox.stop)


async def shoot_all(folder: Path) -> None:
    app = QApplication.instance()
    assert app is not None
    translations = Translations(app)
    for language in ("en", "de"):
        translations.use(language)
        for size in SIZES:
            # The toast and the sweep on sheepCRM (Attendu's sweep says why it has
            # nothing to send); the numbers on Attendu, whose guests carry ticket types.
            await shoot(folder, "sheepcrm", language, size)
            await shoot_numbers_only(folder, language, size)


async def shoot_numbers_only(folder: Path, language: str, size: tuple[int, int]) -> None:
    """The numbers panel, on Attendu (its guests carry ticket types)."""
    sandbox = Sandbox(guests=400, seed=7)
    await asyncio.to_thread(sandbox.start, 0)
    connection = dict(sandbox.info["attendu"])
    backend, http = kiosk_app.build_backend("attendu", connection, connection["api_key"])
    with tempfile.TemporaryDirectory() as store:
        outbox = Outbox(Path(store) / "outbox.sqlite3")
        tasks = TaskSet()
        desk = kiosk_app.assemble(backend, outbox, tasks, kiosk_id="desk-1", platform="attendu")
        window, toolkit = desk.window, desk.window.toolkit
        window.resize(*size)
        window.show()
        tasks.spawn(desk.service.run_sender(), name="sender")
        await desk.service.load_roster()
        for guest in [g for g in desk.service.index.all() if g.status is Status.ACCEPTED][:6]:
            desk.service.set_status(guest.id, Status.ATTENDED)
        toolkit.open_numbers()
        panel = toolkit.panel
        assert panel is not None
        fit(panel, *size, (760, 600))
        await settle()
        toolkit.show_numbers()
        await settle()
        tag = f"{language}-{size[0]}x{size[1]}"
        over(window, panel).save(str(folder / f"toolkit-numbers-{tag}.png"))
        panel.close()
        await tasks.cancel_all()
        await http.aclose()
        outbox.close()
        window.allow_close = True
        window.close()
    await asyncio.to_thread(sandbox.stop)


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs"
    folder.mkdir(parents=True, exist_ok=True)
    run(kiosk_app.make_application(), shoot_all(folder))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
