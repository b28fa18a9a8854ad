"""Search properties: an index kept up to date guest by guest answers exactly as one
built afresh, and every answer is a superset of the plain substring matches."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.domain import Guest, Status
from kiosk.search import INFIX_MIN_LETTERS, SearchIndex, fold

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])

names = st.sampled_from(["Anna", "Ann", "Zoë", "Müller", "Muller", "Smith", "Łukasz", "O'Neil"])
#: "=id": the ticket is the guest id (Attendu, for an event without ticket numbers).
tickets = st.sampled_from(["A-1", "A-2", "B-1", "KSK-AAAA", "KSK-AAAB", "", "=id"])


def _guest(number: int, digits: bool, first: str, last: str, ticket: str) -> Guest:
    gid = f"4821{number}" if digits else f"id{number}"  # ids of digits only, too
    return Guest(
        id=gid,
        platform_ref=f"/b/person/{gid if digits else f'p{number}'}/",
        first_name=first,
        last_name=last,
        email=f"{fold(first)}.{number}@example.com",
        ticket=gid if ticket == "=id" else ticket,
        status=Status.INVITED,
    )


guests = st.builds(_guest, st.integers(0, 12), st.booleans(), names, names, tickets)
operations = st.lists(st.tuples(st.booleans(), guests), max_size=25)
queries = st.sampled_from(
    ["", "a", "an", "ann", "anna", "mul", "muller", "smith", "smiht", "o'neil", "zoe m",
     "a-1", "ksk-aaaa", "ksk", "/b/person/p3/", "id4", "anna.1", "ann smi", "lukas",
     "48213", "/b/person/48214/", "id5"]
)  # fmt: skip


@SETTINGS
@given(st.lists(guests, max_size=15), operations, st.lists(queries, min_size=1, max_size=6))
def test_upkeep_answers_as_a_fresh_build(
    start: list[Guest], ops: list[tuple[bool, Guest]], asked: list[str]
) -> None:
    index = SearchIndex(start)
    roster = {guest.id: guest for guest in start}
    for remove, guest in ops:
        if remove:
            index.remove(guest.id)
            roster.pop(guest.id, None)
        else:
            index.update(guest)
            roster[guest.id] = guest
    fresh = SearchIndex(roster.values())
    assert len(index) == len(fresh) == len(roster)
    for query in asked:
        got = index.search_ranked(query, limit=None)
        want = fresh.search_ranked(query, limit=None)
        # Same guests at the same ranks; within a rank, same-named guests may differ in
        # order (the roster order is not kept through upkeep).
        assert _by_rank(got) == _by_rank(want), query
        assert [g.id for g in index.lookup_code(query)] == [g.id for g in fresh.lookup_code(query)]


def _by_rank(ranked: list[tuple[Guest, int]]) -> list[tuple[int, list[tuple[str, str]]]]:
    out: list[tuple[int, list[tuple[str, str]]]] = []
    for guest, rank in ranked:
        if not out or out[-1][0] != rank:
            out.append((rank, []))
        out[-1][1].append((fold(guest.last_name), fold(guest.first_name)))
    return [(rank, keys) for rank, keys in out]


@SETTINGS
@given(
    st.lists(guests, max_size=20),
    st.one_of(  # pieces of the names as often as anything at all
        st.text(max_size=12),
        st.lists(
            st.sampled_from(["ann", "nna", "mül", "ulle", "smi", "ith", "uka", "zoe"]),
            min_size=1,
            max_size=2,
        ).map(" ".join),
    ),
)
def test_every_substring_match_is_found(roster: list[Guest], query: str) -> None:
    """Whatever a plain scan finds (the query's words inside a folded name), the index
    finds too: ranking may add typo matches, never lose a plain one."""
    index = SearchIndex(roster)
    words = fold(query).split()
    if not words or any(len(w) < INFIX_MIN_LETTERS for w in words):
        return  # shorter words match only at the start of a word, by design
    latest = {guest.id: guest for guest in roster}
    plain = {
        g.id
        for g in latest.values()
        if all(w in fold(f"{g.first_name} {g.last_name}") for w in words)
        and all(w.isalnum() for w in words)
    }
    found = {g.id for g in index.search(query, limit=None)}
    assert plain <= found
