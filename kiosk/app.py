"""Composition root: arguments, logging, QApplication + qasync, every object built and
injected here; the main coroutine owns start-up and shutdown."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import functools
import gc
import logging
import pickle
import signal
import sqlite3
import ssl
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk import __version__, config
from kiosk.domain import Event, Guest
from kiosk.domain.errors import ConfigError
from kiosk.logs import Logs, setup_logging
from kiosk.store.roster import load_cached_roster, roster_version
from kiosk.store.snapshot import Snapshot, read_snapshot, snapshot_path, write_snapshot

if TYPE_CHECKING:
    import httpx
    from PySide6.QtWidgets import QApplication

    from kiosk.backends.base import Backend
    from kiosk.services.checkin import CheckinService, RetryPolicy
    from kiosk.store.local import LocalStore
    from kiosk.store.outbox import Outbox
    from kiosk.store.roster import RosterCache
    from kiosk.ui.main_window import MainWindow
    from kiosk.ui.qt_async import TaskSet
    from kiosk.ui.viewmodel import CheckinViewModel

log = logging.getLogger("kiosk")

#: When this module was first imported: start-up stages are logged against it.
_IMPORTED = time.perf_counter()
_stages: list[tuple[str, float]] = []


def stage(name: str) -> None:
    """Note a start-up stage (logged with the others once the window is usable)."""
    _stages.append((name, time.perf_counter() - _IMPORTED))


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


def build_backend(
    platform: str,
    connection: dict[str, str],
    api_key: str,
    ssl_context: ssl.SSLContext | None = None,
) -> tuple[Backend, httpx.AsyncClient]:
    """One httpx client per backend, built once here."""
    if platform == "sheepcrm":
        from kiosk.backends.sheepcrm import SheepCrmBackend, sheepcrm_http_client

        http = sheepcrm_http_client(connection["base_url"], api_key, ssl_context=ssl_context)
        return SheepCrmBackend(
            http, bucket=connection["bucket"], event_uid=connection["event"]
        ), http
    from kiosk.backends.attendu import AttenduBackend, attendu_http_client

    http = attendu_http_client(connection["base_url"], api_key, ssl_context=ssl_context)
    return AttenduBackend(http, event_id=connection["event"]), http


async def read_api_key(profile: config.Profile) -> str:
    """The key from $KIOSK_API_KEY, else the system keyring (off the UI thread: a keyring
    may talk D-Bus). Raises ConfigError saying how to provide one."""
    key = config.api_key_from_env()
    if key:
        return key
    try:
        import keyring
        import keyring.errors

        stored = await asyncio.to_thread(
            keyring.get_password, config.KEYRING_SERVICE, profile.keyring_user
        )
    except Exception as exc:  # any keyring backend failure means "no key available"
        log.warning("keyring unavailable: %s", type(exc).__name__)
        stored = None
    if not stored:
        raise ConfigError(
            f"No API key for {config.PLATFORM_NAMES[profile.platform]}: set ${config.API_KEY_ENV}"
            " or run Kiosk without --platform to set it up (the key goes to the system keyring).",
            field="api_key",
        )
    return stored


@dataclasses.dataclass(frozen=True, slots=True)
class Desk:
    """The desk-mode object graph: the service, its view-model and the window."""

    service: CheckinService
    vm: CheckinViewModel
    window: MainWindow


@dataclasses.dataclass(frozen=True, slots=True)
class CachedRoster:
    """The roster as this kiosk last saw it: from the start-up snapshot (guests by index
    slot, with the built index tables) or from the SQLite cache (no tables)."""

    event: Event
    guests: Sequence[Guest | None]
    saved_at: datetime
    index_state: dict[str, Any] | None = None


def read_cached_roster(store: LocalStore) -> CachedRoster | None:
    """The roster cached on disk, read on a connection of its own (run in a thread):
    the start-up snapshot when it still matches the cache, else the cache itself."""
    reader = store.reader()
    collecting = gc.isenabled()
    # Reading makes a million objects and no cycles; collections meanwhile would walk
    # the growing heap again and again (0.55 s becomes 1.4 s).
    gc.disable()
    try:
        snapshot = read_snapshot(snapshot_path(store.path), roster_version(reader))
        if snapshot is not None:
            return CachedRoster(
                snapshot.event, snapshot.guests, snapshot.saved_at, snapshot.index_state
            )
        cached = load_cached_roster(reader)
        return CachedRoster(*cached) if cached is not None else None
    finally:
        if collecting:
            gc.enable()
        reader.close()


def open_and_read(path: Path) -> tuple[LocalStore, str | None, CachedRoster | None]:
    """Open the store at ``path`` and read its cached roster (in a worker thread). A
    failure after opening closes the store again."""
    from kiosk.store.local import open_store

    store, damage = open_store(path)
    try:
        return store, damage, read_cached_roster(store)
    except BaseException:
        store.close()
        raise


async def keep_outbox_file(store: LocalStore, every: float = 5.0) -> None:
    """Now and then, move the outbox's write-ahead log into its file, off the UI thread
    (``LocalStore.checkpoint_outbox``); a failure is logged and tried again later."""
    while True:
        await asyncio.sleep(every)
        try:
            await asyncio.to_thread(store.checkpoint_outbox)
        except sqlite3.Error as exc:
            log.warning("outbox checkpoint failed: %s", exc)


def save_snapshot(service: CheckinService, store: LocalStore) -> None:
    """Keep a start-up snapshot of the roster and its index beside the store, tagged
    with the cached roster's version (skipped when there is nothing consistent to keep)."""
    version = store.roster.version()
    source = service.snapshot_source()
    if not version or source is None or service.event is None:
        return
    guests, state = source
    saved_at = service.roster_saved_at or datetime.now(UTC)
    try:
        write_snapshot(
            snapshot_path(store.path), Snapshot(version, service.event, saved_at, guests, state)
        )
    except (OSError, pickle.PicklingError) as exc:
        log.warning("could not write the start-up snapshot: %s", exc)


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
) -> Desk:
    """Build the desk-mode objects on a backend and an outbox (tests use this too).
    ``settle``: called once the first roster from the platform is in (the app passes
    ``settle_heap``; see ``CheckinService``)."""
    from kiosk.services.checkin import CheckinService
    from kiosk.ui.main_window import MainWindow
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
    )
    vm.bind(service)
    window = MainWindow(vm, platform_name=config.PLATFORM_NAMES[platform])
    return Desk(service, vm, window)


