"""The export dialog: pick a format and a file name, write the events shown.

The dialog asks; the screen's ``write`` callback renders and writes, through
``timeline.export.export_to_file`` (the file is replaced only once the whole
export is on disk; a failure raises ``ExportError`` with a one-line
``message``). Writing runs in a worker thread (an iCalendar file of 40,000
events takes seconds) while the dialog says so. The dialog shows the
absolute path it will write as the name is typed, asks before replacing a
file that exists (Enter again, or the button, now "Replace"), and shows an
error in one line, staying open so the user can fix the name; success
dismisses it with the confirmation line.
"""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet

from timeline.textclean import clean_line
from timeline.tui.state.exporting import Writer, inside

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


def _one_line(error: BaseException) -> str:
    text = getattr(error, "message", None) or getattr(error, "strerror", None) or str(error)
    return clean_line(" ".join(str(text).split()))


class ExportDialog(ModalScreen[str | None]):
    """Ask for a format and a file; dismisses with the confirmation, or None.

    A name typed without a folder goes to ``directory`` (the current folder
    unless that is inside the corpus; ``remark`` says why it is not).
    ``corpus`` is the corpus folder, to warn of an export written into it.
    """

    DEFAULT_CSS = """
    ExportDialog { align: center middle; }
    ExportDialog > Vertical {
        width: 72; max-width: 100%; height: auto; max-height: 100%;
        border: round $accent; background: $panel; padding: 0 1;
    }
    ExportDialog .label { margin-top: 1; text-style: bold; }
    ExportDialog #export-what { color: $text-muted; }
    ExportDialog RadioSet { width: 1fr; }
    ExportDialog Input { width: 1fr; }
    ExportDialog #export-path { color: $text-muted; width: 1fr; }
    ExportDialog #export-error { color: $text-error; display: none; width: 1fr; }
    ExportDialog #export-error.-shown { display: block; }
    ExportDialog #export-error.-busy { color: $text-muted; }
    ExportDialog #export-error.-ask { color: $text-warning; }
    ExportDialog #export-buttons { height: 1; margin-top: 1; align-horizontal: right; }
    ExportDialog Button { margin-left: 1; }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", priority=True)]

    def __init__(
        self,
        count: int,
        what: str,
        write: Writer,
        directory: Path | None = None,
        *,
        remark: str = "",
        corpus: Path | None = None,
    ) -> None:
        super().__init__()
        self.count = count
        self.what = what
        self.write = write
        self.directory = (directory if directory is not None else Path.cwd()).absolute()
        self.remark = remark
        self.corpus = corpus
        self.format = "json"
        #: True while a file is being written.
        self.busy = False
        #: The existing file the user has been asked about (the next Enter replaces it).
        self.confirmed: Path | None = None

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
            yield Label("", id="export-path", markup=False)
            yield Label("", id="export-error", markup=False)
            with Horizontal(id="export-buttons"):
                yield Button("Export", variant="primary", id="export-ok", compact=True)
                yield Button("Cancel", id="export-cancel", compact=True)

    def on_mount(self) -> None:
        """Focus the format choice; steady cursor in the file field; say where it goes."""
        self.query_one(Input).cursor_blink = False
        self.query_one(RadioSet).focus()
        self._show_path()

    @property
    def path(self) -> Path:
        """The file to write: the name typed, relative to :attr:`directory`, made absolute."""
        typed = self.query_one("#export-file", Input).value.strip()
        path = Path(typed).expanduser()
        return (path if path.is_absolute() else self.directory / path).absolute()

    def _show_path(self) -> None:
        path = self.path
        lines = [f"Writes {path}"]
        if self.remark:
            lines.append(self.remark)
        elif self.corpus is not None and inside(path, self.corpus):
            lines.append("(inside the corpus folder: timeline passes over its own exports)")
        self.query_one("#export-path", Label).update("\n".join(map(clean_line, lines)))
        if self.confirmed is not None and self.confirmed != path:
            self._unask()

    @on(Input.Changed, "#export-file")
    def _typed(self) -> None:
        self._show_path()

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
        self._show_path()

    @on(RadioSet.Changed)
    def _format_changed(self, message: RadioSet.Changed) -> None:
        fmt = message.pressed.name
        if fmt and fmt != self.format:
            self.choose(fmt)

    def show_error(self, text: str, *, busy: bool = False, ask: bool = False) -> None:
        """Say what went wrong (or, ``busy``, what is happening, or, ``ask``, what to
        confirm), keeping the dialog open."""
        label = self.query_one("#export-error", Label)
        label.update(clean_line(text))
        label.add_class("-shown")
        label.set_class(busy, "-busy")
        label.set_class(ask, "-ask")

    def _unask(self) -> None:
        self.confirmed = None
        self.query_one("#export-ok", Button).label = "Export"
        self.query_one("#export-error", Label).remove_class("-shown")

    def action_export(self) -> None:
        """Write the file in the background (asking first when it exists); close with the
        confirmation, or show the error."""
        if self.busy:
            return
        path = self.path
        if path.is_dir():
            self.show_error(f"{path} is a folder; type a file name.")
            return
        if path.exists() and self.confirmed != path:
            self.confirmed = path
            self.query_one("#export-ok", Button).label = "Replace"
            self.show_error(f"{path.name} exists: Enter again (or Replace) replaces it.", ask=True)
            return
        self.busy = True
        self.show_error(f"Writing {path.name}…", busy=True)
        self._write(self.format, path)

    @work(thread=True, exclusive=True, group="export")
    def _write(self, fmt: str, path: Path) -> None:
        try:
            message = self.write(fmt, path)
        except Exception as error:  # noqa: BLE001 - ExportError, OSError, ValueError: one line
            self.app.call_from_thread(self._failed, f"Not written: {_one_line(error)}")
            return
        self.app.call_from_thread(self._written, message)

    def _failed(self, text: str) -> None:
        self.busy = False
        self.confirmed = None
        self.query_one("#export-ok", Button).label = "Export"
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
