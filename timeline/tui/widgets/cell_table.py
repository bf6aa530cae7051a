"""What the grid and the tiers table share: countries down, years across, a cursor cell.

:class:`CellTable` draws the years' line, a row per country and the cursor,
scrolled to keep the cursor in view; a subclass says where the cursor is
and what each cell reads.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.widget import Widget

from timeline.tui.render import one_line

__all__ = ["CELL_WIDTH", "LABEL_WIDTH", "CellTable", "Paint", "scroll_window"]

LABEL_WIDTH = 15
CELL_WIDTH = 6

#: What a (country, year) cell reads and its style (the cursor's is added over it).
Paint = Callable[[str, int], tuple[str, Style]]


def scroll_window(cursor: int, first: int, visible: int) -> int:
    """The first of ``visible`` rows (or columns) shown, moved as little as keeps
    ``cursor`` in view (``first``: the first shown before)."""
    if cursor < first:
        return cursor
    if cursor >= first + visible:
        return cursor - visible + 1
    return first


class CellTable(Widget, can_focus=True):
    """Countries down, years across, a cursor cell; it scrolls to keep the cursor in view.

    A subclass gives :meth:`axes` and :meth:`painter`; ``COMPONENTS`` is the
    prefix of its component classes ``…--axis``, ``…--axis-current`` and
    ``…--cursor``.
    """

    COMPONENTS: ClassVar[str] = ""
    #: Said in place of the table when it has no cells.
    EMPTY: ClassVar[str] = ""
    #: Whether the gap after a cell takes the cell's style (else the axis's).
    SHADE_GAP: ClassVar[bool] = False

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._left = 0
        self._top = 0

    def axes(self) -> tuple[list[int], list[str], int, int]:
        """The years (columns), the countries (rows), and the cursor's column and row."""
        raise NotImplementedError

    def move(self, dx: int, dy: int) -> None:
        """Move the cursor by columns and rows (clamped), and say so."""
        raise NotImplementedError

    def painter(self, axis: Style) -> Paint:
        """How the cells are painted in one rendering (``axis``: the style of an empty one)."""
        raise NotImplementedError

    def fit(self, label: str) -> str:
        """A label placed in its column, less the gap that follows it."""
        return label.rjust(CELL_WIDTH - 1)

    def get_content_height(self, container, viewport, width) -> int:
        """A line of years, then one line per country."""
        return len(self.axes()[1]) + 1

    def render(self) -> Text:
        """The table as text."""
        years, countries, col, row = self.axes()
        if not years or not countries:
            return Text(self.EMPTY, style="italic")
        columns = max(1, (self.size.width - LABEL_WIDTH) // CELL_WIDTH)
        rows = max(1, self.size.height - 1)
        self._left = scroll_window(col, self._left, columns)
        self._top = scroll_window(row, self._top, rows)
        style = self.get_component_rich_style
        axis = style(f"{self.COMPONENTS}--axis", partial=True)
        axis_now = style(f"{self.COMPONENTS}--axis-current", partial=True)
        cursor = style(f"{self.COMPONENTS}--cursor", partial=True)
        paint = self.painter(axis)
        text = Text(no_wrap=True, end="")
        text.append(" " * LABEL_WIDTH)
        shown = years[self._left : self._left + columns]
        for n, year in enumerate(shown):
            text.append(self.fit(str(year)) + " ", axis_now if n + self._left == col else axis)
        for r, country in enumerate(countries[self._top : self._top + rows]):
            text.append("\n")
            label = one_line(country)
            label = label if len(label) < LABEL_WIDTH else label[: LABEL_WIDTH - 2] + "…"
            text.append(label.ljust(LABEL_WIDTH), axis_now if r + self._top == row else axis)
            for n, year in enumerate(shown):
                label, cell_style = paint(country, year)
                if r + self._top == row and n + self._left == col:
                    cell_style = cell_style + cursor
                if self.SHADE_GAP:
                    text.append(self.fit(label) + " ", cell_style)
                else:
                    text.append(self.fit(label), cell_style)
                    text.append(" ", axis)
        return text
