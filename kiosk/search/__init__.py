"""Guest search: text normalisation and an in-memory index answered within one frame.

The index is an inverted index of folded name words kept beside a sorted vocabulary, so
a word prefix is a ``bisect`` range; an email is found by its start (folded emails in
buckets of their first letters); exact codes (ticket, guest id, platform reference) are
one dict look-up. Candidate sets are
Python sets combined in C; only the best ``limit`` of each rank are put in order, through
a rank number per guest (alphabetical, with gaps so one new guest needs no renumbering).
Chosen by ``python -m benchmarks`` over rapidfuzz and SQLite FTS5 (see the README).

The package by job: ``normalise`` (folding, words, codes and the codes a scan stands
for), ``tables`` (one roster's tables and their one-guest changes, snapshot state),
``bulk`` (filling tables with a whole roster, sliced), ``ranked`` (the ranked tiers, typo
rules and query cache) and ``index`` (``SearchIndex``, which swaps tables in whole).
"""

from kiosk.search.index import SearchIndex
from kiosk.search.normalise import code_candidates, compact, fold, guest_codes, tokens
from kiosk.search.ranked import INFIX_MIN_LETTERS, Rank

__all__ = [
    "INFIX_MIN_LETTERS",
    "Rank",
    "SearchIndex",
    "code_candidates",
    "compact",
    "fold",
    "guest_codes",
    "tokens",
]
