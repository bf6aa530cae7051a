"""One happening, many sources: events of different articles that tell the same thing.

Two events are told of one happening when all of these hold:

* they come from different articles (two events of one article never join);
* their types agree (a tier change and the report that made it count as one);
* their dates agree: equal, one refining the other (``2015`` and ``2015-11-21``),
  or two days within two days of each other (outlets disagree on a date);
* they are about the same place: their subject countries or regional groups
  overlap;
* they say the same thing: enough content words in common, or, for a tier change,
  the same country ranked in the same report year. A telling known only to the
  year is mostly background in a longer sentence ("apply the convention, which
  ASEAN members signed in Kuala Lumpur last year"): it may also join on the
  clause that holds its date, when most of that clause's weight is in the other
  telling, and when the two do not give different figures.

Stories are built greedily, most similar pairs first, and two groups join
only when every pair across them agrees (complete linkage): a wrong merge
hides an event, a missed one only shows a repeat. Events are compared only
within blocks of one type and one year, so the cost stays near-linear; with
many events, half the blocks are grouped at the same time in a forked child
process (:mod:`timeline.forked`), with the same result.

No Textual, no parsing: this reads extracted events.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from operator import attrgetter, itemgetter

from timeline.collector import collector_paused
from timeline.forked import Halves, in_two
from timeline.language.clauses import clause_around
from timeline.language.lexicon import MONTH_PREFIXES, words
from timeline.model import Article, Event, format_date
from timeline.story_pairs import DAY_SLACK, MAX_STORY, candidates

__all__ = [
    "Story",
    "build_stories",
    "dates_agree",
    "disagreement",
    "key_stories",
    "own_story",
    "story_date",
    "story_map",
]

#: Types told of one happening together: a ranking and the report that made it; a
#: conviction and the count of those convicted.
_TYPE_GROUP = {"report": "tier_change", "statistic": "enforcement"}
#: The ranker of the trafficking reports, left out when comparing countries.
_RANKER = "United States"
#: Least weight of content words two tellings must have in common (of the lighter's).
SIMILARITY = 0.1
#: The same, for two tellings that name no country or group at all.
NOWHERE_SIMILARITY = 0.6
#: Least share of the weight of a year-only telling's date clause that the other
#: telling must hold to join on that clause alone. Measured on every test corpus put
#: together: at 0.6 the joins are of one happening; at 0.5 they take in "ratified the
#: Palermo Protocol in 2009" with "froze the sending of maids in 2009 ... revised
#: protocol".
CLAUSE_SIMILARITY = 0.6

_WORD = re.compile(r"[^\W\d_]{3,}|\d[\d,.]*\d|\d")
#: A figure: a number before the word it counts ("62 people", "2,011 fishermen").
_FIGURE = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)\s+([^\W\d_]{3})")
_STOP = frozenset(
    words(
        """the and for that with from this was were are has have had been its their his her
    said says told also which who whom will would could should than then into over under
    about after before since while when where what there here they them our your not but
    all any more most other some such only very just one two three four five six seven
    eight nine ten first last year years month months week weeks day days monday tuesday
    wednesday thursday friday saturday sunday january february march april may june july
    august september october november december today yesterday among including between
    during against according per cent percent new"""
    )
)


@dataclass(slots=True)
class Story:
    """A happening and the events (one per article at most) that tell it."""

    id: str
    events: list[Event] = field(default_factory=list)

    @property
    def sources(self) -> int:
        """How many articles tell it."""
        return len({e.article for e in self.events})

    @property
    def first(self) -> Event:
        """The telling shown for the story: the first by date, then by article."""
        return self.events[0]


def _content(event: Event) -> frozenset[str]:
    return _content_of(event.sentence)


@lru_cache(maxsize=65536)
def _content_of(sentence: str) -> frozenset[str]:
    found = set(_WORD.findall(sentence.lower())) - _STOP
    # A plural and its singular count as one word ("graves", "grave").
    plural = {w for w in found if w[-1] == "s" and len(w) > 4}
    return frozenset((found - plural) | {w[:-1] for w in plural})


class _Weights:
    """How telling each content word is: words most events use ("trafficking") weigh
    little, rare ones ("Otres", "62") much (inverse document frequency over the corpus)."""

    def __init__(self, counts: Mapping[str, int], tellings: int) -> None:
        """``counts``: how many of the ``tellings`` hold each word."""
        total = max(1, tellings)
        # Smoothed: a word every telling uses still weighs something (one). Weights are
        # whole multiples of 2**-20, so that sums are exact in any order: a set's order
        # changes from run to run with the hash seed, and a float sum with it, which would
        # break ties between equal scores differently and give other story ids.
        self.weight = {w: _fixed(1 + math.log((1 + total) / (1 + n))) for w, n in counts.items()}
        #: Every word, rarest first (ties in word order): a telling ranks its words by this.
        self.rank = {w: n for n, w in enumerate(sorted(counts, key=lambda w: (counts[w], w)))}

    @classmethod
    def over(cls, contents: Sequence[frozenset[str]]) -> _Weights:
        """The weights of the words of these tellings."""
        return cls(_counted(contents), len(contents))

    def of(self, words: Collection[str]) -> int:
        """The weight of some words together (words of the tellings counted)."""
        return sum(map(self.weight.__getitem__, words))


def _counted(contents: Iterable[frozenset[str]]) -> dict[str, int]:
    """How many of the tellings hold each word."""
    counts: Counter[str] = Counter()
    for found in contents:
        counts.update(found)
    return dict(counts)


def _fixed(weight: float) -> int:
    return round(weight * 1048576)


@lru_cache(maxsize=65536)
def _figures(sentence: str) -> frozenset[int]:
    """The figures a sentence gives: "2,011 fishermen" and "1,300 fishermen" are
    two counts, so two happenings. Years and days of the month are not figures."""
    found = set()
    for m in _FIGURE.finditer(sentence):
        number = m.group(1)
        if m.group(2).lower() in MONTH_PREFIXES:  # "21 November": a day
            continue
        if not (len(number) == 4 and 1900 <= int(number) <= 2100):  # not "2015 fishermen"
            found.add(int(number.replace(",", "")))
    return frozenset(found)


def _date_clause(event: Event) -> str:
    """The clause of the sentence that holds the event's date mention (the whole
    sentence when the date came from elsewhere): "..., which ASEAN members signed in
    Kuala Lumpur last year" of a sentence about a training course."""
    sentence = event.sentence
    if event.date_start is None or event.date_end is None:
        return sentence
    low, high = clause_around(
        sentence, event.date_start - event.start, event.date_end - event.start
    )
    return sentence[low:high]


