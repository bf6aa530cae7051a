"""Which of a sentence's date mentions date its events, and the article's reference date.

A sentence names dates for many reasons: when something happened, the period
a plan covers, when a statement was made, the baseline of a comparison, the
year in a law's name. :func:`event_dates` keeps the ones that date what the
sentence reports.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from timeline.extraction.summary import comparison_summary
from timeline.language.dates import DateMention
from timeline.language.lexicon import SPEECH_VERBS, alternation, number_word_pattern
from timeline.model import Article, Precision, precision_of

__all__ = ["SentenceDates", "article_reference", "event_dates", "figure_summary", "sentence_dates"]


def article_reference(article: Article) -> tuple[dt.date | None, Precision]:
    """The article date as a calendar date and its precision, to anchor relative dates."""
    if not article.date:
        return None, "day"
    parts = [int(p) for p in article.date.split("-")]
    while len(parts) < 3:
        parts.append(1)
    try:
        return dt.date(*parts), article.precision or precision_of(article.date)
    except ValueError:
        return None, "day"


_RANGE_JOIN = re.compile(r"\s*(?:[-–—/]|to|and|until|till|through|thru)\s*", re.I)
# What opens a range: "from 2008 to 2009", "between ...", "scheduled for 2008 to 2010".
_RANGE_OPEN = re.compile(r"(?i)\b(?:from|between|for|covering|spanning)\s+$")
# A year range that is a plan's period of validity, not when anything happened:
# "the action plan for 2022-2026", "a plan covering 2021-2025", "its 2016-2020 strategy".
_PERIOD_BEFORE = re.compile(
    r"(?i)\b(?:for|covering|spanning|period|years|of)\s+(?:the\s+)?(?:period\s+|years?\s+)?$|"
    # "The National Strategic Plan for Combatting Human Trafficking (2024-2028)", "a 5-year
    # programme, to be carried out from 2011 to 2015"
    r"\b(?:plans?|strateg(?:y|ies)|programmes?|programs?|roadmap|framework)\b[^.;()]{0,60}"
    r"(?:\(|\b(?:from|for|during|over))\s*$"
)
_PERIOD_AFTER = re.compile(
    r"(?i)^\s*(?:national\s+|action\s+|strategic\s+|five-year\s+)*"
    r"(?:plans?|strateg(?:y|ies)|programmes?|programs?|period|roadmap|framework)\b"
)
# A date that only says when something was said: "..., a spokesman said Monday.", "according
# to figures published in state-run media on Saturday, ... 120 cases in 2015".
_SPEECH_BEFORE = re.compile(
    rf"(?i)\b(?:{alternation(set(SPEECH_VERBS) - {'told'})}|told\s+(?:[\w-]+\s+){{0,3}}?|"
    r"(?:statement|release|remarks?|comments?)\s+(?:issued|released|published|made|posted)?|"
    r"according\s+to\s+(?:[\w-]+\s+){0,3}?(?:figures|data|statistics|numbers|reports?)\s+"
    r"(?:published|released|issued|posted|made\s+public)(?:\s+(?!on\b)[\w-]+){0,8}?)"
    r"\s+(?:on\s+)?$"
)


# Where a running total starts: "since January", "since the start of 2019".
_SINCE_BEFORE = re.compile(r"(?i)\bsince\s+(?:the\s+(?:start|beginning)\s+of\s+)?$")
# A comparison's baseline: "down 14.9 percent from [the previous year]", "four times the
# number filed [the previous year]", "compared with [2018]", "an increase in convictions over
# [the prior year]", "an increase of 12 cases over the start of [2023]" (no figure of its own
# between).
_COMPARED = (
    r"(?:increas|decreas|rise|rising|rose|declin|drop|fall|fell|jump|grow|grew|gain|reduc|up|down)"
)
_BASELINE_BEFORE = re.compile(
    r"(?i)\b(?:times|compared\s+(?:with|to)|than|(?:up|down)\s+from)\b[^\d,;.]{0,40}$|"
    r"(?:\b(?:percent|per\s*cent)\b|%)[^\d,;.]{0,30}?\b(?:from|than|over|on)\s+[^\d,;.]{0,30}$|"
    rf"\b{_COMPARED}\w*\b[^,;.]{{0,40}}?\bover\s+(?:the\s+)?(?:(?:start|beginning|end|first|"
    r"same\s+period)\s+(?:\w+\s+)?(?:of|in)\s+)?(?:the\s+)?$"
)
# A baseline with a figure of its own: "up from THB 3.2 billion (...) in [2017]", "down from 982
# in [2015]", "a rise from only 155 cases in [2020]", "compared to 100 in [2016]": a figure
# of that year, beside the sentence's own figure.
_FIGURE_BASELINE_BEFORE = re.compile(
    rf"(?i)\b(?:{_COMPARED}\w*\s+from|compared\s+(?:with|to))\s+[^;]{{0,80}}?\d[^;]{{0,80}}?"
    r"\b(?:in|during|for)\s+(?:the\s+(?:whole\s+|same\s+period\s+(?:of|in)\s+)?)?$"
    # a figure's earlier years in an aside: "39 incidents ([69 in] 2017)", "(13 cases in 2017,
    # [11 in] 2016)", "(convictions in [eight cases in] 2017, ...)"
    rf"|\([^()\n]{{0,40}}?\b(?:\d|(?:{number_word_pattern(90, article=False)})\b)[^()\n]{{0,60}}?"
    r"\b(?:in|during|for)\s+$"
)
_NUMBER = re.compile(r"\d")
# What every baseline needs somewhere before it (checked first: most sentences have none).
_COMPARISON_HINT = re.compile(r"(?i)\b(?:from|over|than|compared|times|per\s*cent)\b|%|\(")
# A year in a law's name: "the Act of [2012]", "Human Trafficking Act [2012]", "Law No. 21
# of [2007]".
_NAME_YEAR_BEFORE = re.compile(
    r"\b(?:Act|Law|Code|Decree|Ordinance|Proclamation)\s*,?\s*(?:No\.?\s*[\w/-]+\s+)?"
    r"(?:of\s+)?$|\bNo\.?\s*[\w/-]+\s+of\s+$"
)
# A year naming a law or treaty: "the 2008 Anti-Trafficking Act", "the 2014 Protocol".
_NAME_YEAR_AFTER = re.compile(
    r"(?:\s+[A-Z][\w’'-]*){0,6}\s+(?:Act|Law|Protocol|Convention|Decree|Code)\b"
)
# What tells a law's own making: then its year dates the sentence ("the 2008 law took effect").
_ENACTED = re.compile(
    r"(?i)\b(?:adopt\w*|pass(?:ed|es|ing)|enact\w*|promulgat\w*|sign(?:ed|s|ing)|ratif\w*|"
    r"approv\w*|took\s+effect|t[ao]kes?\s+effect|c[ao]me\s+into|enter(?:ed|s)\s+into)\b"
)


def _names_a_law(text: str, m: DateMention) -> bool:
    """True when the year ``m`` is part of a law's or treaty's name."""
    return bool(
        _NAME_YEAR_BEFORE.search(text, max(0, m.start - 30), m.start)
        or _NAME_YEAR_AFTER.match(text, m.end)
    )


#: How near a finer date must stand to a coarse one to say more about the same happening.
_REFINE_CHARS = 60
#: How near its start a date must stand to date the whole sentence ("On Monday, June 14th,
#: ...", "KUALA LUMPUR, Jun 29 — ...").
_OPENING_CHARS = 40
# A year naming a publication: "the 2010 Trafficking in Persons Report", "its 2018 report",
# "the TIP report for 2018", "Index 2019".
_PUBLICATION_AFTER = re.compile(
    r"(?i)(?:\s+[\w()’'-]+){0,5}?\s+(?:report|index|survey|yearbook|edition|ranking)s?\b"
)
_PUBLICATION_BEFORE = re.compile(
    r"(?i)\b(?:report|index|survey|yearbook|edition|ranking)s?\s+(?:for\s+|of\s+)?$"
)


def _names_a_publication(text: str, m: DateMention) -> bool:
    """True when the year ``m`` names a publication's edition ("its 2018 report")."""
    return m.precision == "year" and bool(
        _PUBLICATION_AFTER.match(text, m.end)
        or _PUBLICATION_BEFORE.search(text, max(0, m.start - 20), m.start)
    )


