"""The one path from a folder to events: read each file, extract its events.

The index (:mod:`timeline.store.indexer`, in its worker processes) and the
in-memory ``--no-cache`` run (:func:`load_corpus`) both read a file through
:func:`process_file`, so the two give the same corpus for the same folder.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path

from timeline.model import Article, Corpus, Event, sort_events
from timeline.resources import bundled_seeds_dir

__all__ = ["FileResult", "corpus_name", "load_corpus", "process_file"]

Warn = Callable[[str], None]


@dataclass(slots=True)
class FileResult:
    """One file read: its articles (none when skipped; one per record of a collection),
    their events (article by article, each in text order), the warnings to show, and
    whether a failure was unexpected (then nothing is stored, and the file is read again
    next time)."""

    articles: list[Article] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    transient: bool = False

    @property
    def article(self) -> Article | None:
        """The file's (first) article, or None when it was skipped."""
        return self.articles[0] if self.articles else None

    def events_of(self, article: Article) -> list[Event]:
        """The events of one of the file's articles, in text order."""
        return [event for event in self.events if event.article == article.file]


def process_file(path: Path, rel: str, *, max_bytes: int, data: bytes | None = None) -> FileResult:
    """Read one file and extract its events; never raises for a bad file or a rule bug.

    ``data``: the file's bytes when the caller has read them already (the
    index hashes them first), so the file is not read twice.
    """
    from timeline.extraction.extract import extract_events
    from timeline.reading import load_articles

    try:
        articles, warnings = load_articles(path, rel, max_bytes=max_bytes, data=data)
    except Exception as exc:  # a reader bug must not stop the whole corpus
        return FileResult([], [], [f"{rel}: skipped: {type(exc).__name__}: {exc}"], True)
    result = FileResult(list(articles), [], list(warnings))
    for article in articles:
        try:
            # text order (stable): the corpus is then sorted by date alone, see sort_events()
            result.events += sorted(extract_events(article), key=attrgetter("start"))
        except Exception as exc:
            result.warnings.append(
                f"{article.file}: no events extracted: {type(exc).__name__}: {exc}"
            )
            result.transient = True
    return result


def corpus_name(folder: Path) -> str:
    """The name a corpus folder is shown by ("bundled seeds" for the bundled one)."""
    if Path(folder).resolve() == bundled_seeds_dir().resolve():
        return "bundled seeds"
    return folder.name or str(folder)


def load_corpus(
    folder: Path | None = None, *, max_bytes: int | None = None, warn: Warn | None = None
) -> Corpus:
    """Read a folder (the bundled seeds when None) and extract its events, in memory."""
    from timeline.reading import DEFAULT_MAX_BYTES, iter_files

    folder = Path(folder) if folder is not None else bundled_seeds_dir()
    limit = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    warnings: list[str] = []

    def collect(message: str) -> None:
        warnings.append(message)
        if warn:
            warn(message)

    articles: list[Article] = []
    events: list[Event] = []
    for path, rel in iter_files(folder, collect):
        result = process_file(path, rel, max_bytes=limit)
        for message in result.warnings:
            collect(message)
        articles.extend(result.articles)
        events.extend(result.events)
    from timeline.stories import build_stories

    events = sort_events(events)
    build_stories(events)
    return Corpus(corpus_name(folder), articles, events, warnings)