class _Telling:
    """One event as story building compares it: what must agree, and what it says."""

    __slots__ = (
        "event", "article", "kind", "date", "day", "first", "places", "regions", "content",
        "weight", "pair_keys", "focus", "focus_weight", "focus_keys", "clause", "_here",
        "_towns",
    )  # fmt: skip

    def __init__(self, event: Event, content: frozenset[str], weights: _Weights) -> None:
        self.event = event
        self.article = event.article
        self.kind = event.type
        self.date = event.date or ""
        self.day = _ordinal(self.date)
        subjects = [c for c in event.countries if c != _RANKER] or list(event.countries)
        self.first = subjects[0] if subjects else None
        self.regions = frozenset(event.regions)
        self.places = frozenset(subjects) | self.regions
        self.content = content
        self.weight = weights.of(content)
        #: For a telling known only to the year: the content of its date clause.
        self.focus: frozenset[str] = frozenset()
        self.focus_weight = 0
        self.focus_keys: list[str] = []  # its rarest words, which it is looked up by
        self.clause = ""  # for a telling known only to the year: its date clause
        self._here: frozenset[str] | None = None
        self._towns: frozenset[str] | None = None
        if event.type == "tier_change":
            self.pair_keys: list[tuple] = [("tier", event.report_year)]
        else:
            # Rarest first, ties in word order. Every word of a telling is weighed: the
            # weights are counted over the tellings themselves.
            ranked = sorted(content, key=weights.rank.__getitem__)
            rare = ranked[: KEY_WORDS + 1]
            if len(self.date) == 4:  # looked up by its two rarest words
                self.pair_keys = [tuple(sorted(rare[:2]))] if len(rare) > 1 else []
                clause = self.clause = _date_clause(event)
                if len(clause) < len(event.sentence):  # background in a longer sentence
                    focus = self.focus = _content_of(clause) & content
                    self.focus_weight = weights.of(focus)
                    self.focus_keys = [w for w in ranked if w in focus][:CLAUSE_KEYS]
            else:  # found by any two of its rarest words
                self.pair_keys = [
                    (a, b) if a < b else (b, a) for x, a in enumerate(rare) for b in rare[x + 1 :]
                ]

    def here(self) -> frozenset[str]:
        """The towns, districts and provinces it names (with those that hold them): of
        its date clause for a telling known only to the year, else of its sentence."""
        if self._here is None:
            from timeline.extraction.localities import localities  # only when needed

            self._here = localities(self.clause or self.event.sentence)
        return self._here

    def towns(self) -> frozenset[str]:
        """The places it names that lie inside another (a town or a district)."""
        if self._towns is None:
            from timeline.extraction.localities import inside_another

            self._towns = frozenset(p for p in self.here() if inside_another(p))
        return self._towns


