"""The Textual application: ``TimelineApp`` and ``run_app`` for the command line."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import App

from timeline.model import Article, Corpus, Event
from timeline.query import EventFilter
from timeline.tui.commands import TimelineCommands
from timeline.tui.index import EventIndex, Filters
from timeline.tui.main_screen import MainScreen, SearchFunction
from timeline.tui.panes import AppHeader

__all__ = ["TimelineApp", "run_app"]

#: Warnings shown one by one; the rest are summed up in one more notice.
MAX_WARNING_NOTICES = 3


class TimelineApp(App[int]):
    """Browse the events of a corpus as a keyboard-driven timeline.

    ``search`` optionally replaces the in-memory search: it takes the query
    and returns the ids of matching events, or None to fall back. ``filters``
    and ``query`` set what it opens with.
    """

    TITLE = "timeline"
    COMMANDS = App.COMMANDS | {TimelineCommands}
    CSS = """
    Screen { background: $surface; }
    """

    def __init__(
        self,
        corpus: Corpus,
        *,
        search: SearchFunction | None = None,
        filters: Filters | EventFilter | None = None,
        query: str | None = None,
    ) -> None:
        super().__init__()
        self.corpus = corpus
        self.index = EventIndex(corpus)
        self.search_function = search
        if isinstance(filters, EventFilter):
            query = query or filters.search
            filters = Filters.from_query(filters)
        self.initial_filters = filters
        self.initial_query = query
        self._main: MainScreen | None = None

    def get_default_screen(self) -> MainScreen:
        """The timeline is the app's first screen."""
        self._main = MainScreen(
            self.index, self.search_function, self.initial_filters, self.initial_query
        )
        return self._main

    @property
    def main(self) -> MainScreen:
        """The main screen."""
        assert self._main is not None
        return self._main

    def on_mount(self) -> None:
        """Tell the user about skipped files, as notices (never printed over the screen)."""
        warnings = list(self.corpus.warnings)
        for warning in warnings[:MAX_WARNING_NOTICES]:
            self.notify(warning, title="Skipped", severity="warning", markup=False, timeout=10)
        if len(warnings) > MAX_WARNING_NOTICES:
            more = len(warnings) - MAX_WARNING_NOTICES
            self.notify(
                f"…and {more} more file{'s' if more != 1 else ''} skipped.",
                severity="warning",
                markup=False,
                timeout=10,
            )

    # -- feeding the app from a worker (issue 4) -------------------------------------------

    def add_batch(self, articles: Sequence[Article], events: Sequence[Event]) -> None:
        """Merge a batch of articles and events into the timeline.

        Call on the app's thread, or from a worker with
        ``app.call_from_thread(app.add_batch, articles, events)``.
        """
        self.main.add_batch(articles, events)

    def set_progress(self, done: int, total: int | None) -> None:
        """Show loading progress in the header; the bar disappears once done >= total."""
        self.main.query_one(AppHeader).set_progress(done, total)


def run_app(
    corpus: Corpus,
    *,
    search: SearchFunction | None = None,
    filters: Filters | EventFilter | None = None,
    query: str | None = None,
) -> int:
    """Run the browser on ``corpus``; the process exit code.

    ``filters`` (the command line's ``EventFilter`` will do) and ``query``
    (a search) set what the browser opens with.
    """
    result = TimelineApp(corpus, search=search, filters=filters, query=query).run()
    return result if isinstance(result, int) else 0


def _demo_corpus() -> Corpus:
    """The bundled seeds when the extractor is there, else a small synthetic corpus."""
    try:
        from timeline.extract import load_corpus
    except ImportError:
        from timeline.synthetic import synthetic_corpus

        return synthetic_corpus(200, events_per_article=10)
    return load_corpus(None)


if __name__ == "__main__":
    import sys

    sys.exit(run_app(_demo_corpus()))
