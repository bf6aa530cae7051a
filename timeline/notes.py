"""Stars and notes on events, kept in a small SQLite file that outlives the index.

Where: ``notes.db`` in the user data directory (``platformdirs.user_data_dir
("timeline")``, or ``$TIMELINE_DATA_DIR``, or the path given to
:class:`NotesStore`). It is deliberately not the cache directory: clearing the
index or the cache loses no note.

Keys: an event is found again by :func:`event_key` -- a hash of the article's
file name and its whitespace-normalised evidence sentence -- plus the event's
date. The key survives re-indexing and extractor changes (new ids, new types,
new summaries) as long as the article and the sentence are the same. When the
exact (key, date) row is gone because the extractor now reads another date
from the same sentence, the event falls back to the sentence's row whose date
no current event claims, so the note follows the sentence. One sentence with
two dates gives two events with their own stars and notes.

Durability: every save is one ``BEGIN IMMEDIATE ... COMMIT`` transaction in a
WAL-mode database with ``synchronous=FULL`` (saves happen at human pace, so
the fsync on every commit costs nothing anyone notices and a power cut loses
no committed note). Killing the process at any moment loses at most the note
being saved.

Faults: a damaged notes file is never replaced in place. It is moved aside to
``notes.db.corrupt-<n>`` (with its ``-wal``/``-shm`` files) with a one-line
warning, and a new database is started. A file that cannot be written (or a
data directory that cannot be created or written) gives an in-memory store,
filled with a copy of the readable notes if there are any, with a one-line
warning that changes will not be saved. Warnings are kept in
``NotesStore.warnings`` and passed to the ``warn`` callback; callers show them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import sqlite3
import threading
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from timeline.model import Event

#: Environment variable naming the data directory (overrides the platform default).
DATA_DIR_ENV = "TIMELINE_DATA_DIR"
#: File name of the notes database inside the data directory.
NOTES_FILE = "notes.db"
SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS notes (
    key TEXT NOT NULL,                 -- event_key(article, sentence)
    date TEXT NOT NULL DEFAULT '',     -- the event's ISO date, '' when undated
    article TEXT NOT NULL,
    sentence TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    starred INTEGER NOT NULL DEFAULT 0,
    note TEXT,
    updated TEXT NOT NULL,
    PRIMARY KEY (key, date)
)
"""

_COLUMNS = "key, date, article, sentence, summary, starred, note, updated"

# SQLite primary result codes (the low byte of an extended code).
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26


@dataclass(frozen=True, slots=True)
class NoteInfo:
    """The star and note attached to one event; ``updated`` is an ISO UTC timestamp."""

    starred: bool = False
    note: str | None = None
    updated: str | None = None


@dataclass(frozen=True, slots=True)
class NoteRecord:
    """One stored row: what the note is about (article, sentence, date) and its content."""

    key: str
    date: str | None
    article: str
    sentence: str
    summary: str
    starred: bool
    note: str | None
    updated: str

    @property
    def info(self) -> NoteInfo:
        """The star and note of this record."""
        return NoteInfo(self.starred, self.note, self.updated)

    @property
    def empty(self) -> bool:
        """True when the record holds neither a star nor a note."""
        return not self.starred and not self.note


def data_dir() -> Path:
    """The user data directory: ``$TIMELINE_DATA_DIR`` or the platform's default."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("timeline"))


def default_notes_path() -> Path:
    """Where the notes database lives unless a path is given."""
    return data_dir() / NOTES_FILE


def normalise_sentence(sentence: str) -> str:
    """The sentence in NFC with every run of whitespace made one space, stripped."""
    return " ".join(unicodedata.normalize("NFC", sentence).split())


def event_key(article_file: str, sentence: str) -> str:
    """A stable key for an event's evidence: the article file and the normalised sentence."""
    data = f"{article_file}\0{normalise_sentence(sentence)}".encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _record(row: tuple) -> NoteRecord:
    key, date, article, sentence, summary, starred, note, updated = row
    return NoteRecord(key, date or None, article, sentence, summary, bool(starred), note, updated)


