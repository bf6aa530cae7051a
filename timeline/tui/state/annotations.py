"""Stars and notes as the browser holds them: in ``Event.extra``, read from a NotesStore.

No Textual here. The browser keeps each event's star and note in
``event.extra`` (``"starred"``: True, ``"note"``: text; absent when unset),
where the index's starred filter and the renderers look. The
:class:`~timeline.notes.NotesStore` is the record; these helpers copy from it
and build what the exporters want.
"""

from __future__ import annotations

from collections.abc import Sequence

from timeline.model import Event
from timeline.notes import NoteInfo, NotesStore

__all__ = ["attach_notes", "is_starred", "note_of", "notes_map", "set_note", "set_starred"]


def is_starred(event: Event) -> bool:
    """Whether the event carries a star."""
    return bool(event.extra.get("starred"))


def note_of(event: Event) -> str | None:
    """The event's note, or None."""
    return event.extra.get("note") or None


def set_starred(event: Event, starred: bool) -> None:
    """Record the star on the event."""
    if starred:
        event.extra["starred"] = True
    else:
        event.extra.pop("starred", None)


def set_note(event: Event, note: str | None) -> None:
    """Record the note on the event (None or blank: no note)."""
    if note and note.strip():
        event.extra["note"] = note
    else:
        event.extra.pop("note", None)


def attach_notes(store: NotesStore, events: Sequence[Event]) -> int:
    """Copy stored stars and notes onto ``events``; how many events got one.

    Only events of articles that have a stored star or note are keyed (the
    siblings of one sentence share its article, so the store still tells them
    apart by date); with no notes at all this costs one small query.
    """
    files = {record.article for record in store.all()}
    if not files:
        return 0
    wanted = [event for event in events if event.article in files]
    if not wanted:
        return 0
    found = store.annotate(wanted)
    for event in wanted:
        info = found.get(event.id)
        set_starred(event, bool(info and info.starred))
        set_note(event, info.note if info else None)
    return len(found)


def notes_map(events: Sequence[Event]) -> dict[str, NoteInfo]:
    """Event id -> star and note, for the exporters (events with neither left out)."""
    result: dict[str, NoteInfo] = {}
    for event in events:
        extra = event.extra
        if extra.get("starred") or extra.get("note"):
            result[event.id] = NoteInfo(bool(extra.get("starred")), extra.get("note") or None)
    return result
