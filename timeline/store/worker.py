"""Reading files for the index, in worker processes: one task per file, chunks per process.

A worker reads and extracts files (:func:`read_one`) and hands back encoded
blobs, never raising; :func:`run_chunks` spreads chunks over a process pool
when there are many files, and reads them here otherwise.

Runs end: only regular files are opened (a FIFO or a link to ``/dev/stdin``
never blocks a worker); a worker whose parent is gone (killed with SIGKILL)
exits by itself, and ignores Ctrl-C, which the parent handles; cancelling
(or any error) stops the pool at once, killing chunks in flight rather than
waiting for them.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

from timeline.store.codec import compress_text, encode_article, encode_events
from timeline.store.db import FileState

__all__ = ["Part", "Result", "Task", "cpu_count", "read_chunk", "read_one", "run_chunks"]


@dataclass(slots=True)
class Task:
    """A file to (re)read."""

    path: str
    rel: str
    size: int
    mtime_ns: int
    max_bytes: int
    known_hash: str | None


@dataclass(slots=True)
class Part:
    """One article of a file, encoded: its name, article blob, compressed text, events blob."""

    name: str
    article: bytes
    ztext: bytes
    events: bytes


@dataclass(slots=True)
class Result(FileState):
    """A file read: ``status`` ok, skipped, or same (content hash unchanged).

    ``parts``: its articles (one for a plain file; one per record of a
    collection, then ``collection`` is true even for a single record).
    """

    warnings: list[str]
    parts: list[Part] = field(default_factory=list)
    collection: bool = False
    #: True when reading or extraction failed unexpectedly: not saved, tried again next time.
    transient: bool = False


def read_one(task: Task) -> Result:
    """Hash, read and extract one file; never raises."""
    from timeline.pipeline import process_file
    from timeline.reading.decode import SkipFile, read_bytes

    digest = None
    data = None
    if 0 <= task.size <= task.max_bytes:
        try:
            # only a regular file is opened, never blocking: a FIFO cannot hang the worker
            data = read_bytes(task.path, max_bytes=task.max_bytes)
            digest = hashlib.blake2b(data, digest_size=16).hexdigest()
        except SkipFile:
            data = digest = None  # the reader reports why
        if digest is not None and digest == task.known_hash:
            return Result(task.rel, task.size, task.mtime_ns, digest, task.max_bytes, "same", [])
    base = Result(task.rel, task.size, task.mtime_ns, digest, task.max_bytes, "skipped", [])
    # the bytes already read for the hash are decoded, not the file read again
    read = process_file(Path(task.path), task.rel, max_bytes=task.max_bytes, data=data)
    base.warnings = read.warnings
    base.transient = read.transient
    if not read.articles:
        return base
    base.status = "ok"
    base.collection = any(article.file != task.rel for article in read.articles)
    by_article: dict[str, list] = {}
    for event in read.events:
        by_article.setdefault(event.article, []).append(event)
    base.parts = [
        Part(
            article.file,
            encode_article(article),
            compress_text(article.text),
            encode_events(by_article.get(article.file, [])),
        )
        for article in read.articles
    ]
    return base


def read_chunk(tasks: list[Task]) -> list[Result]:
    """Read several files (one pool task)."""
    return [read_one(task) for task in tasks]


def run_chunks(
    chunks: list[list[Task]],
    workers: int,
    threshold: int,
    warn: Callable[[str], None],
    check_cancel: Callable[[], None],
    read: Callable[[list[Task]], list[Result]] = read_chunk,
) -> Iterator[list[Result]]:
    """Chunk results, in completion order: in a pool of ``workers`` processes when more
    than ``threshold`` files are to be read, else here. ``check_cancel`` raises to stop
    (the pool is then stopped at once). ``read`` reads one chunk (a module-level function:
    the workers import it)."""
    count = sum(len(chunk) for chunk in chunks)
    if count <= threshold or workers < 2:
        for chunk in chunks:
            check_cancel()
            if read is read_chunk:  # here, a cancel is noticed between files
                yield [_checked(check_cancel, task) for task in chunk]
            else:
                yield read(chunk)
        return
    remaining = dict(enumerate(chunks))
    try:
        pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=get_context("spawn"),
            initializer=_worker_started,
            initargs=(os.getpid(),),
        )
    except (OSError, ValueError, NotImplementedError) as exc:
        warn(f"index: no worker processes ({exc}); reading in one process")
        pool = None
    if pool is not None:
        done = False
        try:
            futures: dict[Future, int] = {
                pool.submit(read, chunk): i for i, chunk in remaining.items()
            }
            pending = set(futures)
            while pending:
                finished, pending = wait(pending, timeout=0.1, return_when=FIRST_COMPLETED)
                check_cancel()
                for future in finished:
                    results = future.result()
                    del remaining[futures[future]]
                    yield results
            done = True
        except (BrokenProcessPool, OSError) as exc:
            warn(f"index: worker processes failed ({exc}); reading in one process")
            done = True
        finally:
            if done:
                pool.shutdown(wait=True, cancel_futures=True)
            else:  # cancelled, interrupted or abandoned: never wait for chunks in flight
                stop_pool(pool)
    for _, chunk in sorted(remaining.items()):
        check_cancel()
        yield read(chunk)


def _checked(check_cancel: Callable[[], None], task: Task) -> Result:
    check_cancel()
    return read_one(task)


def stop_pool(pool: ProcessPoolExecutor) -> None:
    """Stop a pool now: queued chunks dropped, workers killed, nothing waited for."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            process.kill()
    for process in processes:
        with contextlib.suppress(OSError, ValueError, AttributeError, AssertionError):
            process.join(timeout=1)


#: Seconds between a worker's checks that its parent is still there.
PARENT_POLL = 0.2


def _worker_started(parent: int) -> None:
    """In each worker: leave Ctrl-C to the parent, and exit when the parent is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    # A killed parent leaves its workers blocked on the task queue forever (they hold
    # its pipe open themselves); once reparented, getppid() no longer names it.
    while os.getppid() == parent:
        time.sleep(PARENT_POLL)
    os._exit(1)


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1
