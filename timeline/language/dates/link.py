"""Links between mentions: the year a range or list names once, and the date "a year
later" or "nine days later" counts from."""

from __future__ import annotations

import datetime as _dt

from dateutil.relativedelta import relativedelta

from timeline.language.dates import grammar as g
from timeline.language.dates.finder import Finder
from timeline.language.dates.mention import RANK, Candidate, iso, valid_day
from timeline.model import Precision

__all__ = ["link"]

#: One item of a joined run of months: (year if named, month, day, modifier).
_Item = tuple[int | None, int, int | None, str]


def link(f: Finder, chosen: list[Candidate]) -> list[Candidate]:
    """Settle what one mention tells about another: the year a range or list names once,
    and the year "a year later" counts from."""
    out = list(chosen)
    if f.parts:
        _link_ranges(f, out)
        _link_story_years(f, out)
    if f.anaphors:
        _link_anaphors(f, out)
    return out


#: How near before a month a year named in the same sentence gives it its year.
_NAMED_YEAR_CHARS = 60


def _link_story_years(f: Finder, out: list[Candidate]) -> None:
    """The year a month named without one takes from the story told before it.

    A year named just before it in the same sentence gives it its year ("its
    2018 report released on 28 June"). Without a reference, it takes the year
    of the latest month or day named before it ("In June 2019 it was reported
    ... in early September": September 2019), as temporal taggers read
    narratives (a bare year is too often background or a baseline). With a
    reference, a month after the reference's, in a clause of no tense, takes
    the year before when the story told just before it is of that year (a
    March 2013 story telling 2012: "In July, a crackdown": July 2012).
    """
    year: int | None = None  # the year of the latest mention with a value
    told: int | None = None  # the year of the latest month or day named (a point of the story)
    named: Candidate | None = None  # the latest year named outright, not ending a range
    for i, cand in enumerate(out):
        part = f.parts.get((cand.start, cand.end))
        if part is not None and cand.relative and part[2] in ("", "early", "late", "mid"):
            month, day, _ = part
            if (
                named is not None
                and cand.start - named.end <= _NAMED_YEAR_CHARS
                and not g.SENTENCE_END_RE.search(f.text, named.end, cand.start)
            ):
                # "its 2018 report released on 28 June": the year the phrase names.
                out[i] = _in_year(cand, int(named.value[:4]), month, day)  # type: ignore[index]
            elif f.ref is None and cand.value is None and told is not None:
                out[i] = _in_year(cand, told, month, day)
            elif (
                f.ref is not None
                and f.ref_prec == "day"
                and year == f.ref.year - 1
                and cand.value is not None
                and cand.value.startswith(f"{f.ref.year}-")
                and (month, day or 0) > (f.ref.month, f.ref.day if day else 0)
                and f.tense(cand.start, cand.end) is None
            ):
                out[i] = _in_year(cand, year, month, day)
        value = out[i].value
        if value is None:
            continue
        year = int(value[:4])
        if out[i].precision != "year":
            told = year
        elif not out[i].relative:
            ends_range = i > 0 and g.RANGE_JOIN_RE.fullmatch(f.text, out[i - 1].end, cand.start)
            named = None if ends_range else out[i]  # "covering 2021-2025 ... in March"


def _in_year(cand: Candidate, year: int, month: int, day: int | None) -> Candidate:
    """A month (and day) named without a year, placed in ``year``."""
    prec: Precision = "day" if day and valid_day(year, month, day) else "month"
    value = iso(year, month, day or 1, prec)
    return cand._replace(value=value, precision=prec, relative=True)


def _link_anaphors(f: Finder, out: list[Candidate]) -> None:
    last: tuple[str, Precision] | None = None
    last_year: tuple[str, Precision] | None = None  # the last year named as such
    # The last mention naming a month (or a day): "the same month" counts from it
    # even when a bare year was named since ("in March ... last year's report ...").
    last_fine: dict[str, tuple[str, Precision]] = {}
    for i, cand in enumerate(out):
        anaphor = f.anaphors.get((cand.start, cand.end))
        if anaphor is not None and cand.relative and cand.value is None:
            anchor = last
            if anaphor[0] in last_fine and last is not None and last[1] == "year":
                anchor = last_fine[anaphor[0]]
            if anaphor[0] == "day of month":
                anchor = last_fine.get("month")
            if anaphor[0] == "the year":  # "during the year": a year named as one
                anchor = last_year or last
                if anchor is None and f.ref is not None:
                    anchor = f.relative(f.ref, "year")  # type: ignore[assignment]
            found = _count_from(anchor, *anaphor) if anchor and anchor[0] else None
            if found is None:
                continue
            out[i] = cand._replace(value=found[0], precision=found[1], relative=True)
        value, precision = out[i].value, out[i].precision
        if value is not None and precision is not None:
            last = (value, precision)
            # A year named, not counted, and not an aside: in "39 incidents (69 in 2017)"
            # the year of the comparison is not the year "at the end of the year" is of.
            if precision == "year" and anaphor is None and not _in_parentheses(f.text, cand):
                last_year = last
            if precision != "year":
                last_fine["month"] = last
            if precision == "day":
                last_fine["day"] = last


