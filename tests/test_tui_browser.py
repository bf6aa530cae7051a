"""The main screen's figures and rows: the header's counts, wide terminals, cursor badges."""

from __future__ import annotations

from dataclasses import replace

from timeline.model import Article, Corpus
from timeline.tui.app import TimelineApp
from timeline.tui.widgets.header import HeaderLine

SIZE = (100, 30)


def header(app: TimelineApp) -> str:
    return app.main.query_one(HeaderLine).text


def with_empty_articles(corpus: Corpus, n: int) -> Corpus:
    """``corpus`` and ``n`` more articles in which nothing happens."""
    empty = [Article(f"zz_empty_{k}.txt", f"Nothing {k}", "Nothing happened.", 0) for k in range(n)]
    return replace(corpus, articles=[*corpus.articles, *empty])


async def test_the_header_counts_articles_with_events_and_says_how_many_have_none(seeds_corpus):
    corpus = with_empty_articles(seeds_corpus, 2)
    with_events = len({e.article for e in seeds_corpus.events})
    app = TimelineApp(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        n = len(corpus.events)
        assert f"{n}/{n} events · {with_events} articles with events (2 without)" in header(app)
        shown: set[str] = set()
        for _ in app.index.countries:  # to a country that not every article names
            await pilot.press("right_curly_bracket")
            shown = {app.index.events[i].article for i in app.main.rows.view}
            if len(shown) < with_events:
                break
        assert f" · {len(shown)}/{with_events} articles with events (2 without)" in header(app)


async def test_no_without_when_every_article_has_events(seeds_corpus):
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert header(app).endswith("articles with events")
