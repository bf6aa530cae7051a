"""The browser fed from the index: batches, progress, warnings, search, quitting.

The fake sources below stand in for ``open_corpus`` (same keyword
arguments); the last tests go through ``timeline browse`` itself, with the
real index, on the hostile corpus.
"""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest
from hostile import GOOD, build_hostile_corpus

from conftest import palette as _palette
from conftest import read_screen, record_notices
from timeline import cli
from timeline.model import Corpus
from timeline.notes import NotesStore
from timeline.query import parse
from timeline.store import IndexCancelled
from timeline.synthetic import synthetic_corpus
from timeline.tui.app import TimelineApp
from timeline.tui.loader import CorpusLoader
from timeline.tui.messages import BatchLoaded, LoadFinished, LoadWarnings, Progress
from timeline.tui.widgets.header import HeaderLine

SIZE = (100, 30)


def header(app: TimelineApp) -> str:
    return app.main.query_one(HeaderLine).text


def loading(app: TimelineApp) -> bool:
    return app.main.query_one("#header").has_class("-loading")


async def wait_until(pilot, condition, rounds: int = 1000) -> None:
    """Let the app run until ``condition()`` holds (a safeguard, not a timing)."""
    for _ in range(rounds):
        if condition():
            return
        await pilot.pause(0.01)
    raise AssertionError("condition never held")


class FakeIndex:
    """A source that delivers a corpus in two batches, the second when ``go`` is set.

    The finished corpus has a ``search`` that records its queries and finds
    the events whose summary holds the query.
    """

    def __init__(self, corpus: Corpus, warnings: list[str] | None = None) -> None:
        self.corpus = corpus
        self.warnings = warnings or []
        self.go = threading.Event()
        self.queries: list[str] = []
        self.cancelled = False

    def search(self, query: str, in_article: bool = False) -> set[str]:
        self.queries.append(query)
        parsed = parse(query)
        return {e.id for e in self.corpus.events if parsed and parsed.matches_event(e)}

    def __call__(self, *, warn, progress, on_batch, cancel) -> Corpus:
        events = self.corpus.events
        half = len(events) // 2
        files = {e.article for e in events[:half]}
        first = [a for a in self.corpus.articles if a.file in files]
        rest = [a for a in self.corpus.articles if a.file not in files]
        progress(0, 2)
        on_batch(first, events[:half])
        for message in self.warnings:
            warn(message)
        progress(1, 2)
        while not self.go.wait(0.01):
            if cancel.is_set():
                self.cancelled = True
                raise IndexCancelled()
        on_batch(rest, events[half:])
        progress(2, 2)
        done = FoundCorpus(self.corpus.name, self.corpus.articles, events, list(self.warnings))
        done.search = self.search  # type: ignore[attr-defined]
        return done


class FoundCorpus(Corpus):
    """A finished corpus that can search, as ``IndexedCorpus`` does."""


def empty(name: str = "corpus") -> Corpus:
    return Corpus(name=name, articles=[], events=[])


async def test_opens_at_once_and_fills_in_as_batches_arrive():
    corpus = synthetic_corpus(400, events_per_article=10, seed=4)
    source = FakeIndex(corpus)
    app = TimelineApp(empty(), source=source)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: len(app.index) == 200)
        assert "200/200 events" in header(app)
        assert loading(app)
        # Usable before indexing ends: moving and filtering work on what is there.
        await pilot.press("j", "j", "right_curly_bracket")
        kept = app.main.timeline.event
        assert kept is not None and "country:" in header(app)
        source.go.set()
        await wait_until(pilot, lambda: app.loader.finished.is_set())
        await pilot.pause()
        assert len(app.index) == 400
        assert not loading(app)
        assert app.main.timeline.event is kept
        events = app.index.events
        assert [e.sort_key for e in events] == sorted(e.sort_key for e in events)


async def test_search_goes_through_the_index_once_loaded():
    corpus = synthetic_corpus(200, events_per_article=10, seed=6)
    word = corpus.events[5].summary.split()[-1].strip(".,").lower()
    source = FakeIndex(corpus)
    source.go.set()
    app = TimelineApp(empty(), source=source)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: app.loader.finished.is_set())
        await pilot.pause()
        await pilot.press("slash", *word)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert source.queries and source.queries[-1] == word + "*"  # a prefix while typed
        expected = len(source.search(word + "*"))
        assert f"{expected:,} match" in header(app)


async def test_a_search_typed_while_loading_is_run_again_on_the_index():
    corpus = synthetic_corpus(200, events_per_article=10, seed=7)
    source = FakeIndex(corpus)
    app = TimelineApp(empty(), source=source)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: len(app.index) == 100)
        await pilot.press("slash", *"the", "enter")
        await app.workers.wait_for_complete()
        assert source.queries == []  # in memory while loading
        source.go.set()
        await wait_until(pilot, lambda: app.loader.finished.is_set())
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert source.queries == ["the*"]


