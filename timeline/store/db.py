"""The SQLite index of one corpus folder: files, their articles and events, FTS5.

One database per corpus folder. Each row of ``files`` holds a file's size,
modification time and content hash, whether it was read or skipped (with the
warnings to repeat), and the extracted article (text compressed) and events as
blobs. Two FTS5 tables index the article texts (rowid = file id) and the
evidence sentences (rowid = file id << 20 | event number), so a hit maps back
to events without a join.

Errors are classified into :class:`IndexFault` kinds; the indexer decides
whether to rebuild the database or to carry on in memory.

A file name that is not valid UTF-8 (Python's lone surrogates, which SQLite
TEXT cannot hold) is stored as its bytes, a BLOB, and read back as the same
string (:func:`~timeline.store.paths.to_db_text`), as are warnings naming it.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from timeline.store.paths import from_db_text, remove_database, to_db_text

#: Bump when the tables change; a database of another schema is rebuilt.
SCHEMA_VERSION = 2
#: Sentence rows are numbered ``file_id << EVENT_BITS | n`` (up to a million events a file).
EVENT_BITS = 20
EVENT_MASK = (1 << EVENT_BITS) - 1

_TOKENIZE = "unicode61 remove_diacritics 2"
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    hash TEXT,
    max_bytes INTEGER NOT NULL,
    status TEXT NOT NULL,
    warnings TEXT NOT NULL,
    article BLOB,
    ztext BLOB,
    events BLOB
);
CREATE TABLE IF NOT EXISTS blobs (key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS article_fts USING fts5(text, tokenize='{_TOKENIZE}');
CREATE VIRTUAL TABLE IF NOT EXISTS sentence_fts USING fts5(sentence, tokenize='{_TOKENIZE}');
"""
_TABLES = {"meta", "files", "blobs", "article_fts", "sentence_fts"}


_CORRUPT_ERRORS = (sqlite3.DatabaseError, ValueError, EOFError, KeyError, TypeError, zlib.error)


class IndexFault(Exception):
    """The index cannot be used as it is.

    ``kind`` is one of ``corrupt`` (unreadable or from another schema: rebuild
    it), ``locked`` (another process holds it), ``full`` (disk full),
    ``readonly`` (cannot write there) or ``other``.
    """

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message

    @property
    def rebuild(self) -> bool:
        """True when deleting and rebuilding the database is the cure."""
        return self.kind == "corrupt"


def classify(exc: BaseException) -> IndexFault:
    """Turn an exception met while using the database into an :class:`IndexFault`."""
    if isinstance(exc, IndexFault):
        return exc
    text = str(exc) or type(exc).__name__
    low = text.lower()
    if "locked" in low or "busy" in low:
        kind = "locked"
    elif "full" in low:
        kind = "full"
    elif any(w in low for w in ("readonly", "read-only", "unable to open", "permission")):
        kind = "readonly"
    elif isinstance(exc, OSError):
        kind = "readonly" if isinstance(exc, PermissionError) else "other"
    elif any(w in low for w in ("malformed", "not a database", "corrupt", "no such")):
        kind = "corrupt"
    elif isinstance(exc, sqlite3.OperationalError):
        kind = "other"
    elif isinstance(exc, _CORRUPT_ERRORS):
        kind = "corrupt"
    else:
        kind = "other"
    return IndexFault(kind, text)


@contextlib.contextmanager
def faults() -> Iterator[None]:
    """Re-raise database and decoding errors as :class:`IndexFault`."""
    try:
        yield
    except IndexFault:
        raise
    except (sqlite3.Error, OSError, ValueError, EOFError, TypeError, KeyError, zlib.error) as exc:
        raise classify(exc) from exc


@dataclass(slots=True)
class FileState:
    """A file as the index sees it: its path in the folder, what decides whether it changed
    (size, modification time, content hash, the size limit it was read under) and how
    reading it went (``status``)."""

    path: str
    size: int
    mtime_ns: int
    hash: str | None
    max_bytes: int
    status: str


@dataclass(slots=True)
class FileRow(FileState):
    """One indexed file: its state when it was read, its id and its stored contents."""

    id: int
    warnings: tuple[str, ...]
    article: bytes | None
    ztext: bytes | None
    events: bytes | None


@dataclass(slots=True)
class FileWrite(FileState):
    """A freshly read file to store, with the text and sentences to index."""

    warnings: list[str]
    article: bytes | None = None
    ztext: bytes | None = None
    events: bytes | None = None
    text: str = ""
    sentences: tuple[str, ...] = ()


