"""The browser's search bar: searching the articles' text, n/N wrapping round, "no match"."""

from __future__ import annotations

from conftest import read_screen, record_notices, until
from timeline.query import parse
from timeline.tui.app import TimelineApp
from timeline.tui.state.index import EventIndex
from timeline.tui.widgets.header import HeaderLine
from timeline.tui.widgets.search_bar import SearchBar

SIZE = (100, 30)

#: A word of the seeds' first article (two events) that no evidence sentence holds.
ARTICLE_ONLY = "busses"
ARTICLE_FILE = "000_87005cab2153631f.txt"


def header(app: TimelineApp) -> str:
    return app.main.query_one(HeaderLine).text


def bar(app: TimelineApp) -> SearchBar:
    return app.main.query_one(SearchBar)


def selected(app: TimelineApp):
    return app.main.timeline.event


def marked_rows(app: TimelineApp) -> int:
    """Events whose rows carry the match mark, over the whole view."""
    search = app.main.search
    return sum(1 for i in app.main.rows.view if search.is_match(i))


async def searched(app: TimelineApp, pilot) -> None:
    """Wait for the search worker to have found every match, and the screen to show it."""
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_tab_in_the_bar_searches_the_articles_text_too(seeds_corpus):
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *ARTICLE_ONLY)
        await searched(app, pilot)
        assert bar(app).status == "no match · [ ] in articles (Tab)"
        assert bar(app).has_class("-no-match")
        assert "no match" in header(app)
        await pilot.press("tab")
        await searched(app, pilot)
        assert app.screen.focused is bar(app)  # Tab toggles, it does not move the focus
        wanted = [e for e in seeds_corpus.events if e.article == ARTICLE_FILE]
        assert bar(app).status == f"{len(wanted)} matches · [x] in articles (Tab)"
        assert f"{len(wanted)} matches · [x] in articles" in read_screen(app)
        assert f"/{ARTICLE_ONLY} · in articles · {len(wanted)} matches" in header(app)
        assert selected(app).article == ARTICLE_FILE
        # Header count, marked rows and n/N: one set.
        assert marked_rows(app) == len(wanted)
        await pilot.press("enter")
        seen = {selected(app).id}
        for _ in range(len(wanted)):
            await pilot.press("n")
            seen.add(selected(app).id)
        assert seen == {e.id for e in wanted}
        await pilot.press("slash", "tab")  # off again
        await searched(app, pilot)
        assert bar(app).status.startswith("no match · [ ]")


async def test_the_toggle_reaches_the_search_function(seeds_corpus):
    asked: list[tuple[str, bool]] = []
    target = seeds_corpus.events[0]

    def search(query: str, in_article: bool = False) -> set[str]:
        asked.append((query, in_article))
        return {target.id}

    app = TimelineApp(seeds_corpus, search=search)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", "q")
        await searched(app, pilot)
        await pilot.press("ctrl+a")
        await searched(app, pilot)
        assert asked == [("q*", False), ("q*", True)]


def test_the_memory_search_honours_in_article(seeds_corpus):
    index = EventIndex(seeds_corpus)
    assert index.search(ARTICLE_ONLY) == []
    found = index.search(ARTICLE_ONLY, in_article=True)
    assert {index.events[i].article for i in found} == {ARTICLE_FILE}
    assert len(found) == sum(1 for e in seeds_corpus.events if e.article == ARTICLE_FILE)


async def test_n_after_the_last_match_wraps_to_the_first_and_N_back(seeds_corpus):
    app = TimelineApp(seeds_corpus)
    notices = record_notices(app)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("slash", *"convict")
        await searched(app, pilot)
        await pilot.press("enter")
        view, matches = app.main.rows.view, app.main.matches
        first, last = app.index.events[matches[0]], app.index.events[matches[-1]]
        assert len(matches) >= 2 and list(view) == sorted(view)
        assert selected(app) is first
        await pilot.press("N")
        assert selected(app) is last
        assert notices[-1] == "search wrapped to the last match"
        await pilot.press("n")
        assert selected(app) is first
        assert notices[-1] == "search wrapped to the first match"
        assert "search wrapped to the first match" in read_screen(app)
        await pilot.press("n")
        assert selected(app) is app.index.events[matches[1]]


async def test_typing_from_the_end_wraps_to_the_first_match(stories_corpus):
    app = TimelineApp(stories_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("G")
        last = len(app.main.rows.view) - 1
        assert app.main.timeline.cursor == last
        assert not app.main.search.index.matches(app.main.rows.view[last], parse("watch"), False)
        await pilot.press("slash", *"watch")
        assert await until(pilot, lambda: "2 matches" in header(app))
        view, search = app.main.rows.view, app.main.search
        first = next(app.index.events[i] for i in view if search.is_match(i))
        assert selected(app) is first
