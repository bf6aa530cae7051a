"""Exports of a (filtered) list of events: JSON, CSV, iCalendar, TimelineJS and Markdown.

Every exporter is a pure function from articles, events and (optionally) the
stars and notes attached to them, to text (:func:`render`). Article text and
file names are data from the outside world: every string passes the one
sanitiser (:mod:`timeline.textclean`) on its way into an export, and the
finished text passes it once more, so no export holds a control character
other than newline and tab (an iCalendar file ends its lines with CR LF, as
RFC 5545 requires), a bidi override or an undecodable file name. Each format
then escapes text the way its readers need (HTML for TimelineJS, Markdown
punctuation for the report, iCalendar's own escaping via the ``icalendar``
library, a leading ``'`` before a CSV cell a spreadsheet would take for a
formula).

Every export says it was made by timeline (``"generator"`` in JSON, front
matter in Markdown, the header row of the CSV, the PRODID of iCalendar), so
:func:`is_export` tells an export from an article.

:func:`export_to_file` renders and writes atomically (:func:`write_atomic`):
a temporary file beside the target, renamed over it once complete, so a
failure leaves an existing file untouched and raises :class:`ExportError`
with one line to show.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from timeline.export.calendar import ICS_DTSTAMP, NO_COUNTRY, render_ics, render_timelinejs
from timeline.export.common import GENERATOR, Context, date_parts, told_stories
from timeline.export.files import ExportError, write_atomic
from timeline.export.markdown import MARKDOWN_FRONT_MATTER, markdown_escape, render_markdown
from timeline.export.tables import (
    CSV_BOM,
    CSV_COLUMNS,
    CSV_FORMULA_STARTS,
    CSV_LIST_SEPARATOR,
    csv_guard,
    render_csv,
    render_json,
)
from timeline.model import Article, Event
from timeline.notes import NoteInfo
from timeline.textclean import clean_line, clean_text, plural

__all__ = [
    "CSV_BOM",
    "CSV_COLUMNS",
    "CSV_FORMULA_STARTS",
    "CSV_LIST_SEPARATOR",
    "EXPORT_FORMATS",
    "GENERATOR",
    "ICS_DTSTAMP",
    "MARKDOWN_FRONT_MATTER",
    "NO_COUNTRY",
    "ExportError",
    "ExportResult",
    "csv_guard",
    "default_extension",
    "export_to_file",
    "is_export",
    "markdown_escape",
    "render",
    "write_atomic",
]

EXPORT_FORMATS: tuple[str, ...] = ("json", "csv", "ics", "timelinejs", "markdown")

_EXTENSIONS = {
    "json": ".json",
    "csv": ".csv",
    "ics": ".ics",
    "timelinejs": ".json",
    "markdown": ".md",
}

#: The formats that give one item per story.
STORY_FORMATS: frozenset[str] = frozenset({"ics", "timelinejs", "markdown"})

Renderer = Callable[[Context, Sequence[Event]], tuple[str, int]]
_RENDERERS: dict[str, Renderer] = {
    "json": render_json,
    "csv": render_csv,
    "ics": render_ics,
    "timelinejs": render_timelinejs,
    "markdown": render_markdown,
}


@dataclass(frozen=True, slots=True)
class ExportResult:
    """The text of an export, how many events it left out, and a one-line message."""

    text: str
    written: int
    left_out: int
    message: str
    #: The format rendered.
    format: str = ""
    #: How many stories the events made, for a format that gives one item per story.
    stories: int = 0

    def encoded(self) -> bytes:
        """The bytes of the file: UTF-8, and for CSV a byte-order mark first."""
        return (self.preamble() + self.text).encode("utf-8")

    def preamble(self) -> str:
        """What goes before the text in a file or on stdout: the CSV's byte-order mark."""
        return CSV_BOM if self.format == "csv" else ""

    def message_to(self, target: str | Path | None) -> str:
        """The message naming where it went: ``wrote 27 events to out.ics; 8 undated ...``
        (``wrote 27 events as 20 stories`` when several articles told one happening)."""
        line = f"wrote {plural(self.written, 'event')}"
        if self.stories and self.stories < self.written:
            line += f" as {plural(self.stories, 'story', 'stories')}"
        if target is not None:
            line += f" to {clean_line(str(target))}"
        if self.left_out:
            line += f"; {plural(self.left_out, 'undated event')} left out"
        return line


def default_extension(fmt: str) -> str:
    """The usual file extension (with the dot) for an export format."""
    _check_format(fmt)
    return _EXTENSIONS[fmt]


def render(
    fmt: str,
    articles: Sequence[Article],
    events: Sequence[Event],
    *,
    title: str = "timeline",
    notes: Mapping[str, NoteInfo] | None = None,
    folder: str | Path | None = None,
    ics_spans: bool = False,
    by_story: bool = True,
) -> ExportResult:
    """Render ``events`` in format ``fmt``; ``notes`` maps event ids to their star and note.

    ``title`` and ``folder`` name the corpus (the JSON export's ``corpus``).
    ``ics_spans``: an iCalendar event of month or year precision spans its
    whole month or year (by default it is one all-day event on its first day,
    its summary saying the precision). ``by_story``: iCalendar, TimelineJS and
    Markdown give one item per story (the events of different articles that tell
    one happening), listing its sources; false gives one per event. Raises
    ``ValueError`` for an unknown format. iCalendar and TimelineJS leave undated
    events out; the result counts them and says so. The text is clean (:mod:`timeline.textclean`)
    whatever the articles hold.
    """
    _check_format(fmt)
    ctx = Context(articles, notes or {}, title, folder, ics_spans, by_story)
    text, written = _RENDERERS[fmt](ctx, events)
    stories = 0
    if by_story and fmt in STORY_FORMATS:
        shown = events if fmt == "markdown" else [e for e in events if date_parts(e)]
        stories = len(told_stories(shown))
    # The last guard: whatever a renderer forgot, nothing unsafe leaves (CR LF is iCalendar's).
    text = "\r\n".join(clean_text(line) for line in text.split("\r\n"))
    left_out = len(events) - written
    result = ExportResult(text, written, left_out, "", fmt, stories)
    return dataclasses.replace(result, message=result.message_to(None))


def export_to_file(
    fmt: str,
    articles: Sequence[Article],
    events: Sequence[Event],
    path: str | Path,
    **options,
) -> ExportResult:
    """Render (as :func:`render`, with the same options) and write ``path`` atomically.

    The file is replaced only once the whole export is on disk; on any failure
    an existing file is left as it was and :class:`ExportError` says why in one
    line. Tell the user ``result.message_to(path)``. Safe to call from a thread.
    """
    result = render(fmt, articles, events, **options)
    write_atomic(path, result.encoded())
    return result


_JSON_MARK = re.compile(r'\{\s*"generator"\s*:\s*"timeline[ "]')


def is_export(head: str) -> bool:
    """True when ``head`` (the first kilobyte or so of a file) begins a timeline export.

    A JSON or TimelineJS export opens with ``"generator": "timeline ..."``, a
    Markdown export with its front matter, a CSV export with its header row.
    """
    head = head.lstrip("\ufeff").replace("\r\n", "\n")
    if head.startswith("---\ngenerator: timeline"):
        return True
    if _JSON_MARK.match(head):
        return True
    return head.startswith(",".join(CSV_COLUMNS[:9]) + ",")


def _check_format(fmt: str) -> None:
    if fmt not in EXPORT_FORMATS:
        raise ValueError(
            f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}"
        )
