"""What the grid and tiers screens share: a table with a cell cursor, the cell told below.

:class:`CellScreen` focuses the table, moves its cursor, keeps the pane
below it up to date and goes back; a subclass says what the pane reads
(:meth:`CellScreen.cell_text`) and calls :meth:`CellScreen.show_cell` when
its table says the cursor moved.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar, TypeVar

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.screen import Screen
from textual.widgets import Static

from timeline.model import Event, format_date
from timeline.tui.widgets.cell_table import CellTable

__all__ = ["CellScreen", "list_events"]

ResultType = TypeVar("ResultType")


def list_events(
    head: Text, events: Sequence[Event], total: int, tell: Callable[[Event], Text]
) -> RenderableType:
    """``head``, then a line per event (its date, then what ``tell`` says of it, wrapped
    under itself rather than under the date) and, when there are ``total`` in all, how
    many more there are."""
    rows = Table.grid(padding=(0, 1))
    rows.add_column(no_wrap=True, min_width=11)
    rows.add_column(ratio=1)
    for event in events:
        rows.add_row(format_date(event.date, event.approximate), tell(event))
    head.end = "\n"  # the rows start on a line of their own
    more = [Text(f"… and {total - len(events)} more")] if total > len(events) else []
    return Group(head, rows, *more) if events else Group(head, *more)


class CellScreen(Screen[ResultType]):
    """A :class:`CellTable` and, below it, what its cursor cell holds; Esc goes back (None).

    A subclass sets ``table`` before it is mounted; ``PANE`` is the id of
    the :class:`Static` the cell is told in.
    """

    PANE: ClassVar[str] = ""
    table: CellTable

    def on_mount(self) -> None:
        """Focus the table and tell of the first cell."""
        self.table.focus()
        self.show_cell()

    def cell_text(self) -> RenderableType:
        """What the pane says of the cell under the cursor."""
        raise NotImplementedError

    def show_cell(self) -> None:
        """Tell of the cell under the cursor in the pane."""
        self.query_one(f"#{self.PANE}", Static).update(self.cell_text())

    def action_move(self, dx: int, dy: int) -> None:
        """Move the cell cursor."""
        self.table.move(dx, dy)

    def action_back(self) -> None:
        """Go back without changing anything."""
        self.dismiss(None)
