"""Full-text search over article texts and evidence sentences (SQLite FTS5).

Queries use FTS5 syntax: words (all must occur), ``"task force"`` for a
phrase, ``traffick*`` for a prefix, ``OR``/``NOT``/``NEAR()``. A query FTS5
cannot parse (``AND(``, a lone ``"``, ``Penh's``, ``anti-trafficking``) is
searched again as one quoted phrase of its words, so typing never raises.

Results are events: an event matches when its evidence sentence matches or
its article's text matches (:attr:`SearchHits.in_sentence` tells the first
kind apart, so a browser can rank or jump between those first).
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from timeline.model import Article, Event
from timeline.store.codec import article_text
from timeline.store.db import EVENT_BITS, EVENT_MASK, FileWrite, IndexFault, Store

#: Longest query passed to FTS5; longer input is cut at a word boundary.
MAX_QUERY_CHARS = 2000


@dataclass(frozen=True, slots=True)
class SearchHits:
    """The events a query found.

    ``events``: every matching event id (sentence or article text matches);
    ``in_sentence``: those whose evidence sentence itself matches;
    ``articles``: the files whose text matches.
    """

    events: frozenset[str] = frozenset()
    in_sentence: frozenset[str] = frozenset()
    articles: frozenset[str] = frozenset()


def literal(query: str) -> str:
    """The query as one FTS5 phrase: its words in order, operators taken as words."""
    return '"' + query.replace('"', '""') + '"'


def clip(query: str) -> str:
    """Trim whitespace and cut an overlong query at a word boundary."""
    query = query.strip()
    if len(query) > MAX_QUERY_CHARS:
        cut = query[:MAX_QUERY_CHARS]
        space = cut.rfind(" ")
        query = cut[:space] if space > MAX_QUERY_CHARS // 2 else cut
    return query


@dataclass(slots=True)
class FileEvents:
    """One indexed file as search sees it: its path and its event ids in order."""

    path: str
    event_ids: list[str] = field(default_factory=list)


class Searcher:
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

    def event_ids(self, query: str) -> set[str]:
        """Ids of events whose sentence or article matches; raises IndexFault on failure.

        All events of each matching article, plus the events whose sentence
        matches in an article that does not (only possible with ``NOT``).
        """
        query = clip(query)
        if not query:
            return set()
        with self._lock:
            file_ids = self._match("article_fts", query)
            rowids = self._match("sentence_fts", query, outside_articles=True)
            files = self.files
        events: set[str] = set()
        for fid in file_ids:
            entry = files.get(fid)
            if entry is not None:
                events.update(entry.event_ids)
        events.update(self._sentence_events(rowids, files))
        return events

    def search(self, query: str) -> SearchHits:
        """All about ``query``: matching events, sentence matches, matching files."""
        query = clip(query)
        if not query:
            return SearchHits()
        with self._lock:
            file_ids = self._match("article_fts", query)
            rowids = self._match("sentence_fts", query)
            files = self.files
        in_sentence = self._sentence_events(rowids, files)
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

    def _match(self, table: str, query: str, *, outside_articles: bool = False) -> list[int]:
        try:
            return self.store.match(table, query, outside_articles=outside_articles)
        except sqlite3.OperationalError:
            pass
        try:
            return self.store.match(table, literal(query), outside_articles=outside_articles)
        except sqlite3.OperationalError:
            return []

    def close(self) -> None:
        """Close the underlying store."""
        self.store.close()


class LazySearch:
    """Search with a fallback: the on-disk index while it is trusted, else one built in memory.

    The in-memory :class:`Searcher` is built from the articles and events on the first
    query that needs it (``--no-cache`` runs, or after the index failed), so
    runs that never search never pay for it. Should even that fail, a plain
    word search (:class:`PlainSearcher`) answers.
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
        self._memory: Searcher | PlainSearcher | None = None
        self._warn = warn
        self._lock = threading.Lock()

    def search(self, query: str) -> SearchHits:
        """Everything about ``query``; never raises for bad input or a failing index."""
        return self._ask(lambda searcher: searcher.search(query))

    def event_ids(self, query: str) -> set[str]:
        """Ids of matching events; never raises for bad input or a failing index."""
        return self._ask(lambda searcher: searcher.event_ids(query))

    def _ask(self, ask):
        if self.primary is not None:
            try:
                return ask(self.primary)
            except IndexFault as fault:
                self._warn(f"index: search failed ({fault.message}); searching in memory")
                self.primary = None
        with self._lock:
            if self._memory is None:
                try:
                    self._memory = memory_searcher(self.articles, self.events)
                except IndexFault as fault:
                    self._warn(
                        f"index: cannot build a search index ({fault.message}); "
                        "searching by plain words"
                    )
                    self._memory = PlainSearcher(self.articles, self.events)
        return ask(self._memory)

    def close(self) -> None:
        """Release both searchers."""
        for searcher in (self.primary, self._memory):
            if isinstance(searcher, Searcher):
                searcher.close()
        self.primary = self._memory = None


def memory_searcher(articles: list[Article], events: list[Event]) -> Searcher:
    """A search index of a corpus built in a private in-memory database."""
    store = Store.open(None, fingerprint="memory")
    by_article: dict[str, list[Event]] = {}
    for event in events:
        by_article.setdefault(event.article, []).append(event)
    writes = []
    for article in articles:
        write = FileWrite(article.file, 0, 0, None, 0, "ok", [])
        write.text = article_text(article)
        write.sentences = tuple(event.sentence for event in by_article.get(article.file, []))
        writes.append(write)
    try:
        ids = store.write(writes)
    except BaseException:
        store.close()
        raise
    files = {
        ids[article.file]: FileEvents(
            article.file, [event.id for event in by_article.get(article.file, [])]
        )
        for article in articles
    }
    return Searcher(store, files)


_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})


class PlainSearcher:
    """Last resort when SQLite cannot index at all: every word of the query, as substrings.

    FTS5 operators are ignored; a trailing ``*`` is implied anyway by substring matching.
    """

    def __init__(self, articles: list[Article], events: list[Event]) -> None:
        self.articles = articles
        self.events = events

    def event_ids(self, query: str) -> set[str]:
        """Ids of events whose sentence or article contains every word of ``query``."""
        return set(self.search(query).events)

    def search(self, query: str) -> SearchHits:
        """Events whose sentence or article contains every word of ``query``."""
        words = [w.casefold() for w in re.findall(r"\w+", clip(query)) if w not in _OPERATORS]
        if not words:
            return SearchHits()
        articles = {a.file for a in self.articles if _has_all(article_text(a).casefold(), words)}
        in_sentence = {e.id for e in self.events if _has_all(e.sentence.casefold(), words)}
        events = in_sentence | {e.id for e in self.events if e.article in articles}
        return SearchHits(frozenset(events), frozenset(in_sentence), frozenset(articles))


def _has_all(text: str, words: list[str]) -> bool:
    return all(word in text for word in words)
