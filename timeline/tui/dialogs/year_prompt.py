"""The "go to a year" dialog: type a year, Enter jumps, Esc cancels."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

__all__ = ["YearPrompt"]


class YearPrompt(ModalScreen[int | None]):
    """Ask for a year; dismisses with the year typed, or None."""

    DEFAULT_CSS = """
    YearPrompt { align: center middle; }
    YearPrompt > Vertical {
        width: 36; height: auto; padding: 1 2;
        border: round $accent; background: $panel;
    }
    YearPrompt Input { width: 1fr; }
    YearPrompt .hint { color: $text-muted; }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", show=False)]

    def __init__(self, years: list[int]) -> None:
        super().__init__()
        self.years = years

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Go to year")
            span = f"{self.years[0]}–{self.years[-1]}" if self.years else "no dated events"
            yield Input(placeholder="e.g. 2007", restrict=r"\d{0,4}", max_length=4, id="year")
            yield Label(f"Years with events: {span}", classes="hint")

    def on_mount(self) -> None:
        """Focus the input, with a steady cursor (no blinking in snapshots)."""
        field = self.query_one(Input)
        field.cursor_blink = False
        field.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter: dismiss with the year (None if nothing sensible was typed)."""
        value = event.value.strip()
        self.dismiss(int(value) if value.isdigit() else None)

    def action_cancel(self) -> None:
        """Esc: close without jumping."""
        self.dismiss(None)
