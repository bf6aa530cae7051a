"""Compact encodings of articles and events for the index, and the lazy article.

Articles and events are stored per file as ``marshal`` blobs (fast to load,
and the store checks the marshal version), article text zlib-compressed. On
load an article keeps its text compressed until something reads
``article.text``: starting the browser on 10,000 indexed articles then costs
a few megabytes and no decompression.
"""

from __future__ import annotations

import marshal
import zlib
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from timeline.model import Article, Event
from timeline.query import search_text
from timeline.store.db import FileRow, FileWrite

if TYPE_CHECKING:
    from timeline.store.worker import Part as EncodedPart
    from timeline.store.worker import Result

#: Article fields stored in the article blob (the text is stored apart, compressed).
ARTICLE_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Article) if f.name != "text")
#: Event fields, in the order the event tuples hold them.
EVENT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Event))

_TEXT_SLOT = Article.__dict__["text"]

#: Bump when the blob layout below changes: stored files are then extracted again.
CODEC_VERSION = 2


def fingerprint() -> str:
    """What the stored blobs depend on besides the extractor: field lists and formats."""
    return "|".join(
        [
            f"codec{CODEC_VERSION}",
            f"marshal{marshal.version}",
            "article:" + ",".join(ARTICLE_FIELDS),
            "event:" + ",".join(EVENT_FIELDS),
        ]
    )


class LazyArticle(Article):
    """An :class:`Article` whose text stays zlib-compressed until first read.

    It behaves as an Article everywhere (``text``, ``body``, ``to_dict``,
    ``dataclasses.replace``); reading ``text`` decompresses it once and keeps
    the result.
    """

    __slots__ = ("_ztext",)

    @property  # type: ignore[override]
    def text(self) -> str:
        """The whole decoded file (decompressed on first access)."""
        value = _TEXT_SLOT.__get__(self, Article)
        if value is None:
            value = zlib.decompress(self._ztext).decode("utf-8", "surrogatepass")
            _TEXT_SLOT.__set__(self, value)
            self._ztext = None
        return value

    @text.setter
    def text(self, value: str) -> None:
        _TEXT_SLOT.__set__(self, value)

    def peek_text(self) -> str:
        """The text without keeping the decompressed copy (for bulk scans)."""
        value = _TEXT_SLOT.__get__(self, Article)
        if value is None:
            return zlib.decompress(self._ztext).decode("utf-8", "surrogatepass")
        return value


def article_text(article: Article) -> str:
    """An article's text, without caching it when the article is lazy."""
    if isinstance(article, LazyArticle):
        return article.peek_text()
    return article.text


def compress_text(text: str) -> bytes:
    """The stored form of an article text."""
    return zlib.compress(text.encode("utf-8", "surrogatepass"), 6)


def encode_article(article: Article) -> bytes:
    """The article's fields except its text, as a marshal blob (a tuple in field order)."""
    return marshal.dumps(tuple(getattr(article, name) for name in ARTICLE_FIELDS))


def decode_article(blob: bytes, ztext: bytes) -> LazyArticle:
    """Rebuild an article from its blob and compressed text (raises on a bad blob)."""
    values = marshal.loads(blob)
    if (
        not isinstance(values, tuple)
        or len(values) != len(ARTICLE_FIELDS)
        or not isinstance(ztext, bytes)
    ):
        raise ValueError("bad article record")
    article = LazyArticle.__new__(LazyArticle)
    for name, value in zip(ARTICLE_FIELDS, values, strict=True):
        setattr(article, name, value)
    _TEXT_SLOT.__set__(article, None)
    article._ztext = ztext
    return article


_SUMMARY = EVENT_FIELDS.index("summary")
_SENTENCE = EVENT_FIELDS.index("sentence")


def encode_events(events: list[Event]) -> bytes:
    """A file's events as one marshal blob of field tuples.

    A summary equal to the sentence is stored as None: most events have one, and
    loading then makes fewer objects.
    """
    rows = []
    for event in events:
        row = [getattr(event, name) for name in EVENT_FIELDS]
        if row[_SUMMARY] == row[_SENTENCE]:
            row[_SUMMARY] = None
        rows.append(tuple(row))
    return marshal.dumps(rows)


