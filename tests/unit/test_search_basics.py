"""Search: folding and the matches a desk relies on."""

from __future__ import annotations

from kiosk.domain import Guest, Status
from kiosk.search import SearchIndex, fold


def _guest(gid: str, first: str, last: str, email: str = "", ticket: str = "") -> Guest:
    return Guest(
        id=gid,
        platform_ref=gid,
        first_name=first,
        last_name=last,
        email=email or f"{gid}@example.com",
        ticket=ticket or f"T-{gid}",
        status=Status.INVITED,
    )


GUESTS = [
    _guest("1", "Anna", "Smith", ticket="KSK-AAAA-0001"),
    _guest("2", "Jürgen", "Müller", email="juergen.mueller@example.de"),
    _guest("3", "Łukasz", "Dvořák"),
    _guest("4", "Zoë", "Annan"),
]


def test_fold_is_case_and_accent_insensitive() -> None:
    assert fold("MÜLLER") == fold("Müller") == "muller"
    assert fold("Łukasz") == "lukasz"
    assert fold("Zoë") == "zoe"


def test_names_in_any_order_and_partial() -> None:
    index = SearchIndex(GUESTS)
    assert [g.id for g in index.search("ann smi")] == ["1"]
    assert [g.id for g in index.search("smi ann")] == ["1"]
    assert [g.id for g in index.search("muller")] == ["2"]
    assert [g.id for g in index.search("LUKASZ dvorak")] == ["3"]


def test_prefix_matches_rank_before_inner_matches() -> None:
    index = SearchIndex(GUESTS)
    ids = [g.id for g in index.search("ann")]
    assert ids[:2] == ["4", "1"] or ids[:2] == ["1", "4"]  # both start with "ann"


def test_ticket_and_email_prefix() -> None:
    index = SearchIndex(GUESTS)
    assert [g.id for g in index.search("ksk-aaaa-0001")] == ["1"]
    assert [g.id for g in index.search("juergen.mu")] == ["2"]


def test_hostile_input_is_answered() -> None:
    index = SearchIndex(GUESTS)
    for query in ("x" * 10_000, "🎉🎉", "\u202e\u05e9\u05dc\u05d5\u05dd", "\x00\x1b[2J", "   "):
        assert isinstance(index.search(query), list)
    assert len(index.search("   ")) == len(GUESTS)
