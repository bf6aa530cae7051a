"""The people a sentence counts: "arrested 34 suspects", "Forty people were acquitted".

A sentence that tells more of a happening already told ("Police detained the suspects
at the site") adds nothing to the timeline; one that gives a count of its own, which no
sentence before gave ("Forty people were acquitted", "1,577 victims were rescued"), is
news of its own: a second act of the same happening, or another happening.
"""

from __future__ import annotations

import re
from functools import lru_cache

from timeline.language.lexicon import (
    COUNTED_PEOPLE,
    ENFORCING_VERBS,
    alternation,
    number_value,
    number_word_pattern,
    verbs,
)

__all__ = ["EXAMPLES", "acted_counts", "new_count"]

_NUMBER_WORD = number_word_pattern(90, article=False)
# "34 suspects", "Forty people", "1,577 victims", "64 Indonesian victims", "538 human
# trafficking suspects"; not "75 years".
_COUNT = (
    rf"(?:(\d{{1,3}}(?:,\d{{3}})+|\d+)|((?:{_NUMBER_WORD})(?:-(?:{_NUMBER_WORD}))?))"
    rf"\s+(?:[\w-]+\s+){{0,2}}?{alternation(COUNTED_PEOPLE)}\b"
)
_ACTED = verbs(*ENFORCING_VERBS, "send", only="ed")
_ABOUT = r"(?:(?:more\s+than|over|about|around|some|at\s+least|a\s+total\s+of|nearly|almost)\s+)?"
# The count is what a past or perfect act of enforcement was done to: "arrested 34
# suspects", "Forty people were acquitted", "have been indicted".
_ACTED_ON = re.compile(
    rf"{_ACTED}\s+{_ABOUT}(?<![\w.,$]){_COUNT}"
    rf"|(?<![\w.,$]){_COUNT}(?:\s+[\w-]+){{0,3}}?\s+(?:were|was|have\s+been|has\s+been|had\s+been)"
    rf"\s+(?:[a-z]+ly\s+)?{_ACTED}",
    re.IGNORECASE,
)
#: Two counts this close are one figure told twice ("more than 60 people", "62 people").
SAME_COUNT = 0.05

#: What the pattern reads, and what it does not.
EXAMPLES: tuple[tuple[str, frozenset[int]], ...] = (
    ("Authorities arrested 34 suspects connected to these cases.", frozenset({34})),
    ("Forty people were acquitted.", frozenset({40})),
    ("1,577 victims were rescued last year.", frozenset({1577})),
    ("A court has convicted more than 60 people.", frozenset({60})),
    ("Police freed 64 Indonesian victims.", frozenset({64})),
    ("Some 538 human trafficking suspects were sent to court.", frozenset({538})),
    ("Twenty-one women were eventually repatriated.", frozenset({21})),
    ("He was sentenced to 79 years.", frozenset()),
    ("The five suspects will be charged under the act.", frozenset()),
    ("Some 2,000 women were at various stages of training.", frozenset()),
)


@lru_cache(maxsize=4096)
def acted_counts(sentence: str) -> frozenset[int]:
    """The counts of people a sentence says an act of enforcement was done to."""
    found = set()
    for m in _ACTED_ON.finditer(sentence):
        digits = m.group(1) or m.group(3)
        word = m.group(2) or m.group(4)
        if digits is not None:
            found.add(int(digits.replace(",", "")))
        elif word is not None:
            found.add(sum(number_value(part) for part in word.split("-")))
    return frozenset(found)


def new_count(counts: frozenset[int], told: set[int]) -> bool:
    """Whether some counts are there and none of them is (about) one told before."""
    return bool(counts) and not any(
        abs(a - b) <= SAME_COUNT * max(a, b) for a in counts for b in told
    )
