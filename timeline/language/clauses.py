"""Clauses: where one part of a sentence ends and the next begins, at three grains.

One notion of a clause, from one vocabulary (:mod:`timeline.language.lexicon`),
read at the grain each question needs:

* :data:`TENSE_BREAK` -- the clause a date's tense is read in: a relative or
  subordinate clause has its own tense ("will host a meeting on Friday, which
  Myanmar has agreed to attend").
* :data:`SCOPE_BREAK` -- how far a negation reaches: any comma, colon, dash or
  bracket, or a conjunction ("has not ratified it, but signed ...").
* :data:`HAPPENING_JOIN` -- where a sentence joins two reports, each of which
  may be a happening of its own ("dropped Thailand to Tier 3, and the
  government set up a new committee").
"""

from __future__ import annotations

import re

from timeline.language.lexicon import (
    CONCESSIVES,
    COORDINATORS,
    RELATIVE_PREPOSITIONS,
    RELATIVE_PRONOUNS,
    SUBORDINATORS,
    alternation,
)

__all__ = [
    "HAPPENING_JOIN",
    "SCOPE_BREAK",
    "TENSE_BREAK",
    "clause_around",
    "clause_start",
    "split_clauses",
]

_OPENERS = alternation((*RELATIVE_PRONOUNS, *COORDINATORS, *CONCESSIVES, *SUBORDINATORS))

#: Where a relative or subordinate clause begins (a date's tense is read inside it).
TENSE_BREAK = re.compile(rf"[,;]\s+{_OPENERS}\b|;|\s{alternation(RELATIVE_PREPOSITIONS)}\s+which\b")
#: What a negation does not reach across.
SCOPE_BREAK = re.compile(rf"[,;:–—(]|\b{alternation((*COORDINATORS, *CONCESSIVES))}\b")
#: Where a sentence joins two reports.
HAPPENING_JOIN = re.compile(
    rf";|,\s+{alternation((*COORDINATORS, 'with', 'according to'))}\s+|\s+while\s+"
    r"|\s*[—–]\s*with\s+"  # "signed an agreement ... on Thursday—with Vietnam reporting ..."
)


def clause_start(text: str, at: int, window: int = 80) -> int:
    """Where the clause holding position ``at`` begins, looking back ``window`` characters."""
    window_start = max(0, at - window)
    start = window_start
    for m in SCOPE_BREAK.finditer(text, window_start, at):
        start = m.end()
    return start


#: Whether a text may hold a tense break or a happening join at all: each of them has a
#: comma, semicolon, dash, "which" or "while" (most short sentences have none).
_MAY_BREAK = re.compile(r"(?i)[,;—–]|\bwhi(?:ch|le)\b").search


def clause_around(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The span of the clause of ``sentence`` that holds ``sentence[start:end]``, bounded
    by tense breaks and happening joins: in "taught the convention, which ASEAN members
    signed in Kuala Lumpur last year", the clause of "last year" begins at ", which"."""
    low, high = 0, len(sentence)
    if not _MAY_BREAK(sentence):
        return low, high
    for pattern in (TENSE_BREAK, HAPPENING_JOIN):
        for m in pattern.finditer(sentence):
            if m.end() <= start:
                low = max(low, m.start())
            elif m.start() >= end:
                high = min(high, m.start())
                break
    return low, high


def split_clauses(sentence: str) -> list[tuple[int, int]]:
    """The spans of a sentence's reports (one span when nothing joins two)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in HAPPENING_JOIN.finditer(sentence):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(sentence)))
    return spans
