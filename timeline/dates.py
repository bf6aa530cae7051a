"""Find calendar date mentions in news text and resolve them to ISO values.

:func:`find_dates` scans a text with a few compiled regular expressions, one
pass per family of patterns (full dates, numeric dates, years, relative
expressions, weekdays, bare months), checks each candidate against its
context, and keeps the longest of overlapping candidates. python-dateutil's
``relativedelta`` does the calendar arithmetic; ``datetime.date`` validates
what was read.

Rules worth knowing (also in the README's "How dates are resolved"):

* Years are read only in 1900-2099. A bare four-digit year needs year context:
  a preposition (``in 2012``, ``since 2005``, ``by the end of 2015``), a
  determiner (``the 2009 assessment``, ``the annual 2010 report``, ``a 2005
  report``, ``Cambodia's 2010 budget``), a period word (``early``, ``mid-``,
  ``spring``, ``fiscal``), a possessive (``2012's``), or a range or list with
  another year (``2008-09``, ``2008–2009``, ``in 2011 and 2012``, ``from 2008 to
  2009``). A number followed by a count noun or unit, after a currency sign or
  inside a longer token (codes, URLs, paths, phone numbers) is never a year.
* Decades (``the 1990s``) are left out: a decade is not a year.
* Numeric dates (``13/07/2005``) are read when unambiguous: one of the first
  two parts is above 12, or both parts are equal. ``2019-02-11`` is ISO. An
  ambiguous one (``04/11/2021``) is read day first when written with dots
  and two-digit parts (``08.01.2020``, the day-first convention), or in the
  order the article's unambiguous numeric dates show (see
  :func:`numeric_date_order`); otherwise it is left out.
* A date that does not exist (``31 February 2012``) gives month precision.
* Relative expressions (``last year``, ``Friday``, ``in March``, ``12 May``)
  are resolved against ``reference`` and marked ``relative``; without a
  reference their value is None. A relative value is never finer than the
  reference precision: with a year-only reference everything finer than a year
  resolves to the reference year (``last year`` still gives the year before),
  except a month or day-month named outright (``In March``, ``on 12 May``),
  which keeps its own precision (a 2023 review's "In March" is March 2023).
* A month or day-month without a year takes the reference year, the year
  before when it lies after the reference in a past-tense sentence, and the
  year after when it lies before the reference in a future-tense sentence (the
  nearest tense marker to the mention decides: was/were/said/-ed vs
  will/plans to/scheduled/next).
* The ends of a range and the items of a list of months (``from January to
  June 2021``, ``between March and May 2019``, ``January–June 2021``, ``from 3
  to 5 May 2019``, ``in March, April and May 2019``) share one year: a year
  named at one end applies to the others (read, so not relative), and a range
  that names none resolves as a whole (its end decides in a past-tense
  sentence, its start otherwise). A range never ends before it starts: ``from
  November to March 2020`` starts in November 2019.
* ``the year before``, ``a year earlier``, ``the previous year``, ``the
  following year``, ``two years later``, ``that year``, ``the same year`` count
  from the nearest mention before them that has a value; they are relative,
  and unresolved when no such mention precedes. ``the year before the
  election`` and ``a year earlier than planned`` count from something else and
  are left out.
* After a year word (``in 2017 police``, ``May 2012 officials``) a count noun
  makes the number a count only when it is round (``in 2000 people``).
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache

from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

from timeline.model import Precision

__all__ = ["DateMention", "find_dates", "numeric_date_order"]


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date mention: its span in the text, what it says and what it resolves to.

    ``value`` is an ISO string at ``precision`` (``2007``, ``2007-04``,
    ``2007-04-06``) or None when the mention cannot be resolved (a relative
    expression without a reference); ``precision`` is None exactly when
    ``value`` is. ``relative`` is true when the value was computed from the
    reference date.
    """

    start: int
    end: int
    text: str
    value: str | None
    precision: Precision | None
    relative: bool


# --------------------------------------------------------------------------- vocabulary


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_FULL_MONTH_NAMES = _words(
    "january february march april may june july august september october november december"
)
_WEEKDAYS = {"mo": MO, "tu": TU, "we": WE, "th": TH, "fr": FR, "sa": SA, "su": SU}
_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}

#: Words after which a bare four-digit number reads as a year.
_YEAR_PREPS = _words(
    "in since by until till til from during before after of through throughout for circa"
    " early late mid end start beginning spring summer autumn fall winter fiscal fy"
    " year calendar between around"
)
#: Determiners: ``the 2009 assessment``, ``a 2005 report``.
_DETERMINERS = _words("the a an this that these those its their his her our your whose")
#: Words joining two years of a list or range: ``in 2011 and 2012``.
_LIST_GAP = re.compile(r"\s*(?:,\s*)?(?:(?:and|or|to|through|until|till|&)\s+|[-–—‐‑/]\s*)?", re.I)
#: Words before a number that make it a name or code, never a year.
_CODE_WORDS = _words(
    "no nos number route resolution iso boeing airbus page pages pp p room flight model article"
    " section chapter code tel phone fax ext vol volume issue rule decree law prakas"
)
#: Words after a number that make it a count or amount, never a year.
_COUNT_NOUNS = _words(
    """people persons person cases case victims children child women men girls boys workers
    migrants families households troops soldiers police officers officials participants members
    students residents refugees prisoners inmates convictions arrests raids deaths dead injured
    km kilometres kilometers miles metres meters feet ft kg kilograms tons tonnes lbs dollars
    usd us riel riels baht euros pounds yuan dong kyat rupees percent per cent pc units hours
    minutes days weeks months years times votes seats signatures pages words copies items beds
    homes houses villages acres hectares square million billion thousand hundred trillion more
    others traffickers suspects offenders employees jobs patients visitors tourists vehicles cars
    trucks boats ships planes aircraft schools companies firms organisations organizations ngos
    brothels shelters survivors individuals adults minors babies infants deaths"""
)
#: Year prepositions that also often come before counts (``of 2000 respondents``).
_WEAK_YEAR_PREPS = _words("of for around between from")
#: A number joined to the one before by a range or list word.
_NUMBER_PARTNER_RE = re.compile(r"\s*(?:and|to|or|[-–—])\s*(\d[\d,.]*\d|\d)(?!\d)")
#: Words after which a bare month name reads as a month (``in March``, ``since May``).
_MONTH_PREPS = _words(
    "in since by until till from during of on before after through throughout between end"
    " beginning start"
)
#: Words after ``May``/``March`` that show them to be the modal or the verb.
_VERBISH = _words(
    """be not also well still never only soon continue need want help take make get go
    come become seem lead result cause face"""
)
#: Capitalised words before a weekday that still leave it a date (sentence openers).
_WEEKDAY_OPENERS = _words(
    "on by since until till before after from last next this and but or then early late with"
    " at during in for of over through"
)
#: Nouns after ``today's`` that make it "nowadays", not a date.
_GENERIC_TODAY = _words(
    "world society economy youth generation technology market markets era age environment"
    " climate context"
)
_NOT_PAST_ED = _words(
    """need needed indeed hundred speed seed feed breed proceed exceed succeed embed bed red shed
    united based related concerned detailed limited advanced supposed used alleged trafficked
    skilled unskilled organised organized"""
)

