"""Stand-ins for the system keyring in set-up tests: one that keeps what it is given, and
one that fails as keyring does on a machine with no keyring backend."""

from __future__ import annotations

import keyring.errors


class MemoryKeyring:
    """Keeps what it is given, like the system keyring would."""

    def __init__(self) -> None:
        self.passwords: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, user: str, password: str) -> None:
        self.passwords[(service, user)] = password


class NoKeyring:
    """What keyring does on a machine with no keyring backend."""

    def set_password(self, service: str, user: str, password: str) -> None:
        raise keyring.errors.NoKeyringError("No recommended backend was available.")
