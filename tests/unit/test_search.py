"""Search: every kind of match the desk relies on, ranking, incremental upkeep, and
hostile input."""

from __future__ import annotations

import asyncio

import pytest

from kiosk.domain import Guest, Status
from kiosk.search import Rank, SearchIndex, code_candidates, compact, fold, guest_codes


def _guest(
    gid: str,
    first: str,
    last: str,
    email: str = "",
    ticket: str = "",
    ref: str = "",
) -> Guest:
    return Guest(
        id=gid,
        platform_ref=ref or gid,
        first_name=first,
        last_name=last,
        email=email or f"guest{gid}@example.com",
        ticket=ticket or f"T-{gid}",
        status=Status.INVITED,
    )


GUESTS = [
    _guest("g01", "Anna", "Smith", "anna.smith@example.com", "KSK-AAAA-0001"),
    _guest("g02", "Jürgen", "Müller", "juergen.mueller@example.de", "KSK-BBBB-0002"),
    _guest("g03", "Łukasz", "Dvořák", "lukasz@example.pl"),
    _guest("g04", "Zoë", "Annan", "zoe.annan@example.org"),
    _guest("g05", "Jean-Luc", "O'Brien", "jl@example.fr"),
    _guest("g06", "Maria", "Kowalski", "maria.k@example.pl"),
    _guest("g07", "Thomas", "Smithson", "tsmithson@example.com"),
    _guest("g08", "Hannah", "Goldsmith", "hannah@example.com"),
    _guest(
        "6aec9417912265b1f56c8087",
        "Inés",
        "Fernández",
        "ines.fernandez@example.com",
        "KSK-A5KZ-PWCQ",
        ref="/demo/person/695c516c912265b1f56c78b6/",
    ),
]


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex(GUESTS)


def ids(index: SearchIndex, query: str, limit: int | None = 200) -> list[str]:
    return [guest.id for guest in index.search(query, limit)]


# -- folding ----------------------------------------------------------------------------


def test_fold_is_case_and_accent_insensitive() -> None:
    assert fold("MÜLLER") == fold("Müller") == fold("Muller") == "muller"
    assert fold("Łukasz") == "lukasz"
    assert fold("Zoë") == "zoe"
    assert fold("Straße") == "strasse"


@pytest.mark.parametrize(
    ("spellings", "expected"),
    [
        (("Müller", "Muller", "MÜLLER", "muller"), "g02"),
        (("Zoë", "Zoe", "ZOE", "zoë"), "g04"),
        (("Łukasz", "Lukasz", "ŁUKASZ", "lukasz"), "g03"),
        (("Dvořák", "Dvorak", "DVORAK"), "g03"),
        (("Fernández", "fernandez", "INÉS"), "6aec9417912265b1f56c8087"),
    ],
)
def test_case_and_accents_do_not_matter(
    index: SearchIndex, spellings: tuple[str, ...], expected: str
) -> None:
    for spelling in spellings:
        assert ids(index, spelling)[0] == expected, spelling


# -- names ------------------------------------------------------------------------------


def test_names_in_any_order_and_partial(index: SearchIndex) -> None:
    for query in ("ann smi", "smi ann", "Smith Anna", "  anna   SMITH "):
        ranked = index.search_ranked(query)
        assert ranked[0][0].id == "g01", query
        assert ranked[0][1] in (Rank.EXACT, Rank.PREFIX)
        # Hannah Goldsmith matches too, inside her words, so after Anna.
        assert [(g.id, rank) for g, rank in ranked[1:]] == [("g08", Rank.INSIDE)]
    assert ids(index, "luk dvo") == ["g03"]


def test_hyphenated_and_apostrophe_names(index: SearchIndex) -> None:
    for query in ("jean luc", "jeanluc", "jean-luc", "luc", "obrien", "o'brien", "brien"):
        assert ids(index, query)[0] == "g05", query


def test_words_inside_names_match_after_word_starts(index: SearchIndex) -> None:
    ranked = index.search_ranked("smith")
    assert [(g.id, rank) for g, rank in ranked] == [
        ("g01", Rank.EXACT),
        ("g07", Rank.PREFIX),
        ("g08", Rank.INSIDE),
    ]


