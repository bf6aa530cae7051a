"""Find calendar date mentions in news text and resolve them to ISO values.

:func:`find_dates` scans a text with a few compiled regular expressions, one
pass per family of patterns (each in a module of its own, with the texts it
must and must not read: :mod:`.months`, :mod:`.numbers`, :mod:`.relative`,
:mod:`.anaphors`), checks each candidate against its context, keeps the
longest of overlapping candidates (:func:`.finder.select`, linear in the text)
and links mentions that count from one another (:mod:`.link`). python-dateutil's
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

from timeline.language.dates import anaphors, months, numbers, relative
from timeline.language.dates.finder import Finder, select
from timeline.language.dates.link import link
from timeline.language.dates.mention import DateExample, DateMention
from timeline.language.dates.numbers import numeric_date_order
from timeline.model import Precision

__all__ = [
    "EXAMPLES",
    "DateExample",
    "DateMention",
    "find_dates",
    "numeric_date_order",
    "work_done",
]

#: Every date family's examples, by family: the texts each must and must not read.
EXAMPLES: dict[str, tuple[DateExample, ...]] = {
    "months": months.EXAMPLES,
    "numeric dates": numbers.NUMERIC_EXAMPLES,
    "years": numbers.YEAR_EXAMPLES,
    "relative expressions": relative.RELATIVE_EXAMPLES,
    "weekdays": relative.WEEKDAY_EXAMPLES,
    "anaphors": anaphors.EXAMPLES,
}


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
    return _find(text, reference, reference_precision, order)[0]


def work_done(
    text: str,
    reference: _dt.date | None = None,
    reference_precision: Precision = "day",
    order: str | None = None,
) -> int:
    """How many steps :func:`find_dates` takes on ``text`` (candidates weighed, tense markers
    looked at): a deterministic measure of its work, for checking that it grows linearly."""
    return _find(text, reference, reference_precision, order)[1]


def _find(
    text: str, reference: _dt.date | None, reference_precision: Precision, order: str | None
) -> tuple[list[DateMention], int]:
    if not text:
        return [], 0
    if isinstance(reference, _dt.datetime):
        reference = reference.date()
    finder = Finder(text, reference, reference_precision, order)
    months.find_months(finder)
    numbers.find_numeric_dates(finder)
    numbers.find_years(finder)
    relative.find_relative(finder)
    anaphors.find_year_anaphors(finder)
    anaphors.find_span_anaphors(finder)
    relative.find_weekdays(finder)
    linked = link(finder, select(finder.out, len(text)))
    finder.work += len(linked)
    mentions = [
        DateMention(c.start, c.end, text[c.start : c.end], c.value, c.precision, c.relative)
        for c in linked
    ]
    return mentions, finder.work
