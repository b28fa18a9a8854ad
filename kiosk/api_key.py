"""The platform API key: from the environment or the system keyring, and stored there. No Qt."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Protocol

from kiosk import config
from kiosk.domain.errors import ConfigError
from kiosk.private_files import private_folder, private_opener

log = logging.getLogger(__name__)


class KeyStore(Protocol):
    """Where the API key goes: the ``keyring`` module itself, or a double in tests."""

    def set_password(self, service: str, user: str, password: str, /) -> None: ...


def system_keyring() -> KeyStore:
    """The ``keyring`` module. Importing it resolves its backend (possibly over D-Bus):
    call this in a worker thread."""
    import keyring

    return keyring


def stored_key(profile: config.Profile) -> str | None:
    """The key kept in the system keyring for ``profile``, None when there is none or no
    usable keyring. Blocking: run it in a worker thread."""
    try:
        import keyring

        return keyring.get_password(config.KEYRING_SERVICE, profile.keyring_user)
    except Exception as exc:  # any keyring backend failure means "no key available"
        log.warning("keyring unavailable: %s", type(exc).__name__)
        return None


def store_key(profile: config.Profile, api_key: str, keystore: KeyStore | None = None) -> bool:
    """Keep ``api_key`` in the keyring (``keystore``, else the system's) under the
    profile's entry; False when it could not be stored. Blocking: run it in a worker
    thread."""
    try:
        (keystore or system_keyring()).set_password(
            config.KEYRING_SERVICE, profile.keyring_user, api_key
        )
    # Any keyring failure (no backend, locked, D-Bus gone) ends the same way. Only its
    # type is logged: a backend's message could quote what it was given.
    except Exception as exc:
        log.warning("could not store the API key in the keyring: %s", type(exc).__name__)
        return False
    log.info("API key stored in the keyring for %s", profile.keyring_user)
    return True


def key_file(profile: config.Profile) -> Path:
    """Where the key is kept on a computer with no keyring, when the person chose so:
    beside the profile, readable by its owner alone."""
    return config.profile_path(profile.name).with_suffix(".key")


def store_key_file(profile: config.Profile, api_key: str) -> Path:
    """Keep ``api_key`` in ``key_file`` (0600, its folder 0700). Blocking."""
    path = key_file(profile)
    private_folder(path.parent)
    tmp = path.with_suffix(".key.tmp")
    with open(tmp, "w", encoding="utf-8", opener=private_opener) as out:
        out.write(f"{profile.keyring_user}\n{api_key}\n")
    tmp.replace(path)
    log.info("API key kept in %s (no keyring on this computer)", path)
    return path


def filed_key(profile: config.Profile) -> str | None:
    """The key in ``key_file``, when it was kept there for this very connection."""
    try:
        user, key = key_file(profile).read_text(encoding="utf-8").splitlines()[:2]
    except (OSError, ValueError):
        return None
    return key.strip() or None if user == profile.keyring_user else None


async def read_api_key(profile: config.Profile) -> str:
    """The key from $KIOSK_API_KEY, else the system keyring (off the UI thread: a keyring
    may talk D-Bus), else the key file set-up offered where there is no keyring. Raises
    ConfigError saying how to provide one."""
    key = config.api_key_from_env()
    if key:
        return key
    stored = await asyncio.to_thread(stored_key, profile)
    stored = stored or await asyncio.to_thread(filed_key, profile)
    if not stored:
        raise ConfigError(
            f"No API key for {config.PLATFORM_NAMES[profile.platform]}: set ${config.API_KEY_ENV}"
            " or run Kiosk without --platform to set it up (the key goes to the system keyring).",
            field="api_key",
        )
    return stored
