"""Finding a query in one article's text: the spans the article screen highlights.

No Textual here. The query is the browser's search language
(:mod:`timeline.query`), the word being typed a prefix, and its terms are
found in the text as shown (case and diacritics folded, offsets kept).
"""

from __future__ import annotations

from timeline.query import as_typed, fold, parse

__all__ = ["find_spans", "fold_in_place"]


def fold_in_place(text: str) -> str:
    """``text`` folded as queries are (:func:`~timeline.query.fold`), one character for one,
    so that an offset into the result is an offset into ``text``."""
    folded = fold(text)
    if len(folded) == len(text):
        return folded
    return "".join(fold(c)[:1] or c for c in text)


def find_spans(text: str, typed: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of every occurrence of the typed query's terms, in order,
    overlapping ones merged."""
    query = parse(as_typed(typed))
    if query is None:
        return []
    merged: list[tuple[int, int]] = []
    for start, end in query.highlights(fold_in_place(text)):
        if start == end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
