"""What every exporter shares: the context of one export, event records, dates."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from timeline import __version__
from timeline.model import Article, Event
from timeline.notes import NoteInfo
from timeline.textclean import clean_line, clean_text

#: Who made an export: written into each, so timeline never reads its exports as articles.
GENERATOR = f"timeline {__version__}"


class Context:
    """What every exporter needs besides the events: articles by file, notes, the corpus."""

    def __init__(
        self,
        articles: Sequence[Article],
        notes: Mapping[str, NoteInfo],
        title: str,
        folder: str | Path | None = None,
        ics_spans: bool = False,
        by_story: bool = True,
    ):
        self.articles = list(articles)
        self.by_file = {article.file: article for article in articles}
        self.notes = notes
        self.title = title
        self.folder = None if folder is None else str(folder)
        self.ics_spans = ics_spans
        #: iCalendar, TimelineJS and Markdown give one item per story, not per event.
        self.by_story = by_story

    def note_of(self, event: Event) -> NoteInfo:
        return self.notes.get(event.id) or NoteInfo()

    def starred_in(self, tellings: Sequence[Event]) -> bool:
        """True when any telling is starred (a story shows the stars of its events)."""
        return any(self.note_of(event).starred for event in tellings)

    def notes_in(self, tellings: Sequence[Event]) -> list[str]:
        """The notes of the tellings, in order, each once."""
        found = [self.note_of(event).note for event in tellings]
        return list(dict.fromkeys(note for note in found if note))

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


_URL = re.compile(r"https?://[^\s<>\"'`\\]+", re.IGNORECASE)


def safe_url(url: str | None) -> str | None:
    """``url`` when it is a plain web address (http or https, no spaces or quotes), else
    None: an article's URL is data, and a ``javascript:`` link must never become one."""
    if not url:
        return None
    url = clean_line(url).strip()
    return url if _URL.fullmatch(url) else None


@dataclass(frozen=True, slots=True)
class Source:
    """Where one telling comes from: the article's title, outlet, file and address."""

    title: str | None
    outlet: str | None
    file: str
    url: str | None

    def label(self) -> str:
        """``Title (Outlet, file.txt)``, or as much of it as is known, on one line."""
        where = ", ".join(part for part in (self.outlet, self.file) if part)
        return clean_line(f"{self.title} ({where})" if self.title else where)


def source_of(ctx: Context, event: Event) -> Source:
    """The :class:`Source` of an event's article."""
    article = ctx.by_file.get(event.article)
    if article is None:
        return Source(None, None, event.article, None)
    return Source(article.title, article.source, article.file, safe_url(article.url))


@dataclass(frozen=True, slots=True)
class Told:
    """One item of a story-wise export: the telling shown and every telling of the story."""

    shown: Event
    #: Every telling, the shown one included, by date then article.
    tellings: tuple[Event, ...]

    @property
    def key(self) -> str:
        """The story's id (the event's own when it has none)."""
        return self.shown.story or self.shown.id

    def disagreement(self) -> str:
        """Where the sources give different days (see :func:`timeline.stories.disagreement`)."""
        if len(self.tellings) < 2:
            return ""
        from timeline.stories import Story, disagreement

        return disagreement(Story(self.key, list(self.tellings)))


def told_stories(events: Sequence[Event], by_story: bool = True) -> list[Told]:
    """The events as stories, in the order of each story's first event: each shows the
    telling that gives the date most sources give. With ``by_story`` false, one per event."""
    if not by_story:
        return [Told(event, (event,)) for event in events]
    groups: dict[str, list[Event]] = {}
    for event in events:
        groups.setdefault(event.story or event.id, []).append(event)
    out = []
    for key, tellings in groups.items():
        if len(tellings) == 1:
            out.append(Told(tellings[0], (tellings[0],)))
            continue
        from timeline.stories import Story, story_date

        ordered = sorted(tellings, key=lambda event: event.sort_key)
        date, _ = story_date(Story(key, ordered))
        shown = next((event for event in ordered if event.date == date), ordered[0])
        out.append(Told(shown, tuple(ordered)))
    return out
