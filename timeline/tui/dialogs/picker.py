"""A multi-choice picker for the country and type filters."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, SelectionList
from textual.widgets.selection_list import Selection

from timeline.tui.dialogs.list_keys import forward_to_list, list_bindings

__all__ = ["Picker"]


class ChoiceList(SelectionList[str]):
    """The picker's list: Space ticks (at once, not through a message that Enter could
    overtake), Enter applies the picker."""

    BINDINGS = [
        Binding("enter", "screen.apply", "Apply", show=False),
        Binding("space", "tick", "Tick", show=False),
    ]

    def action_tick(self) -> None:
        """Tick or untick the highlighted choice."""
        if self.highlighted is not None:
            self.toggle(self.get_option_at_index(self.highlighted))


class Picker(ModalScreen[frozenset[str] | None]):
    """Tick any number of values: Space toggles, Enter applies, Esc cancels.

    Dismisses with the chosen values (empty: no filter), or None on cancel.
    Keys typed before the list has the focus reach it all the same
    (:mod:`timeline.tui.dialogs.list_keys`).
    """

    DEFAULT_CSS = """
    Picker { align: center middle; }
    Picker > Vertical {
        width: 56; max-width: 100%; height: auto; max-height: 90%; padding: 0 1;
        border: round $accent; background: $panel;
    }
    Picker SelectionList { height: auto; max-height: 70vh; border: none; }
    /* An unticked box drawn as a box on any theme (Textual's own is panel on panel). */
    Picker SelectionList > .selection-list--button,
    Picker SelectionList > .selection-list--button-highlighted {
        color: $foreground 15%; background: $foreground 25%;
    }
    Picker SelectionList > .selection-list--button-selected,
    Picker SelectionList > .selection-list--button-selected-highlighted {
        color: $text-success; background: $foreground 25%;
    }
    Picker .hint { color: $text-muted; width: 1fr; }
    """

    BINDINGS = [
        # Not a priority binding: one would run as the key arrives, ahead of the keys
        # typed before it that still wait in the dialog's queue.
        Binding("enter", "apply", "Apply"),
        Binding("escape", "cancel", "Cancel", show=False),
        Binding("x", "none", "None", show=False),
        *list_bindings(space=False),
        Binding("space", "list('tick')", show=False),
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
            yield ChoiceList(
                *(
                    Selection(Text(f"{label}  ({count})"), value, value in self.chosen)
                    for label, value, count in self.options
                ),
                id="choices",
            )
            yield Label("Space ticks · Enter applies · x none · Esc cancels", classes="hint")

    def on_mount(self) -> None:
        """Start with the list focused, on its first choice."""
        choices = self.query_one(SelectionList)
        self.set_focus(choices)
        if choices.option_count and choices.highlighted is None:
            choices.highlighted = 0

    def action_list(self, action: str) -> None:
        """A key of the list that reached the dialog (it came before the focus did)."""
        forward_to_list(self, action)

    def action_apply(self) -> None:
        """Apply the ticked values."""
        self.dismiss(frozenset(self.query_one(SelectionList).selected))

    def action_none(self) -> None:
        """Untick everything."""
        self.query_one(SelectionList).deselect_all()

    def action_cancel(self) -> None:
        """Close without changing the filter."""
        self.dismiss(None)
