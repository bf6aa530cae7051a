"""The main screen's panes kept in step with its state, a key costing one frame.

:class:`MainPanes` holds the header line, the year rail, the timeline and the
detail pane of a mounted :class:`~timeline.tui.screens.main.MainScreen` and
shows them what the browse and search state say: all of them after a filter
or a batch, the cursor's neighbours after a move, and, while the user reads,
the screens the next key is likely to show, drawn into the widgets' caches
ahead of time (:mod:`timeline.tui.state.prefetch`). Every update of a key
reaches the terminal in the same frame.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from timeline.model import Event
from timeline.tui.state import prefetch
from timeline.tui.state.browse import Browse
from timeline.tui.state.search import Search
from timeline.tui.widgets.detail import EventDetail
from timeline.tui.widgets.header import HeaderLine
from timeline.tui.widgets.search_bar import SearchBar
from timeline.tui.widgets.timeline_view import TimelineView
from timeline.tui.widgets.year_rail import YearRail

if TYPE_CHECKING:
    from timeline.tui.screens.main import MainScreen

__all__ = ["MainPanes"]


class MainPanes:
    """Header, rail, list and detail pane, shown what ``browse`` and ``search`` hold.

    ``later(callback)`` runs a callback after the next frame (the screen's
    ``call_after_refresh``), ``bell()`` says a key led nowhere; ``warmed`` is
    set once the index's lookup tables are built, from when the next and
    previous country are drawn ahead too.
    """

    def __init__(
        self,
        header: HeaderLine,
        rail: YearRail,
        timeline: TimelineView,
        detail: EventDetail,
        *,
        browse: Browse,
        search: Search,
        warmed: threading.Event,
        later: Callable[[Callable[[], object]], object],
        bell: Callable[[], object],
        bar: SearchBar | None = None,
    ) -> None:
        self.header = header
        self.rail = rail
        self.timeline = timeline
        self.detail = detail
        self.browse = browse
        self.search = search
        self.warmed = warmed
        self.later = later
        self.bell = bell
        self.bar = bar
        #: Told of each event that the detail pane comes to show (its notes are read again).
        self.selected: Callable[[Event], object] | None = None

    @classmethod
    def of(cls, screen: MainScreen) -> MainPanes:
        """The panes of a mounted main screen, shown its state."""
        return cls(
            screen.query_one(HeaderLine),
            screen.query_one(YearRail),
            screen.query_one(TimelineView),
            screen.query_one(EventDetail),
            browse=screen.browse,
            search=screen.search,
            warmed=screen.warmed,
            later=screen.call_after_refresh,
            bell=screen.app.bell,
            bar=screen.query_one(SearchBar),
        )

    def show_all(self, position: int, *, top: bool = False) -> None:
        """Show the rows of ``browse`` with the cursor on view ``position``."""
        browse, timeline = self.browse, self.timeline
        timeline.empty_message = browse.empty_message
        # Header and rail before the list, so that all three reach the same frame.
        self.update_header()
        self.rail.set_counts(browse.rail_entries(browse.rows))
        timeline.first_countries = browse.filter.countries
        timeline.set_rows(browse.rows, position, top=top, announce=False)
        self.show_selection(again=True)

    def update_header(self) -> None:
        """Say what is shown, filtered and searched (in the header, and in the search bar)."""
        browse = self.browse
        rows = browse.rows
        self.header.show(*browse.header_figures(rows, browse.filter, self.search.status(rows.view)))
        if self.bar is not None:
            self.bar.show_status(self.search.count_text(rows.view) if self.search.query else "")

    def select(self, position: int, *, top: bool = False) -> None:
        """Move the cursor to view ``position`` and bring the panes in step."""
        timeline = self.timeline
        if timeline.cursor < 0:
            return
        # The rail first: its refresh then reaches the screen with the list's.
        self.rail.set_current(self.browse.event_at(position).year, present=True)
        timeline.select(position, top=top, announce=False)
        self.show_selection()

    def go(self, position: int | None, *, top: bool = False) -> None:
        """:meth:`select` ``position``; None (the key leads nowhere) rings the bell."""
        if position is None:
            self.bell()
        else:
            self.select(position, top=top)

    def show_selection(self, *, again: bool = False) -> None:
        """Bring the detail pane and the rail in step with the cursor.

        Actions call this directly so that a key costs one frame; the
        timeline's Selected message covers moves it makes itself (clicks).
        ``again``: the rows changed, so the pane's text may have (the sources
        of a story that pass the filters) even for the same event.
        """
        event = self.timeline.event
        detail, rail = self.detail, self.rail
        if event is None:
            if detail.event is not None or not self.browse.rows.view:
                detail.show(None, None, 0)
            rail.set_current(None, present=False)
            return
        if again or detail.event is not event:
            detail.show(*self.browse.detail_of(event))
            self.later(self.anticipate)
            if self.selected is not None:
                self.selected(event)
        rail.set_current(event.year, present=True)

    def repaint(self) -> None:
        """Draw the list and the detail pane again (a star or a note changed).

        Their caches are keyed by the annotations' generation, which the
        change has bumped, so the repaint shows it.
        """
        self.timeline.refresh()
        self.detail.refresh()

    def anticipate(self) -> None:
        """While the user reads, draw what the likely next keys will show."""
        timeline, rail = self.timeline, self.rail
        ahead = prefetch.plan(
            self.browse, self.search, timeline.cursor, countries=self.warmed.is_set()
        )
        for target in ahead.rails:
            rail.prepare(rail.entries if target.entries is None else target.entries, target.year)
        for figures in ahead.headers:
            self.header.prepare(figures)
        for shown in ahead.lists:
            timeline.prepare(shown.rows, shown.position, header=shown.header, first=shown.first)
        self.detail.prepare(ahead.details)
