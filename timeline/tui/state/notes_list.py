"""The list of starred and noted events: what ``A`` shows, in timeline order.

No Textual here. :func:`annotated_entries` reads the browser's annotations
for the events loaded (a star or note whose event is gone is for ``timeline
notes --orphaned``); each :class:`NotesEntry` carries what its line shows,
cleaned for the screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from timeline.model import format_date
from timeline.textclean import clean_line
from timeline.tui.state.annotations import Annotations
from timeline.tui.state.index import EventIndex

__all__ = ["NotesEntry", "annotated_entries"]


@dataclass(frozen=True, slots=True)
class NotesEntry:
    """One starred or noted event: its id, and its date, summary and note's first line."""

    event_id: str
    date: str
    summary: str
    note: str
    starred: bool

    @property
    def noted(self) -> bool:
        """Whether the event carries a note."""
        return bool(self.note)


def _first_line(note: str | None) -> str:
    for line in (note or "").splitlines():
        if line.strip():
            return clean_line(line.strip())
    return ""


def annotated_entries(index: EventIndex, annotations: Annotations) -> list[NotesEntry]:
    """Every loaded event with a star or a note, in the timeline's order."""
    by_id = index.by_id()
    found = sorted(by_id[i] for i in annotations.annotated_ids if i in by_id)
    entries = []
    for position in found:
        event = index.events[position]
        info = annotations.info(event.id)
        entries.append(
            NotesEntry(
                event.id,
                format_date(event.date, event.approximate),
                clean_line(event.summary),
                _first_line(info.note if info else None),
                annotations.is_starred(event.id),
            )
        )
    return entries
