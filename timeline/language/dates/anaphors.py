"""The anaphor families: dates counted from a date named before them -- ``a year
later``, ``the previous year``, ``that year``, ``nine days later``, ``later that
month``, ``the following week``, ``on the 12th``, ``during the year``.

They are found here as placeholders without a value; :mod:`.link` gives them
their value from the mention before them.
"""

from __future__ import annotations

import re

from timeline.language.dates import grammar as g
from timeline.language.dates.finder import Finder
from timeline.language.dates.mention import PRIORITY_RELATIVE, DateExample
from timeline.language.lexicon import number_value

__all__ = ["EXAMPLES", "find_span_anaphors", "find_year_anaphors"]

EXAMPLES: tuple[DateExample, ...] = (
    DateExample(
        "It began in 2008. A year later it ended.", (("2008", "2008"), ("A year later", "2009"))
    ),
    DateExample(
        "In 2010 cases rose, up from the previous year.",
        (("2010", "2010"), ("the previous year", "2009")),
    ),
    DateExample(
        "The law came in 2008 and that year raids began.", (("2008", "2008"), ("that year", "2008"))
    ),
    DateExample(
        "Talks began on 3 May 2012; nine days later they broke down.",
        (("3 May 2012", "2012-05-03"), ("nine days later", "2012-05-12")),
    ),
    DateExample(
        "It was signed in March 2012 and ratified later that month.",
        (("March 2012", "2012-03"), ("later that month", "2012-03")),
    ),
    DateExample(
        "In March 2012 talks began; on the 12th they ended.",
        (("March 2012", "2012-03"), ("on the 12th", "2012-03-12")),
    ),
    DateExample(
        "In 2018, police investigated 39 cases (69 in 2017). During the year, 18 were convicted.",
        (("2018", "2018"), ("2017", "2017"), ("During the year", "2018")),
    ),
    DateExample(
        "In 2015, 90 cases were handled during the year.",
        (("2015", "2015"), ("during the year", "2015")),
    ),
    DateExample(
        "In its Report 2016 it kept Malaysia on the list, a year after it bumped it up.",
        (("2016", "2016"), ("a year after", "2015")),
    ),
    # Counted from something else, or from nothing.
    DateExample("It came the year before the election.", ()),
    DateExample("It came a year earlier than planned.", ()),
    DateExample("A year later it ended.", (("A year later", None),)),
)


def find_year_anaphors(f: Finder) -> None:
    """``the year before``, ``a year later``, ``that year``."""
    text, low = f.text, f.low
    if len(low) != len(text):  # lower-casing moved offsets: search everywhere
        matches = list(g.ANAPHOR_RE.finditer(text))
    else:
        seen: set[int] = set()
        matches = []
        i = low.find("year")
        while i >= 0:
            f.work += 1
            # A cheap look at the words around "year" before the pattern is tried: every
            # form has one of these words right before "year" or right after "year(s)".
            j = i + 5 if low.startswith("s", i + 4) else i + 4
            before = low[max(0, i - 11) : i].split()
            after = low[j : j + 9].split()
            if (before and before[-1] in g.ANAPHOR_BEFORE) or (
                after and after[0].strip(".,;:!?)") in g.ANAPHOR_AFTER
            ):
                # Every form has "year" at most 20 characters from its start, 14 from its end.
                for m in g.ANAPHOR_RE.finditer(text, max(0, i - 20), min(len(text), i + 20)):
                    if m.start() not in seen:
                        seen.add(m.start())
                        matches.append(m)
            i = low.find("year", i + 4)
    for m in matches:
        offset = _year_offset(f, m)
        if offset is not None:
            f.anaphors[m.span()] = ("year", offset)
            f.add(m.start(), m.end(), PRIORITY_RELATIVE, None, None, True)


