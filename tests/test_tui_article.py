"""The article screen: star and note the event read, move as in less, search the text."""

from __future__ import annotations

import pytest

from conftest import read_screen, record_notices, star_and_note_the_event_read, until
from timeline.model import Article, Corpus, Event
from timeline.notes import NotesStore
from timeline.tui.app import TimelineApp
from timeline.tui.dialogs.help import HelpScreen
from timeline.tui.screens.article import ArticleScreen
from timeline.tui.widgets.article_body import ArticleBody

SIZE = (100, 30)


@pytest.fixture
def store(tmp_path):
    with NotesStore(tmp_path / "data" / "notes.db") as notes:
        yield notes


def long_corpus() -> Corpus:
    """One long article (many screenfuls) with two events, a word in it four times."""
    paragraphs = [f"Paragraph {n} says little of note about the weather." for n in range(200)]
    paragraphs[5] = "The task force met in Phnom Penh on 6 April 2007 to plan raids."
    paragraphs[120] = "A second task force was set up in Bangkok on 3 May 2009."
    for n in (30, 90, 150, 190):
        paragraphs[n] = f"Paragraph {n} mentions monsoon rains at length."
    text = "\n\n".join(paragraphs)
    article = Article("long.txt", "A long article", text, 0, date="2009-05-03", precision="day")
    events = []
    for n, (sentence, date) in enumerate(
        [(paragraphs[5], "2007-04-06"), (paragraphs[120], "2009-05-03")]
    ):
        start = text.index(sentence)
        events.append(
            Event(
                f"e{n}",
                date,
                "day",
                False,
                "task_force",
                ("Cambodia",),
                sentence[:40],
                "long.txt",
                sentence,
                start,
                start + len(sentence),
            )  # fmt: skip
        )
    return Corpus(name="long", articles=[article], events=events)


async def open_article(app: TimelineApp, pilot) -> ArticleScreen:
    await pilot.press("enter")
    assert isinstance(app.screen, ArticleScreen)
    await pilot.pause()
    return app.screen


async def test_s_and_a_act_on_the_event_being_read(seeds_corpus, store):
    app = TimelineApp(seeds_corpus, notes=store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article(app, pilot)
        if len(screen.events) > 1:
            await pilot.press("n")
        read = screen.event
        await star_and_note_the_event_read(app, pilot, store, "read closely")
        await pilot.press("escape")
        assert app.main.timeline.event is read


async def test_g_G_space_and_b_move_through_the_text():
    app = TimelineApp(long_corpus())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article(app, pilot)
        body = screen.query_one(ArticleBody)
        await pilot.press("g")
        assert body.scroll_y == 0
        await pilot.press("space")
        page = body.scroll_y
        assert page >= body.size.height - 2
        await pilot.press("space")
        assert body.scroll_y == 2 * page
        await pilot.press("b")
        assert body.scroll_y == page
        await pilot.press("G")
        assert body.scroll_y == body.max_scroll_y > 2 * page
        await pilot.press("home")
        assert body.scroll_y == 0


async def test_slash_finds_in_the_article_and_n_N_walk_the_finds():
    app = TimelineApp(long_corpus())
    notices = record_notices(app)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_article(app, pilot)
        body = screen.query_one(ArticleBody)
        await pilot.press("g", "slash", *"monsoon")
        assert len(screen.finds) == 4
        assert body.matches == screen.finds and body.current_match == 0
        assert await until(pilot, lambda: "1 of 4" in read_screen(app))
        await pilot.press("enter")  # keep the finds, back to the text
        for expected in (1, 2, 3):
            await pilot.press("n")
            assert screen.find_at == expected
            line = body.line_of(screen.finds[expected][0])
            assert body.scroll_y <= line < body.scroll_y + body.size.height
        await pilot.press("n")  # past the last: the first again
        assert screen.find_at == 0 and notices[-1] == "search wrapped to the first match"
        await pilot.press("N")
        assert screen.find_at == 3 and notices[-1] == "search wrapped to the last match"
        shown = body.render_line(body.line_of(screen.finds[3][0]) - round(body.scroll_y))
        assert "monsoon" in shown.text
        await pilot.press("escape")  # clears the search, stays in the article
        assert app.screen is screen and screen.finds == [] and body.matches == []
        await pilot.press("n")  # no search: next event again
        assert screen.current == 1
        await pilot.press("slash", *"zzz")
        assert screen.finds == []
        assert await until(pilot, lambda: "no match" in read_screen(app))


async def test_question_mark_shows_the_article_keys():
    app = TimelineApp(long_corpus())
    async with app.run_test(size=(100, 50)) as pilot:
        await open_article(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = read_screen(app)
        assert "Keys: the article screen" in text
        for words in ("Search in the article", "Star or unstar the event being read", "Page"):
            assert words in text
        assert "Filter by country" not in text  # the timeline's keys are not this screen's
        await pilot.press("escape")
        assert isinstance(app.screen, ArticleScreen)


def bound(screen) -> set[str]:
    """What each key the screen binds does, as its help and footer word it."""
    return {b.tooltip for found in screen._bindings.key_to_bindings.values() for b in found}


@pytest.mark.parametrize("story", [False, True], ids=["article", "story sources"])
async def test_help_lists_every_key_bound_and_the_footer_shows_s_and_a(stories_corpus, story):
    from timeline.tui.screens.story_article import StorySourcesScreen

    app = TimelineApp(stories_corpus)
    async with app.run_test(size=(120, 60)) as pilot:
        if story:
            thai = next(e for e in stories_corpus.events if e.report_year == 2014)
            app.main.select_event(thai)
        screen = await open_article(app, pilot)
        assert isinstance(screen, StorySourcesScreen) is story
        footer = read_screen(app).splitlines()[-1]
        assert " s Star " in footer and " a Note " in footer
        keys = bound(screen)
        assert ("Next source of the story" in keys) is story
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = read_screen(app)
        for words in keys:
            assert words in text
