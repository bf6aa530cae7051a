"""An article's outlet and address in the detail pane and on the article screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser_text import detail

from conftest import read_screen, until
from timeline.model import Corpus
from timeline.pipeline import load_corpus
from timeline.tui.app import TimelineApp
from timeline.tui.screens.story_article import StorySourcesScreen

STORIES = Path(__file__).parent / "stories"
SIZE = (120, 34)
OUTLET = "Asia Pacific Newswire"
URL = "https://apn.example/2015/11/asean-convention"


def with_outlet(source: str = OUTLET, url: str = URL) -> tuple[Corpus, str]:
    """``tests/stories`` with the convention's wire story given an outlet and an address."""
    corpus = load_corpus(STORIES)
    article = next(a for a in corpus.articles if a.file.startswith("01_apn"))
    article.source, article.url = source, url
    return corpus, article.file


async def test_the_detail_pane_and_the_article_screen_show_outlet_and_address():
    corpus, file = with_outlet()
    app = TimelineApp(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("S")  # every event: the pane of one event
        event = next(e for e in corpus.events if e.article == file)
        app.main.select_event(event)
        await pilot.pause()
        text = detail(app)
        assert OUTLET in text and URL in text
        await pilot.press("enter")
        await pilot.pause()
        screen = read_screen(app)
        head = screen.splitlines()[:4]
        assert any(OUTLET in line for line in head) and any(URL in line for line in head)


async def test_a_storys_sources_name_the_outlet_where_known():
    corpus, file = with_outlet()
    app = TimelineApp(corpus)
    async with app.run_test(size=SIZE) as pilot:
        event = next(e for e in corpus.events if e.article == file and e.date == "2015-11-21")
        app.main.select_event(next(e for e in corpus.events if e.story == event.story))
        await pilot.pause()
        text = detail(app)
        assert "story told by 4 sources" in text
        line = next(line for line in text.splitlines() if "ASEAN leaders sign" in line)
        assert OUTLET in line and file not in line  # the outlet, not the file
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StorySourcesScreen)
        assert OUTLET in read_screen(app)


async def test_outlet_and_address_are_shown_as_plain_text():
    corpus, file = with_outlet(
        "[bold]Wire[/bold]\x1b[31m Red\x1b]0;title\x07", "https://x.example/\x1b]8;;evil\x07a\nb"
    )
    app = TimelineApp(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("S")
        app.main.select_event(next(e for e in corpus.events if e.article == file))
        await pilot.pause()
        text = detail(app)
        assert "[bold]Wire[/bold] Red" in text and "\x1b" not in text
        assert "https://x.example/a b" in text  # one line
        await pilot.press("enter")
        await pilot.pause()
        screen = read_screen(app)
        assert "[bold]Wire[/bold] Red" in screen and "\x1b" not in screen and "\x07" not in screen


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_no_line_of_the_detail_pane_ends_in_a_separator(size):
    corpus = load_corpus(STORIES)
    app = TimelineApp(corpus)
    async with app.run_test(size=size) as pilot:
        await pilot.press("S")  # every event, each its own pane
        for event in corpus.events:
            app.main.select_event(event)
            words = " ".join(event.sentence.split()[:3])
            assert await until(pilot, lambda w=words: w in " ".join(detail(app).split()))
            for line in detail(app).splitlines():
                assert not line.rstrip().endswith("·"), line
