"""The rows of the timeline: a header row for each year, then the year's events.

No Textual here. A view (the sorted event indexes that pass a filter) is split
into :class:`Group` runs, one per year and one for the undated events; a
:class:`TimelineRows` maps screen rows to headers and view positions.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from timeline.model import Event
from timeline.tui.state.index import EventIndex, date_ordinal

if TYPE_CHECKING:
    from timeline.tui.state.stories import Shown

__all__ = ["Group", "TimelineRows"]


@dataclass(frozen=True, slots=True)
class Group:
    """A year (or the undated events) within a view: positions ``[start, end)``."""

    year: int | None
    start: int
    end: int

    @property
    def label(self) -> str:
        """``2007`` or ``Undated``."""
        return "Undated" if self.year is None else str(self.year)

    @property
    def count(self) -> int:
        """How many events the group holds."""
        return self.end - self.start


@dataclass(slots=True)
class TimelineRows:
    """The rows of the timeline: a header row per group, then its events.

    Row ``r`` is a header when it is the first row of a group; otherwise it
    shows the event at view position ``r - (group number + 1)``.
    """

    view: Sequence[int]
    groups: list[Group]
    #: Row of each group's header.
    header_rows: list[int] = field(default_factory=list)
    #: The stories the rows show (None: one row per event, every event that passes).
    shown: Shown | None = None

    @classmethod
    def build(
        cls, index: EventIndex, view: Sequence[int], shown: Shown | None = None
    ) -> TimelineRows:
        """Split ``view`` into year groups with one bisect per year present."""
        groups: list[Group] = []
        events = index.events
        pos = 0
        total = len(view)
        while pos < total:
            event = events[view[pos]]
            if event.date is None:
                groups.append(Group(None, pos, total))
                break
            year = int(event.date[:4])
            end_index = index.year_range(year)[1]
            end = bisect_left(view, end_index, lo=pos)
            groups.append(Group(year, pos, end))
            pos = end
        header_rows = [g.start + n for n, g in enumerate(groups)]
        return cls(view, groups, header_rows, shown)

    @property
    def events(self) -> Sequence[int]:
        """Every event the rows stand for (a story row stands for its sources that pass)."""
        return self.view if self.shown is None else self.shown.events

    def told(self, event_index: int) -> int:
        """How many sources the row of event ``event_index`` stands for (1: itself)."""
        return 1 if self.shown is None else self.shown.told.get(event_index, 1)

    def __len__(self) -> int:
        return len(self.view) + len(self.groups)

    def row(self, row: int) -> tuple[Group, int | None]:
        """The group of ``row`` and the view position it shows (None for a header)."""
        g = bisect_right(self.header_rows, row) - 1
        group = self.groups[g]
        if row == self.header_rows[g]:
            return group, None
        return group, row - g - 1

    def row_of(self, position: int) -> int:
        """The row showing view position ``position``."""
        g = self.group_number(position)
        return position + g + 1

    def group_number(self, position: int) -> int:
        """The number of the group holding view position ``position``."""
        starts = [g.start for g in self.groups]
        return max(0, bisect_right(starts, position) - 1)

    def nearest(self, index: EventIndex, event_index: int, event: Event | None = None) -> int:
        """The view position whose event is nearest in date to event ``event_index``."""
        if not self.view:
            return -1
        view = self.view
        pos = bisect_left(view, event_index)
        if pos < len(view) and view[pos] == event_index:
            return pos
        if pos == 0:
            return 0
        if pos == len(view):
            return pos - 1
        target = date_ordinal((event or index.events[event_index]).date)
        before = date_ordinal(index.events[view[pos - 1]].date)
        after = date_ordinal(index.events[view[pos]].date)
        return pos - 1 if target - before <= after - target else pos