def test_no_match_is_an_empty_list(index: SearchIndex) -> None:
    assert ids(index, "zzzzqqq") == []
    assert ids(index, "anna kowalski") == []


# -- email ------------------------------------------------------------------------------


def test_email_and_its_start(index: SearchIndex) -> None:
    assert ids(index, "juergen.mueller@example.de") == ["g02"]
    assert ids(index, "JUERGEN.MUELLER@EXAMPLE.DE") == ["g02"]
    assert ids(index, "juergen.mu") == ["g02"]
    assert ids(index, "tsmith")[0] == "g07"
    assert index.search_ranked("maria.k@exa") == [(index.get("g06"), Rank.EMAIL)]


# -- codes ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed", ["KSK-AAAA-0001", "ksk-aaaa-0001", "KSKAAAA0001", "ksk aaaa 0001", " KSK-AAAA-0001\n"]
)
def test_ticket_code_exact(index: SearchIndex, typed: str) -> None:
    ranked = index.search_ranked(typed)
    assert (ranked[0][0].id, ranked[0][1]) == ("g01", Rank.CODE)
    assert [g.id for g in index.lookup_code(typed)] == ["g01"]


def test_platform_ids_exact(index: SearchIndex) -> None:
    ines = "6aec9417912265b1f56c8087"
    for code in (
        ines,  # the guest id (sheepCRM session uid)
        ines.upper(),
        "695c516c912265b1f56c78b6",  # the person id in the person URI
        "/demo/person/695c516c912265b1f56c78b6/",  # the whole person URI
        "KSK-A5KZ-PWCQ",
    ):
        assert [g.id for g in index.lookup_code(code)] == [ines], code
        assert index.search_ranked(code)[0] == (index.get(ines), Rank.CODE), code
    assert index.lookup_code("695c516c") == []  # codes are exact, never partial
    assert index.lookup_code("") == []


def test_a_ticket_code_typed_in_part_finds_it_after_names(index: SearchIndex) -> None:
    ranked = index.search_ranked("KSK-A5KZ")
    assert [(g.id, rank) for g, rank in ranked] == [("6aec9417912265b1f56c8087", Rank.CODE_PREFIX)]


def test_codes_of_a_guest() -> None:
    guest = GUESTS[-1]
    assert guest_codes(guest) == {
        "kska5kzpwcq",
        "6aec9417912265b1f56c8087",
        "695c516c912265b1f56c78b6",
    }
    assert compact("KSK-A5KZ-PWCQ") == "kska5kzpwcq"
    assert code_candidates("https://x.example/demo/person/ABC/?q=1")[:2] == [
        "httpsxexampledemopersonabcq1",
        "abc",
    ]


INES = "6aec9417912265b1f56c8087"


@pytest.mark.parametrize(
    ("scanned", "expected"),
    [
        ("https://tickets.example/checkin?ticket=KSK-AAAA-0001&lang=de", "g01"),
        ("https://tickets.example/c?event=EVENT-2026&t=KSK-AAAA-0001", "g01"),
        ("https://sheep.example/#/demo/person/695c516c912265b1f56c78b6/", INES),
        ("https://sheep.example/demo/person/695c516c912265b1f56c78b6/edit", INES),
        ("https://app.example/#/checkin?ticket=KSK-A5KZ-PWCQ", INES),
        ("https://x.example/" + "a" * 300 + "/?ticket=KSK-AAAA-0001", "g01"),  # long QR
    ],
)
def test_a_url_holding_a_code_anywhere_finds_its_guest(
    index: SearchIndex, scanned: str, expected: str
) -> None:
    assert [g.id for g in index.lookup_code(scanned)] == [expected]
    assert index.search_ranked(scanned)[0] == (index.get(expected), Rank.CODE)


def test_the_most_specific_code_of_a_url_wins() -> None:
    event = _guest("ev", "Eve", "Event", ticket="EVENT-2026")
    index = SearchIndex([*GUESTS, event])
    scanned = "https://tickets.example/c?event=EVENT-2026&t=KSK-AAAA-0001"
    assert [g.id for g in index.lookup_code(scanned)] == ["g01"]  # the ticket, the longer
    assert [g.id for g in index.lookup_code("https://x.example/p/EVENT-2026")] == ["ev"]