def decode_events(blob: bytes) -> list[Event]:
    """Rebuild a file's events from their blob (raises on a bad blob)."""
    rows = marshal.loads(blob)
    if not isinstance(rows, list):
        raise ValueError("bad events record")
    events = [Event(*row) for row in rows]
    for event in events:
        if event.summary is None:
            event.summary = event.sentence
    return events


# --- files as stored: one row per plain file; a collection's row lists its records' rows ---

#: Status of a collection's row: it holds the names of its records, each stored in a row of
#: its own (status ``ok``, path ``FILE#N``) so that search maps hits to the record.
COLLECTION = "collection"


@dataclass(slots=True)
class Part:
    """One decoded article of a stored file, with its events and its row id."""

    article: Article
    events: list[Event]
    fid: int | None = None


@dataclass(slots=True)
class Entry:
    """A file as the run holds it: its articles (none when skipped) and its warnings.

    ``records``: for a collection, the row paths of its records as now stored.
    """

    parts: list[Part]
    warnings: tuple[str, ...]
    records: tuple[str, ...] = ()


def encode_collection(names: list[str] | tuple[str, ...]) -> bytes:
    """The blob of a collection's row: the paths of its records' rows."""
    return marshal.dumps(tuple(names))


def decode_collection(blob: bytes | None) -> tuple[str, ...]:
    """The record paths a collection's row lists (raises on a bad blob)."""
    names = marshal.loads(blob) if blob is not None else None
    if not isinstance(names, tuple) or not all(isinstance(n, str) for n in names):
        raise ValueError("bad collection record")
    return names


def split_rows(rows: dict[str, FileRow]) -> dict[str, dict[str, FileRow]]:
    """Take the record rows of every collection out of ``rows`` (in place).

    Returns, by collection path, its record rows by path. A collection whose
    listing cannot be read keeps no records (it is then read again); record
    rows no collection lists stay in ``rows`` and, being in no folder, are
    dropped as removed files.
    """
    records: dict[str, dict[str, FileRow]] = {}
    for row in [r for r in rows.values() if r.status == COLLECTION]:
        try:
            names = decode_collection(row.article)
        except (ValueError, EOFError, TypeError):
            names = ()
        records[row.path] = {name: rows.pop(name) for name in names if name in rows}
    return records


def decode_row(row: FileRow, records: dict[str, dict[str, FileRow]]) -> Entry | None:
    """A stored file as an entry; None when its record (or a record of it) cannot be read."""
    try:
        if row.status == COLLECTION:
            stored = records.get(row.path, {})
            names = decode_collection(row.article)
            parts = []
            for name in names:
                record = stored.get(name)
                if record is None or record.status != "ok":
                    return None
                parts.append(_part(record))
            return Entry(parts, row.warnings, names)
        if row.status != "ok":
            return Entry([], row.warnings)
        return Entry([_part(row)], row.warnings)
    except (ValueError, EOFError, TypeError, KeyError, zlib.error):
        return None


def _part(row: FileRow) -> Part:
    return Part(decode_article(row.article, row.ztext), decode_events(row.events), row.id)


def file_writes(result: Result) -> tuple[Entry, list[FileWrite]]:
    """The entry of a file read now, and the index rows to write for it.

    A plain file is one row; a collection one row listing its records and a
    row per record (the record rows carry no warnings: the collection's row
    repeats them).
    """
    head = FileWrite(
        result.path,
        result.size,
        result.mtime_ns,
        result.hash,
        result.max_bytes,
        result.status,
        result.warnings,
    )
    parts = [
        Part(decode_article(p.article, p.ztext), decode_events(p.events)) for p in result.parts
    ]
    if not result.collection:
        if parts:
            _fill(head, result.parts[0], parts[0])
        return Entry(parts, tuple(result.warnings)), [head]
    names = tuple(p.name for p in result.parts)
    head.status = COLLECTION
    head.article = encode_collection(names)
    writes = [head]
    for stored, part in zip(result.parts, parts, strict=True):
        write = FileWrite(
            stored.name, result.size, result.mtime_ns, None, result.max_bytes, "ok", []
        )
        _fill(write, stored, part)
        writes.append(write)
    return Entry(parts, tuple(result.warnings), names), writes


def _fill(write: FileWrite, stored: EncodedPart, part: Part) -> None:
    write.article, write.ztext, write.events = stored.article, stored.ztext, stored.events
    write.text = article_text(part.article)
    write.sentences = tuple(search_text(event) for event in part.events)