# What tells the day a publication came out: "released by the United States Department of
# State on [27 July 2015]", "published on [Monday]", "issued in [June]".
_RELEASED_BEFORE = re.compile(
    r"(?i)\b(?:released|published|issued|unveiled|launched|made\s+public|came\s+out)\b"
    r"[^.;]{0,60}?\b(?:on|in)\s+(?:the\s+)?$"
)


def _is_release_day(text: str, f: DateMention) -> bool:
    """True when ``f`` is told as the day something came out (the edition's release)."""
    return bool(_RELEASED_BEFORE.search(text, max(0, f.start - 90), f.start))


def _within(a: DateMention, b: DateMention, chars: int) -> bool:
    """True when fewer than ``chars`` characters stand between two mentions."""
    return b.start - a.end <= chars and a.start - b.end <= chars


def _mention(start: int, end: int, text: str, value: str, relative: bool) -> DateMention:
    return DateMention(start, end, text[start:end], value, precision_of(value), relative)


def _is_range(text: str, a: DateMention, b: DateMention) -> bool:
    """True when two date mentions are the two ends of one range ("from X to Y", "X-Y")."""
    if _RANGE_JOIN.fullmatch(text, a.end, b.start) is None:
        return False
    between = text[a.end : b.start]
    return bool(_RANGE_OPEN.search(text, 0, a.start)) or any(d in between for d in "-–—/")


