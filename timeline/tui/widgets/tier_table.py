"""The tiers table: countries down, report years across, each cell its TIP tier."""

from __future__ import annotations

from rich.style import Style
from textual.message import Message

from timeline.tui.state.tiergrid import TierGrid, cell_label
from timeline.tui.widgets.cell_table import CELL_WIDTH, CellTable, Paint

__all__ = ["TIER_STYLES", "TierTable"]

#: One colour per tier, each with its own background and a foreground chosen for
#: contrast, so that a cell reads the same on light and dark themes.
TIER_STYLES: dict[str, Style] = {
    "1": Style(bold=True, color="#ffffff", bgcolor="#1e7b3a"),
    "2": Style(bold=True, color="#ffffff", bgcolor="#1f5aa6"),
    "2WL": Style(bold=True, color="#000000", bgcolor="#f0b429"),
    "3": Style(bold=True, color="#ffffff", bgcolor="#b3261e"),
}


class TierTable(CellTable):
    """The table of a :class:`~timeline.tui.state.tiergrid.TierGrid`, with a cell cursor;
    it scrolls to keep the cursor in view."""

    COMPONENT_CLASSES = {"tiers--axis", "tiers--axis-current", "tiers--cursor", "tiers--move"}
    COMPONENTS = "tiers"
    EMPTY = "No TIP tier rankings in this corpus."

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

    def axes(self) -> tuple[list[int], list[str], int, int]:
        """The report years, the countries, and the cursor's column and row."""
        return self.grid.years, self.grid.countries, self.grid.col, self.grid.row

    def move(self, dx: int, dy: int) -> None:
        """Move the cursor (clamped) and say so."""
        self.grid.move(dx, dy)
        self.refresh()
        current = self.grid.current
        if current is not None:
            self.post_message(self.Moved(*current))

    def row_text(self, country: str) -> str:
        """One country's row as plain text (what the screen shows of it)."""
        return " ".join(self.fit(label) for label in self.grid.row_labels(country))

    def fit(self, label: str) -> str:
        """A label centred in its column."""
        return label.center(CELL_WIDTH - 1)

    def painter(self, axis: Style) -> Paint:
        """A cell reads its tier (or move) in the tier's colours."""
        move = self.get_component_rich_style("tiers--move", partial=True)

        def paint(country: str, year: int) -> tuple[str, Style]:
            cell = self.grid.cell(country, year)
            if cell is None:
                return "·", axis
            return cell_label(cell) or "·", TIER_STYLES.get(cell.tier or "", move)

        return paint
