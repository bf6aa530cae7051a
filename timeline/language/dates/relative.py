"""The relative families: ``last year``, ``two years ago``, ``this week``, ``yesterday``,
and weekdays (``Friday``, ``last Friday``, ``on Friday``), counted from the reference."""

from __future__ import annotations

import datetime as _dt
import re

from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

from timeline.language.dates import grammar as g
from timeline.language.dates.finder import Finder, prev_tokens
from timeline.language.dates.mention import PRIORITY_RELATIVE, DateExample
from timeline.language.lexicon import MONTH_PREFIXES, WEEKDAYS, number_value
from timeline.model import Precision

__all__ = ["RELATIVE_EXAMPLES", "WEEKDAY_EXAMPLES", "find_relative", "find_weekdays"]

_WEEKDAY_STEPS = dict(zip(WEEKDAYS, (MO, TU, WE, TH, FR, SA, SU), strict=True))

RELATIVE_EXAMPLES: tuple[DateExample, ...] = (
    DateExample("The law was passed last year.", (("last year", "2012"),)),
    DateExample("It was formed two years ago.", (("two years ago", "2011"),)),
    DateExample("Cases rose over the past year.", (("the past year", "2013"),)),
    DateExample("It plans to act this year.", (("this year", "2013"),)),
    DateExample("They met last month.", (("last month", "2013-05"),)),
    DateExample("Police said yesterday that 12 were held.", (("yesterday", "2013-06-24"),)),
    DateExample("The report is out today.", (("today", "2013-06-25"),)),
    DateExample("It happened last year.", (("last year", None),), reference=None),
    # Not dates: a newspaper's name, "nowadays".
    DateExample("USA Today reported the raid.", ()),
    DateExample("In today's world trafficking is global.", ()),
)

WEEKDAY_EXAMPLES: tuple[DateExample, ...] = (
    DateExample("Police raided the bar on Friday.", (("Friday", "2013-06-21"),)),
    DateExample("Officials met last Monday.", (("last Monday", "2013-06-24"),)),
    DateExample("They will meet on Friday.", (("Friday", "2013-06-28"),)),
    DateExample(
        "The report will be released on Friday.", (("Friday", "2013-03-22"),), "2013-03-22"
    ),
    DateExample("The talks open next Tuesday.", (("next Tuesday", "2013-07-02"),)),
    DateExample("With Sunday's group, 300 have returned.", (("Sunday", "2013-06-23"),)),
    # Not dates: feasts and names, habits.
    DateExample("Shops close on Good Friday.", ()),
    DateExample("Markets open every Monday.", ()),
)


def find_relative(f: Finder) -> None:
    """``last year``, ``two years ago``, ``the past year``, ``this week``, ``yesterday``."""
    for m in _relative_matches(f):
        f.work += 1
        start, end = m.span()
        d: _dt.date | None
        prec: Precision
        if m.group("agou"):
            d, prec = _offset(f, m.group("agou").lower(), -number_value(m.group("n")))
        elif m.group("twelve"):
            d, prec = f.shift(), "year"
        elif m.group("spanu"):
            unit = m.group("spanu").lower()
            d, prec = f.shift(), "year" if unit == "year" else "month"
        elif m.group("thisu"):
            unit = m.group("thisu").lower()
            prec = "year" if unit == "year" else "month" if unit in ("month", "week") else "day"
            d = f.shift()
        elif m.group("lnu"):
            step = -1 if m.group("lnw").lower() == "last" else 1
            d, prec = _offset(f, m.group("lnu").lower(), step)
        elif m.group("night"):
            d, prec = f.shift(days=-1), "day"
        else:
            word = m.group("dw")
            if word.lower() == "today" and not _today_is_date(f, start, end):
                continue
            step = {"yesterday": -1, "tomorrow": 1}.get(word.lower(), 0)
            d, prec = f.shift(days=step), "day"
        value, prec2 = f.relative(d, prec)
        f.add(start, end, PRIORITY_RELATIVE, value, prec2, True)


