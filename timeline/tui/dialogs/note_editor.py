"""The note editor: a multi-line note on one event; ctrl+s saves, Esc discards.

Given a ``save`` function (the browser's, which saves in a worker over the
version the editor started from), the editor stays open until the note is
saved or discarded: a save that fails (a locked, read-only or full notes
file, or one removed meanwhile) leaves the text where it is with the reason
below it, and ctrl+s tries again. When another browser saved the note since
the editor opened (:class:`~timeline.notes.NoteConflict`), the stored text is
shown beside the one typed, to keep mine, take the stored one or merge both.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static, TextArea

from timeline.notes import NoteConflict, NotesError, NotesGone
from timeline.textclean import clean_line, clean_text
from timeline.tui.keymap import NOTE_KEYS, bindings

__all__ = ["MERGE_RULE", "NoteEditor", "Save", "reason"]

#: ``save(text, reply)``: save in the background, then ``reply(None)`` or ``reply(error)``.
Save = Callable[[str, Callable[[BaseException | None], None]], None]
#: Between the text typed and the stored one when both are merged.
MERGE_RULE = "── saved elsewhere meanwhile ──"


def reason(error: BaseException) -> str:
    """One clean line saying why a save failed."""
    text = str(error) if isinstance(error, NotesError) else f"not saved ({error!r})"
    return clean_line(" ".join(text.split()))


class NoteEditor(ModalScreen[str | bool | None]):
    """Edit the note of one event.

    With ``save``, dismisses with True once saved, None when discarded; without
    it, with the text (empty: delete) or None. ``take(conflict)`` tells the
    saver that the user has seen the stored note and means to replace it.
    """

    DEFAULT_CSS = """
    NoteEditor { align: center middle; }
    NoteEditor > Vertical {
        width: 72; max-width: 100%; height: auto; max-height: 100%;
        border: round $accent; background: $panel; padding: 0 1;
    }
    NoteEditor #note-about { color: $text-muted; width: 1fr; height: 1; }
    NoteEditor TextArea { height: 8; min-height: 3; margin: 1 0 0 0; }
    NoteEditor.-conflict TextArea { height: 5; }
    NoteEditor #note-conflict { display: none; height: auto; }
    NoteEditor.-conflict #note-conflict { display: block; }
    NoteEditor #note-theirs {
        height: auto; max-height: 4; color: $text; background: $boost; padding: 0 1;
    }
    NoteEditor #note-conflict-buttons { height: 1; margin-top: 1; }
    NoteEditor #note-status { color: $text-error; display: none; height: auto; width: 1fr; }
    NoteEditor #note-status.-shown { display: block; }
    NoteEditor #note-status.-busy { color: $text-muted; }
    NoteEditor #note-buttons { height: 1; margin-top: 1; }
    NoteEditor #note-hint { width: 1fr; color: $text-muted; }
    NoteEditor Button { margin-left: 1; }
    """

    BINDINGS = bindings(NOTE_KEYS)

    def __init__(
        self,
        about: str,
        text: str = "",
        save: Save | None = None,
        take: Callable[[NoteConflict], None] | None = None,
    ) -> None:
        super().__init__()
        self.about = about
        self.text = text
        self.save = save
        self.take = take
        #: True while a save is under way.
        self.busy = False
        #: The conflict shown, until the user chooses.
        self.conflict: NoteConflict | None = None

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Note"
            box.border_subtitle = "ctrl+s saves · Esc discards"
            yield Label(clean_line(self.about), id="note-about", markup=False)
            yield TextArea(self.text, soft_wrap=True, tab_behavior="focus", id="note-text")
            yield Label("", id="note-status", markup=False)
            with Vertical(id="note-conflict"):
                yield Label("Saved elsewhere since you opened it:", markup=False)
                yield Static("", id="note-theirs", markup=False)
                with Horizontal(id="note-conflict-buttons"):
                    yield Button("Keep mine", id="note-mine", compact=True)
                    yield Button("Use stored", id="note-theirs-button", compact=True)
                    yield Button("Merge both", id="note-merge", compact=True)
            with Horizontal(id="note-buttons"):
                yield Label("An empty note is deleted.", id="note-hint", markup=False)
                yield Button("Save", variant="primary", id="note-save", compact=True)
                yield Button("Discard", id="note-cancel", compact=True)

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

    def replace_text(self, text: str) -> None:
        """Show ``text`` instead (the stored note, read after the editor opened)."""
        area = self.query_one(TextArea)
        if area.text != text:
            area.text = text
            area.move_cursor(area.document.end)

    @property
    def status(self) -> str:
        """What the line under the text says (why a save failed), as plain text."""
        label = self.query_one("#note-status", Label)
        return str(label.content) if label.has_class("-shown") else ""

    def show_status(self, text: str, *, busy: bool = False) -> None:
        """Say ``text`` under the note ("" hides the line)."""
        label = self.query_one("#note-status", Label)
        label.update(clean_line(text))
        label.set_class(bool(text), "-shown")
        label.set_class(busy, "-busy")

    # -- saving ---------------------------------------------------------------------------

    def action_save(self) -> None:
        """Save the text (without a saver: dismiss with it)."""
        if self.save is None:
            self.dismiss(self.value)
            return
        if self.busy:
            return
        self.busy = True
        self.show_status("Saving…", busy=True)
        self.save(self.value, self._answered)

    def _answered(self, error: BaseException | None) -> None:
        self.busy = False
        if error is None:
            self.dismiss(True)
            return
        if isinstance(error, NoteConflict):
            self.show_conflict(error)
            self.show_status("Not saved: changed elsewhere meanwhile (Tab to choose below).")
        elif isinstance(error, NotesGone):
            self.show_status(f"{reason(error)}. ctrl+s again writes a new notes file.")
        else:
            self.show_status(f"{reason(error)}. ctrl+s tries again, Esc discards.")

    def show_conflict(self, conflict: NoteConflict) -> None:
        """Show the stored note beside the text typed, and the three ways on."""
        self.conflict = conflict
        theirs = conflict.current.note or "(no note: it was deleted)"
        self.query_one("#note-theirs", Static).update(Text(clean_text(theirs)))
        self.add_class("-conflict")

    def _chosen(self) -> None:
        if self.conflict is not None and self.take is not None:
            self.take(self.conflict)
        self.conflict = None
        self.remove_class("-conflict")
        self.query_one(TextArea).focus()

    def keep_mine(self) -> None:
        """Save the text typed over the stored one."""
        self._chosen()
        self.action_save()

    def use_stored(self) -> None:
        """Leave the stored note as it is (the text typed is dropped)."""
        self.conflict = None
        self.dismiss(None)

    def merge(self) -> None:
        """Put the stored text under the one typed, to edit and then save."""
        conflict = self.conflict
        if conflict is None:
            return
        mine = self.value.rstrip()
        theirs = (conflict.current.note or "").strip()
        merged = f"{mine}\n\n{MERGE_RULE}\n{theirs}" if theirs else mine
        self._chosen()
        area = self.query_one(TextArea)
        area.text = merged
        area.move_cursor(area.document.end)
        self.show_status("Both texts kept: edit them, then ctrl+s saves.", busy=True)

    def action_cancel(self) -> None:
        """Discard: dismiss with None, nothing changes (not while a save is under way)."""
        if not self.busy:
            self.dismiss(None)

    @on(Button.Pressed, "#note-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#note-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    @on(Button.Pressed, "#note-mine")
    def _mine_pressed(self) -> None:
        self.keep_mine()

    @on(Button.Pressed, "#note-theirs-button")
    def _theirs_pressed(self) -> None:
        self.use_stored()

    @on(Button.Pressed, "#note-merge")
    def _merge_pressed(self) -> None:
        self.merge()
