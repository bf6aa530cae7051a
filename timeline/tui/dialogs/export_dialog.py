"""The export dialog: pick a format and a file name, write the events shown.

The dialog asks; the screen's ``write`` callback renders and writes (and
raises ``OSError`` when it cannot). Writing runs in a worker thread (an
iCalendar file of 40,000 events takes seconds) while the dialog says so. An
error is shown in the dialog, which stays open so the user can fix the name;
success dismisses it with the confirmation line.
"""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet

from timeline.tui.state.exporting import Writer

__all__ = ["EXPORT_LABELS", "ExportDialog", "default_file_name"]

#: The formats offered, in order, with what the user reads.
EXPORT_LABELS: dict[str, str] = {
    "json": "JSON",
    "csv": "CSV (spreadsheets)",
    "ics": "iCalendar (calendars)",
    "timelinejs": "TimelineJS (web timeline)",
    "markdown": "Markdown report",
}


def default_file_name(fmt: str) -> str:
    """``timeline-export.<ext>`` for a format."""
    from timeline.export import default_extension

    return f"timeline-export{default_extension(fmt)}"


class ExportDialog(ModalScreen[str | None]):
    """Ask for a format and a file; dismisses with the confirmation, or None."""

    DEFAULT_CSS = """
    ExportDialog { align: center middle; }
    ExportDialog > Vertical {
        width: 64; max-width: 100%; height: auto; max-height: 100%;
        border: round $accent; background: $panel; padding: 0 1;
    }
    ExportDialog .label { margin-top: 1; text-style: bold; }
    ExportDialog #export-what { color: $text-muted; }
    ExportDialog RadioSet { width: 1fr; }
    ExportDialog Input { width: 1fr; }
    ExportDialog #export-error { color: $text-error; display: none; }
    ExportDialog #export-error.-shown { display: block; }
    ExportDialog #export-error.-busy { color: $text-muted; }
    ExportDialog #export-buttons { height: auto; margin-top: 1; align-horizontal: right; }
    ExportDialog Button { margin-left: 1; }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", priority=True)]

    def __init__(self, count: int, what: str, write: Writer, directory: Path | None = None) -> None:
        super().__init__()
        self.count = count
        self.what = what
        self.write = write
        self.directory = directory if directory is not None else Path.cwd()
        self.format = "json"
        #: True while a file is being written.
        self.busy = False

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Export"
            box.border_subtitle = "Enter in File writes · Esc cancels"
            noun = "event" if self.count == 1 else "events"
            yield Label(f"{self.count:,} {noun} shown{self.what}", id="export-what", markup=False)
            yield Label("Format", classes="label")
            with RadioSet(id="export-format"):
                for n, (fmt, label) in enumerate(EXPORT_LABELS.items()):
                    yield RadioButton(label, value=n == 0, name=fmt)
            yield Label("File", classes="label")
            yield Input(default_file_name(self.format), id="export-file")
            yield Label("", id="export-error", markup=False)
            with Horizontal(id="export-buttons"):
                yield Button("Export", variant="primary", id="export-ok")
                yield Button("Cancel", id="export-cancel")

    def on_mount(self) -> None:
        """Focus the format choice; steady cursor in the file field."""
        self.query_one(Input).cursor_blink = False
        self.query_one(RadioSet).focus()

    @property
    def path(self) -> Path:
        """The file to write: the name typed, relative to the current directory."""
        typed = self.query_one("#export-file", Input).value.strip()
        path = Path(typed).expanduser()
        return path if path.is_absolute() else self.directory / path

    def choose(self, fmt: str) -> None:
        """Pick a format; a file name still ending in the old extension follows it."""
        from timeline.export import default_extension

        old = default_extension(self.format)
        self.format = fmt
        field = self.query_one("#export-file", Input)
        value = field.value
        if not value.strip():
            field.value = default_file_name(fmt)
        elif value.endswith(old):
            field.value = value[: -len(old)] + default_extension(fmt)
        for button in self.query(RadioButton):
            if button.name == fmt and not button.value:
                button.value = True

    @on(RadioSet.Changed)
    def _format_changed(self, message: RadioSet.Changed) -> None:
        fmt = message.pressed.name
        if fmt and fmt != self.format:
            self.choose(fmt)

    def show_error(self, text: str, *, busy: bool = False) -> None:
        """Say what went wrong (or, ``busy``, what is happening), keeping the dialog open."""
        label = self.query_one("#export-error", Label)
        label.update(text)
        label.add_class("-shown")
        label.set_class(busy, "-busy")

    def action_export(self) -> None:
        """Write the file in the background; close with the confirmation, or show the error."""
        if self.busy:
            return
        path = self.path
        if path.is_dir():
            self.show_error(f"{path} is a folder; type a file name.")
            return
        self.busy = True
        self.show_error(f"Writing {path.name}…", busy=True)
        self._write(self.format, path)

    @work(thread=True, exclusive=True, group="export")
    def _write(self, fmt: str, path: Path) -> None:
        try:
            message = self.write(fmt, path)
        except (OSError, ValueError) as error:
            reason = getattr(error, "strerror", None) or str(error)
            self.app.call_from_thread(self._failed, f"Cannot write {path}: {reason}")
            return
        self.app.call_from_thread(self._written, message)

    def _failed(self, text: str) -> None:
        self.busy = False
        self.show_error(text)
        self.app.notify(text, title="Export failed", severity="error", markup=False)

    def _written(self, message: str) -> None:
        self.busy = False
        self.dismiss(message)

    def action_cancel(self) -> None:
        """Close without writing (not while a file is being written)."""
        if not self.busy:
            self.dismiss(None)

    @on(Input.Submitted, "#export-file")
    def _submitted(self) -> None:
        self.action_export()

    @on(Button.Pressed, "#export-ok")
    def _ok(self) -> None:
        self.action_export()

    @on(Button.Pressed, "#export-cancel")
    def _cancel(self) -> None:
        self.action_cancel()
