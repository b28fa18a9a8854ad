"""The incremental JSON reader agrees with json.loads on any object and any chunking."""

from __future__ import annotations

import itertools
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.backends.jsonstream import ObjectStream

values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=25,
)
documents = st.dictionaries(st.text(max_size=8), values, max_size=5).flatmap(
    lambda members: st.lists(values, max_size=6).map(lambda rows: {**members, "rows": rows})
)


@settings(max_examples=200, deadline=None)
@given(documents, st.lists(st.integers(min_value=0, max_value=10_000), max_size=8), st.booleans())
def test_any_object_in_any_chunking_reads_as_json_loads_does(document, cuts, spaced):
    text = json.dumps(document, ensure_ascii=False, indent=1 if spaced else None)
    data = text.encode()
    bounds = sorted({0, len(data), *(cut % (len(data) + 1) for cut in cuts)})
    items: list[object] = []
    stream = ObjectStream("rows", items.append)
    for start, end in itertools.pairwise(bounds):
        stream.feed_bytes(data[start:end])
    members = stream.close()

    expected = json.loads(text)
    assert items == expected.pop("rows")
    assert members == {**expected, "rows": None}


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
def test_junk_is_a_value_error_or_agrees_with_json_loads(data):
    items: list[object] = []
    stream = ObjectStream("rows", items.append)
    try:
        stream.feed_bytes(data)
        members = stream.close()
    except ValueError:
        return
    expected = json.loads(data)
    assert isinstance(expected, dict)
    if isinstance(expected.get("rows"), list):
        assert items == expected["rows"]
        expected["rows"] = None
    else:
        assert items == []
    assert members == expected
