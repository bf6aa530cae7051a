"""The number families: numeric dates (``2019-02-11``, ``13/07/2005``) and years in
context (``in 2012``, ``the 2009 assessment``, ``2008–2009``, ``as early as 2005``)."""

from __future__ import annotations

import datetime as _dt
from functools import lru_cache

from timeline.language.dates import grammar as g
from timeline.language.dates.finder import (
    Finder,
    bad_after,
    bad_before,
    count_after_year,
    next_word,
    prev_tokens,
)
from timeline.language.dates.mention import (
    PRIORITY_ABSOLUTE,
    PRIORITY_BARE,
    DateExample,
    iso,
    valid_day,
)
from timeline.language.lexicon import weekday_number

__all__ = [
    "NUMERIC_EXAMPLES",
    "YEAR_EXAMPLES",
    "find_numeric_dates",
    "find_years",
    "numeric_date_order",
]

NUMERIC_EXAMPLES: tuple[DateExample, ...] = (
    DateExample("Updated 2019-02-11 10:30", (("2019-02-11", "2019-02-11"),)),
    DateExample("Updated 2019-02-11T10:30:00Z", (("2019-02-11", "2019-02-11"),)),
    DateExample("Filed 13/07/2005 in court", (("13/07/2005", "2005-07-13"),)),
    DateExample("Filed 07/13/2005 in court", (("07/13/2005", "2005-07-13"),)),
    DateExample("Filed 07/07/2005 in court", (("07/07/2005", "2005-07-07"),)),
    DateExample("Filed 13.07.2005 in court", (("13.07.2005", "2005-07-13"),)),
    DateExample("Dated 08.01.2020 by the clerk", (("08.01.2020", "2020-01-08"),)),
    DateExample("Stamped 2019-02-30 by mistake.", (("2019-02-30", "2019-02"),)),
    # A weekday before an ambiguous date tells its order: 3 July 2015 was a Friday.
    DateExample("Fri, 07/03/2015 - 14:26", (("07/03/2015", "2015-07-03"),)),
    DateExample("Sat, 07/03/2015 - 14:26", (("07/03/2015", "2015-03-07"),)),
    # Not dates: an ambiguous order, a version number, a code.
    DateExample("Filed 05/07/2005 in court", ()),
    DateExample("version 1.2.2010 released", ()),
    DateExample("In 12/2010/45 it says", ()),
)

YEAR_EXAMPLES: tuple[DateExample, ...] = (
    DateExample("959 cases were reported in 2012.", (("2012", "2012"),)),
    DateExample("It was up from 11 in the 2009 assessment.", (("2009", "2009"),)),
    DateExample("A 2005 report from the ILO said so.", (("2005", "2005"),)),
    DateExample("Cambodia's 2010 budget grew.", (("2010", "2010"),)),
    DateExample("It must be ratified by the end of 2015.", (("2015", "2015"),)),
    DateExample("Figures for 2008–2009 rose.", (("2008", "2008"), ("2009", "2009"))),
    DateExample("It happened in 2011 and 2012.", (("2011", "2011"), ("2012", "2012"))),
    DateExample("Talks stalled in mid-2012.", (("mid-2012", "2012"),)),
    DateExample("They knew as early as 2005.", (("2005", "2005"),)),
    DateExample("It spent 2007 and 2008 on the list.", (("2007", "2007"), ("2008", "2008"))),
    DateExample("It sat there in both 2019 and 2020.", (("2019", "2019"), ("2020", "2020"))),
    DateExample("2012's figures were worse.", (("2012", "2012"),)),
    DateExample("In its TIP report 2016, it kept Malaysia.", (("2016", "2016"),)),
    DateExample("The U.S. 2011 Annual Report put it on the list.", (("2011", "2011"),)),
    DateExample(
        "Leaders at the 18th Asean Summit in Indonesia, 2011, agreed.", (("2011", "2011"),)
    ),
    DateExample(
        "The summits were held in Nay Pyi Taw, 2014 and 2015.",
        (("2014", "2014"), ("2015", "2015")),
    ),
    # Not years: counts, amounts, codes, decades, out of range.
    DateExample("Police rescued 2012 people.", ()),
    DateExample("They spent 2000 hours on it.", ()),
    DateExample("It cost $2012 in all.", ()),
    DateExample("Call 2012 4455 for help.", ()),
    DateExample("Resolution 2012 was adopted.", ()),
    DateExample("In the 1990s the trade grew.", ()),
    DateExample("between 2000 and 3000 workers left", ()),
    DateExample("20 percent of 2000 respondents agreed", ()),
    DateExample("It was founded in 1850.", ()),
    DateExample("The report 2000 workers signed was ignored.", ()),
    DateExample("Police questioned 2011 people for the report.", ()),
    DateExample("In Bangkok, 2000 workers marched.", ()),
    DateExample("Talks in Hanoi, 2012 officials said, went well.", ()),
    DateExample("It plans to ratify the Work in Fishing Convention, 2007 (No. 188).", ()),
)


