"""Exports of a (filtered) list of events: JSON, CSV, iCalendar, TimelineJS and Markdown.

Every exporter is a pure function from articles, events and (optionally) the
stars and notes attached to them, to text. Writing the text to a file or to
stdout is the caller's job (CSV text uses ``\\r\\n`` row ends, so write it with
``newline=""``). Article text is data from the outside world: each format
escapes it the way its readers need (HTML for TimelineJS, Markdown
punctuation for the report, iCalendar's own escaping via the ``icalendar``
library) and drops control characters where the format forbids them.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from timeline.model import Article, Event
from timeline.notes import NoteInfo

EXPORT_FORMATS: tuple[str, ...] = ("json", "csv", "ics", "timelinejs", "markdown")

_EXTENSIONS = {
    "json": ".json",
    "csv": ".csv",
    "ics": ".ics",
    "timelinejs": ".json",
    "markdown": ".md",
}

#: The CSV columns, in order: every event field of the JSON export, plus the
#: article's title (handy in a spreadsheet, where the articles table is absent).
CSV_COLUMNS: tuple[str, ...] = (
    "id",
    "date",
    "precision",
    "approximate",
    "type",
    "countries",
    "inherited_countries",
    "summary",
    "article",
    "article_title",
    "sentence",
    "start",
    "end",
    "regions",
    "tier",
    "previous",
    "report_year",
    "story",
    "starred",
    "note",
)

#: Separator of list values (countries) inside one CSV cell.
CSV_LIST_SEPARATOR = "; "

# DTSTAMP is "when this iCalendar object was created". A wall-clock stamp would
# make two exports of the same events differ byte for byte, which breaks diffs,
# snapshot tests and "has anything changed?" checks; a fixed stamp keeps exports
# reproducible, and nothing in an export of past events depends on it.
ICS_DTSTAMP = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)

# C0/C1 control characters except tab and newline: iCalendar TEXT forbids them,
# and in a Markdown report read in a terminal they could be escape sequences.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@dataclass(frozen=True, slots=True)
class ExportResult:
    """The text of an export, how many events it left out, and a one-line message."""

    text: str
    written: int
    left_out: int
    message: str


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
) -> ExportResult:
    """Render ``events`` in format ``fmt``; ``notes`` maps event ids to their star and note.

    Raises ``ValueError`` for an unknown format. iCalendar and TimelineJS
    leave undated events out; the result counts them and says so.
    """
    _check_format(fmt)
    ctx = _Context(articles, notes or {}, title)
    renderer: Callable[[_Context, Sequence[Event]], tuple[str, int]] = _RENDERERS[fmt]
    text, written = renderer(ctx, events)
    left_out = len(events) - written
    message = f"wrote {_plural(written, 'event')}"
    if left_out:
        message += f"; {_plural(left_out, 'undated event')} left out"
    return ExportResult(text=text, written=written, left_out=left_out, message=message)


def _check_format(fmt: str) -> None:
    if fmt not in EXPORT_FORMATS:
        raise ValueError(
            f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}"
        )


def _plural(n: int, noun: str) -> str:
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"


class _Context:
    """What every exporter needs besides the events: articles by file, notes, title."""

    def __init__(self, articles: Sequence[Article], notes: Mapping[str, NoteInfo], title: str):
        self.articles = list(articles)
        self.by_file = {article.file: article for article in articles}
        self.notes = notes
        self.title = title

    def note_of(self, event: Event) -> NoteInfo:
        return self.notes.get(event.id) or NoteInfo()

    def article_title(self, event: Event) -> str | None:
        article = self.by_file.get(event.article)
        return article.title if article else None


def _event_record(ctx: _Context, event: Event) -> dict:
    """The event's JSON export fields, with ``starred`` and ``note`` always present."""
    record = event.to_dict()
    info = ctx.note_of(event)
    record["starred"] = info.starred
    record["note"] = info.note or None
    return record


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _strip_controls(text: str) -> str:
    """Line ends made ``\\n``; other control characters (but tab) removed."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


# --- JSON -----------------------------------------------------------------------------------


def _render_json(ctx: _Context, events: Sequence[Event]) -> tuple[str, int]:
    data = {
        "articles": [article.to_dict() for article in ctx.articles],
        "events": [_event_record(ctx, event) for event in events],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n", len(events)


# --- CSV ------------------------------------------------------------------------------------


def _csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return CSV_LIST_SEPARATOR.join(str(item) for item in value)
    return str(value)


def _render_csv(ctx: _Context, events: Sequence[Event]) -> tuple[str, int]:
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for event in events:
        record = _event_record(ctx, event)
        record["article_title"] = ctx.article_title(event)
        writer.writerow([_csv_cell(record[column]) for column in CSV_COLUMNS])
    return out.getvalue(), len(events)


# --- dates shared by iCalendar and TimelineJS -----------------------------------------------


def _date_parts(event: Event) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) as far as the precision goes, or None if undated or malformed."""
    if not event.date:
        return None
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", event.date)
    if not match:
        return None
    year = int(match[1])
    month = int(match[2]) if match[2] else None
    day = int(match[3]) if match[3] else None
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    if year < 1:
        return None
    return year, month, day


