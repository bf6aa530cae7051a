"""The list of starred and noted events (``A``): date, summary, the note's first line.

Enter jumps to the event chosen, Esc closes. Every line is plain ``Text``
made of cleaned strings (:mod:`timeline.tui.state.notes_list`).
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from timeline.tui.dialogs.list_keys import forward_to_list, list_bindings
from timeline.tui.render import NOTE_MARK, STAR_MARK
from timeline.tui.state.notes_list import NotesEntry

__all__ = ["NotesList"]


def entry_text(entry: NotesEntry) -> Text:
    """An entry: ``6 Apr 2007  ★✎ summary``, and under it the note's first line."""
    text = Text(end="")
    text.append(entry.date.ljust(12), "bold")
    text.append((STAR_MARK if entry.starred else " ") + (NOTE_MARK if entry.noted else " "))
    text.append(" ")
    text.append(entry.summary)
    if entry.note:
        text.append("\n" + " " * 15)
        text.append(entry.note, "italic")
    return text


class NotesList(ModalScreen[str | None]):
    """Every starred or noted event; dismisses with the id of the one chosen, or None."""

    DEFAULT_CSS = """
    NotesList { align: center middle; }
    NotesList > Vertical {
        width: 100; max-width: 100%; height: auto; max-height: 90%;
        border: round $accent; background: $panel; padding: 0 1;
    }
    NotesList OptionList {
        height: auto; max-height: 80vh; border: none; text-wrap: nowrap; text-overflow: ellipsis;
    }
    NotesList .hint { color: $text-muted; }
    """

    BINDINGS = [
        Binding("escape,q,A", "close", "Close", show=False),
        *list_bindings(space=False, enter=True),
    ]

    def __init__(self, entries: list[NotesEntry]) -> None:
        super().__init__()
        self.entries = entries

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            count = len(self.entries)
            box.border_title = f"Starred and noted events ({count})"
            box.border_subtitle = "Enter jumps · Esc closes"
            if not self.entries:
                yield Label("No starred or noted events yet: s stars one, a writes a note.")
            yield OptionList(
                *(Option(entry_text(e), id=e.event_id) for e in self.entries), id="notes-list"
            )

    def on_mount(self) -> None:
        """Start on the first entry."""
        options = self.query_one(OptionList)
        options.focus()
        if self.entries:
            options.highlighted = 0

    @on(OptionList.OptionSelected)
    def _chosen(self, message: OptionList.OptionSelected) -> None:
        self.dismiss(message.option.id)

    def action_list(self, action: str) -> None:
        """A key of the list that reached the dialog before the focus did."""
        if self.entries:
            forward_to_list(self, action)

    def action_close(self) -> None:
        """Close without jumping."""
        self.dismiss(None)
