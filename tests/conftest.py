"""Fixtures for every test: one sandbox server per session, reset before each test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

# Headless by default, however pytest is started (plain `pytest`, an IDE, ./dev test): a
# test run never opens windows on the desk's screen. Set before Qt is first imported.
# QT_API makes qasync pick PySide6 even where PyQt is installed too.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

import pytest

from kiosk import config
from kiosk.sandbox import Faults, Sandbox
from tests.keyrings import MemoryKeyring


@pytest.fixture(scope="session")
def sandbox_server() -> Iterator[Sandbox]:
    """The session's sandbox on a free loopback port (300 guests, seed 1)."""
    with Sandbox(guests=300, seed=1) as server:
        yield server


@pytest.fixture
def sandbox(sandbox_server: Sandbox) -> Iterator[Sandbox]:
    """The session's sandbox, back to freshly seeded data, no faults, an empty log."""
    sandbox_server.reset()
    yield sandbox_server
    # Faults off at once, so nothing a test injected outlives it.
    sandbox_server.set_faults(Faults())


@pytest.fixture
def quota_sandbox() -> Iterator[Sandbox]:
    """A sandbox of its own (120 guests), for tests that change its quotas: the quotas
    outlive ``reset``, so changing the session's sandbox's would reach later tests."""
    with Sandbox(guests=120, seed=3) as sandbox:
        yield sandbox


@pytest.fixture
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Profiles go to a temporary config dir (platformdirs follows XDG_CONFIG_HOME)."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert str(config.config_dir()).startswith(str(tmp_path))
    return config.config_dir()


@pytest.fixture
def keys() -> MemoryKeyring:
    """A keyring that keeps what set-up stores, for reading back."""
    return MemoryKeyring()
