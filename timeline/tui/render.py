"""Rich ``Text`` for events: timeline rows, the detail pane, type labels.

Everything that comes from an article goes through :mod:`timeline.textclean`
and into ``Text`` as plain strings, never markup. No Textual import: styles
arrive as arguments so the widgets can pass their themed component styles.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from timeline.model import TYPES, Article, Event, event_type, format_date
from timeline.model import type_label as _type_name_label
from timeline.query import Query, fold
from timeline.textclean import CleanMap, clean_line

if TYPE_CHECKING:
    from rich.console import Console

__all__ = [
    "DATE_WIDTH",
    "TYPE_STYLES",
    "TYPE_WIDTH",
    "countries_text",
    "country_width",
    "detail_text",
    "event_row",
    "row_summary",
    "note_text",
    "one_line",
    "type_label",
    "wrapped_without_dangling",
]

DATE_WIDTH = 12
TYPE_WIDTH = max(len(t.label) for t in TYPES)
COUNTRY_WIDTH = 18
#: From this many columns a row's countries column widens and summaries run longer.
WIDE = 140
#: What parts of a line are set apart by (` Title · 20 Jun 2014 · file`).
SEPARATOR = " ·"

#: The marks before a summary: a star, a note.
STAR_MARK, NOTE_MARK = "★", "✎"

#: One colour per event type, from the registry: each label carries its own background and
#: a foreground chosen for contrast, so it reads the same on light and dark themes.
TYPE_STYLES: dict[str, Style] = {
    t.name: Style(bold=True, color=t.badge[0], bgcolor=t.badge[1]) for t in TYPES
}

_OTHER = TYPE_STYLES["other"]
_TOLD = Style(bold=True)
_WHITESPACE = re.compile(r"\s")


@lru_cache(maxsize=8192)
def one_line(text: str) -> str:
    """Article text made safe for a single display line (kept: rows are drawn often)."""
    return clean_line(text)


def type_label(kind: str, width: int = TYPE_WIDTH) -> Text:
    """The coloured short label of an event type, centred in ``width`` cells."""
    known = event_type(kind)
    label = known.label if known else one_line(kind).upper()[:width]
    return Text(label.center(width), style=TYPE_STYLES.get(kind, TYPE_STYLES["other"]))


def countries_text(
    event: Event, limit: int | None = None, first: frozenset[str] = frozenset()
) -> str:
    """``Cambodia``, ``Cambodia +2``; cut to ``limit`` cells when given.

    Countries in ``first`` (the country filter) are named before the others.
    A ``limit`` wider than :data:`COUNTRY_WIDTH` (a wide terminal) names as
    many as fit: ``Cambodia, Vietnam, Laos +2``.
    """
    ordered = sorted(event.countries, key=lambda c: c not in first) if first else event.countries
    names = [one_line(c) for c in ordered] or [one_line(r) for r in event.regions]
    if not names:
        return "—"
    text = names[0] if len(names) == 1 else f"{names[0]} +{len(names) - 1}"
    if limit is not None and limit > COUNTRY_WIDTH:
        for k in range(len(names), 1, -1):
            more = f" +{len(names) - k}" if k < len(names) else ""
            listed = ", ".join(names[:k]) + more
            if cell_len(listed) <= limit:
                return listed
    if limit is not None and len(text) > limit:
        text = text[: max(0, limit - 1)] + "…"
    return text


def country_width(width: int) -> int:
    """Cells of a row's countries column: wider on a wide terminal (from 140 columns)."""
    if width < WIDE:
        return COUNTRY_WIDTH
    return min(40, COUNTRY_WIDTH + (width - WIDE) // 4)


@lru_cache(maxsize=4096)
def _long_summary(summary: str, sentence: str) -> str:
    """The summary, or, when it is the sentence cut short, the sentence on one line."""
    if not summary.endswith("…"):
        return summary
    flat = " ".join(sentence.split())
    stem = summary[:-1]
    at = flat.find(stem)
    if at < 0:
        return summary
    return one_line(flat[at:].rstrip(" \"”’'»"))


def row_summary(event: Event, cells: int) -> str:
    """The summary shown in ``cells``: the sentence itself where the summary was cut
    shorter than the room there is (a wide terminal), cut with an ellipsis to fit."""
    summary = one_line(event.summary)
    if cells > cell_len(summary) and summary.endswith("…"):
        summary = _long_summary(summary, event.sentence)
    return _cut(summary, cells)


def _cut(text: str, cells: int) -> str:
    """``text`` cut to ``cells`` cells, with an ellipsis when something was cut."""
    if cells <= 0:
        return ""
    if len(text) <= cells and text.isascii():
        return text
    if cell_len(text) <= cells:
        return text
    return set_cell_size(text, cells - 1) + "…"


def _matched(text: str, terms: Query | None, style: Style, match: Style) -> list[Segment]:
    """Segments of ``text`` with every occurrence of the query's terms in ``match``."""
    if terms is None:
        return [Segment(text, style)]
    folded = fold(text)
    if len(folded) != len(text):
        return [Segment(text, style)]
    spans = terms.highlights(folded)
    if not spans:
        return [Segment(text, style)]
    spans.sort()
    out: list[Segment] = []
    done = 0  # text before this offset has been emitted
    start, end = spans[0]
    for next_start, next_end in spans[1:]:
        if next_start <= end:  # overlapping or touching: one highlight
            end = max(end, next_end)
            continue
        if start > done:
            out.append(Segment(text[done:start], style))
        out.append(Segment(text[start:end], match))
        done, start, end = end, next_start, next_end
    if start > done:
        out.append(Segment(text[done:start], style))
    out.append(Segment(text[start:end], match))
    if end < len(text):
        out.append(Segment(text[end:], style))
    return out


def event_row(
    event: Event,
    width: int,
    *,
    style: Style,
    date_style: Style,
    country_style: Style,
    match_style: Style,
    terms: Query | None = None,
    first: frozenset[str] = frozenset(),
    mark: bool = False,
    starred: bool = False,
    star_style: Style | None = None,
    told: int = 1,
    via: str | None = None,
    noted: bool = False,
    marks: bool = False,
    badge_gap: Style | None = None,
) -> list[Segment]:
    """One timeline row as segments: date, type label, countries, summary.

    Built straight from segments (no ``Text`` layout) because it runs for
    every row that scrolls into view. The result is exactly ``width`` cells;
    narrow rows drop the countries, then the type. ``mark`` flags a search
    match in the first cell (the match may lie outside the columns shown).
    With ``marks`` the summary follows a column of two marks, ``★`` when
    ``starred`` (in ``star_style``) and ``✎`` when ``noted``; without it a
    starred summary begins with ``★``. A story ``told`` by three sources shows
    ``×3``; ``via`` names the regional group through which the country filter
    shows the event (``via ASEAN``). ``badge_gap`` (the cursor row) draws
    the cells either side of the type's badge in that style, so that a badge
    whose colour is the cursor's still stands out. On a wide terminal the
    countries column widens and a summary cut short gives way to its sentence.
    """
    date = format_date(event.date, event.approximate).ljust(DATE_WIDTH)
    segments = [
        Segment("▌", style + match_style) if mark else Segment(" ", style),
        Segment(date, style + date_style),
    ]
    used = 1 + len(date)
    if width >= 40:
        known = event_type(event.type)
        label = known.label if known else _cut(one_line(event.type).upper(), TYPE_WIDTH)
        gap = Segment(" ", badge_gap if badge_gap is not None else style)
        segments.append(gap)
        segments.append(Segment(label.center(TYPE_WIDTH), TYPE_STYLES.get(event.type, _OTHER)))
        segments.append(gap)
        used += 2 + TYPE_WIDTH
    else:
        segments.append(Segment(" ", style))
        used += 1
    match = style + match_style
    if width >= 64:
        column = country_width(width)
        countries = countries_text(event, column, first)
        if via:
            countries = _cut(f"via {one_line(via)}", column)
        pad = " " * max(0, column - cell_len(countries))
        segments.extend(_matched(countries, terms, style + country_style, match))
        segments.append(Segment(pad + " ", style))
        used += column + 1
    starred_style = style + star_style if star_style else style
    if marks and width - used >= 6:
        segments.append(Segment(STAR_MARK if starred else " ", starred_style))
        segments.append(Segment((NOTE_MARK if noted else " ") + " ", style))
        used += 3
    elif starred and width - used >= 4:
        segments.append(Segment(STAR_MARK + " ", starred_style))
        used += 2
    if told > 1 and width - used >= 8:
        sources = f"×{told} "
        segments.append(Segment(sources, style + _TOLD))
        used += len(sources)
    summary = row_summary(event, width - used)
    segments.extend(_matched(summary, terms, style, match))
    used += cell_len(summary)
    if used < width:
        segments.append(Segment(" " * (width - used), style))
    elif used > width:
        return list(Segment.adjust_line_length(segments, width, style))
    return segments


def _sentence_text(event: Event, date_style: Style) -> Text:
    """The evidence sentence, cleaned, with its date mention emphasised."""
    cleaned = CleanMap.build(event.sentence)
    plain = _WHITESPACE.sub(" ", cleaned.text)
    text = Text(plain)
    if event.date_start is not None and event.date_end is not None:
        start, end = cleaned.span(event.date_start - event.start, event.date_end - event.start)
        if 0 <= start < end <= len(plain):
            text.stylize(date_style, start, end)
    return text


#: Lines of a note shown in the detail pane (the editor shows it all).
NOTE_LINES = 3


def note_text(note: str, label_style: Style) -> Text:
    """A note as the detail pane shows it: ``Note:`` and its first lines, cleaned."""
    lines = [one_line(line) for line in note.strip().splitlines()]
    lines = [line for line in lines if line] or [""]
    shown = lines[:NOTE_LINES]
    if len(lines) > NOTE_LINES:
        shown[-1] += " …"
    text = Text(end="")
    text.append("✎ Note: ", label_style)
    text.append("\n        ".join(shown))
    return text


def detail_text(
    event: Event,
    article: Article | None,
    others: int,
    *,
    label_style: Style,
    date_style: Style,
    dim_style: Style,
    appendix: Callable[[Event], Text | None] | None = None,
    starred: bool = False,
    note: str | None = None,
    star_style: Style | None = None,
    via: str | None = None,
) -> Text:
    """The detail pane for one event (``others``: other events in its article).

    When ``starred`` the text begins with ``★``; the ``note``, if any, follows
    the sentence. ``via`` names the regional group the country filter shows
    it through. The article's outlet and address follow its title when known.
    """
    text = Text(end="")
    if starred:
        text.append("★ ", label_style + star_style if star_style else label_style)
    text.append(format_date(event.date, event.approximate), label_style)
    if event.precision:
        text.append(
            f" ({event.precision}{', approximate' if event.approximate else ''})", dim_style
        )
    text.append("  ")
    text.append_text(type_label(event.type, len(_type_name_label(event.type)) + 2))
    text.append("  ")
    inherited = set(event.inherited)
    for n, country in enumerate(event.countries):
        if n:
            text.append(", ")
        text.append(one_line(country), label_style)
        if country in inherited:
            text.append(" (inherited)", dim_style)
    if not event.countries:
        text.append("no country", dim_style)
    if via:
        text.append("  via ", dim_style)
        text.append(one_line(via), label_style)
    text.append("\n")
    text.append_text(_sentence_text(event, date_style))
    text.append("\n")
    if note:
        text.append_text(note_text(note, label_style))
        text.append("\n")
    if article is not None:
        text.append(one_line(article.title) or "(untitled)", label_style)
        text.append(" · ")
        if article.source:
            text.append(one_line(article.source))
            text.append(" · ")
        date = article.date_value
        text.append(date.display() if date else "undated", dim_style)
        text.append(" · ")
        text.append(one_line(article.file), dim_style)
    else:
        text.append(one_line(event.article), dim_style)
    other_word = "event" if others == 1 else "events"
    text.append(f" · {others} other {other_word} in this article", dim_style)
    if article is not None and article.url:
        text.append("\n")
        text.append(one_line(article.url), dim_style)
    if appendix is not None:
        more = appendix(event)
        if more is not None:
            text.append("\n")
            text.append_text(more)
    return text


def wrapped_without_dangling(text: Text, console: Console, width: int) -> Text:
    """``text`` wrapped to ``width``, no line ending in a `` · `` separator: where a line
    breaks after one, the separator is dropped (the break sets the parts apart)."""
    lines = text.wrap(console, width)
    for line in lines:
        plain = line.plain.rstrip()
        if plain.endswith(SEPARATOR):
            line.right_crop(len(line.plain) - len(plain) + len(SEPARATOR))
    return Text("\n", end="").join(lines)