async def test_thousands_of_warnings_make_one_notice_and_w_lists_them_all():
    from timeline.tui.dialogs.warnings_list import WarningsList

    corpus = synthetic_corpus(100, seed=8)
    warnings = [f"bad/{n:04d}.txt: skipped: binary file" for n in range(2000)]
    warnings.insert(1000, "index: disk is full (x); changes kept for this run only")
    source = FakeIndex(corpus, warnings)
    source.go.set()
    app = TimelineApp(empty(), source=source)
    shown = record_notices(app)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await wait_until(pilot, lambda: app.loader.finished.is_set())
        await pilot.pause()
        assert shown == ["2,000 files skipped, 1 other warning — w lists them"]
        assert "2,000 files skipped" in read_screen(app)
        await pilot.press("w")
        assert isinstance(app.screen, WarningsList)
        assert app.screen.lines == warnings
        text = read_screen(app)
        assert "Warnings (2,001)" in text and "bad/0000.txt: skipped: binary file" in text
        await pilot.press("end")
        assert app.screen.query_one("#warnings").highlighted == len(warnings) - 1
        await wait_until(pilot, lambda: "bad/1999.txt" in read_screen(app))
        await pilot.press("escape")
        assert app.screen is app.main


async def test_four_skipped_files_say_so_in_one_notice(seeds_corpus):
    warnings = [f"x/{n}.txt: skipped: empty file" for n in range(4)]
    corpus = Corpus(seeds_corpus.name, seeds_corpus.articles, seeds_corpus.events, warnings)
    app = TimelineApp(corpus)
    shown = record_notices(app)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert shown == ["4 files skipped — w lists them"]
        await _palette(pilot, "Warnings")
        assert app.screen.lines == warnings


async def test_the_warnings_notice_is_short_lived_and_w_still_lists_them(seeds_corpus):
    from timeline.tui.dialogs.warnings_list import WarningsList

    warnings = ["x/0.txt: skipped: empty file"]
    corpus = Corpus(seeds_corpus.name, seeds_corpus.articles, seeds_corpus.events, warnings)
    app = TimelineApp(corpus)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await wait_until(pilot, lambda: list(app._notifications))
        (notice,) = list(app._notifications)
        assert notice.title == "Warnings" and notice.timeout <= 6
        await pilot.press("w")
        assert isinstance(app.screen, WarningsList) and app.screen.lines == warnings


async def test_quitting_cancels_the_load_and_exits():
    source = FakeIndex(synthetic_corpus(100, seed=9))
    app = TimelineApp(empty(), source=source)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: len(app.index) == 50)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_value == 0
    assert app.loader.cancel_event.is_set()
    assert app.loader.join(5)
    assert source.cancelled


async def test_a_failing_source_is_a_notice_and_the_browser_stays():
    def broken(*, warn, progress, on_batch, cancel) -> Corpus:
        corpus = synthetic_corpus(50, seed=10)
        on_batch(corpus.articles, corpus.events)
        raise OSError("disk went away")

    app = TimelineApp(empty(), source=broken)
    notices = record_notices(app)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await wait_until(pilot, lambda: app.loader.finished.is_set())
        await pilot.pause()
        assert "OSError: disk went away" in notices[-1]
        assert len(app.index) == 50 and not loading(app)
        await pilot.press("j", "]")
        assert app.is_running


async def test_stars_saved_before_are_attached_to_arriving_batches(tmp_path):
    corpus = synthetic_corpus(100, seed=11)
    with NotesStore(tmp_path / "notes.db") as store:
        store.star(corpus.events[70])
        source = FakeIndex(corpus)
        source.go.set()
        app = TimelineApp(empty(), source=source, notes=store)
        async with app.run_test(size=SIZE) as pilot:
            await wait_until(pilot, lambda: app.loader.finished.is_set())
            await pilot.press("asterisk")
            shown = [app.index.events[i].id for i in app.main.rows.view]
            assert shown == [corpus.events[70].id]


# -- through ``timeline browse`` with the real index -------------------------------------------


def browse(monkeypatch, argv: list[str], drive) -> dict:
    """Run ``timeline browse`` with ``drive(app, pilot)`` at the keys; what run_app got."""
    got: dict = {}

    def run_app(app: TimelineApp, **run_options) -> int:
        got.update(corpus=app.corpus, source=app.source, notes=app.notes)

        async def run() -> None:
            async with app.run_test(size=(120, 40), notifications=True) as pilot:
                await drive(app, pilot)

        asyncio.run(run())
        got["app"] = app
        return 0

    monkeypatch.setattr("timeline.tui.app.run_app", run_app)
    assert cli.main(argv) == 0
    return got


