"""The browser's in-memory index of a corpus: sorted events, lookup tables, filter views.

No Textual here. :class:`EventIndex` keeps every event in chronological order
(undated last) and answers what the views need without touching all events on
every key: filters become sorted arrays of positions (built from per-country
and per-type position lists), and batches of new events are merged in sorted
order. :mod:`timeline.tui.state.rows` turns a view into timeline rows.
"""

from __future__ import annotations

import heapq
import time
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from operator import attrgetter
from typing import Protocol

from timeline.filters import Filter, region_members
from timeline.model import Article, Corpus, Event
from timeline.query import Query, fold, parse, search_text

__all__ = [
    "EventIndex",
    "Stars",
    "chronological",
    "date_ordinal",
]

#: The group key of undated events.
UNDATED = None


class Stars(Protocol):
    """Which events are starred, and a number that changes whenever that does."""

    @property
    def generation(self) -> int: ...

    @property
    def starred_ids(self) -> Collection[str]: ...


def date_ordinal(date: str | None) -> int:
    """A number that orders ISO dates of any precision by their start (undated: huge)."""
    if not date:
        return 1 << 30
    year = int(date[:4])
    month = int(date[5:7]) if len(date) >= 7 else 1
    day = int(date[8:10]) if len(date) >= 10 else 1
    return year * 372 + (month - 1) * 31 + (day - 1)


def _sort_key(event: Event) -> tuple:
    return event.sort_key


def chronological(events: Iterable[Event]) -> list[Event]:
    """``events`` in ``Event.sort_key`` order, fast on the usual input.

    Two stable sorts at C speed instead of one sort on a Python key: by
    (article, start), skipped when the input already comes in that order as
    a loader produces it, then by date with the undated last.
    """
    by_text = list(events)
    keys = list(map(attrgetter("article", "start"), by_text))
    if keys != sorted(keys):
        by_text.sort(key=attrgetter("article", "start"))
    dated = [e for e in by_text if e.date is not None]
    dated.sort(key=attrgetter("date"))
    if len(dated) < len(by_text):
        dated.extend(e for e in by_text if e.date is None)
    return dated


def _group_key(event: Event) -> tuple[bool, str]:
    return (event.date is None, event.date[:4] if event.date else "")