# --------------------------------------------------------------------------- patterns

_DASH = "[-–—‐‑]"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_ORD = r"(?:st|nd|rd|th)?"
# Month and weekday names must start with a capital letter ("may" is the modal);
# the rest of the word may be in any case ("JUNE 25, 2013").
_MONTH_CAP = (
    r"(?:J(?i:an(?:uary)?|une?|uly?)|F(?i:eb(?:ruary)?)|M(?i:ar(?:ch)?|ay)"
    r"|A(?i:pr(?:il)?|ug(?:ust)?)|S(?i:ep(?:t(?:ember)?)?)|O(?i:ct(?:ober)?)"
    r"|N(?i:ov(?:ember)?)|D(?i:ec(?:ember)?))"
)
_WDAY_CAP = (
    r"(?:M(?i:on(?:day)?)|T(?i:ue(?:s(?:day)?)?|hu(?:r(?:s(?:day)?)?)?)|W(?i:ed(?:nesday)?)"
    r"|F(?i:ri(?:day)?)|S(?i:at(?:urday)?|un(?:day)?))"
)
# Characters that, right before a number, make it part of a code, amount or path.
_BAD_BEFORE = frozenset("$€£¥₹#@/\\.:+=_,-'’")

# Every family is found from a cheap anchor (a capitalised month or weekday, a
# digit, a time word) and then expanded with small anchored patterns: Python's
# regex engine is slow at trying long case-insensitive alternations everywhere.
_MONTH_WORD_RE = re.compile(rf"{_MONTH_CAP}(?![^\W\d_])")
_DAY_BEFORE_RE = re.compile(
    rf"(?<![\w$€£¥/\\.,#@:+-])(?P<d>{_DAY}){_ORD}(?:\s*{_DASH}\s*{_DAY}{_ORD})?(?:\s+of)?\s+\Z"
)
_DAY_AFTER_RE = re.compile(
    rf"\.?\s+(?P<d>{_DAY}){_ORD}(?:\s*{_DASH}\s*{_DAY}{_ORD})?(?!\d)(?:,?\s+(?P<y>\d{{4}})(?!\d))?"
)
_DAY_SLASH_YEAR_RE = re.compile(rf",\s*(?P<d>{_DAY})/(?P<y>\d{{4}})(?!\d)")
_YEAR_AFTER_RE = re.compile(r"\.?,?\s+(?:of\s+)?(?P<y>\d{4})(?!\d)")
_WEEKDAY_BEFORE_RE = re.compile(rf"(?<![^\W\d_]){_WDAY_CAP}\.?,?\s+(?:the\s+)?\Z")
_MOD_BEFORE_RE = re.compile(
    rf"(?<![^\W\d_])(?P<mod>(?i:early|late|mid|last|next|this))(?:\s+|\s*{_DASH}\s*)\Z"
)
_NUMERIC_RE = re.compile(r"(\d{1,4})([-/.])(\d{1,2})\2(\d{1,4})(?!\d)")
_YEAR_RE = re.compile(r"(?:19|20)\d\d(?!\d)")
_RANGE_TAIL_RE = re.compile(rf"\s*({_DASH}|/)\s*(\d{{4}}|\d\d)(?!\d)")
#: Lower-case words one of which every relative expression contains.
_REL_ANCHORS = (
    "year",
    "month",
    "week",
    "morning",
    "afternoon",
    "evening",
    "night",
    "ago",
    "yesterday",
    "today",
    "tomorrow",
)
_REL_RE = re.compile(
    r"\b(?:"
    r"(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})"
    r"\s+(?P<agou>year|month|week|day)s?\s+ago"
    r"|the\s+(?:past|last)\s+(?:(?P<twelve>12|twelve)\s+months|(?P<spanu>year|month|week))"
    r"|(?:(?:earlier|later)\s+)?this\s+(?P<thisu>year|month|week|morning|afternoon|evening)"
    r"|(?P<lnw>last|next)\s+(?P<lnu>year|month|week)"
    r"|last\s+(?P<night>night)"
    r"|(?P<dw>yesterday|today|tonight|tomorrow)"
    r")(?!\w)",
    re.I,
)
#: Counted from the year named before them: "a year later", "the previous year", "that year".
_ANAPHOR_RE = re.compile(
    r"\b(?:(?P<an>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
    r"\s+years?\s+(?P<andir>earlier|later|before|after)"
    r"|the\s+year\s+(?P<tydir>before|after)"
    r"|the\s+(?P<adj>previous|preceding|prior|following|same)\s+year"
    r"|(?P<that>that)\s+(?:same\s+)?year"
    r")(?!\w)",
    re.I,
)
#: A year given relatively after a month: "May last year", "March of this year".
_RELATIVE_YEAR_AFTER_RE = re.compile(r",?\s+(?:of\s+)?(?P<w>(?i:last|this|next))\s+year(?!\w)")
#: Counted from the date named before them: "nine days later", "later that month", "the
#: following week", "the same day".
_SPAN_ANAPHOR_RE = re.compile(
    r"\b(?:(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})"
    r"\s+(?P<unit>day|week|month)s?\s+(?P<dir>later|earlier|after|before)"
    r"|(?:(?:later|earlier)\s+)?(?:that|the\s+same)\s+(?P<same>day|month)"
    r"|the\s+(?P<adj>following|next|previous|preceding|prior)\s+(?P<unit2>day|week|month)"
    r")(?!\w)",
    re.I,
)
_ORDINAL_RE = re.compile(r"\d(?:st|nd|rd|th)\b")
#: A day named by its number alone, in the month named before: "In March ... on the 12th".
_DAY_OF_MONTH_RE = re.compile(
    r"\bon\s+the\s+(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)\b(?!\s+of\b)"
)
#: "The year" as the span a figure covers ("during the year"): the year named before, else
#: the article's; "by the end of the year" speaks of the article's year.
_THE_YEAR_RE = re.compile(
    r"\b(?:(?P<now>(?:by|before|until|till|at|towards?)\s+the\s+"
    r"(?:end|close|turn|middle|start|beginning)\s+of)"
    r"|during|throughout|(?:in|over)\s+the\s+course\s+of"
    r"|(?:the\s+)?(?:first|last|past|final|opening|second|third|fourth)\s+(?:[\w-]+\s+)?"
    r"(?:months|weeks|days|quarter|half)\s+of)"
    r"\s+the\s+year(?![\w-])",
    re.I,
)
_WEEKDAY_RE = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?![^\W\d_])")
_WEEKDAY_MOD_RE = re.compile(r"(?<![^\W\d_])(?P<mod>(?i:last|next|this|on|coming|past))\s+\Z")
_TOKEN_RE = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")
# The word after a number: after white space (one line break is a wrapped line, two end the
# paragraph), or after a hyphen joined to both ("2,000-strong"); a spaced dash ("in 2011 –
# officials said") is punctuation and ends the phrase.
_NEXT_WORD_RE = re.compile(r"(?:[ \t\xa0]*(?:\r?\n[ \t\xa0]*)?|[-–‐‑](?=[^\W\d_]))([^\W\d_]+|%)")
#: A month (or day and month) right after a range word: ``January–June``, ``March to 5 May``.
_MONTH_RANGE_NEXT_RE = re.compile(
    rf"\s*(?:(?i:to|through|until|till)\s+|{_DASH}\s*)(?:{_DAY}{_ORD}\s+)?{_MONTH_CAP}(?![^\W\d_])"
)
#: A range word after a month with a year: ``December 2019 to [March]``. A spaced dash there
#: is more often a dateline's (``June 25, 2017 – May said``).
_MONTH_RANGE_PREV_RE = re.compile(
    rf"(?:\s*(?i:to|through|until|till)\s+|{_DASH})"
    rf"(?:(?i:early|late|mid)(?:\s+|\s*{_DASH}\s*))?"
)
#: A bare day opening a range before a day and month: ``from 3 to [5 May]``.
_DAY_RANGE_START_RE = re.compile(
    rf"(?<![^\W\d_])(?i:from|between|on)\s+(?P<d>{_DAY}){_ORD}"
    r"\s+(?i:to|and|through|until|till)\s+\Z"
)
#: What joins the ends of a range or the items of a list of dates.
_RANGE_JOIN_RE = re.compile(
    rf"\s*(?:,\s*(?:(?:and|or)\s+)?|(?:to|and|or|through|until|till)\s+|{_DASH}\s*)", re.I
)
_ANAPHOR_BEFORE = _words("previous preceding prior following same that")
_ANAPHOR_AFTER = _words("earlier later before after")
#: Words that may follow ``the year before``/``a year after`` when nothing else is meant.
_ANAPHOR_FOLLOWERS = _words("and or but when while as that with")
_SENTENCE_END_RE = re.compile(r"[.!?][\"”’')\]]*\s|\n")
_TENSE_RE = re.compile(
    r"\b(?:(?P<f>will|shall|won['’]t|would(?!\s+have)|going\s+to|plan(?:s|ning)?\s+to|scheduled"
    r"|expected|due\s+to"
    r"|set\s+to|intends?\s+to|upcoming|forthcoming|next|tomorrow|(?:is|are|am)\s+to)"
    r"|(?P<p>was|were|had|did|said|told|ago|last|yesterday|began|held|met|made|took|came|went"
    r"|saw|found|gave|became|rose|fell|won|led|brought|sent|wrote|spoke|left|thought|knew|got"
    r"|paid|[a-z]{2,}ed))\b"
    r"|(?P<f2>['’]ll)\b"
)
#: Verbs of saying: the tense of an attribution ("officials said"), not of what was said.
_SPEECH_VERBS = frozenset({"said", "told", "added", "stated", "noted", "reported"})
_SPEECH_PENALTY = 1000
# Where a relative or subordinate clause begins.
_CLAUSE_BREAK_RE = re.compile(
    r"[,;]\s+(?:which|who|whom|whose|while|whereas|but|and|although|though|after|before|since"
    r"|when|as|because)\b|;|\s(?:under|by|in|for|through|with|from)\s+which\b"
)
_FUTURE_AUX_RE = re.compile(
    r"\b(?:will|shall|['’]ll|scheduled|expected|set|due|plans?|planning|going|intends?|may|might)"
    r"(?:\s+[a-z]+){0,3}\s+\Z"
)
_POSSESSIVE_RE = re.compile(r"['’]s(?!\w)")
_CAPITALISED_NEXT_RE = re.compile(r"[ \xa0]([A-Z][a-z]+)")
_GENERIC_AFTER_TODAY_RE = re.compile(r"['’]s\s+([^\W\d_]+)")

