"""The year × country grid: counts shaded by size, a cursor cell."""

from __future__ import annotations

from collections import Counter

from rich.style import Style
from textual.color import Color
from textual.message import Message

from timeline.tui.widgets.cell_table import CellTable, Paint

__all__ = ["YearCountryGrid"]


class YearCountryGrid(CellTable):
    """Countries down, years across; a cursor cell; scrolls to keep it visible."""

    COMPONENT_CLASSES = {"grid--heat", "grid--cursor", "grid--axis", "grid--axis-current"}

    DEFAULT_CSS = """
    YearCountryGrid { height: auto; max-height: 60%; background: $surface; }
    YearCountryGrid > .grid--heat { background: $accent; }
    YearCountryGrid > .grid--cursor { text-style: bold reverse; }
    YearCountryGrid > .grid--axis { color: $foreground 65%; }
    YearCountryGrid > .grid--axis-current { color: $foreground; text-style: bold; }
    """
    COMPONENTS = "grid"
    EMPTY = "No dated events with countries to show."
    SHADE_GAP = True

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

    def axes(self) -> tuple[list[int], list[str], int, int]:
        """The years, the countries, and the cursor's column and row."""
        return self.years, self.countries, self.col, self.row

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

    def painter(self, axis: Style) -> Paint:
        """A cell reads its count, shaded by its share of the largest count."""
        heat_rich = self.get_component_rich_style("grid--heat").bgcolor
        heat = Color.from_rich_color(heat_rich) if heat_rich else Color(0, 120, 200)
        base = self.styles.background if self.styles.background.a else Color(0, 0, 0)

        def paint(country: str, year: int) -> tuple[str, Style]:
            count = self.counts.get((year, country), 0)
            if not count:
                return "·", axis
            shade = base.blend(heat, 0.25 + 0.75 * count / self.most)
            return str(count), Style(
                color=shade.get_contrast_text().rich_color, bgcolor=shade.rich_color
            )

        return paint
