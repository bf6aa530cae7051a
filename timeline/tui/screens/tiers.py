"""The tiers screen: each country's TIP tier by report year, the cell's evidence below."""

from __future__ import annotations

from collections.abc import Callable

from rich.console import RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Footer, Static

from timeline.model import Event
from timeline.tiers import tier_cells
from timeline.tui.dialogs.evidence import EvidenceList
from timeline.tui.keymap import TIERS_KEYS, bindings
from timeline.tui.render import one_line
from timeline.tui.screens.cells import CellScreen, list_events
from timeline.tui.state.index import EventIndex
from timeline.tui.state.tiergrid import TierGrid, cell_meaning
from timeline.tui.widgets.tier_table import TIER_STYLES, TierTable

__all__ = ["TiersScreen"]

#: Evidence sentences listed under the table (Enter lists them all).
SHOWN = 6


class TiersScreen(CellScreen[None]):
    """Countries × report years; Enter lists the cell's evidence, Esc returns.

    ``open_event`` opens an event's article, its sentence highlighted.
    """

    DEFAULT_CSS = """
    TiersScreen #tiers-title { height: 1; background: $panel; padding: 0 1; text-style: bold; }
    TiersScreen #tiers-legend { height: auto; padding: 0 1; color: $foreground 80%; }
    TiersScreen TierTable { margin: 1 0 0 0; padding: 0 1; }
    TiersScreen #tiers-cell {
        height: 1fr; border-top: hkey $foreground 25%; padding: 0 1; background: $surface;
    }
    """

    BINDINGS = bindings(TIERS_KEYS)
    PANE = "tiers-cell"

    def __init__(
        self,
        index: EventIndex,
        country: str | None = None,
        open_event: Callable[[Event], None] | None = None,
    ) -> None:
        super().__init__()
        self.index = index
        self.open_event = open_event
        self.grid = TierGrid.of(tier_cells(index.events))
        self.grid.place(country)
        self.table = TierTable(self.grid, id="tiers")

    def compose(self) -> ComposeResult:
        yield Static(
            Text("TIP tiers by country and report year · Enter: the evidence · Esc: back"),
            id="tiers-title",
        )  # fmt: skip
        yield Static(self._legend(), id="tiers-legend")
        yield self.table
        yield Static(id="tiers-cell")
        yield Footer()

    @staticmethod
    def _legend() -> Text:
        text = Text(end="")  # wraps on a narrow screen rather than losing "! disagree"
        for tier in ("1", "2", "2WL", "3"):
            text.append(f" {tier} ", TIER_STYLES[tier])
            text.append(" ")
        text.append(" 2WL: Watch List · ↑↓ moved, tier not told · ! evidence disagrees")
        return text

    def on_tier_table_moved(self, message: TierTable.Moved) -> None:
        """Describe the new cell."""
        self.show_cell()

    def evidence(self) -> list[Event]:
        """The events behind the cell under the cursor, by date."""
        current = self.grid.current
        cell = self.grid.cell(*current) if current is not None else None
        if cell is None:
            return []
        by_id = self.index.by_id()
        found = [self.index.events[by_id[i]] for i in cell.events if i in by_id]
        return sorted(found, key=lambda e: e.sort_key)

    def cell_text(self) -> RenderableType:
        """The cell's tier in words, then its first evidence sentences."""
        current = self.grid.current
        if current is None:
            return Text("")
        country, year = current
        cell = self.grid.cell(country, year)
        text = Text(end="")
        text.append(f"{one_line(country)} · ", "bold")
        if cell is None:
            text.append(f"{year} report: nothing said of it in this corpus")
            return text
        text.append(cell_meaning(cell), "bold")
        events = self.evidence()
        articles = len({e.article for e in events})
        text.append(
            f"\n{len(events)} sentence{'s' if len(events) != 1 else ''} from {articles} "
            f"article{'s' if articles != 1 else ''} · Enter lists them, Enter again opens one"
        )
        return list_events(text, events[:SHOWN], len(events), lambda e: Text(one_line(e.sentence)))

    def action_evidence(self) -> None:
        """List the cell's evidence sentences."""
        events = self.evidence()
        current = self.grid.current
        if not events or current is None:
            self.app.bell()
            return
        country, year = current
        title = f"{one_line(country)}, {year} report: the evidence"
        self.app.push_screen(EvidenceList(title, events, self.index.articles, self.open_event))