def _date_range(parts: tuple[int, int | None, int | None]) -> tuple[dt.date, dt.date] | None:
    """The all-day span [start, end) covering the date at its precision."""
    year, month, day = parts
    try:
        if day is not None and month is not None:
            start = dt.date(year, month, day)
            return start, start + dt.timedelta(days=1)
        if month is not None:
            start = dt.date(year, month, 1)
            end = dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)
            return start, end
        return dt.date(year, 1, 1), dt.date(year + 1, 1, 1)
    except (ValueError, OverflowError):
        return None  # year 9999: no day after the span exists


def _precision_phrase(event: Event) -> str:
    precision = event.precision or "day"
    phrase = {"year": "year only", "month": "month only", "day": "exact day"}.get(precision, "")
    if event.approximate:
        phrase += ", approximate (inferred)"
    return phrase


# --- iCalendar ------------------------------------------------------------------------------


def _render_ics(ctx: _Context, events: Sequence[Event]) -> tuple[str, int]:
    import icalendar  # only this exporter needs it

    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//timeline//timeline export//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _one_line(_strip_controls(ctx.title)))
    written = 0
    for event in events:
        parts = _date_parts(event)
        span = _date_range(parts) if parts else None
        if span is None:
            continue
        start, end = span
        vevent = icalendar.Event()
        vevent.add("uid", f"{event.id}@timeline")
        vevent.add("dtstamp", ICS_DTSTAMP)
        vevent.add("dtstart", start)
        vevent.add("dtend", end)
        vevent.add("summary", _strip_controls(event.summary))
        vevent.add("description", _ics_description(ctx, event))
        vevent.add(
            "categories", [_one_line(_strip_controls(c)) for c in (event.type, *event.countries)]
        )
        calendar.add_component(vevent)
        written += 1
    return calendar.to_ical().decode("utf-8"), written


def _ics_description(ctx: _Context, event: Event) -> str:
    title = ctx.article_title(event)
    source = f"{title} ({event.article})" if title else event.article
    lines = [
        event.sentence,
        "",
        f"Article: {source}",
        f"Date: {event.display_date()} ({_precision_phrase(event)})",
    ]
    info = ctx.note_of(event)
    if info.starred:
        lines.append("Starred")
    if info.note:
        lines += ["", f"Note: {info.note}"]
    return _strip_controls("\n".join(lines))


# --- TimelineJS -----------------------------------------------------------------------------


def _html(text: str) -> str:
    """Escape article-derived text for TimelineJS, which renders it as HTML."""
    return html.escape(_strip_controls(text), quote=True).replace("\n", "<br>")


