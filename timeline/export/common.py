"""What every exporter shares: the context of one export, event records, dates."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from timeline import __version__
from timeline.model import Article, Event
from timeline.notes import NoteInfo
from timeline.textclean import clean_line, clean_text

#: Who made an export: written into each, so timeline never reads its exports as articles.
GENERATOR = f"timeline {__version__}"


def plural(n: int, noun: str) -> str:
    """``1 event``, ``2,000 events``."""
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"


class Context:
    """What every exporter needs besides the events: articles by file, notes, the corpus."""

    def __init__(
        self,
        articles: Sequence[Article],
        notes: Mapping[str, NoteInfo],
        title: str,
        folder: str | Path | None = None,
        ics_spans: bool = False,
    ):
        self.articles = list(articles)
        self.by_file = {article.file: article for article in articles}
        self.notes = notes
        self.title = title
        self.folder = None if folder is None else str(folder)
        self.ics_spans = ics_spans

    def note_of(self, event: Event) -> NoteInfo:
        return self.notes.get(event.id) or NoteInfo()

    def article_title(self, event: Event) -> str | None:
        article = self.by_file.get(event.article)
        return article.title if article else None


def event_record(ctx: Context, event: Event) -> dict:
    """The event's JSON export fields, with ``starred`` and ``note`` always present."""
    record = event.to_dict()
    info = ctx.note_of(event)
    record["starred"] = info.starred
    record["note"] = info.note or None
    return record


def clean_data(value):
    """Every string of a JSON-like value cleaned (keys too), the structure kept."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_text(str(k)): clean_data(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [clean_data(item) for item in value]
    return value


def one_line(text: str) -> str:
    """Clean text on one line."""
    return clean_line(text)


def date_parts(event: Event) -> tuple[int, int | None, int | None] | None:
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


def date_range(
    parts: tuple[int, int | None, int | None], *, spans: bool = True
) -> tuple[dt.date, dt.date] | None:
    """The all-day span [start, end) of the date: its whole month or year when ``spans``,
    else its first day."""
    year, month, day = parts
    try:
        start = dt.date(year, month or 1, day or 1)
        if day is not None or not spans:
            return start, start + dt.timedelta(days=1)
        if month is not None:
            end = dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)
            return start, end
        return start, dt.date(year + 1, 1, 1)
    except (ValueError, OverflowError):
        return None  # year 9999: no day after the span exists


def precision_phrase(event: Event) -> str:
    """``year only``, ``month only`` or ``exact day``, and ``approximate`` when inferred."""
    precision = event.precision or "day"
    phrase = {"year": "year only", "month": "month only", "day": "exact day"}.get(precision, "")
    if event.approximate:
        phrase += ", approximate (inferred)"
    return phrase
