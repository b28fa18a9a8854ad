"""Badge pictures for docs/badges.md, from the real renderer and the real desk on the
sandbox: badges on three label sizes and a fourth, the settings dialog's live preview
(English and German), and the desk's line when a printer is missing.

Run: QT_QPA_PLATFORM=offscreen python scripts/screenshot_badges.py [docs/badges]
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kiosk import app as kiosk_app
from kiosk.badges import SIZES, BadgeContent, BadgeSettings, BadgeTemplate, layout_badge
from kiosk.domain import Status
from kiosk.sandbox import Sandbox
from kiosk.services.prints import PrintState
from kiosk.store.outbox import Outbox
from kiosk.ui.badge_desk import attach_badges
from kiosk.ui.badge_render import render_image
from kiosk.ui.badge_settings import BadgeSettingsDialog
from kiosk.ui.qt_async import TaskSet, run
from kiosk.ui.translations import Translations

ROOT = Path(__file__).resolve().parents[1]
EVENT = "Kiosk Demo Day 2026"
BADGES = {
    "brother-62x100": BadgeContent("Žofie Dvořáková-Šťastná", "Analytical Engines Ltd", EVENT,
                                   "RQY3-9634", vip=True),
    "zebra-4x3": BadgeContent("김민준", "Speaker", EVENT, "KXW2-1187"),
    "dymo-2.25x4": BadgeContent("محمد عبد الله", "Press", EVENT, "PLM8-0042"),
    "a6": BadgeContent("Bartholomew Featherstonehaugh-Smythe", "Royal Society of Chemistry",
                       EVENT, "ZZT5-7310", vip=True),
}  # fmt: skip


def badges(out: Path) -> None:
    for key, content in BADGES.items():
        image = render_image(layout_badge(SIZES[key], BadgeTemplate(), content), dpi=200)
        path = out / f"badge-{key}.png"
        image.save(str(path))
        print(f"wrote {path}")


async def settle() -> None:
    for _ in range(3):
        await asyncio.sleep(0.05)


async def desk_pictures(out: Path, language: str) -> None:
    sandbox = Sandbox(guests=400, seed=7)
    await asyncio.to_thread(sandbox.start, 0)
    connection = dict(sandbox.info["sheepcrm"])
    backend, http = kiosk_app.build_backend("sheepcrm", connection, connection["api_key"])
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translations = Translations(app)
    translations.use(language)  # before the window is built, as the app does
    with tempfile.TemporaryDirectory() as store:
        outbox = Outbox(Path(store) / "outbox.sqlite3")
        tasks = TaskSet()
        desk = kiosk_app.assemble(backend, outbox, tasks, kiosk_id="desk-1", platform="sheepcrm")
        window = desk.window
        window.resize(1280, 800)
        window.show()
        tasks.spawn(desk.service.run_sender(), name="sender")
        await desk.service.load_roster()
        badge_desk = attach_badges(window, None)
        printer = badge_desk.printer
        settings = BadgeSettings(printer="Brother_QL-820NWB", size="brother-62x100",
                                 print_on_checkin=True)  # fmt: skip
        printer.configure(settings, BadgeTemplate())
        guests = [g for g in desk.service.index.all() if g.status is Status.ACCEPTED]
        guest = max(guests, key=lambda g: (g.starred, bool(g.ticket_type)))
        window.search.setText(guest.email)
        await settle()
        dialog = BadgeSettingsDialog(printer, guest.id, window)
        dialog.show()
        await settle()
        path = out / f"settings-preview-{language}.png"
        dialog.grab().save(str(path))
        print(f"wrote {path}")
        dialog.close()
        # The printer's queue is not on this machine: the line with Retry, the check-in kept.
        window.set_selected_status(Status.ATTENDED)
        for _ in range(500):
            if badge_desk.line.isVisible():
                break
            await asyncio.sleep(0.02)
        await settle()
        path = out / f"desk-print-failed-{language}.png"
        window.grab().save(str(path))
        print(f"wrote {path}")
        assert [p.state for p in desk.service.prints.all()] == [PrintState.FAILED]
        printer.shutdown()
        translations.uninstall()
        await tasks.cancel_all()
        await http.aclose()
        outbox.close()
        window.allow_close = True
        window.close()
    await asyncio.to_thread(sandbox.stop)


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "badges"
    out.mkdir(parents=True, exist_ok=True)
    app = kiosk_app.make_application()
    badges(out)
    for language in ("en", "de"):
        run(app, desk_pictures(out, language))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