def _render_timelinejs(ctx: _Context, events: Sequence[Event]) -> tuple[str, int]:
    slides = []
    for event in events:
        parts = _date_parts(event)
        if parts is None:
            continue
        year, month, day = parts
        start_date: dict[str, int] = {"year": year}
        if month is not None:
            start_date["month"] = month
            if day is not None:
                start_date["day"] = day
        slide: dict = {
            "start_date": start_date,
            "display_date": event.display_date(),
            "text": {
                "headline": _html(_one_line(event.summary)),
                "text": _timelinejs_text(ctx, event),
            },
            "unique_id": event.id,
        }
        if event.countries:
            slide["group"] = event.countries[0]
        slides.append(slide)
    counted_articles = _plural(len({event.article for event in events}), "article")
    data = {
        "title": {
            "text": {
                "headline": _html(ctx.title),
                "text": _html(f"{_plural(len(slides), 'dated event')} from {counted_articles}"),
            }
        },
        "events": slides,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n", len(slides)


def _timelinejs_text(ctx: _Context, event: Event) -> str:
    title = ctx.article_title(event)
    source = f"<em>{_html(title)}</em> ({_html(event.article)})" if title else _html(event.article)
    parts = [f"<p>{_html(event.sentence)}</p>", f"<p>{source}</p>"]
    info = ctx.note_of(event)
    if info.note:
        parts.append(f"<p><strong>Note:</strong> {_html(info.note)}</p>")
    return "".join(parts)


# --- Markdown -------------------------------------------------------------------------------

# Backslash-escapes every ASCII punctuation character that can start Markdown
# syntax inline (CommonMark allows a backslash before any ASCII punctuation).
_MD_INLINE = re.compile(r"([\\`*_{}\[\]<>#!|~&$])")
# At the start of a line (the text may open a blockquote line) a list marker, a
# setext underline or an ordered-list number is syntax too.
_MD_LINE_START = re.compile(r"^([-+=])|^(\d+)([.)])")


def markdown_escape(text: str) -> str:
    """Escape ``text`` so a Markdown renderer shows it literally, on one line."""
    text = " ".join(_strip_controls(text).split())
    text = _MD_INLINE.sub(r"\\\1", text)
    return _MD_LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", text)


def _render_markdown(ctx: _Context, events: Sequence[Event]) -> tuple[str, int]:
    ordered = sorted(events, key=lambda event: event.sort_key)
    citations: dict[str, int] = {}
    for event in ordered:
        citations.setdefault(event.article, len(citations) + 1)
    out = [f"# {markdown_escape(ctx.title)}", ""]
    out.append(f"{_plural(len(events), 'event')} from {_plural(len(citations), 'article')}.")
    group: object = ()
    for event in ordered:
        year = event.year
        if year != group:
            group = year
            out += ["", f"## {year if year is not None else 'Undated'}", ""]
        out += _markdown_bullet(ctx, event, citations[event.article])
    if citations:
        out += ["", "## Sources", ""]
        for file, number in citations.items():
            title = ctx.by_file[file].title if file in ctx.by_file else None
            label = f"{markdown_escape(title)}, " if title else ""
            out.append(f"[^{number}]: {label}{markdown_escape(file)}")
    return "\n".join(out) + "\n", len(events)


def _markdown_bullet(ctx: _Context, event: Event, citation: int) -> list[str]:
    countries = ", ".join(
        f"{name} (inherited)" if name in event.inherited else name for name in event.countries
    )
    fields = [event.display_date(), event.type.replace("_", " ")]
    if countries:
        fields.append(countries)
    head = " · ".join(markdown_escape(field) for field in fields)
    info = ctx.note_of(event)
    star = " ★" if info.starred else ""
    lines = [
        f"- **{head}**{star}: {markdown_escape(event.summary)}[^{citation}]",
        f"  > {markdown_escape(event.sentence)}",
    ]
    note_lines = [markdown_escape(line) for line in (info.note or "").splitlines() if line.strip()]
    if note_lines:
        note_lines[0] = f"*Note:* {note_lines[0]}"
        lines.append("  >")
        # A trailing backslash is a hard line break: the note keeps its lines.
        lines += [f"  > {line}\\" for line in note_lines[:-1]] + [f"  > {note_lines[-1]}"]
    return lines


_RENDERERS: dict[str, Callable[[_Context, Sequence[Event]], tuple[str, int]]] = {
    "json": _render_json,
    "csv": _render_csv,
    "ics": _render_ics,
    "timelinejs": _render_timelinejs,
    "markdown": _render_markdown,
}
