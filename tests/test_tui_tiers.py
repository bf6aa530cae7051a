"""The tiers view: countries × report years, each cell its TIP tier and its evidence."""

from __future__ import annotations

import pytest

from conftest import palette, read_screen, star_and_note_the_event_read
from timeline.model import Article, Corpus, Event
from timeline.tiers import tier_cells
from timeline.tui.app import TimelineApp
from timeline.tui.dialogs.evidence import EvidenceList
from timeline.tui.screens.article import ArticleScreen
from timeline.tui.screens.main import MainScreen
from timeline.tui.screens.tiers import TiersScreen
from timeline.tui.state.tiergrid import TierGrid, cell_label, cell_meaning
from timeline.tui.widgets.article_body import ArticleBody

SIZE = (100, 30)


def cell_text(screen: TiersScreen) -> str:
    pane = screen.query_one("#tiers-cell")
    return "\n".join(pane.render_line(y).text for y in range(pane.size.height))


async def test_T_shows_cambodia_tier_by_report_year_on_the_seeds(seeds_corpus):
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("T")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TiersScreen)
        assert screen.grid.years == [2005, 2006, 2009, 2010]
        assert screen.table.row_text("Cambodia").split() == ["3", "↑", "2WL", "2"]
        lines = read_screen(app).splitlines()
        line = next(line for line in lines if line.strip().startswith("Cambodia"))
        assert line.split() == ["Cambodia", "3", "↑", "2WL", "2"]
        assert "2005 report: Tier 3" in cell_text(screen)
        await pilot.press("right")
        assert "2006 report: moved up from Tier 3" in cell_text(screen)
        await pilot.press("right")
        assert "2009 report: Tier 2 Watch List" in cell_text(screen)
        await pilot.press("right")
        assert "2010 report: Tier 2, up from Tier 2 Watch List" in cell_text(screen)
        await pilot.press("right")  # the last column: the cursor stays
        assert screen.grid.current == ("Cambodia", 2010)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_enter_lists_the_evidence_and_enter_opens_the_article_at_it(seeds_corpus):
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("T", "right", "enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, EvidenceList)
        (event,) = dialog.events
        assert event.report_year == 2006 and event.previous == "3"
        assert "elevated the country from the lowest level" in read_screen(app)
        await pilot.press("enter")
        await pilot.pause()
        article = app.screen
        assert isinstance(article, ArticleScreen)
        assert article.events[article.current] is event
        body = article.query_one(ArticleBody)
        start, end = body.lines[body.evidence_line()]
        assert body._plain[start:end].strip()[:20] in event.sentence
        await pilot.press("escape")
        assert app.screen is dialog
        await pilot.press("escape")
        assert isinstance(app.screen, TiersScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_the_palette_opens_the_tiers(seeds_corpus):
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await palette(pilot, "TIP tiers")
        assert isinstance(app.screen, TiersScreen)


def _tier_event(n: int, article: str, tier: str | None, previous: str | None, year: int) -> Event:
    sentence = f"Laos was ranked in the {year} report ({n})."
    return Event(
        id=f"t{n}",
        date=str(year),
        precision="year",
        approximate=False,
        type="tier_change",
        countries=("Laos",),
        summary=f"Laos: {tier} ({year} report)",
        article=article,
        sentence=sentence,
        start=0,
        end=len(sentence),
        tier=tier,
        previous=previous,
        report_year=year,
    )


def _conflicting() -> Corpus:
    """Two articles that disagree on Laos's 2017 tier, and a move down told without its tier."""
    events = [
        _tier_event(1, "a.txt", "2WL", None, 2017),
        _tier_event(2, "b.txt", "3", None, 2017),
        _tier_event(3, "b.txt", None, "1", 2018),
    ]
    articles = [Article(f, f"Article {f}", events[0].sentence) for f in ("a.txt", "b.txt")]
    return Corpus("conflict", articles, events)


def test_cells_read_their_tier_arrow_and_conflict():
    grid = TierGrid.of(tier_cells(_conflicting().events))
    assert grid.countries == ["Laos"] and grid.years == [2017, 2018]
    labels = grid.row_labels("Laos")
    assert labels[0] in ("2WL!", "3!") and labels[1] == "↓"
    assert "the evidence disagrees (!)" in cell_meaning(grid.cell("Laos", 2017))
    assert "moved down from Tier 1" in cell_meaning(grid.cell("Laos", 2018))
    assert cell_label(None) == ""


async def test_conflicting_evidence_is_marked_and_listed(tmp_path):
    app = TimelineApp(_conflicting())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("T")
        screen = app.screen
        assert isinstance(screen, TiersScreen)
        assert "!" in screen.table.row_text("Laos")
        assert "the evidence disagrees" in cell_text(screen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EvidenceList)
        assert len(app.screen.events) == 2


@pytest.mark.parametrize("size", [(40, 12), (80, 24), (160, 50)])
async def test_the_tiers_fit_any_terminal(seeds_corpus, size):
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=size) as pilot:
        await pilot.press("T", "down", "right", "enter")
        await pilot.pause()
        assert read_screen(app)
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, MainScreen)


async def test_a_corpus_without_tiers_says_so(small_corpus):
    corpus = small_corpus
    for event in corpus.events:
        event.report_year = None
    app = TimelineApp(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("T")
        await pilot.pause()
        assert "No TIP tier rankings in this corpus" in read_screen(app)
        await pilot.press("enter")  # nothing to list: the bell, no dialog
        assert isinstance(app.screen, TiersScreen)


async def test_s_and_a_act_on_the_event_read_from_the_evidence(seeds_corpus, tmp_path):
    from timeline.notes import NotesStore

    with NotesStore(tmp_path / "notes.db") as store:
        app = TimelineApp(seeds_corpus, notes=store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("T", "right", "enter")
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            article = app.screen
            assert isinstance(article, ArticleScreen)
            await star_and_note_the_event_read(app, pilot, store, "tier")
