"""The main screen's figures and rows: the header's counts, wide terminals, cursor badges."""

from __future__ import annotations

from dataclasses import replace

from conftest import color_distance
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


# -- wide terminals --------------------------------------------------------------------------


def row_texts(app: TimelineApp) -> list[str]:
    view = app.main.timeline
    return [view.render_line(y).text for y in range(view.size.height)]


async def test_a_wide_terminal_shows_longer_summaries_and_more_countries(seeds_corpus):
    cut = [e for e in seeds_corpus.events if e.summary.endswith("…")]
    several = [e for e in seeds_corpus.events if len(e.countries) >= 2]
    assert cut and several
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        rows = "\n".join(row_texts(app))
        edge = app.main.timeline.size.width - 2  # the scroll indicator's cell is last
        for event in cut:
            stem = event.summary[:-1]
            line = next(row for row in rows.splitlines() if stem in row)
            shown = line[line.index(stem) :].rstrip()
            # the sentence runs on to the edge of the row (the scroll indicator after it)
            assert len(shown) > len(event.summary) and len(line.rstrip()) >= edge, line
            assert shown.rstrip("…")[:150] in " ".join(event.sentence.split())
        for event in several:
            if sum(len(c) + 2 for c in event.countries) <= 33:
                assert ", ".join(event.countries) in rows
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        rows = "\n".join(row_texts(app))
        assert any(f"{e.countries[0]} +{len(e.countries) - 1}" in rows for e in several)


# -- the cursor row's badges -------------------------------------------------------------------


def _bg(segment):
    return segment.style.bgcolor.get_truecolor() if segment.style.bgcolor else None


async def test_every_badge_stands_out_on_the_cursor_row_in_dark_and_light(seeds_corpus):
    from timeline.model import TYPES

    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=SIZE) as pilot:
        for theme in ("textual-dark", "textual-light"):
            app.theme = theme
            await pilot.pause()
            view = app.main.timeline
            seen = set()
            for position in range(len(app.main.rows.view)):
                app.main.panes.select(position)
                await pilot.pause()
                event = view.event
                if event.type in seen:
                    continue
                seen.add(event.type)
                line = list(view.render_line(view.cursor_row - view.top))
                label = next(t.label for t in TYPES if t.name == event.type)
                at = next(n for n, s in enumerate(line) if s.text.strip() == label)
                badge, before, after = _bg(line[at]), _bg(line[at - 1]), _bg(line[at + 1])
                cursor = _bg(line[0])
                assert before == after != cursor, (theme, event.type)
                # the badge is told from what surrounds it, whatever the cursor's colour
                assert color_distance(badge, before) > 60, (theme, event.type, badge, before)
            assert "tier_change" in seen
