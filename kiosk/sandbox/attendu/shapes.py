"""How the sandbox's Attendu shows events and guests as JSON, ``_populated`` labels included."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kiosk.sandbox.attendu.guests import GuestState, GuestStore
from kiosk.sandbox.attendu.rules import ATTENDU_CONFIRMATION, BUILTIN_PROPERTIES
from kiosk.sandbox.demo import DemoEvent, to_epoch_ms
from kiosk.sandbox.wire import attendu_time, dumps


def guest_bytes(store: GuestStore, guest: GuestState) -> bytes:
    """The guest's JSON, serialised once and kept until the guest changes."""
    if guest.cached is None:
        guest.cached = dumps(guest_json(store, guest))
    return guest.cached


def event_json(store: GuestStore, event: DemoEvent) -> dict[str, Any]:
    langs = store.data.attendu_langs
    properties = []
    for prop in store.data.attendu_properties:
        item: dict[str, Any] = {"id": prop.id, "type": prop.type}
        item.update({f"_{lang}": {"name": prop.names[lang]} for lang in langs})
        if prop.options:
            item["options"] = [
                {"id": option_id, **{f"_{lang}": {"value": labels[lang]} for lang in langs}}
                for option_id, _key, labels in prop.options
            ]
        properties.append(item)
    return {
        "_id": event.attendu_id,
        "general": {
            "title": event.title,
            "startDate": attendu_time(to_epoch_ms(event.start)),
            "endDate": attendu_time(to_epoch_ms(event.end)),
            "timezone": "Europe/Prague",
            "location": event.location,
            "langs": list(langs),
        },
        "guestlist": {"properties": properties},
    }


def guest_json(store: GuestStore, guest: GuestState) -> dict[str, Any]:
    properties = store.own_properties(guest)
    populated: dict[str, Any] = {}
    for key, value in properties.items():
        if key in BUILTIN_PROPERTIES:
            populated[BUILTIN_PROPERTIES[key]] = value
        elif key in store.properties:
            prop = store.properties[key]
            populated[prop.names["en"]] = _label(prop.type, store.labels[key], value)
    return {
        "_id": guest.id,
        "event": guest.event_id,
        "status": {
            "confirmation": store.wire_confirmation(guest.confirmation),
            "attendance": guest.attendance,
            "declineMessage": guest.decline_message,
            "givenConsents": [],
            "visitedZones": list(guest.visited_zones),
            "addMethod": guest.add_method,
            "checkInMethod": guest.check_in_method,
        },
        "properties": properties,
        "_populated": {
            "properties": populated,
            "status": {
                "confirmation": _confirmation_label(guest.confirmation),
                "attendance": "Attended" if guest.attendance > 0 else "Not attended",
            },
        },
        "confirmedAt": attendu_time(guest.confirmed_ms),
        "attendedAt": attendu_time(guest.attended_ms),
        "starred": guest.starred,
        "extras": store.extras(guest),
    }


def _confirmation_label(confirmation: int) -> str:
    if confirmation == ATTENDU_CONFIRMATION["declined"]:
        return "Declined"
    if confirmation <= ATTENDU_CONFIRMATION["no_answer"]:
        return "No answer"
    return "Confirmed" if confirmation == 1 else f"Confirmed (+{confirmation - 1})"


def _label(kind: str, labels: Mapping[str, str], value: Any) -> str:
    """A property value as ``_populated`` shows it: option labels instead of ids."""
    if kind == "multiSelect" and isinstance(value, list):
        return ", ".join(labels.get(item, str(item)) for item in value)
    if kind == "select":
        return labels.get(str(value), str(value))
    return str(value)
