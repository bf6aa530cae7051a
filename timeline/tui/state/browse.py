"""What the timeline shows and where the keys lead: the filter, its rows, years, countries.

No Textual here. :class:`Browse` holds the filter the timeline is under and
the rows it shows, keeps the rows of recent filters (a filter's view is cached
by the index, so its rows stay valid for as long as that view does), and
answers what a key asks: which filter ``}`` leads to, where the next year
starts, what the header and the year rail say.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace

from timeline.filters import Filter, region_members, shown_via
from timeline.model import EVENT_TYPES, Article, Event, type_label
from timeline.tui.state.annotations import Annotated, Annotations
from timeline.tui.state.index import EventIndex
from timeline.tui.state.rows import TimelineRows
from timeline.tui.state.stories import Learnt, Sources, StoryIndex, ViewMode

__all__ = [
    "Browse",
    "Detail",
    "HeaderFigures",
    "Opened",
    "Option",
    "RailEntries",
    "YearJump",
    "describe",
    "find",
]

#: What the header line says: corpus name, events shown and in all, articles
#: shown and in all (of those with events), the filters and the search (both plain
#: text, may be empty), and how many articles have no event.
#: An article opened at one of its events: the article, its events in text order, which.
Opened = tuple[Article, list[Event], int]

HeaderFigures = tuple[str, int, int, int, int, str, str, int]

#: ``(year, count)`` for the year rail, year None for the undated events.
RailEntries = list[tuple[int | None, int]]

#: What the detail pane shows: the event, its article, how many other events that holds,
#: and the sources of its story and the group it is shown through (None: neither).
Detail = tuple[Event, Article | None, int, Sources | None]

#: A picker's choice: ``(label, value, count)``.
Option = tuple[str, str, int]

#: Rows kept for this many filters (their views are the index's to keep).
ROWS_KEPT = 16


@dataclass(frozen=True, slots=True)
class YearJump:
    """Where "go to a year" leads: a view position (None: stay), and what to tell the user."""

    position: int | None
    notice: str = ""
    #: The notice is a warning (nothing to jump to), not a remark.
    warning: bool = False


class Browse:
    """The filter the timeline is under, its rows, and the moves the keys make."""

    def __init__(
        self, index: EventIndex, annotations: Annotations, event_filter: Filter | None = None
    ) -> None:
        self.index = index
        #: Whose stars a starred filter keeps.
        self.annotations = annotations
        #: What ``*`` (the starred filter) keeps: events with a star or a note.
        self.marked = Annotated(annotations)
        self._rows_cache: dict[tuple[Filter, ViewMode], tuple[object, TimelineRows]] = {}
        #: The stories of the index's events.
        self.stories = StoryIndex(index)
        #: One row per story or per event, and the key events only or all.
        self.mode = ViewMode()
        #: What the timeline is narrowed to.
        self.filter = event_filter or Filter()
        #: The rows shown under :attr:`filter`.
        self.rows = self.rows_for(self.filter)

    # -- rows ----------------------------------------------------------------------

    def rows_for(self, event_filter: Filter) -> TimelineRows:
        """The timeline rows under ``event_filter``, kept while the index keeps their view."""
        view = self.index.view(event_filter, self.marked)
        key = (event_filter, self.mode)
        kept = self._rows_cache.get(key)
        if kept is not None and kept[0] is view:
            return kept[1]
        if len(self._rows_cache) > ROWS_KEPT:
            self._rows_cache.clear()
        shown = self.stories.shown(view, self.mode)
        if shown is None:
            rows = TimelineRows.build(self.index, view)
        else:
            rows = TimelineRows.build(self.index, shown.view, shown)
        self._rows_cache[key] = (view, rows)
        return rows

    def retold(self, learnt: Learnt | None = None) -> bool:
        """The events' stories were told again (loading has ended): rows are made anew,
        of the stories ``learnt`` in a worker (:meth:`StoryIndex.learn`) or learnt when
        next asked; False when ``learnt`` came too late (the events changed since)."""
        if learnt is None:
            self.stories.retold()
        elif not self.stories.adopt(learnt):
            return False
        self._rows_cache.clear()
        return True

    def show(self, event_filter: Filter, current: Event | None = None) -> int:
        """Put the timeline under ``event_filter`` (again, after a change of events or stars).

        Returns the view position to put the cursor on: the event nearest
        ``current`` in date (0 without ``current``, -1 when nothing is shown).
        """
        self.filter = event_filter
        self.rows = self.rows_for(event_filter)
        if current is None:
            return 0
        return self.nearest(self.rows, current)

    def nearest(self, rows: TimelineRows, event: Event) -> int:
        """The position in ``rows`` of the event nearest ``event`` in date (-1: no rows);
        ``event`` need not be in the index (one gone since the folder was read again)."""
        at = self.index.position_of(event)
        if at < 0:
            at = self.index.insertion_point(event)
        elif rows.shown is not None and (row := self.stories.row_of(rows.shown, at)) != at:
            return rows.nearest(self.index, row)  # the row of its story
        return rows.nearest(self.index, at, event)

    def position_of(self, event: Event) -> int:
        """The position of ``event`` in the rows shown (of the row of its story), or -1 when
        the filter hides it."""
        at = self.index.position_of(event)
        if self.rows.shown is not None:
            at = self.stories.row_of(self.rows.shown, at)
        return find(self.rows.view, at)

    def event_at(self, position: int) -> Event:
        """The event shown at ``position``, clamped to the rows (which must not be empty)."""
        view = self.rows.view
        return self.index.events[view[max(0, min(position, len(view) - 1))]]

    # -- what the panes say ---------------------------------------------------------------

    @property
    def empty_message(self) -> str:
        """What the timeline says when it shows no event."""
        if not self.index.events:
            return "This corpus has no events. Point timeline at a folder of articles."
        if self.filter.starred and self.filter == Filter(starred=True):
            return "No starred or noted events. Press * to show all, then s or a on one."
        return "No events match these filters. Press x to clear them."

    def header_figures(
        self, rows: TimelineRows, event_filter: Filter, search: str
    ) -> HeaderFigures:
        """What the header says when ``rows`` are shown under ``event_filter``."""
        index = self.index
        view = rows.events
        mode = self.mode.describe(len(rows.view), self.stories.shared)
        with_events = index.articles_in(range(len(index)))
        return (
            index.name,
            len(view),
            len(index),
            index.articles_in(view),
            with_events,
            " · ".join(part for part in (mode, describe(event_filter)) if part),
            search,
            max(0, len(index.articles) - with_events),
        )

    def rail_entries(self, rows: TimelineRows) -> RailEntries:
        """``(year, count)`` for every year of the corpus, counted in ``rows``."""
        counts = {g.year: g.count for g in rows.groups}
        index = self.index
        entries: RailEntries = [(y, counts.get(y, 0)) for y in index.years()]
        if index.events and index.events[-1].date is None:
            entries.append((None, counts.get(None, 0)))
        return entries

    def detail_of(self, event: Event) -> Detail:
        """What the detail pane shows for ``event``: it, its article, its article's other events."""
        others = self.index.article_count(event.article) - 1
        via = shown_via(event, self.filter.countries)
        at = self.index.position_of(event)
        sources = self.stories.sources(self.rows.shown, at, via)
        return event, self.index.articles.get(event.article), others, sources

    def article_of(self, event: Event | None, file: str | None = None) -> Opened | None:
        """The article of ``event`` (or the article ``file``), its events in text order, and
        which of them is ``event`` (0 when none is); None when that article is not loaded."""
        file = file if file is not None else event.article if event is not None else None
        article = self.index.articles.get(file) if file is not None else None
        if article is None:
            return None
        events = self.index.article_events(file)
        return article, events, next((n for n, e in enumerate(events) if e is event), 0)

    def story_sources(self, event: Event) -> tuple[list[Opened], int]:
        """The articles of the sources of ``event``'s story that pass (its row's first, as
        the detail pane lists them) and which is ``event``'s; only its own article when
        the story has one source (or the timeline shows every event)."""
        own = self.article_of(event)
        at = self.index.position_of(event)
        shown = self.rows.shown
        found = None
        if at >= 0 and shown is not None and shown.by_story:
            found = shown.tellings(self.stories.row_of(shown, at))
        if not found or at not in found:
            return ([own] if own is not None else []), 0
        opened: list[Opened] = []
        where = 0
        for i in found:
            source = self.article_of(self.index.events[i])
            if source is not None:
                where = len(opened) if i == at else where
                opened.append(source)
        return opened, where

    def grid_start(self, event: Event | None) -> tuple[int | None, str | None]:
        """The grid's first cell: the event's year, and the filter's one country or the event's."""
        country = event.countries[0] if event and event.countries else None
        if len(self.filter.countries) == 1:
            country = next(iter(self.filter.countries))
        return (event.year if event else None), country

    # -- where keys lead ------------------------------------------------------------------

    def next_year(self, cursor: int) -> int | None:
        """The first position of the year after the cursor's (None: there is none)."""
        groups = self.rows.groups
        g = self.rows.group_number(cursor)
        return groups[g + 1].start if g + 1 < len(groups) else None

    def previous_year(self, cursor: int) -> int | None:
        """The first position of the year before (or of this one, from inside the first)."""
        g = self.rows.group_number(cursor)
        if g > 0:
            return self.rows.groups[g - 1].start
        return 0 if cursor != 0 else None

    def year_jump(self, year: int | None, *, exact: bool = False) -> YearJump:
        """Where ``year`` is, or the nearest year with events shown (None: the undated).

        Unless ``exact``, landing on another year says so.
        """
        groups = self.rows.groups
        if not groups:
            return YearJump(None, "No events to jump to.", warning=True)
        if year is None:
            found = [g for g in groups if g.year is None]
            return YearJump(found[0].start if found else None)
        dated = [g for g in groups if g.year is not None]
        if not dated:
            return YearJump(None, "No dated events shown.", warning=True)
        best = min(dated, key=lambda g: (abs(g.year - year), g.year))  # type: ignore[operator]
        notice = ""
        if best.year != year and not exact:
            notice = f"No events in {year}; showing {best.year}."
        return YearJump(best.start, notice)

    def country_filter(self, step: int) -> Filter | None:
        """The filter ``}`` (step 1) or ``{`` (step -1) leads to; None with no countries.

        All countries → each country in turn → all again.
        """
        countries = self.index.countries
        if not countries:
            return None
        chosen = self.filter.countries
        if len(chosen) == 1:
            at = countries.index(next(iter(chosen))) if next(iter(chosen)) in countries else -1
            at += step
            new = frozenset() if not 0 <= at < len(countries) else frozenset({countries[at]})
        else:
            new = frozenset({countries[0] if step > 0 else countries[-1]})
        return replace(self.filter, countries=new)

    def with_(self, **changes) -> Filter:
        """The filter shown now with some fields changed."""
        return replace(self.filter, **changes)

    # -- pickers ------------------------------------------------------------------------

    def country_options(self) -> list[Option]:
        """Every country, with the number of events its filter shows (those of its
        regional groups included, as the filter includes them), then every group."""
        by_country = self.index.by_country()
        by_region = self.index.by_region()
        members = {g: region_members(g) or frozenset() for g in self.index.regions}

        def shown(country: str) -> int:
            via = [by_region[g] for g, names in members.items() if country in names]
            if not via:
                return len(by_country[country])
            return len(set(by_country[country]).union(*via))

        groups = [(f"{g} (group)", g, len(by_region[g])) for g in self.index.regions]
        return [(c, c, shown(c)) for c in self.index.countries] + groups

    def type_options(self) -> list[Option]:
        """Every event type present, in the registry's order, with its number of events,
        named both ways: ``TIER = tier_change`` (the label shown, the name ``--type`` takes)."""
        by_type = self.index.by_type()
        present = [t for t in EVENT_TYPES if t in by_type] + [
            t for t in by_type if t not in EVENT_TYPES
        ]
        width = max((len(type_label(t)) for t in present), default=0)
        return [(f"{type_label(t):<{width}}  = {t}", t, len(by_type[t])) for t in present]


def describe(event_filter: Filter) -> str:
    """What the browser's filter shows, as :meth:`Filter.describe` says it, its ``*``
    (starred) keeping the noted events too."""
    if not event_filter.starred:
        return event_filter.describe()
    rest = event_filter.with_(starred=False).describe()
    return f"{rest} · starred or noted" if rest else "starred or noted"


def find(view: Sequence[int], event_index: int) -> int:
    """The view position of an event index, or -1."""
    position = bisect_left(view, event_index)
    if position < len(view) and view[position] == event_index:
        return position
    return -1
