"""Full-text search over evidence sentences and article texts (SQLite FTS5).

The query language is :mod:`timeline.query`'s: whole words, ``prefix*``,
``"a phrase"``, ``OR``, ``NOT``, brackets. Each word or phrase is one FTS5
query of its own (quoted, so no input is a syntax error) and the sets they
find are combined in Python, which gives a leading ``NOT`` and every other
form the same answer as the in-memory search (:class:`MemorySearcher`).

An event matches when its evidence sentence matches
(:func:`timeline.query.search_text`); with ``in_article`` an event also
matches when its article's text does.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from timeline.model import Article, Event
from timeline.query import Query, Term, fold, parse
from timeline.store.codec import article_text
from timeline.store.db import EVENT_BITS, EVENT_MASK, IndexFault, Store


@dataclass(frozen=True, slots=True)
class SearchHits:
    """The events a query found.

    ``events``: every matching event id; ``in_sentence``: those whose sentence
    matches; ``articles``: the files whose text matches (searched only
    with ``in_article``).
    """

    events: frozenset[str] = frozenset()
    in_sentence: frozenset[str] = frozenset()
    articles: frozenset[str] = frozenset()


class _Search:
    """What both searchers share: a query parsed once, its events by id."""

    def event_ids(self, query: str, in_article: bool = False) -> set[str]:
        """Ids of the events ``query`` matches."""
        return set(self.search(query, in_article).events)

    def search(self, query: str, in_article: bool = False) -> SearchHits:
        """All about ``query``: matching events, sentence matches, matching files."""
        parsed = parse(query)
        return SearchHits() if parsed is None else self.hits(parsed, in_article)

    def hits(self, query: Query, in_article: bool) -> SearchHits:
        """The answer to a parsed query."""
        raise NotImplementedError


@dataclass(slots=True)
class FileEvents:
    """One indexed file as search sees it: its path and its event ids in order."""

    path: str
    event_ids: list[str] = field(default_factory=list)


class Searcher(_Search):
    """Runs queries against a :class:`Store` and maps hits to event ids.

    ``files`` maps the store's file ids to their events (in the order their
    sentences were indexed); it may be a function that builds the map, called
    on the first query. Thread-safe: one query at a time.
    """

    def __init__(
        self,
        store: Store,
        files: dict[int, FileEvents] | Callable[[], dict[int, FileEvents]],
    ) -> None:
        self.store = store
        self._files = files
        self._lock = threading.Lock()

    @property
    def files(self) -> dict[int, FileEvents]:
        """File id -> path and event ids."""
        if callable(self._files):
            self._files = self._files()
        return self._files

    def hits(self, query: Query, in_article: bool) -> SearchHits:
        """Matching events, sentence matches, matching files; raises IndexFault on failure."""
        with self._lock:
            files = self.files
            in_sentence = query.evaluate(
                lambda term: self._sentence_events(self._match("sentence_fts", term), files),
                lambda: {event for entry in files.values() for event in entry.event_ids},
            )
            file_ids: set[int] = set()
            if in_article:
                file_ids = query.evaluate(
                    lambda term: set(self._match("article_fts", term)), lambda: set(files)
                )
        events = set(in_sentence)
        articles: set[str] = set()
        for fid in file_ids:
            entry = files.get(fid)
            if entry is not None:
                articles.add(entry.path)
                events.update(entry.event_ids)
        return SearchHits(frozenset(events), frozenset(in_sentence), frozenset(articles))

    @staticmethod
    def _sentence_events(rowids: list[int], files: dict[int, FileEvents]) -> set[str]:
        found: set[str] = set()
        for rowid in rowids:
            entry = files.get(rowid >> EVENT_BITS)
            n = rowid & EVENT_MASK
            if entry is not None and n < len(entry.event_ids):
                found.add(entry.event_ids[n])
        return found

    def _match(self, table: str, term: Term) -> list[int]:
        try:
            return self.store.match(table, term.fts())
        except sqlite3.OperationalError:
            return []  # cannot happen for a quoted term; an empty answer if it does

    def close(self) -> None:
        """Close the underlying store."""
        self.store.close()


class LazySearch:
    """Search with a fallback: the on-disk index while it is trusted, else in memory.

    ``--no-cache`` runs, and runs whose index failed, search the articles and
    events in memory (:class:`MemorySearcher`), with the same answers.
    """

    def __init__(
        self,
        primary: Searcher | None,
        articles: list[Article],
        events: list[Event],
        warn: Callable[[str], None],
    ) -> None:
        self.primary = primary
        self.articles = articles
        self.events = events
        self._memory: MemorySearcher | None = None
        self._warn = warn
        self._lock = threading.Lock()

    def search(self, query: str, in_article: bool = False) -> SearchHits:
        """Everything about ``query``; never raises for bad input or a failing index."""
        return self._ask(lambda searcher: searcher.search(query, in_article))

    def event_ids(self, query: str, in_article: bool = False) -> set[str]:
        """Ids of matching events; never raises for bad input or a failing index."""
        return self._ask(lambda searcher: searcher.event_ids(query, in_article))

    def _ask(self, ask):
        if self.primary is not None:
            try:
                return ask(self.primary)
            except IndexFault as fault:
                self._warn(f"index: search failed ({fault.message}); searching in memory")
                self.primary = None
        with self._lock:
            if self._memory is None:
                self._memory = MemorySearcher(self.articles, self.events)
        return ask(self._memory)

    def close(self) -> None:
        """Release both searchers."""
        if self.primary is not None:
            self.primary.close()
        self.primary = self._memory = None


class MemorySearcher(_Search):
    """The same search without an index: each event's folded sentence (and,
    with ``in_article``, each article's folded text) matched by the query's patterns."""

    def __init__(self, articles: list[Article], events: list[Event]) -> None:
        self.articles = articles
        self.events = events

    def hits(self, query: Query, in_article: bool) -> SearchHits:
        """Events whose sentence (or, ``in_article``, article) the query matches."""
        in_sentence = {e.id for e in self.events if query.matches_event(e)}
        events = set(in_sentence)
        articles: set[str] = set()
        if in_article:
            articles = {a.file for a in self.articles if _article_matches(query, a)}
            events |= {e.id for e in self.events if e.article in articles}
        return SearchHits(frozenset(events), frozenset(in_sentence), frozenset(articles))


def _article_matches(query: Query, article: Article) -> bool:
    return query.matches(fold(article_text(article)))
