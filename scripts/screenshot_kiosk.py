"""Screenshots of every self-service screen from the real app on the sandbox, for the
README: each language at each size.

Run: QT_QPA_PLATFORM=offscreen python scripts/screenshot_kiosk.py [--out docs/kiosk]
Writes <out>/<language>-<width>x<height>-<screen>.png.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import random
import sys
import tempfile
from collections import Counter
from collections.abc import Awaitable, Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kiosk import app as kiosk_app
from kiosk.config import KioskSettings
from kiosk.domain import Guest, Status
from kiosk.pin import PinThrottle, hash_pin
from kiosk.sandbox import Sandbox
from kiosk.services.selfservice import AskFactor, Choose, Factor, Step, card_of
from kiosk.store.outbox import Outbox
from kiosk.ui.qt_async import TaskSet, run
from kiosk.ui.selfservice import SelfServiceWindow, build_selfservice
from kiosk.ui.translations import Translations

ROOT = Path(__file__).resolve().parents[1]
SIZES = ((1920, 1080), (1280, 800))
LANGUAGES = ("en", "cs")
PIN = "2580"


@dataclasses.dataclass
class Cast:
    """Guests of the sandbox roster who show each screen."""

    success: list[Guest]  # one per run: each is checked in by it
    shared: str  # a last name several guests have
    declined: Guest
    choose: tuple[Guest, ...]


def cast(guests: list[Guest]) -> Cast:
    by_last = Counter(g.last_name for g in guests)
    unique = [g for g in guests if by_last[g.last_name] == 1 and len(g.last_name) >= 4]
    success = sorted(
        (g for g in unique if g.status is Status.ACCEPTED),
        key=lambda g: (g.party_size != 3, g.party_size == 1, len(g.first_name) >= 8),
    )
    declined = next(g for g in unique if g.status is Status.DECLINED)
    shared = max(by_last, key=lambda name: (by_last[name] <= 6, by_last[name]))
    family = [g for g in guests if g.last_name == shared]
    choose = tuple(sorted(family, key=lambda g: g.first_name)[:2])
    return Cast(success, shared, declined, choose)


async def settle() -> None:
    # Two turns of the loop: layouts, style polish and repaint land before the grab.
    for _ in range(3):
        await asyncio.sleep(0.05)


async def shoot(out: Path, sizes: tuple[tuple[int, int], ...], languages: tuple[str, ...]) -> None:
    sandbox = Sandbox(guests=400, seed=7)
    await asyncio.to_thread(sandbox.start, 0)
    connection = dict(sandbox.info["sheepcrm"])
    backend, http = kiosk_app.build_backend("sheepcrm", connection, connection["api_key"])
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translations = Translations(app)
    with tempfile.TemporaryDirectory() as store:
        outbox = Outbox(Path(store) / "outbox.sqlite3")
        tasks = TaskSet()
        desk = kiosk_app.assemble(backend, outbox, tasks, kiosk_id="kiosk-1", platform="sheepcrm")
        await desk.service.load_roster()
        people = cast(desk.service.index.all())
        for language in languages:
            settings = KioskSettings(
                enabled=True, pin_hash=hash_pin(PIN, n=2**10), language=language
            )
            for width, height in sizes:
                window = build_selfservice(
                    desk.service,
                    desk.vm,
                    tasks,
                    translations,
                    settings,
                    throttle=PinThrottle(free_tries=0, base=30),
                    rng=random.Random(4),
                )
                window.chime.muted = True
                window.resize(width, height)
                window.show()
                prefix = out / f"{language}-{width}x{height}"

                def shoot(
                    name: str, w: SelfServiceWindow = window, p: Path = prefix
                ) -> Awaitable[None]:
                    return grab(w, p, name)

                await walk(window, people, people.success.pop(0), shoot)
                window.allow_close = True
                window.close()
                window.deleteLater()
        await tasks.cancel_all()
        await http.aclose()
        outbox.close()
    await asyncio.to_thread(sandbox.stop)


async def grab(window: SelfServiceWindow, prefix: Path, name: str) -> None:
    await settle()
    path = prefix.with_name(f"{prefix.name}-{name}.png")
    window.grab().save(str(path))
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


async def walk(
    window: SelfServiceWindow,
    people: Cast,
    success: Guest,
    grab: Callable[[str], Awaitable[None]],
) -> None:
    """Through every screen as a guest would, grabbing each."""
    window.reset()
    await grab("1-welcome")
    window.welcome.field.setText(success.last_name[:3])
    window.welcome.field.setFocus()
    await grab("2-typing")
    window.welcome.field.setText(people.shared)
    window.welcome.find_button.click()
    await grab("3-second-factor")
    window.reset()
    window.go(by_name(window, success))
    await grab("4-is-this-you")
    window.confirm.yes.click()
    await grab("5-checked-in")
    window.reset()
    window.checkin.begin(people.shared)
    window.go(Choose(tuple(card_of(g) for g in people.choose)))
    await grab("6-which-one")
    window.reset()
    window.go(by_name(window, people.declined))
    window.confirm.yes.click()
    await grab("7-see-the-desk")
    window.reset()
    window.go(window.checkin.begin("KSK-0000-0000"))
    await grab("8-unknown-ticket")
    window.open_staff()
    window.pin.field.setText("1111")
    window.check_pin("1111")
    for _ in range(100):
        if window.pin.message.text():
            break
        await asyncio.sleep(0.02)
    await grab("9-staff-pin")
    window.reset()
    window.set_high_contrast(True)
    window.welcome.field.setText(success.last_name[:3])
    await grab("10-high-contrast")
    window.set_high_contrast(False)
    window.reset()


def by_name(window: SelfServiceWindow, guest: Guest) -> Step:
    """The guest's last name, then their answer to every question it asks."""
    step = window.checkin.begin(guest.last_name)
    while isinstance(step, AskFactor):
        mine = guest.first_name[:1] if step.factor is Factor.INITIAL else guest.email[:5]
        step = window.checkin.answer(mine)
    return step


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "kiosk")
    parser.add_argument("--languages", default=",".join(LANGUAGES))
    parser.add_argument("--sizes", default=",".join(f"{w}x{h}" for w, h in SIZES))
    args = parser.parse_args(argv)
    sizes = tuple((int(w), int(h)) for w, h in (size.split("x") for size in args.sizes.split(",")))
    languages = tuple(args.languages.split(","))
    args.out.mkdir(parents=True, exist_ok=True)
    run(kiosk_app.make_application(), shoot(args.out, sizes, languages))
    return 0


if __name__ == "__main__":
    sys.exit(main())
