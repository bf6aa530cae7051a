"""The note editor: a multi-line note on one event; ctrl+s saves, Esc cancels."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, TextArea

from timeline.tui.keymap import NOTE_KEYS, bindings
from timeline.tui.render import one_line

__all__ = ["NoteEditor"]


class NoteEditor(ModalScreen[str | None]):
    """Edit the note of one event; dismisses with the text (empty: delete) or None."""

    DEFAULT_CSS = """
    NoteEditor { align: center middle; }
    NoteEditor > Vertical {
        width: 72; max-width: 100%; height: auto; max-height: 100%;
        border: round $accent; background: $panel; padding: 0 1;
    }
    NoteEditor #note-about { color: $text-muted; width: 1fr; height: 1; }
    NoteEditor TextArea { height: 10; min-height: 3; margin: 1 0 0 0; }
    NoteEditor #note-buttons { height: auto; margin-top: 1; }
    NoteEditor #note-hint { width: 1fr; color: $text-muted; padding-top: 1; }
    NoteEditor Button { margin-left: 1; }
    """

    BINDINGS = bindings(NOTE_KEYS)

    def __init__(self, about: str, text: str = "") -> None:
        super().__init__()
        self.about = about
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Note"
            box.border_subtitle = "ctrl+s saves · Esc cancels"
            yield Label(one_line(self.about), id="note-about", markup=False)
            yield TextArea(self.text, soft_wrap=True, tab_behavior="focus", id="note-text")
            with Horizontal(id="note-buttons"):
                yield Label("An empty note is deleted.", id="note-hint")
                yield Button("Save", variant="primary", id="note-save")
                yield Button("Cancel", id="note-cancel")

    def on_mount(self) -> None:
        """Focus the text, cursor at its end, not blinking (stable snapshots)."""
        area = self.query_one(TextArea)
        area.cursor_blink = False
        area.move_cursor(area.document.end)
        area.focus()

    @property
    def value(self) -> str:
        """The text typed so far."""
        return self.query_one(TextArea).text

    def action_save(self) -> None:
        """Save: dismiss with the text."""
        self.dismiss(self.value)

    def action_cancel(self) -> None:
        """Cancel: dismiss with None, nothing changes."""
        self.dismiss(None)

    @on(Button.Pressed, "#note-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#note-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
