"""The year × country grid: counts shaded by size, a cursor cell."""

from __future__ import annotations

from collections import Counter

from rich.style import Style
from rich.text import Text
from textual.color import Color
from textual.message import Message
from textual.widget import Widget

from timeline.tui.render import one_line

__all__ = ["CELL_WIDTH", "LABEL_WIDTH", "YearCountryGrid", "scroll_window"]

LABEL_WIDTH = 15
CELL_WIDTH = 6


def scroll_window(cursor: int, first: int, visible: int) -> int:
    """The first of ``visible`` rows (or columns) shown, moved as little as keeps
    ``cursor`` in view (``first``: the first shown before)."""
    if cursor < first:
        return cursor
    if cursor >= first + visible:
        return cursor - visible + 1
    return first


class YearCountryGrid(Widget, can_focus=True):
    """Countries down, years across; a cursor cell; scrolls to keep it visible."""

    COMPONENT_CLASSES = {"grid--heat", "grid--cursor", "grid--axis", "grid--axis-current"}

    DEFAULT_CSS = """
    YearCountryGrid { height: auto; max-height: 60%; background: $surface; }
    YearCountryGrid > .grid--heat { background: $accent; }
    YearCountryGrid > .grid--cursor { text-style: bold reverse; }
    YearCountryGrid > .grid--axis { color: $foreground 65%; }
    YearCountryGrid > .grid--axis-current { color: $foreground; text-style: bold; }
    """

    class Moved(Message):
        """The cursor moved to another cell."""

        def __init__(self, year: int, country: str) -> None:
            self.year = year
            self.country = country
            super().__init__()

    def __init__(self, years: list[int], countries: list[str], counts: Counter, **kwargs) -> None:
        super().__init__(**kwargs)
        self.years = years
        self.countries = countries
        self.counts = counts
        self.most = max(counts.values(), default=0) or 1
        self.col = 0
        self.row = 0
        self._left = 0
        self._top = 0

    def get_content_height(self, container, viewport, width) -> int:
        """Header line plus one line per country."""
        return len(self.countries) + 1

    @property
    def cell(self) -> tuple[int, str] | None:
        """The (year, country) under the cursor."""
        if not self.years or not self.countries:
            return None
        return self.years[self.col], self.countries[self.row]

    def move(self, dx: int, dy: int) -> None:
        """Move the cursor by columns and rows (clamped)."""
        if not self.years or not self.countries:
            return
        self.col = max(0, min(len(self.years) - 1, self.col + dx))
        self.row = max(0, min(len(self.countries) - 1, self.row + dy))
        self.refresh()
        cell = self.cell
        if cell is not None:
            self.post_message(self.Moved(*cell))

    def place(self, year: int | None, country: str | None) -> None:
        """Put the cursor on a year and country, where they exist."""
        if year in self.years:
            self.col = self.years.index(year)
        if country in self.countries:
            self.row = self.countries.index(country)

    def render(self) -> Text:
        """The grid as text."""
        if not self.years or not self.countries:
            return Text("No dated events with countries to show.", style="italic")
        width = self.size.width
        height = self.size.height
        columns = max(1, (width - LABEL_WIDTH) // CELL_WIDTH)
        rows = max(1, height - 1)
        self._left = scroll_window(self.col, self._left, columns)
        self._top = scroll_window(self.row, self._top, rows)
        axis = self.get_component_rich_style("grid--axis", partial=True)
        axis_now = self.get_component_rich_style("grid--axis-current", partial=True)
        cursor = self.get_component_rich_style("grid--cursor", partial=True)
        heat_rich = self.get_component_rich_style("grid--heat").bgcolor
        heat = Color.from_rich_color(heat_rich) if heat_rich else Color(0, 120, 200)
        base = self.styles.background if self.styles.background.a else Color(0, 0, 0)
        text = Text(no_wrap=True, end="")
        text.append(" " * LABEL_WIDTH)
        year_slice = self.years[self._left : self._left + columns]
        for n, year in enumerate(year_slice):
            style = axis_now if n + self._left == self.col else axis
            text.append(str(year).rjust(CELL_WIDTH - 1) + " ", style)
        for r, country in enumerate(self.countries[self._top : self._top + rows]):
            row = r + self._top
            text.append("\n")
            label = one_line(country)
            label = label if len(label) < LABEL_WIDTH else label[: LABEL_WIDTH - 2] + "…"
            text.append(label.ljust(LABEL_WIDTH), axis_now if row == self.row else axis)
            for n, year in enumerate(year_slice):
                count = self.counts.get((year, country), 0)
                if count:
                    shade = base.blend(heat, 0.25 + 0.75 * count / self.most)
                    style = Style(
                        color=shade.get_contrast_text().rich_color, bgcolor=shade.rich_color
                    )
                    label = str(count)
                else:
                    style = axis
                    label = "·"
                if row == self.row and n + self._left == self.col:
                    style = style + cursor
                text.append(label.rjust(CELL_WIDTH - 1) + " ", style)
        return text