_RANK = {"year": 0, "month": 1, "day": 2}
_PRIORITY_ABSOLUTE, _PRIORITY_RELATIVE, _PRIORITY_BARE = 0, 1, 2

# A candidate: (start, end, priority, value, precision, relative).
_Candidate = tuple[int, int, int, str | None, Precision | None, bool]


# --------------------------------------------------------------------------- helpers


def _iso(year: int, month: int = 1, day: int = 1, precision: Precision = "day") -> str:
    if precision == "year":
        return f"{year:04d}"
    if precision == "month":
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _month_number(word: str) -> int:
    return _MONTHS[word[:3].lower()]


def _valid_day(year: int, month: int, day: int) -> bool:
    try:
        _dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _prev_tokens(text: str, pos: int, n: int = 3) -> list[tuple[str, int]]:
    """The last ``n`` tokens (words, numbers, punctuation) before ``pos`` with their starts."""
    lo = max(0, pos - 48)
    return [(m.group(), m.start()) for m in _TOKEN_RE.finditer(text, lo, pos)][-n:]


def _next_word(text: str, pos: int) -> str | None:
    m = _NEXT_WORD_RE.match(text, pos)
    return m.group(1) if m else None


def _bad_after(text: str, end: int) -> bool:
    """Whether the character(s) after a number show it is part of a longer token."""
    if end >= len(text):
        return False
    c = text[end]
    if c.isalnum() or c in "_%@/\\":
        return True
    return c in ".,:-–‐‑" and end + 1 < len(text) and text[end + 1].isalnum()


def _bad_before(text: str, start: int) -> bool:
    return start > 0 and (text[start - 1].isalnum() or text[start - 1] in _BAD_BEFORE)


def _followed_by_count(text: str, end: int) -> bool:
    word = _next_word(text, end)
    return word is not None and (word == "%" or word.lower() in _COUNT_NOUNS)


