"""Reading a folder of articles: one file at a time, every failure a one-line warning.

Every failure on one file becomes a one-line warning naming the file and the
reason; the other files are still read.
"""

from __future__ import annotations

from pathlib import Path

from timeline.model import Article
from timeline.reading.decode import DEFAULT_MAX_BYTES, SkipFile, read_text, text_of
from timeline.reading.text import parse_article
from timeline.reading.walk import Warn, iter_files

__all__ = ["load_file", "read_corpus"]


def load_file(
    path: Path, rel: str, *, max_bytes: int = DEFAULT_MAX_BYTES, data: bytes | None = None
) -> tuple[Article | None, list[str]]:
    """Read one file into an :class:`Article`.

    Returns ``(None, [warning])`` when the file is skipped (missing, a
    folder, unreadable, too large, empty, binary); decoding trouble that
    still gives text returns the article with a warning. ``data``: the
    file's bytes when the caller has read them already (the index hashes
    them first), so the file is not read twice.
    """
    try:
        if data is None:
            text, note = read_text(path, max_bytes=max_bytes)
        else:
            text, note = text_of(data, max_bytes=max_bytes)
    except SkipFile as exc:
        return None, [f"{rel}: skipped: {exc}"]
    warnings = [f"{rel}: {note}"] if note else []
    return parse_article(text, rel), warnings


def read_corpus(
    folder: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, warn: Warn | None = None
) -> list[Article]:
    """Read every article of a folder; bad files are skipped with a warning each."""
    articles = []
    for path, rel in iter_files(folder, warn):
        article, warnings = load_file(path, rel, max_bytes=max_bytes)
        for message in warnings:
            if warn:
                warn(message)
        if article is not None:
            articles.append(article)
    return articles