class EventIndex:
    """Every event of a corpus in chronological order, with lookup tables.

    ``events[i]`` is the event at *index* ``i``. A view (the events that pass
    the filters) is a sorted sequence of indexes. Lookup tables are built
    lazily and dropped when a batch arrives.
    """

    def __init__(self, corpus: Corpus) -> None:
        self.name = corpus.name
        self.events: list[Event] = chronological(corpus.events)
        self.articles: dict[str, Article] = {a.file: a for a in corpus.articles}
        self.generation = 0
        self._reset_tables()

    def _reset_tables(self) -> None:
        self._by_id: dict[str, int] | None = None
        self._by_country: dict[str, array] | None = None
        self._by_type: dict[str, array] | None = None
        self._by_article: dict[str, array] | None = None
        self._by_region: dict[str, array] | None = None
        self._years: list[int] | None = None
        self._views: dict[tuple[Filter, int], Sequence[int]] = {}
        self._per_article: Counter[str] | None = None
        self._article_of: list[int] | None = None
        self._article_counts: dict[int, tuple[Sequence[int], int]] = {}
        #: Which articles the last query searched in articles matched, by file.
        self._article_hits: tuple[Query | None, dict[str, bool]] = (None, {})

    # -- batches ---------------------------------------------------------------

    def add(self, articles: Iterable[Article], events: Iterable[Event]) -> None:
        """Merge a batch in: O(n + k log k), never a full re-sort."""
        for article in articles:
            self.articles[article.file] = article
        batch = sorted(events, key=_sort_key)
        if not batch:
            return
        if self.events and _sort_key(batch[0]) >= _sort_key(self.events[-1]):
            self.events.extend(batch)
        else:
            self.events = list(heapq.merge(self.events, batch, key=_sort_key))
        self.generation += 1
        self._reset_tables()

    def replace(self, articles: Iterable[Article], events: Iterable[Event]) -> None:
        """Put another reading of the corpus in place of this one (``r``)."""
        self.articles = {a.file: a for a in articles}
        self.events = chronological(events)
        self.generation += 1
        self._reset_tables()

    def insertion_point(self, event: Event) -> int:
        """Where ``event`` would stand in :attr:`events` (an event that is not there)."""
        return bisect_left(self.events, event.sort_key, key=_sort_key)

    # -- lookups -----------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.events)

    def position_of(self, event: Event) -> int:
        """The index of ``event`` (found by its sort key, then identity)."""
        key = event.sort_key
        i = bisect_left(self.events, key, key=_sort_key)
        while i < len(self.events) and self.events[i] is not event:
            if self.events[i].sort_key != key:
                break
            i += 1
        if i < len(self.events) and self.events[i] is event:
            return i
        return self.by_id().get(event.id, -1)

    def by_id(self) -> dict[str, int]:
        """Event id -> index."""
        if self._by_id is None:
            self._by_id = {e.id: i for i, e in enumerate(self.events)}
        return self._by_id

    def _build_facets(self) -> None:
        tables = _facets(self.events)
        self._by_country, self._by_type, self._by_article, self._by_region = tables

    def by_country(self) -> dict[str, array]:
        """Country -> sorted indexes of the events naming it."""
        if self._by_country is None:
            self._build_facets()
        assert self._by_country is not None
        return self._by_country

    def by_type(self) -> dict[str, array]:
        """Event type -> sorted indexes."""
        if self._by_type is None:
            self._build_facets()
        assert self._by_type is not None
        return self._by_type

    def by_region(self) -> dict[str, array]:
        """Regional group ("ASEAN") -> sorted indexes of the events about it."""
        if self._by_region is None:
            self._build_facets()
        assert self._by_region is not None
        return self._by_region

    @property
    def regions(self) -> list[str]:
        """Every regional group present, alphabetically."""
        return sorted(self.by_region())

    def _via_regions(self, countries: frozenset[str]) -> list[array]:
        """The events of the groups ``countries`` name or have members in (shown "via")."""
        found = []
        for region, positions in sorted(self.by_region().items()):
            if region in countries or (region_members(region) or frozenset()) & countries:
                found.append(positions)
        return found

    def article_events(self, file: str) -> list[Event]:
        """The events of one article, in the order they appear in its text."""
        if self._by_article is None:
            self._build_facets()
        assert self._by_article is not None
        found = [self.events[i] for i in self._by_article.get(file, ())]
        return sorted(found, key=lambda e: (e.start, e.end))

    def article_count(self, file: str) -> int:
        """How many events the article holds."""
        if self._per_article is None:
            self._per_article = Counter(map(attrgetter("article"), self.events))
        return self._per_article.get(file, 0)

    def article_numbers(self) -> list[int]:
        """For each event index, a small number standing for its article."""
        if self._article_of is None:
            numbers: dict[str, int] = {}
            for file in self.articles:
                numbers.setdefault(file, len(numbers))
            get = numbers.setdefault
            self._article_of = [
                get(a, len(numbers)) for a in map(attrgetter("article"), self.events)
            ]
        return self._article_of

    def articles_in(self, view: Sequence[int]) -> int:
        """How many distinct articles the events of ``view`` come from.

        Kept for the views last asked about (views are cached per filter, so
        the same object comes back when a filter does).
        """
        if len(view) == len(self.events):
            if self._per_article is None:
                self._per_article = Counter(map(attrgetter("article"), self.events))
            return len(self._per_article)
        kept = self._article_counts.get(id(view))
        if kept is not None and kept[0] is view:
            return kept[1]
        count = len(set(map(self.article_numbers().__getitem__, view)))
        if len(self._article_counts) > 64:
            self._article_counts.clear()
        self._article_counts[id(view)] = (view, count)
        return count

    def warm(self) -> None:
        """Build the lazy tables now (safe to run in a worker thread).

        Tables built from a list that a batch has since replaced are thrown
        away rather than installed.
        """
        generation = self.generation
        events = self.events
        if self._by_country is None:
            tables = _facets(events)
            if generation == self.generation:
                self._by_country, self._by_type, self._by_article, self._by_region = tables
        if self._per_article is None:
            counts = Counter(map(attrgetter("article"), events))
            if generation == self.generation:
                self._per_article = counts
        if generation == self.generation:
            self.article_numbers()

    @property
    def countries(self) -> list[str]:
        """Every country present, alphabetically."""
        return sorted(self.by_country())

    @property
    def types(self) -> list[str]:
        """Every event type present."""
        return list(self.by_type())

    def years(self) -> list[int]:
        """Every year with events, ascending."""
        if self._years is None:
            years: list[int] = []
            events = self.events
            i = 0
            while i < len(events) and events[i].date is not None:
                year = int(events[i].date[:4])  # type: ignore[index]
                years.append(year)
                i = bisect_left(events, (False, f"{year + 1:04d}"), lo=i, key=_group_key)
            self._years = years
        return self._years

    def year_range(self, year: int | None) -> tuple[int, int]:
        """Indexes ``[start, end)`` of one year's events (``None``: the undated)."""
        events = self.events
        if year is None:
            start = bisect_left(events, (True, ""), key=_group_key)
            return start, len(events)
        key = (False, f"{year:04d}")
        return bisect_left(events, key, key=_group_key), bisect_right(events, key, key=_group_key)

    # -- views -------------------------------------------------------------------

    def view(self, event_filter: Filter, stars: Stars | None = None) -> Sequence[int]:
        """The sorted indexes of the events that pass ``event_filter`` (its search aside).

        A starred filter keeps the events whose ids ``stars`` holds (none
        without it). Views are cached per filter, a starred one under the
        generation of ``stars`` as well, so a star given or taken away makes a
        new view without anyone clearing the old.
        """
        key = (event_filter, stars.generation if stars is not None and event_filter.starred else 0)
        cached = self._views.get(key)
        if cached is not None:
            return cached
        result = self._compute_view(event_filter, stars)
        if len(self._views) > 64:
            self._views.clear()
        self._views[key] = result
        return result

    def _compute_view(self, event_filter: Filter, stars: Stars | None) -> Sequence[int]:
        n = len(self.events)
        candidates: list[Sequence[int]] = []
        if event_filter.years is not None:
            low, high = event_filter.years
            start = self.year_range(low)[0]
            end = self.year_range(high)[1]
            candidates.append(range(start, max(start, end)))
        if event_filter.countries:
            lists = [self.by_country().get(c, []) for c in sorted(event_filter.countries)]
            lists += self._via_regions(event_filter.countries)
            candidates.append(_union(lists))
        if event_filter.types:
            lists = [self.by_type().get(t, []) for t in sorted(event_filter.types)]
            candidates.append(_union(lists))
        if not candidates:
            base: Sequence[int] = range(n)
        else:
            candidates.sort(key=len)
            base = candidates[0]
            for other in candidates[1:]:
                base = _intersect(base, other, n)
        if event_filter.starred:
            starred = stars.starred_ids if stars is not None else frozenset()
            events = self.events
            base = array("i", (i for i in base if events[i].id in starred))
        return base

    # -- search -----------------------------------------------------------------

    def haystack(self, i: int) -> str:
        """The folded text search looks in for event ``i`` (its sentence; made on demand)."""
        return fold(search_text(self.events[i]))

    def article_matches(self, file: str, query: Query) -> bool:
        """Whether ``query`` matches the text of the article ``file`` (remembered per query)."""
        kept = self._article_hits
        if kept[0] != query:
            kept = self._article_hits = (query, {})
        found = kept[1].get(file)
        if found is None:
            article = self.articles.get(file)
            found = article is not None and query.matches(fold(_text_of(article)))
            kept[1][file] = found
        return found

    def matches(self, i: int, query: Query | None, in_article: bool = False) -> bool:
        """Whether event ``i`` matches the query (None matches nothing), by its sentence or,
        ``in_article``, its article's text."""
        if query is None:
            return False
        if query.matches(self.haystack(i)):
            return True
        return in_article and self.article_matches(self.events[i].article, query)

    def search(
        self,
        query: str,
        cancelled: Callable[[], bool] = lambda: False,
        in_article: bool = False,
    ) -> list[int]:
        """Indexes of every event ``query`` matches: the same rule as ``timeline list
        --search`` (:mod:`timeline.query`), in memory; ``in_article`` as ``--in-article``."""
        parsed = parse(query)
        if parsed is None:
            return []
        found: list[int] = []
        matches = parsed.matches
        in_text = self.article_matches
        for i, event in enumerate(self.events):
            if matches(fold(search_text(event))) or in_article and in_text(event.article, parsed):
                found.append(i)
            if not i & 0xFF:
                # Give the GIL back often: this runs in a thread beside the
                # event loop, which must draw the keys typed meanwhile.
                time.sleep(0)
                if not i & 0x1FFF and cancelled():
                    break
        return found