_FROM_BEFORE = re.compile(r"(?i)\bfrom\s+$")


def _is_span(text: str, a: DateMention, b: DateMention) -> bool:
    """True when a range (:func:`_is_range`) of years is one span something went on for
    ("from 2006 to 2013, police uncovered 999 cases"), not two years each with its own
    happening ("from 2012 and 2013", "2012/2013")."""
    return text[a.end : b.start].strip().lower() not in ("and", "/") and bool(
        _FROM_BEFORE.search(text, max(0, a.start - 10), a.start)
    )


def _is_period(text: str, a: DateMention, b: DateMention) -> bool:
    """True when a range of years is a plan's period of validity ("the plan for 2022-2026")."""
    return bool(
        _PERIOD_BEFORE.search(text, max(0, a.start - 80), a.start)
        or _PERIOD_AFTER.match(text, b.end)
    )


#: How many days a range of days must span to be a period a text covers, not a happening's.
_COVERED_DAYS = 300


def _is_covered_period(a: DateMention, b: DateMention) -> bool:
    """True when a range of days is a reporting year ("efforts from April 1, 2015 to March 31,
    2016"): a span a report or a figure covers, not the days anything happened on."""
    if a.precision != "day" or b.precision != "day":
        return False
    first, last = dt.date.fromisoformat(a.value), dt.date.fromisoformat(b.value)  # type: ignore[arg-type]
    return (last - first).days >= _COVERED_DAYS


def _baseline(text: str, m: DateMention) -> str | None:
    """``"bare"`` for a comparison's baseline without a figure of its own ("down 14.9
    percent from the previous year"), ``"figure"`` for one with its own figure ("up from 3.2
    billion in 2017"), else None."""
    if _BASELINE_BEFORE.search(text, max(0, m.start - 60), m.start):
        return "bare"
    if _FIGURE_BASELINE_BEFORE.search(text, max(0, m.start - 170), m.start):
        return "figure"
    return None


def figure_summary(text: str, offset: int, m: DateMention, lead: int) -> str | None:
    """The summary of the figure of a comparison's baseline ``m`` dates ("... tripled to
    36, [up from 11 in the 2009 assessment]": :func:`comparison_summary`), or None when
    ``m`` dates no such baseline. ``text`` is the sentence, starting at ``offset``."""
    at = m.start - offset
    found = _FIGURE_BASELINE_BEFORE.search(text, max(0, at - 170), at)
    if found is None or found.start() <= lead:
        return None
    return comparison_summary(text, lead, found.start(), m.end - offset)


class SentenceDates(NamedTuple):
    """What dates a sentence: the mentions that date its events, and whether its main
    happening has no date of its own besides ("18 cases led to convictions, a decline from 44
    convictions in 2012": the 18 are of the time the story tells, not of 2012)."""

    mentions: list[DateMention]
    undated_main: bool = False


def sentence_dates(
    text: str, s_start: int, mentions: list[DateMention], *, spans: bool = True
) -> SentenceDates:
    """:func:`event_dates`, and whether the main happening is dated by none of them.

    When every date of a sentence is a comparison's baseline, the baselines
    without a figure of their own date nothing and those with one date only
    their own figure: the sentence's main happening takes the date of the
    story around it.
    """
    local = [m for m in mentions if m.value]
    found = event_dates(text, s_start, mentions, spans=spans)
    if not local or not _COMPARISON_HINT.search(text):
        return SentenceDates(found)
    kinds = [_baseline(text, m) for m in local]
    if not all(kinds):
        return SentenceDates(found)
    openings = [
        _FIGURE_BASELINE_BEFORE.search(text, max(0, m.start - 170), m.start)
        or _BASELINE_BEFORE.search(text, max(0, m.start - 60), m.start)
        for m in local
    ]
    first = min(found.start() for found in openings if found is not None)
    if "figure" in kinds and _NUMBER.search(text, 0, first) is None:
        return SentenceDates(found)  # "Cases rose from 100 in 2015": the figure is 2015's
    kept = [m for m in found if _baseline(text, m.shifted(-s_start)) == "figure"]
    return SentenceDates(kept, True)


