"""What a format says about an article beside its text: dates in the forms metadata uses.

Web pages, PDFs, Word files and collections give dates as ISO strings
(``2013-06-25T10:00:00+07:00``), PDF date strings (``D:20130625100000``),
e-mail style dates (``Tue, 25 Jun 2013 10:00:00 GMT``, RSS ``pubDate``),
``datetime`` objects or Unix times. :func:`iso_date` turns them into the ISO
date the text would give.
"""

from __future__ import annotations

import datetime as dt
import re
from email.utils import parsedate_tz

from timeline.model import precision_of
from timeline.reading.articledate import FoundDate

__all__ = ["iso_date", "metadata_date"]

_ISO = re.compile(r"^\s*((?:19|20)\d\d)(?:-(\d\d)(?:-(\d\d))?)?(?=$|[T\s_]|[+-]\d\d:?\d\d|Z)")
_COMPACT = re.compile(r"^\s*(?:D:)?((?:19|20)\d\d)(\d\d)?(\d\d)?(?:\d{0,6})(?:[Zz+\-'].*)?\s*$")


def iso_date(value: object) -> str | None:
    """An ISO date (``2013-06-25``, ``2013-06`` or ``2013``) from a metadata value, or None.

    A string that is none of the known forms is returned as it is, stripped,
    for the text's own date reading to try (``June 25, 2013``).
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%Y-%m-%d") if 1900 <= value.year <= 2099 else None
    if isinstance(value, int | float):
        if not 0 < value < 4102444800:  # Unix seconds up to 2100
            return None
        return dt.datetime.fromtimestamp(value, dt.UTC).strftime("%Y-%m-%d")
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    for pattern in (_ISO, _COMPACT):
        m = pattern.match(text)
        if m:
            year, month, day = m.groups()
            return _valid(year, month, day)
    parsed = parsedate_tz(text)
    if parsed is not None and parsed[0] and 1900 <= parsed[0] <= 2099:
        return f"{parsed[0]:04d}-{parsed[1]:02d}-{parsed[2]:02d}"
    return text[:100]


def _valid(year: str, month: str | None, day: str | None) -> str | None:
    if month is None:
        return year
    if not 1 <= int(month) <= 12:
        return year
    if day is None:
        return f"{year}-{month}"
    try:
        dt.date(int(year), int(month), int(day))
    except ValueError:
        return f"{year}-{month}"
    return f"{year}-{month}-{day}"


def metadata_date(value: object) -> FoundDate | None:
    """A fallback article date from a document's properties, marked approximate."""
    iso = iso_date(value)
    if iso is None or not re.fullmatch(r"\d{4}(?:-\d\d){0,2}", iso):
        return None
    return FoundDate(iso, precision_of(iso), True, None)
