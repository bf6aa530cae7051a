"""Feeding the browser from the index: a loader thread, batches, progress, warnings.

The browser opens at once on an empty corpus; a :class:`CorpusLoader` runs the
source (``open_corpus`` with its options bound) in a daemon thread and posts
the app what it reads as messages (:mod:`timeline.tui.messages`): batches of
articles and events as they arrive, with their stars and notes read in the
thread, progress at most a few times a second, warnings gathered and shown as
a handful of notices (a folder with thousands of bad files gives three notices
and one summary, not a toast per file), and at the end the finished corpus,
whose ``search`` becomes the browser's search.

Quitting sets the cancel event: the source stops at its next check and the
thread delivers nothing more. The thread is a daemon, so a source that is
slow to notice never keeps the process alive.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from typing import Protocol

from timeline.model import Article, Corpus, Event
from timeline.tui.messages import (
    BatchLoaded,
    LoaderMessage,
    LoadFinished,
    LoadWarnings,
    Progress,
)
from timeline.tui.state.annotations import Found

__all__ = ["CorpusLoader", "CorpusSource", "LoaderTarget"]

#: Seconds between two progress updates sent to the app.
PROGRESS_INTERVAL = 0.1
#: Seconds between two looks at the cancel event while the app takes the end of loading.
FINISH_POLL = 0.05


class CorpusSource(Protocol):
    """Something that reads a corpus, like ``open_corpus`` with its folder bound."""

    def __call__(
        self,
        *,
        warn: Callable[[str], None],
        progress: Callable[[int, int], None],
        on_batch: Callable[[Sequence[Article], Sequence[Event]], None],
        cancel: threading.Event,
    ) -> Corpus: ...


class LoaderTarget(Protocol):
    """Where the loader posts its messages: the app (which handles them on its thread)."""

    @property
    def is_running(self) -> bool: ...

    def post_message(self, message: LoaderMessage) -> bool: ...


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker while ``sys.stderr`` is still real.

    A running Textual app replaces ``sys.stderr`` with an object whose
    ``fileno()`` is -1. The tracker starts lazily at the first worker process
    and passes stderr's descriptor on, which then fails ("bad value(s) in
    fds_to_keep") and the index reads in one process instead of two.
    """
    try:
        from multiprocessing import resource_tracker

        resource_tracker.ensure_running()
    except Exception:  # noqa: BLE001 - without it the index still works, in one process
        pass


class _Stop(Exception):
    """The app has gone or the load was cancelled: deliver nothing more."""


class CorpusLoader:
    """Run ``source`` in a daemon thread and post ``app`` what it reads.

    ``prepare(events)`` runs in the thread on each batch before it is posted;
    what it returns goes with the batch (the app reads the batch's stars and
    notes there, off the UI thread).
    """

    def __init__(
        self,
        source: CorpusSource,
        *,
        prepare: Callable[[Sequence[Event]], Found] | None = None,
    ) -> None:
        self.source = source
        self.prepare = prepare
        _start_resource_tracker()
        self.cancel_event = threading.Event()
        #: Set when the thread has finished (after the app has taken the end of loading).
        self.finished = threading.Event()
        self.thread: threading.Thread | None = None
        self.corpus: Corpus | None = None
        self._app: LoaderTarget | None = None
        self._lock = threading.Lock()
        self._warnings: list[str] = []
        self._warnings_sent = 0
        self._last_progress = 0.0

    # -- control (app thread) -----------------------------------------------------------

    def start(self, app: LoaderTarget) -> None:
        """Start reading in the background, reporting to ``app``."""
        self._app = app
        self.thread = threading.Thread(target=self._run, name="timeline-loader", daemon=True)
        self.thread.start()

    def cancel(self) -> None:
        """Ask the source to stop; nothing more reaches the app."""
        self.cancel_event.set()

    @property
    def running(self) -> bool:
        """True from :meth:`start` until the thread has finished."""
        return self.thread is not None and not self.finished.is_set()

    def join(self, timeout: float | None = None) -> bool:
        """Wait for the thread; True when it has ended (or never started)."""
        if self.thread is not None:
            self.thread.join(timeout)
            return not self.thread.is_alive()
        return True

    @property
    def warnings(self) -> list[str]:
        """Every warning met so far."""
        with self._lock:
            return list(self._warnings)

    # -- the thread ----------------------------------------------------------------------

    def _post(self, message: LoaderMessage) -> None:
        """Post ``message`` to the app, unless cancelled or the app has gone."""
        if self.cancel_event.is_set() or self._app is None:
            raise _Stop()
        message.loader = self  # the app drops what a loader it has replaced still sends
        try:
            posted = self._app.post_message(message)
        except RuntimeError as error:
            # The app stopped between the check and the post (its loop is closed).
            raise _Stop() from error
        if not posted:
            raise _Stop()  # the app is closing

    def _warn(self, message: str) -> None:
        with self._lock:
            self._warnings.append(message)

    def _flush_warnings(self, final: bool = False) -> None:
        with self._lock:
            fresh = self._warnings[self._warnings_sent :]
            total = len(self._warnings)
            self._warnings_sent = total
        if fresh or final:
            self._post(LoadWarnings(fresh, total, final))

    def _progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self._last_progress < PROGRESS_INTERVAL:
            return
        self._last_progress = now
        self._post(Progress(done, total))

    def _batch(self, articles: Sequence[Article], events: Sequence[Event]) -> None:
        notes = self.prepare(events) if self.prepare is not None and events else None
        self._post(BatchLoaded(articles, events, notes))
        self._flush_warnings()

    def _run(self) -> None:
        try:
            self._load()
        finally:
            self.finished.set()

    def _load(self) -> None:
        app = self._app
        assert app is not None
        corpus: Corpus | None = None
        error: str | None = None
        try:
            self._post(Progress(0, None))
            corpus = self.source(
                warn=self._warn,
                progress=self._progress,
                on_batch=self._batch,
                cancel=self.cancel_event,
            )
        except _Stop:
            return
        except Exception as exc:  # noqa: BLE001 - any failure becomes a notice, never a crash
            if self.cancel_event.is_set():
                return  # IndexCancelled, or whatever the source raised on its way out
            error = f"{type(exc).__name__}: {exc}"
        self.corpus = corpus
        finished = LoadFinished(corpus, error)
        try:
            self._flush_warnings(final=True)
            self._post(finished)
        except _Stop:
            return
        # Finished means the app has taken the corpus, not just been sent it.
        while not finished.taken.wait(FINISH_POLL):
            if self.cancel_event.is_set() or not app.is_running:
                return
