"""Every warning met while reading the corpus (``w``), one a line, scrolled as a list."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList

from timeline.tui.dialogs.list_keys import forward_to_list, list_bindings

__all__ = ["WarningsList"]


class WarningsList(ModalScreen[None]):
    """The warnings, cleaned, in the order they came; Esc, q or w closes."""

    DEFAULT_CSS = """
    WarningsList { align: center middle; }
    WarningsList > Vertical {
        width: 110; max-width: 100%; height: auto; max-height: 90%;
        border: round $warning; background: $panel; padding: 0 1;
    }
    WarningsList OptionList { height: auto; max-height: 80vh; border: none; }
    """

    BINDINGS = [
        Binding("escape,q,w", "close", "Close", show=False),
        Binding("j", "list('cursor_down')", show=False),
        Binding("k", "list('cursor_up')", show=False),
        *list_bindings(space=False),
    ]

    def __init__(self, lines: list[str], summary: str = "") -> None:
        super().__init__()
        self.lines = lines
        self.summary = summary

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = f"Warnings ({len(self.lines):,})"
            box.border_subtitle = "↑ ↓ j k PgUp PgDn scroll · Esc closes"
            if not self.lines:
                yield Label("No warnings: every file was read.")
            yield OptionList(*(Text(line) for line in self.lines), id="warnings")

    def on_mount(self) -> None:
        """Focus the list, on its first line."""
        options = self.query_one(OptionList)
        options.focus()
        if self.lines:
            options.highlighted = 0

    def action_list(self, action: str) -> None:
        """A list key (also before the list has the focus)."""
        if self.lines:
            forward_to_list(self, action)

    def action_close(self) -> None:
        """Close the list."""
        self.dismiss(None)
