"""Which tellings of one type-and-year block are worth comparing (:mod:`timeline.stories`),
without comparing every pair: the cost stays near-linear.

No Textual, no parsing: this reads the tellings story building prepared.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from timeline.stories import _Telling

__all__ = ["DAY_SLACK", "MAX_BUCKET", "MAX_STORY", "MAX_WINDOW", "candidates"]

#: How many days apart two day dates of one happening may be.
DAY_SLACK = 2

#: Caps that keep the cost near-linear on text that repeats itself (templates, wire copy
#: run by dozens of sites): tellings compared per day window, per month and per key, and
#: the most sources one story gathers.
MAX_WINDOW = 40
MAX_BUCKET = 16
MAX_STORY = 64


def candidates(
    members: list[_Telling], clause_words: Callable[[_Telling], frozenset[str]]
) -> tuple[set[tuple[int, int]], ...]:
    """Pairs worth comparing, by place and date, without comparing every pair: day dates
    within :data:`DAY_SLACK` days of each other, a month with the days and months in it,
    and a telling known only to the year with those that share two of its rarest words
    (or, for tier changes, the report year): year-only mentions are common and mostly
    background, and join a story only on strong evidence. Second: the pairs found
    only by the words of a year-only telling's date clause, which join on that clause
    alone. Third: the pairs found only by a town or district the year-only telling's
    date clause names (each scored its own way by :mod:`timeline.stories`)."""
    by_place: dict[str, list[int]] = defaultdict(list)
    for n, telling in enumerate(members):
        for place in telling.places or ("",):
            by_place[place].append(n)
    pairs: set[tuple[int, int]] = set()
    clause_pairs: set[tuple[int, int]] = set()
    place_pairs: set[tuple[int, int]] = set()

    for indexes in by_place.values():
        days = sorted((members[n].day, n) for n in indexes if members[n].day is not None)
        for x, (day, i) in enumerate(days):
            for later, j in days[x + 1 : x + 1 + MAX_WINDOW]:
                if later - day > DAY_SLACK:
                    break
                pairs.add((i, j) if i < j else (j, i))
        by_month: dict[str, list[int]] = defaultdict(list)
        for n in indexes:
            if len(members[n].date) >= 7:
                by_month[members[n].date[:7]].append(n)
        for found in by_month.values():
            coarse = [n for n in found if len(members[n].date) == 7]
            for i in coarse:
                pairs.update((i, j) if i < j else (j, i) for j in found[:MAX_WINDOW] if j != i)
        keyed: dict[tuple, list[int]] = defaultdict(list)
        for n in indexes:
            for key in members[n].pair_keys:
                keyed[key].append(n)
        for found in keyed.values():
            if len(found) > MAX_BUCKET:
                continue  # two words that common are no evidence
            coarse = [n for n in found if len(members[n].date) == 4]
            for i in coarse:
                pairs.update((i, j) if i < j else (j, i) for j in found if j != i)
        for i, j in _sharing_clause_words(members, indexes):
            clause_pairs.add((i, j) if i < j else (j, i))
        for i, j in _sharing_a_town(members, indexes, clause_words):
            place_pairs.add((i, j) if i < j else (j, i))
    return pairs, clause_pairs - pairs, place_pairs - pairs - clause_pairs


def _sharing_a_town(
    members: list[_Telling],
    indexes: list[int],
    clause_words: Callable[[_Telling], frozenset[str]],
) -> Iterable[tuple]:
    """Pairs of a year-only telling and a telling that names a town or district its date
    clause names (or one holding it) and holds a word of that clause besides place names
    and numbers that at most :data:`MAX_BUCKET` tellings of the country hold ("graves",
    not "police"). Names are looked for only in blocks that need them."""
    year_only = [n for n in indexes if members[n].clause and members[n].towns()]
    if not year_only:
        return
    words_of = {n: clause_words(members[n]) for n in year_only}
    wanted = set().union(*words_of.values())
    holders: dict[str, list[int]] = defaultdict(list)
    held: Counter[str] = Counter()
    for n in indexes:
        for place in members[n].towns():
            holders[place].append(n)
        held.update(members[n].content & wanted)
    for i in year_only:
        rare = {w for w in words_of[i] if held[w] <= MAX_BUCKET}
        for place in members[i].towns():
            if len(holders[place]) <= MAX_BUCKET:
                for j in holders[place]:
                    if j != i and not rare.isdisjoint(members[j].content):
                        yield i, j


def _sharing_clause_words(members: list[_Telling], indexes: list[int]) -> Iterable[tuple]:
    """Pairs of a year-only telling and a telling that holds two of the rarest words of
    its date clause, each word held by at most :data:`MAX_BUCKET` tellings of the place."""
    focus_words = {w for n in indexes for w in members[n].focus_keys}
    if not focus_words:
        return
    holders: dict[str, list[int]] = defaultdict(list)
    for n in indexes:
        for w in members[n].content & focus_words:
            holders[w].append(n)
    for i in indexes:
        if not members[i].focus_keys:
            continue
        met: Counter[int] = Counter()
        for w in members[i].focus_keys:
            if len(holders[w]) <= MAX_BUCKET:
                met.update(holders[w])
        for j, count in met.items():
            if count > 1 and j != i:
                yield i, j
