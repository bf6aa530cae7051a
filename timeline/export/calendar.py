"""The dated exports: iCalendar for calendar programs, TimelineJS for the web."""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Sequence

from timeline.export.common import (
    GENERATOR,
    Context,
    date_parts,
    date_range,
    one_line,
    plural,
    precision_phrase,
)
from timeline.model import Event
from timeline.textclean import clean_text

# DTSTAMP is "when this iCalendar object was created". A wall-clock stamp would
# make two exports of the same events differ byte for byte, which breaks diffs,
# snapshot tests and "has anything changed?" checks; a fixed stamp keeps exports
# reproducible, and nothing in an export of past events depends on it.
ICS_DTSTAMP = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
#: The lane of TimelineJS slides whose event names no country.
NO_COUNTRY = "No country"


# --- iCalendar ------------------------------------------------------------------------------


def render_ics(ctx: Context, events: Sequence[Event]) -> tuple[str, int]:
    """One all-day VEVENT per dated event (see :func:`ics_summary` for month and year dates)."""
    import icalendar  # only this exporter needs it

    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//timeline//{GENERATOR} export//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", one_line(ctx.title))
    written = 0
    for event in events:
        parts = date_parts(event)
        span = date_range(parts, spans=ctx.ics_spans) if parts else None
        if span is None:
            continue
        start, end = span
        vevent = icalendar.Event()
        vevent.add("uid", f"{event.id}@timeline")
        vevent.add("dtstamp", ICS_DTSTAMP)
        vevent.add("dtstart", start)
        vevent.add("dtend", end)
        vevent.add("summary", ics_summary(event, spans=ctx.ics_spans))
        vevent.add("description", _ics_description(ctx, event))
        vevent.add("categories", [one_line(c) for c in (event.type, *event.countries)])
        calendar.add_component(vevent)
        written += 1
    return calendar.to_ical().decode("utf-8"), written


def ics_summary(event: Event, *, spans: bool = False) -> str:
    """The summary; a month or year date shown on one day says so: ``2010 (year): ...``."""
    summary = clean_text(event.summary)
    if spans or event.precision not in ("month", "year"):
        return summary
    return f"{event.display_date()} ({event.precision}): {summary}"


def _ics_description(ctx: Context, event: Event) -> str:
    title = ctx.article_title(event)
    source = f"{title} ({event.article})" if title else event.article
    when = precision_phrase(event)
    if not ctx.ics_spans and event.precision in ("month", "year"):
        when += f"; shown on the first day of the {event.precision}"
    lines = [event.sentence, "", f"Article: {source}", f"Date: {event.display_date()} ({when})"]
    info = ctx.note_of(event)
    if info.starred:
        lines.append("Starred")
    if info.note:
        lines += ["", f"Note: {info.note}"]
    return clean_text("\n".join(lines))


# --- TimelineJS -----------------------------------------------------------------------------


def _html(text: str) -> str:
    """Escape article-derived text for TimelineJS, which renders it as HTML."""
    return html.escape(clean_text(text), quote=True).replace("\n", "<br>")


def render_timelinejs(ctx: Context, events: Sequence[Event]) -> tuple[str, int]:
    """A title slide and one slide per dated event, in a lane per first country."""
    slides = []
    for event in events:
        parts = date_parts(event)
        if parts is None:
            continue
        year, month, day = parts
        start_date: dict[str, int] = {"year": year}
        if month is not None:
            start_date["month"] = month
            if day is not None:
                start_date["day"] = day
        slides.append(
            {
                "start_date": start_date,
                "display_date": event.display_date(),
                "text": {
                    "headline": _html(one_line(event.summary)),
                    "text": _timelinejs_text(ctx, event),
                },
                "group": one_line(event.countries[0]) if event.countries else NO_COUNTRY,
                "unique_id": event.id,
            }
        )
    counted_articles = plural(len({event.article for event in events}), "article")
    data = {
        "generator": GENERATOR,
        "title": {
            "text": {
                "headline": _html(ctx.title),
                "text": _html(f"{plural(len(slides), 'dated event')} from {counted_articles}"),
            }
        },
        "events": slides,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n", len(slides)


def repeats_summary(summary: str, sentence: str) -> bool:
    """True when the sentence says no more than the summary (a dateline or quotes apart).

    A summary cut short (ending in ``…`` where the sentence goes on) does not
    tell the whole sentence, so the sentence still says more.
    """
    summary, sentence = one_line(summary), one_line(sentence)
    if not summary:
        return False
    if summary.endswith("…") and summary not in sentence:
        return False
    return summary in sentence and len(sentence) - len(summary) <= 40


def _timelinejs_text(ctx: Context, event: Event) -> str:
    title = ctx.article_title(event)
    source = f"<em>{_html(title)}</em> ({_html(event.article)})" if title else _html(event.article)
    parts = []
    if not repeats_summary(event.summary, event.sentence):
        parts.append(f"<p>{_html(event.sentence)}</p>")
    parts.append(f"<p>{source}</p>")
    info = ctx.note_of(event)
    if info.note:
        parts.append(f"<p><strong>Note:</strong> {_html(info.note)}</p>")
    return "".join(parts)
