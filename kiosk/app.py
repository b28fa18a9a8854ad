"""Composition root and entry point: the objects are built and wired here, start to shutdown.

Start-up's Qt-free steps are in ``kiosk.startup``, the command line's own commands in
``kiosk.cli``, backends come from ``kiosk.backends.factory``."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import functools
import logging
import signal
import sqlite3
import sys
import tempfile
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk import __version__, cli, config
from kiosk.api_key import read_api_key
from kiosk.backends.factory import (
    build_backend,
    build_guest_list,
    guest_list_store_key,
    profile_connection,
)
from kiosk.backends.http.trust import tls_context
from kiosk.desk_settings import DESK, RESTART, restarted
from kiosk.domain.errors import ConfigError
from kiosk.kiosk_settings import KioskSettingsKeeper, self_service_settings, staff_pin_hash
from kiosk.limits import CallLimits
from kiosk.logs import FILE_ONLY, Logs, setup_logging
from kiosk.pin import pin_throttle
from kiosk.runtime import pause_collector, resume_collector, settle_heap
from kiosk.services.budget import CallBudget
from kiosk.startup import (
    import_before_qt,
    open_and_read,
    read_cached_roster,
    save_snapshot,
    say_ready,
    stage,
)
from kiosk.store.lock import AlreadyRunning, one_kiosk_per_store

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from kiosk.backends.base import Backend
    from kiosk.services.checkin import CheckinService, RetryPolicy
    from kiosk.store.local import LocalStore
    from kiosk.store.outbox import Outbox
    from kiosk.store.roster import RosterCache
    from kiosk.ui.main_window import MainWindow
    from kiosk.ui.qt_async import TaskSet
    from kiosk.ui.viewmodel import CheckinViewModel

#: What scripts, benchmarks and tests build Kiosk from; some of it lives in the modules
#: imported above (start-up, the backend factory, the runtime seam).
__all__ = [
    "Desk",
    "KioskSettingsKeeper",
    "assemble",
    "build_backend",
    "keep_outbox_file",
    "main",
    "make_application",
    "pin_throttle",
    "read_cached_roster",
    "run_app",
    "save_snapshot",
    "settle_heap",
]

log = logging.getLogger("kiosk")

#: The exit status of a second Kiosk on one profile and event (2: a setting is wrong).
ALREADY_RUNNING_EXIT = 3

#: How long shutdown waits for undelivered changes before leaving them in the outbox.
FLUSH_BOUND_S = 5.0


@contextlib.asynccontextmanager
async def demo_sandbox(args: argparse.Namespace) -> AsyncIterator[dict[str, str]]:
    """The built-in sandbox on loopback, serving in its own thread; yields the chosen
    platform's connection (base_url, event, api_key, bucket)."""
    from kiosk.sandbox import Sandbox  # only the demo needs the server

    sandbox = Sandbox(guests=args.demo_guests, seed=args.demo_seed)
    await asyncio.to_thread(sandbox.start, 0)
    try:
        yield dict(sandbox.info[args.demo_platform])
    finally:
        await asyncio.to_thread(sandbox.stop)


@dataclasses.dataclass(frozen=True, slots=True)
class Desk:
    """The desk-mode object graph: the service, its view-model and the window."""

    service: CheckinService
    vm: CheckinViewModel
    window: MainWindow


async def keep_outbox_file(store: LocalStore, every: float = 5.0) -> None:
    """Now and then, move the outbox's write-ahead log into its file, off the UI thread
    (``LocalStore.checkpoint_outbox``); a failure is logged and tried again later."""
    while True:
        await asyncio.sleep(every)
        try:
            await asyncio.to_thread(store.checkpoint_outbox)
        except sqlite3.Error as exc:
            log.warning("outbox checkpoint failed: %s", exc)


