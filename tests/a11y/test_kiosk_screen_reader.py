"""The self-service kiosk as a blind guest and staff meet it over AT-SPI: every step's
message is said when it appears, the window is no Tab stop, the languages are one group,
and the staff PIN never leaves the process."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.a11y.bus import Reader, desktop_session, eventually, spoken, start_kiosk, walk
from tests.e2e.process import reaped

pytestmark = [pytest.mark.slow, pytest.mark.timeout(120)]


@pytest.fixture(scope="module")
def kiosk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Reader]:
    with desktop_session() as env:
        home = tmp_path_factory.mktemp("a11y-kiosk")
        with reaped(start_kiosk(home, env, "--kiosk", "--demo-guests", "60")):
            reader = Reader(env)
            try:
                eventually(lambda: reader.ask(do="tree"), "Kiosk on the AT-SPI bus")
                yield reader
            finally:
                reader.close()


def tree(reader: Reader) -> dict[str, Any]:
    found = reader.ask(do="tree")
    assert found is not None
    return dict(found)


def heard(reader: Reader, *words: str, what: str) -> list[str]:
    said: list[str] = []

    def probe() -> bool:
        said.extend(
            e.get("data", "") for e in reader.ask(do="events") if e["type"] == "object:announcement"
        )
        return any(all(w in text for w in words) for text in said)

    eventually(probe, f"an announcement of {what} ({words}); heard {said}")
    return said


def focused(reader: Reader) -> list[dict[str, Any]]:
    return list(reader.ask(do="focused"))


def test_the_welcome_step_has_one_language_group_and_no_empty_message(kiosk: Reader) -> None:
    nodes = list(walk(tree(kiosk)))
    assert not [n for n in nodes if "No message" in spoken(n)]
    groups = [n for n in nodes if n["name"].startswith("Language") and n["children"]]
    assert groups, "no group named Language"
    choices = [c["name"] for c in groups[0]["children"]]
    assert {"English", "Čeština", "Deutsch"} <= set(choices), choices


def test_the_window_is_no_tab_stop(kiosk: Reader) -> None:
    for _ in range(8):
        kiosk.ask(do="keys", keys=["Tab"])
        now = eventually(lambda: focused(kiosk), "something focused")
        assert all(n["role"] not in ("filler", "frame", "window") for n in now), now


def test_a_step_says_its_message_when_it_appears(kiosk: Reader) -> None:
    kiosk.ask(do="events")
    kiosk.ask(do="type", text="Nobodyhere")
    kiosk.ask(do="keys", keys=["Return"])
    # No such guest: the next step says so, and what to do, without a Tab to find it.
    said = heard(kiosk, "desk", what="the step's message")
    assert said


def test_the_staff_pin_never_reaches_the_bus(kiosk: Reader) -> None:
    kiosk.ask(do="keys", keys=["Escape"])
    kiosk.ask(do="keys", keys=["ctrl+shift+F12"])  # staff's key for the PIN pad
    eventually(
        lambda: [n for n in focused(kiosk) if n["name"] == "Staff PIN"], "the PIN field focused"
    )
    kiosk.ask(do="events")
    kiosk.ask(do="type", text="9876")
    eventually(
        lambda: [n for n in walk(tree(kiosk)) if "4 digits" in spoken(n)],
        "the PIN field saying how many digits it holds",
    )
    events = kiosk.ask(do="events")
    # The count of digits may be said ("4 digits"); none of the digits typed may.
    leaked = [e for e in events if re.search(r"[6-9]", e.get("data", "") or "")]
    leaked += [e for e in events if re.search(r"[6-9]", (e["source"].get("text") or ""))]
    assert not leaked, leaked
    texts = [spoken(n) for n in walk(tree(kiosk))]
    assert not [t for t in texts if "9876" in t or "98" in t], texts
