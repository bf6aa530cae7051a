"""A country's TIP tier year by year: the tier events of a corpus as a table of cells.

One cell per country and report year. A cell holds the tier its evidence
gives (None: a move without a tier), the tier before when the evidence says,
the events and articles behind it, and whether the evidence disagrees. Beside
the years the events are dated, the evidence tells of years before them: "for
a third straight year" and "after two years on the watch list" give the
earlier years their tier, and "ranked Tier 3 in 2014 and 2015" gives 2015 its
previous tier. No Textual, no parsing: this reads the tier fields the
extractor filled in.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from timeline.model import Event

__all__ = ["RANKER", "TierCell", "tier_cells", "tiers_csv", "tiers_json", "tiers_table"]

#: The author of the rankings: never a row of its own table beside the countries it ranks.
RANKER = "United States"
#: Order of tiers from best to worst, for arrows.
TIER_ORDER = {"1": 0, "2": 1, "2WL": 2, "3": 3}
TIER_SHORT = {"1": "1", "2": "2", "2WL": "2WL", "3": "3"}


@dataclass(slots=True)
class TierCell:
    """One country's tier in one report year, with its evidence."""

    country: str
    year: int
    tier: str | None = None
    previous: str | None = None
    events: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    conflict: bool = False
    #: Tiers (and previous tiers) each piece of evidence gives; told directly or inferred.
    _tiers: Counter = field(default_factory=Counter, repr=False)
    _previous: Counter = field(default_factory=Counter, repr=False)

    def add(self, event: Event, tier: str | None, previous: str | None, weight: int) -> None:
        """Count one piece of evidence (``weight`` 2 when told, 1 when inferred)."""
        if event.id not in self.events:
            self.events.append(event.id)
        if event.article not in self.articles:
            self.articles.append(event.article)
        if tier:
            self._tiers[tier] += weight
        if previous:
            self._previous[previous] += weight

    def settle(self) -> None:
        """Choose the tier most evidence gives; mark a disagreement."""
        self.tier = _most(self._tiers)
        self.previous = _most(self._previous)
        self.conflict = len(self._tiers) > 1 or len(self._previous) > 1

    @property
    def arrow(self) -> str:
        """``↑``/``↓`` for a move told without its tier, else ``""``."""
        if self.tier or not self.previous:
            return ""
        return "↓" if self.previous == "1" else "↑" if self.previous == "3" else "↕"

    def to_dict(self) -> dict:
        """The cell as ``timeline tiers --format json`` writes it."""
        return {
            "country": self.country,
            "year": self.year,
            "tier": self.tier,
            "previous": self.previous,
            "events": list(self.events),
            "articles": list(self.articles),
            "conflict": self.conflict,
        }


def _most(counts: Counter) -> str | None:
    if not counts:
        return None
    return sorted(counts.items(), key=lambda kv: (-kv[1], TIER_ORDER.get(kv[0], 9)))[0][0]


def _ranked(event: Event) -> list[str]:
    others = [c for c in event.countries if c != RANKER]
    return others or list(event.countries)


def tier_cells(events: Iterable[Event], countries: Iterable[str] = ()) -> list[TierCell]:
    """The table's cells, by country then year (``countries``: only these)."""
    wanted = set(countries)
    cells: dict[tuple[str, int], TierCell] = {}
    by_sentence: dict[tuple[str, int, str], dict[int, str | None]] = {}

    def cell(country: str, year: int) -> TierCell:
        found = cells.get((country, year))
        if found is None:
            found = cells[(country, year)] = TierCell(country, year)
        return found

    tier_events = [e for e in events if e.type == "tier_change"]
    for event in tier_events:
        year = event.report_year  # None: the sentence tells no ranking the reader could read
        if year is None:
            continue
        for country in _ranked(event):
            if wanted and country not in wanted:
                continue
            cell(country, year).add(event, event.tier, event.previous, 2)
            by_sentence.setdefault((event.article, event.start, country), {})[year] = event.tier
            for back in range(1, event.previous_years + 1):
                # "for a third straight year", "after two years on the watch list"
                earlier = cell(country, year - back)
                earlier.add(
                    event,
                    event.previous,
                    event.previous if back < event.previous_years else None,
                    1,
                )
    # "ranked Tier 3 in 2014 and 2015": the later year of a run named in one sentence had
    # the tier of the year before.
    for (_article, _start, country), years in by_sentence.items():
        for year, tier in years.items():
            if tier and years.get(year - 1) == tier:
                cells[(country, year)]._previous[tier] += 1
    for found in cells.values():
        found.settle()
    return sorted(cells.values(), key=lambda c: (c.country, c.year))


def tiers_json(cells: list[TierCell]) -> str:
    """The cells as a JSON list."""
    return json.dumps([c.to_dict() for c in cells], ensure_ascii=False, indent=2) + "\n"


def tiers_csv(cells: list[TierCell]) -> str:
    """The cells as CSV, the JSON's columns (lists joined with ``; ``)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(["country", "year", "tier", "previous", "events", "articles", "conflict"])
    for c in cells:
        writer.writerow(
            [
                c.country, c.year, c.tier or "", c.previous or "", "; ".join(c.events),
                "; ".join(c.articles), "true" if c.conflict else "false",
            ]
        )  # fmt: skip
    return out.getvalue()


def tiers_table(cells: list[TierCell]) -> list[str]:
    """A plain table: countries down, report years across; ``!`` marks conflicting evidence."""
    if not cells:
        return ["no tier rankings found"]
    years = sorted({c.year for c in cells})
    countries = sorted({c.country for c in cells})
    at = {(c.country, c.year): c for c in cells}
    width = max(12, *(len(name) for name in countries))
    lines = [f"{'COUNTRY':<{width}}  " + " ".join(f"{y:>5}" for y in years)]
    for country in countries:
        row = []
        for year in years:
            c = at.get((country, year))
            text = "" if c is None else TIER_SHORT.get(c.tier or "", c.arrow or "?")
            if c is not None and c.conflict:
                text += "!"
            row.append(f"{text:>5}")
        lines.append(f"{country:<{width}}  " + " ".join(row))
    return lines