def _count_after_year(text: str, end: int, year: int, strong: bool) -> bool:
    """Whether a count noun after a year-like number makes it a count. After a year word
    (``in 2017 police``, ``May 2012 officials``) only a round number is read as a count: a
    count of 2017 would be written ``2,017``."""
    if strong and year % 100:
        return _next_word(text, end) == "%"
    return _followed_by_count(text, end)


class _Finder:
    """The state of one :func:`find_dates` call: text, reference and candidates."""

    __slots__ = (
        "text",
        "ref",
        "ref_prec",
        "order",
        "out",
        "parts",
        "anaphors",
        "dated_end",
        "low",
    )

    def __init__(
        self, text: str, ref: _dt.date | None, ref_prec: Precision, order: str | None = None
    ) -> None:
        self.text = text
        #: How ambiguous numeric dates are read: "dmy", "mdy" or None (not at all).
        self.order = order
        self.low = text.lower()
        self.ref = ref
        self.ref_prec: Precision = ref_prec if ref_prec in _RANK else "day"
        self.out: list[_Candidate] = []
        #: (start, end) of each month or day-month named without a year -> (month, day, modifier).
        self.parts: dict[tuple[int, int], tuple[int, int | None, str]] = {}
        #: (start, end) of each "a year later"-like mention -> (unit, how many of them from
        #: the date named before): ("year", 1), ("day", 9), ("month", 0) for "that month".
        self.anaphors: dict[tuple[int, int], tuple[str, int]] = {}
        #: End of the last month mention read with a day or year, for "December 2019 to March".
        self.dated_end = -1

    # ----------------------------------------------------------------- resolution

    def add(
        self, start: int, end: int, prio: int, value: str | None, prec: Precision | None, rel: bool
    ) -> None:
        """Record a candidate mention (overlaps are resolved later)."""
        self.out.append((start, end, prio, value, prec if value else None, rel))

    def relative(self, d: _dt.date | None, prec: Precision) -> tuple[str | None, Precision | None]:
        """A date computed from the reference, truncated to the reference precision."""
        if d is None:
            return None, None
        if _RANK[prec] > _RANK[self.ref_prec]:
            prec = self.ref_prec
        return _iso(d.year, d.month, d.day, prec), prec

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
        Friday, which Myanmar has agreed to attend"), else in its sentence."""
        text = self.text
        lo, hi = max(0, start - 300), min(len(text), end + 300)
        s_start = lo
        for m in _SENTENCE_END_RE.finditer(text, lo, start):
            s_start = m.end()
        m = _SENTENCE_END_RE.search(text, end, hi)
        s_end = m.start() + 1 if m else hi
        c_start = s_start
        for m in _CLAUSE_BREAK_RE.finditer(text, s_start, start):
            c_start = m.end()
        m = _CLAUSE_BREAK_RE.search(text, end, s_end)
        c_end = m.start() if m else s_end
        if _TENSE_RE.search(text, c_start, c_end):
            s_start, s_end = c_start, c_end
        best: tuple[int, str, int] | None = None
        for m in _TENSE_RE.finditer(text, s_start, s_end):
            if m.end() <= start:
                dist = start - m.end()
            elif m.start() >= end:
                dist = m.start() - end
            else:
                continue
            if m.group("p"):
                word = m.group("p")
                if word.endswith("ed") and word in _NOT_PAST_ED:
                    continue
                kind = "past"
                if word.lower() in _SPEECH_VERBS and dist > 4:  # not "said on Friday"
                    # "are due to meet on July 2, officials said": the attribution's tense
                    # is not the event's; it counts only when nothing else does.
                    dist += _SPEECH_PENALTY
            else:
                kind = "future"
            if best is None or dist < best[0]:
                best = (dist, kind, m.start())
        if best is None:
            return None
        if best[1] == "past" and _FUTURE_AUX_RE.search(text, max(s_start, best[2] - 40), best[2]):
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
        relative_year = _RELATIVE_YEAR_AFTER_RE.match(self.text, end)
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
                prec: Precision = "day" if day and _valid_day(year, month, day) else "month"
                self.add(start, end, prio, _iso(year, month, day or 1, prec), prec, True)
                return
        if self.ref is None or self.ref_prec == "year":
            value, prec = self.relative(self.ref, "year")
            self.add(start, end, prio, value, prec, True)
            return
        year = self.month_year(month, day, start, end, mod)
        if year is None or not 1 <= year <= 9999:
            self.add(start, end, prio, None, None, True)
            return
        prec: Precision = "day" if day and _valid_day(year, month, day) else "month"
        value, prec2 = self.relative(_dt.date(year, month, day if prec == "day" else 1), prec)
        self.add(start, end, prio, value, prec2, True)

    # ----------------------------------------------------------------- families

    def months(self) -> None:
        """Dates around a month name: ``6 April 2007``, ``June 25th, 2013``, ``May 2010``,
        ``Tuesday, 14 June 2011``, ``12 May``, ``in March``, ``early December``."""
        text = self.text
        last_bare_end = -1
        for m in _MONTH_WORD_RE.finditer(text):
            ms, me = m.span()
            if ms and (text[ms - 1].isalnum() or text[ms - 1] in "_/\\@#"):
                continue
            word = m.group()
            month = _month_number(word)
            abbreviated = word.lower() not in _FULL_MONTH_NAMES
            dot_end = me + 1 if abbreviated and text.startswith(".", me) else me
            before = _DAY_BEFORE_RE.search(text, max(0, ms - 24), ms)
            if before:
                tail = _YEAR_AFTER_RE.match(text, me)
                year = tail.group("y") if tail else None
                end = tail.end() if tail else dot_end
                if self.dated(before.start(), end, month, int(before.group("d")), year):
                    opening = _DAY_RANGE_START_RE.search(
                        text, max(0, before.start() - 32), before.start()
                    )
                    if opening:  # "from 3 to 5 May": the year is settled with the range
                        d_start, d_end = opening.span("d")
                        day = int(opening.group("d"))
                        self.add_month_day(d_start, d_end, _PRIORITY_ABSOLUTE, month, day)
                    continue
            slashed = _DAY_SLASH_YEAR_RE.match(text, dot_end)
            if slashed and self.dated(
                ms, slashed.end(), month, int(slashed.group("d")), slashed.group("y")
            ):
                continue  # "July, 30/2020 - 08:12" (a Vietnamese site's form)
            after = _DAY_AFTER_RE.match(text, me)
            if after and self.dated(
                ms, after.end(), month, int(after.group("d")), after.group("y")
            ):
                continue
            tail = _YEAR_AFTER_RE.match(text, me)
            if tail:
                mod = _MOD_BEFORE_RE.search(text, max(0, ms - 8), ms)
                start = ms
                if mod and mod.group("mod").lower() in ("early", "late", "mid"):
                    start = mod.start()
                if self.dated(start, tail.end(), month, None, tail.group("y")):
                    continue
            in_range = bool(
                _MONTH_RANGE_NEXT_RE.match(text, dot_end)
                or (
                    self.dated_end >= 0 and _MONTH_RANGE_PREV_RE.fullmatch(text, self.dated_end, ms)
                )
            )
            if abbreviated and dot_end == me and not in_range:
                continue  # a bare "Jan" or "Mar" is too often something else
            if self.bare_month(ms, dot_end, word, last_bare_end, in_range):
                last_bare_end = dot_end

    def dated(self, start: int, end: int, month: int, day: int | None, year: str | None) -> bool:
        """Add a date read from the text; False when the context shows it is not one."""
        text = self.text
        if _bad_after(text, end):
            return False
        if text[end - 1].isdigit() and (
            _count_after_year(text, end, int(year), True)
            if year is not None
            else _followed_by_count(text, end)
        ):
            return False  # "In May 2000 people", "In May 12 people"
        if day is not None:
            weekday = _WEEKDAY_BEFORE_RE.search(text, max(0, start - 16), start)
            if weekday:
                start = weekday.start()
        self.dated_end = end
        if year is None:
            if day is None:
                return False
            self.add_month_day(start, end, _PRIORITY_ABSOLUTE, month, day)
            return True
        y = int(year)
        if not 1900 <= y <= 2099:
            return True  # "6 April 1850": out of range, and not a day-month either
        if day is not None and _valid_day(y, month, day):
            self.add(start, end, _PRIORITY_ABSOLUTE, _iso(y, month, day), "day", False)
        else:
            self.add(
                start, end, _PRIORITY_ABSOLUTE, _iso(y, month, precision="month"), "month", False
            )
        return True

    def bare_month(
        self, ms: int, end: int, word: str, last_end: int, in_range: bool = False
    ) -> bool:
        """Add a month named without day or year if its context makes it one."""
        text = self.text
        mod_match = _MOD_BEFORE_RE.search(text, max(0, ms - 8), ms)
        mod = mod_match.group("mod").lower() if mod_match else ""
        start = mod_match.start() if mod_match else ms
        before = _prev_tokens(text, ms)
        prev = before[-1][0].lower() if before else ""
        if not mod and not _RELATIVE_YEAR_AFTER_RE.match(text, end):  # "June of next year"
            listed = last_end >= 0 and _LIST_GAP.fullmatch(text, last_end, start)
            if prev not in _MONTH_PREPS and not listed and not in_range:
                return False
        following = _next_word(text, end)
        low = word.lower()
        if not mod and following and low in ("may", "march") and following.lower() in _VERBISH:
            return False  # "in May be", "of March continue"
        if (
            following
            and low in ("april", "may", "june", "august")
            and following[0].isupper()
            and following[:3].lower() not in _MONTHS
            and prev in ("by", "from", "of", "and", "or", "to")
        ):
            return False  # a name: "by June Smith"
        self.add_month_day(start, end, _PRIORITY_BARE, _month_number(word), None, mod)
        return True

    def numeric_dates(self) -> None:
        """``2019-02-11``, ``13/07/2005`` (only where day and month cannot be swapped)."""
        text = self.text
        for m in _NUMERIC_RE.finditer(text):
            start, end = m.span()
            if _bad_before(text, start) or (
                not text.startswith("T", end) and _bad_after(text, end)
            ):
                continue
            first, separator, middle, last = m.groups()
            if len(first) == 4 and len(last) <= 2:
                year, month, day = int(first), int(middle), int(last)
            elif len(first) <= 2 and len(last) == 4:
                a, b, year = int(first), int(middle), int(last)
                order = _shown_order(first, separator, middle) or ("mdy" if a == b else self.order)
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
            if _valid_day(year, month, day):
                self.add(start, end, _PRIORITY_ABSOLUTE, _iso(year, month, day), "day", False)
            else:
                value = _iso(year, month, precision="month")
                self.add(start, end, _PRIORITY_ABSOLUTE, value, "month", False)

    def years(self) -> None:
        """Bare years with year context, ranges and lists of years."""
        text = self.text
        last_end = -1  # end of the last accepted year, for lists ("in 2011 and 2012")
        skip_to = -1
        for m in _YEAR_RE.finditer(text):
            start, end = m.span()
            if start < skip_to or (
                start and (text[start - 1].isalnum() or text[start - 1] in "_$€£¥₹")
            ):
                continue
            year = int(m.group())
            before = _prev_tokens(text, start)
            prev = before[-1][0].lower() if before else ""
            if prev in _CODE_WORDS:
                continue
            strong = prev in _YEAR_PREPS and prev not in _WEAK_YEAR_PREPS
            tail = _RANGE_TAIL_RE.match(text, end)
            if tail and not _bad_before(text, start) and not _bad_after(text, tail.end()):
                second = self.range_end(year, tail.group(1), tail.group(2))
                if second is not None and not _count_after_year(text, tail.end(), year, strong):
                    self.add(start, end, _PRIORITY_BARE, str(year), "year", False)
                    self.add(tail.start(2), tail.end(), _PRIORITY_BARE, str(second), "year", False)
                    last_end = skip_to = tail.end()
                    continue
            span_start = self.year_context(start, end, before, last_end)
            if span_start is None:
                continue
            if _bad_after(text, end) and not _POSSESSIVE_RE.match(text, end):
                continue
            if _count_after_year(text, end, year, strong) or self.counted(end, prev):
                continue
            self.add(span_start, end, _PRIORITY_BARE, str(year), "year", False)
            last_end = end

    def counted(self, end: int, prev: str) -> bool:
        """Whether the words after a year-like number show it to be a count after all."""
        text = self.text
        if prev not in _WEAK_YEAR_PREPS:
            return False
        partner = _NUMBER_PARTNER_RE.match(text, end)
        if partner and not _YEAR_RE.fullmatch(partner.group(1)):
            return True  # "between 2000 and 3000 workers"
        following = _next_word(text, end)
        # "20 percent of 2000 respondents": a plural noun right after the number.
        return bool(
            prev in ("of", "around")
            and following
            and following.islower()
            and len(following) > 3
            and following.endswith("s")
            and not following.endswith("ss")
        )

    @staticmethod
    def range_end(first: int, sep: str, part: str) -> int | None:
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

    def year_context(self, start: int, end: int, before, last_end: int) -> int | None:
        """Where the mention starts if the context makes this number a year, else None."""
        text = self.text
        if _POSSESSIVE_RE.match(text, end) and not _bad_before(text, start):
            return start
        if start > 0 and text[start - 1] in "-–‐‑":
            # mid-2012, pre-2010, post-2008 (the prefix is part of the mention for mid-).
            if len(before) >= 2 and before[-1][1] == start - 1:
                word = before[-2][0].lower()
                if word in ("mid", "pre", "post") and before[-2][1] + len(word) == start - 1:
                    return before[-2][1] if word == "mid" else start
            return None
        if _bad_before(text, start):
            return None
        if last_end >= 0 and _LIST_GAP.fullmatch(text, last_end, start):
            return start
        if not before:
            return None
        prev, prev_start = before[-1]
        low = prev.lower()
        if low in ("early", "late", "mid"):
            return prev_start
        if low in _YEAR_PREPS or low in _DETERMINERS:
            return start
        if low == "as" and len(before) >= 3 and before[-3][0].lower() == "as":
            return start  # "as early as 2005", "as recently as 2019"
        if low == "s" and len(before) >= 2 and before[-2][0] in "'’":
            return start  # Cambodia's 2010 budget
        # the annual 2010 report, its new annual 2010 budget
        for words, (tok, _) in enumerate(reversed(before)):
            if tok.lower() in _DETERMINERS and words:
                return start
            if not (tok.isalpha() and tok.islower()) or words == 2:
                return None
        return None

    def relative_expressions(self) -> None:
        """``last year``, ``two years ago``, ``the past year``, ``this week``, ``yesterday``."""
        for m in self.relative_matches():
            start, end = m.span()
            d: _dt.date | None
            prec: Precision
            if m.group("agou"):
                raw = m.group("n").lower()
                n = int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
                unit = m.group("agou").lower()
                d, prec = self.offset(unit, -n)
            elif m.group("twelve"):
                d, prec = self.shift(), "year"
            elif m.group("spanu"):
                unit = m.group("spanu").lower()
                d, prec = self.shift(), "year" if unit == "year" else "month"
            elif m.group("thisu"):
                unit = m.group("thisu").lower()
                prec = "year" if unit == "year" else "month" if unit in ("month", "week") else "day"
                d = self.shift()
            elif m.group("lnu"):
                step = -1 if m.group("lnw").lower() == "last" else 1
                d, prec = self.offset(m.group("lnu").lower(), step)
            elif m.group("night"):
                d, prec = self.shift(days=-1), "day"
            else:
                word = m.group("dw")
                if word.lower() == "today" and not self.today_is_date(start, end):
                    continue
                step = {"yesterday": -1, "tomorrow": 1}.get(word.lower(), 0)
                d, prec = self.shift(days=step), "day"
            value, prec2 = self.relative(d, prec)
            self.add(start, end, _PRIORITY_RELATIVE, value, prec2, True)

    def year_anaphors(self) -> None:
        """``the year before``, ``a year later``, ``that year``: resolved in :meth:`link`."""
        text = self.text
        low = self.low
        if len(low) != len(text):  # lower-casing moved offsets: search everywhere
            matches = list(_ANAPHOR_RE.finditer(text))
        else:
            seen: set[int] = set()
            matches = []
            i = low.find("year")
            while i >= 0:
                # A cheap look at the words around "year" before the pattern is tried: every
                # form has one of these words right before "year" or right after "year(s)".
                j = i + 5 if low.startswith("s", i + 4) else i + 4
                before = low[max(0, i - 11) : i].split()
                after = low[j : j + 9].split()
                if (before and before[-1] in _ANAPHOR_BEFORE) or (
                    after and after[0].strip(".,;:!?)") in _ANAPHOR_AFTER
                ):
                    # Every form has "year" at most 20 characters from its start, 14 from its end.
                    for m in _ANAPHOR_RE.finditer(text, max(0, i - 20), min(len(text), i + 20)):
                        if m.start() not in seen:
                            seen.add(m.start())
                            matches.append(m)
                i = low.find("year", i + 4)
        for m in matches:
            offset = self.anaphor_offset(m)
            if offset is not None:
                self.anaphors[m.span()] = ("year", offset)
                self.add(m.start(), m.end(), _PRIORITY_RELATIVE, None, None, True)

    def span_anaphor_matches(self) -> list[re.Match[str]]:
        """Matches of the day-and-month anaphor pattern, searched only near its unit words."""
        text, low = self.text, self.low
        if len(low) != len(text):  # lower-casing moved offsets: search everywhere
            return list(_SPAN_ANAPHOR_RE.finditer(text))
        found: dict[int, re.Match[str]] = {}
        for unit in ("day", "week", "month"):
            i = low.find(unit)
            while i >= 0:
                # Every form has its unit word at most 26 characters from its start.
                for m in _SPAN_ANAPHOR_RE.finditer(text, max(0, i - 26), min(len(text), i + 16)):
                    found.setdefault(m.start(), m)
                i = low.find(unit, i + len(unit))
        return [found[k] for k in sorted(found)]

    def span_anaphors(self) -> None:
        """``nine days later``, ``later that month``, ``the following week``: resolved in
        :meth:`link` from the date named before them."""
        text = self.text
        for m in self.span_anaphor_matches():
            end = m.end()
            if end + 1 < len(text) and text[end] in "-–‐‑" and text[end + 1].isalnum():
                continue  # "a day-long meeting"
            following = _NEXT_WORD_RE.match(text, end)
            after = following.group(1).lower() if following else None
            direction = (m.group("dir") or m.group("adj") or "").lower()
            if direction in ("after", "before") and after and after not in _ANAPHOR_FOLLOWERS:
                continue  # "two days after the raid" counts from the raid
            if direction in ("earlier", "later") and after == "than":
                continue
            unit = (m.group("unit") or m.group("unit2") or m.group("same")).lower()
            if m.group("same"):
                n = 0
            else:
                raw = (m.group("n") or "a").lower()
                n = int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
                if direction in ("earlier", "before", "previous", "preceding", "prior"):
                    n = -n
            if unit == "week":
                unit, n = "day", 7 * n
            self.anaphors[m.span()] = (unit, n)
            self.add(m.start(), end, _PRIORITY_RELATIVE, None, None, True)
        if _ORDINAL_RE.search(text):  # cheap: most texts have no "12th"
            for m in _DAY_OF_MONTH_RE.finditer(text):
                self.anaphors[m.span()] = ("day of month", int(m.group("d")))
                self.add(m.start(), m.end(), _PRIORITY_RELATIVE, None, None, True)
        if "the year" in self.low:
            for m in _THE_YEAR_RE.finditer(text):
                if m.group("now") and self.ref is not None:
                    value, prec = self.relative(self.ref, "year")
                    self.add(m.start(), m.end(), _PRIORITY_RELATIVE, value, prec, True)
                    continue
                self.anaphors[m.span()] = ("the year", 0)
                self.add(m.start(), m.end(), _PRIORITY_RELATIVE, None, None, True)

    def anaphor_offset(self, m: re.Match[str]) -> int | None:
        """Years from the year named before for "a year later", "the previous year", "that
        year"; None when the words mean something else ("a year after the war")."""
        text = self.text
        end = m.end()
        if end + 1 < len(text) and text[end] in "-–‐‑" and text[end + 1].isalnum():
            return None  # "that year-long campaign"
        word = (m.group("andir") or m.group("tydir") or m.group("adj") or "").lower()
        following = _NEXT_WORD_RE.match(text, end)
        after = following.group(1).lower() if following else None
        if word in ("before", "after") and after and after not in _ANAPHOR_FOLLOWERS:
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
        raw = (m.group("an") or "a").lower()
        return sign * (int(raw) if raw.isdigit() else _NUMBER_WORDS[raw])

    def relative_matches(self) -> list[re.Match[str]]:
        """Matches of the relative-expression pattern, searched only near its anchor words."""
        text = self.text
        low = self.low
        if len(low) != len(text):  # lower-casing moved offsets: search everywhere
            return list(_REL_RE.finditer(text))
        windows: list[tuple[int, int]] = []
        for word in _REL_ANCHORS:
            i = low.find(word)
            while i >= 0:
                windows.append((max(0, i - 40), min(len(text), i + len(word) + 16)))
                i = low.find(word, i + 1)
        windows.sort()
        found: list[re.Match[str]] = []
        lo = hi = -1
        for w_lo, w_hi in [*windows, (len(text) + 1, 0)]:
            if w_lo > hi:
                if hi > lo:
                    found.extend(_REL_RE.finditer(text, lo, hi))
                lo, hi = w_lo, w_hi
            else:
                hi = max(hi, w_hi)
        return found

    def offset(self, unit: str, n: int) -> tuple[_dt.date | None, Precision]:
        """The reference moved by ``n`` units, with the precision that unit supports."""
        if unit == "year":
            return self.shift(years=n), "year"
        if unit == "month":
            return self.shift(months=n), "month"
        if unit == "week":
            return self.shift(days=7 * n), "month"
        return self.shift(days=n), "day"

    def today_is_date(self, start: int, end: int) -> bool:
        """False for names (``USA Today``) and for "nowadays" (``today's world``)."""
        text = self.text
        if text[start].isupper():
            before = _prev_tokens(text, start, 1)
            if before and before[0][0][0].isupper() and before[0][0].isalpha():
                return False
        m = _GENERIC_AFTER_TODAY_RE.match(text, end)
        return not (m and m.group(1).lower() in _GENERIC_TODAY)

    def weekdays(self) -> None:
        """``Friday``, ``last Friday``, ``next Friday``, ``on Friday`` (future: the next one)."""
        text = self.text
        for m in _WEEKDAY_RE.finditer(text):
            ws, end = m.span()
            if ws and (text[ws - 1].isalnum() or text[ws - 1] == "_"):
                continue
            word = m.group()
            mod_match = _WEEKDAY_MOD_RE.search(text, max(0, ws - 8), ws)
            mod = mod_match.group("mod").lower() if mod_match else ""
            start = mod_match.start() if mod_match and mod not in ("on",) else ws
            before = _prev_tokens(text, mod_match.start() if mod_match else ws)
            prev = before[-1][0] if before else ""
            if prev.lower() in ("every", "each"):
                continue
            if not mod:
                if prev.isalpha() and prev[0].isupper() and prev.lower() not in _WEEKDAY_OPENERS:
                    continue  # Good Friday, Super Tuesday
                following = _CAPITALISED_NEXT_RE.match(text, end)
                if following and following.group(1)[:3].lower() not in _MONTHS:
                    continue  # Tuesday Weld
            if self.ref is None:
                self.add(start, end, _PRIORITY_RELATIVE, None, None, True)
                continue
            d = self.ref if self.ref_prec != "day" else self.weekday_date(word, mod, start, end)
            value, prec = self.relative(d, "day")
            self.add(start, end, _PRIORITY_RELATIVE, value, prec, True)

    def weekday_date(self, word: str, mod: str, start: int, end: int) -> _dt.date | None:
        """The date a weekday points to from the (day-precision) reference."""
        wd = _WEEKDAYS[word[:2].lower()]
        ref = self.ref
        assert ref is not None
        try:
            if mod in ("last", "past"):
                return ref + relativedelta(days=-1, weekday=wd(-1))
            if mod in ("next", "coming"):
                return ref + relativedelta(days=1, weekday=wd(+1))
            future = self.tense(start, end) == "future"
            if mod == "this":
                return ref + relativedelta(weekday=wd(+1 if future else -1))
            if future:
                return ref + relativedelta(days=1, weekday=wd(+1))
            return ref + relativedelta(weekday=wd(-1))
        except (OverflowError, ValueError):
            return None

    # ----------------------------------------------------------------- links between mentions

    def link(self, chosen: list[_Candidate]) -> list[_Candidate]:
        """Settle what one mention tells about another: the year a range or list names once,
        and the year "a year later" counts from."""
        out = list(chosen)
        if self.parts:
            self.link_ranges(out)
        if self.anaphors:
            last: tuple[str, Precision] | None = None
            last_year: tuple[str, Precision] | None = None  # the last year named as such
            # The last mention naming a month (or a day): "the same month" counts from it
            # even when a bare year was named since ("in March ... last year's report ...").
            last_fine: dict[str, tuple[str, Precision]] = {}
            for i, (start, end, prio, value, _, rel) in enumerate(out):
                anaphor = self.anaphors.get((start, end))
                if anaphor is not None and rel and value is None:
                    anchor = last
                    if anaphor[0] in last_fine and last is not None and last[1] == "year":
                        anchor = last_fine[anaphor[0]]
                    if anaphor[0] == "day of month":
                        anchor = last_fine.get("month")
                    if anaphor[0] == "the year":  # "during the year": a year named as one
                        anchor = last_year or last
                        if anchor is None and self.ref is not None:
                            anchor = self.relative(self.ref, "year")  # type: ignore[assignment]
                    found = _count_from(anchor, *anaphor) if anchor and anchor[0] else None
                    if found is None:
                        continue
                    out[i] = (start, end, prio, found[0], found[1], True)
                if out[i][3] is not None and out[i][4] is not None:
                    last = (out[i][3], out[i][4])
                    if last[1] == "year" and anaphor is None:  # a year named, not counted
                        last_year = last
                    if last[1] != "year":
                        last_fine["month"] = last
                    if last[1] == "day":
                        last_fine["day"] = last
        return out

    def link_ranges(self, out: list[_Candidate]) -> None:
        """Give the ends of a range or the items of a list (``from January to June 2021``,
        ``between January and December``) one year, in order: a year named at one end
        applies to the others, and a range without one resolves as a whole."""
        text = self.text
        i = 0
        while i < len(out):
            j = i
            while j + 1 < len(out) and _RANGE_JOIN_RE.fullmatch(text, out[j][1], out[j + 1][0]):
                j += 1
            if j > i:
                self.link_chain(out, i, j + 1)
            i = j + 1

    def link_chain(self, out: list[_Candidate], lo: int, hi: int) -> None:
        """Resolve the years of the joined mentions ``out[lo:hi]`` (see :meth:`link_ranges`)."""
        items: list[tuple[int | None, int, int | None, str] | None] = []
        for start, end, _, value, prec, rel in out[lo:hi]:
            part = self.parts.get((start, end))
            if part is not None and rel:
                items.append((None, *part))
            elif not rel and value and prec != "year":
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
                self.link_run(out, lo, run, items)
            run = []

    def link_run(self, out, lo: int, run: list[int], items) -> None:
        """Years for a run of joined months; named years are read, the rest inferred."""
        years: dict[int, int] = {k: items[k][0] for k in run if items[k][0] is not None}
        named = bool(years)
        if not named:
            if self.ref is None or self.ref_prec == "year":
                return  # every end already says the reference year, or nothing
            anchor = next(
                (k for k in run if items[k][3] in ("last", "next", "this") or " " in items[k][3]),
                None,
            )
            if anchor is None:
                first, last = out[lo + run[0]], out[lo + run[-1]]
                past = self.tense(first[0], last[1]) == "past"
                anchor = run[-1] if past else run[0]
            c = out[lo + anchor]
            _, month, day, mod = items[anchor]
            year = self.month_year(month, day, c[0], c[1], mod)
            if year is None:
                return
            years[anchor] = year
        # Walk right to left from each known year, then left to right for the rest.
        for k in reversed(run[:-1]):
            nxt = run[run.index(k) + 1]
            if k not in years and nxt in years:
                years[k] = years[nxt] - _after(items[k], items[nxt])
        for k in run[1:]:
            prv = run[run.index(k) - 1]
            if k not in years and prv in years:
                years[k] = years[prv] + _after(items[prv], items[k])
        for k in run:
            if items[k][0] is not None or not 1 <= years[k] <= 9999:
                continue
            start, end, prio, _, _, _ = out[lo + k]
            _, month, day, _ = items[k]
            prec: Precision = "day" if day and _valid_day(years[k], month, day) else "month"
            d = _dt.date(years[k], month, day if prec == "day" else 1)
            if named:
                out[lo + k] = (start, end, prio, _iso(d.year, d.month, d.day, prec), prec, False)
            else:
                value, prec2 = self.relative(d, prec)
                out[lo + k] = (start, end, prio, value, prec2, True)


