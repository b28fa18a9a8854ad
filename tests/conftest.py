"""Fixtures for every test: one sandbox server per session, reset before each test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kiosk.sandbox import Faults, Sandbox


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
