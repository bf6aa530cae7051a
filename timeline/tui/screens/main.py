"""The main screen: header, year rail, timeline, detail pane, search bar, footer.

The screen owns the browsing state (filters, search) and turns actions into
changes of the widgets. Actions are named here; keys live in
:mod:`timeline.tui.keymap`.
"""

from __future__ import annotations

import gc
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Input
from textual.worker import get_current_worker

from timeline.filters import Filter
from timeline.model import Article, Event, type_label
from timeline.notes import NotesError
from timeline.tui.dialogs.export_dialog import ExportDialog
from timeline.tui.dialogs.help import HelpScreen
from timeline.tui.dialogs.note_editor import NoteEditor
from timeline.tui.dialogs.picker import Picker
from timeline.tui.dialogs.year_prompt import YearPrompt
from timeline.tui.keymap import MAIN_KEYS, bindings
from timeline.tui.screens.article import ArticleScreen
from timeline.tui.screens.grid import GridScreen
from timeline.tui.state.annotations import Annotations
from timeline.tui.state.index import EventIndex, query_terms
from timeline.tui.state.rows import TimelineRows
from timeline.tui.widgets.detail import EventDetail
from timeline.tui.widgets.header import AppHeader, HeaderFigures, HeaderLine
from timeline.tui.widgets.search_bar import SearchBar
from timeline.tui.widgets.timeline_view import TimelineView
from timeline.tui.widgets.year_rail import YearRail

__all__ = ["MainScreen", "SearchFunction"]

#: ``(query) -> matching event ids``, or None to use the in-memory search.
SearchFunction = Callable[[str], "set[str] | None"]

#: Actions the main screen's keys lead to.
_KEY_ACTIONS = frozenset(spec.action for spec in MAIN_KEYS)

#: Events looked at synchronously when a search is typed; the rest is a worker's job.
QUICK_SCAN = 2000


