"""Self-service settings: which apply at start, and keeping the changes staff make."""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import logging
from pathlib import Path

from kiosk import config
from kiosk.domain.errors import ConfigError

log = logging.getLogger("kiosk")

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


def staff_pin_hash(args: argparse.Namespace, settings: config.KioskSettings | None) -> str:
    """The staff PIN's hash for a desk's confirmations (the no-show sweep), '' for none:
    the self-service settings' when they apply, else the saved profile's, if any."""
    if settings is not None:
        return settings.pin_hash
    if args.demo:
        return ""
    try:
        saved = config.load_profile(config.profile_path(args.profile))
    except (OSError, ConfigError):
        return ""  # the profile was read already at start; its problems were said then
    return saved.kiosk.pin_hash if saved is not None else ""
