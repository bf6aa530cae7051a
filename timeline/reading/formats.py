"""One reader per file format, chosen by the file name's ending.

Each reader is a module of this package with a function
``read(data, rel, *, max_bytes) -> (articles, warnings)`` that turns a file's
bytes into Articles; it raises :class:`~timeline.reading.decode.SkipFile`
when the whole file is unusable. Readers are imported only when a file of
their kind is read, so a folder of ``.txt`` files never loads the libraries
of web pages, PDFs or Word files.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from timeline.model import Article
from timeline.reading.decode import DEFAULT_MAX_BYTES, SkipFile, read_bytes

__all__ = ["EXPORT_SKIP", "READERS", "read_articles", "reader_of"]

#: File name ending (lower case) -> the module of ``timeline.reading`` that reads it.
READERS: dict[str, str] = {
    ".txt": "text",
    ".md": "text",
    ".html": "webpage",
    ".htm": "webpage",
    ".xhtml": "webpage",
    ".pdf": "pdftext",
    ".docx": "worddoc",
    ".jsonl": "collection",
    ".json": "collection",
    ".csv": "collection",
}

#: The reason a file written by timeline's own exporters is skipped.
EXPORT_SKIP = "an export of timeline, not an article"


def reader_of(rel: str) -> str:
    """The reader module name for a file name (``text`` for an unknown ending)."""
    low = rel.lower()
    for suffix, module in READERS.items():
        if low.endswith(suffix):
            return module
    return "text"


def read_articles(
    path: Path | str, rel: str, *, max_bytes: int = DEFAULT_MAX_BYTES, data: bytes | None = None
) -> tuple[list[Article], list[str]]:
    """The articles of one file and the warnings to show; never raises for a bad file.

    A file gives one article, a collection (``.jsonl``, a ``.json`` list,
    ``.csv``) one per usable record, named ``rel#N``. A skipped file gives no
    article and one warning ``"<rel>: skipped: <reason>"``. ``data``: the
    file's bytes when the caller has read them already.
    """
    try:
        if data is None:
            data = read_bytes(path, max_bytes=max_bytes)
        elif len(data) > max_bytes:  # grew since stat
            raise SkipFile(f"too large (over {_size(max_bytes)})")
        module = importlib.import_module(f"timeline.reading.{reader_of(rel)}")
        return module.read(data, rel, max_bytes=max_bytes)
    except SkipFile as exc:
        return [], [f"{rel}: skipped: {exc}"]


def _size(n: int) -> str:
    from timeline.reading.decode import size_text

    return size_text(n)
