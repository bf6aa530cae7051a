"""The tiers screen: each country's TIP tier by report year, the cell's evidence below."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Static

from timeline.model import Event, format_date
from timeline.tiers import tier_cells
from timeline.tui.dialogs.evidence import EvidenceList
from timeline.tui.keymap import TIERS_KEYS, bindings
from timeline.tui.render import one_line
from timeline.tui.state.index import EventIndex
from timeline.tui.state.tiergrid import TierGrid, cell_meaning
from timeline.tui.widgets.tier_table import TIER_STYLES, TierTable

__all__ = ["TiersScreen"]

#: Evidence sentences listed under the table (Enter lists them all).
SHOWN = 6


class TiersScreen(Screen[None]):
    """Countries × report years; Enter lists the cell's evidence, Esc returns.

    ``open_event`` opens an event's article, its sentence highlighted.
    """

    DEFAULT_CSS = """
    TiersScreen #tiers-title { height: 1; background: $panel; padding: 0 1; text-style: bold; }
    TiersScreen #tiers-legend { height: 1; padding: 0 1; color: $foreground 80%; }
    TiersScreen TierTable { margin: 1 0 0 0; padding: 0 1; }
    TiersScreen #tiers-cell {
        height: 1fr; border-top: hkey $foreground 25%; padding: 0 1; background: $surface;
    }
    """

    BINDINGS = bindings(TIERS_KEYS)

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
            Text("TIP tiers by country and report year · arrows move · Enter lists the evidence"
                 " · Esc returns"),
            id="tiers-title",
        )  # fmt: skip
        yield Static(self._legend(), id="tiers-legend")
        yield self.table
        yield Static(id="tiers-cell")
        yield Footer()

    @staticmethod
    def _legend() -> Text:
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        for tier in ("1", "2", "2WL", "3"):
            text.append(f" {tier} ", TIER_STYLES[tier])
            text.append(" ")
        text.append(" Tier 1–3, 2WL Watch List · ↑ ↓ moved, tier not told · ! evidence disagrees")
        return text

    def on_mount(self) -> None:
        """Focus the table and describe the first cell."""
        self.table.focus()
        self._describe()

    def on_tier_table_moved(self, message: TierTable.Moved) -> None:
        """Describe the new cell."""
        self._describe()

    def evidence(self) -> list[Event]:
        """The events behind the cell under the cursor, by date."""
        current = self.grid.current
        cell = self.grid.cell(*current) if current is not None else None
        if cell is None:
            return []
        by_id = self.index.by_id()
        found = [self.index.events[by_id[i]] for i in cell.events if i in by_id]
        return sorted(found, key=lambda e: e.sort_key)

    def _describe(self) -> None:
        target = self.query_one("#tiers-cell", Static)
        current = self.grid.current
        if current is None:
            target.update(Text(""))
            return
        country, year = current
        cell = self.grid.cell(country, year)
        text = Text(end="")
        text.append(f"{one_line(country)} · ", "bold")
        if cell is None:
            text.append(f"{year} report: nothing said of it in this corpus")
            target.update(text)
            return
        text.append(cell_meaning(cell), "bold")
        events = self.evidence()
        articles = len({e.article for e in events})
        text.append(
            f"\n{len(events)} sentence{'s' if len(events) != 1 else ''} from {articles} "
            f"article{'s' if articles != 1 else ''} · Enter lists them, Enter again opens one"
        )
        for event in events[:SHOWN]:
            text.append("\n")
            text.append(format_date(event.date, event.approximate).ljust(12))
            text.append(one_line(event.sentence))
        if len(events) > SHOWN:
            text.append(f"\n… and {len(events) - SHOWN} more")
        target.update(text)

    def action_move(self, dx: int, dy: int) -> None:
        """Move the cell cursor."""
        self.table.move(dx, dy)

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

    def action_back(self) -> None:
        """Back to the timeline."""
        self.dismiss(None)
