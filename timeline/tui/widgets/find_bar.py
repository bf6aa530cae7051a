"""The article screen's search field: type to find, Enter keeps the finds, Esc clears them."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.widgets import Input

__all__ = ["FindBar"]


class FindBar(Input):
    """A search field docked under a text; its title says how many finds there are."""

    DEFAULT_CSS = """
    FindBar {
        dock: bottom; display: none; border: tall $accent; height: 3;
        border-title-align: right;
    }
    FindBar.-open { display: block; }
    FindBar.-no-match { border: tall $error; }
    """

    BINDINGS = [Binding("escape", "close", "Clear search", show=False)]

    class Closed(Input.Submitted):
        """Esc in the field: the search is to be cleared."""

    def open(self) -> None:
        """Show the field and give it focus."""
        self.add_class("-open")
        self.cursor_blink = False
        self.screen.set_focus(self)

    def close(self) -> None:
        """Hide the field (the text keeps the focus)."""
        self.remove_class("-open")

    def show_count(self, text: str) -> None:
        """``3 of 12``, ``no match``: the field's title (plain text)."""
        self.set_class(text == "no match", "-no-match")
        self.border_title = Content(text) if text else None

    def action_close(self) -> None:
        """Esc: tell the screen to clear the search."""
        self.post_message(self.Closed(self, self.value))
