"""Which screens the next key is likely to show, to be drawn while the user reads.

No Textual here. :func:`plan` lists what ``j``/``k`` (the next and previous
event), ``]``/``[`` (the first events of the next and previous years) and,
once the index's lookup tables are built, ``}``/``{`` (the timeline under the
next and previous country) would put on screen: rows and cursor positions for
the list, texts for the detail pane, lines for the year rail and the header.
The main screen hands them to its widgets, which render them into their
caches, so that the key itself only looks them up.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from timeline.tui.state.browse import Browse, Detail, HeaderFigures, RailEntries
from timeline.tui.state.rows import TimelineRows
from timeline.tui.state.search import Search

__all__ = ["ListTarget", "Prefetch", "RailTarget", "plan"]


@dataclass(frozen=True, slots=True)
class ListTarget:
    """The timeline showing ``rows`` with the cursor on ``position``."""

    rows: TimelineRows
    position: int
    #: The move puts the year's header at the top (as ``]`` and ``[`` do).
    header: bool
    #: The countries rows name first (those of the target's country filter).
    first: frozenset[str]


@dataclass(frozen=True, slots=True)
class RailTarget:
    """The year rail with ``year`` marked; ``entries`` None: the entries it shows now."""

    entries: RailEntries | None
    year: int | None


@dataclass(slots=True)
class Prefetch:
    """Everything to draw ahead of the next key, widget by widget, likeliest first."""

    lists: list[ListTarget] = field(default_factory=list)
    details: list[Detail] = field(default_factory=list)
    rails: list[RailTarget] = field(default_factory=list)
    headers: list[HeaderFigures] = field(default_factory=list)


def plan(browse: Browse, search: Search, cursor: int, *, countries: bool) -> Prefetch:
    """What the keys after the cursor's ``cursor`` position would show.

    ``countries`` says whether to look past the current filter to the next
    and previous country (worth it only once the index's tables are built).
    """
    ahead = Prefetch()
    rows = browse.rows
    view = rows.view
    if cursor < 0 or cursor >= len(view):
        return ahead
    index = browse.index
    current = index.events[view[cursor]]
    first = browse.filter.countries
    for position in (cursor + 1, cursor - 1):
        if 0 <= position < len(view):
            ahead.lists.append(ListTarget(rows, position, False, first))
    group = rows.group_number(cursor)
    for g in (group + 1, group - 1):
        if 0 <= g < len(rows.groups):
            ahead.lists.append(ListTarget(rows, rows.groups[g].start, True, first))
            ahead.rails.append(RailTarget(None, rows.groups[g].year))
    if countries:
        for step in (1, -1):
            other_filter = browse.country_filter(step)
            if other_filter is None:
                continue
            other = browse.rows_for(other_filter)
            ahead.headers.append(
                browse.header_figures(other, other_filter, search.status(other.view))
            )
            position = browse.nearest(other, current)
            if position >= 0:
                ahead.lists.append(ListTarget(other, position, False, other_filter.countries))
                year = index.events[other.view[position]].year
                ahead.rails.append(RailTarget(browse.rail_entries(other), year))
    for target in ahead.lists:
        ahead.details.append(browse.detail_of(index.events[target.rows.view[target.position]]))
    return ahead
