"""Shared fixtures: corpora for the browser tests and a reader of the screen."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from timeline.model import Article, Corpus, Event
from timeline.synthetic import synthetic_corpus

#: An article full of things a terminal or Rich could take for instructions.
HOSTILE_TEXT = (
    "[bold]Loud[/bold] headline [@click=app.quit]quit[/]\n\n"
    "On 6 April 2007 the [link=https://example.com]task force[/link] met \x1b[31mred\x1b[0m "
    "officials in Cambodia.\x1b]0;pwned\x07 A bell\x07 and a \x1b]8;;http://x\x07link\x1b]8;;\x07 "
    "and [red]markup[/red] and a CSI clear \x1b[2J here.\n"
)


def _hostile_corpus() -> Corpus:
    text = HOSTILE_TEXT
    start = text.index("On 6 April")
    end = text.index("here.") + len("here.")
    date_start = text.index("6 April 2007")
    article = Article(
        file="hostile/[bold]x[/bold].txt",
        title="[bold]Loud[/bold] headline [@click=app.quit]quit[/]",
        text=text,
        body_start=start,
        date="2007-04-06",
        precision="day",
    )
    event = Event(
        id="hostile#1",
        date="2007-04-06",
        precision="day",
        approximate=False,
        type="task_force",
        countries=("Cambodia",),
        summary="[@click=app.quit]The [bold]task force[/bold] met\x1b[31m red\x1b[0m",
        article=article.file,
        sentence=text[start:end],
        start=start,
        end=end,
        date_start=date_start,
        date_end=date_start + len("6 April 2007"),
    )
    return Corpus(name="[b]hostile[/b]", articles=[article], events=[event])


@pytest.fixture
def seeds_corpus() -> Corpus:
    """The bundled seed articles, read and extracted."""
    from timeline.pipeline import load_corpus

    return load_corpus(None)


@pytest.fixture
def stories_corpus() -> Corpus:
    """``tests/stories`` read and extracted, its stories built: the ASEAN convention told
    by three articles that disagree on the day, the 2014 Thai downgrade by three, ..."""
    from pathlib import Path

    from timeline.pipeline import load_corpus

    return load_corpus(Path(__file__).parent / "stories")


@pytest.fixture
def small_corpus() -> Corpus:
    """A deterministic synthetic corpus of 200 events over 20 articles."""
    return synthetic_corpus(200, events_per_article=10)


@pytest.fixture
def hostile_corpus() -> Corpus:
    """One article whose title, text and summary carry markup and escape sequences."""
    return _hostile_corpus()


@pytest.fixture
def empty_corpus() -> Corpus:
    """A corpus with no articles at all."""
    return Corpus(name="empty", articles=[], events=[])


def read_screen(app) -> str:
    """What the terminal shows, as plain text lines."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text.rstrip() for strip in strips)


def record_notices(app) -> list[str]:
    """Every notice the app shows from now on, as plain text (toasts wrap on screen)."""
    seen: list[str] = []
    original = app.notify

    def notify(message, *args, **kwargs):
        seen.append(str(message))
        return original(message, *args, **kwargs)

    app.notify = notify
    return seen


async def until(pilot, predicate: Callable[[], object], tries: int = 1500) -> bool:
    """Let the app run until ``predicate()`` is true (the answer of a worker thread, say);
    whether it came. Assert on it: ``assert await until(pilot, lambda: ...)``."""
    for _ in range(tries):
        if predicate():
            return True
        await pilot.pause(0.01)
    return bool(predicate())


async def star_and_note_the_event_read(app, pilot, store, note: str) -> None:
    """On the article screen shown, press ``s`` then ``a`` and type ``note``: both reach
    the notes ``store`` and the screen says so, and the screen is back after the save."""
    from timeline.tui.dialogs.note_editor import NoteEditor

    screen = app.screen
    read = screen.event
    await pilot.press("s")
    assert await until(pilot, lambda: "★ starred" in read_screen(app))
    assert await until(pilot, lambda: store.get(read) is not None)
    assert store.get(read).starred
    await pilot.press("a")
    assert isinstance(app.screen, NoteEditor)
    await pilot.press(*note, "ctrl+s")
    assert await until(pilot, lambda: app.screen is screen)
    assert await until(pilot, lambda: "✎ noted" in read_screen(app))
    assert store.get(read).note == note


async def palette(pilot, text: str) -> None:
    """Open the command palette, type ``text`` and take the first entry found."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*text)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()


def color_distance(a, b) -> int:
    """How far apart two colours are (the sum of their channels' differences, 0–765)."""
    return sum(abs(x - y) for x, y in zip(a, b, strict=True))


@pytest.fixture
def screen_text() -> Callable[..., str]:
    """A function returning the app's screen as text."""
    return read_screen
