"""Stars and notes on events, kept in a small SQLite file that outlives the index.

Where: ``notes.db`` in the user data directory (``platformdirs.user_data_dir
("timeline")``, or ``$TIMELINE_DATA_DIR``, or the path given to
:class:`NotesStore`). It is deliberately not the cache directory: clearing the
index or the cache loses no note.

Keys: an event is found again by :func:`event_key` (a hash of the article's
file name and its whitespace-normalised sentence) and its date, so a note
survives re-indexing and extractor changes while article and sentence stay.
When the extractor reads another date from the same sentence, the event takes
the sentence's row whose date no current event claims: the note follows the
sentence. One sentence with two dates gives two events, two stars and notes.

Durability: every save is one ``BEGIN IMMEDIATE ... COMMIT`` transaction in a
WAL-mode database with ``synchronous=FULL``; killing the process at any moment
loses at most the note being saved. A save into a file removed or replaced
meanwhile (the data folder deleted while the browser runs) raises
:class:`NotesGone` instead of writing where nobody will find it.

Two writers (two browsers): every row carries a version from a counter that
only grows. :meth:`NotesStore.load` returns the star and note with their
version; :meth:`NotesStore.save_note` saves only over that version, else
raises :class:`NoteConflict` holding what the other writer saved, so both can
be shown. :meth:`NotesStore.set_starred` sets the state the user sees, never
a toggle. Another process's write lock is waited on for ``busy_timeout``
seconds only (0.25 by default), then :class:`NotesLocked`: nothing written,
retry later.

Faults: a damaged notes file is never replaced in place: it is moved aside to
``notes.db.corrupt-<n>`` (with its ``-wal``/``-shm``) with a one-line warning,
and a new one started. A file or data directory that cannot be written gives
an in-memory store, holding a copy of the readable notes, with a one-line
warning. Warnings are kept in ``warnings`` and passed to ``warn``. Names that
are not valid UTF-8 are stored as their bytes and read back as they were.
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
from timeline.store.db import classify
from timeline.store.paths import DATA_DIR_ENV, NOTES_FILE, data_dir, default_notes_path  # noqa: F401
from timeline.store.paths import from_db_text as _from_db
from timeline.store.paths import to_db_text as _to_db

SCHEMA_VERSION = 2
#: Seconds a save waits for another process's write lock before raising NotesLocked.
BUSY_TIMEOUT = 0.25
#: Seconds opening the file waits for another process (creating the schema).
OPEN_TIMEOUT = 5.0

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
    version INTEGER NOT NULL DEFAULT 0, -- the save counter's value at the last save
    PRIMARY KEY (key, date)
)
"""
# The save counter (schema 2): every save takes the next value, so a version is never reused.
_META = "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL)"

_COLUMNS = "key, date, article, sentence, summary, starred, note, updated, version"

# SQLite primary result codes (the low byte of an extended code).
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26


@dataclass(frozen=True, slots=True)
class NoteInfo:
    """The star and note attached to one event; ``updated`` is an ISO UTC timestamp.

    ``version`` is the stored row's version when read from the store (0: no
    row); hand it back to :meth:`NotesStore.save_note`.
    """

    starred: bool = False
    note: str | None = None
    updated: str | None = None
    version: int = 0


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
    version: int = 0

    @property
    def info(self) -> NoteInfo:
        """The star and note of this record."""
        return NoteInfo(self.starred, self.note, self.updated, self.version)

    @property
    def empty(self) -> bool:
        """True when the record holds neither a star nor a note."""
        return not self.starred and not self.note


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
    key, date, article, sentence, summary, starred, note, updated, version = row
    article, sentence, summary, note = map(_from_db, (article, sentence, summary, note))
    return NoteRecord(key, date or None, article, sentence, summary, bool(starred), note,
                      updated, version)  # fmt: skip


def _one_line(error: BaseException) -> str:
    text = getattr(error, "strerror", None) or str(error) or type(error).__name__
    return " ".join(str(text).split())


class NotesError(Exception):
    """A star or note could not be saved (the message is one line, naming the file)."""


class NotesLocked(NotesError):
    """Another process holds the write lock: nothing was saved; try again shortly."""


class NotesGone(NotesError):
    """The file was removed or replaced while open: nothing saved (see ``reopen``)."""


