"""The search field under the timeline."""

from __future__ import annotations

from collections.abc import Callable
from typing import Self

from textual.binding import Binding
from textual.css.scalar import Unit
from textual.geometry import Region
from textual.widgets import Input

__all__ = ["SearchBar"]


class SearchBar(Input):
    """The search field: typing searches, Enter keeps the search, Esc clears it."""

    DEFAULT_CSS = """
    SearchBar { dock: bottom; display: none; border: tall $accent; height: 3; }
    SearchBar.-open { display: block; }
    """

    BINDINGS = [Binding("escape", "close", "Clear search", show=False)]

    def __init__(self, *, typed: Callable[[str], None], **kwargs) -> None:
        super().__init__(**kwargs)
        self.typed = typed

    def watch_value(self, value: str) -> None:
        """Hand each change straight to the screen (a Changed message costs a hop)."""
        self.typed(value)

    class Closed(Input.Submitted):
        """Esc in the search field."""

    def action_close(self) -> None:
        """Esc: tell the screen to clear the search."""
        self.post_message(self.Closed(self, self.value))

    def refresh(
        self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False
    ) -> Self:
        """Repaint without laying the screen out again when only the text changed.

        ``Input`` asks for a layout on every key (its virtual size follows the
        text), which re-arranges the whole screen; the bar's own size never
        depends on its text (docked, full width, fixed height), so a repaint
        is all a typed letter needs.
        """
        if layout and self.styles.width.unit is not Unit.AUTO:
            layout = False
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)