class MainScreen(Screen[None]):
    """The timeline browser."""

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
    BINDINGS = bindings(MAIN_KEYS, priority=True)

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
        self.search_function = search
        #: Stars and notes, saved through its store (without one: for this session only).
        self.annotations = annotations if annotations is not None else Annotations()
        self.filters = filters or Filter()
        self._initial_query = query or ""
        self.query_text = ""
        #: Sorted event indexes matching the search, None while being computed.
        self.matches: list[int] | None = None
        self._pending_jump = False
        #: Set once the background warm-up of the index has finished.
        self.warmed = threading.Event()
        self._rows_cache: dict[Filter, TimelineRows] = {}
        self.rows = self._rows_for(self.filters)

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
            placeholder="Search events (Enter keeps, Esc clears)",
            id="search",
            typed=self.set_search,
        )
        yield Footer()

    @property
    def timeline(self) -> TimelineView:
        """The list widget."""
        return self.query_one(TimelineView)

    def on_mount(self) -> None:
        """Fill the panes and focus the list."""
        self.query_one(SearchBar).cursor_blink = False
        self._refresh_all(self.timeline.cursor)
        self.timeline.focus()
        if self._initial_query:
            self.query_one(SearchBar).value = self._initial_query
        self.call_after_refresh(self._warm)

    @work(thread=True, exclusive=True, group="warm")
    def _warm(self) -> None:
        """Build the index's lookup tables in the background after the first frame."""
        self.index.warm()
        _keep_out_of_collector()
        self.warmed.set()

    def on_resize(self) -> None:
        """Drop the rail and the detail pane when the terminal is small."""
        self.set_class(self.size.width < 64, "-narrow")
        self.set_class(self.size.height < 18, "-short")

    # -- state changes -----------------------------------------------------------------

    def apply_filters(
        self, filters: Filter, *, top: bool = False, current: Event | None = None
    ) -> None:
        """Narrow the timeline, keeping the cursor on the event nearest in date."""
        current = current or self.timeline.event
        self.filters = filters
        self.rows = self._rows_for(filters)
        position = 0
        if current is not None:
            at = self.index.position_of(current)
            position = self.rows.nearest(self.index, at, current)
        self._refresh_all(position, top=top)

    def _refresh_all(self, position: int, *, top: bool = False) -> None:
        timeline = self.timeline
        if not self.index.events:
            timeline.empty_message = (
                "This corpus has no events. Point timeline at a folder of articles."
            )
        elif self.filters.starred and self.filters == Filter(starred=True):
            timeline.empty_message = "No starred events. Press * to show all, then s to star one."
        else:
            timeline.empty_message = "No events match these filters. Press x to clear them."
        # Header and rail before the list, so that all three reach the same frame.
        self._update_header()
        self.query_one(YearRail).set_counts(self._rail_entries(self.rows))
        timeline.first_countries = self.filters.countries
        timeline.set_rows(self.rows, position, top=top, announce=False)
        self._show_selection()

    def _update_header(self) -> None:
        self.query_one(HeaderLine).show(*self._header_figures(self.rows, self.filters))

    def _header_figures(self, rows: TimelineRows, filters: Filter) -> HeaderFigures:
        """What the header says when ``rows`` are shown under ``filters``."""
        view = rows.view
        search = ""
        if self.query_text:
            if self.matches is None:
                search = f"/{self.query_text} · searching…"
            else:
                found = self._matches_in_view(view)
                search = f"/{self.query_text} · {found:,} match{'es' if found != 1 else ''}"
        return (
            self.index.name,
            len(view),
            len(self.index),
            self.index.articles_in(view),
            len(self.index.articles),
            filters.describe(),
            search,
        )

    def _matches_in_view(self, view: Sequence[int]) -> int:
        if self.matches is None:
            return 0
        if isinstance(view, range):
            return bisect_left(self.matches, view.stop) - bisect_left(self.matches, view.start)
        wanted = set(view) if len(view) < len(self.matches) else None
        if wanted is not None:
            return sum(1 for i in self.matches if i in wanted)
        return sum(1 for i in view if _contains(self.matches, i))

    # -- batches (issue 4) ---------------------------------------------------------------

    def add_batch(self, articles: Sequence[Article], events: Sequence[Event]) -> None:
        """Merge newly read events in; the cursor stays on its event."""
        current = self.timeline.event
        self.index.add(articles, events)
        if self.query_text:
            self.matches = None
        self.apply_filters(self.filters, current=current)
        _keep_out_of_collector()
        if self.query_text:
            self._start_search(self.query_text)

    def loaded(self) -> None:
        """Loading has ended: a search under way is run again (now through the index)."""
        self._update_header()
        if self.query_text:
            self.matches = None
            self._update_header()
            self._start_search(self.query_text)

    # -- messages ------------------------------------------------------------------------

    @on(TimelineView.Selected)
    def _selected(self, message: TimelineView.Selected) -> None:
        self._show_selection()

    def _select(self, position: int, *, top: bool = False) -> None:
        """Move the cursor and update the panes in the same frame."""
        timeline = self.timeline
        if timeline.cursor < 0:
            return
        # The rail first: its refresh then reaches the screen with the list's.
        view = self.rows.view
        target = self.index.events[view[max(0, min(position, len(view) - 1))]]
        self.query_one(YearRail).set_current(target.year, present=True)
        timeline.select(position, top=top, announce=False)
        self._show_selection()

    def _show_selection(self) -> None:
        """Bring the detail pane and the rail in step with the cursor.

        Actions call this directly so that a key costs one frame; the
        Selected message covers moves the widget makes itself (clicks).
        """
        event = self.timeline.event
        detail = self.query_one(EventDetail)
        rail = self.query_one(YearRail)
        if event is None:
            if detail.event is not None or not self.rows.view:
                detail.show(None, None, 0)
            rail.set_current(None, present=False)
            return
        if detail.event is not event:
            detail.show(*self._detail_of(event))
            self.call_after_refresh(self._anticipate)
        rail.set_current(event.year, present=True)

    def _anticipate(self) -> None:
        """While the user reads, render what the likely next keys will show.

        That is the next and previous event (``j``/``k``), the first events of
        the next and previous years (``]``/``[``) and, once the lookup tables
        are built, the timeline under the next and previous country
        (``}``/``{``): their rows, detail texts and rail lines go into the
        widgets' caches, so that the key itself only looks them up.
        """
        timeline = self.timeline
        cursor = timeline.cursor
        current = timeline.event
        if cursor < 0 or current is None:
            return
        rail = self.query_one(YearRail)
        rows, view, first = self.rows, self.rows.view, self.filters.countries
        targets: list[tuple[TimelineRows, int, bool, frozenset[str]]] = []
        for position in (cursor + 1, cursor - 1):
            if 0 <= position < len(view):
                targets.append((rows, position, False, first))
        group = rows.group_number(cursor)
        for g in (group + 1, group - 1):
            if 0 <= g < len(rows.groups):
                targets.append((rows, rows.groups[g].start, True, first))
                rail.prepare(rail.entries, rows.groups[g].year)
        if self.warmed.is_set():
            at = self.index.position_of(current)
            for step in (1, -1):
                filters = self._country_filters(step)
                if filters is None:
                    continue
                other = self._rows_for(filters)
                self.query_one(HeaderLine).prepare(self._header_figures(other, filters))
                position = other.nearest(self.index, at, current)
                if position >= 0:
                    targets.append((other, position, False, filters.countries))
                    year = self.index.events[other.view[position]].year
                    rail.prepare(self._rail_entries(other), year)
        wanted = []
        for target_rows, position, header, countries in targets:
            timeline.prepare(target_rows, position, header=header, first=countries)
            wanted.append(self._detail_of(self.index.events[target_rows.view[position]]))
        self.query_one(EventDetail).prepare(wanted)

    def _detail_of(self, event: Event) -> tuple[Event, Article | None, int]:
        """What the detail pane shows for ``event``: it, its article, its article's other events."""
        others = self.index.article_count(event.article) - 1
        return event, self.index.articles.get(event.article), others

    def _rows_for(self, filters: Filter) -> TimelineRows:
        """The timeline rows under ``filters``, kept while the index keeps their view."""
        view = self.index.view(filters, self.annotations)
        kept = self._rows_cache.get(filters)
        if kept is not None and kept.view is view:
            return kept
        if len(self._rows_cache) > 16:
            self._rows_cache.clear()
        rows = self._rows_cache[filters] = TimelineRows.build(self.index, view)
        return rows

    def _rail_entries(self, rows: TimelineRows) -> list[tuple[int | None, int]]:
        """``(year, count)`` for every year of the corpus, counted in ``rows``."""
        counts = {g.year: g.count for g in rows.groups}
        entries: list[tuple[int | None, int]] = [(y, counts.get(y, 0)) for y in self.index.years()]
        if self.index.events and self.index.events[-1].date is None:
            entries.append((None, counts.get(None, 0)))
        return entries

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
        self._select(self.timeline.cursor + 1)

    def action_cursor_up(self) -> None:
        """Previous event."""
        self._select(self.timeline.cursor - 1)

    def action_page_down(self) -> None:
        """A screenful down."""
        self._select(self.timeline.cursor + self.timeline.page)

    def action_page_up(self) -> None:
        """A screenful up."""
        self._select(max(0, self.timeline.cursor - self.timeline.page))

    def action_first(self) -> None:
        """First event."""
        self._select(0)

    def action_last(self) -> None:
        """Last event."""
        self._select(len(self.rows.view) - 1)

    def action_next_year(self) -> None:
        """First event of the next year (or of the undated group)."""
        timeline = self.timeline
        if timeline.cursor < 0:
            return
        g = self.rows.group_number(timeline.cursor)
        if g + 1 < len(self.rows.groups):
            self._select(self.rows.groups[g + 1].start, top=True)
        else:
            self.app.bell()

    def action_previous_year(self) -> None:
        """First event of the previous year."""
        timeline = self.timeline
        if timeline.cursor < 0:
            return
        g = self.rows.group_number(timeline.cursor)
        if g > 0:
            self._select(self.rows.groups[g - 1].start, top=True)
        elif timeline.cursor != 0:
            self._select(0, top=True)
        else:
            self.app.bell()

    def go_to_year(self, year: int | None, *, exact: bool = False) -> None:
        """Jump to ``year``, or the nearest year with events shown (None: undated)."""
        groups = self.rows.groups
        if not groups:
            self.notify("No events to jump to.", severity="warning")
            return
        if year is None:
            found = [g for g in groups if g.year is None]
            if found:
                self._select(found[0].start, top=True)
            return
        dated = [g for g in groups if g.year is not None]
        if not dated:
            self.notify("No dated events shown.", severity="warning")
            return
        best = min(dated, key=lambda g: (abs(g.year - year), g.year))  # type: ignore[operator]
        if best.year != year and not exact:
            self.notify(f"No events in {year}; showing {best.year}.", markup=False)
        self._select(best.start, top=True)

    def action_go_to_year(self) -> None:
        """Ask for a year and jump there."""

        def done(year: int | None) -> None:
            if year is not None:
                self.go_to_year(year)

        self.app.push_screen(YearPrompt(self.index.years()), done)

    # -- filters -----------------------------------------------------------------------

    def _cycle_country(self, step: int) -> None:
        filters = self._country_filters(step)
        if filters is not None:
            self.apply_filters(filters)

    def _country_filters(self, step: int) -> Filter | None:
        """The filters ``}`` (step 1) or ``{`` (step -1) lead to; None with no countries."""
        countries = self.index.countries
        if not countries:
            return None
        chosen = self.filters.countries
        if len(chosen) == 1:
            at = countries.index(next(iter(chosen))) if next(iter(chosen)) in countries else -1
            at += step
            new = frozenset() if not 0 <= at < len(countries) else frozenset({countries[at]})
        else:
            new = frozenset({countries[0] if step > 0 else countries[-1]})
        return replace(self.filters, countries=new)

    def action_next_country(self) -> None:
        """Filter to the next country (All → each country → All)."""
        self._cycle_country(1)

    def action_previous_country(self) -> None:
        """Filter to the previous country."""
        self._cycle_country(-1)

    def action_pick_countries(self) -> None:
        """Choose countries to filter by."""
        by_country = self.index.by_country()
        options = [(c, c, len(by_country[c])) for c in self.index.countries]

        def done(chosen: frozenset[str] | None) -> None:
            if chosen is not None:
                self.apply_filters(replace(self.filters, countries=chosen))

        self.app.push_screen(Picker("Filter by country", options, self.filters.countries), done)

    def action_pick_types(self) -> None:
        """Choose event types to filter by."""
        by_type = self.index.by_type()
        from timeline.model import EVENT_TYPES

        present = [t for t in EVENT_TYPES if t in by_type] + [
            t for t in by_type if t not in EVENT_TYPES
        ]
        options = [(f"{type_label(t)}  {t.replace('_', ' ')}", t, len(by_type[t])) for t in present]

        def done(chosen: frozenset[str] | None) -> None:
            if chosen is not None:
                self.apply_filters(replace(self.filters, types=chosen))

        self.app.push_screen(Picker("Filter by type", options, self.filters.types), done)

    def filter_country(self, country: str) -> None:
        """Show only events naming ``country``."""
        self.apply_filters(replace(self.filters, countries=frozenset({country})))

    def filter_type(self, kind: str) -> None:
        """Show only events of type ``kind``."""
        self.apply_filters(replace(self.filters, types=frozenset({kind})))

    def action_clear_filters(self) -> None:
        """Show every event again."""
        self.apply_filters(Filter())

    # -- search ------------------------------------------------------------------------

    def action_search(self) -> None:
        """Open the search field.

        ``/`` is a priority key and focus moves at once (``Widget.focus`` waits
        for the message queue), so a query typed straight after ``/`` goes to
        the field rather than to the keys. In the field, ``/`` is typed.
        """
        bar = self.query_one(SearchBar)
        if self.focused is bar:
            bar.insert_text_at_cursor("/")
            return
        bar.add_class("-open")
        self.set_focus(bar)

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
        query = query.strip()
        if query == self.query_text:
            return
        self.query_text = query
        self.matches = None
        terms = query_terms(query)
        self._update_header()
        self.timeline.set_terms(terms)
        if not query:
            self.workers.cancel_group(self, "search")
            return
        self._pending_jump = not self._quick_jump(terms)
        # After the frame that shows the typed letter: the search thread
        # competes with drawing it for the GIL.
        self.call_after_refresh(self._start_search, query)

    def _quick_jump(self, terms: tuple[str, ...]) -> bool:
        """Find a match near the cursor without scanning everything; True if found."""
        timeline = self.timeline
        view = self.rows.view
        if timeline.cursor < 0:
            return True
        matches = self.index.matches
        start = timeline.cursor
        for position in range(start, min(len(view), start + QUICK_SCAN)):
            if matches(view[position], terms):
                self._select(position)
                return True
        return False

    def _start_search(self, query: str) -> None:
        if query == self.query_text:
            self._search_worker(query)

    @work(thread=True, exclusive=True, group="search")
    def _search_worker(self, query: str) -> None:
        worker = get_current_worker()
        ids = None
        if self.search_function is not None:
            try:
                ids = self.search_function(query)
            except Exception as error:  # a broken index must not take the browser down
                message = f"Index search failed ({type(error).__name__}); searching in memory."
                self.app.call_from_thread(self.notify, message, severity="warning", markup=False)
        if ids is not None:
            by_id = self.index.by_id()
            found = sorted(by_id[i] for i in ids if i in by_id)
        else:
            found = self.index.search(query, cancelled=lambda: worker.is_cancelled)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._search_done, query, found)

    def _search_done(self, query: str, found: list[int]) -> None:
        if query != self.query_text:
            return
        self.matches = found
        if self._pending_jump:
            self._pending_jump = False
            self._jump_match(1, include_current=True)
        self._update_header()

    def _jump_match(self, step: int, include_current: bool = False) -> None:
        timeline = self.timeline
        view = self.rows.view
        if not self.query_text or timeline.cursor < 0:
            return
        if self.matches is None:
            terms = query_terms(self.query_text)
            matches_terms = self.index.matches
            span = (
                range(timeline.cursor + (0 if include_current else step), len(view))
                if step > 0
                else range(timeline.cursor - 1, -1, -1)
            )
            for position in span:
                if matches_terms(view[position], terms):
                    self._select(position)
                    return
            self.app.bell()
            return
        current = view[timeline.cursor]
        matches = self.matches
        if step > 0:
            at = (
                bisect_left(matches, current) if include_current else bisect_right(matches, current)
            )
            candidates = (matches[k] for k in range(at, len(matches)))
        else:
            at = bisect_left(matches, current)
            candidates = (matches[k] for k in range(at - 1, -1, -1))
        for event_index in candidates:
            position = _find(view, event_index)
            if position >= 0:
                self._select(position)
                return
        self.app.bell()

    def action_next_match(self) -> None:
        """Next search match."""
        self._jump_match(1)

    def action_previous_match(self) -> None:
        """Previous search match."""
        self._jump_match(-1)

    def action_clear_search(self) -> None:
        """Esc: forget the search."""
        if self.query_text:
            self.query_one(SearchBar).value = ""
            self.set_search("")

    # -- stars, notes, export (issue 5) ------------------------------------------------

    def _chosen_event(self) -> Event | None:
        event = self.timeline.event
        if event is None:
            self.notify("No event selected.", severity="warning")
        return event

    def event_changed(self, event: Event) -> None:
        """A star or note changed: repaint the list and the detail pane, refilter if needed.

        Their caches are keyed by the annotations' generation, which the change
        has bumped, so a repaint draws the new star or note.
        """
        self.timeline.refresh()
        self.query_one(EventDetail).refresh()
        if self.filters.starred and not self.annotations.is_starred(event.id):
            self.apply_filters(self.filters, current=event)

    def _save_failed(self, error: Exception) -> None:
        text = str(error) if isinstance(error, NotesError) else f"not saved ({error!r})"
        self.notify(text, title="Not saved", severity="error", markup=False, timeout=10)

    def toggle_star(self, event: Event) -> None:
        """Star an unstarred event, unstar a starred one (saved at once)."""
        try:
            self.annotations.toggle_star(event)
        except Exception as error:  # noqa: BLE001 - a failed save is a notice, never a crash
            self._save_failed(error)
            return
        self.event_changed(event)

    def save_note(self, event: Event, text: str) -> None:
        """Set the event's note (empty text deletes it)."""
        try:
            self.annotations.set_note(event, text)
        except Exception as error:  # noqa: BLE001 - a failed save is a notice, never a crash
            self._save_failed(error)
            return
        self.event_changed(event)

    def action_toggle_star(self) -> None:
        """Star or unstar the selected event."""
        event = self._chosen_event()
        if event is not None:
            self.toggle_star(event)

    def action_edit_note(self) -> None:
        """Open the note editor on the selected event."""
        event = self._chosen_event()
        if event is None:
            return

        def done(text: str | None) -> None:
            if text is not None and text != (self.annotations.note(event.id) or ""):
                self.save_note(event, text)

        self.app.push_screen(NoteEditor(event.summary, self.annotations.note(event.id) or ""), done)

    def action_starred_only(self) -> None:
        """Show only starred events, or everything again."""
        self.apply_filters(replace(self.filters, starred=not self.filters.starred))

    def export_writer(self) -> Callable[[str, Path], str]:
        """``write(format, path) -> confirmation`` for the events shown now.

        The events are taken now, so the writer can run in a thread while
        batches keep arriving.
        """
        events = [self.index.events[i] for i in self.rows.view]
        files = {event.article for event in events}
        articles = [a for f, a in self.index.articles.items() if f in files]
        notes = self.annotations.notes_for(events)
        title = self.index.name

        def write(fmt: str, path: Path) -> str:
            from timeline.export import render

            result = render(fmt, articles, events, title=title, notes=notes)
            with open(path, "w", encoding="utf-8", newline="") as handle:
                handle.write(result.text)
            return f"{result.message} → {path}"

        return write

    def action_export(self) -> None:
        """Ask for a format and a file, and export the events shown."""
        count = len(self.rows.view)
        if not count:
            self.notify("No events to export.", severity="warning")
            return
        parts = [self.filters.describe()]
        if self.query_text:
            parts.append(f"search /{self.query_text} not applied")
        described = " · ".join(part for part in parts if part)
        what = f" ({described})" if described else ""

        def done(message: str | None) -> None:
            if message:
                self.notify(message, title="Exported", markup=False, timeout=10)

        self.app.push_screen(ExportDialog(count, what, self.export_writer()), done)

    # -- other screens -----------------------------------------------------------------

    def open_article(self, event: Event | None = None, file: str | None = None) -> None:
        """Open the article of ``event`` (or the cursor's), or the article ``file``."""
        if file is None:
            event = event or self.timeline.event
            if event is None:
                self.notify("No event selected.", severity="warning")
                return
            file = event.article
        article = self.index.articles.get(file)
        if article is None:
            self.notify("That article is not loaded.", severity="error")
            return
        events = self.index.article_events(file)
        current = next((n for n, e in enumerate(events) if e is event), 0)
        self.app.push_screen(ArticleScreen(article, events, current, follow=self.select_event))

    def select_event(self, event: Event) -> None:
        """Put the cursor on ``event`` if the filters show it."""
        at = self.index.position_of(event)
        position = _find(self.rows.view, at)
        if position >= 0:
            self._select(position)

    def action_open_article(self) -> None:
        """Open the selected event's article."""
        self.open_article()

    def action_grid(self) -> None:
        """Show the year × country grid."""
        event = self.timeline.event
        country = event.countries[0] if event and event.countries else None
        if len(self.filters.countries) == 1:
            country = next(iter(self.filters.countries))

        def done(cell: tuple[int, str] | None) -> None:
            if cell is not None:
                year, name = cell
                self.apply_filters(Filter(countries=frozenset({name}), years=(year, year)))

        self.app.push_screen(GridScreen(self.index, event.year if event else None, country), done)

    def action_help(self) -> None:
        """Show every key."""
        self.app.push_screen(HelpScreen())

    def action_command_palette(self) -> None:
        """Open the command palette."""
        self.app.action_command_palette()

    def action_quit(self) -> None:
        """Leave the program."""
        self.app.exit(0)


def _keep_out_of_collector() -> None:
    """Put everything alive now, the corpus above all, out of the garbage collector's walk.

    The events, articles and lookup tables live as long as the browser, and a
    full collection walks every object there is: a quarter of a second at
    100,000 events, falling in the middle of some key press. Frozen, they are
    still freed by reference counting; the collector is left with the
    short-lived objects of drawing.
    """
    gc.freeze()


def _find(view: Sequence[int], event_index: int) -> int:
    """The view position of an event index, or -1."""
    position = bisect_left(view, event_index)
    if position < len(view) and view[position] == event_index:
        return position
    return -1


def _contains(sorted_list: list[int], value: int) -> bool:
    position = bisect_left(sorted_list, value)
    return position < len(sorted_list) and sorted_list[position] == value
