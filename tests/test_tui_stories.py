"""Stories and key events in the browser, driven through Pilot on ``tests/stories``.

The corpus has multi-source stories (``tests/stories/gold.json``): the ASEAN
convention told by four articles (two disagree on the day, one knows only the year), the 2014 Thai
downgrade told by three, and others. Rows are one per story by default.
"""

from __future__ import annotations

from collections import Counter

from browser_text import detail, header, row_line

from conftest import palette, read_screen, star_and_note_the_event_read
from timeline.model import Corpus, Event
from timeline.notes import NotesStore
from timeline.table import key_events, one_per_story
from timeline.tui.app import TimelineApp
from timeline.tui.screens.article import ArticleScreen
from timeline.tui.screens.main import MainScreen
from timeline.tui.screens.story_article import StorySourcesScreen
from timeline.tui.widgets.article_body import ArticleBody

SIZE = (120, 34)


def rows_of(app: TimelineApp) -> list[Event]:
    return [app.index.events[i] for i in app.main.rows.view]


def tellings(corpus: Corpus, story: str) -> list[Event]:
    return [e for e in corpus.events if e.story == story]


def convention(corpus: Corpus) -> str:
    """The story id of the convention's signing: three articles whose days disagree, and
    a fourth that names only the year ("signed in Kuala Lumpur last year")."""
    found = Counter(
        e.story for e in corpus.events if e.type == "agreement" and (e.date or "") >= "2015-11-21"
    )
    story, count = found.most_common(1)[0]
    assert count == 3
    assert sorted(e.date for e in tellings(corpus, story))[0] == "2015"
    assert len(tellings(corpus, story)) == 4
    return story


async def test_one_row_per_story_dated_as_most_sources_give(stories_corpus):
    app = TimelineApp(stories_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        rows = rows_of(app)
        stories = {e.story for e in stories_corpus.events}
        assert len(rows) == len(stories) < len(stories_corpus.events)
        assert {e.story for e in rows} == stories  # every story once
        assert f"{len(stories)} stories" in header(app)
        assert f"{len(stories_corpus.events)}/{len(stories_corpus.events)} events" in header(app)
        story = convention(stories_corpus)
        (row,) = [e for e in rows if e.story == story]
        assert row.date == "2015-11-21"  # two of its four give the 21st, one only 2015
        line = row_line(app, row)
        await pilot.pause()
        assert "×4" in line and "21 Nov 2015" in line


async def test_the_detail_pane_lists_the_sources_and_where_they_disagree(stories_corpus):
    app = TimelineApp(stories_corpus)
    async with app.run_test(size=SIZE) as pilot:
        story = convention(stories_corpus)
        told = tellings(stories_corpus, story)
        app.main.select_event(told[0])
        await pilot.pause()
        text = detail(app)
        assert "story told by 4 sources" in text
        assert "Sources disagree: 21 Nov 2015 (2 sources) · 22 Nov 2015 (1 source)" in text
        for event in told:
            title = stories_corpus.article(event.article).title
            assert title[:30] in text
        assert "22 Nov 2015" in text and text.count("21 Nov 2015") >= 3


async def test_enter_opens_the_first_source_and_angle_brackets_step_through_them(stories_corpus):
    app = TimelineApp(stories_corpus)
    async with app.run_test(size=SIZE) as pilot:
        story = convention(stories_corpus)
        app.main.select_event(tellings(stories_corpus, story)[0])
        row = app.main.timeline.event
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StorySourcesScreen)
        seen = []
        for _ in range(4):
            telling = screen.events[screen.current]
            seen.append(telling)
            assert telling.story == story and screen.article.file == telling.article
            body = screen.query_one(ArticleBody)
            assert body.current == screen.current  # its sentence is the one highlighted
            line = body.evidence_line()
            start, end = body.lines[line]
            assert body._plain[start:end].strip()[:20] in telling.sentence
            assert f"source {len(seen)} of 4" in read_screen(app)
            await pilot.press("greater_than_sign")
            await pilot.pause()
        assert seen[0] is row  # the first source is the row's own
        assert {e.article for e in seen} == {e.article for e in tellings(stories_corpus, story)}
        assert screen.article.file == seen[0].article  # round again
        await pilot.press("less_than_sign")
        await pilot.pause()
        assert screen.article.file == seen[-1].article
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        assert app.main.timeline.event is row  # the cursor stays on the story's row