def test_a_short_number_beside_an_unknown_ticket_opens_no_one() -> None:
    """An event number or a year in a ticket's URL is no guest's code, even when a
    guest's id is that number: the unknown ticket is said so, no one else opens."""
    index = SearchIndex([*GUESTS, _guest("48213", "Dan", "Digits"), _guest("2026", "Y", "Ear")])
    for scanned in (
        "https://x.example/events/48213/checkin?ticket=KSK-UNKNOWN-1",
        "https://x.example/checkin?event=48213&year=2026&ticket=KSK-UNKNOWN-1",
        "https://x.example/#/2026/checkin",
    ):
        assert index.lookup_code(scanned) == [], scanned


# -- typos ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Smiht", "g01"),  # two letters swapped
        ("Kowalsky", "g06"),  # one letter replaced
        ("Mueller", "g02"),  # one letter too many (ü typed as ue)
        ("Kowalki", "g06"),  # one letter missing
        ("Dvorka", "g03"),  # swapped, at the end
        ("anna smiht", "g01"),  # a clean word and a typo
        ("Fernandes", "6aec9417912265b1f56c8087"),
        ("Kowla", "g06"),  # a typo in a word still being typed
        ("Smth", "g01"),  # Smith, a name of five letters, with one left out
        ("anna smth", "g01"),
    ],
)
def test_one_typo_in_a_word_of_five_letters_or_more(
    index: SearchIndex, typed: str, expected: str
) -> None:
    ranked = index.search_ranked(typed)
    assert ranked, typed
    assert ranked[0][0].id == expected
    assert ranked[0][1] == Rank.TYPO


def test_short_words_and_two_typos_are_not_forgiven(index: SearchIndex) -> None:
    assert ids(index, "Amna") == []  # Anna has four letters: no typo forgiven
    assert ids(index, "Ana") == []
    assert ids(index, "Kwolasky") == []  # two typos


def test_typos_do_not_crowd_out_clean_matches(index: SearchIndex) -> None:
    # "smith" has clean matches: Smithson's "smithso" neighbours are not listed as typos.
    assert all(rank != Rank.TYPO for _g, rank in index.search_ranked("smith"))


# -- ranking and listing ----------------------------------------------------------------


def test_ranks_are_in_order_and_alphabetical_within_a_rank() -> None:
    guests = [
        _guest("c", "Anna", "Zeta"),
        _guest("b", "Anna", "Alpha"),
        _guest("a", "Annabel", "Beta"),
        _guest("d", "Joanna", "Gamma"),
        _guest("e", "Bob", "Anna-Lee", ticket="ANNA"),
    ]
    index = SearchIndex(guests)
    ranked = [(g.id, rank) for g, rank in index.search_ranked("anna")]
    assert ranked == [
        ("e", Rank.CODE),
        ("b", Rank.EXACT),
        ("c", Rank.EXACT),
        ("a", Rank.PREFIX),
        ("d", Rank.INSIDE),
    ]


def test_empty_query_lists_everyone_alphabetically(index: SearchIndex) -> None:
    everyone = index.search("", limit=None)
    assert len(everyone) == len(GUESTS) == len(index)
    keys = [(fold(g.last_name), fold(g.first_name)) for g in everyone]
    assert keys == sorted(keys)
    assert index.search("   ", limit=3) == everyone[:3]


def test_limit_keeps_the_best(index: SearchIndex) -> None:
    assert ids(index, "smith", limit=1) == ["g01"]
    assert len(index.search("a", limit=2)) == 2