def _year_offset(f: Finder, m: re.Match[str]) -> int | None:
    """Years from the year named before for "a year later", "the previous year", "that
    year"; None when the words mean something else ("a year after the war")."""
    text = f.text
    end = m.end()
    if end + 1 < len(text) and text[end] in "-–‐‑" and text[end + 1].isalnum():
        return None  # "that year-long campaign"
    word = (m.group("andir") or m.group("tydir") or m.group("adj") or "").lower()
    following = g.NEXT_WORD_RE.match(text, end)
    after = following.group(1).lower() if following else None
    if word in ("before", "after") and after in g.SUBJECT_PRONOUNS:
        # "kept it on the list, a year after it bumped the country up": what the clause
        # after it tells came a year before the date named before (and "before" after).
        return (-1 if word == "after" else 1) * number_value(m.group("an") or "a")
    if word in ("before", "after") and after and after not in g.ANAPHOR_FOLLOWERS:
        return None  # "the year before the election" counts from the election
    if word in ("earlier", "later") and after == "than":
        return None  # "a year earlier than planned"
    if m.group("that") and after in ("after", "by", "on"):
        return None  # "that year after year"
    if word in ("before", "earlier", "previous", "preceding", "prior"):
        sign = -1
    elif word in ("after", "later", "following"):
        sign = 1
    else:
        return 0
    return sign * number_value(m.group("an") or "a")


def _span_matches(f: Finder) -> list[re.Match[str]]:
    """Matches of the day-and-month anaphor pattern, searched only near its unit words."""
    text, low = f.text, f.low
    if len(low) != len(text):  # lower-casing moved offsets: search everywhere
        return list(g.SPAN_ANAPHOR_RE.finditer(text))
    found: dict[int, re.Match[str]] = {}
    for unit in ("day", "week", "month"):
        i = low.find(unit)
        while i >= 0:
            f.work += 1
            # Every form has its unit word at most 26 characters from its start.
            for m in g.SPAN_ANAPHOR_RE.finditer(text, max(0, i - 26), min(len(text), i + 16)):
                found.setdefault(m.start(), m)
            i = low.find(unit, i + len(unit))
    return [found[k] for k in sorted(found)]


def find_span_anaphors(f: Finder) -> None:
    """``nine days later``, ``later that month``, ``the following week``, ``on the 12th``,
    ``during the year``, ``during the same period``."""
    text = f.text
    for m in _span_matches(f):
        end = m.end()
        if end + 1 < len(text) and text[end] in "-–‐‑" and text[end + 1].isalnum():
            continue  # "a day-long meeting"
        following = g.NEXT_WORD_RE.match(text, end)
        after = following.group(1).lower() if following else None
        direction = (m.group("dir") or m.group("adj") or "").lower()
        if direction in ("after", "before") and after and after not in g.ANAPHOR_FOLLOWERS:
            continue  # "two days after the raid" counts from the raid
        if direction in ("earlier", "later") and after == "than":
            continue
        unit = (m.group("unit") or m.group("unit2") or m.group("same")).lower()
        if m.group("same"):
            n = 0
        else:
            n = number_value(m.group("n") or "a")
            if direction in ("earlier", "before", "previous", "preceding", "prior"):
                n = -n
        if unit == "week":
            unit, n = "day", 7 * n
        f.anaphors[m.span()] = (unit, n)
        f.add(m.start(), end, PRIORITY_RELATIVE, None, None, True)
    if g.ORDINAL_RE.search(text):  # cheap: most texts have no "12th"
        for m in g.DAY_OF_MONTH_RE.finditer(text):
            f.work += 1
            f.anaphors[m.span()] = ("day of month", int(m.group("d")))
            f.add(m.start(), m.end(), PRIORITY_RELATIVE, None, None, True)
    if "same" in f.low:
        for m in g.SAME_PERIOD_RE.finditer(text):
            f.work += 1
            f.anaphors[m.span()] = ("the year", 0)
            f.add(m.start(), m.end(), PRIORITY_RELATIVE, None, None, True)
    if "the year" in f.low:
        for m in g.THE_YEAR_RE.finditer(text):
            f.work += 1
            if m.group("now") and f.ref is not None:
                value, prec = f.relative(f.ref, "year")
                f.add(m.start(), m.end(), PRIORITY_RELATIVE, value, prec, True)
                continue
            f.anaphors[m.span()] = ("the year", 0)
            f.add(m.start(), m.end(), PRIORITY_RELATIVE, None, None, True)
