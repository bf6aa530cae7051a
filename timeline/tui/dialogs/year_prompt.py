"""The "go to a year" dialog: a year jumps there, a range (2008-2012) filters to it.

The range is read by :func:`timeline.filters.parse_years`, as ``--year`` reads
it; what cannot be read is said in the dialog, which stays open.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from timeline.filters import FilterError, parse_years

__all__ = ["YearPrompt"]


class YearPrompt(ModalScreen[int | tuple[int, int] | None]):
    """Ask for a year or a range; dismisses with the year (int), the range (a pair of
    years, first to last), or None."""

    DEFAULT_CSS = """
    YearPrompt { align: center middle; }
    YearPrompt > Vertical {
        width: 44; max-width: 100%; height: auto; padding: 1 2;
        border: round $accent; background: $panel;
    }
    YearPrompt Input { width: 1fr; }
    YearPrompt .hint { color: $text-muted; width: 1fr; }
    YearPrompt #year-error { color: $text-error; display: none; width: 1fr; }
    YearPrompt #year-error.-shown { display: block; }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", show=False)]

    def __init__(self, years: list[int]) -> None:
        super().__init__()
        self.years = years

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Go to a year, or filter to a range")
            span = f"{self.years[0]}–{self.years[-1]}" if self.years else "no dated events"
            yield Input(
                placeholder="e.g. 2007, or 2008-2012",
                restrict=r"[0-9 \-–:.]*",
                max_length=12,
                id="year",
            )
            yield Label("", id="year-error", markup=False)
            yield Label(f"Years with events: {span}", classes="hint")

    def on_mount(self) -> None:
        """Focus the input, with a steady cursor (no blinking in snapshots)."""
        field = self.query_one(Input)
        field.cursor_blink = False
        field.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter: dismiss with the year or the range (nothing typed: None)."""
        value = event.value.strip()
        if not value:
            self.dismiss(None)
            return
        try:
            low, high = parse_years(value)
        except FilterError:
            error = self.query_one("#year-error", Label)
            error.update("Type a year (2007) or a range (2008-2012).")
            error.add_class("-shown")
            return
        self.dismiss(low if low == high and not _is_range(value) else (low, high))

    def action_cancel(self) -> None:
        """Esc: close without jumping."""
        self.dismiss(None)


def _is_range(text: str) -> bool:
    """Whether ``text`` names two years (``2010-2010`` is a range of one year)."""
    return sum(c.isdigit() for c in text) > 4