# -- hostile input ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "x" * 10_000,
        "anna " * 2_000,
        "🎉🎉 👩‍👩‍👧",
        # a right-to-left override, Hebrew, Arabic
        "\u202e\u05e9\u05dc\u05d5\u05dd \u0627\u0644\u0633\u0644\u0627\u0645",
        "\x00\x1b[2J\x7f\u200b\ufeff",
        "   \t\n ",
        "%_*?[](){}\\^$|+.",
        "' OR 1=1; --",
        "\udcff",  # a lone surrogate (what a broken paste may give)
        "\uff46\uff55\uff4c\uff4c",  # fullwidth letters
        "http://[::1" + "/?#=&%" * 2_000,  # a scanned "URL" that is none
        "?ticket=" * 1_000,
    ],
)
def test_hostile_input_is_answered(index: SearchIndex, query: str) -> None:
    roster = {guest.id: guest for guest in GUESTS}
    for answer in (index.search(query), index.lookup_code(query)):
        assert isinstance(answer, list)
        # Guests of the roster only, never a hole (a look-up once answered [None]).
        assert all(guest is not None and roster.get(guest.id) is guest for guest in answer)


def test_a_name_repeated_thousands_of_times_still_finds_the_name(index: SearchIndex) -> None:
    assert ids(index, "anna " * 2_000)[:1] == ["g01"]


def test_spaces_and_symbols_only_list_everyone(index: SearchIndex) -> None:
    assert len(index.search("   ")) == len(GUESTS)
    assert len(index.search("🎉")) == len(GUESTS)


def test_fullwidth_and_compatibility_forms_fold() -> None:
    index = SearchIndex([_guest("w", "Anna", "Wide")])
    assert ids(index, "\uff57\uff49\uff44\uff45") == ["w"]  # fullwidth "wide"


# -- keeping up with the roster ---------------------------------------------------------


def test_a_status_change_keeps_the_guest_findable() -> None:
    index = SearchIndex(GUESTS)
    anna = index.get("g01")
    assert anna is not None
    index.update(anna.with_status(Status.ATTENDED))
    found = index.search("anna smith")[0]
    assert (found.id, found.status) == ("g01", Status.ATTENDED)
    assert next(g for g in index.all() if g.id == "g01").status is Status.ATTENDED


def test_renamed_guest_is_found_by_the_new_name_only() -> None:
    index = SearchIndex(GUESTS)
    anna = index.get("g01")
    assert anna is not None
    index.update(anna._replace(last_name="Zyx", email="anna@zyx.example", ticket="NEW-1"))
    assert ids(index, "smith") == ["g07", "g08"]
    assert ids(index, "anna zyx") == ["g01"]
    assert all(rank != Rank.EMAIL for _g, rank in index.search_ranked("anna.smith@"))
    assert index.lookup_code("KSK-AAAA-0001") == []
    assert [g.id for g in index.lookup_code("new-1")] == ["g01"]
    assert index.all()[-1].id == "g01"  # now last alphabetically


def test_added_and_removed_guests() -> None:
    index = SearchIndex(GUESTS)
    index.update(_guest("new", "Aaron", "Aardvark", ticket="KSK-NEW"))
    assert index.all()[0].id == "new"
    assert ids(index, "aard") == ["new"]
    assert [g.id for g in index.lookup_code("ksk-new")] == ["new"]
    index.remove("new")
    index.remove("never-there")
    assert ids(index, "aard") == []
    assert index.lookup_code("ksk-new") == []
    assert len(index) == len(GUESTS)
    assert index.get("new") is None


@pytest.mark.parametrize(
    "removed",
    [
        _guest("q7kd2", "Ada", "Lovelace", ticket="q7kd2"),  # Attendu: ticket = guest id
        _guest("48213", "Ada", "Lovelace", ticket="48213"),  # an id of digits only
        _guest("48214", "Ada", "Lovelace", ref="/demo/person/48214/"),
        _guest("Q7-KD3", "Ada", "Lovelace", ticket="q7kd3"),  # an id not in compact form
    ],
    ids=["ticket-is-id", "digit-id", "digit-id-in-ref", "odd-id"],
)
@pytest.mark.parametrize(
    "built", ["at once", "one by one", "from a snapshot", "from an older snapshot"]
)
def test_a_removed_guest_is_not_found_by_any_of_its_codes(removed: Guest, built: str) -> None:
    roster = [*GUESTS, removed]
    if built == "at once":
        index = SearchIndex(roster)
    elif built == "one by one":
        index = SearchIndex()
        for guest in roster:
            index.update(guest)
    else:
        guests, state = SearchIndex(roster).state()
        if built == "from an older snapshot":  # it filed every code, the id's too
            slot = state["slot"][removed.id]
            state["codes"].update(dict.fromkeys(guest_codes(removed), slot))
        index = SearchIndex()
        index.restore(guests, state)
    codes = guest_codes(removed)
    for code in codes:
        assert [g.id for g in index.lookup_code(code)] == [removed.id], code

    index.remove(removed.id)
    for code in codes:
        assert index.lookup_code(code) == [], code
        assert ids(index, code) == [], code
    # The freed place is taken by the next guest: the old codes still find nobody.
    index.update(_guest("next", "Bea", "Next", ticket="KSK-NEXT"))
    for code in codes:
        assert index.lookup_code(code) == [], code
    assert [g.id for g in index.lookup_code("ksk-next")] == ["next"]