async def test_s_and_a_act_on_the_source_being_read(stories_corpus, tmp_path):
    with NotesStore(tmp_path / "notes.db") as store:
        app = TimelineApp(stories_corpus, notes=store)
        async with app.run_test(size=SIZE) as pilot:
            app.main.select_event(tellings(stories_corpus, convention(stories_corpus))[0])
            await pilot.press("enter", "greater_than_sign")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, StorySourcesScreen)
            assert "source 2 of 4" in read_screen(app)
            await star_and_note_the_event_read(app, pilot, store, "second")


async def test_n_and_p_carry_the_sources_line_and_angle_brackets_to_the_event_read(
    stories_corpus,
):
    app = TimelineApp(stories_corpus)
    async with app.run_test(size=SIZE) as pilot:
        thai = next(
            e for e in stories_corpus.events if e.type == "tier_change" and e.report_year == 2014
        )
        app.main.select_event(thai)
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StorySourcesScreen)
        while len(screen.events) < 2:  # a source whose article tells more than this story
            await pilot.press("greater_than_sign")
            await pilot.pause()
        first = screen.event.story
        kinds = set()
        for _ in range(len(screen.events)):
            await pilot.press("n")
            await pilot.pause()
            read = screen.event
            told = (
                {e.article for e in tellings(stories_corpus, read.story)} if read.story else set()
            )
            if len(told) < 2:
                kinds.add("one")
                assert "of this story" not in read_screen(app)
                await pilot.press("greater_than_sign")  # no other source: it stays
                await pilot.pause()
                assert screen.event is read
                continue
            kinds.add("story" if read.story == first else "other")
            assert f"source {screen.at + 1} of {len(told)} of this story" in read_screen(app)
            await pilot.press("greater_than_sign")
            await pilot.pause()
            assert screen.event.story == read.story and screen.article.file != read.article
            await pilot.press("less_than_sign")
            await pilot.pause()
            assert screen.event is read
        assert kinds - {"story"}  # n reached an event of another story


async def test_a_story_of_one_source_opens_its_article_as_before(stories_corpus):
    app = TimelineApp(stories_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen) is ArticleScreen


async def test_S_switches_between_stories_and_every_event(stories_corpus):
    app = TimelineApp(stories_corpus)
    async with app.run_test(size=SIZE) as pilot:
        story = convention(stories_corpus)
        app.main.select_event(tellings(stories_corpus, story)[-1])
        row = app.main.timeline.event
        assert row.story == story
        await pilot.press("S")
        assert "every event" in header(app)
        assert len(rows_of(app)) == len(stories_corpus.events)
        assert app.main.timeline.event is row  # still on the same telling
        assert "×4" not in row_line(app, row)
        await pilot.press("S")
        assert "stories" in header(app) and "every event" not in header(app)
        assert app.main.timeline.event is row


async def test_filters_apply_to_events_and_a_story_shows_those_that_pass(stories_corpus):
    # The Sihanoukville raid, told by four articles; one of them tells it as a figure.
    raid = next(
        e.story
        for e in stories_corpus.events
        if e.type == "enforcement" and len(tellings(stories_corpus, e.story)) == 4
    )
    figure = tellings(stories_corpus, raid)[-1]
    figure.type = "statistic"
    app = TimelineApp(stories_corpus)
    async with app.run_test(size=SIZE) as pilot:
        app.main.filter_type("enforcement")
        await pilot.pause()
        rows = [e for e in rows_of(app) if e.story == raid]
        assert len(rows) == 1 and rows[0].type == "enforcement"
        assert all(e.type == "enforcement" for e in rows_of(app))
        assert "×3" in row_line(app, rows[0])
        await pilot.pause()
        text = detail(app)
        assert "story told by 3 sources (1 more hidden by the filters)" in text
        passing = sum(1 for e in stories_corpus.events if e.type == "enforcement")
        assert f"{passing}/{len(stories_corpus.events)} events" in header(app)