def _text_of(article: Article) -> str:
    """An article's text, without keeping a lazily read one decompressed."""
    peek = getattr(article, "peek_text", None)
    return peek() if callable(peek) else article.text


def _facets(
    events: list[Event],
) -> tuple[dict[str, array], dict[str, array], dict[str, array], dict[str, array]]:
    """Position arrays (4 bytes an entry) per country, type, article and regional group."""
    by_country: dict[str, array] = {}
    by_type: dict[str, array] = {}
    by_article: dict[str, array] = {}
    by_region: dict[str, array] = {}
    for i, event in enumerate(events):
        if event.regions:
            for region in event.regions:
                found = by_region.get(region)
                if found is None:
                    found = by_region[region] = array("i")
                found.append(i)
        for country in event.countries:
            found = by_country.get(country)
            if found is None:
                found = by_country[country] = array("i")
            found.append(i)
        found = by_type.get(event.type)
        if found is None:
            found = by_type[event.type] = array("i")
        found.append(i)
        found = by_article.get(event.article)
        if found is None:
            found = by_article[event.article] = array("i")
        found.append(i)
    return by_country, by_type, by_article, by_region


def _union(lists: list[array]) -> Sequence[int]:
    if len(lists) == 1:
        return lists[0]
    merged = array("i")
    last = -1
    for i in heapq.merge(*lists):
        if i != last:
            merged.append(i)
            last = i
    return merged


def _intersect(small: Sequence[int], large: Sequence[int], n: int) -> array:
    if isinstance(large, range):
        return array("i", (i for i in small if large.start <= i < large.stop))
    member = bytearray(n)
    for i in large:
        member[i] = 1
    return array("i", (i for i in small if member[i]))