def test_shared_codes_find_every_holder() -> None:
    index = SearchIndex(
        [_guest("a", "Ann", "One", ticket="SAME"), _guest("b", "Ben", "Two", ticket="SAME")]
    )
    assert [g.id for g in index.lookup_code("same")] == ["a", "b"]
    index.remove("a")
    assert [g.id for g in index.lookup_code("same")] == ["b"]


def test_incremental_upkeep_matches_a_fresh_build() -> None:
    index = SearchIndex(GUESTS[:4])
    for guest in GUESTS[4:]:
        index.update(guest)
    index.remove("g02")
    index.update(GUESTS[1])
    fresh = SearchIndex(GUESTS)
    for query in ("", "a", "smi", "anna", "kowla", "ksk", "dvorak", "o", "an sm"):
        assert ids(index, query) == ids(fresh, query), query


def test_many_insertions_at_one_place_renumber_ranks() -> None:
    index = SearchIndex([_guest("a", "A", "Aaa"), _guest("z", "Z", "Zzz")])
    for n in range(60):  # each lands between the same two neighbours: halves the gap
        index.update(_guest(f"m{n:02}", "M", f"Mmm{n:02}"))
    names = [g.last_name for g in index.all()]
    assert names == sorted(names, key=fold)
    assert ids(index, "mmm0", limit=3) == ["m00", "m01", "m02"]


def test_replace_async_matches_replace_and_keeps_changes_made_meanwhile() -> None:
    index = SearchIndex(GUESTS[:2])

    async def rebuild() -> None:
        task = asyncio.create_task(index.replace_async(GUESTS, slice_s=0.0))
        await asyncio.sleep(0)
        assert ids(index, "anna") == ["g01"]  # the old roster still answers meanwhile
        renamed = GUESTS[2]._replace(last_name="Novak")
        index.update(renamed)
        index.remove("g04")
        await task

    asyncio.run(rebuild())
    assert ids(index, "novak") == ["g03"]
    assert ids(index, "dvorak") == []
    assert index.get("g04") is None
    assert len(index) == len(GUESTS) - 1


def test_duplicate_ids_in_a_roster_keep_the_last() -> None:
    first, second = _guest("x", "Old", "Name"), _guest("x", "New", "Name")
    index = SearchIndex([first, second])
    assert len(index) == 1
    assert ids(index, "new") == ["x"]
    assert ids(index, "old") == []


def test_the_query_cache_stays_bounded_and_answers_the_same_after_forgetting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Cached query parts are sets the garbage collector walks at every full
    collection: together they hold at most ``CACHE_SLOTS`` (plus the newest)."""
    import kiosk.search.ranked as search

    monkeypatch.setattr(search, "CACHE_SLOTS", 500)
    guests = [_guest(f"g{n:04d}", f"Name{n}", f"Family{n % 7}") for n in range(3000)]
    index = SearchIndex(guests)
    first = [g.id for g in index.search("family3")]
    assert first
    for letters in ("fa", "na", "fam", "name1", "family", "family1", "family2", "name2"):
        index.search(letters)
        newest = max(len(found) for found in index._cache.values())
        assert index._cached_slots <= 500 + newest  # the newest set is kept whole
    assert sum(len(found) for found in index._cache.values()) == index._cached_slots
    assert [g.id for g in index.search("family3")] == first
