"""The state of one :func:`find_dates` call and what every date family shares:
adding candidates, resolving against the reference, reading tense, choosing
among overlapping candidates."""

from __future__ import annotations

import datetime as _dt
import re

from dateutil.relativedelta import relativedelta

from timeline.language.clauses import TENSE_BREAK
from timeline.language.dates import grammar as g
from timeline.language.dates.mention import (
    PRIORITY_ABSOLUTE,
    RANK,
    Candidate,
    iso,
    valid_day,
)
from timeline.model import Precision

__all__ = ["Finder", "select"]


# --------------------------------------------------------------------------- context helpers


def prev_tokens(text: str, pos: int, n: int = 3) -> list[tuple[str, int]]:
    """The last ``n`` tokens (words, numbers, punctuation) before ``pos`` with their starts."""
    if pos > 16:
        # Most often the last tokens lie in a few characters: more than ``n`` there means the
        # last ``n`` are whole (only the first may be cut by the window).
        near = [(m.group(), m.start()) for m in g.TOKEN_RE.finditer(text, pos - 16, pos)]
        if len(near) > n:
            return near[-n:]
    lo = max(0, pos - 48)
    return [(m.group(), m.start()) for m in g.TOKEN_RE.finditer(text, lo, pos)][-n:]


def next_word(text: str, pos: int) -> str | None:
    """The word right after ``pos`` (see :data:`grammar.NEXT_WORD_RE`)."""
    m = g.NEXT_WORD_RE.match(text, pos)
    return m.group(1) if m else None


def bad_after(text: str, end: int) -> bool:
    """Whether the character(s) after a number show it is part of a longer token."""
    if end >= len(text):
        return False
    c = text[end]
    if c.isalnum() or c in "_%@/\\":
        return True
    return c in ".,:-–‐‑" and end + 1 < len(text) and text[end + 1].isalnum()


def bad_before(text: str, start: int) -> bool:
    """Whether the character before a number shows it is part of a code, amount or path."""
    return start > 0 and (text[start - 1].isalnum() or text[start - 1] in g.BAD_BEFORE)


def followed_by_count(text: str, end: int) -> bool:
    """Whether a count noun or ``%`` follows."""
    word = next_word(text, end)
    return word is not None and (word == "%" or word.lower() in g.COUNT_NOUNS)


def count_after_year(text: str, end: int, year: int, strong: bool) -> bool:
    """Whether a count noun after a year-like number makes it a count. After a year word
    (``in 2017 police``, ``May 2012 officials``) only a round number is read as a count: a
    count of 2017 would be written ``2,017``."""
    if strong and year % 100:
        return next_word(text, end) == "%"
    return followed_by_count(text, end)