def assemble(
    backend: Backend,
    outbox: Outbox,
    tasks: TaskSet,
    *,
    kiosk_id: str,
    platform: str,
    cache: RosterCache | None = None,
    retry: RetryPolicy | None = None,
    settle: Callable[[], None] | None = None,
    platform_name: str | None = None,
    budget: CallBudget | None = None,
) -> Desk:
    """Build the desk-mode objects on a backend and an outbox (tests use this too).
    ``settle``: called once the first roster from the platform is in (the app passes
    ``settle_heap``; see ``CheckinService``). ``platform_name``: what the window calls
    the platform, when not its usual name (a guest list is called by its file's name:
    a proper name needs no translation, and says which file is in use)."""
    from PySide6.QtWidgets import QBoxLayout

    from kiosk.services.checkin import CheckinService
    from kiosk.ui.desk_toolkit import DeskToolkit
    from kiosk.ui.main_window import MainWindow
    from kiosk.ui.storage_banner import attach_storage_banner
    from kiosk.ui.viewmodel import CheckinViewModel, ServiceEvents

    vm = CheckinViewModel(tasks)
    service = CheckinService(
        backend,
        outbox,
        kiosk_id=kiosk_id,
        listener=ServiceEvents(vm),
        cache=cache,
        retry=retry,
        settle_heap=settle,
        budget=budget,
    )
    vm.bind(service)
    window = MainWindow(vm, platform_name=platform_name or config.PLATFORM_NAMES[platform])
    DeskToolkit(window, tasks, retry=retry)  # parties and walk-ins: the window owns it
    central = window.centralWidget()  # the banner goes over the search
    if central is not None and isinstance(layout := central.layout(), QBoxLayout):
        attach_storage_banner(layout, service.storage, window.details.picker)
    return Desk(service, vm, window)


