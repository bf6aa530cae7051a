"""The tiers view's table: countries down, report years across, a cell cursor.

No Textual here. :class:`TierGrid` lays out the cells of
:func:`timeline.tiers.tier_cells` (one per country and report year: the tier
its evidence gives, the tier before, whether the evidence disagrees) and
says what a cell reads (``3``, ``2WL``, ``↑`` for a move told without its
tier, ``!`` after a cell whose evidence disagrees) and what it means in words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from timeline.tiers import TIER_SHORT, TierCell

__all__ = ["TIER_NAMES", "TierGrid", "cell_label", "cell_meaning"]

#: How a tier is said in words.
TIER_NAMES = {"1": "Tier 1", "2": "Tier 2", "2WL": "Tier 2 Watch List", "3": "Tier 3"}


def cell_label(cell: TierCell | None) -> str:
    """What a cell reads: the tier, an arrow for a move without one, ``!`` on a conflict."""
    if cell is None:
        return ""
    text = TIER_SHORT.get(cell.tier or "", cell.arrow or "?")
    return text + "!" if cell.conflict else text


def cell_meaning(cell: TierCell) -> str:
    """The cell in words: ``2006 report: moved up from Tier 3 (its tier not stated)``."""
    said = f"{cell.year} report: "
    before = TIER_NAMES.get(cell.previous or "", "")
    if cell.tier:
        said += TIER_NAMES.get(cell.tier, cell.tier)
        if before and cell.previous != cell.tier:
            said += f", up from {before}" if _better(cell.tier, cell.previous) else ""
            said += f", down from {before}" if _better(cell.previous, cell.tier) else ""
        elif before:
            said += ", unchanged"
    elif cell.arrow == "↑":
        said += f"moved up from {before} (the new tier not stated)"
    elif cell.arrow == "↓":
        said += f"moved down from {before} (the new tier not stated)"
    elif before:
        said += f"moved from {before} (the new tier not stated)"
    else:
        said += "ranked, the tier not stated"
    if cell.conflict:
        said += " · the evidence disagrees (!)"
    return said


_ORDER = {"1": 0, "2": 1, "2WL": 2, "3": 3}


def _better(a: str | None, b: str | None) -> bool:
    return a in _ORDER and b in _ORDER and _ORDER[a] < _ORDER[b]  # type: ignore[index]


@dataclass(slots=True)
class TierGrid:
    """The cells laid out: ``countries`` (rows), ``years`` (columns), a cursor."""

    countries: list[str]
    years: list[int]
    at: dict[tuple[str, int], TierCell] = field(default_factory=dict)
    row: int = 0
    col: int = 0

    @classmethod
    def of(cls, cells: Iterable[TierCell]) -> TierGrid:
        """The grid of ``cells``: every country and report year that has one."""
        at = {(c.country, c.year): c for c in cells}
        countries = sorted({country for country, _ in at})
        years = sorted({year for _, year in at})
        return cls(countries, years, at)

    @property
    def empty(self) -> bool:
        """Whether there is no cell at all."""
        return not self.at

    def cell(self, country: str, year: int) -> TierCell | None:
        """The cell of one country and report year (None: nothing said of it)."""
        return self.at.get((country, year))

    @property
    def current(self) -> tuple[str, int] | None:
        """The (country, year) under the cursor."""
        if self.empty:
            return None
        return self.countries[self.row], self.years[self.col]

    def move(self, dx: int, dy: int) -> None:
        """Move the cursor by columns and rows (clamped)."""
        if not self.empty:
            self.col = max(0, min(len(self.years) - 1, self.col + dx))
            self.row = max(0, min(len(self.countries) - 1, self.row + dy))

    def place(self, country: str | None) -> None:
        """Put the cursor on ``country``'s row (where it has one), at its first cell."""
        if country in self.countries:
            self.row = self.countries.index(country)
        if self.empty:
            return
        name = self.countries[self.row]
        first = next((n for n, y in enumerate(self.years) if (name, y) in self.at), 0)
        self.col = first

    def row_labels(self, country: str) -> list[str]:
        """What each column of ``country``'s row reads."""
        return [cell_label(self.cell(country, year)) for year in self.years]
