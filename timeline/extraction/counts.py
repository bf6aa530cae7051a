"""The counts a sentence gives of what an act of enforcement was done to: "arrested 34
suspects", "Forty people were acquitted", "82 cases ... investigated", "was sentenced to
79 years".

A sentence that tells more of a happening already told ("Police detained the suspects
at the site") adds nothing to the timeline; one that gives a count of its own, which no
sentence before gave ("Forty people were acquitted", "1,577 victims were rescued", another
defendant "sentenced to 79 years"), is news of its own: another act of the happening, or
another happening.
"""

from __future__ import annotations

import re
from functools import lru_cache

from timeline.language.lexicon import (
    COUNTED_CASES,
    COUNTED_PEOPLE,
    ENFORCING_VERBS,
    alternation,
    number_value,
    number_word_pattern,
    verbs,
)

__all__ = ["EXAMPLES", "acted_counts", "new_count"]

_NUMBER_WORD = number_word_pattern(90, article=False)
_NUMBER = rf"(\d{{1,3}}(?:,\d{{3}})+|\d+|(?:{_NUMBER_WORD})(?:-(?:{_NUMBER_WORD}))?)"
# "34 suspects", "Forty people", "1,577 victims", "64 Indonesian victims", "538 human
# trafficking suspects", "82 cases"; not "75 years".
_COUNT = (
    rf"(?<![\w.,$]){_NUMBER}\s+(?:[\w-]+\s+){{0,2}}?"
    rf"{alternation((*COUNTED_PEOPLE, *COUNTED_CASES))}\b"
)
_ACTED = verbs(*ENFORCING_VERBS, "send", "investigate", only="ed")
_ABOUT = r"(?:(?:more\s+than|over|about|around|some|at\s+least|a\s+total\s+of|nearly|almost)\s+)?"
# What the counted are of, before the verb: "seven brokers of two human trafficking gangs
# were arrested".
_OF_WHAT = r"(?:\s+of\s+(?:[\w-]+\s+){0,4}?[\w-]+)?"
# An adverb between the auxiliary and the act: "were also arrested", "were later freed".
_ADVERB = r"(?:[a-z]+ly|also|later|then|all|since|subsequently)"
# Words that make the act one not done: "will be charged", "are to be deported".
_NOT_MODAL = r"(?!(?:will|would|could|can|may|might|must|shall|should|to|be|not|never)\b)"
# The count is what a past or perfect act of enforcement was done to: "arrested 34
# suspects", "Forty people were acquitted", "have been indicted", "with 100 suspects
# arrested"; or a prison term handed down: "was handed 75 years", "jailed for 10 years".
_ACTED_ON = re.compile(
    rf"{_ACTED}\s+{_ABOUT}{_COUNT}"
    rf"|{_COUNT}(?:\s+{_NOT_MODAL}[\w-]+){{0,3}}?{_OF_WHAT}\s+"
    rf"(?:(?:were|was|have\s+been|has\s+been|had\s+been)\s+)?(?:{_ADVERB}\s+)?{_ACTED}"
    rf"|\b(?:sentenced|jailed|imprisoned|handed)\s+(?:[\w-]+\s+){{0,2}}?(?:to\s+|for\s+)?(?:a\s+)?"
    rf"{_NUMBER}[\s-]+years?\b",
    re.IGNORECASE,
)
#: Two counts this close are one figure told twice ("more than 60 people", "62 people").
SAME_COUNT = 0.05

#: What the pattern reads, and what it does not ("years" marks a prison term).
EXAMPLES: tuple[tuple[str, frozenset[tuple[str, int]]], ...] = (
    ("Authorities arrested 34 suspects connected to these cases.", frozenset({("", 34)})),
    ("Forty people were acquitted.", frozenset({("", 40)})),
    ("1,577 victims were rescued last year.", frozenset({("", 1577)})),
    ("A court has convicted more than 60 people.", frozenset({("", 60)})),
    ("Police freed 64 Indonesian victims.", frozenset({("", 64)})),
    ("Some 538 human trafficking suspects were sent to court.", frozenset({("", 538)})),
    ("Twenty-one women were eventually repatriated.", frozenset({("", 21)})),
    (
        "There were 82 cases of sexual exploitation investigated, with 100 suspects arrested.",
        frozenset({("", 82), ("", 100)}),
    ),
    (
        "A total of 13 men brokers and seven women brokers of two human trafficking gangs"
        " were also arrested.",
        frozenset({("", 7)}),
    ),
    ("Another official was handed 75 years.", frozenset({("years", 75)})),
    ("Banjong, who was sentenced to 79 years, arranged it.", frozenset({("years", 79)})),
    ("The five suspects will be charged under the act.", frozenset()),
    ("Some 2,000 women were at various stages of training.", frozenset()),
    ("The 2015 victims were never found.", frozenset()),
)


def _value(number: str) -> int:
    if number[0].isdigit():
        return int(number.replace(",", ""))
    return sum(number_value(part) for part in number.split("-"))


@lru_cache(maxsize=4096)
def acted_counts(sentence: str) -> frozenset[tuple[str, int]]:
    """What a sentence says acts of enforcement were done to: ``("", n)`` for n people or
    cases, ``("years", n)`` for a prison term of n years. Years are not counts."""
    found = set()
    for m in _ACTED_ON.finditer(sentence):
        number = m.group(1) or m.group(2)
        if number is not None:
            if len(number) == 4 and number.isdigit() and 1900 <= int(number) <= 2100:
                continue
            found.add(("", _value(number)))
        else:
            found.add(("years", _value(m.group(3))))
    return frozenset(found)


def new_count(counts: frozenset[tuple[str, int]], told: set[tuple[str, int]]) -> bool:
    """Whether some counts are there and none of them is (about) one told before."""
    return bool(counts) and not any(
        unit == other and abs(n - m) <= SAME_COUNT * max(n, m)
        for unit, n in counts
        for other, m in told
    )
