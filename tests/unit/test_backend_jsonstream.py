"""The incremental JSON reader under the sheepCRM roster: same result as json.loads, in
any chunking, and a clear ValueError for anything json.loads would refuse."""

from __future__ import annotations

import json

import pytest

from kiosk.backends.jsonstream import NotAnObject, ObjectStream


def read(pieces, itemised="sessions"):
    items: list[object] = []
    stream = ObjectStream(itemised, items.append)
    for piece in pieces:
        stream.feed_bytes(piece if isinstance(piece, bytes) else piece.encode())
    return stream.close(), items


def every_split(text: str):
    data = text.encode()
    for cut in range(len(data) + 1):
        yield [data[:cut], data[cut:]]


DOC = json.dumps(
    {
        "booking": {"uid": "ev1", "title": "Gala ✨", "capacity": 120.5},
        "sessions": [{"uid": "s1", "status": "accepted"}, {"uid": "s2", "n": [1, 2, {}]}, 17],
        "booking_uri": "/example/booking/ev1/",
        "count": 12345,
    },
    ensure_ascii=False,
)


#: Numbers at the top of the object and of the array: "0" may go on as "0.25e-3".
NUMBERS = '{"n": -0.25e-3, "sessions": [0.5, 17, -2E+2], "m": 10}'


@pytest.mark.parametrize("doc", [DOC, NUMBERS], ids=["nested", "numbers"])
def test_any_split_gives_the_members_and_the_items_in_order(doc):
    whole = json.loads(doc)
    rows = whole.pop("sessions")
    for pieces in every_split(doc):
        assert read(pieces) == ({**whole, "sessions": None}, rows), pieces


def test_byte_by_byte_with_multibyte_characters():
    members, items = read([bytes([b]) for b in DOC.encode()])
    assert members["booking"]["title"] == "Gala ✨"
    assert len(items) == 3


def test_empty_object_and_empty_array():
    assert read(["{}"]) == ({}, [])
    assert read(['{"sessions": [ ] }']) == ({"sessions": None}, [])


def test_an_itemised_key_that_is_not_an_array_is_kept_as_a_member():
    assert read(['{"sessions": "many"}']) == ({"sessions": "many"}, [])


def test_a_long_value_split_in_many_pieces_is_read_once_complete():
    text = json.dumps({"_padding": "x" * 300_000, "sessions": [1]})
    pieces = [text[i : i + 1000] for i in range(0, len(text), 1000)]
    members, items = read(pieces)
    assert len(members["_padding"]) == 300_000
    assert items == [1]


@pytest.mark.parametrize(
    "text",
    [
        '{"sessions": [1, 2',  # stops short
        '{"sessions": [1,]}',
        '{"a": 1,}',
        '{"a" 1}',
        '{"a": 1} {}',
        '{"a": tru}',
        '{"a": NaN}',
        '{"a": "\x01"}',
        "{'a': 1}",
        "",
    ],
)
def test_what_json_loads_refuses_is_refused(text):
    with pytest.raises(ValueError):  # noqa: PT011 - any ValueError is the contract
        read([text])


@pytest.mark.parametrize("text", ["[1, 2]", '"text"', "42"])
def test_a_top_level_other_than_an_object_is_named(text):
    with pytest.raises(NotAnObject):
        read([text])


def test_broken_utf8_is_refused():
    with pytest.raises(ValueError):  # noqa: PT011
        read([b'{"a": "\xff\xfe"}'])


def test_an_error_early_in_a_long_answer_is_found_without_waiting_for_the_rest():
    items: list[object] = []
    stream = ObjectStream("sessions", items.append)
    with pytest.raises(ValueError, match="Expecting"):
        stream.feed('{"sessions": [{"uid": "s1"}, {"uid": s2}, ' + '{"uid": "x"}, ' * 100)
    assert items == [{"uid": "s1"}]