class Finder:
    """The state of one :func:`find_dates` call: text, reference and candidates."""

    __slots__ = (
        "text", "ref", "ref_prec", "order", "out", "parts", "anaphors", "dated_end", "low",
        "_marks", "work",
    )  # fmt: skip

    def __init__(
        self, text: str, ref: _dt.date | None, ref_prec: Precision, order: str | None = None
    ) -> None:
        self.text = text
        #: How ambiguous numeric dates are read: "dmy", "mdy" or None (not at all).
        self.order = order
        self.low = text.lower()
        self.ref = ref
        self.ref_prec: Precision = ref_prec if ref_prec in RANK else "day"
        self.out: list[Candidate] = []
        #: (start, end) of each month or day-month named without a year -> (month, day, modifier).
        self.parts: dict[tuple[int, int], tuple[int, int | None, str]] = {}
        #: (start, end) of each "a year later"-like mention -> (unit, how many of them from
        #: the date named before): ("year", 1), ("day", 9), ("month", 0) for "that month".
        self.anaphors: dict[tuple[int, int], tuple[str, int]] = {}
        #: End of the last month mention read with a day or year, for "December 2019 to March".
        self.dated_end = -1
        #: Where the sentence ends, clause breaks and tense markers stand (found on first use).
        self._marks: _Marks | None = None
        #: A count of the steps taken (candidates added, tense markers weighed): the work done,
        #: for tests that check it grows linearly with the text.
        self.work = 0

    # ----------------------------------------------------------------- resolution

    def add(
        self, start: int, end: int, prio: int, value: str | None, prec: Precision | None, rel: bool
    ) -> None:
        """Record a candidate mention (overlaps are resolved later)."""
        self.work += 1
        self.out.append(Candidate(start, end, prio, value, prec if value else None, rel))

    def relative(self, d: _dt.date | None, prec: Precision) -> tuple[str | None, Precision | None]:
        """A date computed from the reference, truncated to the reference precision."""
        if d is None:
            return None, None
        if RANK[prec] > RANK[self.ref_prec]:
            prec = self.ref_prec
        return iso(d.year, d.month, d.day, prec), prec

    def shift(self, years: int = 0, months: int = 0, days: int = 0) -> _dt.date | None:
        """The reference moved by an offset; parts finer than the reference are ignored."""
        if self.ref is None:
            return None
        if self.ref_prec == "year":
            months = days = 0
        elif self.ref_prec == "month":
            days = 0
        try:
            return self.ref + relativedelta(years=years, months=months, days=days)
        except (OverflowError, ValueError):
            return None

    def tense(self, start: int, end: int) -> str | None:
        """'past', 'future' or None, from the tense marker nearest the span in its clause
        (a relative or subordinate clause has its own tense: "will host a meeting on
        Friday, which Myanmar has agreed to attend"), else in its sentence.

        The sentence ends, clause breaks and tense markers are found once for each stretch
        of the text asked about; each call looks them up (a text of a thousand dates costs
        a thousand look-ups, not a thousand scans of their neighbourhoods)."""
        marks = self._marks
        if marks is None:
            marks = self._marks = _Marks(self.text)
        text = self.text
        lo, hi = max(0, start - 300), min(len(text), end + 300)
        s_start = marks.last_end_before(0, lo, start) or lo
        found = marks.first_start_after(0, end, hi)
        s_end = found + 1 if found is not None else hi
        c_start = marks.last_end_before(1, s_start, start) or s_start
        found = marks.first_start_after(1, end, s_end)
        c_end = found if found is not None else s_end
        if marks.within(c_start, c_end):
            s_start, s_end = c_start, c_end
        best: tuple[int, str, int] | None = None
        for m_start, m_end, past, word in marks.within(s_start, s_end):
            self.work += 1
            if m_end <= start:
                dist = start - m_end
            elif m_start >= end:
                dist = m_start - end
            else:
                continue
            if past:
                if word.endswith("ed") and word in g.NOT_PAST_ED:
                    continue
                kind = "past"
                if word.lower() in g.ATTRIBUTIONS and dist > 4:  # not "said on Friday"
                    # "are due to meet on July 2, officials said": the attribution's tense
                    # is not the event's; it counts only when nothing else does.
                    dist += g.SPEECH_PENALTY
            else:
                kind = "future"
            if best is None or dist < best[0]:
                best = (dist, kind, m_start)
        if best is None:
            return None
        if best[1] == "past" and g.FUTURE_AUX_RE.search(text, max(s_start, best[2] - 40), best[2]):
            return "future"  # a participle in a future verb group: "will be held"
        return best[1]

    def month_year(self, month: int, day: int | None, start: int, end: int, mod: str) -> int | None:
        """The year of a month (and day) named without one, from the reference and tense."""
        ref = self.ref
        if ref is None:
            return None
        if mod.endswith(" year"):
            return ref.year + {"last year": -1, "next year": 1}.get(mod, 0)
        if mod == "last":
            return ref.year if month < ref.month else ref.year - 1
        if mod == "next":
            return ref.year if month > ref.month else ref.year + 1
        if mod == "this":
            return ref.year
        here = (month, day or 0) if day and self.ref_prec == "day" else (month, 0)
        there = (ref.month, ref.day) if day and self.ref_prec == "day" else (ref.month, 0)
        if here == there:
            return ref.year
        tense = self.tense(start, end)
        if here > there and tense == "past":
            return ref.year - 1
        if here < there and tense == "future":
            return ref.year + 1
        return ref.year

    def add_month_day(
        self, start: int, end: int, prio: int, month: int, day: int | None, mod: str = ""
    ) -> None:
        """Add a month or day-month named without a year, resolved against the reference.

        A year given relatively right after it ("in May last year", "on 3 March
        this year") is part of the mention.
        """
        relative_year = g.RELATIVE_YEAR_AFTER_RE.match(self.text, end)
        if relative_year:
            end = relative_year.end()
            mod = relative_year.group("w").lower() + " year"
        self.parts[start, end] = (month, day, mod)
        if self.ref is not None and self.ref_prec != "day" and not mod:
            # The month (and day) are named outright; only the year comes from a coarse
            # reference: "In March" of a 2023 review is March 2023, "on 18 February" in an
            # April 2016 issue is 18 February 2016.
            year = (
                self.ref.year
                if self.ref_prec == "year"
                else self.month_year(month, day, start, end, mod)
            )
            if year is not None and 1 <= year <= 9999:
                prec: Precision = "day" if day and valid_day(year, month, day) else "month"
                self.add(start, end, prio, iso(year, month, day or 1, prec), prec, True)
                return
        if self.ref is None or self.ref_prec == "year":
            value, prec = self.relative(self.ref, "year")
            self.add(start, end, prio, value, prec, True)
            return
        year = self.month_year(month, day, start, end, mod)
        if year is None or not 1 <= year <= 9999:
            self.add(start, end, prio, None, None, True)
            return
        prec: Precision = "day" if day and valid_day(year, month, day) else "month"
        value, prec2 = self.relative(_dt.date(year, month, day if prec == "day" else 1), prec)
        self.add(start, end, prio, value, prec2, True)

    def dated(self, start: int, end: int, month: int, day: int | None, year: str | None) -> bool:
        """Add a date read from the text; False when the context shows it is not one."""
        text = self.text
        if bad_after(text, end):
            return False
        if text[end - 1].isdigit() and (
            count_after_year(text, end, int(year), True)
            if year is not None
            else followed_by_count(text, end)
        ):
            return False  # "In May 2000 people", "In May 12 people"
        if day is not None:
            weekday = g.WEEKDAY_BEFORE_RE.search(text, max(0, start - 16), start)
            if weekday:
                start = weekday.start()
        self.dated_end = end
        if year is None:
            if day is None:
                return False
            self.add_month_day(start, end, PRIORITY_ABSOLUTE, month, day)
            return True
        y = int(year)
        if not 1900 <= y <= 2099:
            return True  # "6 April 1850": out of range, and not a day-month either
        if day is not None and valid_day(y, month, day):
            self.add(start, end, PRIORITY_ABSOLUTE, iso(y, month, day), "day", False)
        else:
            self.add(
                start, end, PRIORITY_ABSOLUTE, iso(y, month, precision="month"), "month", False
            )
        return True


