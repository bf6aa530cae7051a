"""The Textual application: ``TimelineApp`` and ``run_app`` for the command line."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import App

from timeline.filters import Filter
from timeline.model import Article, Corpus, Event
from timeline.textclean import clean_line
from timeline.tui.commands import TimelineCommands
from timeline.tui.loader import CorpusLoader, CorpusSource
from timeline.tui.messages import (
    BatchLoaded,
    LoaderMessage,
    LoadFinished,
    LoadWarnings,
    Progress,
)
from timeline.tui.screens.main import MainScreen
from timeline.tui.state.annotations import Annotations, Found
from timeline.tui.state.index import EventIndex
from timeline.tui.state.search import SearchFunction
from timeline.tui.state.warnings import Warnings
from timeline.tui.widgets.header import AppHeader

if TYPE_CHECKING:
    from timeline.notes import NotesStore

__all__ = ["TimelineApp", "run_app"]

#: Seconds the start-up warnings notice stays (``w`` lists the warnings after).
WARNINGS_NOTICE = 6

#: Seconds the process waits, after the app has closed, for the loader to stop.
QUIT_WAIT = 1.5


class TimelineApp(App[int]):
    """Browse the events of a corpus as a keyboard-driven timeline.

    ``search`` optionally replaces the in-memory search: it takes the query
    and whether to look in the articles' text too, and returns the ids of
    matching events, or None to fall back. ``filters``
    and ``query`` set what it opens with. ``source`` (``open_corpus`` with
    its folder and options bound) is read in a background thread once the
    app is on screen, which posts what it reads as messages
    (:mod:`timeline.tui.messages`): batches are merged into the timeline as
    they arrive; when it returns, the corpus's ``search`` becomes the search.
    ``notes`` saves stars and notes (without it they last for the session).
    ``folder`` is the corpus folder, which exports are kept out of by default.
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
        filters: Filter | None = None,
        query: str | None = None,
        source: CorpusSource | None = None,
        notes: NotesStore | None = None,
        folder: Path | None = None,
    ) -> None:
        super().__init__()
        self.corpus = corpus
        #: The corpus folder (exports and screenshots go elsewhere by default), if known.
        self.corpus_folder = folder.absolute() if folder is not None else None
        self.notes = notes
        #: Stars and notes by event id, read from ``notes`` and saved through it.
        self.annotations = Annotations(notes)
        if notes is not None and corpus.events:
            self.annotations.load(corpus.events)
        self.index = EventIndex(corpus)
        self.search_function = search
        #: Whether the search starts out looking in the articles' text too.
        self.initial_in_article = bool(filters is not None and filters.in_article)
        if filters is not None:
            # The browser searches apart from its filters: the query goes to the search field.
            query = query or filters.search
            filters = filters.with_(search=None, in_article=False)
        self.initial_filters = filters
        self.initial_query = query
        #: What reads the corpus (``r`` runs it again), and the loader running it.
        self.source = source
        self.loader = CorpusLoader(source, prepare=self._prepare) if source else None
        #: While ``r`` re-reads: the event the cursor was on, and what has been read so far.
        self._reload: tuple[Event | None, list[Article], list[Event]] | None = None
        self._main: MainScreen | None = None
        #: Every warning met opening the corpus (files skipped, the index, the notes file).
        self.warnings = Warnings()

    def get_default_screen(self) -> MainScreen:
        """The timeline is the app's first screen."""
        self._main = MainScreen(
            self.index,
            self.search_function,
            self.initial_filters,
            self.initial_query,
            annotations=self.annotations,
        )
        self._main.search.in_article = self.initial_in_article
        return self._main

    @property
    def main(self) -> MainScreen:
        """The main screen."""
        assert self._main is not None
        return self._main

    def on_mount(self) -> None:
        """Gather the warnings met so far (told in one notice); start the loader."""
        if self.notes is not None:
            self.warnings.add(f"notes: {warning}" for warning in self.notes.warnings)
        self.show_warnings(self.corpus.warnings, len(self.corpus.warnings),
                           final=self.loader is None)  # fmt: skip
        if self.loader is not None:
            self.call_after_refresh(self.loader.start, self)

    def show_warnings(self, warnings: Sequence[str], total: int, final: bool) -> None:
        """Keep new warnings; once no more will come (``final``), say in ONE notice how
        many there are and that ``w`` lists them (rather than a toast each)."""
        self.warnings.add(warnings)
        if final and self.warnings.untold():
            self.notify(
                self.warnings.summary(),
                title="Warnings",
                severity="warning",
                markup=False,
                timeout=WARNINGS_NOTICE,
            )

    def action_warnings(self) -> None:
        """List every warning met while reading."""
        from timeline.tui.dialogs.warnings_list import WarningsList

        self.push_screen(WarningsList(list(self.warnings.lines), self.warnings.summary()))

    def deliver_screenshot(
        self,
        filename: str | None = None,
        path: str | None = None,
        time_format: str | None = None,
    ) -> str | None:
        """Save an SVG of the screen (the palette's "Screenshot") and say where, or why
        not. It goes where an export would (the current folder, not inside the corpus)."""
        from textual._files import generate_datetime_filename

        from timeline.tui.state.exporting import default_folder

        if path:
            folder = Path(path)
        else:
            folder = default_folder(Path.cwd(), self.corpus_folder, Path.home())[0]
        name = filename or generate_datetime_filename(self.title, ".svg", time_format)
        target = (folder / name).absolute()
        svg = self.export_screenshot()

        def save() -> None:
            try:
                target.write_text(svg, encoding="utf-8")
            except OSError as error:
                why = error.strerror or type(error).__name__
                self.notify(clean_line(f"Screenshot not saved: {target}: {why}"),
                            title="Screenshot", severity="error", markup=False)  # fmt: skip
            else:
                self.notify(clean_line(f"Screenshot saved to {target}"), title="Screenshot",
                            markup=False)  # fmt: skip

        threading.Thread(target=save, name="timeline-screenshot", daemon=True).start()
        return str(target)

    def exit(self, *args, **kwargs) -> None:
        """Leave the app; a load still running is told to stop, a save waiting is dropped."""
        if self.loader is not None:
            self.loader.cancel()
        if self._main is not None and hasattr(self._main, "annotator"):
            self._main.annotator.close()
        super().exit(*args, **kwargs)

    # -- feeding the app from a worker (issue 4) -------------------------------------------

    def _current(self, message: LoaderMessage) -> bool:
        """Whether ``message`` comes from the loader running now (not one ``r`` replaced)."""
        return getattr(message, "loader", self.loader) is self.loader

    @on(BatchLoaded)
    def _batch_loaded(self, message: BatchLoaded) -> None:
        if not self._current(message):
            return
        self.annotations.apply(message.notes)
        if self._reload is not None:
            self._reload[1].extend(message.articles)
            self._reload[2].extend(message.events)
        else:
            self.add_batch(message.articles, message.events)

    @on(Progress)
    def _progress(self, message: Progress) -> None:
        if self._current(message):
            self.set_progress(message.done, message.total)

    @on(LoadWarnings)
    def _load_warnings(self, message: LoadWarnings) -> None:
        if self._current(message):
            self.show_warnings(message.warnings, message.total, message.final)

    @on(LoadFinished)
    def _load_finished(self, message: LoadFinished) -> None:
        try:
            if self._current(message):
                self.load_finished(message.corpus, message.error)
        finally:
            message.taken.set()

    # -- r: reading the folder again ------------------------------------------------------

    def reload(self) -> None:
        """Read the folder again (the index, or the files), in the background; the
        timeline changes once it is read, the cursor kept on its event (by id)."""
        if self.source is None:
            self.notify("Nothing to re-read: this corpus was not read from a folder.",
                        severity="warning")  # fmt: skip
            return
        if self.loader is not None:
            self.loader.cancel()
        self._reload = (self.main.timeline.event, [], [])
        self.warnings = Warnings()
        self.loader = CorpusLoader(self.source, prepare=self._prepare)
        self.notify("Reading the folder again…", timeout=3)
        self.loader.start(self)

    def _reloaded(self, corpus: Corpus | None, error: str | None) -> bool:
        """Put what ``r`` read in place of the timeline; False when nothing was read."""
        assert self._reload is not None
        kept, articles, events = self._reload
        self._reload = None
        if corpus is None and not events:
            return False
        if corpus is not None:
            articles, events = list(corpus.articles), list(corpus.events)
        old = self.corpus
        self.main.replace_all(articles, events, kept)
        if old is not corpus and callable(getattr(old, "close", None)):
            old.close()  # the index connection the last load opened
        if error is None:
            shown = len(self.index)
            self.notify(f"Read again: {shown:,} event{'s' if shown != 1 else ''}.", timeout=3)
        return True

    def add_batch(self, articles: Sequence[Article], events: Sequence[Event]) -> None:
        """Merge a batch of articles and events into the timeline.

        Call on the app's thread, or from a worker with
        ``app.call_from_thread(app.add_batch, articles, events)``.
        """
        self.main.add_batch(articles, events)

    def set_progress(self, done: int, total: int | None) -> None:
        """Show loading progress in the header; the bar disappears once done >= total."""
        self.main.query_one(AppHeader).set_progress(done, total)

    def _prepare(self, events: Sequence[Event]) -> Found:
        """Read the stars and notes of a batch (in the loader's thread)."""
        return self.annotations.lookup(events)

    def load_finished(self, corpus: Corpus | None, error: str | None) -> None:
        """The loader is done: hide the bar, search through the index, report a failure."""
        main = self.main
        main.query_one(AppHeader).set_progress(1, 1)
        if self._reload is not None and not self._reloaded(corpus, error):
            corpus = None
        if error is not None:
            self.notify(
                f"Reading the corpus failed ({error}); showing what was read.",
                title="Error",
                severity="error",
                markup=False,
                timeout=15,
            )
        if corpus is None:
            return
        self.corpus = corpus
        if corpus.name and corpus.name != self.index.name:
            self.index.name = corpus.name
        search = getattr(corpus, "search", None)
        if callable(search):
            self.search_function = search
            main.search.function = search
        main.loaded()


def run_app(app: TimelineApp, **run_options: Any) -> int:
    """Run the browser ``app`` to its end; the process exit code.

    ``run_options`` go to ``App.run`` (``headless``, ``auto_pilot``: for
    tests). On the way out a running load is cancelled and given a moment to
    stop (its thread is a daemon, and so is the one saving notes: quitting
    never waits for either).
    """
    try:
        result = app.run(**run_options)
    finally:
        if app.loader is not None:
            app.loader.cancel()
            app.loader.join(QUIT_WAIT)
    return result if isinstance(result, int) else 0


def _demo_corpus() -> Corpus:
    """The bundled seeds when the extractor is there, else a small synthetic corpus."""
    try:
        from timeline.pipeline import load_corpus
    except ImportError:
        from timeline.synthetic import synthetic_corpus

        return synthetic_corpus(200, events_per_article=10)
    return load_corpus(None)


if __name__ == "__main__":
    import sys

    sys.exit(run_app(TimelineApp(_demo_corpus())))
