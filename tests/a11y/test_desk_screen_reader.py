"""The desk as a blind operator meets it: read over the AT-SPI bus, as Orca reads it,
with keys sent through the X server. One Kiosk process serves the module's tests, in
order: each starts from an empty search."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.a11y.bus import Reader, desktop_session, eventually, spoken, start_kiosk, walk
from tests.e2e.process import reaped

pytestmark = [pytest.mark.slow, pytest.mark.timeout(120)]


@pytest.fixture(scope="module")
def reader(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Reader]:
    with desktop_session() as env:
        home = tmp_path_factory.mktemp("a11y-desk")
        with reaped(start_kiosk(home, env, "--demo-guests", "300")):
            reader = Reader(env)
            try:
                eventually(lambda: reader.ask(do="tree"), "Kiosk on the AT-SPI bus")
                yield reader
            finally:
                reader.close()


@pytest.fixture
def desk(reader: Reader) -> Reader:
    reader.ask(do="keys", keys=["Escape", "Escape"])
    eventually(lambda: search_field(reader)["text"] == "", "an empty search")
    eventually(lambda: "focused" in search_field(reader)["states"], "focus in the search field")
    reader.ask(do="events")
    return reader


def tree(reader: Reader) -> dict[str, Any]:
    found = reader.ask(do="tree")
    assert found is not None, "Kiosk is not on the AT-SPI bus"
    return dict(found)


def search_field(reader: Reader) -> dict[str, Any]:
    return next(n for n in walk(tree(reader)) if n["name"] == "Search guests")


def rows(reader: Reader, column: int = 0) -> list[str]:
    """One column of the list, top to bottom (0: the guests' names, 3: their status)."""
    table = next(n for n in walk(tree(reader)) if n["role"] == "table")
    cells = [c for c in table["children"] if c["role"] == "table cell"]
    return [cell["name"] for cell in cells[column::4]]


def pane_name(reader: Reader) -> str:
    pane = next(n for n in walk(tree(reader)) if n["name"] == "Guest details")
    names = [n["name"] for n in walk(pane) if n["description"] == "Guest name"]
    return names[0] if names else ""


def announcements(reader: Reader) -> list[str]:
    return [
        e.get("data", "") for e in reader.ask(do="events") if e["type"] == "object:announcement"
    ]


def heard(reader: Reader, *words: str, what: str, said: list[str] | None = None) -> list[str]:
    """Waits until one announcement holds every one of ``words``; all heard meanwhile
    (added to ``said``, what was heard before, when given)."""
    said = [] if said is None else said

    def probe() -> bool:
        said.extend(announcements(reader))
        return any(all(w in text for w in words) for text in said)

    eventually(probe, f"an announcement of {what} ({words}); heard {said}")
    return said


def focused(reader: Reader) -> list[dict[str, Any]]:
    return list(reader.ask(do="focused"))


def test_the_guest_pane_and_status_bar_values_are_readable(desk: Reader) -> None:
    first = rows(desk)[0]
    desk.ask(do="keys", keys=["Down"])  # after Esc nobody is chosen: Down picks the first
    heard(desk, first, "1 of", what="the first guest")
    nodes = list(walk(tree(desk)))
    pane = next(n for n in nodes if n["name"] == "Guest details")
    pane_words = [spoken(n) for n in walk(pane) if n["role"] == "label"]
    assert any(first in words and "Guest name" in words for words in pane_words), pane_words
    assert any("@" in words and "Email" in words for words in pane_words), pane_words
    bar = next(n for n in nodes if n["role"] == "status bar")
    bar_words = " / ".join(spoken(n) for n in walk(bar))
    assert bar["name"], "the status bar has no name"
    for value in ("Online", "All changes delivered", "guests"):
        assert value in bar_words, bar_words


def test_moving_down_the_list_from_the_search_field_says_who(desk: Reader) -> None:
    second = rows(desk)[1]
    desk.ask(do="keys", keys=["Down", "Down"])
    heard(desk, second, "2 of", what="the guest moved to")


def test_typing_says_how_many_match_and_when_none_do(desk: Reader) -> None:
    surname = rows(desk)[0].split()[-1]
    desk.ask(do="type", text=surname)
    heard(desk, "found", what="the number of matches")
    desk.ask(do="type", text="qqzz")
    heard(desk, "No guest matches", what="an empty result")


def test_enter_lands_on_the_status_with_the_guests_name(desk: Reader) -> None:
    first = rows(desk)[0]
    desk.ask(do="keys", keys=["Down", "Return"])

    def on_a_status() -> list[dict[str, Any]]:
        return [n for n in focused(desk) if n["role"] == "check box"]

    button = eventually(on_a_status, "focus on a status button")[0]
    assert first in spoken(button), spoken(button)


def test_a_status_change_and_its_delivery_are_announced(desk: Reader) -> None:
    listed = rows(desk, column=3)
    row = next(i for i, status in enumerate(listed) if not status.startswith("Attended"))
    name = rows(desk)[row]
    desk.ask(do="keys", keys=["Down"] * (row + 1))
    # As a person would: Ctrl+4 once the pane shows whom it is for.
    eventually(lambda: pane_name(desk) == name, f"the pane showing {name}")
    desk.ask(do="keys", keys=["ctrl+4"])
    said = heard(desk, name, "Attended", "saved", what="the status set")
    heard(desk, name, "Attended", "synced", what="its delivery", said=said)


def test_the_list_is_one_tab_stop(desk: Reader) -> None:
    def in_table() -> bool:
        return any(n["role"] == "table cell" for n in focused(desk))

    for _ in range(6):
        if in_table():
            break
        desk.ask(do="keys", keys=["Tab"])
        eventually(lambda: focused(desk), "something focused")
    assert in_table(), "Tab never reached the list"
    desk.ask(do="keys", keys=["Tab"])
    eventually(lambda: not in_table(), "one Tab to leave the list")


def test_focus_is_on_one_object_at_a_time_and_the_clear_button_is_named(desk: Reader) -> None:
    desk.ask(do="type", text="a")
    only = eventually(lambda: focused(desk), "focus")
    assert [n["name"] for n in only] == ["Search guests"], only
    clear = [n for n in walk(tree(desk)) if n["name"] == "Clear the search"]
    assert clear, "the clear button has no name"
    assert "focusable" in clear[0]["states"], clear
