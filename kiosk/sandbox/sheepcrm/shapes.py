"""How the sandbox's sheepCRM shows events, attendance sessions and status updates as JSON."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from kiosk.sandbox.demo import DemoEvent, DemoPerson, to_epoch_ms
from kiosk.sandbox.sheepcrm.real_rows import RealRows, play
from kiosk.sandbox.sheepcrm.roster import AttendanceStore, Session
from kiosk.sandbox.wire import dumps, sheepcrm_time

#: sheepCRM's resource type for an attendance session (the vendor's examples do not show one).
SESSION_RESOURCE = "attendance"


def person_uri(bucket: str, person: DemoPerson) -> str:
    return f"/{bucket}/person/{person.person_uid}/"


def event_uri(bucket: str, event: DemoEvent) -> str:
    return f"/{bucket}/booking/{event.sheepcrm_uid}/"


def attendance_body(store: AttendanceStore, event: DemoEvent, cut: int = 0) -> bytes:
    """The whole attendance answer of ``event``, from JSON kept per session and for the
    booking part, so a write costs one session's serialisation, not the list's. ``cut``:
    only the first that many sessions, and no sign of the rest (0: all)."""
    roster = store.roster(event)
    bucket = store.data.bucket
    if roster.body_prefix is None:
        roster.body_prefix = (
            b'{"booking":'
            + dumps(event_json(bucket, event, summary=False, rows=store.real_rows))
            + b',"booking_uri":'
            + dumps(event_uri(bucket, event))
            + b',"sessions":['
        )
    sessions = roster.sessions[:cut] if cut else roster.sessions
    parts = [session_bytes(store, session) for session in sessions]
    return roster.body_prefix + b",".join(parts) + b"]}"


def session_bytes(store: AttendanceStore, session: Session) -> bytes:
    """The session's JSON, serialised once and kept until the session changes (the
    rows of it, when the store plays an account's real rows: ``real_rows``)."""
    if session.cached is None:
        row = session_json(store, session)
        if store.real_rows is None:
            session.cached = dumps(row)
        else:
            plus_one = session.entry.host is not None
            rows = play(store.real_rows, row, session.position, plus_one)
            session.cached = b",".join(dumps(one) for one in rows)
    return session.cached


def session_json(store: AttendanceStore, session: Session) -> dict[str, Any]:
    entry, person, bucket = session.entry, session.person, store.data.bucket
    host = store.data.people[entry.host] if entry.host is not None else None
    return {
        "uid": entry.session_uid,
        "uri": f"/{bucket}/{SESSION_RESOURCE}/{entry.session_uid}/",
        "person_ref": session.person_uri,
        "guest": host is not None,
        "guest_ref": person_uri(bucket, host) if host is not None else "",
        "attendee_name": person.name,
        "attendee_email": person.email,
        "status": session.status,
        "ticket": entry.ticket,
        "ticket_ref": f"/{bucket}/ticket/{entry.ticket_uid}/",
        "display_value": f"{person.name} ({entry.ticket_type})",
        "record_state": "active",
        "created": sheepcrm_time(entry.created_ms),
        "last_updated": sheepcrm_time(session.updated_ms),
    }


def updated_json(bucket: str, event: DemoEvent, session: Session) -> dict[str, Any]:
    """The answer to a status PUT."""
    entry, person = session.entry, session.person
    booking_uri = event_uri(bucket, event)
    return {
        "attendance": [
            {
                "attendance": {
                    "attendee_email": person.email,
                    "attendee_name": person.name,
                    "booking_ref": {"display_value": event.title, "ref": booking_uri},
                    "guest": entry.host is not None,
                    "legacy_uid": "",
                    "person_ref": {"display_value": person.name, "ref": session.person_uri},
                    "status": session.status,
                    "ticket_ref": f"/{bucket}/ticket/{entry.ticket_uid}/",
                },
                "uri": f"/{bucket}/{SESSION_RESOURCE}/{entry.session_uid}/",
            }
        ],
        "booking_ref": booking_uri,
        "person_ref": session.person_uri,
        "status": session.status,
    }


def search_result(bucket: str, person: DemoPerson) -> dict[str, Any]:
    return {
        "id": person_uri(bucket, person),
        "display_value": person.name,
        "resource": "person",
        "primary_email": person.email,
        "primary_telephone": person.phone,
    }


def event_json(
    bucket: str, event: DemoEvent, *, summary: bool, rows: RealRows | None = None
) -> dict[str, Any]:
    """An event as the lists show it (``summary``) or as its own page does; its times
    in the event's zone when the store plays real rows (``rows``)."""
    start, end = event.start, event.end
    spell = rows.time if rows is not None else sheepcrm_time
    if rows is not None:
        zone = ZoneInfo(rows.zone)
        start, end = start.astimezone(zone), end.astimezone(zone)
    allocated = len(event.entries)
    brief: dict[str, Any] = {
        "uid": event.sheepcrm_uid,
        "uri": event_uri(bucket, event),
        "resource_type": "booking",
        "title": event.title,
        "display_value": event.title,
        "status": event.state,
        "start_date": start.date().isoformat(),
        "start_time": start.strftime("%H:%M"),
        "start_datetime": spell(to_epoch_ms(start)),
        "end_date": end.date().isoformat(),
        "end_time": end.strftime("%H:%M"),
        "end_datetime": spell(to_epoch_ms(end)),
        "location": event.location,
        "capacity": event.capacity,
    }
    if summary:
        return brief
    hours = (end - start).total_seconds() / 3600
    return {
        **brief,
        "formatted_title": event.title,
        "description": event.description,
        "date_range": f"{start:%d %b %Y %H:%M} - {end:%H:%M}",
        "multi_day": start.date() != end.date(),
        "length_hours": hours,
        "length_display": f"{hours:g} hours",
        "location_address_string": event.location,
        "location_country": "CZ",
        "category": "Conference",
        "event_type": "event",
        "booking_type": "event",
        "cancelled": False,
        "ticketed_event": True,
        "has_ticketed_event": True,
        "member_only_event": False,
        "hide_from_self_service": False,
        "is_sold_out": allocated >= event.capacity,
        "total_stock": event.capacity,
        "total_stock_allocated": allocated,
        "total_stock_available": max(0, event.capacity - allocated),
        "tags": ["demo"],
        "created": sheepcrm_time(to_epoch_ms(event.created)),
        "last_updated": sheepcrm_time(to_epoch_ms(event.created)),
    }