def event_dates(
    text: str, s_start: int, mentions: list[DateMention], *, spans: bool = True
) -> list[DateMention]:
    """The date mentions of a sentence that date its events.

    Ranges within one year ("from January to June 2021") become that year;
    a range whose start resolved after its end ("between January and
    December" read in March) takes the end's year; a plan's period of
    validity ("the plan for 2022-2026") and a date that only says when
    something was said ("officials said Monday") are dropped when they are
    not alone, a coarse date refined by a finer one in the same sentence
    ("the 2021 report, released on 1 July 2021") gives way to it. ("That
    year" is resolved by :func:`timeline.dates.find_dates` itself.)
    """
    resolved = [m for m in mentions if m.value]
    out: list[DateMention] = []
    i = 0
    while i < len(resolved):
        a = resolved[i]
        b = resolved[i + 1] if i + 1 < len(resolved) else None
        if b is None or not _is_range(text, a, b):
            out.append(a)
            i += 1
            continue
        i += 2
        if a.precision == b.precision == "year":
            if _is_period(text, a, b):
                continue
            if spans and _is_span(text, a, b):
                # "from 2006 to 2013, police uncovered 999 cases": one figure, dated by when
                # its span began (a ranking keeps both: a report a year).
                out.append(_mention(a.start, b.end, text, a.value, a.relative))
            else:
                out += [a, b]  # "between 2012 and 2023": an event for each end
            continue
        if a.precision == "year" or b.precision == "year" or a.value == b.value:
            out += [a, b]
            continue
        if _is_covered_period(a, b):
            continue  # "this year's rankings are based on efforts from April 1, 2015 to ..."
        # "from January to June 2021": one year. "between January and December" read in
        # March, or "from January to June 2021" read in 2012: the start's year was guessed,
        # the range lies in the end's year.
        same_year = a.value[:4] == b.value[:4]
        if same_year or a.value > b.value or (a.relative and not b.relative):
            out.append(_mention(a.start, b.end, text, b.value[:4], b.relative))
        else:
            out += [a, b]
    if len(out) > 1:
        spoken = [m for m in out if _SPEECH_BEFORE.search(text, max(0, m.start - 100), m.start)]
        since = [m for m in out if _SINCE_BEFORE.search(text, max(0, m.start - 30), m.start)]
        if spoken and len(spoken) + len(since) == len(out):
            # "said on Monday that 301 had been trapped since January": a running total, as
            # of the day it was given.
            out = [m for m in out if m not in since]
        elif len(spoken) < len(out):
            out = [m for m in out if m not in spoken]
    if len(out) > 1:
        # "207 cases in 2015, four times the number filed the previous year", "the Act of
        # 2012, signed in February 2013": a baseline without a figure of its own and a year
        # in a law's name date nothing beside the sentence's other dates.
        compares = _COMPARISON_HINT.search(text) is not None
        aside = [
            m for m in out if (compares and _baseline(text, m) == "bare") or _names_a_law(text, m)
        ]
        if len(aside) < len(out):
            out = [m for m in out if m not in aside]
    if len(out) == 1 and _names_a_law(text, out[0]) and not _ENACTED.search(text):
        # "Most face charges under the Anti-Trafficking in Persons Act of 2008": the law's
        # year, alone, does not date a sentence about something else.
        out = []
    if len(out) > 1:
        # The finer date must be near: "the 2021 report, released on 1 July 2021" is one
        # happening; "downgraded in the 2021 report ... launched a plan in March 2021" two.
        # A year naming a publication gives way to the finer date that opens the sentence
        # ("On Monday, June 14th, ... announced the release of the 2010 TIP Report") or
        # tells its release ("the 2015 TIP Report, released ... on 27 July 2015").
        out = [
            m
            for m in out
            if not any(
                f.value.startswith(m.value + "-")
                and (
                    m.relative  # "over the past year"
                    or _within(m, f, _REFINE_CHARS)
                    or (
                        _names_a_publication(text, m)
                        and (f.start <= _OPENING_CHARS or _is_release_day(text, f))
                    )
                )
                for f in out
            )
        ]
    return [m.shifted(s_start) for m in out]