def find_numeric_dates(f: Finder) -> None:
    """``2019-02-11``, ``13/07/2005`` (only where day and month cannot be swapped)."""
    text = f.text
    for m in g.NUMERIC_RE.finditer(text):
        f.work += 1
        start, end = m.span()
        if bad_before(text, start) or (not text.startswith("T", end) and bad_after(text, end)):
            continue
        first, separator, middle, last = m.groups()
        if len(first) == 4 and len(last) <= 2:
            year, month, day = int(first), int(middle), int(last)
        elif len(first) <= 2 and len(last) == 4:
            a, b, year = int(first), int(middle), int(last)
            order = (
                _shown_order(first, separator, middle)
                or ("mdy" if a == b else f.order)
                or _weekday_order(text, start, a, b, year)
            )
            if order == "dmy":
                day, month = a, b
            elif order == "mdy":
                month, day = a, b
            else:
                continue
        else:
            continue
        if not (1900 <= year <= 2099 and 1 <= month <= 12 and 1 <= day <= 31):
            continue
        if valid_day(year, month, day):
            f.add(start, end, PRIORITY_ABSOLUTE, iso(year, month, day), "day", False)
        else:
            f.add(
                start, end, PRIORITY_ABSOLUTE, iso(year, month, precision="month"), "month", False
            )


def _weekday_order(text: str, start: int, a: int, b: int, year: int) -> str | None:
    """The order a weekday written before an ambiguous numeric date shows: "Fri, 07/03/2015"
    is 3 July (a Friday), not 7 March (a Saturday)."""
    m = g.WEEKDAY_BEFORE_RE.search(text, max(0, start - 16), start)
    if m is None:
        return None
    wanted = weekday_number(m.group().strip(" ,.\t\n"))
    fits = [
        order
        for order, (month, day) in (("mdy", (a, b)), ("dmy", (b, a)))
        if 1 <= month <= 12
        and valid_day(year, month, day)
        and _dt.date(year, month, day).weekday() == wanted
    ]
    return fits[0] if len(fits) == 1 else None


def find_years(f: Finder) -> None:
    """Bare years with year context, ranges and lists of years."""
    text = f.text
    last_end = -1  # end of the last accepted year, for lists ("in 2011 and 2012")
    skip_to = -1
    for m in g.YEAR_RE.finditer(text):
        f.work += 1
        start, end = m.span()
        if start < skip_to or (
            start and (text[start - 1].isalnum() or text[start - 1] in "_$€£¥₹")
        ):
            continue
        year = int(m.group())
        before = prev_tokens(text, start)
        prev = before[-1][0].lower() if before else ""
        if prev in g.CODE_WORDS:
            continue
        strong = prev in g.YEAR_PREPS and prev not in g.WEAK_YEAR_PREPS
        tail = g.RANGE_TAIL_RE.match(text, end)
        if tail and not bad_before(text, start) and not bad_after(text, tail.end()):
            second = _range_end(year, tail.group(1), tail.group(2))
            if second is not None and not count_after_year(text, tail.end(), year, strong):
                f.add(start, end, PRIORITY_BARE, str(year), "year", False)
                f.add(tail.start(2), tail.end(), PRIORITY_BARE, str(second), "year", False)
                last_end = skip_to = tail.end()
                continue
        span_start = _year_context(f, start, end, before, last_end)
        if span_start is None:
            continue
        if bad_after(text, end) and not g.POSSESSIVE_RE.match(text, end):
            continue
        if count_after_year(text, end, year, strong) or _counted(f, end, prev):
            continue
        f.add(span_start, end, PRIORITY_BARE, str(year), "year", False)
        last_end = end


