"""The year rail: every year with events, its count under the filters, a bar."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from timeline.tui.widgets.direct_lines import StyledLines

__all__ = ["YearRail"]

_BAR = " ▏▎▍▌▋▊▉█"


class YearRail(StyledLines, ScrollView):
    """A narrow list of years; the current one is marked, a click jumps there.

    Its right edge is drawn with each line rather than as a CSS border, so that
    cached lines go to the screen as they are (see :mod:`timeline.tui.widgets.direct_lines`).
    """

    COMPONENT_CLASSES = {"rail--current", "rail--bar", "rail--empty", "rail--title", "rail--edge"}

    DEFAULT_CSS = """
    YearRail {
        width: 17;
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-size-vertical: 0;
        background: $surface;
    }
    YearRail > .rail--current { background: $accent 45%; text-style: bold; }
    YearRail > .rail--bar { color: $primary; }
    YearRail > .rail--empty { color: $foreground 35%; }
    YearRail > .rail--title { color: $foreground 65%; text-style: bold; }
    YearRail > .rail--edge { color: $foreground 20%; }
    """

    class Picked(Message):
        """The user clicked a year (None: the undated group)."""

        def __init__(self, year: int | None) -> None:
            self.year = year
            super().__init__()

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.entries: list[tuple[int | None, int]] = []
        self.current: int | None = None
        self._has_current = False
        self._most = 1
        self._styles: dict[str, Style] = {}
        self._cache: LRUCache[tuple, Strip] = LRUCache(512)

    def set_counts(self, entries: list[tuple[int | None, int]]) -> None:
        """Show ``(year, count)`` pairs (year None: undated), counts under the filters."""
        if entries == self.entries:
            return
        self.entries = entries
        # Cached lines are keyed by their entry and scale, so they stay valid.
        self._most = max((c for _y, c in entries), default=0) or 1
        self.virtual_size = Size(self.size.width, len(entries) + 1)
        self.refresh()

    def set_current(self, year: int | None, present: bool = True) -> None:
        """Mark the year the cursor is in (``present`` False: nothing selected)."""
        if (year, present) == (self.current, self._has_current):
            return
        old = self._line_of(self.current) if self._has_current else None
        self.current = year
        self._has_current = present
        new = self._line_of(year) if present else None
        for line in (old, new):
            if line is not None:
                self.refresh_line(line)
        if new is not None:
            self.scroll_to_region_line(new)

    def _line_of(self, year: int | None) -> int | None:
        for n, (entry, _count) in enumerate(self.entries):
            if entry == year:
                return n + 1
        return None

    def _forget_styles(self) -> None:
        super()._forget_styles()
        self._cache.clear()
        self._styles = {}

    @property
    def allow_vertical_scroll(self) -> bool:
        """The rail scrolls (wheel included) without showing a scrollbar."""
        return len(self.entries) + 1 > self.size.height

    def scroll_to_region_line(self, line: int) -> None:
        """Scroll so that ``line`` is visible."""
        height = self.size.height
        top = round(self.scroll_y)
        if line < top:
            self.scroll_to(y=line, animate=False, force=True)
        elif height and line >= top + height:
            self.scroll_to(y=line - height + 1, animate=False, force=True)

    def render_line(self, y: int) -> Strip:
        """One year per line, after a title line."""
        self._follow_theme()
        line = round(self.scroll_y) + y
        entry = self.entries[line - 1] if 0 < line <= len(self.entries) else None
        current = entry is not None and self._has_current and entry[0] == self.current
        return self._line(line == 0, entry, current, self._most)

    def prepare(self, entries: list[tuple[int | None, int]], current: int | None) -> None:
        """Render ahead of time the lines ``entries`` would show with ``current`` marked."""
        most = max((c for _y, c in entries), default=0) or 1
        self.finish_ahead([self._line(False, e, e[0] == current, most) for e in entries])

    def _line(
        self, title: bool, entry: tuple[int | None, int] | None, current: bool, most: int
    ) -> Strip:
        full = self.line_size.width
        key = (title, entry, current, full, most)
        strip = self._cache.get(key)
        if strip is None:
            width = max(0, full - 1)  # the last cell is the edge
            base = self._base()
            if entry is not None:
                segments = self._entry(entry[0], entry[1], width, current, most, base)
            elif title:
                segments = [Segment(" Years".ljust(width), base + self._style("rail--title"))]
            else:
                segments = [Segment(" " * width, base)]
            edge = Strip([Segment("▕", base + self._edge_style())], 1)
            strip = Strip.join([Strip(segments, width).crop_extend(0, width, base), edge])
            strip = strip.simplify()
            self._cache[key] = strip
        return strip

    def _edge_style(self) -> Style:
        """The edge's colour, blended over the rail as a CSS border's would be."""
        style = self._styles.get("edge")
        if style is None:
            style = self._styles["edge"] = self.border_style("rail--edge")
        return style

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self.get_component_rich_style(name, partial=True)
        return style

    def _entry(
        self, year: int | None, count: int, width: int, current: bool, most: int, base: Style
    ) -> list[Segment]:
        """Marker, year, a bar in eighths of a cell, the count."""
        style = base + self._style("rail--current") if current else base
        if count == 0:
            style += self._style("rail--empty")
        label = "Undated" if year is None else str(year)
        counter = str(count)
        head = ("▶" if current else " ") + label.ljust(5) + " "
        bar_cells = max(0, width - len(head) - len(counter) - 2)
        eighths = round(bar_cells * 8 * count / most)
        bar = "█" * (eighths // 8) + (_BAR[eighths % 8] if eighths % 8 else "")
        return [
            Segment(head, style),
            Segment(bar.ljust(bar_cells), style + self._style("rail--bar")),
            Segment(f" {counter} ", style),
        ]

    def on_click(self, event: events.Click) -> None:
        """Jump to the clicked year."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        line = round(self.scroll_y) + offset.y - 1
        if 0 <= line < len(self.entries):
            self.post_message(self.Picked(self.entries[line][0]))