async def run_app(app: QApplication, args: argparse.Namespace, logs: Logs | None = None) -> int:
    """The main coroutine: build, show, wait for close/Ctrl+Q/SIGTERM, flush, clean up."""
    from kiosk.ui.about import show_about
    from kiosk.ui.crash import route_asyncio_errors
    from kiosk.ui.qt_async import TaskSet
    from kiosk.ui.translations import Translations, system_language

    stop = asyncio.Event()
    # Desk mode speaks the system's language (when shipped); the kiosk switches per guest.
    translations = Translations(app)
    desk_language = translations.use(system_language())
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(route_asyncio_errors)
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)

    async with contextlib.AsyncExitStack() as stack:
        if args.demo:
            platform = args.demo_platform
            connection = await stack.enter_async_context(demo_sandbox(args))
            api_key = connection["api_key"]
            kiosk_id = args.kiosk_id or "demo-desk"
            store_dir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="kiosk-")))
            kiosk_settings = self_service_settings(args, None)
        else:
            profile = config.profile_from_args(args) or config.load_profile(
                config.profile_path(args.profile)
            )
            typed: list[str] = []  # the key typed in set-up, if set-up ran
            if profile is None:
                from kiosk.ui.setup_dialog import run_first_setup

                gc.enable()  # a person may take minutes over set-up: collect as usual

                profile = await run_first_setup(args.profile, on_key=typed.append)
                if profile is None:
                    log.info("set-up cancelled")
                    return 0
            platform = profile.platform
            connection = {
                "base_url": profile.base_url,
                "bucket": profile.bucket,
                "event": profile.event,
            }
            api_key = (typed[0] if typed else "") or await read_api_key(profile)
            kiosk_id = args.kiosk_id or profile.kiosk_id or config.new_kiosk_id()
            kiosk_settings = self_service_settings(args, profile)
            store_dir = config.data_dir()
            store_dir.mkdir(parents=True, exist_ok=True)

        if logs is not None:
            logs.redactor.add_secret(api_key)  # redacted by value, whatever its shape
        path = config.store_file(store_dir, args.profile, platform, connection["event"])
        # The store is opened and the cached roster read in a worker thread while this
        # one builds the platform client: SQLite's integrity check, the file reads and
        # the SSL set-up of the client run without the GIL, side by side.
        reading = asyncio.ensure_future(asyncio.to_thread(open_and_read, path))
        import httpx  # imported already, before Qt (import_before_qt)

        context = await asyncio.to_thread(httpx.create_ssl_context)  # reads the CA bundle
        backend, http = build_backend(platform, connection, api_key, context)
        stack.push_async_callback(http.aclose)
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
        )
        service, window = desk.service, desk.window
        window.close_requested.connect(stop.set)
        log_file = logs.file if logs is not None else None
        window.about_requested.connect(lambda: show_about(log_file, window))
        stage("window built")
        if cached is not None:  # search and changes work before the network answers
            service.load_cached(cached.event, cached.guests, cached.saved_at, cached.index_state)
            stage("roster in")
        selfservice = None
        if kiosk_settings is None:
            window.show()
        else:
            from kiosk.ui.selfservice import attach_desk, build_selfservice

            selfservice = build_selfservice(service, desk.vm, tasks, translations, kiosk_settings)
            selfservice.exit_requested.connect(stop.set)
            if not args.demo:  # what staff set on the kiosk is there after a restart
                keeper = KioskSettingsKeeper(config.profile_path(args.profile))
                selfservice.settings_changed.connect(
                    lambda settings: tasks.spawn(keeper.keep(settings), name="keep settings")
                )
            attach_desk(selfservice, window, translations, desk_language)
            selfservice.showFullScreen()
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
        tasks.spawn(service.run_refresher(args.refresh_interval), name="roster refresh")
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
    return 0