class _Marks:
    """Sentence ends, clause breaks and tense markers of a text, found a stretch at a time
    where they are asked for (a long text with few months needing a tense is not scanned
    whole), kept sorted for look-ups."""

    __slots__ = ("text", "chunks")

    #: How many characters are scanned at once.
    SIZE = 2048

    def __init__(self, text: str) -> None:
        self.text = text
        #: Chunk number -> (sentence ends, clause breaks, tense markers) starting in it.
        self.chunks: dict[int, tuple[list, list, list]] = {}

    def _chunk(self, k: int) -> tuple[list, list, list]:
        found = self.chunks.get(k)
        if found is None:
            text, lo = self.text, k * self.SIZE
            hi = min(len(text), lo + self.SIZE)
            reach = min(len(text), hi + 64)  # a match that starts here may end further on

            def spans(pattern: re.Pattern[str]) -> list[tuple[int, int]]:
                return [m.span() for m in pattern.finditer(text, lo, reach) if m.start() < hi]

            tenses = [
                (m.start(), m.end(), m.group("p") is not None, m.group("p") or "")
                for m in g.TENSE_RE.finditer(text, lo, reach)
                if m.start() < hi
            ]
            found = self.chunks[k] = (spans(g.SENTENCE_END_RE), spans(TENSE_BREAK), tenses)
        return found

    def _spans(self, which: int, lo: int, hi: int) -> list[tuple[int, int]]:
        """The spans of one kind (0: sentence ends, 1: clause breaks) within ``[lo, hi)``."""
        out: list[tuple[int, int]] = []
        for k in range(lo // self.SIZE, hi // self.SIZE + 1):
            out += [span for span in self._chunk(k)[which] if lo <= span[0] and span[1] <= hi]
        return out

    def last_end_before(self, which: int, lo: int, pos: int) -> int | None:
        """The end of the last span within ``[lo, pos)``, or None."""
        found = self._spans(which, lo, pos)
        return found[-1][1] if found else None

    def first_start_after(self, which: int, pos: int, hi: int) -> int | None:
        """The start of the first span within ``[pos, hi)``, or None."""
        found = self._spans(which, pos, hi)
        return found[0][0] if found else None

    def within(self, lo: int, hi: int) -> list[tuple[int, int, bool, str]]:
        """The tense markers within ``[lo, hi)``."""
        out = []
        for k in range(lo // self.SIZE, hi // self.SIZE + 1):
            out += [t for t in self._chunk(k)[2] if lo <= t[0] and t[1] <= hi]
        return out


def select(candidates: list[Candidate], length: int) -> list[Candidate]:
    """Non-overlapping candidates, longer (then more specific) first, sorted by start.

    A candidate is taken when none of its characters is taken yet; the taken
    characters are marked in a byte array, so the choice costs time linear in
    the total length of the candidates, however many there are.
    """
    taken = bytearray(length + 1)
    chosen: list[Candidate] = []
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.priority, c.start)):
        start, end = cand.start, cand.end
        if end <= start:  # no pattern matches empty text; kept should one ever do
            chosen.append(cand)
            continue
        if taken.find(1, start, end) < 0:
            taken[start:end] = b"\x01" * (end - start)
            chosen.append(cand)
    chosen.sort(key=lambda c: c.start)
    return chosen
