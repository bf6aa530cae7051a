"""The browser's search: the query, its matches, and how ``n``/``N`` walk them.

No Textual here. Searching goes in two steps. As a query is typed, the events
near the cursor are looked at at once (:meth:`Search.first_match`), so the
cursor moves to a match in the same frame; then a worker finds every match
(:meth:`Search.run`: through the index's search function when there is one,
else in memory) and hands them to :meth:`Search.done`. Until then
:attr:`Search.matches` is None and ``n``/``N`` scan the view instead. The
count in the header, the marks on the rows and ``n``/``N`` are one set.
Searching the articles' text as well is a choice (:attr:`Search.in_article`);
``n`` after the last match wraps to the first, ``N`` before the first to the
last (:meth:`Search.next_match` says when it did).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence

from timeline.query import Query, as_typed, parse
from timeline.tui.state.browse import find
from timeline.tui.state.index import EventIndex

__all__ = ["QUICK_SCAN", "Search", "SearchFunction"]

#: ``(query, in_article) -> matching event ids``, or None to use the in-memory search
#: (the index's ``search``: with ``in_article`` an event matches by its article's text too).
SearchFunction = Callable[[str, bool], "set[str] | None"]

#: Events looked at synchronously when a search is typed; the rest is a worker's job.
QUICK_SCAN = 2000


class Search:
    """The query typed, its terms and (once found) the sorted indexes of its matches."""

    def __init__(self, index: EventIndex, function: SearchFunction | None = None) -> None:
        self.index = index
        #: The index's search, or None for the in-memory one.
        self.function = function
        #: The query searched, stripped ("" when there is no search): what was typed, its
        #: last word a prefix while it is being typed (``cambo`` is ``cambo*``).
        self.query = ""
        #: What was typed, stripped: what the header shows.
        self.shown = ""
        #: The query parsed (None when it says nothing): rows highlight its terms.
        self.terms: Query | None = None
        #: Sorted event indexes matching the query, None while being computed.
        self.matches: list[int] | None = None
        #: Jump to the first match once :meth:`done` has it (none was found near the cursor).
        self.pending_jump = False
        #: Whether an event also matches by its article's text.
        self.in_article = False
        #: With one row per story: the events a row stands for (its story's), so that a
        #: story matches when any of its tellings does. None: a row is its own event.
        self.members: Callable[[int], Sequence[int]] | None = None
        #: The matches as found, before :attr:`members` widened them to whole stories.
        self._found: list[int] | None = None

    @property
    def key(self) -> tuple[str, bool]:
        """What the matches are the matches of: the query and where it looks."""
        return self.query, self.in_article

    def set_in_article(self, in_article: bool) -> bool:
        """Look in the articles' text too (or not); False when that changes nothing."""
        if in_article == self.in_article:
            return False
        self.in_article = in_article
        self.matches = self._found = None
        return True

    def set_query(self, typed: str) -> bool:
        """Take the text typed (its matches unknown); False when it searches the same."""
        query = as_typed(typed).strip()
        self.shown = typed.strip() if query else ""
        if query == self.query:
            return False
        self.query = query
        self.terms = parse(query)
        self.matches = self._found = None
        return True

    def restart(self) -> None:
        """The events changed: the matches are to be found again."""
        self.matches = self._found = None

    def set_members(self, members: Callable[[int], Sequence[int]] | None) -> None:
        """Match rows by their stories' tellings (``members``: an event's story's events),
        or by their own event alone (None); the matches found are widened again."""
        self.members = members
        if self._found is not None:
            self.matches = self._widened(self._found)

    def _widened(self, found: list[int]) -> list[int]:
        members = self.members
        if members is None:
            return found
        return sorted({m for i in found for m in members(i)})

    def _row_matcher(self) -> Callable[[int], bool]:
        """Whether the row of an event matches by the query itself (by its story's
        tellings, with :attr:`members`): one test for a whole scan."""
        matches, terms, in_article, members = (
            self.index.matches, self.terms, self.in_article, self.members
        )  # fmt: skip
        if members is None:
            return lambda i: matches(i, terms, in_article)
        return lambda i: any(matches(m, terms, in_article) for m in members(i))

    # -- what the header says -----------------------------------------------------------------

    def status(self, view: Sequence[int]) -> str:
        """``/query · 3 matches`` within ``view`` (``searching…`` until known; "" without)."""
        if not self.query:
            return ""
        where = " · in articles" if self.in_article else ""
        if self.matches is None:
            return f"/{self.shown}{where} · searching…"
        return f"/{self.shown}{where} · {self.count_text(view)}"

    def count_text(self, view: Sequence[int]) -> str:
        """``3 matches``, ``1 match``, ``no match`` within ``view`` (``searching…`` until known)."""
        if self.matches is None:
            return "searching…"
        found = self.count_in(view)
        if not found:
            return "no match"
        return f"{found:,} match{'es' if found != 1 else ''}"

    def count_in(self, view: Sequence[int]) -> int:
        """How many matches ``view`` holds."""
        matches = self.matches
        if matches is None:
            return 0
        if isinstance(view, range):
            return bisect_left(matches, view.stop) - bisect_left(matches, view.start)
        wanted = set(view) if len(view) < len(matches) else None
        if wanted is not None:
            return sum(1 for i in matches if i in wanted)
        return sum(1 for i in view if _contains(matches, i))

    def is_match(self, event_index: int) -> bool:
        """Whether an event matches: one of :attr:`matches` once known (so the rows marked
        are the ones counted), until then by the query itself."""
        if self.matches is not None:
            return _contains(self.matches, event_index)
        return self._row_matcher()(event_index)

    # -- finding ----------------------------------------------------------------------------

    def first_match(self, view: Sequence[int], cursor: int) -> int | None:
        """The match to show as the query is typed: the first from ``cursor`` in a short scan,
        wrapping round to the top when it reaches the end of the view.

        When the scan finds none, :attr:`pending_jump` is set, so that the
        match is shown once :meth:`done` has them all (:meth:`at_or_after`).
        Without a cursor (``cursor`` -1: nothing shown) there is nothing to move.
        """
        self.pending_jump = False
        if cursor < 0:
            return None
        matches = self._row_matcher()
        end = min(len(view), cursor + QUICK_SCAN)
        wrapped = range(min(cursor, QUICK_SCAN - (end - cursor))) if end == len(view) else ()
        for position in (*range(cursor, end), *wrapped):
            if matches(view[position]):
                return position
        self.pending_jump = True
        return None

    def at_or_after(self, view: Sequence[int], cursor: int) -> int | None:
        """The first match at or after ``cursor``, else the first of all (as ``n`` wraps);
        None when nothing shown matches."""
        if not view or cursor < 0:
            return None
        position = self.step(view, cursor, 1, include_current=True)
        return position if position is not None else self.step(view, 0, 1, include_current=True)

    def run(
        self,
        query: str,
        cancelled: Callable[[], bool] = lambda: False,
        warn: Callable[[str], None] = lambda message: None,
        in_article: bool = False,
    ) -> list[int]:
        """Every match of ``query`` (``in_article``: in the articles' text too), sorted
        (runs in a worker thread).

        The index's search answers when there is one; if it fails, ``warn``
        is told and the search is done in memory.
        """
        ids = None
        if self.function is not None:
            try:
                ids = self.function(query, in_article)
            except Exception as error:  # a broken index must not take the browser down
                warn(f"Index search failed ({type(error).__name__}); searching in memory.")
        if ids is not None:
            by_id = self.index.by_id()
            return sorted(by_id[i] for i in ids if i in by_id)
        return self.index.search(query, cancelled=cancelled, in_article=in_article)

    def done(self, query: str, found: list[int], in_article: bool = False) -> bool:
        """Take the matches a worker found for ``query`` (searched ``in_article`` or not);
        False if the search has changed since."""
        if (query, in_article) != self.key:
            return False
        self._found = found
        self.matches = self._widened(found)
        return True

    # -- n and N ------------------------------------------------------------------------------

    def step(
        self, view: Sequence[int], cursor: int, step: int, include_current: bool = False
    ) -> int | None:
        """The position of the next (``step`` 1) or previous (-1) match from ``cursor``, if any.

        Before every match is known, the view is scanned for the terms.
        """
        if self.matches is None:
            matches_row = self._row_matcher()
            span = (
                range(cursor + (0 if include_current else step), len(view))
                if step > 0
                else range(cursor - 1, -1, -1)
            )
            for position in span:
                if matches_row(view[position]):
                    return position
            return None
        current = view[cursor]
        matches = self.matches
        if step > 0:
            at = (
                bisect_left(matches, current) if include_current else bisect_right(matches, current)
            )
            candidates = (matches[k] for k in range(at, len(matches)))
        else:
            at = bisect_left(matches, current)
            candidates = (matches[k] for k in range(at - 1, -1, -1))
        for event_index in candidates:
            position = find(view, event_index)
            if position >= 0:
                return position
        return None

    def next_match(self, view: Sequence[int], cursor: int, step: int) -> tuple[int | None, bool]:
        """Where ``n`` (``step`` 1) or ``N`` (-1) leads, and whether it wrapped round.

        After the last match ``n`` goes to the first, before the first ``N``
        goes to the last; None when nothing shown matches.
        """
        if not view or cursor < 0:
            return None, False
        position = self.step(view, cursor, step)
        if position is not None:
            return position, False
        if step > 0:
            position = self.step(view, 0, 1, include_current=True)
        else:
            end = len(view) - 1
            at_end = self.step(view, end, 1, include_current=True) == end
            position = end if at_end else self.step(view, end, -1)
        return position, position is not None


def _contains(sorted_list: list[int], value: int) -> bool:
    position = bisect_left(sorted_list, value)
    return position < len(sorted_list) and sorted_list[position] == value
