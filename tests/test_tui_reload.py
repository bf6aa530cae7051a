"""``y`` with a range filters to it; ``r`` reads the folder again, the cursor on its event."""

from __future__ import annotations

import threading
from dataclasses import replace

from conftest import read_screen, until
from timeline.model import Corpus
from timeline.tui.app import TimelineApp
from timeline.tui.dialogs.year_prompt import YearPrompt
from timeline.tui.widgets.header import HeaderLine

SIZE = (100, 30)


def header(app: TimelineApp) -> str:
    return app.main.query_one(HeaderLine).text


async def test_y_with_a_range_filters_to_it_and_a_year_still_jumps(seeds_corpus):
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("y", *"2009-2012", "enter")
        assert app.screen is app.main
        assert "years: 2009–2012" in header(app)
        years = {app.index.events[i].year for i in app.main.rows.view}
        assert years and years <= {2009, 2010, 2011, 2012}
        await pilot.press("x", "y", *"2013", "enter")
        assert "years:" not in header(app) and "year:" not in header(app)
        assert app.main.timeline.event.year == 2013
        await pilot.press("y", *"2012-2009", "enter")  # backwards reads forwards
        assert "years: 2009–2012" in header(app)
        await pilot.press("y", *"20", "enter")
        assert isinstance(app.screen, YearPrompt)
        assert "Type a year (2007) or a range" in read_screen(app)
        await pilot.press("escape")
        assert app.screen is app.main


class Folder:
    """A source whose corpus can change between two readings, as a folder can."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.reads = 0

    def __call__(self, *, warn, progress, on_batch, cancel) -> Corpus:
        self.reads += 1
        corpus = self.corpus
        on_batch(corpus.articles, corpus.events)
        for warning in corpus.warnings:
            warn(warning)
        return corpus


def empty() -> Corpus:
    return Corpus(name="folder", articles=[], events=[])


async def test_r_reads_the_folder_again_and_keeps_the_cursor_on_its_event(seeds_corpus):
    source = Folder(seeds_corpus)
    app = TimelineApp(empty(), source=source)
    async with app.run_test(size=SIZE) as pilot:
        assert await until(pilot, lambda: app.loader.finished.is_set())
        for _ in range(5):
            await pilot.press("j")
        kept = app.main.timeline.event
        # The folder changes: an article's events go, and a kept event's summary changes.
        gone = next(e.article for e in seeds_corpus.events if e.article != kept.article)
        events = [
            replace(e, summary="READ AGAIN " + e.summary) if e.id == kept.id else e
            for e in seeds_corpus.events
            if e.article != gone
        ]
        articles = [a for a in seeds_corpus.articles if a.file != gone]
        source.corpus = Corpus(seeds_corpus.name, articles, events, ["x.txt: skipped: empty"])
        await pilot.press("r")
        assert await until(pilot, lambda: source.reads == 2 and app.loader.finished.is_set())
        assert await until(pilot, lambda: len(app.index) == len(events))
        assert app.main.timeline.event.id == kept.id
        assert app.main.timeline.event.summary.startswith("READ AGAIN")
        assert "READ AGAIN" in read_screen(app)
        assert all(e.article != gone for e in app.index.events)
        assert app.warnings.lines == ["x.txt: skipped: empty"]


async def test_r_puts_the_cursor_near_an_event_that_has_gone(seeds_corpus):
    source = Folder(seeds_corpus)
    app = TimelineApp(empty(), source=source)
    async with app.run_test(size=SIZE) as pilot:
        assert await until(pilot, lambda: app.loader.finished.is_set())
        await pilot.press("y", *"2010", "enter")
        kept = app.main.timeline.event
        source.corpus = replace(
            seeds_corpus, events=[e for e in seeds_corpus.events if e.id != kept.id]
        )
        await pilot.press("r")
        assert await until(pilot, lambda: len(app.index) == len(seeds_corpus.events) - 1)
        now = app.main.timeline.event
        assert now.id != kept.id and abs(now.year - kept.year) <= 1


async def test_r_while_a_load_runs_starts_again_and_drops_the_old_one(seeds_corpus):
    release = threading.Event()

    class Slow(Folder):
        def __call__(self, *, warn, progress, on_batch, cancel) -> Corpus:
            self.reads += 1
            if self.reads == 1:
                half = self.corpus.events[:3]
                on_batch(self.corpus.articles, half)
                release.wait(30)
                on_batch([], self.corpus.events[3:])  # dropped: r replaced this load
                return self.corpus
            return super().__call__(warn=warn, progress=progress, on_batch=on_batch, cancel=cancel)

    source = Slow(seeds_corpus)
    app = TimelineApp(empty(), source=source)
    try:
        async with app.run_test(size=SIZE) as pilot:
            assert await until(pilot, lambda: len(app.index) == 3)
            first = app.loader
            await pilot.press("r")
            assert await until(
                pilot, lambda: app.loader is not first and app.loader.finished.is_set()
            )
            assert len(app.index) == len(seeds_corpus.events)
            release.set()
            assert await until(pilot, lambda: first.finished.is_set())
            await pilot.pause()
            assert len(app.index) == len(seeds_corpus.events)  # nothing added twice
    finally:
        release.set()


async def test_r_without_a_folder_says_so(seeds_corpus):
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("r")
        assert await until(pilot, lambda: "Nothing to re-read" in read_screen(app))
