"""The tiers table: countries down, report years across, each cell its TIP tier."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.message import Message
from textual.widget import Widget

from timeline.tui.render import one_line
from timeline.tui.state.tiergrid import TierGrid, cell_label
from timeline.tui.widgets.year_country_grid import scroll_window

__all__ = ["CELL_WIDTH", "LABEL_WIDTH", "TIER_STYLES", "TierTable"]

LABEL_WIDTH = 15
CELL_WIDTH = 6

#: One colour per tier, each with its own background and a foreground chosen for
#: contrast, so that a cell reads the same on light and dark themes.
TIER_STYLES: dict[str, Style] = {
    "1": Style(bold=True, color="#ffffff", bgcolor="#1e7b3a"),
    "2": Style(bold=True, color="#ffffff", bgcolor="#1f5aa6"),
    "2WL": Style(bold=True, color="#000000", bgcolor="#f0b429"),
    "3": Style(bold=True, color="#ffffff", bgcolor="#b3261e"),
}


class TierTable(Widget, can_focus=True):
    """The table of a :class:`~timeline.tui.state.tiergrid.TierGrid`, with a cell cursor;
    it scrolls to keep the cursor in view."""

    COMPONENT_CLASSES = {"tiers--axis", "tiers--axis-current", "tiers--cursor", "tiers--move"}

    DEFAULT_CSS = """
    TierTable { height: auto; max-height: 70%; background: $surface; }
    TierTable > .tiers--axis { color: $foreground 65%; }
    TierTable > .tiers--axis-current { color: $foreground; text-style: bold; }
    TierTable > .tiers--cursor { text-style: bold reverse; }
    TierTable > .tiers--move { color: $foreground; text-style: bold; }
    """

    class Moved(Message):
        """The cursor moved to another cell."""

        def __init__(self, country: str, year: int) -> None:
            self.country = country
            self.year = year
            super().__init__()

    def __init__(self, grid: TierGrid, **kwargs) -> None:
        super().__init__(**kwargs)
        self.grid = grid
        self._left = 0
        self._top = 0

    def get_content_height(self, container, viewport, width) -> int:
        """A line of years, then one line per country."""
        return len(self.grid.countries) + 1

    def move(self, dx: int, dy: int) -> None:
        """Move the cursor (clamped) and say so."""
        self.grid.move(dx, dy)
        self.refresh()
        current = self.grid.current
        if current is not None:
            self.post_message(self.Moved(*current))

    def row_text(self, country: str) -> str:
        """One country's row as plain text (what the screen shows of it)."""
        return " ".join(label.center(CELL_WIDTH - 1) for label in self.grid.row_labels(country))

    def render(self) -> Text:
        """The table as text."""
        grid = self.grid
        if grid.empty:
            return Text("No TIP tier rankings in this corpus.", style="italic")
        columns = max(1, (self.size.width - LABEL_WIDTH) // CELL_WIDTH)
        rows = max(1, self.size.height - 1)
        self._left = scroll_window(grid.col, self._left, columns)
        self._top = scroll_window(grid.row, self._top, rows)
        style = self.get_component_rich_style
        axis = style("tiers--axis", partial=True)
        axis_now = style("tiers--axis-current", partial=True)
        cursor = style("tiers--cursor", partial=True)
        move = style("tiers--move", partial=True)
        text = Text(no_wrap=True, end="")
        text.append(" " * LABEL_WIDTH)
        years = grid.years[self._left : self._left + columns]
        for n, year in enumerate(years):
            current = n + self._left == grid.col
            text.append(str(year).center(CELL_WIDTH - 1) + " ", axis_now if current else axis)
        for r, country in enumerate(grid.countries[self._top : self._top + rows]):
            row = r + self._top
            text.append("\n")
            label = one_line(country)
            label = label if len(label) < LABEL_WIDTH else label[: LABEL_WIDTH - 2] + "…"
            text.append(label.ljust(LABEL_WIDTH), axis_now if row == grid.row else axis)
            for n, year in enumerate(years):
                cell = grid.cell(country, year)
                label = cell_label(cell) or "·"
                if cell is None:
                    cell_style = axis
                elif cell.tier in TIER_STYLES:
                    cell_style = TIER_STYLES[cell.tier]
                else:
                    cell_style = move
                if row == grid.row and n + self._left == grid.col:
                    cell_style = cell_style + cursor
                text.append(label.center(CELL_WIDTH - 1), cell_style)
                text.append(" ", axis)
        return text