def _relative_matches(f: Finder) -> list[re.Match[str]]:
    """Matches of the relative-expression pattern, searched only near its anchor words."""
    text, low = f.text, f.low
    if len(low) != len(text):  # lower-casing moved offsets: search everywhere
        return list(g.REL_RE.finditer(text))
    windows: list[tuple[int, int]] = []
    for word in g.REL_ANCHORS:
        i = low.find(word)
        while i >= 0:
            f.work += 1
            windows.append((max(0, i - 40), min(len(text), i + len(word) + 16)))
            i = low.find(word, i + 1)
    windows.sort()
    found: list[re.Match[str]] = []
    lo = hi = -1
    for w_lo, w_hi in [*windows, (len(text) + 1, 0)]:
        if w_lo > hi:
            if hi > lo:
                found.extend(g.REL_RE.finditer(text, lo, hi))
            lo, hi = w_lo, w_hi
        else:
            hi = max(hi, w_hi)
    return found


def _offset(f: Finder, unit: str, n: int) -> tuple[_dt.date | None, Precision]:
    """The reference moved by ``n`` units, with the precision that unit supports."""
    if unit == "year":
        return f.shift(years=n), "year"
    if unit == "month":
        return f.shift(months=n), "month"
    if unit == "week":
        return f.shift(days=7 * n), "month"
    return f.shift(days=n), "day"


def _today_is_date(f: Finder, start: int, end: int) -> bool:
    """False for names (``USA Today``) and for "nowadays" (``today's world``)."""
    text = f.text
    if text[start].isupper():
        before = prev_tokens(text, start, 1)
        if before and before[0][0][0].isupper() and before[0][0].isalpha():
            return False
    m = g.GENERIC_AFTER_TODAY_RE.match(text, end)
    return not (m and m.group(1).lower() in g.GENERIC_TODAY)


def find_weekdays(f: Finder) -> None:
    """``Friday``, ``last Friday``, ``next Friday``, ``on Friday`` (future: the next one)."""
    text = f.text
    for m in g.WEEKDAY_RE.finditer(text):
        f.work += 1
        ws, end = m.span()
        if ws and (text[ws - 1].isalnum() or text[ws - 1] == "_"):
            continue
        word = m.group()
        mod_match = g.WEEKDAY_MOD_RE.search(text, max(0, ws - 8), ws)
        mod = mod_match.group("mod").lower() if mod_match else ""
        start = mod_match.start() if mod_match and mod not in ("on",) else ws
        before = prev_tokens(text, mod_match.start() if mod_match else ws)
        prev = before[-1][0] if before else ""
        if prev.lower() in ("every", "each"):
            continue
        if not mod:
            if prev.isalpha() and prev[0].isupper() and prev.lower() not in g.WEEKDAY_OPENERS:
                continue  # Good Friday, Super Tuesday
            following = g.CAPITALISED_NEXT_RE.match(text, end)
            if following and following.group(1)[:3].lower() not in MONTH_PREFIXES:
                continue  # Tuesday Weld
        if f.ref is None:
            f.add(start, end, PRIORITY_RELATIVE, None, None, True)
            continue
        d = f.ref if f.ref_prec != "day" else _weekday_date(f, word, mod, start, end)
        value, prec = f.relative(d, "day")
        f.add(start, end, PRIORITY_RELATIVE, value, prec, True)


def _weekday_date(f: Finder, word: str, mod: str, start: int, end: int) -> _dt.date | None:
    """The date a weekday points to from the (day-precision) reference."""
    wd = _WEEKDAY_STEPS[word]
    ref = f.ref
    assert ref is not None
    try:
        if mod in ("last", "past"):
            return ref + relativedelta(days=-1, weekday=wd(-1))
        if mod in ("next", "coming"):
            return ref + relativedelta(days=1, weekday=wd(+1))
        future = f.tense(start, end) == "future"
        if mod == "this":
            return ref + relativedelta(weekday=wd(+1 if future else -1))
        if future:  # "will be released Friday" in a Friday story: that day
            return ref + relativedelta(weekday=wd(+1))
        return ref + relativedelta(weekday=wd(-1))
    except (OverflowError, ValueError):
        return None