def _count_from(anchor: tuple[str, Precision], unit: str, n: int) -> tuple[str, Precision] | None:
    """The date ``n`` units (year, month, day) from ``anchor``, at the precision both allow.

    None when the anchor is too coarse to count from ("nine days later" after
    "in May 2015"); naming the same span again ("that month" after "in 2015")
    keeps what the anchor knows.
    """
    value, precision = anchor
    year, month, day = int(value[:4]), int(value[5:7] or 1), int(value[8:10] or 1)
    if unit == "day of month":  # "on the 12th" of the month named before
        if precision == "year" or not _valid_day(year, month, n):
            return None
        return _iso(year, month, n), "day"
    if unit in ("year", "the year"):
        year += n
        return (_iso(year, precision="year"), "year") if 1 <= year <= 9999 else None
    if _RANK[precision] < _RANK[unit]:  # coarser than the unit
        return (value, precision) if n == 0 else None
    try:
        moved = _dt.date(year, month, day) + (
            relativedelta(months=n) if unit == "month" else relativedelta(days=n)
        )
    except (OverflowError, ValueError):
        return None
    prec: Precision = "month" if unit == "month" else "day"
    return _iso(moved.year, moved.month, moved.day, prec), prec


def _after(a, b) -> int:
    """1 when month-day ``a`` lies after ``b`` within a year (the range crosses a new year)."""
    return int(a[1] > b[1] or (a[1] == b[1] and bool(a[2]) and bool(b[2]) and a[2] > b[2]))


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Non-overlapping candidates, longer (then more specific) first, sorted by start."""
    chosen: list[_Candidate] = []
    for cand in sorted(candidates, key=lambda c: (c[0] - c[1], c[2], c[0])):
        start, end = cand[0], cand[1]
        if all(end <= c[0] or start >= c[1] for c in chosen):
            chosen.append(cand)
    chosen.sort(key=lambda c: c[0])
    return chosen


@lru_cache(maxsize=2)  # the article being read (texts may be large)
def numeric_date_order(text: str) -> str | None:
    """``"dmy"`` or ``"mdy"``: the order the unambiguous numeric dates of ``text`` use.

    A page that writes ``13/05/2016`` somewhere writes ``12/05/2016`` day
    first too. None when the text has no such date, or has both orders.
    """
    orders = set()
    for m in _NUMERIC_RE.finditer(text):
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


def find_dates(
    text: str,
    reference: _dt.date | None = None,
    reference_precision: Precision = "day",
    order: str | None = None,
) -> list[DateMention]:
    """Every date mention in ``text``, sorted by start and non-overlapping.

    ``reference`` is the article's own date and anchors relative expressions;
    ``reference_precision`` says how much of it is known (a year-only article
    date is passed as ``date(2010, 1, 1)`` with ``"year"``). Without a
    reference, relative mentions are returned with ``value=None``. ``order``
    (``"dmy"``/``"mdy"``, from :func:`numeric_date_order` over the whole
    article) says how to read ambiguous numeric dates such as ``04/11/2021``.
    """
    if not text:
        return []
    if isinstance(reference, _dt.datetime):
        reference = reference.date()
    finder = _Finder(text, reference, reference_precision, order)
    finder.months()
    finder.numeric_dates()
    finder.years()
    finder.relative_expressions()
    finder.year_anaphors()
    finder.span_anaphors()
    finder.weekdays()
    return [
        DateMention(s, e, text[s:e], value, prec, rel)
        for s, e, _, value, prec, rel in finder.link(_select(finder.out))
    ]
