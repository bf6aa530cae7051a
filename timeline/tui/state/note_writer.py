"""Saving stars and notes off the interface's thread, one job after another.

No Textual here. A :class:`NoteWriter` runs the jobs it is given (a save, a
load) in one daemon thread, in the order given, and hands each result back
through ``deliver`` (which the browser makes post a callback to the app, to run
on the app's thread). A save can wait on another process's write lock (a
quarter of a second, see :mod:`timeline.notes`); waiting here keeps every key
answered meanwhile. The thread is a daemon and is never joined: quitting never
waits for a save, which at worst is lost whole (each save is one transaction).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import Any

__all__ = ["Done", "NoteWriter"]

#: ``done(result, error)``: what a job returned, or the exception it raised.
Done = Callable[[Any, BaseException | None], None]


class NoteWriter:
    """Run jobs in order in a daemon thread; ``deliver(callback)`` brings each answer back."""

    def __init__(self, deliver: Callable[[Callable[[], None]], object]) -> None:
        self.deliver = deliver
        self._jobs: queue.SimpleQueue[tuple[Callable[[], Any], Done] | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._waiting = 0
        self.closed = False

    @property
    def busy(self) -> bool:
        """True while a job is queued, running, or its answer not yet delivered."""
        with self._lock:
            return self._waiting > 0

    def submit(self, job: Callable[[], Any], done: Done) -> None:
        """Run ``job`` after the jobs before it; ``done`` gets its result or its error."""
        if self.closed:
            return
        with self._lock:
            self._waiting += 1
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="timeline-notes", daemon=True
                )
                self._thread.start()
        self._jobs.put((job, done))

    def close(self) -> None:
        """Run nothing more (jobs queued are dropped; the one running finishes alone)."""
        self.closed = True
        self._jobs.put(None)

    def _run(self) -> None:
        while True:
            item = self._jobs.get()
            if item is None or self.closed:
                return
            job, done = item
            result: Any = None
            error: BaseException | None = None
            try:
                result = job()
            except Exception as exc:  # noqa: BLE001 - every failure is the caller's to show
                error = exc
            if self.closed:
                return

            def answer(done: Done = done, result: Any = result, error=error) -> None:
                try:
                    done(result, error)
                finally:
                    with self._lock:
                        self._waiting -= 1

            try:
                self.deliver(answer)
            except Exception:  # noqa: BLE001 - the app has gone: nobody to tell
                return