#: The staff PIN of ``kiosk --demo --kiosk`` (the demo has no profile to keep one in).
DEMO_PIN = "1234"


def self_service_settings(
    args: argparse.Namespace, profile: config.Profile | None
) -> config.KioskSettings | None:
    """The kiosk settings when Kiosk starts in self-service mode (--kiosk or the
    profile's [kiosk] enabled), else None. ConfigError when there is no staff PIN."""
    from kiosk.pin import PinError, hash_pin, parse_hash

    if profile is None:  # the demo
        if not args.kiosk:
            return None
        print(f"Demo staff PIN: {DEMO_PIN} (Ctrl+Shift+F12, or tap the top-right corner 5 times)")
        return config.KioskSettings(enabled=True, pin_hash=hash_pin(DEMO_PIN, n=2**10))
    settings = profile.kiosk
    if args.platform:  # a profile from the command line: the saved one holds the PIN
        saved = config.load_profile(config.profile_path(args.profile))
        settings = saved.kiosk if saved is not None else settings
    if not (args.kiosk or settings.enabled):
        return None
    if not settings.pin_hash:
        raise ConfigError(
            "Self-service mode needs a staff PIN, so that only staff can leave it:"
            " run kiosk --set-pin first.",
            field="pin_hash",
        )
    try:
        parse_hash(settings.pin_hash)
    except PinError as exc:
        raise ConfigError(str(exc), field="pin_hash") from exc
    return settings