class Store:
    """One corpus's index database (``path=None``: a private in-memory one).

    Use :meth:`open`; every method raises :class:`IndexFault` on trouble.
    One connection, usable from any thread (calls are serialised by the caller).
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path | None,
        fingerprint: str = "",
        timeout: float = 5.0,
    ) -> None:
        self.conn = conn
        self.path = path
        self.fingerprint = fingerprint
        self.timeout = timeout

    @classmethod
    def open(cls, path: Path | None, *, fingerprint: str, timeout: float = 5.0) -> Store:
        """Open or create the database and make sure it holds ``fingerprint`` data.

        A database written under another fingerprint (a new extractor version)
        is emptied, so everything is extracted again. Raises IndexFault; a
        database this call created and could not set up (a full disk) is removed.
        """
        with faults():
            created = path is not None and not path.exists()
            if path is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
            target = ":memory:" if path is None else str(path)
            conn = sqlite3.connect(
                target, timeout=timeout, isolation_level=None, check_same_thread=False
            )
        store = cls(conn, path, fingerprint, timeout)
        try:
            with faults():
                store._prepare(fingerprint)
        except BaseException as exc:
            kind = exc.kind if isinstance(exc, IndexFault) else "other"
            if kind == "full":
                store.close_after_full_disk()
            else:
                store.close()
            if created and path is not None and kind in ("full", "other"):
                with contextlib.suppress(OSError):
                    remove_database(path)  # ours, empty: leave nothing behind
            raise
        return store

    def _prepare(self, fingerprint: str) -> None:
        conn = self.conn
        if self.path is not None:
            self._use_wal()
            conn.execute("PRAGMA synchronous=NORMAL")
        if not self._schema_ok():
            with self.transaction():
                if not self._schema_ok():  # another process may have just created it
                    self._create()
                    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
                    self._set_meta("fingerprint", fingerprint)
        if self._meta("fingerprint") != fingerprint:
            with self.transaction():
                if self._meta("fingerprint") != fingerprint:
                    self._reset(fingerprint)

    def _use_wal(self) -> None:
        """Switch to write-ahead logging, retrying while another process does the same.

        Changing the journal mode does not wait on SQLite's busy handler: two
        processes creating the same new database at once would fail at once.
        """
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                mode = self.conn.execute("PRAGMA journal_mode").fetchone()[0]
                if str(mode).lower() != "wal":
                    mode = self.conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
                break
            except sqlite3.OperationalError as exc:
                if classify(exc).kind != "locked" or time.monotonic() > deadline:
                    raise
                time.sleep(0.02)
        if str(mode).lower() != "wal":
            raise IndexFault("other", f"cannot use write-ahead logging (journal mode {mode})")

    def _schema_ok(self) -> bool:
        """True for our schema, False for an empty database; raises for a foreign one."""
        # one statement, so one snapshot: another process may be creating the schema right now
        rows = self.conn.execute(
            "SELECT (SELECT user_version FROM pragma_user_version), name"
            " FROM (SELECT NULL AS name UNION ALL"
            " SELECT name FROM sqlite_master WHERE type='table')"
        ).fetchall()
        version = rows[0][0]
        names = {row[1] for row in rows if row[1] is not None}
        if version == 0 and not names:
            return False
        if version != SCHEMA_VERSION or not names >= _TABLES:
            raise IndexFault("corrupt", f"index has another schema (version {version})")
        return True

    def _reset(self, fingerprint: str) -> None:
        for table in ("files", "blobs", "article_fts", "sentence_fts"):
            self.conn.execute(f"DROP TABLE IF EXISTS {table}")
        self._create()
        self._set_meta("fingerprint", fingerprint)

    def _create(self) -> None:
        # one statement at a time: executescript() would commit our transaction
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                self.conn.execute(statement)

    def _meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def _set_meta(self, key: str, value: str) -> None:
        self.conn.execute(
            "INSERT INTO meta(key, value) VALUES(?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value=excluded.value",
            (key, value),
        )

    @contextlib.contextmanager
    def transaction(self, *, owned: bool = False) -> Iterator[None]:
        """A write transaction, taken at once (``BEGIN IMMEDIATE``), rolled back on error.

        ``owned``: first check that the database still holds data of our
        fingerprint; another timeline version may have reset it meanwhile, and
        our rows must not land under its label.
        """
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            if owned and self._meta("fingerprint") != self.fingerprint:
                raise IndexFault("other", "index was reset by another version of timeline")
            yield
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def close(self) -> None:
        """Close the connection (errors ignored)."""
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()

    def blob(self, key: str) -> bytes | None:
        """A value kept for the whole corpus (the stories of the last run), or None."""
        with faults():
            row = self.conn.execute("SELECT value FROM blobs WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def set_blob(self, key: str, value: bytes) -> None:
        """Keep a value for the whole corpus, replacing the one before."""
        with faults(), self.transaction(owned=True):
            self.conn.execute(
                "INSERT INTO blobs(key, value) VALUES(?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                (key, value),
            )

    def close_after_full_disk(self) -> bool:
        """Close after a full disk, leaving no write-ahead log to keep the disk full.

        The log is written back into the database if there is room; if even
        that fails for want of space, the database is removed with its log (it
        is a cache: the next run rebuilds it). True when it was removed.
        """
        stuck = False
        if self.path is not None:
            try:
                with faults():
                    self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
            except IndexFault as fault:
                stuck = fault.kind == "full"
        self.close()
        return stuck and self.path is not None and remove_database(self.path)

    def rows(self) -> dict[str, FileRow]:
        """Every indexed file, by relative path (one query: it is the start-up path)."""
        with faults():
            rows = self.conn.execute(
                "SELECT id, path, size, mtime_ns, hash, max_bytes, status, warnings,"
                " article, ztext, events FROM files"
            ).fetchall()
        found = {}
        for row in rows:
            path, warnings = from_db_text(row[1]), from_db_text(row[7])
            found[path] = FileRow(
                path, *row[2:7], row[0], tuple(warnings.split("\n")) if warnings else (), *row[8:]
            )
        return found

    def write(self, files: list[FileWrite]) -> dict[str, int]:
        """Store freshly read files in one transaction; their ids by path."""
        ids: dict[str, int] = {}
        if not files:
            return ids
        with faults(), self.transaction(owned=True):
            for item in files:
                fid = self.conn.execute(
                    "INSERT INTO files(path, size, mtime_ns, hash, max_bytes, status, warnings,"
                    " article, ztext, events) VALUES(?,?,?,?,?,?,?,?,?,?)"
                    " ON CONFLICT(path) DO UPDATE SET size=excluded.size,"
                    " mtime_ns=excluded.mtime_ns, hash=excluded.hash,"
                    " max_bytes=excluded.max_bytes, status=excluded.status,"
                    " warnings=excluded.warnings, article=excluded.article,"
                    " ztext=excluded.ztext, events=excluded.events RETURNING id",
                    (
                        to_db_text(item.path),
                        item.size,
                        item.mtime_ns,
                        item.hash,
                        item.max_bytes,
                        item.status,
                        to_db_text("\n".join(item.warnings)),
                        item.article,
                        item.ztext,
                        item.events,
                    ),
                ).fetchone()[0]
                self._unindex(fid)
                if item.status == "ok":
                    self.conn.execute(
                        "INSERT INTO article_fts(rowid, text) VALUES(?, ?)", (fid, item.text)
                    )
                    base = fid << EVENT_BITS
                    self.conn.executemany(
                        "INSERT INTO sentence_fts(rowid, sentence) VALUES(?, ?)",
                        ((base | n, s) for n, s in enumerate(item.sentences[: EVENT_MASK + 1])),
                    )
                ids[item.path] = fid
        return ids

    def touch(self, updates: list[tuple[str, int, int, str | None]]) -> None:
        """Record new size and time of files whose content hash did not change."""
        if not updates:
            return
        with faults(), self.transaction(owned=True):
            self.conn.executemany(
                "UPDATE files SET size=?, mtime_ns=? WHERE path=? AND hash IS ?",
                [(size, mtime, to_db_text(path), digest) for path, size, mtime, digest in updates],
            )

    def remove(self, paths: Iterable[str]) -> int:
        """Drop files that left the folder; how many rows went."""
        paths = list(paths)
        if not paths:
            return 0
        removed = 0
        with faults(), self.transaction(owned=True):
            for path in paths:
                row = self.conn.execute(
                    "SELECT id FROM files WHERE path=?", (to_db_text(path),)
                ).fetchone()
                if row is None:
                    continue
                self._unindex(row[0])
                self.conn.execute("DELETE FROM files WHERE id=?", (row[0],))
                removed += 1
        return removed

    def _unindex(self, fid: int) -> None:
        self.conn.execute("DELETE FROM article_fts WHERE rowid=?", (fid,))
        base = fid << EVENT_BITS
        self.conn.execute(
            "DELETE FROM sentence_fts WHERE rowid BETWEEN ? AND ?", (base, base | EVENT_MASK)
        )

    def match(self, table: str, query: str) -> list[int]:
        """Rowids of ``article_fts`` or ``sentence_fts`` matching an FTS5 query.

        Raises ``sqlite3.OperationalError`` for a query FTS5 cannot parse (the
        caller retries it literally) and IndexFault for anything else.
        """
        if table not in ("article_fts", "sentence_fts"):
            raise ValueError(table)
        sql = f"SELECT rowid FROM {table} WHERE {table} MATCH ?1"
        try:
            rows = self.conn.execute(sql, (query,)).fetchall()
        except sqlite3.OperationalError as exc:
            if is_query_error(exc):
                raise
            raise classify(exc) from exc
        except sqlite3.Error as exc:
            raise classify(exc) from exc
        return [row[0] for row in rows]


def is_query_error(exc: sqlite3.Error) -> bool:
    """True when FTS5 rejected the query text itself (syntax, unknown column...)."""
    low = str(exc).lower()
    return any(
        w in low for w in ("fts5", "syntax error", "unterminated", "no such column", "unknown")
    )
