"""The timeline: one virtual list of year headers and events (Line API).

Only the rows on screen are ever rendered, and rendered rows are kept in an
LRU cache (as toolong does for log lines), so 100,000 events cost no more per
key than 100. A cached row is keyed by what it shows: the event, the index's
and the stars' generations, the width, the cursor and the search terms, so a
star given or a batch merged needs a repaint, never a cleared cache. The
widget knows rows and a cursor; what the rows are (filters, search) is decided
by the screen, which hands it a :class:`TimelineRows`.

It keeps its own scroll offset (``top``) and draws its own scroll indicator
instead of using Textual's virtual size and scrollbar: changing the filter
then costs one repaint of the widget, not a layout pass of the whole screen
plus a second frame for the scrollbar.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.cache import LRUCache
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip

from timeline.filters import shown_via
from timeline.model import Event
from timeline.query import Query
from timeline.tui.render import event_row
from timeline.tui.state.annotations import Annotations
from timeline.tui.state.index import EventIndex
from timeline.tui.state.rows import Group, TimelineRows
from timeline.tui.state.stories import Shown
from timeline.tui.widgets.direct_lines import DirectLines

__all__ = ["TimelineView"]


class TimelineView(DirectLines, can_focus=True, inherit_bindings=False):
    """A scrolling list of year headers and event rows with a cursor."""

    COMPONENT_CLASSES = {
        "timeline--cursor",
        "timeline--header",
        "timeline--date",
        "timeline--countries",
        "timeline--match",
        "timeline--empty",
        "timeline--thumb",
        "timeline--star",
    }

    DEFAULT_CSS = """
    TimelineView {
        height: 1fr;
        background: $surface;
    }
    TimelineView > .timeline--thumb { background: $foreground 30%; }
    TimelineView > .timeline--cursor { background: $accent 45%; text-style: bold; }
    TimelineView:focus > .timeline--cursor { background: $accent 70%; }
    TimelineView > .timeline--header { color: $primary; text-style: bold; }
    TimelineView > .timeline--date { color: $foreground; }
    TimelineView > .timeline--countries { color: $foreground 65%; }
    TimelineView > .timeline--match { background: $warning 60%; color: $foreground; }
    TimelineView > .timeline--star { color: $text-warning; }
    TimelineView > .timeline--empty { color: $foreground 65%; text-style: italic; }
    """

    class Selected(Message):
        """The cursor moved to another event (or to none)."""

        def __init__(self, event: Event | None, position: int) -> None:
            self.event = event
            self.position = position
            super().__init__()

    class Activated(Message):
        """Enter, a second click or a double click on an event."""

        def __init__(self, event: Event) -> None:
            self.event = event
            super().__init__()

    def __init__(
        self,
        index: EventIndex,
        rows: TimelineRows,
        annotations: Annotations | None = None,
        **kwargs,
    ) -> None:
        super().__init__(**kwargs)
        self.index = index
        self.rows = rows
        #: Stars (None: nothing is starred); rows are cached under their generation.
        self.annotations = annotations
        #: View position of the cursor, -1 when the view is empty.
        self.cursor = 0 if rows.view else -1
        #: The row shown on the first line.
        self.top = 0
        #: The search whose terms rows highlight, and which events it matches.
        self.terms: Query | None = None
        self._is_match: Callable[[int], bool] = lambda event_index: False
        self.empty_message = "No events."
        #: Countries named first in rows (those of the country filter).
        self.first_countries: frozenset[str] = frozenset()
        self._cache: LRUCache[tuple, Strip] = LRUCache(2048)
        self._styles: dict[str, Style] | None = None
        self._theme = ""

    # -- state ---------------------------------------------------------------------

    @property
    def event(self) -> Event | None:
        """The event under the cursor."""
        if self.cursor < 0 or not self.rows.view:
            return None
        return self.index.events[self.rows.view[self.cursor]]

    @property
    def cursor_row(self) -> int:
        """The row the cursor is on (-1 when empty)."""
        return self.rows.row_of(self.cursor) if self.cursor >= 0 else -1

    @property
    def group(self) -> Group | None:
        """The group (year) of the cursor."""
        if self.cursor < 0:
            return None
        return self.rows.groups[self.rows.group_number(self.cursor)]

    def set_rows(
        self, rows: TimelineRows, position: int, *, top: bool = False, announce: bool = True
    ) -> None:
        """Show new rows with the cursor on view ``position`` (see :meth:`select`)."""
        # Cached rows stay valid: their keys name the event, not its place.
        self.rows = rows
        self.top = min(self.top, max(0, len(rows) - self.size.height))
        self.cursor = -1
        self.refresh()
        self.select(position if rows.view else -1, top=top, force=True, announce=announce)

    def set_terms(self, terms: Query | None, is_match: Callable[[int], bool] | None = None) -> None:
        """Mark the rows of events ``is_match`` says match, their ``terms`` highlighted
        (None: no search)."""
        self._is_match = is_match or (lambda event_index: False)
        self.terms = terms
        self.refresh()

    def select(
        self, position: int, *, top: bool = False, force: bool = False, announce: bool = True
    ) -> None:
        """Move the cursor to view ``position`` and keep it on screen.

        ``top`` puts the event's year header at the top of the list. A move is
        announced with a :class:`Selected` message (``force``: even to the same
        event), unless ``announce`` is False because the caller updates what
        depends on the selection itself, in the same frame.
        """
        total = len(self.rows.view)
        position = -1 if not total else max(0, min(position, total - 1))
        old_row = self.cursor_row
        changed = position != self.cursor
        self.cursor = position
        if position >= 0:
            row = self.rows.row_of(position)
            self.scroll_to_row(self.top_for(self.rows, position, self.top, header=top))
            self.refresh_line(row)
        if old_row >= 0:
            self.refresh_line(old_row)
        if announce and (changed or force):
            self.post_message(self.Selected(self.event, position))

    def top_for(self, rows: TimelineRows, position: int, top: int, *, header: bool) -> int:
        """The first row shown once the cursor is on ``position`` of ``rows``.

        ``top`` is the first row shown before. The list scrolls only as far as
        it must to show the event (with its year header when that is the row
        above); with ``header`` it puts the event's year header first.
        """
        height = self.size.height
        limit = max(0, len(rows) - height)
        top = min(top, limit)
        if position < 0:
            return top
        row = rows.row_of(position)
        header_row = rows.header_rows[rows.group_number(position)]
        if header:
            want = header_row
        else:
            want = row - 1 if header_row == row - 1 else row
            if want >= top:
                if not height or row < top + height:
                    return top
                want = row - height + 1
        return max(0, min(want, limit))

    def prepare(
        self, rows: TimelineRows, position: int, *, header: bool, first: frozenset[str]
    ) -> None:
        """Render ahead of time the screenful a move to ``position`` of ``rows`` would show.

        The screen calls this while the user reads, for the places the next
        key is likely to lead (the next event, year or country), so that the
        key itself only looks its rows up.
        """
        height = self.size.height
        if not rows.view or not height or position < 0:
            return
        top = self.top_for(rows, position, self.top, header=header)
        self.finish_ahead([self._line(rows, top, position, first, y) for y in range(height)])

    def refresh_line(self, row: int) -> None:
        """Repaint one row, if it is on screen."""
        y = row - self.top
        if 0 <= y < self.size.height:
            self.refresh(Region(0, y, self.size.width, 1))

    def scroll_to_row(self, row: int) -> None:
        """Put ``row`` at the top of the list (clamped so the list fills the widget)."""
        top = max(0, min(row, len(self.rows) - self.size.height))
        if top != self.top:
            self.top = top
            self.refresh()

    @property
    def page(self) -> int:
        """Events in a screenful."""
        return max(1, self.size.height - 1)

    # -- rendering -------------------------------------------------------------------

    def notify_style_update(self) -> None:
        """CSS changed: forget rendered rows."""
        super().notify_style_update()
        self._forget_styles()

    def _forget_styles(self) -> None:
        self._styles = None
        self._cache.clear()

    def _style(self, name: str) -> Style:
        if self._styles is None:
            self._styles = {}
        style = self._styles.get(name)
        if style is None:
            style = self.get_component_rich_style(name, partial=True)
            self._styles[name] = style
        return style

    def _base_style(self) -> Style:
        """The widget's own style (computing it walks the DOM, so it is kept)."""
        if self._styles is None:
            self._styles = {}
        style = self._styles.get("")
        if style is None:
            style = self._styles[""] = self.rich_style
        return style

    def on_resize(self, event: events.Resize) -> None:
        """Keep the cursor on screen."""
        self.scroll_to_row(self.top_for(self.rows, self.cursor, self.top, header=False))

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        """The wheel scrolls the list three rows (the cursor stays put)."""
        self.scroll_to_row(self.top + 3)
        event.stop()

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        """The wheel scrolls the list three rows (the cursor stays put)."""
        self.scroll_to_row(self.top - 3)
        event.stop()

    @staticmethod
    def _thumb(total: int, top: int, height: int, y: int) -> bool:
        """Whether screen line ``y`` holds the scroll indicator's thumb."""
        if total <= height or height <= 0:
            return False
        size = max(1, round(height * height / total))
        start = round((height - size) * top / max(1, total - height))
        return start <= y < start + size

    def render_line(self, y: int) -> Strip:
        """Render screen line ``y``: one row of the list plus a scroll-indicator cell."""
        if self.app.theme != self._theme:
            self._theme = self.app.theme
            self._forget_styles()
        return self._line(self.rows, self.top, self.cursor, self.first_countries, y)

    def _line(
        self, rows: TimelineRows, top: int, cursor: int, first: frozenset[str], y: int
    ) -> Strip:
        """Line ``y`` of the list showing ``rows`` from row ``top``, the cursor on ``cursor``."""
        row = top + y
        full, height = self.line_size
        width = max(1, full - 1)
        base = self._base_style()
        if not rows.view:
            if y == max(0, height // 2 - 1):
                text = Text(self.empty_message, style=base + self._style("timeline--empty"))
                text.truncate(full, overflow="ellipsis")
                text.align("center", full)
                return Strip(text.render(self.app.console), full)
            return Strip.blank(full, base)
        if row >= len(rows):
            return Strip.blank(full, base)
        thumb = self._thumb(len(rows), top, height, y)
        group, position = rows.row(row)
        shown = rows.shown
        if position is None:
            stories = shown is not None and shown.by_story and shown.stories.shared
            key: tuple = ("h", group.year, group.count, width, thumb, stories)
        else:
            event_index = rows.view[position]
            is_cursor = position == cursor
            generation = self.index.generation
            stars = self.annotations.generation if self.annotations is not None else 0
            # Only rows that match are highlighted, so the others keep their strips.
            terms = self.terms
            if terms is not None and not self._is_match(event_index):
                terms = None
            told = rows.told(event_index)
            story = shown is not None and shown.by_story
            key = (
                "e", event_index, generation, stars, width, is_cursor, terms, first, thumb, told,
                story,
            )  # fmt: skip
        strip = self._cache.get(key)
        if strip is None:
            if position is None:
                segments = self._header_segments(group, width, base, stories)
            else:
                story_rows = shown if story else None
                segments = self._row_segments(
                    event_index, is_cursor, terms, first, width, base, told, story_rows
                )
            style = base + self._style("timeline--thumb") if thumb else base
            segments.append(Segment(" ", style))
            # Fewer, longer segments: each one costs the compositor on every frame.
            strip = Strip(segments, full).simplify()
            self._cache[key] = strip
        return strip

    def _header_segments(
        self, group: Group, width: int, base: Style, stories: bool = False
    ) -> list[Segment]:
        """`` 2007 ──── 12 events `` (``12 stories``) in one style, cut or padded to ``width``."""
        style = base + self._style("timeline--header")
        label = f" {group.label} "
        noun = ("story", "stories") if stories else ("event", "events")
        count = f" {group.count} {noun[group.count != 1]} "
        rule = "─" * max(0, width - len(label) - len(count))
        line = Strip([Segment(label + rule + count, style)])
        return list(line.crop_extend(0, width, style))

    def _row_segments(
        self,
        event_index: int,
        is_cursor: bool,
        terms: Query | None,
        first: frozenset[str],
        width: int,
        base: Style,
        told: int = 1,
        story: Shown | None = None,
    ) -> list[Segment]:
        """A row; ``terms`` (given only when the event matches them) are highlighted.

        A story row (``story``) carries the star and the note mark of any of its
        events, and ``×3``
        when ``told`` by three sources; an event the country filter shows through
        its regional group reads ``via ASEAN`` in the countries column.
        """
        event = self.index.events[event_index]
        annotations = self.annotations
        starred = noted = False
        if annotations is not None:
            members = story.stories.members(event_index) if story is not None else (event_index,)
            events = self.index.events
            for member in members:
                info = annotations.info(events[member].id)
                if info is not None:
                    starred = starred or annotations.is_starred(events[member].id)
                    noted = noted or info.note is not None
        via = shown_via(event, first)
        return event_row(
            event,
            width,
            style=base + self._style("timeline--cursor") if is_cursor else base,
            date_style=self._style("timeline--date"),
            country_style=self._style("timeline--countries"),
            match_style=self._style("timeline--match"),
            terms=terms,
            first=first,
            mark=terms is not None,
            starred=starred,
            star_style=self._style("timeline--star"),
            told=told,
            via=via,
            noted=noted,
            marks=annotations is not None and len(annotations) > 0,
            badge_gap=base if is_cursor else None,
        )

    # -- mouse ---------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        """Click selects; a second click on the selection, or a double click, opens it."""
        if not self.rows.view:
            return
        offset = event.get_content_offset(self)
        if offset is None:
            return
        row = self.top + offset.y
        if row >= len(self.rows):
            return
        group, position = self.rows.row(row)
        if position is None:
            self.select(group.start)
            return
        if position == self.cursor or event.chain >= 2:
            self.select(position)
            chosen = self.event
            if chosen is not None:
                self.post_message(self.Activated(chosen))
        else:
            self.select(position)
