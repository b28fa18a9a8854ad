"""Reads an application over the AT-SPI bus as a screen reader does, on orders from a test.

Runs under the system Python (Debian's python3-pyatspi), not the project's venv: the
test starts it as a process of its own and speaks JSON lines over stdin/stdout. Orders:
  {"do": "tree", "app": "Kiosk"}              the accessible tree, as nested dicts
  {"do": "events"}                              events heard since the last call, then clear
  {"do": "keys", "keys": ["Down", "ctrl+4"]}    key presses through the AT-SPI registry (XTest)
  {"do": "type", "text": "Åberg"}               text typed key by key
  {"do": "focused", "app": "Kiosk"}             the object whose state says focused (all of them)
  {"do": "press", "name": "Staff", "times": 1}  a button's first action (what Orca's Enter does)
"""

from __future__ import annotations

import contextlib
import json
import sys
import threading
from typing import Any

import gi

gi.require_version("Atspi", "2.0")
import pyatspi  # noqa: E402
from gi.repository import Atspi, GLib  # noqa: E402

EVENTS = (
    "focus:",
    "object:state-changed:focused",
    "object:state-changed:checked",
    "object:announcement",
    "object:text-changed",
    "object:active-descendant-changed",
    "object:property-change:accessible-name",
    "object:property-change:accessible-description",
)

heard: list[dict[str, Any]] = []
lock = threading.Lock()


def describe(acc: Any) -> dict[str, Any]:
    node: dict[str, Any] = {"role": "", "name": "", "description": "", "text": None, "states": []}
    try:
        acc.clear_cache()
        node["role"] = acc.getRoleName()
        node["name"] = acc.name or ""
        node["description"] = acc.description or ""
        node["states"] = sorted(pyatspi.stateToString(s) for s in acc.getState().getStates())
    except Exception as error:  # a widget that died under us
        node["error"] = str(error)
        return node
    try:
        text = acc.queryText()
        node["text"] = text.getText(0, -1)
    except Exception:
        pass
    with contextlib.suppress(Exception):  # not every object has relations
        node["relations"] = {
            pyatspi.relationToString(rel.getRelationType()): [
                rel.getTarget(i).name for i in range(rel.getNTargets())
            ]
            for rel in acc.getRelationSet()
        }
    return node


def tree(acc: Any, depth: int = 0, limit: int = 60) -> dict[str, Any]:
    node = describe(acc)
    children = []
    if depth < 25 and "error" not in node:
        for index in range(min(acc.childCount, limit)):
            child = acc.getChildAtIndex(index)
            if child is not None:
                children.append(tree(child, depth + 1, limit))
    node["children"] = children
    return node


def everything(acc: Any, depth: int = 0) -> Any:
    yield acc
    if depth < 25:
        for index in range(min(acc.childCount, 60)):
            child = acc.getChildAtIndex(index)
            if child is not None:
                yield from everything(child, depth + 1)


def application(name: str) -> Any:
    for app in pyatspi.Registry.getDesktop(0):
        if app is not None and app.name == name:
            # Read each state afresh: a cached "focused" outlives the focus itself.
            app.set_cache_mask(Atspi.Cache.NONE)
            return app
    return None


def on_event(event: Any) -> None:
    entry = {"type": str(event.type), "detail1": event.detail1, "detail2": event.detail2}
    value = event.any_data
    if isinstance(value, str):
        entry["data"] = value
    try:
        entry["source"] = describe(event.source)
    except Exception:
        entry["source"] = {}
    with lock:
        heard.append(entry)


def press(spec: str) -> None:
    """One key, maybe with ctrl/shift/alt held: 'Down', 'ctrl+4', 'shift+Tab', 'Return'.

    The modifiers are locked around the key (as the AT-SPI registry offers), and the key
    goes by keysym, which needs no knowledge of the server's keyboard map."""
    *mods, key = spec.split("+")
    mask = sum(MODIFIERS[m] for m in mods)
    gen = pyatspi.Registry.generateKeyboardEvent
    if mask:
        gen(mask, None, pyatspi.KEY_LOCKMODIFIERS)
    gen(KEYSYMS.get(key, ord(key[0])), None, pyatspi.KEY_SYM)
    if mask:
        gen(mask, None, pyatspi.KEY_UNLOCKMODIFIERS)


# X11 keysyms of the named keys a test presses; a character is its own keysym.
KEYSYMS = {
    "Escape": 0xFF1B,
    "Return": 0xFF0D,
    "Tab": 0xFF09,
    "BackSpace": 0xFF08,
    "Up": 0xFF52,
    "Down": 0xFF54,
    "Left": 0xFF51,
    "Right": 0xFF53,
    "Home": 0xFF50,
    "End": 0xFF57,
    "Page_Up": 0xFF55,
    "Page_Down": 0xFF56,
    "F1": 0xFFBE,
    "F12": 0xFFC9,
}
MODIFIERS = {"shift": 1, "ctrl": 4, "alt": 8}


def handle(order: dict[str, Any]) -> Any:
    kind = order["do"]
    if kind == "tree":
        app = application(order.get("app", "Kiosk"))
        return None if app is None else tree(app)
    if kind == "events":
        with lock:
            out = list(heard)
            heard.clear()
        return out
    if kind == "keys":
        for spec in order["keys"]:
            press(spec)
        return True
    if kind == "type":
        for char in order["text"]:
            pyatspi.Registry.generateKeyboardEvent(
                ord(char) if ord(char) < 256 else 0x1000000 + ord(char), None, pyatspi.KEY_SYM
            )
        return True
    if kind == "press":  # what Orca does on a button: its first action, by name
        app = application(order.get("app", "Kiosk"))
        for node in everything(app):
            if node.name == order["name"]:
                for _ in range(order.get("times", 1)):
                    node.queryAction().doAction(0)
                return True
        return False
    if kind == "focused":
        app = application(order.get("app", "Kiosk"))
        found: list[dict[str, Any]] = []

        def visit(acc: Any, depth: int) -> None:
            node = describe(acc)
            if "focused" in node["states"]:
                found.append(node)
            if depth < 25:
                for index in range(min(acc.childCount, 60)):
                    child = acc.getChildAtIndex(index)
                    if child is not None:
                        visit(child, depth + 1)

        if app is not None:
            visit(app, 0)
        return found
    raise ValueError(f"unknown order {kind!r}")


def serve() -> None:
    for line in sys.stdin:
        order = json.loads(line)
        result: dict[str, Any]
        try:
            result = {"ok": True, "value": GLib.idle_add and run_in_loop(order)}
        except Exception as error:
            result = {"ok": False, "error": f"{type(error).__name__}: {error}"}
        sys.stdout.write(json.dumps(result) + "\n")
        sys.stdout.flush()
    GLib.idle_add(pyatspi.Registry.stop)


def run_in_loop(order: dict[str, Any]) -> Any:
    """Runs the order on the GLib loop's thread, where pyatspi expects to be called."""
    done = threading.Event()
    box: dict[str, Any] = {}

    def call() -> bool:
        try:
            box["value"] = handle(order)
        except Exception as error:
            box["error"] = error
        done.set()
        return False

    GLib.idle_add(call)
    done.wait(60)
    if "error" in box:
        raise box["error"]
    return box.get("value")


def main() -> None:
    pyatspi.Registry.registerEventListener(on_event, *EVENTS)
    threading.Thread(target=serve, daemon=True).start()
    sys.stdout.write(json.dumps({"ok": True, "value": "ready"}) + "\n")
    sys.stdout.flush()
    pyatspi.Registry.start()


if __name__ == "__main__":
    main()
