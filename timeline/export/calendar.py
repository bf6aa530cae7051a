"""The dated exports: iCalendar for calendar programs, TimelineJS for the web."""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Sequence

from timeline.export.common import (
    GENERATOR,
    Context,
    Source,
    Told,
    date_parts,
    date_range,
    one_line,
    precision_phrase,
    source_of,
    told_stories,
)
from timeline.model import Event
from timeline.textclean import clean_text, plural

# DTSTAMP is "when this iCalendar object was created". A wall-clock stamp would
# make two exports of the same events differ byte for byte, which breaks diffs,
# snapshot tests and "has anything changed?" checks; a fixed stamp keeps exports
# reproducible, and nothing in an export of past events depends on it.
ICS_DTSTAMP = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
#: The lane of TimelineJS slides whose event names no country.
NO_COUNTRY = "No country"


# --- iCalendar ------------------------------------------------------------------------------


def render_ics(ctx: Context, events: Sequence[Event]) -> tuple[str, int]:
    """One all-day VEVENT per dated story (see :func:`ics_summary` for month and year
    dates), its sources in the description and the shown telling's address as its URL."""
    import icalendar  # only this exporter needs it

    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//timeline//{GENERATOR} export//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", one_line(ctx.title))
    written = 0
    for told in told_stories(events, ctx.by_story):
        event = told.shown
        parts = date_parts(event)
        span = date_range(parts, spans=ctx.ics_spans) if parts else None
        if span is None:
            continue
        start, end = span
        vevent = icalendar.Event()
        vevent.add("uid", f"{told.key}@timeline")
        vevent.add("dtstamp", ICS_DTSTAMP)
        vevent.add("dtstart", start)
        vevent.add("dtend", end)
        vevent.add("summary", ics_summary(event, spans=ctx.ics_spans))
        vevent.add("description", _ics_description(ctx, told))
        url = source_of(ctx, event).url
        if url:
            vevent.add("url", url)
        places = dict.fromkeys(c for t in told.tellings for c in t.countries)
        vevent.add("categories", [one_line(c) for c in (event.type, *places)])
        calendar.add_component(vevent)
        written += len(told.tellings)
    return calendar.to_ical().decode("utf-8"), written


def ics_summary(event: Event, *, spans: bool = False) -> str:
    """The summary; a month or year date shown on one day says so: ``2010 (year): ...``."""
    summary = clean_text(event.summary)
    if spans or event.precision not in ("month", "year"):
        return summary
    return f"{event.display_date()} ({event.precision}): {summary}"


def _ics_description(ctx: Context, told: Told) -> str:
    event = told.shown
    when = precision_phrase(event)
    if not ctx.ics_spans and event.precision in ("month", "year"):
        when += f"; shown on the first day of the {event.precision}"
    lines = [event.sentence, ""]
    if len(told.tellings) == 1:
        source = source_of(ctx, event)
        lines.append(f"Article: {source.label()}")
        if source.url:
            lines.append(source.url)
    else:
        lines.append(f"Told by {plural(len(told.tellings), 'source')}:")
        for telling in told.tellings:
            source = source_of(ctx, telling)
            lines.append(f"- {source.label()}: {telling.display_date()}")
            if source.url:
                lines.append(f"  {source.url}")
            if telling is not event:
                lines.append(f"  \u201c{one_line(telling.sentence)}\u201d")
    lines.append(f"Date: {event.display_date()} ({when})")
    if disagreement := told.disagreement():
        lines.append(f"Sources disagree: {disagreement}")
    if ctx.starred_in(told.tellings):
        lines.append("Starred")
    for note in ctx.notes_in(told.tellings):
        lines += ["", f"Note: {note}"]
    return clean_text("\n".join(lines))


# --- TimelineJS -----------------------------------------------------------------------------


def _html(text: str) -> str:
    """Escape article-derived text for TimelineJS, which renders it as HTML."""
    return html.escape(clean_text(text), quote=True).replace("\n", "<br>")


def render_timelinejs(ctx: Context, events: Sequence[Event]) -> tuple[str, int]:
    """A title slide and one slide per dated story, in a lane per first country; a
    story's slide lists its sources, each linked to its address when known."""
    slides = []
    written = 0
    for told in told_stories(events, ctx.by_story):
        event = told.shown
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
                    "text": _timelinejs_text(ctx, told),
                },
                "group": one_line(event.countries[0]) if event.countries else NO_COUNTRY,
                "unique_id": told.key,
            }
        )
        written += len(told.tellings)
    counted_articles = plural(len({event.article for event in events}), "article")
    data = {
        "generator": GENERATOR,
        "title": {
            "text": {
                "headline": _html(ctx.title),
                "text": _html(f"{plural(written, 'dated event')} from {counted_articles}"),
            }
        },
        "events": slides,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n", written


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


def _source_html(source: Source) -> str:
    name = f"<em>{_html(source.title)}</em>" if source.title else ""
    where = ", ".join(_html(part) for part in (source.outlet, source.file) if part)
    label = f"{name} ({where})" if name else where
    if source.url:
        return f'<a href="{_html(source.url)}">{label}</a>'
    return label


def _timelinejs_text(ctx: Context, told: Told) -> str:
    event = told.shown
    parts = []
    if not repeats_summary(event.summary, event.sentence):
        parts.append(f"<p>{_html(event.sentence)}</p>")
    if len(told.tellings) == 1:
        parts.append(f"<p>{_source_html(source_of(ctx, event))}</p>")
    else:
        items = []
        for telling in told.tellings:
            item = f"{_source_html(source_of(ctx, telling))}: {_html(telling.display_date())}"
            if telling is not event:
                item += f"<br>\u201c{_html(one_line(telling.sentence))}\u201d"
            items.append(f"<li>{item}</li>")
        parts.append(f"<p>Told by {plural(len(told.tellings), 'source')}:</p>")
        parts.append(f"<ul>{''.join(items)}</ul>")
        if disagreement := told.disagreement():
            parts.append(f"<p>Sources disagree: {_html(disagreement)}</p>")
    for note in ctx.notes_in(told.tellings):
        parts.append(f"<p><strong>Note:</strong> {_html(note)}</p>")
    return "".join(parts)
