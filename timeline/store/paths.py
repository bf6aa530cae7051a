"""Where timeline keeps its files (the index databases, the notes) and how they are named."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

#: Environment variable that overrides the cache directory (tests, CI, read-only homes).
CACHE_ENV = "TIMELINE_CACHE_DIR"
#: Environment variable naming the data directory (overrides the platform default).
DATA_DIR_ENV = "TIMELINE_DATA_DIR"
#: File name of the notes database inside the data directory.
NOTES_FILE = "notes.db"


def data_dir() -> Path:
    """The user data directory (the notes): ``$TIMELINE_DATA_DIR`` or the platform's."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("timeline"))


def default_notes_path() -> Path:
    """Where the notes database lives unless a path is given."""
    return data_dir() / NOTES_FILE


def cache_root(cache_dir: Path | str | None = None) -> Path:
    """The directory holding the index databases.

    The argument wins, then ``$TIMELINE_CACHE_DIR``, then the platform's user
    cache directory (``~/.cache/timeline`` on Linux).
    """
    if cache_dir is not None:
        return Path(cache_dir)
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("timeline"))


def corpus_key(folder: Path) -> str:
    """A short stable key for a corpus folder: a hash of its absolute path."""
    absolute = str(Path(folder).expanduser().resolve())
    return hashlib.sha256(absolute.encode("utf-8", "surrogateescape")).hexdigest()[:16]


def index_path(folder: Path, cache_dir: Path | str | None = None) -> Path:
    """The database file of one corpus folder: ``<cache>/index/<name>-<hash>.sqlite3``.

    The readable name part is only for people listing the directory; the hash
    of the absolute path is what keeps two folders apart.
    """
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(folder).expanduser().resolve().name)[:40]
    return cache_root(cache_dir) / "index" / f"{name or 'root'}-{corpus_key(folder)}.sqlite3"


def to_db_text(text: str) -> str | bytes:
    """Text as SQLite can hold it, reversibly: with lone surrogates (a file name that is
    not valid UTF-8, as Python reads it) as its bytes, a BLOB; else the text itself."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        try:
            return text.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:
            return text.encode("utf-8", "surrogatepass")
    return text


def from_db_text(value: str | bytes | None) -> str | None:
    """The text :func:`to_db_text` stored (the same string, surrogates and all)."""
    if isinstance(value, bytes):
        return value.decode("utf-8", "surrogateescape")
    return value


def database_files(path: Path) -> list[Path]:
    """The database file with its write-ahead log and shared-memory companions."""
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def remove_database(path: Path) -> bool:
    """Delete a database and its companions; True when anything was removed."""
    removed = False
    for item in database_files(path):
        try:
            item.unlink()
            removed = True
        except FileNotFoundError:
            pass
    return removed
