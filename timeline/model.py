"""The data model shared by every layer: articles, events and date values.

No I/O and no Textual here: these are plain dataclasses that the corpus
reader, the extractor, the index, the exporters and the browser all pass
around.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import attrgetter
from typing import Literal

Precision = Literal["year", "month", "day"]


@dataclass(frozen=True, slots=True)
class EventType:
    """One event type: everything the extractor, the browser and the exports know of it.

    ``action_rank`` orders types when a sentence narrates several actions
    (lower wins); ``cue_rank`` when a dated sentence only names cues (None:
    a cue alone never gives this type). ``singular`` types name one
    happening, so a later sentence of the same type and date elaborates it
    rather than adding an event. ``badge`` is the label's foreground and
    background colour, chosen for contrast on light and dark themes alike.
    """

    name: str
    label: str
    description: str
    badge: tuple[str, str]
    action_rank: int
    cue_rank: int | None
    singular: bool


#: When a sentence narrates several actions, the type listed first here wins.
_ACTION_ORDER = ("task_force", "tier_change", "agreement", "law", "conference", "enforcement",
                 "statistic", "report", "other")  # fmt: skip
#: When a dated sentence only names cues, the type listed first here wins (a cue alone never
#: tells a report).
_CUE_ORDER = ("tier_change", "statistic", "agreement", "law", "conference", "task_force",
              "enforcement", "other")  # fmt: skip
#: What each type covers, in words.
_COVERS: dict[str, str] = {
    "task_force": "a task force, national committee or special unit set up",
    "tier_change": "a country placed, kept, raised or lowered in the US Trafficking in Persons "
    "tiers or watch list",
    "conference": "conferences, meetings, summits, workshops, official visits",
    "agreement": "conventions, MOUs, treaties signed or ratified",
    "law": "legislation, guidelines, national plans adopted",
    "enforcement": "raids, arrests, prosecutions, convictions, rescues, repatriations",
    "statistic": "counts and estimates of cases, victims, money",
    "report": "a report, study or estimate published",
    "other": "something planned or announced with a date of its own",
}


def _event_type(name: str, label: str, badge: tuple[str, str], *, singular: bool) -> EventType:
    """A registry entry, its description and ranks looked up by name."""
    cue_rank = _CUE_ORDER.index(name) if name in _CUE_ORDER else None
    return EventType(
        name, label, _COVERS[name], badge, _ACTION_ORDER.index(name), cue_rank, singular
    )


#: The fixed vocabulary of event types, in the order they are shown.
TYPES: tuple[EventType, ...] = (
    _event_type("task_force", "TASKFORCE", ("#ffffff", "#6d28d9"), singular=True),
    _event_type("tier_change", "TIER", ("#000000", "#f59e0b"), singular=True),
    _event_type("conference", "MEETING", ("#ffffff", "#0369a1"), singular=True),
    _event_type("agreement", "AGREEMENT", ("#ffffff", "#047857"), singular=True),
    _event_type("law", "LAW", ("#ffffff", "#4338ca"), singular=True),
    _event_type("enforcement", "ENFORCE", ("#ffffff", "#b91c1c"), singular=False),
    _event_type("statistic", "STATS", ("#000000", "#22d3ee"), singular=False),
    _event_type("report", "REPORT", ("#000000", "#a3e635"), singular=True),
    _event_type("other", "OTHER", ("#ffffff", "#525252"), singular=False),
)

#: Event type names, in the order they are shown.
EVENT_TYPES: tuple[str, ...] = tuple(t.name for t in TYPES)
_BY_NAME = {t.name: t for t in TYPES}


def event_type(name: str) -> EventType | None:
    """The registry entry of a type name, or None for a name the registry does not know."""
    return _BY_NAME.get(name)


def type_label(name: str) -> str:
    """The short label of a type (``TIER``); an unknown name in capitals."""
    found = _BY_NAME.get(name)
    return found.label if found else name.upper()


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
            "url": self.url,
            "source": self.source,
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
    #: Regional groups the event is about ("ASEAN"), from the gazetteer of groups.
    regions: tuple[str, ...] = ()
    #: For a ``tier_change``: the tier it states ("1", "2", "2WL", "3"; None when the text
    #: tells only a move), the tier before when the text gives it, the report's edition.
    tier: str | None = None
    previous: str | None = None
    report_year: int | None = None
    #: How many report years before this one the text says had the previous tier ("for a
    #: third straight year": 2; "after two years on the watch list": 2).
    previous_years: int = 0
    #: The story (one happening told by several articles) the event belongs to.
    story: str | None = None

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
            "regions": list(self.regions),
            "tier": self.tier,
            "previous": self.previous,
            "report_year": self.report_year,
            "previous_years": self.previous_years,
            "story": self.story,
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


def sort_events(events: list[Event], *, presorted: bool = False) -> list[Event]:
    """Events in :attr:`Event.sort_key` order: by date, undated last, then article and start.

    ``presorted``: the events are already in (article, start) order, so a
    stable sort on the date alone gives the full order (several times faster).
    """
    if not presorted:
        events = sorted(events, key=attrgetter("article", "start"))
    dated = [event for event in events if event.date is not None]
    dated.sort(key=attrgetter("date"))
    dated.extend(event for event in events if event.date is None)
    return dated
