"""Open a corpus folder through its index: read only what changed, extract in parallel.

:func:`open_corpus` is what the command line and the browser call. It lists
the folder, compares every file's size and modification time (and, when
those changed, a hash of its bytes) with the index, re-reads and
re-extracts only new or changed files (in a process pool once there are
more than ``parallel_threshold`` of them), drops removed files, and returns
an :class:`IndexedCorpus`: a :class:`~timeline.model.Corpus` that can also
search and says what was done (:class:`IndexReport`).

Every index fault (corrupt or foreign database, locked, read-only or missing
cache, full disk) costs one warning line: the database is rebuilt, or the run
carries on in memory with the same result.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path

from timeline.collector import collector_paused
from timeline.model import Article, Corpus, Event, sort_events
from timeline.pipeline import corpus_name
from timeline.store.codec import Entry, decode_row, file_writes, split_rows
from timeline.store.db import FileRow, FileWrite, IndexFault, Store, classify
from timeline.store.fingerprint import index_fingerprint
from timeline.store.kept_stories import tell_stories
from timeline.store.paths import index_path, remove_database
from timeline.store.search import FileEvents, LazySearch, Searcher, SearchHits
from timeline.store.worker import Result, Task, cpu_count, read_one, run_chunks
from timeline.textclean import clean_line

Warn = Callable[[str], None]
Progress = Callable[[int, int], None]
OnBatch = Callable[[list[Article], list[Event]], None]

#: Above this many files to read, extraction runs in a process pool.
PARALLEL_THRESHOLD = 200
#: Files per pool task (and per database transaction).
CHUNK_FILES = 48
#: Unchanged files decoded for the first batch (small: the browser paints it at once) and after.
FIRST_BATCH_FILES = 250
LOAD_BATCH_FILES = 2000
#: Seconds between two ``on_batch`` calls while reading (fewer, larger batches).
BATCH_INTERVAL = 0.25

_FAULT_TEXT = {
    "locked": "index is locked by another process",
    "full": "disk is full",
    "readonly": "cannot write the index",
    "corrupt": "index is damaged",
    "other": "index unusable",
}


class IndexCancelled(Exception):
    """Raised by :func:`open_corpus` when its ``cancel`` event was set."""


@dataclass(slots=True)
class IndexReport:
    """What opening a corpus did.

    ``read``: files read and extracted now (new or changed); ``unchanged``:
    files taken from the index; ``skipped``: files that are not articles
    (binary, too big, ...), remembered or new; ``removed``: index entries of
    files that left the folder. ``index`` is the database used (None for an
    in-memory run) and ``saved`` whether it now matches the folder.
    """

    folder: Path
    files: int = 0
    read: int = 0
    unchanged: int = 0
    skipped: int = 0
    removed: int = 0
    articles: int = 0
    events: int = 0
    seconds: float = 0.0
    index: Path | None = None
    saved: bool = False

    def summary(self) -> str:
        """One line for ``timeline index``."""
        where = f"index {self.index}" if self.index and self.saved else "not saved (in memory)"
        return (
            f"{self.files} files: {self.read} read, {self.unchanged} unchanged, "
            f"{self.skipped} skipped, {self.removed} removed; {self.events} events "
            f"in {self.articles} articles; {self.seconds:.2f} s; {where}"
        )


@dataclass(slots=True)
class IndexedCorpus(Corpus):
    """A :class:`Corpus` opened through the index: it can also search.

    ``search(query)`` returns the ids of matching events (see
    :mod:`timeline.store.search` for the query language and what matches).
    """

    report: IndexReport | None = None
    searcher: LazySearch | None = field(default=None, repr=False, compare=False)

    def search(self, query: str, in_article: bool = False) -> set[str]:
        """Ids of events whose sentence (or, ``in_article``, article) matches."""
        if self.searcher is None:
            return set()
        return self.searcher.event_ids(query, in_article)

    def search_hits(self, query: str, in_article: bool = False) -> SearchHits:
        """Full search result: all matching events, sentence matches, matching files."""
        if self.searcher is None:
            return SearchHits()
        return self.searcher.search(query, in_article)

    def close(self) -> None:
        """Close the index connection (searching afterwards rebuilds in memory)."""
        if self.searcher is not None:
            self.searcher.close()


# --- the run ------------------------------------------------------------------------


class _Run:
    """State of one :func:`open_corpus` call."""

    def __init__(
        self,
        folder: Path,
        *,
        max_bytes: int,
        no_cache: bool,
        cache_dir: Path | str | None,
        warn: Warn | None,
        progress: Progress | None,
        on_batch: OnBatch | None,
        timeout: float,
        workers: int | None,
        parallel_threshold: int,
        cancel: threading.Event | None,
    ) -> None:
        self.folder = folder
        self.max_bytes = max_bytes
        self.no_cache = no_cache
        self.cache_dir = cache_dir
        self._warn_cb = warn
        self.progress = progress
        self.on_batch = on_batch
        self.timeout = timeout
        self.workers = workers or cpu_count()
        self.parallel_threshold = parallel_threshold
        self.cancel = cancel
        self.index_warnings: list[str] = []
        self.folder_warnings: list[str] = []
        self.entries: dict[str, Entry] = {}
        #: The stored record rows of each collection, by collection path, then record path.
        self.records: dict[str, dict[str, FileRow]] = {}
        self.store: Store | None = None
        self.saving = False
        self.report = IndexReport(folder)
        self._pending: tuple[list[Article], list[Event]] = ([], [])
        self._last_batch = 0.0

    # warnings and batches

    def warn(self, message: str) -> None:
        if self._warn_cb is not None:
            # one clean line: a file name may hold escape sequences (the browser shows these)
            self._warn_cb(clean_line(message))

    def _folder_warning(self, message: str) -> None:
        self.folder_warnings.append(message)
        self.warn(message)

    def index_warning(self, fault: IndexFault, consequence: str) -> None:
        text = _FAULT_TEXT.get(fault.kind, "index unusable")
        message = f"index: {text} ({fault.message}); {consequence}"
        self.index_warnings.append(message)
        self.warn(message)

    def deliver(self, entries: Sequence[Entry], *, force: bool = False) -> None:
        for entry in entries:
            for line in entry.warnings:
                self.warn(line)
        if self.on_batch is None:
            return
        articles, events = self._pending
        for entry in entries:
            for part in entry.parts:
                articles.append(part.article)
                events.extend(part.events)
        now = time.monotonic()
        if articles and (force or now - self._last_batch >= BATCH_INTERVAL):
            self._pending = ([], [])
            self._last_batch = now
            self.on_batch(articles, events)

    def check_cancel(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise IndexCancelled()

    # the index

    def load_index(
        self, fp: str, files: list[tuple[Path, str]], stats: dict[str, tuple[int, int] | None]
    ) -> tuple[list[Task], list[str], list[FileRow], dict[str, FileRow]]:
        """Open the database and plan the run; rebuild a damaged one once, else go in memory."""
        if not self.no_cache:
            path = index_path(self.folder, self.cache_dir)
            self.report.index = path
            for attempt in range(2):
                store = None
                try:
                    store = Store.open(path, fingerprint=fp, timeout=self.timeout)
                    rows = store.rows()
                    self.records = split_rows(rows)
                except IndexFault as fault:
                    if store is not None:
                        store.close()
                    if fault.rebuild and attempt == 0:
                        self.index_warning(fault, f"rebuilding {path}")
                        try:
                            remove_database(path)
                        except OSError as exc:
                            self.index_warning(classify(exc), "running in memory")
                            break
                        continue
                    self.index_warning(fault, "running without the index (in memory)")
                    break
                self.store = store
                self.saving = True
                return (*self.plan(files, stats, rows), rows)
        self.report.index = None
        return (*self.plan(files, stats, {}), {})

    def stop_saving(self, fault: IndexFault) -> None:
        consequence = "changes kept for this run only"
        if fault.kind == "full" and self.store is not None:
            # a log left behind would keep the disk full (and later note saves failing)
            if self.store.close_after_full_disk():
                consequence += "; index removed to free the disk"
            self.store = None
        if self.saving:
            self.index_warning(fault, consequence)
        self.saving = False

    # main steps

    def run(self) -> IndexedCorpus:
        from timeline.reading import iter_files

        started = time.perf_counter()
        files = iter_files(self.folder, self._folder_warning)
        stats: dict[str, tuple[int, int] | None] = {}
        for path, rel in files:
            try:
                st = os.stat(path)
                stats[rel] = (st.st_size, st.st_mtime_ns)
            except OSError:
                stats[rel] = None
        fp = index_fingerprint()
        try:
            tasks, removed, unchanged, rows = self.load_index(fp, files, stats)
            with collector_paused():
                tasks += self.load_unchanged(unchanged, {rel: path for path, rel in files})
            self.read(tasks, rows)
            self.report.removed = len(removed)
            if removed and self.saving and self.store is not None:
                try:
                    self.store.remove([*removed, *self._records_of(removed)])
                except IndexFault as fault:
                    self.stop_saving(fault)
        except BaseException:
            if self.store is not None:
                self.store.close()
            raise
        with collector_paused():
            corpus = self.assemble(files)
        self.report.seconds = time.perf_counter() - started
        return corpus

    def plan(
        self,
        files: list[tuple[Path, str]],
        stats: dict[str, tuple[int, int] | None],
        rows: dict[str, FileRow],
    ) -> tuple[list[Task], list[str], list[FileRow]]:
        """Split the folder into files to read, removed files and unchanged files."""
        tasks: list[Task] = []
        unchanged: list[FileRow] = []
        limit = self.max_bytes
        for path, rel in files:
            stat = stats[rel]
            row = rows.get(rel)
            size, mtime = stat if stat is not None else (-1, -1)
            if row is None or stat is None:
                tasks.append(Task(str(path), rel, size, mtime, limit, None))
                continue
            # a new size limit matters only to files it now lets in or keeps out
            same_side = (size <= limit) == (row.size <= row.max_bytes)
            if row.size == size and row.mtime_ns == mtime and same_side:
                unchanged.append(row)
            else:
                known = row.hash if same_side else None
                tasks.append(Task(str(path), rel, size, mtime, limit, known))
        present = set(stats)
        removed = [rel for rel in rows if rel not in present]
        return tasks, removed, unchanged

    def load_unchanged(self, unchanged: list[FileRow], paths: dict[str, Path]) -> list[Task]:
        """Decode unchanged files, handing them over in batches; damaged ones are to be read."""
        damaged: list[FileRow] = []
        step = FIRST_BATCH_FILES
        start = 0
        while start < len(unchanged):
            chunk = []
            for row in unchanged[start : start + step]:
                entry = decode_row(row, self.records)
                if entry is None:
                    damaged.append(row)
                    continue
                self.entries[row.path] = entry
                chunk.append(entry)
            self.report.unchanged += len(chunk)
            self.deliver(chunk)
            start += step
            step = LOAD_BATCH_FILES
        self.deliver([], force=True)
        if not damaged:
            return []
        fault = IndexFault("corrupt", f"{len(damaged)} unreadable records")
        self.index_warning(fault, "reading those files again")
        return [
            Task(str(paths[row.path]), row.path, row.size, row.mtime_ns, self.max_bytes, None)
            for row in damaged
        ]

    def read(self, tasks: list[Task], rows: dict[str, FileRow]) -> None:
        """Read and extract ``tasks``, storing each chunk as it completes."""
        total = len(tasks)
        if self.progress is not None and total:
            self.progress(0, total)
        chunks = [tasks[i : i + CHUNK_FILES] for i in range(0, total, CHUNK_FILES)]
        done = 0
        for results in run_chunks(
            chunks, self.workers, self.parallel_threshold, self.warn, self.check_cancel
        ):
            self.absorb(results, rows)
            done += len(results)
            if self.progress is not None:
                self.progress(done, total)
            self.check_cancel()
        self.deliver([], force=True)

    def absorb(self, results: list[Result], rows: dict[str, FileRow]) -> None:
        """Decode a chunk of results, save it to the index, hand it to the browser."""
        writes: list[FileWrite] = []
        touches: list[tuple[str, int, int, str | None]] = []
        fresh: list[Entry] = []
        forget: list[str] = []
        for result in results:
            if result.status == "same":
                row = rows.get(result.path)
                entry = decode_row(row, self.records) if row is not None else None
                if entry is not None:
                    touches.append((result.path, result.size, result.mtime_ns, result.hash))
                    self.entries[result.path] = entry
                    fresh.append(entry)
                    self.report.unchanged += 1
                    continue
                # the stored record is unusable: read the file again for real
                task = Task(
                    str(self.folder / result.path), result.path, result.size,
                    result.mtime_ns, result.max_bytes, None,
                )  # fmt: skip
                result = read_one(task)
            self.report.read += 1
            entry, rows_to_write = file_writes(result)
            # records the file had before and has no more (all of them, if it is no
            # collection now) go; a record of the same name is overwritten in place
            kept = set(entry.records)
            forget += [name for name in self._records_of([result.path]) if name not in kept]
            if result.transient:
                forget.append(result.path)  # never store the outcome of a crash
                forget += entry.records
            else:
                writes += rows_to_write
            self.entries[result.path] = entry
            fresh.append(entry)
        if self.saving and self.store is not None:
            try:
                ids = self.store.write(writes)
                self.store.touch(touches)
                self.store.remove(forget)
            except IndexFault as fault:
                self.stop_saving(fault)
            else:
                for entry in fresh:
                    for part in entry.parts:
                        part.fid = ids.get(part.article.file, part.fid)
        self.deliver(fresh)

    def _records_of(self, paths: Sequence[str]) -> list[str]:
        """The stored record rows of these collections (none for a plain file)."""
        return [name for path in paths for name in self.records.get(path, ())]

    def tell_stories(self, events: list[Event]) -> None:
        """Group the events into stories (see :mod:`timeline.store.kept_stories`)."""
        try:
            tell_stories(events, self.store if self.saving else None)
        except IndexFault as fault:
            self.stop_saving(fault)

    def assemble(self, files: list[tuple[Path, str]]) -> IndexedCorpus:
        """The corpus in folder order, with its search."""
        articles: list[Article] = []
        events: list[Event] = []
        warnings: list[str] = self.index_warnings + self.folder_warnings
        indexed: list[tuple[int, str, list[Event]]] = []
        by_file: dict[str, list[Event]] = {}
        for _, rel in files:
            entry = self.entries.get(rel)
            if entry is None:
                continue
            warnings.extend(entry.warnings)
            if not entry.parts:
                self.report.skipped += 1
                continue
            for part in entry.parts:
                articles.append(part.article)
                by_file[part.article.file] = part.events
                if part.fid is not None:
                    indexed.append((part.fid, part.article.file, part.events))
        for article in sorted(articles, key=attrgetter("file")):
            events.extend(by_file[article.file])
        report = self.report
        report.files = len(files)
        report.articles = len(articles)
        report.events = len(events)
        report.saved = self.saving
        primary = None
        if self.saving and self.store is not None:
            primary = Searcher(self.store, lambda: _search_files(indexed))
        elif self.store is not None:
            self.store.close()
        corpus = IndexedCorpus(
            name=corpus_name(self.folder),
            articles=articles,
            events=sort_events(events, presorted=True),
            warnings=warnings,
            report=report,
        )
        self.tell_stories(corpus.events)
        corpus.searcher = LazySearch(primary, articles, corpus.events, self.warn)
        return corpus


def _search_files(indexed: list[tuple[int, str, list[Event]]]) -> dict[int, FileEvents]:
    return {fid: FileEvents(rel, [event.id for event in events]) for fid, rel, events in indexed}


def open_corpus(
    folder: Path | str | None = None,
    *,
    max_bytes: int | None = None,
    no_cache: bool = False,
    cache_dir: Path | str | None = None,
    warn: Warn | None = None,
    progress: Progress | None = None,
    on_batch: OnBatch | None = None,
    timeout: float = 5.0,
    workers: int | None = None,
    parallel_threshold: int = PARALLEL_THRESHOLD,
    cancel: threading.Event | None = None,
) -> IndexedCorpus:
    """Read a corpus folder through its index (``folder=None``: the bundled seeds).

    ``max_bytes``: larger files are skipped (default: the reader's limit).
    ``no_cache``: bypass the index entirely (read everything, in memory).
    ``cache_dir``: where databases live (default ``$TIMELINE_CACHE_DIR`` or the
    user cache directory). ``warn(line)``: each warning as it happens (they
    are also in ``corpus.warnings``). ``progress(done, total)``: files read so
    far out of those that need reading. ``on_batch(articles, events)``: the
    corpus in pieces as it becomes available, unchanged files first; together
    the batches hold exactly the returned corpus. ``timeout``: seconds to wait
    for a busy database. ``cancel``: set it to stop early (raises
    :class:`IndexCancelled`; what was indexed so far is kept).
    """
    from timeline.reading import DEFAULT_MAX_BYTES

    if folder is None:
        from timeline.resources import bundled_seeds_dir

        folder = bundled_seeds_dir()
    folder = Path(folder).expanduser().resolve()
    if not folder.is_dir():
        no_cache = True  # the reader reports the problem; keep no index for it
    run = _Run(
        folder,
        max_bytes=DEFAULT_MAX_BYTES if max_bytes is None else max_bytes,
        no_cache=no_cache,
        cache_dir=cache_dir,
        warn=warn,
        progress=progress,
        on_batch=on_batch,
        timeout=timeout,
        workers=workers,
        parallel_threshold=parallel_threshold,
        cancel=cancel,
    )
    return run.run()


def clear_index(
    folder: Path | str | None = None, cache_dir: Path | str | None = None
) -> Path | None:
    """Delete a corpus's index; the path removed, or None when there was none."""
    if folder is None:
        from timeline.resources import bundled_seeds_dir

        folder = bundled_seeds_dir()
    path = index_path(Path(folder), cache_dir)
    return path if remove_database(path) else None