async def run_app(app: QApplication, args: argparse.Namespace, logs: Logs | None = None) -> int:
    """The main coroutine: build, show, wait for close/Ctrl+Q/SIGTERM, flush, clean up."""
    from kiosk.ui.about import show_about
    from kiosk.ui.badge_desk import attach_badges
    from kiosk.ui.crash import route_asyncio_errors
    from kiosk.ui.main_loop import when_qt_quits
    from kiosk.ui.qt_async import TaskSet
    from kiosk.ui.settings_flow import SettingsFlow
    from kiosk.ui.translations import Translations, system_language

    stop = asyncio.Event()
    # Desk mode speaks the system's language (when shipped); the kiosk switches per guest.
    translations = Translations(app)
    desk_language = translations.use(system_language())
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(route_asyncio_errors)
    # A session hanging up (SIGHUP) or Ctrl+C ends Kiosk as SIGTERM does: flushed, exit 0.
    for name in ("SIGTERM", "SIGINT", "SIGHUP"):
        if (signum := getattr(signal, name, None)) is not None:  # Windows has no SIGHUP
            loop.add_signal_handler(signum, stop.set)

    limits, budget = CallLimits(), None  # the platform's quota, paced by the budget
    async with contextlib.AsyncExitStack() as stack:
        stack.callback(when_qt_quits(app, stop))  # the display went away: the same shutdown
        profile: config.Profile | None = None  # the demo's and a guest list's: none
        if args.demo:
            platform = args.demo_platform
            connection = await stack.enter_async_context(demo_sandbox(args))
            api_key = connection["api_key"]
            kiosk_id = args.kiosk_id or "demo-desk"
            store_dir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="kiosk-")))
            kiosk_settings = self_service_settings(args, None)
        elif args.guest_list is not None:
            platform = "guestlist"  # no platform, no key: the file is the guest list
            connection = {"event": guest_list_store_key(args.guest_list)}
            api_key = ""
            kiosk_id = args.kiosk_id or config.new_kiosk_id()
            kiosk_settings = self_service_settings(args, None)
            store_dir = config.data_dir()
            store_dir.mkdir(parents=True, exist_ok=True)
            # Built first: a file that cannot be used stops here, before any store opens.
            guest_list = build_guest_list(args.guest_list, args.columns, kiosk_id)
            stack.push_async_callback(guest_list.aclose)
            backend: Backend = guest_list
        else:
            profile = config.chosen_profile(args, config.profile_path(args.profile))
            typed: list[str] = []  # the key typed in set-up, if set-up ran
            if profile is None:
                from kiosk.ui.setup_dialog import run_first_setup

                resume_collector()  # a person may take minutes over set-up: collect as usual

                profile = await run_first_setup(args.profile, on_key=typed.append)
                if profile is None:
                    log.info("set-up cancelled")
                    return 0
            platform, limits = profile.platform, profile.limits
            connection = profile_connection(profile)
            api_key = (typed[0] if typed else "") or await read_api_key(profile)
            kiosk_id = args.kiosk_id or profile.kiosk_id or config.new_kiosk_id()
            kiosk_settings = self_service_settings(args, profile)
            store_dir = config.data_dir()
            store_dir.mkdir(parents=True, exist_ok=True)

        if logs is not None:
            logs.redactor.add_secret(api_key)  # redacted by value, whatever its shape
        path = config.store_file(store_dir, args.profile, platform, connection["event"])
        stack.enter_context(one_kiosk_per_store(path))  # before the store, after it closes
        # The store is opened and the cached roster read in a worker thread while this
        # one builds the platform client: SQLite's integrity check, the file reads and
        # the SSL set-up of the client run without the GIL, side by side.
        reading = asyncio.ensure_future(asyncio.to_thread(open_and_read, path))
        if args.guest_list is None:
            context = await asyncio.to_thread(tls_context)  # reads the system's certificates
            backend, http = build_backend(platform, connection, api_key, context)
            stack.push_async_callback(http.aclose)
            budget = CallBudget.for_platform(platform, limits)
            budget.attach(http)
        store, damage, cached = await reading
        stack.callback(store.close)
        stage("cache read" if cached is None or cached.index_state is None else "snapshot read")
        outbox = store.outbox
        tasks = TaskSet()
        stack.push_async_callback(tasks.cancel_all)
        desk = assemble(
            backend,
            outbox,
            tasks,
            kiosk_id=kiosk_id,
            platform=platform,
            cache=store.roster,
            settle=functools.partial(settle_heap, collect=False),
            platform_name=args.guest_list.name if args.guest_list is not None else None,
            budget=budget,
        )
        service, window = desk.service, desk.window
        window.toolkit.pin_hash = staff_pin_hash(args, kiosk_settings)  # for the no-show sweep
        window.close_requested.connect(stop.set)
        window.about_requested.connect(lambda: show_about(logs.file if logs else None, window))
        settings = SettingsFlow(window, tasks, profile, stop)
        badges = attach_badges(window, None if args.demo else args.profile)
        stack.callback(badges.printer.shutdown)
        stage("window built")
        if cached is not None:  # search and changes work before the network answers
            service.load_cached(cached.event, cached.guests, cached.saved_at, cached.index_state)
            stage("roster in")
        selfservice = None
        if kiosk_settings is None:
            window.show()
            window.activateWindow()  # typing goes here at once, with or without a window manager
        else:
            from kiosk.ui.badge_kiosk import KioskBadges
            from kiosk.ui.selfservice import attach_desk, build_selfservice

            throttle = pin_throttle(None if args.demo else args.profile)
            selfservice = build_selfservice(
                service, desk.vm, tasks, translations, kiosk_settings, throttle=throttle
            )
            selfservice.exit_requested.connect(stop.set)
            KioskBadges(selfservice, badges.printer)
            if not args.demo:  # what staff set on the kiosk is there after a restart
                keeper = KioskSettingsKeeper(config.profile_path(args.profile))
                selfservice.settings_changed.connect(
                    lambda settings: tasks.spawn(keeper.keep(settings), name="keep settings")
                )
            attach_desk(selfservice, window, translations, desk_language)
            selfservice.showFullScreen()
            selfservice.activateWindow()
        if damage:
            window.show_notice(damage)

        tasks.spawn(service.run_sender(), name="outbox sender")
        if cached is not None:
            # Usable now, on the cached guests; the platform's answer is merged in later.
            settle_heap(collect=False)
            say_ready(service)
            await service.load_roster()
        else:
            # The first roster in settled the heap already (``settle`` above; freezing
            # again is cheap); when the platform did not answer, collecting resumes here.
            await service.load_roster()
            settle_heap(collect=False)
            say_ready(service)
        refresh = args.refresh_interval or (profile.desk if profile else DESK).refresh_interval
        tasks.spawn(service.run_refresher(refresh), name="roster refresh")
        tasks.spawn(keep_outbox_file(store), name="outbox upkeep")
        await stop.wait()

        log.info("shutting down")
        try:
            async with asyncio.timeout(FLUSH_BOUND_S):
                await service.flush()
        except TimeoutError:
            log.warning(
                "%d changes not yet delivered; they stay in the outbox", outbox.count_pending()
            )
        window.allow_close = True
        window.close()
        if selfservice is not None:
            selfservice.allow_close = True
            selfservice.close()
        if not args.demo:  # the next start opens in a fraction of the time
            save_snapshot(service, store)
    return RESTART if settings.restart else 0


