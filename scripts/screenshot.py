"""Screenshot of the real desk window on the sandbox, for the README.

Run: QT_QPA_PLATFORM=offscreen python scripts/screenshot.py [docs/screenshot-desk.png]
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

ROOT = Path(__file__).resolve().parents[1]


async def shoot(out: Path) -> None:
    sandbox = Sandbox(guests=400, seed=7)
    await asyncio.to_thread(sandbox.start, 0)
    connection = dict(sandbox.info["sheepcrm"])
    backend, http = kiosk_app.build_backend("sheepcrm", connection, connection["api_key"])
    with tempfile.TemporaryDirectory() as store:
        outbox = Outbox(Path(store) / "outbox.sqlite3")
        tasks = TaskSet()
        desk = kiosk_app.assemble(backend, outbox, tasks, kiosk_id="desk-1", platform="sheepcrm")
        window = desk.window
        window.resize(1280, 800)
        window.show()
        tasks.spawn(desk.service.run_sender(), name="sender")
        await desk.service.load_roster()
        # A guest with a plus-one and notes makes the richest picture.
        guest = max(
            desk.service.index.all(),
            key=lambda g: (g.status is Status.ACCEPTED, g.plus_ones > 0, bool(g.notes)),
        )
        window.search.setText(guest.last_name[:4])
        row = window.model.row_of(guest.id)
        window._select_row(row or 0)
        window.set_selected_status(Status.ATTENDED)
        for _ in range(200):
            sync = desk.service.sync_state(guest.id)
            if sync and sync.delivery is Delivery.SYNCED:
                break
            await asyncio.sleep(0.02)
        await asyncio.sleep(0.1)  # let the last repaint land
        out.parent.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(out))
        print(f"wrote {out}")
        await tasks.cancel_all()
        await http.aclose()
        outbox.close()
        window.allow_close = True
        window.close()
    await asyncio.to_thread(sandbox.stop)


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshot-desk.png"
    run(kiosk_app.make_application(), shoot(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
