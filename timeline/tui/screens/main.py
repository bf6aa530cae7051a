"""The main screen: header, year rail, timeline, detail pane, search bar, footer.

The screen composes the widgets, routes their messages and binds the actions;
what the timeline shows and where a key leads is decided by Textual-free
state (:mod:`timeline.tui.state`): :class:`~timeline.tui.state.browse.Browse`
(the filter and its rows), :class:`~timeline.tui.state.search.Search` (the
query and its matches) and :class:`~timeline.tui.state.annotations.Annotations`
(stars and notes). :class:`~timeline.tui.screens.panes.MainPanes` shows the
widgets that state, a key costing one frame. Actions are named here; keys
live in :mod:`timeline.tui.keymap`.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Input

from timeline.filters import Filter
from timeline.model import Article, Event
from timeline.tui.annotating import Annotator
from timeline.tui.dialogs.export_dialog import ExportDialog
from timeline.tui.dialogs.help import HelpScreen
from timeline.tui.dialogs.notes_list import NotesList
from timeline.tui.dialogs.picker import Picker
from timeline.tui.dialogs.year_prompt import YearPrompt
from timeline.tui.keymap import MAIN_KEYS, STORY_KEYS, bindings
from timeline.tui.memory import keep_out_of_collector
from timeline.tui.screens.article import ArticleScreen
from timeline.tui.screens.grid import GridScreen
from timeline.tui.screens.panes import MainPanes
from timeline.tui.screens.story_actions import StoryActions
from timeline.tui.state.annotations import Annotations
from timeline.tui.state.browse import Browse
from timeline.tui.state.exporting import default_folder, export_scope, export_writer
from timeline.tui.state.index import EventIndex
from timeline.tui.state.notes_list import annotated_entries
from timeline.tui.state.rows import TimelineRows
from timeline.tui.state.search import Search, SearchFunction
from timeline.tui.widgets.detail import EventDetail
from timeline.tui.widgets.header import AppHeader
from timeline.tui.widgets.key_footer import KeyFooter
from timeline.tui.widgets.search_bar import SearchBar
from timeline.tui.widgets.timeline_view import TimelineView
from timeline.tui.widgets.year_rail import YearRail

__all__ = ["MainScreen"]

#: Actions the main screen's keys lead to.
_KEY_ACTIONS = frozenset(spec.action for spec in (*MAIN_KEYS, *STORY_KEYS))


class MainScreen(StoryActions, Screen[None]):
    """The timeline browser (stories, key events and tiers: :class:`StoryActions`)."""

    DEFAULT_CSS = """
    /* One grid rather than nested containers: every container under a
       changed line is drawn again in each frame. */
    MainScreen {
        layout: grid;
        grid-size: 2 2;
        grid-columns: 17 1fr;
        grid-rows: 1fr 8;
    }
    MainScreen AppHeader { dock: top; }
    MainScreen YearRail { row-span: 2; }
    MainScreen.-narrow { grid-size: 1 2; grid-columns: 1fr; }
    MainScreen.-narrow YearRail { display: none; }
    MainScreen.-short { grid-size: 2 1; grid-rows: 1fr; }
    MainScreen.-short YearRail { row-span: 1; }
    MainScreen.-short EventDetail { display: none; }
    MainScreen.-narrow.-short { grid-size: 1 1; }
    """

    # Priority bindings are matched as the key arrives, before it is handed to
    # the focused list and bubbled back up through the containers to the
    # screen: that walk is most of what a key costs before anything changes.
    # While the search field has focus, check_action steps them aside.
    BINDINGS = bindings((*MAIN_KEYS, *STORY_KEYS), priority=True)

    def __init__(
        self,
        index: EventIndex,
        search: SearchFunction | None = None,
        filters: Filter | None = None,
        query: str | None = None,
        annotations: Annotations | None = None,
    ) -> None:
        super().__init__()
        self.index = index
        #: Stars and notes, saved through its store (without one: for this session only).
        self.annotations = annotations if annotations is not None else Annotations()
        #: The filter and the rows it shows.
        self.browse = Browse(index, self.annotations, filters)
        #: The query and its matches.
        self.search = Search(index, search)
        self.search_by_story()
        self._initial_query = query or ""
        #: Set once the background warm-up of the index has finished.
        self.warmed = threading.Event()
        #: The header, rail, list and detail pane, kept in step (from mount on).
        self.panes: MainPanes

    @property
    def filters(self) -> Filter:
        """What the timeline is narrowed to."""
        return self.browse.filter

    @property
    def rows(self) -> TimelineRows:
        """The rows shown."""
        return self.browse.rows

    @property
    def matches(self) -> list[int] | None:
        """Sorted event indexes matching the search, None while being computed."""
        return self.search.matches

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The timeline's keys are typed, not obeyed, while the search field has focus."""
        typing = isinstance(self.focused, Input)
        return not (typing and action in _KEY_ACTIONS and action != "search")

    # -- layout ----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield AppHeader(id="header")
        yield YearRail(id="rail")
        yield TimelineView(self.index, self.rows, self.annotations, id="timeline")
        yield EventDetail(self.annotations, id="detail")
        yield SearchBar(
            self.search,
            placeholder="Search events (Enter keeps, Esc clears)",
            id="search",
            typed=self.set_search,
        )
        yield KeyFooter()

    @property
    def timeline(self) -> TimelineView:
        """The list widget."""
        return self.query_one(TimelineView)

    def on_mount(self) -> None:
        """Fill the panes and focus the list."""
        #: Stars and notes saved off this thread (issue 11).
        self.annotator = Annotator(self)
        self.panes = MainPanes.of(self)
        self.panes.selected = self.annotator.refresh
        self.query_one(SearchBar).cursor_blink = False
        self.panes.show_all(self.timeline.cursor)
        self.timeline.focus()
        if self._initial_query:
            self.query_one(SearchBar).value = self._initial_query
        self.call_after_refresh(self._warm)

    @work(thread=True, exclusive=True, group="warm")
    def _warm(self) -> None:
        """Build the index's lookup tables in the background after the first frame."""
        self.index.warm()
        keep_out_of_collector()
        self.warmed.set()

    def on_resize(self) -> None:
        """Drop the rail and the detail pane when the terminal is small."""
        self.set_class(self.size.width < 64, "-narrow")
        self.set_class(self.size.height < 18, "-short")

    def apply_filters(
        self, filters: Filter, *, top: bool = False, current: Event | None = None
    ) -> None:
        """Narrow the timeline, keeping the cursor on the event nearest in date."""
        position = self.browse.show(filters, current or self.timeline.event)
        self.panes.show_all(position, top=top)

    def add_batch(self, articles: Sequence[Article], events: Sequence[Event]) -> None:
        """Merge newly read events in; the cursor stays on its event."""
        current = self.timeline.event
        self.index.add(articles, events)
        if self.search.query:
            self.search.restart()
        self.apply_filters(self.filters, current=current)
        keep_out_of_collector()
        if self.search.query:
            self.query_one(SearchBar).find(*self.search.key)

    def replace_all(
        self, articles: Sequence[Article], events: Sequence[Event], kept: Event | None
    ) -> None:
        """Show another reading of the corpus (``r``): the cursor stays on the event with
        ``kept``'s id when there is one, else goes to the nearest in date."""
        self.index.replace(articles, events)
        if kept is not None:
            at = self.index.by_id().get(kept.id)
            kept = self.index.events[at] if at is not None else kept
        self.search.restart()
        self.apply_filters(self.filters, current=kept)
        keep_out_of_collector()
        if self.search.query:
            self.query_one(SearchBar).find(*self.search.key)

    def action_reload(self) -> None:
        """Read the folder again, keeping the cursor on its event."""
        self.app.reload()

    def loaded(self) -> None:
        """Loading has ended: a search under way is run again (now through the index)."""
        self.retold()
        self.panes.update_header()
        if self.search.query:
            self.search.restart()
            self.panes.update_header()
            self.query_one(SearchBar).find(*self.search.key)

    @on(TimelineView.Selected)
    def _selected(self, message: TimelineView.Selected) -> None:
        self.panes.show_selection()

    @on(TimelineView.Activated)
    def _activated(self, message: TimelineView.Activated) -> None:
        self.open_article(message.event)

    @on(YearRail.Picked)
    def _rail_picked(self, message: YearRail.Picked) -> None:
        self.go_to_year(message.year, exact=True)
        self.timeline.focus()

    # -- moving ------------------------------------------------------------------------

    def action_cursor_down(self) -> None:
        """Next event."""
        self.panes.select(self.timeline.cursor + 1)

    def action_cursor_up(self) -> None:
        """Previous event."""
        self.panes.select(self.timeline.cursor - 1)

    def action_page_down(self) -> None:
        """A screenful down."""
        self.panes.select(self.timeline.cursor + self.timeline.page)

    def action_page_up(self) -> None:
        """A screenful up."""
        self.panes.select(max(0, self.timeline.cursor - self.timeline.page))

    def action_first(self) -> None:
        """First event."""
        self.panes.select(0)

    def action_last(self) -> None:
        """Last event."""
        self.panes.select(len(self.rows.view) - 1)

    def action_next_year(self) -> None:
        """First event of the next year (or of the undated group)."""
        if (cursor := self.timeline.cursor) >= 0:
            self.panes.go(self.browse.next_year(cursor), top=True)

    def action_previous_year(self) -> None:
        """First event of the previous year."""
        if (cursor := self.timeline.cursor) >= 0:
            self.panes.go(self.browse.previous_year(cursor), top=True)

    def go_to_year(self, year: int | None, *, exact: bool = False) -> None:
        """Jump to ``year``, or the nearest year with events shown (None: undated)."""
        jump = self.browse.year_jump(year, exact=exact)
        if jump.notice:
            self.notify(
                jump.notice, severity="warning" if jump.warning else "information", markup=False
            )
        if jump.position is not None:
            self.panes.select(jump.position, top=True)

    def action_go_to_year(self) -> None:
        """Ask for a year and jump there, or for a range (2008-2012) and filter to it."""

        def done(year: int | tuple[int, int] | None) -> None:
            if isinstance(year, tuple):
                self.apply_filters(self.browse.with_(years=year))
            elif year is not None:
                self.go_to_year(year)

        self.app.push_screen(YearPrompt(self.index.years()), done)

    # -- filters -----------------------------------------------------------------------

    def action_next_country(self) -> None:
        """Filter to the next country (All → each country → All)."""
        if (filters := self.browse.country_filter(1)) is not None:
            self.apply_filters(filters)

    def action_previous_country(self) -> None:
        """Filter to the previous country."""
        if (filters := self.browse.country_filter(-1)) is not None:
            self.apply_filters(filters)

    def action_pick_countries(self) -> None:
        """Choose countries to filter by."""
        self._pick("Filter by country", self.browse.country_options(), "countries")

    def action_pick_types(self) -> None:
        """Choose event types to filter by."""
        self._pick("Filter by type", self.browse.type_options(), "types")

    def _pick(self, title: str, options: list[tuple[str, str, int]], field: str) -> None:
        """Open a picker on the filter's ``field`` (``countries`` or ``types``)."""

        def done(chosen: frozenset[str] | None) -> None:
            if chosen is not None:
                self.apply_filters(self.browse.with_(**{field: chosen}))

        self.app.push_screen(Picker(title, options, getattr(self.filters, field)), done)

    def filter_country(self, country: str) -> None:
        """Show only events naming ``country``."""
        self.apply_filters(self.browse.with_(countries=frozenset({country})))

    def filter_type(self, kind: str) -> None:
        """Show only events of type ``kind``."""
        self.apply_filters(self.browse.with_(types=frozenset({kind})))

    def action_clear_filters(self) -> None:
        """Show every event again."""
        self.apply_filters(Filter())

    # -- search ------------------------------------------------------------------------

    def action_search(self) -> None:
        """Open the search field (in the field, ``/`` is typed)."""
        self.query_one(SearchBar).open()

    @on(Input.Submitted, "#search")
    def _search_submitted(self, message: Input.Submitted) -> None:
        bar = self.query_one(SearchBar)
        bar.remove_class("-open")
        self.timeline.focus()
        if isinstance(message, SearchBar.Closed):
            bar.value = ""
            self.set_search("")

    def set_search(self, query: str) -> None:
        """Search as you type: highlight matches and move to the first one."""
        if self.search.set_query(query):
            self._searched()

    def _searched(self) -> None:
        """The search changed: mark, count and find its matches again."""
        search = self.search
        self.panes.update_header()
        self.timeline.set_terms(search.terms, search.is_match)
        if not search.query:
            self.query_one(SearchBar).stop()
            return
        # A match near the cursor is shown at once; the rest is the bar's worker's.
        position = search.first_match(self.rows.view, self.timeline.cursor)
        if position is not None:
            self.panes.select(position)
        # After the frame that shows the typed letter: the search thread
        # competes with drawing it for the GIL.
        self.call_after_refresh(self.query_one(SearchBar).find, *search.key)

    @on(SearchBar.Toggled)
    def _toggled(self, message: SearchBar.Toggled) -> None:
        """Search the articles' text too (or not): the same query, found again."""
        if self.search.set_in_article(message.in_article):
            self._searched()

    @on(SearchBar.Found)
    def _found(self, message: SearchBar.Found) -> None:
        self._search_done(message.query, message.found, message.in_article)

    def _search_done(self, query: str, found: list[int], in_article: bool = False) -> None:
        """Every match is known: count them, and show the first if none was near the cursor."""
        search = self.search
        if not search.done(query, found, in_article):
            return
        if search.pending_jump:
            search.pending_jump = False
            self.panes.go(search.at_or_after(self.rows.view, self.timeline.cursor))
        self.panes.update_header()
        self.timeline.refresh()  # the rows marked are now the matches counted

    def _jump_match(self, step: int) -> None:
        """Move to the next (``step`` 1) or previous (-1) match, wrapping round at either
        end with a notice; the bell if there is none."""
        if not self.search.query or (cursor := self.timeline.cursor) < 0:
            return
        position, wrapped = self.search.next_match(self.rows.view, cursor, step)
        if wrapped:
            end = "first" if step > 0 else "last"
            self.notify(f"search wrapped to the {end} match", timeout=3)
        self.panes.go(position)

    def action_next_match(self) -> None:
        """Next search match."""
        self._jump_match(1)

    def action_previous_match(self) -> None:
        """Previous search match."""
        self._jump_match(-1)

    def action_clear_search(self) -> None:
        """Esc: forget the search."""
        if self.search.query:
            self.query_one(SearchBar).value = ""
            self.set_search("")

    # -- stars, notes, export (issue 5) ------------------------------------------------

    def _chosen_event(self) -> Event | None:
        event = self.timeline.event
        if event is None:
            self.notify("No event selected.", severity="warning")
        return event

    def toggle_star(self, event: Event) -> None:
        """Star the event if it is shown unstarred, else unstar it (saved in the background)."""
        self.annotator.star(event)

    def edit_note(self, event: Event) -> None:
        """Open the note editor on the event (saved in the background, kept until saved)."""
        self.annotator.edit(event)

    def action_toggle_star(self) -> None:
        """Star or unstar the selected event."""
        event = self._chosen_event()
        if event is not None:
            self.toggle_star(event)

    def action_edit_note(self) -> None:
        """Open the note editor on the selected event."""
        event = self._chosen_event()
        if event is not None:
            self.edit_note(event)

    def action_notes_list(self) -> None:
        """List every starred or noted event; Enter jumps to the one chosen."""

        def done(event_id: str | None) -> None:
            if event_id is not None:
                self.jump_to(event_id)

        self.app.push_screen(NotesList(annotated_entries(self.index, self.annotations)), done)

    def jump_to(self, event_id: str) -> None:
        """Put the cursor on the event ``event_id``, clearing filters that hide it."""
        position = self.index.by_id().get(event_id)
        if position is None:
            self.notify("That event is not loaded.", severity="warning")
            return
        event = self.index.events[position]
        if self.browse.position_of(event) < 0:
            self.apply_filters(Filter(), current=event)
            self.notify("Filters cleared to show it.", timeout=3)
        self.select_event(event)

    def action_starred_only(self) -> None:
        """Show only starred and noted events, or everything again."""
        self.apply_filters(self.browse.with_(starred=not self.filters.starred))

    def action_export(self) -> None:
        """Ask for a format and a file, and export the events shown."""
        view = self.rows.events  # a story row stands for its sources
        if not view:
            self.notify("No events to export.", severity="warning")
            return
        what = export_scope(self.filters, self.search.query)
        corpus = getattr(self.app, "corpus_folder", None)
        writer = export_writer(self.index, view, self.annotations, corpus)
        folder, remark = default_folder(Path.cwd(), corpus, Path.home())

        def done(message: str | None) -> None:
            if message:
                self.notify(message, title="Exported", markup=False, timeout=10)

        dialog = ExportDialog(len(view), what, writer, folder, remark=remark, corpus=corpus)
        self.app.push_screen(dialog, done)

    # -- other screens -----------------------------------------------------------------

    def open_article(self, event: Event | None = None, file: str | None = None) -> None:
        """Open the article of ``event`` (or the cursor's), or the article ``file``."""
        if file is None and (event := event or self._chosen_event()) is None:
            return
        if file is None and self.open_story(event):
            return
        found = self.browse.article_of(event, file)
        if found is None:
            self.notify("That article is not loaded.", severity="error")
            return
        self.app.push_screen(
            ArticleScreen(*found, follow=self.select_event, **self.article_hooks())
        )

    def article_hooks(self) -> dict[str, Any]:
        """What an article screen needs to show, star and note the event it reads."""
        return {"annotations": self.annotations, "star": self.toggle_star, "note": self.edit_note}

    def select_event(self, event: Event) -> None:
        """Put the cursor on ``event`` if the filters show it."""
        position = self.browse.position_of(event)
        if position >= 0:
            self.panes.select(position)

    def action_open_article(self) -> None:
        """Open the selected event's article."""
        self.open_article()

    def action_grid(self) -> None:
        """Show the year × country grid."""

        def done(cell: tuple[int, str] | None) -> None:
            if cell is not None:
                year, name = cell
                self.apply_filters(Filter(countries=frozenset({name}), years=(year, year)))

        start = self.browse.grid_start(self.timeline.event)
        self.app.push_screen(GridScreen(self.index, *start), done)

    def action_warnings(self) -> None:
        """List the warnings met while reading the corpus."""
        self.app.action_warnings()

    def action_help(self) -> None:
        """Show every key."""
        self.app.push_screen(HelpScreen())

    def action_command_palette(self) -> None:
        """Open the command palette."""
        self.app.action_command_palette()

    def action_quit(self) -> None:
        """Leave the program."""
        self.app.exit(0)
