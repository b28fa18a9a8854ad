"""The desk window and its Settings dialog, in English and German at 1280x800 and 1024x640.

Run: QT_QPA_PLATFORM=offscreen python scripts/screenshot_desk.py [out-folder]
(default docs/desk/); made from the real app on the sandbox, to look at after changing
the window: what is clipped at a laptop's size or in German shows here.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

from kiosk import app as kiosk_app
from kiosk.domain import Status
from kiosk.sandbox import Sandbox
from kiosk.services.checkin import Delivery
from kiosk.store.outbox import Outbox
from kiosk.ui.qt_async import TaskSet, run
from kiosk.ui.translations import Translations

ROOT = Path(__file__).resolve().parents[1]
SIZES = ((1280, 800), (1024, 640))
LANGUAGES = ("en", "de")


async def settle() -> None:
    await asyncio.sleep(0.15)  # let the last layout and repaint land


async def shoot(out: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from kiosk.config import Profile
    from kiosk.ui.settings_dialog import open_settings

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translations = Translations(app)
    sandbox = Sandbox(guests=2000, seed=7)
    await asyncio.to_thread(sandbox.start, 0)
    connection = dict(sandbox.info["sheepcrm"])
    backend, http = kiosk_app.build_backend("sheepcrm", connection, connection["api_key"])
    await asyncio.to_thread(lambda: out.mkdir(parents=True, exist_ok=True))
    with tempfile.TemporaryDirectory() as store:
        outbox = Outbox(Path(store) / "outbox.sqlite3")
        for language in LANGUAGES:
            translations.use(language)
            tasks = TaskSet()
            desk = kiosk_app.assemble(
                backend, outbox, tasks, kiosk_id="desk-1", platform="sheepcrm"
            )
            window = desk.window
            window.show()
            tasks.spawn(desk.service.run_sender(), name="sender")
            await desk.service.load_roster()
            # Namesakes whose emails differ only near their end, and a party.
            window.search.setText("Åberg")
            guest = max(
                (
                    window.vm.service.guest(window.model.guest_id(r) or "")
                    for r in range(window.model.rowCount())
                ),
                key=lambda g: (g is not None and g.plus_ones > 0, g is not None and g.notes),
            )
            if guest is not None:
                window._select_row(window.model.row_of(guest.id) or 0)
                window.set_selected_status(Status.ATTENDED)
                for _ in range(200):
                    sync = desk.service.sync_state(guest.id)
                    if sync and sync.delivery is Delivery.SYNCED:
                        break
                    await asyncio.sleep(0.02)
            for width, height in SIZES:
                window.resize(width, height)
                await settle()
                name = out / f"{language}-{width}x{height}-desk.png"
                window.grab().save(str(name))
                print(f"wrote {name}")
                profile = Profile(
                    "sheepcrm", connection["base_url"], connection["event"], connection["bucket"]
                )
                event = desk.service.event
                dialog = open_settings(window, profile, event.title if event else "")
                await settle()
                name = out / f"{language}-{width}x{height}-settings.png"
                dialog.grab().save(str(name))
                print(f"wrote {name}")
                dialog.close()
                dialog.deleteLater()
            await tasks.cancel_all()
            window.allow_close = True
            window.close()
            window.deleteLater()
        outbox.close()
    await http.aclose()
    await asyncio.to_thread(sandbox.stop)


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "desk"
    run(kiosk_app.make_application(), shoot(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
