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
from dataclasses import fields

from timeline.model import Article, Event

#: Article fields stored in the article blob (the text is stored apart, compressed).
ARTICLE_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Article) if f.name != "text")
#: Event fields, in the order the event tuples hold them.
EVENT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Event))
_EXTRA = EVENT_FIELDS.index("extra") if "extra" in EVENT_FIELDS else -1

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
#: An empty ``extra`` is left off the end of a stored row (the dataclass default restores it).
_TRIM_EXTRA = EVENT_FIELDS[-1] == "extra"


def encode_events(events: list[Event]) -> bytes:
    """A file's events as one marshal blob of field tuples.

    A summary equal to the sentence is stored as None and an empty ``extra``
    not at all: most events have both, and loading then makes fewer objects.
    """
    rows = []
    for event in events:
        row = [getattr(event, name) for name in EVENT_FIELDS]
        if row[_SUMMARY] == row[_SENTENCE]:
            row[_SUMMARY] = None
        if _EXTRA >= 0 and row[_EXTRA]:
            try:
                marshal.dumps(row[_EXTRA])
            except ValueError:
                row[_EXTRA] = {}  # only plain data survives the index
        if _TRIM_EXTRA and not row[-1]:
            row.pop()
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