class KioskSettingsKeeper:
    """Writes kiosk settings changed by staff into the saved profile's ``[kiosk]`` table,
    off the UI thread, one write at a time, the latest last."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = asyncio.Lock()
        self._latest: config.KioskSettings | None = None

    async def keep(self, settings: config.KioskSettings) -> None:
        self._latest = settings
        async with self._lock:
            if self._latest is not settings:
                return  # a newer change came meanwhile; its own call writes it
            try:
                await asyncio.to_thread(self._write, settings)
            except (OSError, ConfigError) as exc:
                log.warning("could not keep the kiosk settings in %s: %s", self.path, exc)

    def _write(self, settings: config.KioskSettings) -> None:
        saved = config.load_profile(self.path)
        if saved is None:  # started from the command line alone: nothing to write into
            log.info("kiosk settings changed; no saved profile to keep them in")
            return
        config.save_profile(dataclasses.replace(saved, kiosk=settings), self.path)
        log.info("kiosk settings kept in %s", self.path)


def set_staff_pin(profile_name: str) -> int:
    """kiosk --set-pin: ask for a PIN twice on the terminal; store only its hash."""
    import getpass

    from kiosk.pin import PinError, check_pin_shape, hash_pin

    path = config.profile_path(profile_name)
    profile = config.load_profile(path)
    if profile is None:
        print(f"kiosk: no profile at {path}: start Kiosk once to set it up.", file=sys.stderr)
        return 2
    pin = getpass.getpass("New staff PIN (4 to 12 digits): ")
    try:
        check_pin_shape(pin)
    except PinError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 2
    if getpass.getpass("The same PIN again: ") != pin:
        print("kiosk: the two PINs differ; nothing was changed.", file=sys.stderr)
        return 2
    kiosk = dataclasses.replace(profile.kiosk, pin_hash=hash_pin(pin))
    config.save_profile(dataclasses.replace(profile, kiosk=kiosk), path)
    print(f"Staff PIN saved in {path} (only a salted hash of it).")
    return 0


def say_ready(service: CheckinService) -> None:
    """The line scripts and the start-up benchmark wait for: the window is usable."""
    stage("ready")
    log.info(
        "start-up: %s (CPU %.3f s)",
        ", ".join(f"{name} {at:.3f} s" for name, at in _stages),
        time.process_time(),
    )
    print(f"Kiosk ready: {service.connection.value}, {len(service.index)} guests", flush=True)


def settle_heap(*, collect: bool = True) -> None:
    """Move everything built at start-up (Qt wrappers, the roster, the index) out of the
    garbage collector's view. Kiosk's data has no reference cycles, yet a full
    collection walks every object: 60+ ms with a large roster, a visible freeze.
    ``collect=False`` skips the collection first (0.14 s at 100,000 guests): the few
    start-up cycles it would free are not worth that on the way to a usable window."""
    if collect:
        gc.collect()
    gc.freeze()
    gc.enable()


def import_before_qt() -> None:
    """Import the Qt-free modules start-up needs before PySide6: once imported, PySide6
    hooks every import (its ``__feature__`` check), which made the same imports take
    40-60 ms longer."""
    import httpcore  # noqa: F401 - httpx imports it when the first client is built
    import httpx  # noqa: F401

    import kiosk.backends.attendu
    import kiosk.backends.sheepcrm
    import kiosk.pin
    import kiosk.services.checkin
    import kiosk.store.local  # noqa: F401


def make_application() -> QApplication:
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
    args = config.parse_args(argv)
    if args.set_pin:
        try:
            return set_staff_pin(args.profile)
        except ConfigError as exc:
            print(f"kiosk: {exc}", file=sys.stderr)
            return 2
    # Start-up builds a great many objects and almost no garbage: the collector waits
    # until the window is usable (``settle_heap``), instead of walking them repeatedly.
    gc.disable()
    logs = setup_logging(args.log_level, config.log_dir())
    log.info("Kiosk %s starting; log file %s", __version__, logs.file)
    import_before_qt()
    app = make_application()
    stage("Qt up")
    from kiosk.ui.crash import CrashReporter
    from kiosk.ui.qt_async import run

    # From here on an unexpected exception is logged and shown, and Kiosk carries on.
    crash = CrashReporter(logs.file, logs.redactor, app)
    crash.install()
    try:
        return run(app, run_app(app, args, logs))
    except ConfigError as exc:
        log.error("%s", exc)
        print(f"kiosk: {exc}", file=sys.stderr)
        return 2
    except Exception:
        log.critical("Kiosk stopped after an unexpected error", exc_info=True)
        return 1
    finally:
        crash.uninstall()
        logs.close()
        gc.enable()  # if Kiosk ended before its window was ever usable