async def test_stars_stay_on_events_and_a_story_row_shows_any_of_them(stories_corpus):
    app = TimelineApp(stories_corpus)
    async with app.run_test(size=SIZE) as pilot:
        story = convention(stories_corpus)
        told = tellings(stories_corpus, story)
        app.main.select_event(told[0])
        row = app.main.timeline.event
        other = next(e for e in told if e is not row)
        await pilot.press("S")  # every event: star another telling than the row's
        app.main.select_event(other)
        await pilot.press("s")
        assert app.annotations.is_starred(other.id) and not app.annotations.is_starred(row.id)
        await pilot.press("S")
        assert app.main.timeline.event is row
        await pilot.pause()
        assert "★" in row_line(app, row)
        assert "★" in detail(app).splitlines()[0]
        await pilot.press("asterisk")  # starred only: the story is there, shown by its star
        assert [e.story for e in rows_of(app)] == [story]
        assert rows_of(app)[0] is other


async def test_K_shows_the_key_events_and_plus_minus_change_how_many(stories_corpus):
    app = TimelineApp(stories_corpus)
    async with app.run_test(size=SIZE) as pilot:

        def expected(per_year: int) -> set[str]:
            events = key_events(stories_corpus.events, stories_corpus, per_year)
            return {e.story for e in one_per_story(events)}

        await pilot.press("K")
        assert "key events: top 5 a year" in header(app)
        assert {e.story for e in rows_of(app)} == expected(5)
        assert len(rows_of(app)) < len({e.story for e in stories_corpus.events})
        await pilot.press("minus", "minus")
        assert "key events: top 3 a year" in header(app)
        assert {e.story for e in rows_of(app)} == expected(3)
        await pilot.press("plus")
        assert "key events: top 4 a year" in header(app)
        per_year = Counter(e.year for e in rows_of(app))
        assert max(per_year.values()) <= 4
        await pilot.press("S")  # every event of the key stories
        assert {e.story for e in rows_of(app)} == expected(4)
        assert len(rows_of(app)) == len(key_events(stories_corpus.events, stories_corpus, 4))
        await pilot.press("S", "K")
        assert "key events" not in header(app)
        assert len(rows_of(app)) == len({e.story for e in stories_corpus.events})


async def test_palette_switches_stories_and_key_events(stories_corpus):
    app = TimelineApp(stories_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await palette(pilot, "Show every event")
        assert "every event" in header(app)
        await palette(pilot, "Show one row per story")
        assert "every event" not in header(app)
        await palette(pilot, "Key events: top 5")
        assert "key events: top 5 a year" in header(app)
        await palette(pilot, "Show all events again")
        assert "key events" not in header(app)


async def test_stories_told_at_the_end_of_loading_are_shown(stories_corpus):
    # The index tells the stories once every file is read; the batches come before.
    told = {e.id: e.story for e in stories_corpus.events}
    for event in stories_corpus.events:
        event.story = None
    app = TimelineApp(Corpus("stories", [], []))
    async with app.run_test(size=SIZE) as pilot:
        app.add_batch(stories_corpus.articles, stories_corpus.events)
        await pilot.pause()
        assert len(rows_of(app)) == len(stories_corpus.events)
        for event in stories_corpus.events:
            event.story = told[event.id]
        app.load_finished(stories_corpus, None)
        await app.workers.wait_for_complete()  # the stories are learnt in a worker
        await pilot.pause()
        assert len(rows_of(app)) == len(set(told.values()))
        assert max(app.main.rows.told(i) for i in app.main.rows.view) == 4  # the Otres raid


async def test_a_search_finds_a_story_by_any_of_its_tellings(stories_corpus):
    # "Kuala Lumpur" is in two of the convention's tellings, not in the one its row shows.
    app = TimelineApp(stories_corpus)
    async with app.run_test(size=SIZE) as pilot:
        story = convention(stories_corpus)
        told = [e for e in tellings(stories_corpus, story) if "Kuala" in e.sentence]
        assert told and len(told) < len(tellings(stories_corpus, story))
        await pilot.press("slash", *"kuala")
        await app.workers.wait_for_complete()
        await pilot.pause()
        (row,) = [e for e in rows_of(app) if e.story == story]
        assert "Kuala" not in row.sentence
        assert "/kuala · 1 match" in header(app)
        assert app.main.timeline.event is row  # the cursor went to the story's row
        await pilot.press("enter", "S")  # every event: each telling is a row of its own
        await pilot.pause()
        matching = sum(1 for e in stories_corpus.events if "kuala" in e.sentence.lower())
        assert f"/kuala · {matching} matches" in header(app)
        await pilot.press("n")
        assert "Kuala" in app.main.timeline.event.sentence  # now only tellings that say it