def _counted(f: Finder, end: int, prev: str) -> bool:
    """Whether the words after a year-like number show it to be a count after all."""
    text = f.text
    if prev not in g.WEAK_YEAR_PREPS:
        return False
    partner = g.NUMBER_PARTNER_RE.match(text, end)
    if partner and not g.YEAR_RE.fullmatch(partner.group(1)):
        return True  # "between 2000 and 3000 workers"
    following = next_word(text, end)
    # "20 percent of 2000 respondents": a plural noun right after the number.
    return bool(
        prev in ("of", "around")
        and following
        and following.islower()
        and len(following) > 3
        and following.endswith("s")
        and not following.endswith("ss")
    )


def _range_end(first: int, sep: str, part: str) -> int | None:
    """The second year of ``2008-09``/``2008–2009``/``2012/13``, or None if not a range."""
    if len(part) == 2:
        second = first - first % 100 + int(part)
        if second <= first:
            second += 100
    else:
        second = int(part)
    if not first < second <= 2099:
        return None
    if sep == "/" and second != first + 1:
        return None
    return second if second - first <= 30 else None


def _year_context(f: Finder, start: int, end: int, before, last_end: int) -> int | None:
    """Where the mention starts if the context makes this number a year, else None."""
    text = f.text
    if g.POSSESSIVE_RE.match(text, end) and not bad_before(text, start):
        return start
    if start > 0 and text[start - 1] in "-–‐‑":
        # mid-2012, pre-2010, post-2008 (the prefix is part of the mention for mid-).
        if len(before) >= 2 and before[-1][1] == start - 1:
            word = before[-2][0].lower()
            if word in ("mid", "pre", "post") and before[-2][1] + len(word) == start - 1:
                return before[-2][1] if word == "mid" else start
        return None
    if bad_before(text, start):
        return None
    if last_end >= 0 and g.LIST_GAP.fullmatch(text, last_end, start):
        return start
    if g.PUBLICATION_AFTER_YEAR_RE.match(text, end):
        return start  # "The U.S. 2011 Annual Report", "its 2018 trafficking in persons report"
    if not before:
        return None
    prev, prev_start = before[-1]
    low = prev.lower()
    if low in ("early", "late", "mid"):
        return prev_start
    if low in g.YEAR_PREPS or low in g.DETERMINERS or low in g.PUBLICATIONS:
        return start
    if low == "," and g.PLACE_BEFORE_YEAR_RE.search(text, max(0, start - 80), start):
        return start  # "the 18th Asean Summit in Indonesia, 2011"
    if low == "as" and len(before) >= 3 and before[-3][0].lower() == "as":
        return start  # "as early as 2005", "as recently as 2019"
    if low == "s" and len(before) >= 2 and before[-2][0] in "'’":
        return start  # Cambodia's 2010 budget
    # the annual 2010 report, its new annual 2010 budget
    for n, (tok, _) in enumerate(reversed(before)):
        if tok.lower() in g.DETERMINERS and n:
            return start
        if not (tok.isalpha() and tok.islower()) or n == 2:
            return None
    return None


@lru_cache(maxsize=2)  # the article being read (texts may be large)
def numeric_date_order(text: str) -> str | None:
    """``"dmy"`` or ``"mdy"``: the order the unambiguous numeric dates of ``text`` use.

    A page that writes ``13/05/2016`` somewhere writes ``12/05/2016`` day
    first too. None when the text has no such date, or has both orders.
    """
    orders = set()
    for m in g.NUMERIC_RE.finditer(text):
        first, separator, middle, last = m.groups()
        if len(first) > 2 or len(last) != 4:
            continue
        if not (1 <= int(first) <= 31 and 1 <= int(middle) <= 31):
            continue
        shown = _shown_order(first, separator, middle)
        if shown is not None:
            orders.add(shown)
    return orders.pop() if len(orders) == 1 else None


def _shown_order(first: str, separator: str, middle: str) -> str | None:
    """The order a numeric date's first two parts show by themselves: ``"dmy"`` for
    ``13/05``, or for two-digit parts joined by dots (``08.01``, the day-first
    convention); ``"mdy"`` for ``05/13``; None when they could be either."""
    a, b = int(first), int(middle)
    if a > 12 >= b or (separator == "." and len(first) == len(middle) == 2 and b <= 12):
        return "dmy"
    if b > 12 >= a:
        return "mdy"
    return None
