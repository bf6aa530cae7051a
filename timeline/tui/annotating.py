"""Stars and notes from the keys to the notes store, never blocking a key (issue 11).

:class:`Annotator` is what ``s`` and ``a`` do, on the timeline and on the
article screen: ``s`` shows the star asked for at once (the state the user
sees, turned over: never a flip of whatever the store holds) and a worker
saves it with ``set_starred``; a failure puts back what the store holds and
says why. ``a`` reads the event's note and its version from the store (so
the editor starts from what is saved now, not from what was loaded) and
opens the editor, which saves through a :class:`NoteSession`: only over the
version it started from, so a save never replaces a change it has not seen
(:class:`~timeline.notes.NoteConflict`, which the editor shows beside the
text typed). Selecting an event reads its star and note again, so what
another browser saved shows in the detail pane.

Every store call runs in the :class:`~timeline.tui.state.note_writer.NoteWriter`
thread, one after another; answers come back as callbacks on the app's thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import events

from timeline.model import Event
from timeline.notes import NoteConflict, NoteInfo, NotesGone
from timeline.tui.dialogs.note_editor import NoteEditor, reason
from timeline.tui.state.note_writer import NoteWriter

if TYPE_CHECKING:
    from timeline.tui.screens.main import MainScreen

__all__ = ["Annotator", "NoteSession"]

#: ``reply(error)``: None when the note was saved, else why not.
Reply = Callable[[BaseException | None], None]


class NoteSession:
    """One editor's saves of one event's note, each over the version it last saw."""

    def __init__(self, annotator: Annotator, event: Event, stored: NoteInfo) -> None:
        self.annotator = annotator
        self.event = event
        #: The version the next save replaces (what the editor started from, or chose).
        self.version = stored.version
        #: The notes file was removed: the next save writes a new one.
        self.gone = False

    def save(self, text: str, reply: Reply) -> None:
        """Save ``text`` in the writer thread; ``reply`` is told how it went."""
        annotator, event = self.annotator, self.event
        store = annotator.annotations.store
        version, gone = self.version, self.gone

        def job() -> NoteInfo:
            if store is None:  # no notes file: for this session only
                note = text if text.strip() else None
                return NoteInfo(annotator.annotations.is_starred(event.id), note)
            expected = version
            if gone:
                store.reopen()
                expected = store.load(event).version
            return store.save_note(event, text, expected)

        def done(stored: NoteInfo | None, error: BaseException | None) -> None:
            if isinstance(error, NoteConflict):
                annotator.annotations.put(event.id, error.current)
                annotator.changed(event)
            elif error is None and stored is not None:
                self.version, self.gone = stored.version, False
                annotator.annotations.put(event.id, stored)
                annotator.changed(event)
            self.gone = self.gone or isinstance(error, NotesGone)
            reply(error)

        annotator.writer.submit(job, done)

    def take(self, conflict: NoteConflict) -> None:
        """The user has seen what is stored: the next save replaces it."""
        self.version = conflict.current.version


class Annotator:
    """Stars and notes of the main screen's events, saved off the app's thread."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self.annotations = screen.annotations
        self.writer = NoteWriter(self._deliver)
        self._refresh_wanted: Event | None = None
        self._refresh_lock = threading.Lock()

    def _deliver(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` on the app's thread (called from the writer's)."""
        self.screen.app.post_message(events.Callback(callback=callback))

    @property
    def busy(self) -> bool:
        """True while a save or a read has not been answered yet."""
        return self.writer.busy

    def close(self) -> None:
        """Save nothing more (the app is closing)."""
        self.writer.close()

    def changed(self, event: Event) -> None:
        """A star or note changed: draw it, and leave a ``*`` view that no longer holds it."""
        screen = self.screen
        screen.panes.repaint()
        if screen.filters.starred and event.id not in self.annotations.annotated_ids:
            screen.apply_filters(screen.filters, current=event)
        for other in screen.app.screen_stack:
            if other is not screen and hasattr(other, "annotations_changed"):
                other.annotations_changed()

    # -- s ----------------------------------------------------------------------------------

    def star(self, event: Event) -> None:
        """Star the event if it is shown unstarred, else unstar it; saved in the background."""
        annotations = self.annotations
        starred = not annotations.is_starred(event.id)
        token = annotations.show_star(event.id, starred)
        self.changed(event)
        store = annotations.store
        if store is None:
            annotations.settle(event.id, token, NoteInfo(starred, annotations.note(event.id)))
            return

        def done(stored: NoteInfo | None, error: BaseException | None) -> None:
            if error is not None or stored is None:
                annotations.revert(event.id, token)
                self.screen.notify(
                    reason(error or RuntimeError("no answer")),
                    title="Star not saved",
                    severity="error",
                    markup=False,
                    timeout=10,
                )
            else:
                annotations.settle(event.id, token, stored)
            self.changed(event)

        self.writer.submit(lambda: store.set_starred(event, starred), done)

    # -- a ----------------------------------------------------------------------------------

    def edit(self, event: Event) -> None:
        """Open the note editor on the event's note, at once (keys typed straight after
        ``a`` are the note's), then read what the store holds now: an editor not yet
        typed in shows that instead; one typed in keeps its text, and its save, over the
        version it opened on, meets any change made meanwhile as a conflict."""
        annotations = self.annotations
        opened = annotations.info(event.id) or NoteInfo()
        session = NoteSession(self, event, opened)
        editor = NoteEditor(event.summary, opened.note or "", session.save, session.take)
        self.screen.app.push_screen(editor)
        store = annotations.store
        if store is None:
            return

        def done(stored: NoteInfo | None, error: BaseException | None) -> None:
            if stored is None:
                return  # could not read: the editor keeps what was loaded
            if annotations.refresh(event.id, stored):
                self.changed(event)
            if editor.is_attached and not editor.busy and editor.value == (opened.note or ""):
                session.version = stored.version
                editor.replace_text(stored.note or "")

        self.writer.submit(lambda: store.load(event), done)

    # -- what another browser saved -------------------------------------------------------

    def refresh(self, event: Event) -> None:
        """Read the event's star and note from the store again, soon; show any change.

        Quick moves ask for many events while one read runs: only the last
        one asked for is read next.
        """
        store = self.annotations.store
        if store is None or not store.persistent:
            return
        with self._refresh_lock:
            queued = self._refresh_wanted is not None
            self._refresh_wanted = event
        if queued:
            return

        def job() -> tuple[Event | None, NoteInfo | None]:
            with self._refresh_lock:
                wanted, self._refresh_wanted = self._refresh_wanted, None
            return wanted, store.load(wanted) if wanted is not None else None

        def done(result: tuple[Event | None, NoteInfo | None] | None, error) -> None:
            if error is not None or result is None:
                return
            wanted, stored = result
            if (
                wanted is not None
                and stored is not None
                and self.annotations.refresh(wanted.id, stored)
            ):
                self.changed(wanted)

        self.writer.submit(job, done)