class NoteConflict(NotesError):
    """Changed since loaded: ``current`` is what is stored (with its version), ``mine``
    the text not saved."""

    def __init__(self, message: str, current: NoteInfo, mine: str) -> None:
        super().__init__(message)
        self.current = current
        self.mine = mine


_COMPANIONS = ("", "-wal", "-shm")
_Change = Callable[[NoteInfo], tuple[bool, str | None]]


class _Damaged(Exception):
    """The database opened but failed its integrity check."""


class NotesStore:
    """Stars and notes on events, saved to SQLite (see the module docstring).

    ``path`` is the database file (default :func:`default_notes_path`);
    ``warn`` receives one-line warnings about the file (also kept in
    ``warnings``). ``persistent`` is False when notes are kept in memory only.
    """

    def __init__(
        self,
        path: Path | str | None = None,
        *,
        warn: Callable[[str], None] | None = None,
        busy_timeout: float = BUSY_TIMEOUT,
    ):
        self.path = Path(path) if path is not None else default_notes_path()
        self.warnings: list[str] = []
        self.persistent = True
        self.busy_timeout = busy_timeout
        self._identity: tuple[int, int] | None = None
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
            self._warn(f"{path.parent}: cannot create the data directory ({_one_line(error)}); "
                       "stars and notes are kept in memory for this session only")  # fmt: skip
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
        conn = sqlite3.connect(
            path, isolation_level=None, timeout=OPEN_TIMEOUT, check_same_thread=False
        )
        try:
            conn.execute("PRAGMA journal_mode=WAL").fetchone()
            conn.execute("PRAGMA synchronous=FULL")
            result = conn.execute("PRAGMA quick_check").fetchone()
            if not result or result[0] != "ok":
                raise _Damaged(result[0] if result else "integrity check returned nothing")
            # Another process's lock is waited on briefly (long only to create the schema);
            # a file locked by a writer but holding the current schema is fine as it is.
            current = conn.execute("PRAGMA user_version").fetchone()[0] >= SCHEMA_VERSION
            wait = self.busy_timeout if current else OPEN_TIMEOUT
            conn.execute(f"PRAGMA busy_timeout = {int(wait * 1000)}")
            try:
                self._ensure_schema(conn)
            except sqlite3.OperationalError as error:
                if not current or classify(error).kind != "locked":
                    raise
            conn.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout * 1000)}")
            st = os.stat(path)
            self._identity = (st.st_dev, st.st_ino)
        except BaseException:
            conn.close()
            raise
        return conn

    @staticmethod
    def _ensure_schema(conn: sqlite3.Connection) -> None:
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute(_SCHEMA)
            conn.execute(_META)
            version = conn.execute("PRAGMA user_version").fetchone()[0] or SCHEMA_VERSION
            columns = {row[1] for row in conn.execute("PRAGMA table_info(notes)")}
            if "version" not in columns:  # schema 1: number the rows there are
                conn.execute("ALTER TABLE notes ADD COLUMN version INTEGER NOT NULL DEFAULT 0")
                conn.execute("UPDATE notes SET version = rowid")
            conn.execute(
                "INSERT INTO meta (name, value) SELECT 'saves', coalesce(max(version), 0) "
                "FROM notes WHERE true ON CONFLICT (name) DO NOTHING"
            )
            # Always written, even unchanged: SQLite silently opens a file it may not write
            # read-only, and this write makes that show now rather than at the first save.
            conn.execute(f"PRAGMA user_version = {max(int(version), SCHEMA_VERSION)}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def _memory(self) -> sqlite3.Connection:
        self.persistent = False
        self._identity = None
        conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        self._ensure_schema(conn)
        return conn

    def reopen(self) -> None:
        """Close and open the notes file again (a new one when it was removed)."""
        with self._lock:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
            self.persistent = True
            self._conn = self._open()

    def _replace_damaged(self, error: BaseException) -> sqlite3.Connection:
        path = self.path
        n = 1
        while any(path.with_name(f"{path.name}.corrupt-{n}{x}").exists() for x in _COMPANIONS):
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

    def load(self, event: Event) -> NoteInfo:
        """The event's star and note as stored now, with their ``version`` (0: no row).

        Before :meth:`annotate` has seen the event's siblings (other events of
        the same sentence), a sentence's row of another date counts as left
        behind by a date change, so it shows through here.
        """
        key = event_key(event.article, event.sentence)
        with self._lock:
            row = self._resolve(key, event.date or "", self._rows(key))
        return NoteInfo() if row is None else row.info

    def get(self, event: Event) -> NoteInfo | None:
        """The event's star and note (as :meth:`load`), or None when it has neither."""
        info = self.load(event)
        return info if info.starred or info.note else None

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

    # Every write is one transaction; a failed one raises NotesError and changes nothing.

    def save_note(self, event: Event, text: str, expected_version: int) -> NoteInfo:
        """Set the note if it is still at ``expected_version`` (from :meth:`load`); empty
        text deletes it. The new state with its new version; :class:`NoteConflict` (with
        the stored state) when another writer saved since, and nothing changes."""
        note = text if text.strip() else None
        return self._save(event, lambda info: (info.starred, note), expected_version, text)

    def set_starred(self, event: Event, starred: bool) -> NoteInfo:
        """Set the star to ``starred`` (the state the user asked for, whatever is stored)."""
        return self._save(event, lambda info: (starred, info.note))

    def star(self, event: Event) -> bool:
        """Star the event; the new state (True)."""
        return self.set_starred(event, True).starred

    def unstar(self, event: Event) -> bool:
        """Remove the star; the new state (False)."""
        return self.set_starred(event, False).starred

    def toggle_star(self, event: Event) -> bool:
        """Flip the stored star; the new state. Prefer :meth:`set_starred`: a toggle
        removes a star another browser just set."""
        return self._save(event, lambda info: (not info.starred, info.note)).starred

    def set_note(self, event: Event, text: str) -> NoteInfo:
        """Set the note whatever is stored (:meth:`save_note` checks); blank deletes it."""
        note = text if text.strip() else None
        return self._save(event, lambda info: (info.starred, note))

    def _save(self, event: Event, change: _Change, expected: int | None = None, text: str = ""):
        """Apply ``change`` to the event's current state in one transaction (a NoteInfo);
        with ``expected``, only over that version."""
        key = event_key(event.article, event.sentence)
        date = event.date or ""
        with self._lock:
            conn = self._conn
            try:
                conn.execute("BEGIN IMMEDIATE")
                self._check_file()
                rows = self._rows(key)
                current = self._resolve(key, date, rows)
                info = current.info if current else NoteInfo()
                if expected is not None and info.version != expected:
                    message = f"{self.path}: not saved: the note was changed elsewhere meanwhile"
                    raise NoteConflict(message, info, text)
                starred, note = change(info)
                updated = _now()
                version = conn.execute(
                    "UPDATE meta SET value = value + 1 WHERE name = 'saves' RETURNING value"
                ).fetchone()[0]
                texts = [_to_db(t) for t in (event.article, event.sentence, event.summary)]
                values = (*texts, int(starred), note and _to_db(note), updated, version)
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
                    version = 0
                else:
                    conn.execute(
                        f"INSERT INTO notes ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        "ON CONFLICT (key, date) DO UPDATE SET article = excluded.article, "
                        "sentence = excluded.sentence, summary = excluded.summary, "
                        "starred = excluded.starred, note = excluded.note, "
                        "updated = excluded.updated, version = excluded.version",
                        (key, date, *values),
                    )
                self._check_file()
                conn.execute("COMMIT")
            except BaseException as error:
                with contextlib.suppress(sqlite3.Error):  # a closed connection cannot roll back
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                if isinstance(error, NotesError):
                    raise
                if isinstance(error, sqlite3.Error) and classify(error).kind == "locked":
                    message = f"{self.path}: not saved: locked by another process (try again)"
                    raise NotesLocked(message) from error
                if isinstance(error, sqlite3.Error | ValueError | OSError):
                    raise NotesError(f"{self.path}: not saved ({_one_line(error)})") from error
                raise
        return NoteInfo(starred, note, updated, version)

    def _check_file(self) -> None:
        """Raise NotesGone when the file opened is no longer the one at the path."""
        if self._identity is None:
            return  # in memory
        try:
            st = os.stat(self.path)
            same = (st.st_dev, st.st_ino) == self._identity
        except OSError:
            same = False
        if not same:
            raise NotesGone(f"{self.path}: not saved: the notes file was removed while in use")

    def _may_adopt(self, key: str, date: str, rows: Sequence[NoteRecord]) -> bool:
        """True when only this event of the sentence lacks its own row (so takes the stray)."""
        if key not in self._claimed:
            return False  # siblings unknown: copy rather than move, so nothing is lost
        own = {row.date or "" for row in rows}
        return all(other in own for other in self._claimed[key] if other != date)
