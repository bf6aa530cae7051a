"""Stars and notes as the browser holds them: event id -> NoteInfo, and a generation.

No Textual here. The :class:`~timeline.notes.NotesStore` is the record;
:class:`Annotations` is the browser's copy of it for the events loaded, read
from the store when events arrive and updated on every star and note saved.
Events themselves are never written to.

Every change bumps :attr:`Annotations.generation`. What is drawn or computed
from stars and notes (timeline rows, detail texts, starred views of the event
index) is cached under the generation it was made at, so a change makes those
entries unreachable instead of someone having to clear them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet

from timeline.model import Event
from timeline.notes import NoteInfo, NotesStore

__all__ = ["Annotations", "Found"]

#: What :meth:`Annotations.lookup` read from the store: event id -> its star and note,
#: None for an event of an annotated article that has neither.
Found = Mapping[str, NoteInfo | None]


class Annotations:
    """The star and note of each event, by event id, saved through ``store`` if given.

    Without a store, stars and notes last for the session. The save methods
    raise what the store raises (:class:`~timeline.notes.NotesError` and the
    like) and then change nothing.
    """

    def __init__(self, store: NotesStore | None = None) -> None:
        self.store = store
        #: Bumped on every change of a star or a note.
        self.generation = 0
        self._info: dict[str, NoteInfo] = {}
        self._starred: set[str] = set()

    # -- reading --------------------------------------------------------------------------

    def info(self, event_id: str) -> NoteInfo | None:
        """The event's star and note, or None when it has neither."""
        return self._info.get(event_id)

    def is_starred(self, event_id: str) -> bool:
        """Whether the event carries a star."""
        return event_id in self._starred

    def note(self, event_id: str) -> str | None:
        """The event's note, or None."""
        info = self._info.get(event_id)
        return info.note if info is not None else None

    @property
    def starred_ids(self) -> AbstractSet[str]:
        """The ids of the starred events (a live view: do not change it)."""
        return self._starred

    def __len__(self) -> int:
        return len(self._info)

    def notes_for(self, events: Iterable[Event]) -> dict[str, NoteInfo]:
        """Event id -> star and note, for the exporters (events with neither left out)."""
        result: dict[str, NoteInfo] = {}
        for event in events:
            info = self._info.get(event.id)
            if info is not None:
                result[event.id] = NoteInfo(info.starred, info.note)
        return result

    # -- filling from the store -------------------------------------------------------------

    def lookup(self, events: Sequence[Event]) -> Found:
        """What the store holds for ``events``; reads only, so safe in a loader thread.

        Only events of articles that have a stored star or note are looked up
        (the siblings of one sentence share its article, so the store still
        tells them apart by date); with no notes at all this costs one small
        query. Apply the result with :meth:`apply`.
        """
        if self.store is None:
            return {}
        files = {record.article for record in self.store.all()}
        if not files:
            return {}
        wanted = [event for event in events if event.article in files]
        if not wanted:
            return {}
        found = self.store.annotate(wanted)
        return {event.id: found.get(event.id) for event in wanted}

    def apply(self, found: Found) -> int:
        """Take in what :meth:`lookup` read; how many events have a star or a note in it."""
        changed = False
        for event_id, info in found.items():
            changed |= self._put(event_id, info)
        if changed:
            self.generation += 1
        return sum(1 for info in found.values() if info is not None)

    def load(self, events: Sequence[Event]) -> int:
        """Read the stars and notes of ``events`` from the store; how many have one."""
        return self.apply(self.lookup(events))

    # -- changing -------------------------------------------------------------------------

    def toggle_star(self, event: Event) -> bool:
        """Star an unstarred event, unstar a starred one (saved at once); the new state."""
        starred = not self.is_starred(event.id)
        if self.store is not None:
            starred = self.store.toggle_star(event)
        self._change(event.id, starred, self.note(event.id))
        return starred

    def set_note(self, event: Event, text: str) -> str | None:
        """Set the event's note, empty (or blank) text deleting it; the note kept."""
        note: str | None = text if text.strip() else None
        if self.store is not None:
            note = self.store.set_note(event, text).note
        self._change(event.id, self.is_starred(event.id), note)
        return note

    def _change(self, event_id: str, starred: bool, note: str | None) -> None:
        self._put(event_id, NoteInfo(starred, note))
        self.generation += 1

    def _put(self, event_id: str, info: NoteInfo | None) -> bool:
        """Record one event's star and note; True if that changed anything.

        A blank note counts as none, and an event with neither is left out.
        """
        if info is not None and info.note is not None and not info.note.strip():
            info = NoteInfo(info.starred, None, info.updated)
        if info is not None and not info.starred and info.note is None:
            info = None
        old = self._info.get(event_id)
        if info is None:
            if old is None:
                return False
            del self._info[event_id]
            self._starred.discard(event_id)
            return True
        if old == info:
            return False
        self._info[event_id] = info
        if info.starred:
            self._starred.add(event_id)
        else:
            self._starred.discard(event_id)
        return True