def _in_parentheses(text: str, cand: Candidate) -> bool:
    """Whether a mention stands inside a parenthesis of the same line ("(69 in 2017)")."""
    opened = text.rfind("(", max(0, cand.start - _ASIDE), cand.start)
    if opened < 0 or text.find(")", opened, cand.start) >= 0:
        return False
    closed = text.find(")", cand.end, cand.end + _ASIDE)
    return closed >= 0 and "\n" not in text[opened:closed]


#: How far from a mention an aside's parentheses may stand.
_ASIDE = 80


def _link_ranges(f: Finder, out: list[Candidate]) -> None:
    """Give the ends of a range or the items of a list (``from January to June 2021``,
    ``between January and December``) one year, in order: a year named at one end
    applies to the others, and a range without one resolves as a whole."""
    text = f.text
    i = 0
    while i < len(out):
        j = i
        while j + 1 < len(out) and g.RANGE_JOIN_RE.fullmatch(text, out[j].end, out[j + 1].start):
            j += 1
        if j > i:
            _link_chain(f, out, i, j + 1)
        i = j + 1


def _link_chain(f: Finder, out: list[Candidate], lo: int, hi: int) -> None:
    """Resolve the years of the joined mentions ``out[lo:hi]`` (see :func:`_link_ranges`)."""
    items: list[_Item | None] = []
    for cand in out[lo:hi]:
        part = f.parts.get((cand.start, cand.end))
        value, prec = cand.value, cand.precision
        if part is not None and cand.relative:
            items.append((None, *part))
        elif not cand.relative and value and prec != "year":
            day = int(value[8:10]) if prec == "day" else None
            items.append((int(value[:4]), int(value[5:7]), day, ""))
        else:
            items.append(None)
    # Split at mentions that are not months (a weekday, a bare year) and do each run alone.
    run: list[int] = []
    for k, item in enumerate([*items, None]):
        if item is not None:
            run.append(k)
            continue
        if len(run) > 1:
            _link_run(f, out, lo, run, items)
        run = []


def _link_run(f: Finder, out: list[Candidate], lo: int, run: list[int], items) -> None:
    """Years for a run of joined months; named years are read, the rest inferred."""
    years: dict[int, int] = {k: items[k][0] for k in run if items[k][0] is not None}
    named = bool(years)
    if not named:
        if f.ref is None or f.ref_prec == "year":
            return  # every end already says the reference year, or nothing
        anchor = next(
            (k for k in run if items[k][3] in ("last", "next", "this") or " " in items[k][3]),
            None,
        )
        if anchor is None:
            first, last = out[lo + run[0]], out[lo + run[-1]]
            past = f.tense(first.start, last.end) == "past"
            anchor = run[-1] if past else run[0]
        c = out[lo + anchor]
        _, month, day, mod = items[anchor]
        year = f.month_year(month, day, c.start, c.end, mod)
        if year is None:
            return
        years[anchor] = year
    # Walk right to left from each known year, then left to right for the rest.
    for n in range(len(run) - 2, -1, -1):
        k, nxt = run[n], run[n + 1]
        if k not in years and nxt in years:
            years[k] = years[nxt] - _after(items[k], items[nxt])
    for n in range(1, len(run)):
        k, prv = run[n], run[n - 1]
        if k not in years and prv in years:
            years[k] = years[prv] + _after(items[prv], items[k])
    for k in run:
        if items[k][0] is not None or not 1 <= years[k] <= 9999:
            continue
        cand = out[lo + k]
        _, month, day, _ = items[k]
        prec: Precision = "day" if day and valid_day(years[k], month, day) else "month"
        d = _dt.date(years[k], month, day if prec == "day" else 1)
        if named:
            value: str | None = iso(d.year, d.month, d.day, prec)
            out[lo + k] = cand._replace(value=value, precision=prec, relative=False)
        else:
            value, prec2 = f.relative(d, prec)
            out[lo + k] = cand._replace(value=value, precision=prec2, relative=True)


def _count_from(anchor: tuple[str, Precision], unit: str, n: int) -> tuple[str, Precision] | None:
    """The date ``n`` units (year, month, day) from ``anchor``, at the precision both allow.

    None when the anchor is too coarse to count from ("nine days later" after
    "in May 2015"); naming the same span again ("that month" after "in 2015")
    keeps what the anchor knows.
    """
    value, precision = anchor
    year, month, day = int(value[:4]), int(value[5:7] or 1), int(value[8:10] or 1)
    if unit == "day of month":  # "on the 12th" of the month named before
        if precision == "year" or not valid_day(year, month, n):
            return None
        return iso(year, month, n), "day"
    if unit in ("year", "the year"):
        year += n
        return (iso(year, precision="year"), "year") if 1 <= year <= 9999 else None
    if RANK[precision] < RANK[unit]:  # coarser than the unit
        return (value, precision) if n == 0 else None
    try:
        moved = _dt.date(year, month, day) + (
            relativedelta(months=n) if unit == "month" else relativedelta(days=n)
        )
    except (OverflowError, ValueError):
        return None
    prec: Precision = "month" if unit == "month" else "day"
    return iso(moved.year, moved.month, moved.day, prec), prec


def _after(a: _Item, b: _Item) -> int:
    """1 when month-day ``a`` lies after ``b`` within a year (the range crosses a new year)."""
    return int(a[1] > b[1] or (a[1] == b[1] and bool(a[2]) and bool(b[2]) and a[2] > b[2]))
