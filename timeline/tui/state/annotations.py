"""Stars and notes as the browser holds them: event id -> NoteInfo, and a generation.

No Textual here. The :class:`~timeline.notes.NotesStore` is the record;
:class:`Annotations` is the browser's copy of it for the events loaded, read
from the store when events arrive and updated on every star and note saved.
Events themselves are never written to.

Every change bumps :attr:`Annotations.generation`. What is drawn or computed
from stars and notes (timeline rows, detail texts, starred views of the event
index) is cached under the generation it was made at, so a change makes those
entries unreachable instead of someone having to clear them.

What is shown is what the user asked for: a star given is shown at once
(:meth:`Annotations.show_star`) while a worker saves it, and the save's answer
then settles it (:meth:`Annotations.settle`) or takes it back
(:meth:`Annotations.revert`). What the store holds is read again when an event
is selected (:meth:`Annotations.refresh`), so another browser's change shows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet

from timeline.model import Event
from timeline.notes import NoteInfo, NotesStore

__all__ = ["Annotated", "Annotations", "Found"]

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
        #: Changes shown but not yet saved: event id -> (token, what the store held before).
        self._pending: dict[str, tuple[int, NoteInfo | None]] = {}
        self._tokens = 0

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

    @property
    def annotated_ids(self) -> AbstractSet[str]:
        """The ids of the events with a star or a note (a live view: do not change it)."""
        return self._info.keys()

    def noted(self, event_id: str) -> bool:
        """Whether the event carries a note."""
        info = self._info.get(event_id)
        return info is not None and info.note is not None

    def version(self, event_id: str) -> int:
        """The stored version of the event's star and note, as last read (0: none)."""
        info = self._info.get(event_id)
        return info.version if info is not None else 0

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
        """Star an event shown unstarred, unstar one shown starred (saved at once, the state
        asked for whatever the store holds, never a flip of it); the new state."""
        starred = not self.is_starred(event.id)
        if self.store is not None:
            self._stored(event.id, self.store.set_starred(event, starred))
        else:
            self._change(event.id, starred, self.note(event.id))
        return starred

    # -- changes shown before they are saved ------------------------------------------------

    def show_star(self, event_id: str, starred: bool) -> int:
        """Show the star as asked before it is saved; a token for :meth:`settle`/:meth:`revert`."""
        self._tokens += 1
        before = self._pending.get(event_id, (0, self._info.get(event_id)))[1]
        self._pending[event_id] = (self._tokens, before)
        self._change(event_id, starred, self.note(event_id))
        return self._tokens

    def settle(self, event_id: str, token: int, stored: NoteInfo) -> None:
        """A save made for ``token`` is done and the store now holds ``stored``.

        While a later change of the event waits to be saved it stays shown
        (its own answer settles it); ``stored`` is what it falls back to.
        """
        pending = self._pending.get(event_id)
        if pending is not None and pending[0] != token:
            self._pending[event_id] = (pending[0], stored)
            return
        self._pending.pop(event_id, None)
        if self._put(event_id, stored):
            self.generation += 1

    def revert(self, event_id: str, token: int) -> None:
        """The save made for ``token`` failed: show what the store holds again (unless a
        later change waits to be saved)."""
        pending = self._pending.get(event_id)
        if pending is None or pending[0] != token:
            return
        del self._pending[event_id]
        if self._put(event_id, pending[1]):
            self.generation += 1

    def refresh(self, event_id: str, stored: NoteInfo) -> bool:
        """The store holds ``stored`` for the event now (another browser may have changed
        it): show that, unless a change of ours waits to be saved. True when it changed."""
        if event_id in self._pending:
            return False
        changed = self._put(event_id, stored)
        if changed:
            self.generation += 1
        return changed

    def put(self, event_id: str, stored: NoteInfo) -> None:
        """Show what a note's save (or its conflict) says the store holds, a star change
        still waiting to be saved kept as shown."""
        pending = self._pending.get(event_id)
        if pending is not None:
            self._pending[event_id] = (pending[0], stored)
            stored = NoteInfo(self.is_starred(event_id), stored.note, stored.updated,
                              stored.version)  # fmt: skip
        if self._put(event_id, stored):
            self.generation += 1

    def set_note(self, event: Event, text: str) -> str | None:
        """Set the event's note, empty (or blank) text deleting it; the note kept. Saved
        over the version last read only (:class:`~timeline.notes.NoteConflict` if another
        writer saved since)."""
        note: str | None = text if text.strip() else None
        if self.store is not None:
            stored = self.store.save_note(event, text, self.version(event.id))
            self._stored(event.id, stored)
            return stored.note
        self._change(event.id, self.is_starred(event.id), note)
        return note

    def _stored(self, event_id: str, stored: NoteInfo) -> None:
        self._put(event_id, stored)
        self.generation += 1

    def _change(self, event_id: str, starred: bool, note: str | None) -> None:
        old = self._info.get(event_id)
        updated, version = (old.updated, old.version) if old is not None else (None, 0)
        self._put(event_id, NoteInfo(starred, note, updated, version))
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


class Annotated:
    """The starred *and* noted events of :class:`Annotations`, as the event index's
    starred views take them: what the browser's ``*`` shows."""

    def __init__(self, annotations: Annotations) -> None:
        self.annotations = annotations

    @property
    def generation(self) -> int:
        """The annotations' generation."""
        return self.annotations.generation

    @property
    def starred_ids(self) -> AbstractSet[str]:
        """The ids of the events with a star or a note."""
        return self.annotations.annotated_ids
