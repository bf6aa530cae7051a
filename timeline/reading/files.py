"""Reading a folder of articles: one file at a time, every failure a one-line warning.

Every failure on one file becomes a one-line warning naming the file and the
reason; the other files are still read.
"""

from __future__ import annotations

from pathlib import Path

from timeline.model import Article
from timeline.reading.decode import DEFAULT_MAX_BYTES
from timeline.reading.formats import read_articles
from timeline.reading.walk import Warn, iter_files

__all__ = ["load_articles", "load_file", "read_corpus"]


def load_articles(
    path: Path, rel: str, *, max_bytes: int = DEFAULT_MAX_BYTES, data: bytes | None = None
) -> tuple[list[Article], list[str]]:
    """Read one file into its articles (one, or one per record of a collection).

    Returns ``([], [warning])`` when the file is skipped (missing, a folder,
    not a regular file, unreadable, too large, empty, binary, an export of
    timeline, a damaged document); trouble that still gives text returns
    the articles with warnings. ``data``: the file's bytes when the caller
    has read them already (the index hashes them first), so the file is not
    read twice.
    """
    return read_articles(path, rel, max_bytes=max_bytes, data=data)


def load_file(
    path: Path, rel: str, *, max_bytes: int = DEFAULT_MAX_BYTES, data: bytes | None = None
) -> tuple[Article | None, list[str]]:
    """Read one file into an :class:`Article` (a collection: its first record).

    Returns ``(None, [warning])`` when the file is skipped; see :func:`load_articles`.
    """
    articles, warnings = load_articles(path, rel, max_bytes=max_bytes, data=data)
    return (articles[0] if articles else None), warnings


def read_corpus(
    folder: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, warn: Warn | None = None
) -> list[Article]:
    """Read every article of a folder; bad files are skipped with a warning each."""
    articles = []
    for path, rel in iter_files(folder, warn):
        found, warnings = load_articles(path, rel, max_bytes=max_bytes)
        for message in warnings:
            if warn:
                warn(message)
        articles.extend(found)
    return articles
