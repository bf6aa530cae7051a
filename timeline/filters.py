"""The one filter of events, for the command line and the browser alike.

``timeline list --year 2010 --country Cambodia`` and the browser's filters
build the same :class:`Filter`, so both show the same events and describe
them the same way. Names typed by the user (countries, types, years) are
parsed here too.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace

from timeline.model import TYPES, Event, type_label
from timeline.query import parse

__all__ = [
    "Filter",
    "FilterError",
    "parse_countries",
    "parse_types",
    "parse_years",
    "region_members",
    "shown_via",
    "via_region",
]


class FilterError(ValueError):
    """A filter value that names nothing known; the message lists the valid ones."""


@dataclass(frozen=True, slots=True)
class Filter:
    """Which events to show; an empty field filters nothing, the fields combine with AND.

    ``years`` is an inclusive range; an event matches ``countries`` when it
    names any of them, ``types`` likewise. ``starred`` keeps the events whose
    ids are in the starred set handed to :meth:`matches` (stars are kept by
    the notes store, not in the event). ``search`` is the command line's
    full-text query (:mod:`timeline.query`), matched against each event's
    sentence, and with ``in_article`` its article's text too; the
    browser searches apart from its filters.
    """

    years: tuple[int, int] | None = None
    countries: frozenset[str] = frozenset()
    types: frozenset[str] = frozenset()
    starred: bool = False
    search: str | None = None
    in_article: bool = False

    @property
    def active(self) -> bool:
        """True when anything is filtered out."""
        return bool(self.years or self.countries or self.types or self.starred or self.search)

    def matches(
        self,
        event: Event,
        starred: Collection[str] = frozenset(),
        search_ids: Collection[str] | None = None,
        article_text: str | None = None,
    ) -> bool:
        """Whether one event passes. ``search_ids``: the ids a search found for
        :attr:`search` (without it, the search is matched here, in ``article_text``
        too when :attr:`in_article`)."""
        if self.years is not None:
            if event.date is None:
                return False
            if not self.years[0] <= int(event.date[:4]) <= self.years[1]:
                return False
        countries = self.countries
        if (
            countries
            and not countries.intersection(event.countries)
            and not via_region(event, countries)
        ):
            return False
        if self.types and event.type not in self.types:
            return False
        if self.starred and event.id not in starred:
            return False
        if self.search:
            if search_ids is not None:
                return event.id in search_ids
            query = parse(self.search)
            if query is None:
                return True
            return query.matches_event(event, article_text if self.in_article else None)
        return True

    def apply(
        self,
        events: Iterable[Event],
        starred: Collection[str] = frozenset(),
        search_ids: Collection[str] | None = None,
    ) -> list[Event]:
        """The events that pass, in their given order (a search needs ``search_ids``, or is
        matched against each event's sentence)."""
        return [e for e in events if self.matches(e, starred, search_ids)]

    def describe(self) -> str:
        """A short human description, e.g. ``years: 2008–2012 · country: Cambodia · type: LAW``."""
        parts = []
        if self.years is not None:
            low, high = self.years
            parts.append(f"year: {low}" if low == high else f"years: {low}–{high}")
        if self.countries:
            parts.append("country: " + ", ".join(sorted(self.countries)))
        if self.types:
            parts.append("type: " + ", ".join(type_label(t) for t in sorted(self.types)))
        if self.search:
            where = " in articles" if self.in_article else ""
            parts.append(f'search{where}: "{self.search}"')
        if self.starred:
            parts.append("starred")
        return " · ".join(parts)

    def with_(self, **changes) -> Filter:
        """A copy with some fields changed."""
        return replace(self, **changes)


def via_region(event: Event, countries: frozenset[str]) -> str | None:
    """The regional group through which an event concerns one of ``countries`` (an ASEAN
    event for Cambodia, or any ASEAN event for "ASEAN"), else None."""
    if not event.regions:
        return None
    from timeline.extraction.regions import members

    for region in event.regions:
        if region in countries or members(region) & countries:
            return region
    return None


def shown_via(event: Event, countries: frozenset[str]) -> str | None:
    """The regional group to name beside an event a country filter shows only through
    it ("via ASEAN" for an ASEAN event under the Cambodia filter); None when the event
    names a country of the filter, or when the filter names the group itself."""
    if not countries or not event.regions or countries.intersection(event.countries):
        return None
    region = via_region(event, countries)
    return None if region in countries else region


def region_members(name: str) -> frozenset[str] | None:
    """The member countries of a regional group ("ASEAN"), or None when ``name`` is not a
    group's name (for the browser, which reads no extraction data itself)."""
    from timeline.extraction.regions import REGIONS, members

    return members(name) if name in REGIONS else None


def parse_years(text: str) -> tuple[int, int]:
    """``2010`` or ``2008-2012`` (also ``2008:2012``, ``2008..2012``) as an inclusive range."""
    m = re.fullmatch(r"\s*(\d{4})\s*(?:(?:-|–|:|\.\.)\s*(\d{4}))?\s*", text)
    if not m:
        raise FilterError(f"not a year or a year range: {text!r} (use 2010 or 2008-2012)")
    a = int(m.group(1))
    b = int(m.group(2) or a)
    return (a, b) if a <= b else (b, a)


def parse_countries(names: Iterable[str], present: Iterable[str] = ()) -> frozenset[str]:
    """Canonical country names for user input (names, aliases, demonyms; any case), and
    regional groups' names ("asean": the group's events and its members')."""
    names = list(names or ())
    if not names:
        return frozenset()  # no gazetteer loaded for a run without --country
    from timeline.extraction.places import COUNTRIES, canonical_country
    from timeline.extraction.regions import canonical_region

    out = set()
    for name in names:
        for part in name.split(","):
            part = part.strip()
            if not part:
                continue
            country = canonical_country(part) or canonical_region(part)
            if country is None:
                valid = sorted(set(present)) or list(COUNTRIES)
                raise FilterError(
                    f"unknown country: {part!r}. Countries in this corpus: " + ", ".join(valid)
                )
            out.add(country)
    return frozenset(out)


def parse_types(names: Iterable[str]) -> frozenset[str]:
    """Event types from user input: a type's name (``tier_change``), its label (``TIER``)
    or a prefix of a name that no other type shares (``tier``), in any case."""
    out = set()
    for name in names:
        for part in name.split(","):
            part = part.strip().lower().replace("-", "_").replace(" ", "_")
            if part:
                out.add(_one_type(part))
    return frozenset(out)


def _one_type(typed: str) -> str:
    for t in TYPES:
        if typed in (t.name, t.label.lower()):
            return t.name
    prefixed = [
        t.name for t in TYPES if t.name.startswith(typed) or t.label.lower().startswith(typed)
    ]
    if len(set(prefixed)) == 1:
        return prefixed[0]
    known = ", ".join(f"{t.name} ({t.label})" for t in TYPES)
    if prefixed:
        raise FilterError(f"ambiguous event type: {typed!r} could be {', '.join(prefixed)}")
    raise FilterError(f"unknown event type: {typed!r}. Valid types: {known}")