def _ordinal(value: str) -> int | None:
    try:
        return dt.date.fromisoformat(value).toordinal() if len(value) == 10 else None
    except ValueError:
        return None


def dates_agree(a: str | None, b: str | None) -> bool:
    """Whether two dates can be of one happening: equal, one refining the other, or two
    days at most :data:`DAY_SLACK` apart."""
    if not a or not b:
        return False
    if a.startswith(b) or b.startswith(a):
        return True
    da, db = _ordinal(a), _ordinal(b)
    return da is not None and db is not None and abs(da - db) <= DAY_SLACK


def _agree(a: _Telling, b: _Telling) -> bool:
    """Whether two tellings can be of one happening (all but wording): other articles,
    dates that agree, and each one's first subject country among the other's places (or
    a regional group in common): "Malaysian police found graves near the Thai border" is
    not the Thai police's find."""
    if a.article == b.article:
        return False
    if a.day is not None and b.day is not None:
        if abs(a.day - b.day) > DAY_SLACK:
            return False
    elif not (a.date.startswith(b.date) or b.date.startswith(a.date)):
        return False
    if a.regions & b.regions:
        return True
    if a.first is None or b.first is None:
        return a.first is None and b.first is None
    return a.first in b.places and b.first in a.places


def _score(a: _Telling, b: _Telling, weights: _Weights) -> float:
    """How surely two agreeing tellings are of one happening (0: they are not)."""
    ea, eb = a.event, b.event
    if a.kind == "tier_change" and b.kind == "tier_change":
        if ea.report_year and ea.report_year == eb.report_year and _tiers_agree(ea, eb):
            return 1.0  # the same country ranked in the same report
        return 0.0
    shared = a.content & b.content
    if not shared or _figures_differ(a, b):
        return 0.0
    similarity = _similarity(a, b, shared, weights)
    need = NOWHERE_SIMILARITY if not a.places and not b.places else SIMILARITY
    return similarity if similarity >= need else _clause_share(a, b, weights)


def _clause_score(a: _Telling, b: _Telling, weights: _Weights) -> float:
    """:func:`_clause_share`, for a pair found by its date clause alone: 0 when the two
    give different figures."""
    return 0.0 if _figures_differ(a, b) else _clause_share(a, b, weights)


def _place_score(a: _Telling, b: _Telling, weights: _Weights) -> float:
    """For a pair found by a town or district and a rare word of the year-only telling's
    date clause (:func:`_sharing_a_town`: "unearthed in 2015 on a hill near Padang Besar"
    and "found graves ... in Songkhla province's Sadao district"): their similarity, when
    they do not give different figures."""
    if _figures_differ(a, b):
        return 0.0
    similarity = _similarity(a, b, a.content & b.content, weights)
    return similarity if similarity >= SIMILARITY else 0.0


def _similarity(a: _Telling, b: _Telling, shared: frozenset[str], weights: _Weights) -> float:
    """The weight of the words two tellings share, of the lighter telling's."""
    return weights.of(shared) / max(1, a.weight if a.weight < b.weight else b.weight)


def _clause_share(a: _Telling, b: _Telling, weights: _Weights) -> float:
    """How much of a year-only telling's date clause the other telling holds, when that
    is most of it and they share two words of it at least (0 otherwise)."""
    best = 0.0
    for one, other in ((a, b), (b, a)):
        shared = one.focus & other.content
        if sum(not w[0].isdigit() for w in shared) > 1 and one.focus_weight:
            best = max(best, weights.of(shared) / one.focus_weight)
    return best if best >= CLAUSE_SIMILARITY else 0.0


def _figures_differ(a: _Telling, b: _Telling) -> bool:
    """Whether a year-only telling and another give figures, none of them the same:
    "2,011 fishermen" (2015) and "1,300 fishermen" (April 2015) are two counts. Tellings
    of one day may differ on a count (outlets do), and stay joined."""
    if len(a.date) != 4 and len(b.date) != 4:
        return False
    figures_a, figures_b = _figures(a.event.sentence), _figures(b.event.sentence)
    return bool(figures_a and figures_b and not figures_a & figures_b)


def _tiers_agree(a: Event, b: Event) -> bool:
    return not (a.tier and b.tier and a.tier != b.tier)


