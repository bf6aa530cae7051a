"""Stories in the browser: one row per story, the sources behind a row, key events.

No Textual here. A story is one happening told by several articles
(:mod:`timeline.stories` groups them and sets each event's ``story``). The
timeline shows one row per story by default: :class:`StoryIndex` learns the
stories of an :class:`~timeline.tui.state.index.EventIndex` once per
generation of its events (a story's members, and which of them stands for it:
the first giving the date most of its sources give), and turns a filter's
view (the sorted indexes of the events that pass) into :class:`Shown` rows
with one pass over the view: a story appears when any of its events passes,
represented by the passing event that gives the story's date where one does,
and counts the sources that pass. Views of the same object are kept, as the
index keeps its views per filter, so a frame never recomputes them.

The key events (:meth:`StoryIndex.key_events`) are the stories of each year
told by the most distinct sources (outlets where known, else articles), as
``timeline list --key N`` picks them (:func:`timeline.stories.key_stories`).
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import compress
from operator import attrgetter, not_

from timeline.collector import collector_paused
from timeline.model import Article, Event
from timeline.stories import Story, disagreement, key_stories, story_date
from timeline.tui.state.index import EventIndex

__all__ = ["KEY_DEFAULT", "Learnt", "Shown", "Sources", "StoryIndex", "ViewMode"]

#: Stories a year the key events show unless told otherwise.
KEY_DEFAULT = 5
#: Views whose rows are kept (the index keeps the views themselves).
VIEWS_KEPT = 64


@dataclass(frozen=True, slots=True)
class ViewMode:
    """How the timeline shows the events that pass the filter.

    ``by_story``: one row per story (else one per event); ``key``: only the
    key events, the top ``key`` stories of each year by distinct sources.
    """

    by_story: bool = True
    key: int | None = None

    def describe(self, stories: int, shared: bool) -> str:
        """What the header says of the mode: ``12 stories · key events: top 5 a year``.

        ``stories`` is the number of rows; ``shared`` says whether any story of
        the corpus has several sources (without one the modes look alike, and
        the default says nothing).
        """
        parts = []
        if self.by_story and shared:
            parts.append(f"{stories:,} stor{'y' if stories == 1 else 'ies'}")
        elif not self.by_story:
            parts.append("every event")
        if self.key is not None:
            parts.append(f"key events: top {self.key} a year")
        return " · ".join(parts)


@dataclass(eq=False, slots=True)
class Shown:
    """What the rows of a mode show: one event per row, and the events they stand for."""

    #: The event index each row shows, sorted.
    view: Sequence[int]
    #: Every event the rows stand for, sorted (what is counted and exported).
    events: Sequence[int]
    #: Row event index -> how many sources of its story pass (only when more than one).
    told: Mapping[int, int]
    #: Row event index -> the indexes of its story's events that pass, the row's first
    #: (rows of several events only); None when every event of every story passes.
    passing: Mapping[int, tuple[int, ...]] | None
    #: One row per story (else one per event).
    by_story: bool
    #: Where the stories come from (their members, for stars).
    stories: StoryIndex

    @property
    def shared(self) -> bool:
        """Whether any row stands for several sources."""
        return bool(self.told)

    def tellings(self, row: int) -> tuple[int, ...] | None:
        """The events of row ``row``'s story that pass, the row's own first (None: the
        row stands for itself alone)."""
        if self.passing is not None:
            return self.passing.get(row)
        members = self.stories.members(row)
        if len(members) < 2:
            return None
        return (row, *(i for i in members if i != row))


@dataclass(frozen=True, slots=True, eq=False)
class Sources:
    """What the detail pane shows beside an event: the sources of its story that pass
    (the row's event first), where their dates disagree, and the regional group through
    which the country filter shows it ("via ASEAN")."""

    tellings: tuple[Event, ...] = ()
    articles: tuple[Article | None, ...] = ()
    disagreement: str = ""
    #: How many events the story has in all (some may not pass the filter).
    total: int = 0
    via: str | None = None
    _key: tuple = field(default=(), repr=False)

    def __hash__(self) -> int:
        return hash(self._key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sources) and other._key == self._key


@dataclass(slots=True)
class Learnt:
    """The shared stories of an index's events, as :meth:`StoryIndex.learn` found them."""

    #: The index's generation and the story epoch they were learnt for.
    version: tuple[int, int]
    #: Event index -> number of its story among the shared ones (-1: a story of one).
    story_of: array = field(default_factory=lambda: array("i"))
    #: For each shared story: its members, the one standing for it, the story's date.
    members: list[list[int]] = field(default_factory=list)
    first: list[int] = field(default_factory=list)
    dates: list[str | None] = field(default_factory=list)
    #: The rows when every event passes, and the sources each row of several stands for.
    rows: array = field(default_factory=lambda: array("i"))
    told: dict[int, int] = field(default_factory=dict)


class StoryIndex:
    """The stories of an index's events, learnt once per generation of its events.

    Only stories of several events are kept (most are stories of one): for
    each, its members in index order and the one that stands for it, the
    first giving the date most of its sources give (:func:`story_date`).
    Learning them costs a few passes over the events at C speed and one
    Python step per event of a shared story.
    """

    def __init__(self, index: EventIndex) -> None:
        self.index = index
        #: Bumped when the events' stories were told again (the end of loading).
        self.epoch = 0
        self._built_for: tuple[int, int] = (-1, -1)
        #: Event index -> number of its story among the shared ones (-1: a story of one).
        self._story_of: array = array("i")
        #: For each shared story: its members, the one standing for it, the story's date.
        self._members: list[list[int]] = []
        self._first: list[int] = []
        self._dates: list[str | None] = []
        #: The rows when every event passes.
        self._full: Shown | None = None
        self._shown: dict[tuple[int, ViewMode], tuple[Sequence[int], Shown]] = {}

    def retold(self) -> None:
        """The events' stories have been set again: learn them anew when next asked."""
        self.epoch += 1

    @property
    def version(self) -> tuple[int, int]:
        """What the stories were learnt from: the index's generation and the epoch."""
        return (self.index.generation, self.epoch)

    def _ensure(self) -> None:
        if self._built_for != self.version:
            self.adopt(self.learn())

    def learn(self, epoch: int | None = None) -> Learnt:
        """Learn the stories of the index's events as they are now (``epoch``: the epoch
        to learn them for, by default the current one).

        Reads the events only, so it may run in a worker thread while the
        screen shows the stories learnt before; :meth:`adopt` then takes the
        result on the screen's thread.
        """
        version = (self.index.generation, self.epoch if epoch is None else epoch)
        with collector_paused():
            return self._learn(version)

    def _learn(self, version: tuple[int, int]) -> Learnt:
        events = self.index.events
        learnt = Learnt(version)
        ids = list(map(attrgetter("story"), events))
        if not any(ids):
            return learnt  # no stories told (yet)
        named = [story for story in ids if story is not None]
        if len(set(named)) == len(named):
            return learnt  # every story has one event: the rows are the events
        counts = Counter(named)
        shared = {story for story, n in counts.items() if n > 1}
        n = len(events)
        story_of = array("i", [-1]) * n
        #: 1 for an event another of its story stands for.
        hidden = bytearray(n)
        members = learnt.members
        numbers: dict[str, int] = {}
        number = numbers.get
        for i in [i for i, story in enumerate(ids) if story in shared]:
            story = ids[i]
            k = number(story)  # type: ignore[arg-type]
            if k is None:
                k = numbers[story] = len(members)  # type: ignore[index]
                members.append([i])
            else:
                members[k].append(i)
            story_of[i] = k
            hidden[i] = 1
        learnt.story_of = story_of
        told = learnt.told
        for found in members:
            told_of = [events[i] for i in found]
            date = told_of[0].date
            first = found[0]
            if any(event.date != date for event in told_of):
                date, _ = story_date(Story("", told_of))
                pairs = zip(found, told_of, strict=True)
                first = next((i for i, event in pairs if event.date == date), first)
            learnt.first.append(first)
            learnt.dates.append(date)
            hidden[first] = 0
            if (sources := len({event.article for event in told_of})) > 1:
                told[first] = sources
        # The rows when every event passes: each story's first choice, every story of one.
        learnt.rows = array("i", compress(range(n), map(not_, hidden)))
        return learnt

    def adopt(self, learnt: Learnt) -> bool:
        """Take stories :meth:`learn` found; False (nothing changes) when the index's
        events have changed since."""
        if learnt.version[0] != self.index.generation:
            return False
        self.epoch = learnt.version[1]
        self._built_for = learnt.version
        self._story_of = learnt.story_of
        self._members, self._first, self._dates = learnt.members, learnt.first, learnt.dates
        self._shown = {}
        n = len(self.index.events)
        self._full = Shown(learnt.rows, range(n), learnt.told, None, True, self)
        return True

    # -- asking ----------------------------------------------------------------------------

    @property
    def shared(self) -> bool:
        """Whether any story has several events."""
        self._ensure()
        return bool(self._members)

    def members(self, event_index: int) -> Sequence[int]:
        """The indexes of every event of the story of event ``event_index`` (itself alone
        when it is a story of one)."""
        self._ensure()
        story_of = self._story_of
        if story_of and (k := story_of[event_index]) >= 0:
            return self._members[k]
        return (event_index,)

    def first_of(self, event_index: int) -> int:
        """The event that stands for the story of event ``event_index`` when all pass."""
        self._ensure()
        story_of = self._story_of
        if story_of and (k := story_of[event_index]) >= 0:
            return self._first[k]
        return event_index

    def shown(self, view: Sequence[int], mode: ViewMode) -> Shown | None:
        """The rows ``mode`` makes of ``view``; None when they are ``view`` itself (every
        event, or no story with several events, and no key events)."""
        self._ensure()
        if mode.key is None and (not mode.by_story or not self._members):
            return None
        key = (id(view), mode)
        kept = self._shown.get(key)
        if kept is not None and kept[0] is view:
            return kept[1]
        shown = self._collapse(view)
        if mode.key is not None:
            shown = self._key_events(shown, mode.key)
        if not mode.by_story:
            shown = Shown(shown.events, shown.events, {}, {}, False, self)
        if len(self._shown) > VIEWS_KEPT:
            self._shown.clear()
        self._shown[key] = (view, shown)
        return shown

    def _collapse(self, view: Sequence[int]) -> Shown:
        """One row per story of ``view``: one pass over it (none for every event)."""
        story_of = self._story_of
        if not story_of:
            return Shown(view, view, {}, {}, True, self)
        if isinstance(view, range) and len(view) == len(self.index.events) and self._full:
            return self._full
        passing: dict[int, list[int]] = {}
        for i in [i for i in view if story_of[i] >= 0]:
            k = story_of[i]
            found = passing.get(k)
            if found is None:
                passing[k] = [i]
            else:
                found.append(i)
        best: set[int] = set()
        told: dict[int, int] = {}
        members: dict[int, tuple[int, ...]] = {}
        events = self.index.events
        firsts, dates = self._first, self._dates
        for k, found in passing.items():
            if len(found) == 1:
                best.add(found[0])
                continue
            # The story's own choice if it passes, else the first giving the story's date.
            chosen = firsts[k]
            if chosen not in found:
                date = dates[k]
                chosen = next((i for i in found if events[i].date == date), found[0])
            best.add(chosen)
            if (sources := len({events[i].article for i in found})) > 1:
                told[chosen] = sources
            members[chosen] = (chosen, *(i for i in found if i != chosen))
        rows = array("i", (i for i in view if story_of[i] < 0 or i in best))
        return Shown(rows, view, told, members, True, self)

    def _key_events(self, shown: Shown, per_year: int) -> Shown:
        """The top ``per_year`` stories of each year among ``shown``'s, by distinct sources.

        Every story of several sources is a candidate; of the stories of one
        source only the first ``per_year`` of each year can rank (they all
        weigh the same, and the earlier wins a tie), so those are all that is
        looked at.
        """
        index = self.index
        events = index.events
        view = shown.view
        told = shown.told
        candidates = [
            Story(str(i), [events[m] for m in sorted(shown.tellings(i) or (i,))]) for i in told
        ]
        for year in (*index.years(), None):
            low, high = index.year_range(year)
            taken = 0
            for position in range(bisect_left(view, low), bisect_left(view, high)):
                i = view[position]
                if i not in told:
                    candidates.append(Story(str(i), [events[i]]))
                    taken += 1
                    if taken == per_year:
                        break
        chosen = key_stories(candidates, index.articles, per_year)
        kept = sorted(int(story.id) for story in chosen)
        wanted = set(kept)
        passing = {i: found for i in kept if (found := shown.tellings(i)) is not None}
        members = sorted(m for i in kept for m in passing.get(i, (i,)))
        told_kept = {i: n for i, n in told.items() if i in wanted}
        return Shown(array("i", kept), array("i", members), told_kept, passing, True, self)

    # -- what a row stands for -------------------------------------------------------------

    def row_of(self, shown: Shown, event_index: int) -> int:
        """The event index of the row showing event ``event_index``: itself when it is a
        row, else the row of its story that another of its events stands for."""
        if not shown.by_story:
            return event_index
        members = self.members(event_index)
        if len(members) < 2:
            return event_index
        if shown.passing is None:  # every event passes: the story's first choice
            return self.first_of(event_index)
        for member in members:
            found = shown.passing.get(member)
            if found is not None and event_index in found:
                return member
        return event_index

    def sources(self, shown: Shown | None, event_index: int, via: str | None) -> Sources | None:
        """What the detail pane adds for the row of event ``event_index``: the sources of
        its story that pass (when more than one) and the group it is shown ``via``."""
        found = None
        if shown is not None and shown.by_story and event_index in shown.told:
            found = shown.tellings(event_index)
        if found is None:
            return Sources(via=via, _key=(via,)) if via else None
        index = self.index
        tellings = tuple(index.events[i] for i in found)
        articles = tuple(index.articles.get(e.article) for e in tellings)
        story = Story("", sorted(tellings, key=attrgetter("sort_key")))
        total = len(self.members(event_index))
        key = (tuple(e.id for e in tellings), total, via)
        return Sources(tellings, articles, disagreement(story), total, via, key)
