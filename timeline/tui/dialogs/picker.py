"""A multi-choice picker for the country and type filters."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, SelectionList
from textual.widgets.selection_list import Selection

__all__ = ["Picker"]


class Picker(ModalScreen[frozenset[str] | None]):
    """Tick any number of values: Space toggles, Enter applies, Esc cancels.

    Dismisses with the chosen values (empty: no filter), or None on cancel.
    """

    DEFAULT_CSS = """
    Picker { align: center middle; }
    Picker > Vertical {
        width: 48; height: auto; max-height: 90%; padding: 0 1;
        border: round $accent; background: $panel;
    }
    Picker SelectionList { height: auto; max-height: 20; border: none; }
    Picker .hint { color: $text-muted; }
    """

    BINDINGS = [
        Binding("enter", "apply", "Apply", priority=True),
        Binding("escape", "cancel", "Cancel", show=False),
        Binding("x", "none", "None", show=False),
    ]

    def __init__(
        self, title: str, options: list[tuple[str, str, int]], chosen: frozenset[str]
    ) -> None:
        """``options`` are ``(label, value, count)``; ``chosen`` starts ticked."""
        super().__init__()
        self.title_text = title
        self.options = options
        self.chosen = chosen

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.title_text)
            yield SelectionList[str](
                *(
                    Selection(Text(f"{label}  ({count})"), value, value in self.chosen)
                    for label, value, count in self.options
                ),
                id="choices",
            )
            yield Label("Space ticks · Enter applies · x none · Esc cancels", classes="hint")

    def on_mount(self) -> None:
        """Start with the list focused."""
        self.query_one(SelectionList).focus()

    def action_apply(self) -> None:
        """Apply the ticked values."""
        self.dismiss(frozenset(self.query_one(SelectionList).selected))

    def action_none(self) -> None:
        """Untick everything."""
        self.query_one(SelectionList).deselect_all()

    def action_cancel(self) -> None:
        """Close without changing the filter."""
        self.dismiss(None)