def _block(event: Event) -> tuple[str, str] | None:
    if event.date is None:
        return None
    return (_TYPE_GROUP.get(event.type, event.type), event.date[:4])


def build_stories(events: Iterable[Event], previous: dict[str, str] | None = None) -> list[Story]:
    """Every event in exactly one story (most stories have one event), stories sorted by
    their first event; each event's ``story`` is set to its story's id.

    ``previous`` maps event ids to the stories an earlier run gave them: a block (one
    type, one year) whose events and stories are all still there keeps its stories, and
    only the others are built again, so that new articles join existing stories at the
    cost of the blocks they touch.
    """
    with collector_paused():  # many small objects, no cycles: 40% of the time otherwise
        return _build(list(events), previous)


def _build(events: list[Event], previous: dict[str, str] | None) -> list[Story]:
    blocks: dict[tuple[str, str], list[Event]] = defaultdict(list)
    groups: list[list[Event]] = []
    for event in events:
        key = _block(event)
        if key is None:
            groups.append([event])
        else:
            blocks[key].append(event)
    dirty: list[list[Event]] = []
    for members in blocks.values():
        kept = _kept(members, previous) if previous else None
        if kept is None:
            dirty.append(members)
        else:
            groups.extend(kept)
    if dirty:
        groups.extend(_cluster_blocks(dirty))
    keyed = []
    for group in groups:
        if len(group) == 1:  # most stories: one event, its own id
            event = group[0]
            event.story = story_id = own_story(event.id)
            keyed.append((event.sort_key, story_id, group))
            continue
        group.sort(key=_SORT_KEY)
        story_id = _story_id(group)
        for event in group:
            event.story = story_id
        keyed.append((group[0].sort_key, story_id, group))
    keyed.sort(key=_FIRST)
    return [Story(story_id, group) for _, story_id, group in keyed]


_SORT_KEY = attrgetter("sort_key")
_FIRST = itemgetter(0)


#: Least events to group before half the blocks are grouped in a forked child
#: (:mod:`timeline.forked`): below it, forking costs more than it saves.
FORK_EVENTS = 20000


def _cluster_blocks(blocks: list[list[Event]]) -> list[list[Event]]:
    """The groups of every block, words weighed over all of them; with many events, half
    the blocks are read and grouped in a child process at the same time (the same
    groups: the two halves swap how many tellings hold each word)."""
    contents: dict[int, list[frozenset[str]]] = {}

    def look(numbers: Sequence[int]) -> tuple[dict[str, int], int]:
        for n in numbers:
            contents[n] = [_content(e) for e in blocks[n]]
        return _counted(found for n in numbers for found in contents[n]), sum(
            len(blocks[n]) for n in numbers
        )

    def join(a: tuple[dict[str, int], int], b: tuple[dict[str, int], int]) -> _Weights:
        counts = Counter(a[0])
        counts.update(b[0])
        return _Weights(counts, a[1] + b[1])

    def finish(numbers: Sequence[int], weights: _Weights) -> list:
        told = []
        for n in numbers:
            tellings = list(map(_Telling, blocks[n], contents[n], repeat(weights)))
            told.append(_cluster(tellings, weights))
        return told

    first, second = _halves(blocks)
    if sum(len(blocks[n]) for n in second) < FORK_EVENTS // 2:
        first, second = first + second, []
    else:
        from timeline.extraction.localities import localities

        localities("")  # loaded here, not in the child
    groups = []
    told = in_two(Halves(look, join, finish), first, second)
    for n, found in zip(first + second, told, strict=True):
        members = blocks[n]
        groups.extend([[members[i] for i in group] for group in found])
    return groups


def _halves(blocks: list[list[Event]]) -> tuple[list[int], list[int]]:
    """The blocks' numbers in two lists of about as many events, largest blocks first."""
    halves: tuple[list[int], list[int]] = ([], [])
    sizes = [0, 0]
    for n in sorted(range(len(blocks)), key=lambda n: -len(blocks[n])):
        lighter = 0 if sizes[0] <= sizes[1] else 1
        halves[lighter].append(n)
        sizes[lighter] += len(blocks[n])
    return halves


def _kept(members: list[Event], previous: dict[str, str]) -> list[list[Event]] | None:
    """The block's stories of the earlier run, or None when the block has changed (a new
    event, or a story of the earlier run that lost a member)."""
    stories: dict[str, list[Event]] = defaultdict(list)
    for event in members:
        story = previous.get(event.id)
        if story is None:
            return None
        stories[story].append(event)
    for story, found in stories.items():
        if len(found) > 1 and _story_id(found) != story:
            return None  # its first member is gone: the story changed
    return list(stories.values())


