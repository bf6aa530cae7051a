"""The data model shared by every layer: articles, events and date values.

No I/O and no Textual here: these are plain dataclasses that the corpus
reader, the extractor, the index, the exporters and the browser all pass
around.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Precision = Literal["year", "month", "day"]

#: The fixed vocabulary of event types, in the order they are shown.
EVENT_TYPES: tuple[str, ...] = (
    "task_force",
    "tier_change",
    "conference",
    "agreement",
    "law",
    "enforcement",
    "statistic",
    "report",
    "other",
)

#: Short labels for narrow displays (the browser's type column).
TYPE_LABELS: dict[str, str] = {
    "task_force": "TASKFORCE",
    "tier_change": "TIER",
    "conference": "MEETING",
    "agreement": "AGREEMENT",
    "law": "LAW",
    "enforcement": "ENFORCE",
    "statistic": "STATS",
    "report": "REPORT",
    "other": "OTHER",
}

MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def precision_of(value: str) -> Precision:
    """The precision of an ISO date string: ``2007``, ``2007-04`` or ``2007-04-06``."""
    return {4: "year", 7: "month"}.get(len(value), "day")  # type: ignore[return-value]


@dataclass(frozen=True, slots=True)
class DateValue:
    """A calendar date at the precision the text supports.

    ``value`` is an ISO string (``2007``, ``2007-04`` or ``2007-04-06``);
    ``approximate`` is true when the date was inferred rather than read.
    """

    value: str
    precision: Precision
    approximate: bool = False

    @classmethod
    def parse(cls, value: str, approximate: bool = False) -> DateValue:
        """Build a value from an ISO string, taking the precision from its length."""
        return cls(value, precision_of(value), approximate)

    @property
    def year(self) -> int:
        """The calendar year."""
        return int(self.value[:4])

    def display(self) -> str:
        """Human form at its precision: ``6 Apr 2007``, ``Apr 2007``, ``~2007``."""
        return format_date(self.value, self.approximate)


def format_date(value: str | None, approximate: bool = False) -> str:
    """Format an ISO date at its own precision for people; ``undated`` for None."""
    if not value:
        return "undated"
    parts = value.split("-")
    if len(parts) == 1:
        text = parts[0]
    elif len(parts) == 2:
        text = f"{MONTH_ABBR[int(parts[1]) - 1]} {parts[0]}"
    else:
        text = f"{int(parts[2])} {MONTH_ABBR[int(parts[1]) - 1]} {parts[0]}"
    return f"~{text}" if approximate else text


@dataclass(slots=True)
class Article:
    """One file of the corpus.

    ``text`` is the whole decoded file, as the article view shows it. Events
    are found only in ``text[body_start:body_end]``: the part after header
    boilerplate (front matter, navigation lines) and before trailing
    boilerplate (related stories, comment prompts). Every span anywhere
    refers to ``text``.
    """

    file: str
    title: str
    text: str
    body_start: int = 0
    body_end: int | None = None
    date: str | None = None
    precision: Precision | None = None
    approximate: bool = False
    source: str | None = None
    url: str | None = None
    #: Span in ``text`` of the header date the article date was read from, if any.
    date_span: tuple[int, int] | None = None

    def __post_init__(self) -> None:
        if self.body_end is None:
            self.body_end = len(self.text)

    @property
    def body(self) -> str:
        """The part of the text that events are extracted from."""
        return self.text[self.body_start : self.body_end]

    @property
    def date_value(self) -> DateValue | None:
        """The article date as a :class:`DateValue`, or None when unknown."""
        if not self.date:
            return None
        return DateValue(self.date, self.precision or precision_of(self.date), self.approximate)

    def to_dict(self) -> dict:
        """The article's fields as the JSON export writes them."""
        return {
            "file": self.file,
            "title": self.title,
            "date": self.date,
            "precision": self.precision,
            "approximate": self.approximate,
        }


@dataclass(slots=True)
class Event:
    """A dated (or undated) event found in one sentence of one article.

    ``sentence == article.text[start:end]``. ``countries`` holds canonical
    country names; those in ``inherited`` were not named in the sentence but
    taken from the article's main country. ``date_start``/``date_end`` give the
    span in the article text of the date mention the date came from (None
    when the date came from the article date or there is none).
    """

    id: str
    date: str | None
    precision: Precision | None
    approximate: bool
    type: str
    countries: tuple[str, ...]
    summary: str
    article: str
    sentence: str
    start: int
    end: int
    inherited: tuple[str, ...] = ()
    date_start: int | None = None
    date_end: int | None = None
    #: Free-form extra data (stars and notes are attached by the notes store).
    extra: dict = field(default_factory=dict)

    @property
    def year(self) -> int | None:
        """The event's year, or None when undated."""
        return int(self.date[:4]) if self.date else None

    @property
    def sort_key(self) -> tuple:
        """Chronological order, undated last, stable within a date."""
        return (self.date is None, self.date or "", self.article, self.start)

    def display_date(self) -> str:
        """The date at its precision, ``~`` for approximate, ``undated`` when None."""
        return format_date(self.date, self.approximate)

    def to_dict(self) -> dict:
        """The event's fields as the JSON export writes them."""
        return {
            "id": self.id,
            "date": self.date,
            "precision": self.precision,
            "approximate": self.approximate,
            "type": self.type,
            "countries": list(self.countries),
            "inherited_countries": list(self.inherited),
            "summary": self.summary,
            "article": self.article,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
        }


@dataclass(slots=True)
class Corpus:
    """Articles and their events, with the warnings met while reading them."""

    name: str
    articles: list[Article]
    events: list[Event]
    warnings: list[str] = field(default_factory=list)
    _by_file: dict[str, Article] = field(default_factory=dict, repr=False, compare=False)

    def article(self, file: str) -> Article | None:
        """The article with that file name, or None."""
        if len(self._by_file) != len(self.articles):
            self._by_file = {article.file: article for article in self.articles}
        return self._by_file.get(file)
