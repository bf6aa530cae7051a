"""The help screen: every binding, grouped, from the key tables; the event types' legend.

It scrolls with j/k, the arrows, PgUp/PgDn, Home/End (and the wheel), and
says when there is more below (``↓ more``) or above.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from timeline.model import TYPES
from timeline.tui.keymap import (
    ARTICLE_KEYS,
    GRID_KEYS,
    MAIN_KEYS,
    NOTE_KEYS,
    SOURCE_KEYS,
    STORY_KEYS,
    TIERS_KEYS,
    KeySpec,
)

__all__ = ["HelpScreen", "help_table", "types_legend"]

#: Every key table the full help lists, in order.
ALL_KEYS: tuple[KeySpec, ...] = (*MAIN_KEYS, *STORY_KEYS, *ARTICLE_KEYS, *SOURCE_KEYS,
                                 *NOTE_KEYS, *GRID_KEYS, *TIERS_KEYS)  # fmt: skip


def _label(spec: KeySpec) -> str:
    return spec.label or spec.keys.replace(",", " ")


def types_legend(table: Table) -> None:
    """Rows naming each event type as the timeline shows it and as the command line
    takes it (``--type``, which takes either): ``TIER  tier_change  a country placed…``."""
    table.add_row(
        Text("Event types", style="bold underline"),
        Text("as shown = as --type and exports name them (either is taken)", style="italic"),
    )
    for kind in TYPES:
        row = Text(f"= {kind.name}", style="bold")
        row.append(f"  {kind.description}", style="")
        table.add_row(kind.label, row)
    table.add_row("", "")


def help_table(specs: tuple[KeySpec, ...] = ALL_KEYS, *, legend: bool = True) -> Table:
    """A two-column table of keys and what they do, one section per group; with
    ``legend``, the event types' labels and names after them."""
    table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=False)
    table.add_column("key", style="bold", no_wrap=True)
    table.add_column("does")
    sections: dict[str, list[KeySpec]] = {}
    full = specs is ALL_KEYS
    for spec in specs:
        if spec.label:
            article = full and spec in ARTICLE_KEYS
            title = f"{spec.group} screen" if article else spec.group
            sections.setdefault(title, []).append(spec)
    if full:
        sections.setdefault("Mouse", [])
    for title, group in sections.items():
        table.add_row(Text(title, style="bold underline"), "")
        for spec in group:
            table.add_row(_label(spec), spec.description)
        if title == "Mouse":
            table.add_row("click", "Select an event; click a year in the rail to jump there")
            table.add_row("click again", "Open the selected event's article (or double click)")
        table.add_row("", "")
    if legend:
        types_legend(table)
    return table


class HelpScreen(ModalScreen[None]):
    """Key bindings, grouped (every screen's, or ``specs``); Esc, ? or q closes."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 90; max-width: 100%; height: 90%;
        border: round $accent; background: $panel; padding: 0 1 0 2;
        scrollbar-size-vertical: 1;
    }
    """

    BINDINGS = [
        Binding("escape,question_mark,f1,q", "close", "Close", show=False),
        Binding("j,down", "scroll(1)", "Down", show=False),
        Binding("k,up", "scroll(-1)", "Up", show=False),
        Binding("space,pagedown", "page(1)", "Page down", show=False),
        Binding("b,pageup", "page(-1)", "Page up", show=False),
        Binding("g,home", "edge(0)", "Top", show=False),
        Binding("G,end", "edge(1)", "End", show=False),
    ]

    def __init__(self, specs: tuple[KeySpec, ...] = ALL_KEYS, *, title: str = "Keys") -> None:
        super().__init__()
        self.specs = specs
        self.title_text = title

    def compose(self) -> ComposeResult:
        with VerticalScroll(can_focus=True) as scroll:
            scroll.border_title = self.title_text
            full = self.specs is ALL_KEYS
            yield Static(help_table(self.specs, legend=full), id="help-table")

    @property
    def scroller(self) -> VerticalScroll:
        """The scrolling pane."""
        return self.query_one(VerticalScroll)

    def on_mount(self) -> None:
        """Focus the pane (its keys scroll it) and say whether there is more."""
        self.scroller.focus()
        self.scroller.watch(self.scroller, "scroll_y", self._more, init=False)
        self.call_after_refresh(self._more)

    @property
    def more(self) -> str:
        """``↓ more``, ``↑ more``, ``↑↓ more`` or "" (all of it shown)."""
        pane = self.scroller
        below = pane.scroll_y < pane.max_scroll_y
        above = pane.scroll_y > 0
        arrows = ("↑" if above else "") + ("↓" if below else "")
        return f"{arrows} more" if arrows else ""

    def _more(self, *_args: object) -> None:
        hint = "j k ↑ ↓ PgUp PgDn scroll · Esc or ? closes"
        more = self.more
        self.scroller.border_subtitle = f"{more} · {hint}" if more else "Esc or ? closes"

    def action_scroll(self, lines: int) -> None:
        """Scroll by ``lines``."""
        self.scroller.scroll_relative(y=lines, animate=False)
        self._more()

    def action_page(self, pages: int) -> None:
        """Scroll by a screenful."""
        pane = self.scroller
        pane.scroll_relative(y=pages * max(1, pane.scrollable_content_region.height - 1),
                             animate=False)  # fmt: skip
        self._more()

    def action_edge(self, end: int) -> None:
        """The top (0) or the end (1)."""
        if end:
            self.scroller.scroll_end(animate=False)
        else:
            self.scroller.scroll_home(animate=False)
        self._more()

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)