def story_map(stories: Iterable[Story]) -> dict[str, str]:
    """Event id -> story id, for the index to keep."""
    return {e.id: story.id for story in stories for e in story.events}


#: How many of its rarest content words a telling known only to the year is looked up by.
KEY_WORDS = 3
#: How many of the rarest words of its date clause it is also looked up by (two must meet).
CLAUSE_KEYS = 4


def _clause_words(telling: _Telling) -> frozenset[str]:
    """The words of a year-only telling's date clause, but for numbers and place names."""
    named = {w for place in telling.here() for w in _content_of(place)}
    return frozenset(
        w for w in telling.focus or telling.content if not w[0].isdigit() and w not in named
    )


def _cluster(members: list[_Telling], weights: _Weights) -> list[list[int]]:
    """Group one block (each group the numbers of its tellings): pairs that say the same
    thing join, most similar first (single linkage on wording), and two groups join only
    when every pair across them agrees on date, place and article (complete linkage on
    what must hold)."""
    if len(members) == 1:
        return [[0]]
    scores: dict[tuple[int, int], float] = {}
    pairs, clause_pairs, place_pairs = candidates(members, _clause_words)
    for found, measure in (
        (pairs, _score),
        (clause_pairs, _clause_score),
        (place_pairs, _place_score),
    ):
        for i, j in found:
            if _agree(members[i], members[j]):
                score = measure(members[i], members[j], weights)
                if score:
                    scores[(i, j)] = score
    group_of = list(range(len(members)))
    groups: dict[int, list[int]] = {n: [n] for n in range(len(members))}
    for _, i, j in sorted([(-score, i, j) for (i, j), score in scores.items()]):
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        a, b = groups[gi], groups[gj]
        if len(a) + len(b) <= MAX_STORY and all(
            _agree(members[x], members[y]) for x in a for y in b
        ):
            for n in b:
                group_of[n] = gi
            a.extend(b)
            del groups[gj]
    return list(groups.values())


def _story_id(group: Sequence[Event]) -> str:
    return own_story(min(e.id for e in group))


def own_story(event_id: str) -> str:
    """The id of the story whose smallest event id is ``event_id`` (``e1a2…`` gives
    ``s1a2…``): the same corpus gives the same ids, and a story of one event needs no
    map to know its id."""
    return "s" + event_id.removeprefix("e")


def story_date(story: Story) -> tuple[str | None, list[tuple[str, int]]]:
    """The date most of a story's sources give, a source giving a coarser date that the
    finer one refines counting for it ("June 2014" twice and "20 June 2014" once: 20 June
    2014; ties: the finer, then the earlier), and every date given with how many sources
    give it, most first."""
    counts = Counter(e.date for e in story.events if e.date)
    if not counts:
        return None, []
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))
    support = {
        date: sum(n for given, n in counts.items() if date.startswith(given)) for date in counts
    }
    best = min(counts, key=lambda date: (-support[date], -len(date), date))
    return best, ranked


def disagreement(story: Story) -> str:
    """``21 Nov 2015 (1 source) · 22 Nov 2015 (1 source)`` when sources give different
    days, else ``""`` (a coarser date that agrees, such as ``2015``, is no disagreement)."""
    _, dates = story_date(story)
    days = [(d, n) for d, n in dates if len(d) == 10]
    if len(days) < 2:
        return ""
    return " · ".join(f"{format_date(d)} ({n} source{'s' if n != 1 else ''})" for d, n in days)


def key_stories(
    stories: Iterable[Story], articles: dict[str, Article] | None = None, per_year: int = 5
) -> list[Story]:
    """The top stories of each year by distinct sources: articles, and outlets where known
    (a story told by three outlets ranks above one told three times by one outlet)."""
    articles = articles or {}
    by_year: dict[str | None, list[Story]] = defaultdict(list)
    for story in stories:
        date = story.first.date
        by_year[date[:4] if date else None].append(story)
    chosen: list[Story] = []
    for _year, found in sorted(by_year.items(), key=lambda kv: (kv[0] is None, kv[0] or "")):
        found.sort(key=lambda s: (*(-n for n in _weight(s, articles)), s.first.sort_key))
        chosen.extend(found[:per_year])
    return chosen


def _weight(story: Story, articles: dict[str, Article]) -> tuple[int, int]:
    outlets = {
        (articles[e.article].source or e.article) if e.article in articles else e.article
        for e in story.events
    }
    return len(outlets), story.sources
