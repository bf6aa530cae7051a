"""What the loader thread tells the app: batches, progress, warnings, the end of loading.

The loader posts these from its thread (``App.post_message`` is thread-safe)
and the app handles them on its own, in the order they were posted. A
:class:`Progress` not yet handled is replaced by a newer one, so a backlog of
progress updates costs one header update (as toolong's messages do).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from textual.message import Message

from timeline.model import Article, Corpus, Event
from timeline.tui.state.annotations import Found

__all__ = ["BatchLoaded", "LoadFinished", "LoadWarnings", "LoaderMessage", "Progress"]


class BatchLoaded(Message):
    """Articles and events read, with what the notes store holds for them."""

    def __init__(
        self, articles: Sequence[Article], events: Sequence[Event], notes: Found | None = None
    ) -> None:
        super().__init__()
        self.articles = articles
        self.events = events
        #: Stars and notes found for ``events`` (see ``Annotations.lookup``).
        self.notes: Found = notes or {}


class Progress(Message):
    """How far loading has got (``total`` None: not known yet)."""

    def __init__(self, done: int, total: int | None) -> None:
        super().__init__()
        self.done = done
        self.total = total

    def can_replace(self, message: Message) -> bool:
        """A newer progress update makes this one pointless."""
        return isinstance(message, Progress)


class LoadWarnings(Message):
    """Warnings met since the last such message; ``total`` counts all so far."""

    def __init__(self, warnings: Sequence[str], total: int, final: bool) -> None:
        super().__init__()
        self.warnings = warnings
        self.total = total
        #: True when no more warnings will come.
        self.final = final


class LoadFinished(Message):
    """Loading has ended: the finished corpus (None if it failed early) and any error.

    The app sets :attr:`taken` once it has handled the message, which the
    loader waits for before it calls itself finished.
    """

    def __init__(self, corpus: Corpus | None, error: str | None) -> None:
        super().__init__()
        self.corpus = corpus
        self.error = error
        self.taken = threading.Event()


#: Any message the loader posts.
LoaderMessage = BatchLoaded | Progress | LoadWarnings | LoadFinished
