"""The command line's table of events: one line per event (or per story), cut to the
terminal's width."""

from __future__ import annotations

from collections.abc import Sequence

from timeline.filters import shown_via
from timeline.model import Corpus, Event
from timeline.textclean import clean_line

__all__ = ["format_table", "key_events", "one_per_story"]


def key_events(events: list[Event], corpus: Corpus, per_year: int) -> list[Event]:
    """The events of the top ``per_year`` stories of each year, by distinct sources."""
    from timeline.stories import Story, key_stories

    by_story: dict[str, list[Event]] = {}
    for event in events:
        by_story.setdefault(event.story or event.id, []).append(event)
    stories = [Story(story, told) for story, told in by_story.items()]
    articles = {a.file: a for a in corpus.articles}
    kept = {e.id for s in key_stories(stories, articles, per_year) for e in s.events}
    return [e for e in events if e.id in kept]


def one_per_story(events: list[Event]) -> list[Event]:
    """Each story once, as the browser and the exports show it: the telling that gives
    the date most of its sources give, in date order (``list --key``)."""
    from timeline.export.common import told_stories

    return sorted((told.shown for told in told_stories(events)), key=lambda e: e.sort_key)


def format_table(
    events: Sequence[Event],
    width: int = 0,
    notes: dict | None = None,
    via: frozenset[str] = frozenset(),
    told: dict[str, int] | None = None,
) -> list[str]:
    """Table lines: date, type, countries, summary; cut to ``width`` when it is above 0.

    A starred event's summary begins with ``★``; an event with a note shows
    it after the summary. Regional groups follow the countries; an event shown
    for a country filter (``via``) through its group reads ``via ASEAN``.
    """
    notes = notes or {}
    rows = []
    for e in events:
        info = notes.get(e.id)
        summary = clean_line(e.summary)
        sources = told.get(e.story or e.id, 1) if told else 1
        if sources > 1:
            summary = f"×{sources} {summary}"  # a story told by that many articles
        if info is not None and info.starred:
            summary = "★ " + summary
        if info is not None and info.note:
            summary += "  [note: " + clean_line(info.note) + "]"
        names = [clean_line(c) + ("*" if c in e.inherited else "") for c in e.countries]
        names += [clean_line(r) for r in e.regions]
        region = shown_via(e, via)
        if region is not None:
            names.insert(0, f"via {clean_line(region)}")
        rows.append((e.display_date(), e.type, ", ".join(names) or "-", summary))
    date_w = max([len("DATE")] + [len(r[0]) for r in rows])
    type_w = max([len("TYPE")] + [len(r[1]) for r in rows])
    country_w = min(30, max([len("COUNTRIES")] + [len(r[2]) for r in rows]))
    lines = [f"{'DATE':<{date_w}}  {'TYPE':<{type_w}}  {'COUNTRIES':<{country_w}}  SUMMARY"]
    for date, kind, countries, summary in rows:
        if len(countries) > country_w:
            countries = countries[: country_w - 1] + "…"
        line = f"{date:<{date_w}}  {kind:<{type_w}}  {countries:<{country_w}}  {summary}"
        if width and len(line) > width:
            line = line[: width - 1] + "…"
        lines.append(line)
    return lines
