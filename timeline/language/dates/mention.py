"""Date mentions and the candidates they are chosen from."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import NamedTuple

from timeline.model import Precision

__all__ = ["Candidate", "DateMention", "iso", "valid_day"]


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

    def shifted(self, offset: int) -> DateMention:
        """The same mention with its span moved by ``offset`` characters."""
        return DateMention(
            self.start + offset, self.end + offset, self.text, self.value, self.precision,
            self.relative,
        )  # fmt: skip


#: How firmly a candidate was read, for choosing between overlapping ones (lower wins).
PRIORITY_ABSOLUTE, PRIORITY_RELATIVE, PRIORITY_BARE = 0, 1, 2
#: Precisions from coarse to fine.
RANK = {"year": 0, "month": 1, "day": 2}


class Candidate(NamedTuple):
    """A possible mention, before overlaps are settled and mentions linked."""

    start: int
    end: int
    priority: int
    value: str | None
    precision: Precision | None
    relative: bool


def iso(year: int, month: int = 1, day: int = 1, precision: Precision = "day") -> str:
    """An ISO date string at ``precision``."""
    if precision == "year":
        return f"{year:04d}"
    if precision == "month":
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def valid_day(year: int, month: int, day: int) -> bool:
    """Whether the day exists in the calendar."""
    try:
        _dt.date(year, month, day)
    except ValueError:
        return False
    return True


class DateExample(NamedTuple):
    """A text a date family must read, and what it must find there.

    ``found`` lists ``(mention text, value)`` pairs, in order; an empty
    ``found`` means the text must give no date at all. ``reference`` is the
    article date relative expressions count from (ISO; None for none).
    """

    text: str
    found: tuple[tuple[str, str | None], ...]
    reference: str | None = "2013-06-25"
    reference_precision: Precision = "day"
