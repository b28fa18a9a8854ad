"""The search index's column tables and ticket parts, kept as guests come, change and go,
and carried through the start-up snapshot's state."""

from __future__ import annotations

from kiosk.domain import Guest, Status
from kiosk.search import SearchIndex


def _guest(gid: str, last: str, ticket: str, status: Status, **kw: object) -> Guest:
    return Guest(gid, gid, "Ann", last, f"{gid}@example.org", ticket, status, **kw)  # type: ignore[arg-type]


ROSTER = [
    _guest("g1", "Adams", "RQY3-9634", Status.ACCEPTED, ticket_type="VIP", starred=True),
    _guest("g2", "Brown", "KSK-ZVJG-VSPV", Status.ATTENDED, ticket_type="Standard"),
    _guest("g3", "Clark", "ABCD1234", Status.ACCEPTED, ticket_type="Standard"),
    _guest("g4", "Dunn", "XY-12", Status.DECLINED),
]


def _ids(guests: list[Guest]) -> list[str]:
    return [g.id for g in guests]


def test_a_ticket_is_found_by_any_part_of_its_code() -> None:
    index = SearchIndex(ROSTER)
    assert _ids(index.search("RQY3-9634")) == ["g1"]
    assert _ids(index.search("9634")) == ["g1"]
    assert _ids(index.search("zvjg")) == ["g2"]
    assert _ids(index.search("vspv")) == ["g2"]
    assert index.search("12") == []  # a part this short picks out no one
    index.update(ROSTER[0]._replace(ticket="RQY3-5555"))
    assert index.search("9634") == []
    assert _ids(index.search("5555")) == ["g1"]
    index.remove("g1")
    assert index.search("5555") == []


def test_filters_follow_status_changes_and_removals() -> None:
    index = SearchIndex(ROSTER)
    assert _ids(index.search("ann", within=index.where(status="accepted"))) == ["g1", "g3"]
    assert _ids(index.search("", within=index.where(starred=True))) == ["g1"]
    assert _ids(index.search("", within=index.where(ticket_type="Standard"))) == ["g2", "g3"]
    index.update(ROSTER[2]._replace(status=Status.ATTENDED))  # a status change: no re-index
    assert _ids(index.search("", within=index.where(status="accepted"))) == ["g1"]
    assert _ids(index.search("", within=index.where(status="attended"))) == ["g2", "g3"]
    both = index.where(status="attended", ticket_type="Standard", ids=["g3", "gone"])
    assert _ids(index.search("", within=both)) == ["g3"]
    index.remove("g2")
    assert _ids(index.search("", within=index.where(status="attended"))) == ["g3"]
    assert index.where() is None
    assert index.ticket_types() == ["Standard", "VIP"]


def test_columns_and_parts_survive_the_snapshot_state() -> None:
    built = SearchIndex(ROSTER)
    guests, state = built.state()
    restored = SearchIndex()
    restored.restore(list(guests), dict(state))
    assert _ids(restored.search("9634")) == ["g1"]
    assert _ids(restored.search("", within=restored.where(status="declined"))) == ["g4"]
