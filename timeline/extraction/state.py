"""The state the stages of :func:`timeline.extraction.extract.extract_events` share: what
they know of the article, what it has told so far, and the sentence being read."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from timeline.extraction.places import CountryMention
from timeline.extraction.regions import RegionMention
from timeline.extraction.tiers import Ranking
from timeline.language.dates import DateMention
from timeline.model import Article, Event

__all__ = ["ArticleState", "Choice", "SentenceState", "StoryState"]

#: A date choice: (ISO value or None, approximate, the mention it came from or None).
Choice = tuple[str | None, bool, DateMention | None]


@dataclass(slots=True)
class ArticleState:
    """What the stages know of the article: its mentions and main country."""

    article: Article
    #: The text as it is read: the article's, markup left in it blanked (same length).
    text: str
    dates: list[DateMention]
    date_starts: list[int]
    places: list[CountryMention]
    place_starts: list[int]
    regions: list[RegionMention]
    region_starts: list[int]
    main: str | None
    #: The photo captions' paragraphs (spans in the text).
    captions: list[tuple[int, int]] = field(default_factory=list)

    def in_caption(self, at: int) -> bool:
        """Whether the text at ``at`` is in a photo caption."""
        return any(low <= at < high for low, high in self.captions)


@dataclass(slots=True)
class StoryState:
    """What the article has told so far, sentence by sentence."""

    #: The last two countries named together in the text.
    pair: list[str] = field(default_factory=list)
    #: The countries of the previous sentence, and where it ended.
    prev_named: list[str] = field(default_factory=list)
    prev_end: int = 0
    #: The countries of the events told so far, by type.
    told: dict[str, set[str]] = field(default_factory=dict)
    #: The date of the first event of each type that named its date (a story tells its news
    #: first).
    told_when: dict[str, Choice] = field(default_factory=dict)
    #: In an undated clipping, the day its lead names (the occasion it reports).
    lead_day: Choice | None = None
    #: Countries already reported for each (type, date) of a singular kind.
    seen_singular: dict[tuple[str, str | None], set[str]] = field(default_factory=dict)
    seen_ids: Counter[str] = field(default_factory=Counter)
    events: list[Event] = field(default_factory=list)
    #: How many paragraph breaks came before the sentence being read.
    paragraph: int = 0
    #: The time the story tells: the main date of the latest sentence that named one, and the
    #: paragraph it stands in.
    frame: tuple[int, Choice] | None = None
    #: The period the lead tells when it is coarser than the article's date and of its year
    #: or the year before ("... convictions were recorded last year" in a statement of
    #: February 2017): the date of happenings told later without one.
    period: Choice | None = None
    #: Events of each type dated by the article alone, that a later sentence may date.
    leads: dict[str, list[Event]] = field(default_factory=dict)
    #: The events found to tell, undated, a happening a later sentence dates.
    dropped: set[int] = field(default_factory=set)


@dataclass
class SentenceState:
    """One sentence being read: its span, text, mentions and context."""

    start: int
    end: int
    #: The sentence as it is read, and as the article writes it (its evidence).
    text: str
    evidence: str
    dates: list[DateMention]
    places: list[CountryMention]
    #: The regional groups it names ("ASEAN"), in order, once each.
    regions: tuple[str, ...]
    #: The countries of the previous sentence of the same paragraph (None at its start).
    previous: list[str] | None
    #: The last pair of countries named before this sentence.
    pair: list[str]

    @cached_property
    def ranking(self) -> Ranking:
        """The sentence read as a ranking (for tier changes)."""
        return Ranking(self.text)