def _one_line(error: BaseException) -> str:
    text = getattr(error, "strerror", None) or str(error) or type(error).__name__
    return " ".join(str(text).split())


class NotesError(Exception):
    """A star or note could not be saved (the message is one line, naming the file)."""


class _Damaged(Exception):
    """The database opened but failed its integrity check."""


class NotesStore:
    """Stars and notes on events, saved to SQLite (see the module docstring).

    ``path`` is the database file (default :func:`default_notes_path`);
    ``warn`` receives one-line warnings about the file (also kept in
    ``warnings``). ``persistent`` is False when notes are kept in memory only.
    """

    def __init__(
        self, path: Path | str | None = None, *, warn: Callable[[str], None] | None = None
    ):
        self.path = Path(path) if path is not None else default_notes_path()
        self.warnings: list[str] = []
        self.persistent = True
        self._warn_callback = warn
        self._lock = threading.RLock()
        # Dates of the current events of each key, as last seen by annotate()/orphaned():
        # what tells a row left behind by an extractor change from a sibling event's row.
        self._claimed: dict[str, set[str]] = {}
        self._conn = self._open()

    # --- opening and faults -------------------------------------------------------------

    def _warn(self, message: str) -> None:
        self.warnings.append(message)
        if self._warn_callback is not None:
            self._warn_callback(message)

    def _open(self) -> sqlite3.Connection:
        path = self.path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            self._warn(
                f"{path.parent}: cannot create the data directory ({_one_line(error)}); "
                "stars and notes are kept in memory for this session only"
            )
            return self._memory()
        if path.exists():
            try:
                with path.open("rb") as handle:
                    handle.read(100)
            except OSError as error:
                self._warn(
                    f"{path}: cannot read the notes file ({_one_line(error)}); left untouched, "
                    "stars and notes are kept in memory for this session only"
                )
                return self._memory()
        try:
            return self._connect(path)
        except (sqlite3.DatabaseError, _Damaged) as error:
            if self._is_damaged(error):
                return self._replace_damaged(error)
            return self._read_only(error)

    @staticmethod
    def _is_damaged(error: BaseException) -> bool:
        if isinstance(error, _Damaged):
            return True
        code = getattr(error, "sqlite_errorcode", None)
        if code is not None:
            return code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
        text = str(error).lower()
        return "not a database" in text or "malformed" in text

    def _connect(self, path: Path) -> sqlite3.Connection:
        conn = sqlite3.connect(path, isolation_level=None, timeout=10, check_same_thread=False)
        try:
            conn.execute("PRAGMA journal_mode=WAL").fetchone()
            conn.execute("PRAGMA synchronous=FULL")
            result = conn.execute("PRAGMA quick_check").fetchone()
            if not result or result[0] != "ok":
                raise _Damaged(result[0] if result else "integrity check returned nothing")
            self._ensure_schema(conn)
        except BaseException:
            conn.close()
            raise
        return conn

    @staticmethod
    def _ensure_schema(conn: sqlite3.Connection) -> None:
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute(_SCHEMA)
            version = conn.execute("PRAGMA user_version").fetchone()[0] or SCHEMA_VERSION
            # Always written, even unchanged: SQLite silently opens a file it may not write
            # read-only, and this write makes that show now rather than at the first save.
            conn.execute(f"PRAGMA user_version = {int(version)}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def _memory(self) -> sqlite3.Connection:
        self.persistent = False
        conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        self._ensure_schema(conn)
        return conn

    def _replace_damaged(self, error: BaseException) -> sqlite3.Connection:
        path = self.path
        n = 1
        while any(
            path.with_name(f"{path.name}.corrupt-{n}{suffix}").exists()
            for suffix in ("", "-wal", "-shm")
        ):
            n += 1
        target = path.with_name(f"{path.name}.corrupt-{n}")
        try:
            os.replace(path, target)
            for suffix in ("-wal", "-shm"):
                companion = path.with_name(path.name + suffix)
                if companion.exists():
                    os.replace(companion, target.with_name(target.name + suffix))
        except OSError as move_error:
            self._warn(
                f"{path}: damaged notes file ({_one_line(error)}) could not be moved aside "
                f"({_one_line(move_error)}); left untouched, stars and notes are kept in memory"
            )
            return self._memory()
        self._warn(
            f"{path}: damaged notes file ({_one_line(error)}) moved aside to {target.name}; "
            "started a new one"
        )
        try:
            return self._connect(path)
        except (sqlite3.DatabaseError, _Damaged, OSError) as new_error:
            self._warn(f"{path}: cannot create a new notes file ({_one_line(new_error)})")
            return self._memory()

    def _read_only(self, error: BaseException) -> sqlite3.Connection:
        """An in-memory store holding a copy of a notes file that cannot be written."""
        conn = self._memory()
        copied = False
        if self.path.exists():
            uri = quote(str(self.path.resolve()))
            for flags in ("mode=ro", "mode=ro&immutable=1"):
                try:
                    source = sqlite3.connect(f"file:{uri}?{flags}", uri=True)
                    try:
                        source.backup(conn)
                    finally:
                        source.close()
                    self._ensure_schema(conn)
                    copied = True
                    break
                except sqlite3.DatabaseError:
                    continue
        what = "its notes are shown, but changes" if copied else "stars and notes"
        self._warn(
            f"{self.path}: cannot write the notes file ({_one_line(error)}); "
            f"{what} are kept in memory for this session only"
        )
        return conn

    # --- reading ------------------------------------------------------------------------

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self._conn.close()

    def __enter__(self) -> NotesStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _rows(self, key: str | None = None) -> list[NoteRecord]:
        if key is None:
            cursor = self._conn.execute(f"SELECT {_COLUMNS} FROM notes")
        else:
            cursor = self._conn.execute(f"SELECT {_COLUMNS} FROM notes WHERE key = ?", (key,))
        return [_record(row) for row in cursor]

    def _remember(self, events: Iterable[Event]) -> list[tuple[Event, str]]:
        keyed = [(event, event_key(event.article, event.sentence)) for event in events]
        for event, key in keyed:
            self._claimed.setdefault(key, set()).add(event.date or "")
        return keyed

    def _resolve(self, key: str, date: str, rows: Sequence[NoteRecord]) -> NoteRecord | None:
        """The row an event shows: its own (key, date) row, else the sentence's stray row."""
        claimed = self._claimed.get(key, set()) | {date}
        stray = None
        for row in rows:
            row_date = row.date or ""
            if row_date == date:
                return row
            if row_date not in claimed and (stray is None or row.updated > stray.updated):
                stray = row
        return stray

    def get(self, event: Event) -> NoteInfo | None:
        """The event's star and note, or None when it has neither.

        Before :meth:`annotate` has seen the event's siblings (other events of
        the same sentence), a sentence's row of another date counts as left
        behind by a date change, so it shows through here.
        """
        key = event_key(event.article, event.sentence)
        with self._lock:
            row = self._resolve(key, event.date or "", self._rows(key))
        return None if row is None or row.empty else row.info

    def annotate(self, events: Iterable[Event]) -> dict[str, NoteInfo]:
        """Stars and notes of many events at once, by event id (events with neither left out).

        One query reads every stored row; the matching is done in memory, so
        this stays fast for a corpus of 100,000 events. Pass the whole corpus's
        events and filter afterwards: the events of one sentence are told apart
        by their dates, and a filtered list may hide a sibling.
        """
        with self._lock:
            keyed = self._remember(events)
            by_key: dict[str, list[NoteRecord]] = {}
            for row in self._rows():
                by_key.setdefault(row.key, []).append(row)
            result: dict[str, NoteInfo] = {}
            for event, key in keyed:
                rows = by_key.get(key)
                if not rows:
                    continue
                row = self._resolve(key, event.date or "", rows)
                if row is not None and not row.empty:
                    result[event.id] = row.info
        return result

    def orphaned(self, events: Iterable[Event]) -> list[NoteRecord]:
        """Stored stars and notes that no current event shows (kept, never dropped)."""
        with self._lock:
            keyed = self._remember(events)
            current: dict[str, set[str]] = {}
            for event, key in keyed:
                current.setdefault(key, set()).add(event.date or "")
            by_key: dict[str, list[NoteRecord]] = {}
            for row in self._rows():
                by_key.setdefault(row.key, []).append(row)
            shown: set[tuple[str, str]] = set()
            for key, dates in current.items():
                for date in dates:
                    row = self._resolve(key, date, by_key.get(key, ()))
                    if row is not None:
                        shown.add((row.key, row.date or ""))
            orphans = [
                row
                for rows in by_key.values()
                for row in rows
                if not row.empty and (row.key, row.date or "") not in shown
            ]
        return sorted(orphans, key=lambda row: (row.article, row.date or "", row.sentence))

    def all(self) -> list[NoteRecord]:
        """Every stored star and note, by article, date and sentence."""
        with self._lock:
            rows = [row for row in self._rows() if not row.empty]
        return sorted(rows, key=lambda row: (row.article, row.date or "", row.sentence))

    # --- writing ------------------------------------------------------------------------

    # Every write below is one transaction; a failed one raises NotesError and changes nothing.

    def star(self, event: Event) -> bool:
        """Star the event; returns the new state (True)."""
        return self._save(event, lambda info: (True, info.note)).starred

    def unstar(self, event: Event) -> bool:
        """Remove the event's star; returns the new state (False)."""
        return self._save(event, lambda info: (False, info.note)).starred

    def toggle_star(self, event: Event) -> bool:
        """Star an unstarred event or unstar a starred one; returns the new state."""
        return self._save(event, lambda info: (not info.starred, info.note)).starred

    def set_note(self, event: Event, text: str) -> NoteInfo:
        """Set the event's note; empty (or blank) text deletes it. Returns the new state."""
        note = text if text.strip() else None
        return self._save(event, lambda info: (info.starred, note))

    def _save(
        self, event: Event, change: Callable[[NoteInfo], tuple[bool, str | None]]
    ) -> NoteInfo:
        """Apply ``change`` to the event's current state in one transaction."""
        key = event_key(event.article, event.sentence)
        date = event.date or ""
        with self._lock:
            conn = self._conn
            try:
                conn.execute("BEGIN IMMEDIATE")
                rows = self._rows(key)
                current = self._resolve(key, date, rows)
                starred, note = change(current.info if current else NoteInfo())
                updated = _now()
                values = (event.article, event.sentence, event.summary, int(starred), note, updated)
                exact = current is not None and (current.date or "") == date
                if current is not None and not exact and self._may_adopt(key, date, rows):
                    # The row left behind by a date change: move it to the event's date.
                    conn.execute(
                        "UPDATE notes SET date = ? WHERE key = ? AND date = ?",
                        (date, key, current.date or ""),
                    )
                    exact = True
                fallback = self._resolve(key, date, [r for r in rows if (r.date or "") != date])
                if not starred and not note and (fallback is None or exact and current is fallback):
                    # Nothing to keep, and nothing else would show through: delete the row.
                    conn.execute("DELETE FROM notes WHERE key = ? AND date = ?", (key, date))
                else:
                    conn.execute(
                        f"INSERT INTO notes ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                        "ON CONFLICT (key, date) DO UPDATE SET article = excluded.article, "
                        "sentence = excluded.sentence, summary = excluded.summary, "
                        "starred = excluded.starred, note = excluded.note, "
                        "updated = excluded.updated",
                        (key, date, *values),
                    )
                conn.execute("COMMIT")
            except BaseException as error:
                with contextlib.suppress(sqlite3.Error):  # a closed connection cannot roll back
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                if isinstance(error, sqlite3.Error):
                    raise NotesError(f"{self.path}: not saved ({_one_line(error)})") from error
                raise
        return NoteInfo(starred, note, updated)

    def _may_adopt(self, key: str, date: str, rows: Sequence[NoteRecord]) -> bool:
        """True when only this event of the sentence lacks its own row (so takes the stray)."""
        if key not in self._claimed:
            return False  # siblings unknown: copy rather than move, so nothing is lost
        own = {row.date or "" for row in rows}
        return all(other in own for other in self._claimed[key] if other != date)
