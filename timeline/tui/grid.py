"""The year × country grid: counts shaded by size, the cell's events below."""

from __future__ import annotations

from collections import Counter

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.color import Color
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Static

from timeline.model import Event, format_date
from timeline.tui.index import EventIndex
from timeline.tui.keymap import GRID_KEYS, bindings
from timeline.tui.render import one_line, type_label

__all__ = ["GridScreen", "YearCountryGrid"]

LABEL_WIDTH = 15
CELL_WIDTH = 6


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

    def _window(self, cursor: int, first: int, visible: int) -> int:
        if cursor < first:
            return cursor
        if cursor >= first + visible:
            return cursor - visible + 1
        return first

    def render(self) -> Text:
        """The grid as text."""
        if not self.years or not self.countries:
            return Text("No dated events with countries to show.", style="italic")
        width = self.size.width
        height = self.size.height
        columns = max(1, (width - LABEL_WIDTH) // CELL_WIDTH)
        rows = max(1, height - 1)
        self._left = self._window(self.col, self._left, columns)
        self._top = self._window(self.row, self._top, rows)
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


class GridScreen(Screen[tuple[int, str] | None]):
    """The grid; Enter dismisses with (year, country), Esc with None."""

    DEFAULT_CSS = """
    GridScreen #grid-title { height: 1; background: $panel; padding: 0 1; text-style: bold; }
    GridScreen #grid-events {
        height: 1fr; border-top: hkey $foreground 25%; padding: 0 1; background: $surface;
    }
    """

    BINDINGS = bindings(GRID_KEYS)

    def __init__(self, index: EventIndex, year: int | None, country: str | None) -> None:
        super().__init__()
        self.index = index
        counts: Counter = Counter()
        cells: dict[tuple[int, str], list[int]] = {}
        for i, event in enumerate(index.events):
            if event.date is None:
                break
            year_of = int(event.date[:4])
            for name in event.countries:
                counts[(year_of, name)] += 1
                found = cells.setdefault((year_of, name), [])
                if len(found) < 200:
                    found.append(i)
        self.cells = cells
        years = sorted({y for y, _c in counts})
        countries = sorted({c for _y, c in counts})
        self.grid = YearCountryGrid(years, countries, counts, id="grid")
        self.grid.place(year, country)

    def compose(self) -> ComposeResult:
        yield Static(
            Text("Events by year and country · arrows move · Enter filters · Esc returns"),
            id="grid-title",
        )
        yield self.grid
        yield Static(id="grid-events")
        yield Footer()

    def on_mount(self) -> None:
        """Focus the grid and list the first cell's events."""
        self.grid.focus()
        self._list_cell()

    def on_year_country_grid_moved(self, message: YearCountryGrid.Moved) -> None:
        """List the events of the new cell."""
        self._list_cell()

    def _list_cell(self) -> None:
        target = self.query_one("#grid-events", Static)
        cell = self.grid.cell
        if cell is None:
            target.update(Text(""))
            return
        year, country = cell
        found = self.cells.get(cell, [])
        total = self.grid.counts.get(cell, 0)
        text = Text(end="")
        text.append(
            f"{one_line(country)} in {year}: {total} event{'s' if total != 1 else ''}", "bold"
        )
        for i in found:
            event: Event = self.index.events[i]
            text.append("\n")
            text.append(format_date(event.date, event.approximate).ljust(12))
            text.append_text(type_label(event.type))
            text.append(" ")
            text.append(one_line(event.summary))
        if total > len(found):
            text.append(f"\n… and {total - len(found)} more")
        target.update(text)

    def action_move(self, dx: int, dy: int) -> None:
        """Move the cursor cell."""
        self.grid.move(dx, dy)

    def action_choose(self) -> None:
        """Filter the timeline to the cell and go back."""
        self.dismiss(self.grid.cell)

    def action_back(self) -> None:
        """Go back without changing anything."""
        self.dismiss(None)
