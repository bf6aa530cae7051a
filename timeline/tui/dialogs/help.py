"""The help screen: every binding, grouped, from the key tables."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

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

__all__ = ["HelpScreen"]


def _label(spec: KeySpec) -> str:
    return spec.label or spec.keys.replace(",", " ")


def help_table() -> Table:
    """A two-column table of keys and what they do, one section per group."""
    table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=False)
    table.add_column("key", style="bold", no_wrap=True)
    table.add_column("does")
    sections: dict[str, list[KeySpec]] = {}
    for spec in (*MAIN_KEYS, *STORY_KEYS, *ARTICLE_KEYS, *SOURCE_KEYS, *NOTE_KEYS, *GRID_KEYS,
                 *TIERS_KEYS):  # fmt: skip
        if spec.label:
            title = f"{spec.group} (article screen)" if spec in ARTICLE_KEYS else spec.group
            sections.setdefault(title, []).append(spec)
    sections.setdefault("Mouse", [])
    for title, specs in sections.items():
        table.add_row(Text(title, style="bold underline"), "")
        for spec in specs:
            table.add_row(_label(spec), spec.description)
        if title == "Mouse":
            table.add_row("click", "Select an event; click a year in the rail to jump there")
            table.add_row("click again", "Open the selected event's article (or double click)")
        table.add_row("", "")
    return table


class HelpScreen(ModalScreen[None]):
    """Every key binding, grouped; Esc, ? or q closes."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 76; max-width: 100%; height: 90%;
        border: round $accent; background: $panel; padding: 0 2;
    }
    """

    BINDINGS = [
        Binding("escape,question_mark,f1,q", "close", "Close", show=False),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = "Keys"
            scroll.border_subtitle = "Esc or ? closes"
            yield Static(help_table(), id="help-table")

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)
