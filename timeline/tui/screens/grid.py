"""The grid screen: the year × country grid, the cell's events below."""

from __future__ import annotations

from collections import Counter

from rich.console import RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from timeline.model import Event
from timeline.tui.keymap import GRID_KEYS, bindings
from timeline.tui.render import one_line, type_label
from timeline.tui.screens.cells import CellScreen, list_events
from timeline.tui.state.index import EventIndex
from timeline.tui.widgets.key_footer import KeyFooter
from timeline.tui.widgets.year_country_grid import YearCountryGrid

__all__ = ["GridScreen"]


class GridScreen(CellScreen[tuple[int, str] | None]):
    """The grid; Enter dismisses with (year, country or group), Esc with None."""

    DEFAULT_CSS = """
    GridScreen #grid-title { height: 1; background: $panel; padding: 0 1; text-style: bold; }
    GridScreen #grid-events {
        height: 1fr; border-top: hkey $foreground 25%; padding: 0 1; background: $surface;
    }
    """

    BINDINGS = bindings(GRID_KEYS)
    PANE = "grid-events"

    def __init__(self, index: EventIndex, year: int | None, country: str | None) -> None:
        super().__init__()
        self.index = index
        counts: Counter = Counter()
        cells: dict[tuple[int, str], list[int]] = {}
        for i, event in enumerate(index.events):
            if event.date is None:
                break
            year_of = int(event.date[:4])
            for name in (*event.countries, *event.regions):
                counts[(year_of, name)] += 1
                found = cells.setdefault((year_of, name), [])
                if len(found) < 200:
                    found.append(i)
        self.cells = cells
        years = sorted({y for y, _c in counts})
        # A row per country, then a row per regional group (ASEAN, the Bali Process...).
        groups = set(index.regions)
        countries = sorted({c for _y, c in counts} - groups) + sorted(groups)
        self.table = YearCountryGrid(years, countries, counts, id="grid")
        self.table.place(year, country)

    def compose(self) -> ComposeResult:
        yield Static(
            Text("Events by year and country · arrows move · Enter filters · Esc returns"),
            id="grid-title",
        )
        yield self.table
        yield Static(id="grid-events")
        yield KeyFooter()

    def on_year_country_grid_moved(self, message: YearCountryGrid.Moved) -> None:
        """List the events of the new cell."""
        self.show_cell()

    def cell_text(self) -> RenderableType:
        """The cell's count of events, then its first events."""
        cell = self.table.cell
        if cell is None:
            return Text("")
        year, country = cell
        found: list[Event] = [self.index.events[i] for i in self.cells.get(cell, [])]
        total = self.table.counts.get(cell, 0)
        text = Text(end="")
        text.append(
            f"{one_line(country)} in {year}: {total} event{'s' if total != 1 else ''}", "bold"
        )
        return list_events(text, found, total, _type_and_summary)

    def action_choose(self) -> None:
        """Filter the timeline to the cell and go back."""
        self.dismiss(self.table.cell)


def _type_and_summary(event: Event) -> Text:
    return Text.assemble(type_label(event.type), " ", one_line(event.summary))
