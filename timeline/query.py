"""Filtering events: years, countries, types, text search and stars.

Shared by the command line and the browser so that ``timeline list`` and the
timeline show the same events for the same filters.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from timeline.model import EVENT_TYPES, Event
from timeline.places import COUNTRIES, canonical_country


class FilterError(ValueError):
    """A filter value that names nothing known; the message lists the valid ones."""


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to show. Empty fields filter nothing.

    ``search_ids`` is set when an index answered the search (full-text over
    article text too); otherwise ``search`` is matched in memory.
    """

    years: tuple[int, int] | None = None
    countries: frozenset[str] = frozenset()
    types: frozenset[str] = frozenset()
    search: str | None = None
    starred: bool = False
    starred_ids: frozenset[str] = frozenset()
    search_ids: frozenset[str] | None = field(default=None, compare=False)

    @property
    def active(self) -> bool:
        """True when any filter is set."""
        return bool(self.years or self.countries or self.types or self.search or self.starred)

    def matches(self, event: Event, title: str = "") -> bool:
        """True when the event passes every filter."""
        if self.years is not None:
            if event.date is None:
                return False
            year = int(event.date[:4])
            if not self.years[0] <= year <= self.years[1]:
                return False
        if self.countries and not self.countries.intersection(event.countries):
            return False
        if self.types and event.type not in self.types:
            return False
        if self.starred and event.id not in self.starred_ids:
            return False
        if self.search:
            if self.search_ids is not None:
                return event.id in self.search_ids
            return text_matches(self.search, event, title)
        return True

    def apply(self, events: Iterable[Event], titles: dict[str, str] | None = None) -> list[Event]:
        """The events that pass, in their given order."""
        titles = titles or {}
        return [e for e in events if self.matches(e, titles.get(e.article, ""))]

    def describe(self) -> str:
        """A short human description, e.g. ``2008–2012 · Cambodia · conference · "task"``."""
        parts = []
        if self.years:
            a, b = self.years
            parts.append(str(a) if a == b else f"{a}–{b}")
        if self.countries:
            parts.append(", ".join(sorted(self.countries)))
        if self.types:
            parts.append(", ".join(t for t in EVENT_TYPES if t in self.types))
        if self.search:
            parts.append(f'"{self.search}"')
        if self.starred:
            parts.append("starred")
        return " · ".join(parts)

    def with_(self, **changes) -> EventFilter:
        """A copy with some fields changed."""
        return replace(self, **changes)


_TERMS = re.compile(r'"([^"]+)"|(\S+)')


def search_terms(query: str) -> list[str]:
    """Lower-cased terms of a query; ``"quoted phrases"`` stay whole."""
    return [(a or b).lower() for a, b in _TERMS.findall(query) if (a or b).strip('"')]


def text_matches(query: str, event: Event, title: str = "") -> bool:
    """In-memory search: every term occurs in the sentence, summary, type, countries or title."""
    haystack = event_haystack(event, title)
    return all(term.strip('"*') in haystack for term in search_terms(query))


def event_haystack(event: Event, title: str = "") -> str:
    """The lower-cased text an in-memory search looks through."""
    return " ".join(
        (event.sentence, event.summary, event.type, " ".join(event.countries), title)
    ).lower()


def parse_years(text: str) -> tuple[int, int]:
    """``2010`` or ``2008-2012`` (also ``2008:2012``, ``2008..2012``) as an inclusive range."""
    m = re.fullmatch(r"\s*(\d{4})\s*(?:(?:-|–|:|\.\.)\s*(\d{4}))?\s*", text)
    if not m:
        raise FilterError(f"not a year or a year range: {text!r} (use 2010 or 2008-2012)")
    a = int(m.group(1))
    b = int(m.group(2) or a)
    return (a, b) if a <= b else (b, a)


def parse_countries(names: Iterable[str], present: Iterable[str] = ()) -> frozenset[str]:
    """Canonical country names for user input (names, aliases, demonyms; any case)."""
    out = set()
    for name in names:
        for part in name.split(","):
            part = part.strip()
            if not part:
                continue
            country = canonical_country(part)
            if country is None:
                valid = sorted(set(present)) or list(COUNTRIES)
                raise FilterError(
                    f"unknown country: {part!r}. Countries in this corpus: " + ", ".join(valid)
                )
            out.add(country)
    return frozenset(out)


def parse_types(names: Iterable[str]) -> frozenset[str]:
    """Event types from user input, checked against the vocabulary."""
    out = set()
    for name in names:
        for part in name.split(","):
            part = part.strip().lower().replace("-", "_").replace(" ", "_")
            if not part:
                continue
            if part not in EVENT_TYPES:
                raise FilterError(
                    f"unknown event type: {part!r}. Valid types: " + ", ".join(EVENT_TYPES)
                )
            out.add(part)
    return frozenset(out)


Searcher = Callable[[str], "set[str] | None"]