def make_application() -> QApplication:
    """The QApplication, named, themed and iconed, which Kiosk quits itself."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from kiosk.ui import resources_rc  # noqa: F401 - registers :/kiosk/...
    from kiosk.ui.theme import stylesheet

    # Our own options are parsed first; Qt reads "--platform X" as its platform plugin.
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Kiosk")
    app.setApplicationDisplayName("Kiosk")
    app.setOrganizationName("Kiosk")
    app.setDesktopFileName(config.APP_ID)
    app.setWindowIcon(QIcon(":/kiosk/icons/kiosk.svg"))
    app.setStyleSheet(stylesheet())
    # The main coroutine closes the window after flushing; Qt must not quit first.
    app.setQuitOnLastWindowClosed(False)
    return app


def main(argv: list[str] | None = None) -> int:
    """``kiosk``: a command of the command line's own, or the app; the exit status."""
    args = config.parse_args(argv)
    command = cli.run_command(args)  # kiosk --set-pin needs no window; no display: 2
    if command is not None:
        return command
    # Start-up builds a great many objects and almost no garbage: the collector waits
    # until the window is usable (``settle_heap``), instead of walking them repeatedly.
    pause_collector()
    logs = setup_logging(args.log_level, config.log_dir())
    log.info("Kiosk %s starting; log file %s", __version__, logs.file)
    import_before_qt()
    app = make_application()
    stage("Qt up")
    from kiosk.ui.crash import CrashReporter
    from kiosk.ui.main_loop import DisplayLost, run_to_the_end

    # From here on an unexpected exception is logged and shown, and Kiosk carries on.
    crash = CrashReporter(logs.file, logs.redactor, app)
    crash.install()
    try:
        while (
            done := run_to_the_end(app, run_app(app, args, logs), bound=FLUSH_BOUND_S + 10)
        ) == RESTART:
            args = restarted(args)  # on the profile as Settings saved it
        return done
    except DisplayLost as exc:
        log.warning("%s; undelivered changes stay in the outbox", exc)
        return 0
    except ConfigError as exc:
        log.error("%s", exc, extra=FILE_ONLY)  # said once on the terminal, below
        print(f"kiosk: {exc}", file=sys.stderr)
        return 2
    except AlreadyRunning as exc:  # the other Kiosk goes on; this one leaves it be
        log.error(
            "%s (process %s holds %s)", exc, exc.holder or "?", exc.lock_path, extra=FILE_ONLY
        )
        print(f"kiosk: {exc}", file=sys.stderr)
        return ALREADY_RUNNING_EXIT
    except Exception:
        log.critical("Kiosk stopped after an unexpected error", exc_info=True)
        return 1
    finally:
        crash.uninstall()
        logs.close()
        resume_collector()  # if Kiosk ended before its window was ever usable