@pytest.fixture
def user_dirs(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("TIMELINE_DATA_DIR", str(tmp_path / "data"))
    return tmp_path


def test_browse_passes_the_corpus_options_to_the_index(user_dirs, monkeypatch):
    async def quit_at_once(app, pilot):
        await pilot.press("q")

    folder = Path(__file__).resolve().parent.parent / "seeds"
    got = browse(monkeypatch, [str(folder), "--no-cache", "--max-bytes", "1234"], quit_at_once)
    assert got["source"].keywords == {"max_bytes": 1234, "no_cache": True}
    assert got["corpus"].events == []
    assert isinstance(got["notes"], NotesStore)


def test_browser_on_the_hostile_corpus(user_dirs, monkeypatch):
    folder = build_hostile_corpus(user_dirs, many=150)
    seen: dict = {}

    async def drive(app, pilot):
        await wait_until(pilot, lambda: app.loader.finished.is_set(), rounds=6000)
        await pilot.pause()
        seen["sentences"] = " ".join(e.sentence for e in app.index.events)
        seen["events"] = len(app.index)
        seen["notices"] = [n.message for n in app._notifications]
        seen["warnings"] = list(app.warnings.lines)
        # The markup article: its event on screen, its text shown literally.
        event = next(e for e in app.index.events if e.article == "markup.txt")
        app.main.select_event(event)
        await pilot.pause()
        seen["detail"] = read_screen(app)
        await pilot.press("enter")  # open the article
        await pilot.pause()
        seen["article"] = read_screen(app)
        await pilot.press("escape", "s", "e", "escape")
        seen["running"] = app.is_running

    browse(monkeypatch, [str(folder)], drive)
    for phrase in GOOD.values():
        assert phrase in seen["sentences"]
    assert seen["events"] >= 150
    notices = " ".join(seen["notices"])
    assert "files skipped" in notices and "w lists them" in notices
    assert any(w.startswith("binary.txt: skipped") for w in seen["warnings"])
    assert "[@click=app.quit]Click me[/]" in seen["article"]
    assert "[link=file:///etc/passwd]" in seen["article"]
    assert "[bold red]Loud[/] [@click=app.quit" in seen["detail"]
    assert "\x1b" not in seen["detail"] + seen["article"]
    assert seen["running"]  # [@click=app.quit] ran nothing; an exception would have surfaced


# -- the loader's messages, without an app -----------------------------------------------------


class Recorder:
    """A stand-in for the app: records what the loader posts; takes the end when told to."""

    def __init__(self, take: bool = True) -> None:
        self.posted: list = []
        self.take = take
        self.is_running = True

    def post_message(self, message) -> bool:
        self.posted.append(message)
        if self.take and isinstance(message, LoadFinished):
            message.taken.set()
        return True


def test_the_loader_posts_batches_with_their_notes_then_the_end():
    corpus = synthetic_corpus(60, seed=13)
    source = FakeIndex(corpus, ["bad.txt: skipped: binary file"])
    source.go.set()
    prepared: list[int] = []

    def prepare(events):
        prepared.append(len(events))
        return {events[0].id: None}

    loader = CorpusLoader(source, prepare=prepare)
    app = Recorder()
    loader.start(app)
    assert loader.join(10) and loader.finished.is_set()
    kinds = [type(m) for m in app.posted]
    assert kinds[0] is Progress and app.posted[0].total is None
    batches = [m for m in app.posted if isinstance(m, BatchLoaded)]
    assert [len(b.events) for b in batches] == prepared == [30, 30]
    assert all(list(b.notes) == [b.events[0].id] for b in batches)
    assert kinds[-2:] == [LoadWarnings, LoadFinished]
    assert app.posted[-2].final and app.posted[-2].total == 1
    assert app.posted[-1].corpus is loader.corpus and app.posted[-1].error is None


def test_the_load_is_finished_once_the_app_has_taken_it():
    source = FakeIndex(synthetic_corpus(20, seed=14))
    source.go.set()
    loader = CorpusLoader(source)
    app = Recorder(take=False)
    loader.start(app)
    for _ in range(200):
        if app.posted and isinstance(app.posted[-1], LoadFinished):
            break
        threading.Event().wait(0.01)
    finished = app.posted[-1]
    assert isinstance(finished, LoadFinished) and not loader.finished.is_set()
    finished.taken.set()
    assert loader.join(5) and loader.finished.is_set()


def test_a_newer_progress_replaces_one_not_yet_shown():
    assert Progress(2, 5).can_replace(Progress(3, 5))
    assert not Progress(2, 5).can_replace(LoadWarnings([], 0, False))
