"""The browser driven through Pilot: every key, what the user sees change."""

from __future__ import annotations

import pytest

from conftest import palette as _palette
from conftest import read_screen
from timeline.model import type_label
from timeline.tui.app import TimelineApp
from timeline.tui.dialogs.help import HelpScreen
from timeline.tui.dialogs.picker import Picker
from timeline.tui.dialogs.year_prompt import YearPrompt
from timeline.tui.screens.article import ArticleScreen
from timeline.tui.screens.grid import GridScreen
from timeline.tui.widgets.article_body import ArticleBody
from timeline.tui.widgets.detail import EventDetail
from timeline.tui.widgets.header import HeaderLine
from timeline.tui.widgets.year_rail import YearRail

SIZE = (100, 30)


def header(app: TimelineApp) -> str:
    return app.main.query_one(HeaderLine).text


def selected(app: TimelineApp):
    return app.main.timeline.event


def detail(app: TimelineApp) -> str:
    pane = app.main.query_one(EventDetail)
    # Line 0 is the rule above the text.
    return "\n".join(pane.render_line(y).text for y in range(1, pane.size.height))


def rail_marked(app: TimelineApp) -> str:
    """The rail line that carries the current-year marker."""
    rail = app.main.query_one(YearRail)
    lines = [rail.render_line(y).text for y in range(rail.size.height)]
    marked = [line for line in lines if line.startswith("▶")]
    return marked[0] if marked else ""


# -- the main screen ------------------------------------------------------------------


async def test_main_screen_shows_years_rows_detail_and_header(seeds_corpus):
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = read_screen(app)
        first = selected(app)
        assert first is not None and first.date is not None
        assert f"{len(seeds_corpus.events)}/{len(seeds_corpus.events)} events" in header(app)
        assert str(first.year) in text and "Years" in text
        assert first.display_date() in text
        assert type_label(first.type) in text
        assert first.sentence.split()[0] in detail(app)
        assert rail_marked(app).startswith(f"▶{first.year}")


async def test_undated_group_comes_last(seeds_corpus):
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("G")
        event = selected(app)
        assert event.date is None
        assert "Undated" in read_screen(app)


async def test_j_k_and_arrows_move_between_events(seeds_corpus):
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=SIZE) as pilot:
        first = selected(app)
        await pilot.press("j")
        second = selected(app)
        assert second is not first
        assert second.sentence.split()[0] in detail(app)
        await pilot.press("down")
        third = selected(app)
        assert third is not second
        await pilot.press("k")
        assert selected(app) is second
        await pilot.press("up")
        assert selected(app) is first
        await pilot.press("up")  # already at the top: stays
        assert selected(app) is first


async def test_home_end_g_G_and_pages(small_corpus):
    app = TimelineApp(small_corpus)
    async with app.run_test(size=SIZE) as pilot:
        view = app.main.rows.view
        events = app.index.events
        await pilot.press("G")
        assert selected(app) is events[view[-1]]
        await pilot.press("g")
        assert selected(app) is events[view[0]]
        await pilot.press("end")
        assert selected(app) is events[view[-1]]
        await pilot.press("home")
        assert app.main.timeline.cursor == 0
        await pilot.press("pagedown")
        page = app.main.timeline.cursor
        assert page >= 5
        await pilot.press("pagedown")
        assert app.main.timeline.cursor == 2 * page
        await pilot.press("pageup")
        assert app.main.timeline.cursor == page


async def test_brackets_move_between_years(seeds_corpus):
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=SIZE) as pilot:
        years = app.index.years()
        assert selected(app).year == years[0]
        await pilot.press("]")
        assert selected(app).year == years[1]
        assert rail_marked(app).startswith(f"▶{years[1]}")
        await pilot.press("]")
        assert selected(app).year == years[2]
        await pilot.press("[")
        assert selected(app).year == years[1]
        # The year's header row is on screen, at the top of the list.
        assert read_screen(app).splitlines()[1].split("▕")[-1].lstrip().startswith(str(years[1]))


async def test_brackets_reach_every_year_then_undated(seeds_corpus):
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=SIZE) as pilot:
        seen = [selected(app).year]
        for _ in range(len(app.index.years()) + 2):
            await pilot.press("]")
            seen.append(selected(app).year)
        dated = [y for y in dict.fromkeys(seen) if y is not None]
        assert dated == app.index.years()
        assert seen[-1] is None


async def test_braces_cycle_the_country_filter_and_keep_the_date(small_corpus):
    app = TimelineApp(small_corpus)
    async with app.run_test(size=SIZE) as pilot:
        countries = app.index.countries
        for _ in range(30):
            await pilot.press("j")
        before = selected(app)
        await pilot.press("}")
        assert f"country: {countries[0]}" in header(app)
        after = selected(app)
        assert countries[0] in after.countries
        assert abs((after.year or 0) - (before.year or 0)) <= 1
        await pilot.press("}")
        assert f"country: {countries[1]}" in header(app)
        await pilot.press("{")
        await pilot.press("{")
        assert "country:" not in header(app)
        assert f"{len(small_corpus.events)}/{len(small_corpus.events)} events" in header(app)
        await pilot.press("{")
        assert f"country: {countries[-1]}" in header(app)
        await pilot.press("}")
        assert "country:" not in header(app)


async def test_y_goes_to_a_typed_year_or_the_nearest(seeds_corpus):
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("y")
        assert isinstance(app.screen, YearPrompt)
        await pilot.press("2", "0", "1", "3", "enter")
        assert selected(app).year == 2013
        years = app.index.years()
        missing = next(y for y in range(years[0], years[-1]) if y not in years)
        await pilot.press("y", *str(missing), "enter")
        nearest = min(years, key=lambda y: (abs(y - missing), y))
        assert selected(app).year == nearest
        await pilot.press("y", "escape")
        assert selected(app).year == nearest


async def test_c_picks_countries_and_x_clears(seeds_corpus):
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        assert isinstance(app.screen, Picker)
        countries = app.index.countries
        # Tick the first two countries.
        await pilot.press("space", "down", "space", "enter")
        assert f"country: {countries[0]}, {countries[1]}" in header(app)
        shown = [app.index.events[i] for i in app.main.rows.view]
        assert shown and all(set(e.countries) & {countries[0], countries[1]} for e in shown)
        await pilot.press("x")
        assert "country:" not in header(app)


async def test_t_picks_types_and_escape_cancels(seeds_corpus):
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t", "escape")
        assert "type:" not in header(app)
        kinds = [t for t in ("task_force", "tier_change") if t in app.index.types]
        await pilot.press("t")
        picker = app.screen
        assert isinstance(picker, Picker)
        values = [value for _label, value, _count in picker.options]
        await pilot.press(*(["down"] * values.index(kinds[0])), "space", "enter")
        assert f"type: {type_label(kinds[0])}" in header(app)
        assert all(app.index.events[i].type == kinds[0] for i in app.main.rows.view)


async def test_search_as_you_type_n_N_and_escape(seeds_corpus):
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"convict")
        await app.workers.wait_for_complete()
        await pilot.pause()
        matches = [e for e in app.index.events if "convict" in e.sentence.lower()]
        assert len(matches) >= 2
        assert "convict" in selected(app).sentence.lower()
        assert f"/convict · {len(matches)} matches" in header(app)
        await pilot.press("enter")  # keep the search, back to the list
        first = selected(app)
        await pilot.press("n")
        second = selected(app)
        assert second is not first and "convict" in second.sentence.lower()
        await pilot.press("N")
        assert selected(app) is first
        await pilot.press("escape")
        assert "/convict" not in header(app)


async def test_search_follows_each_keystroke_the_last_word_a_prefix(seeds_corpus):
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        for typed in ("c", "co", "con"):
            await pilot.press(typed[-1])
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert f"/{typed} · " in header(app) and f"/{typed} · no match" not in header(app)
        await pilot.press("escape", "slash", *"watch")
        await app.workers.wait_for_complete()
        await pilot.pause()
        # the three watch-list sentences: "watch" and "watchlist" twice
        assert "/watch · 3 matches" in header(app)
        assert "watch" in selected(app).sentence.lower()
        await pilot.press("space")  # a space ends the word: "watch" alone
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "/watch · 1 match" in header(app)


async def test_search_with_no_match_says_so(seeds_corpus):
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"zzzqx")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "/zzzqx · no match" in header(app)
        before = selected(app)
        await pilot.press("enter", "n", "N")
        assert selected(app) is before


async def test_search_uses_a_given_search_function(seeds_corpus):
    target = sorted(seeds_corpus.events, key=lambda e: e.sort_key)[-2]
    asked = []

    def search(query: str, in_article: bool = False) -> set[str]:
        asked.append(query)
        return {target.id}

    app = TimelineApp(seeds_corpus, search=search)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", "q")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert asked == ["q*"]  # the word being typed is a prefix
        assert "1 match" in header(app)
        assert selected(app) is target


async def test_enter_opens_the_article_with_the_sentence_highlighted(seeds_corpus):
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("y", "2", "0", "0", "7", "enter")
        event = selected(app)
        assert event.type == "task_force"
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        assert screen.events[screen.current] is event
        text = read_screen(app)
        assert seeds_corpus.article(event.article).title in text
        assert "6 Apr 2007" in text
        body = screen.query_one(ArticleBody)
        line = body.evidence_line()
        assert body.scroll_y <= line < body.scroll_y + body.size.height
        # The highlighted words are the evidence sentence's.
        start, end = body.lines[line]
        assert body._plain[start:end].strip() in event.sentence


async def test_article_n_p_move_the_highlight_and_the_timeline(seeds_corpus):
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(3):
            await pilot.press("j")
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        if len(screen.events) < 2:
            pytest.skip("the third event's article has one event")
        first = screen.current
        await pilot.press("n")
        assert screen.current == (first + 1) % len(screen.events)
        assert selected(app) is screen.events[screen.current]
        await pilot.press("p")
        assert screen.current == first
        assert f"event {first + 1} of {len(screen.events)}" in read_screen(app)


async def test_escape_returns_from_the_article_exactly_where_it_was(small_corpus):
    app = TimelineApp(small_corpus)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(40):
            await pilot.press("j")
        before_event, before_scroll = selected(app), app.main.timeline.top
        before = read_screen(app)
        await pilot.press("enter")
        assert isinstance(app.screen, ArticleScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert selected(app) is before_event
        assert app.main.timeline.top == before_scroll
        assert read_screen(app) == before


async def test_grid_moves_and_enter_filters_to_the_cell(small_corpus):
    app = TimelineApp(small_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        grid = app.screen
        assert isinstance(grid, GridScreen)
        start = grid.table.cell
        await pilot.press("right", "down")
        year, country = grid.table.cell
        assert (year, country) != start
        assert f"{country} in {year}" in read_screen(app)
        await pilot.press("enter")
        assert not isinstance(app.screen, GridScreen)
        assert f"year: {year}" in header(app) and f"country: {country}" in header(app)
        shown = [app.index.events[i] for i in app.main.rows.view]
        assert shown and all(e.year == year and country in e.countries for e in shown)


async def test_grid_escape_changes_nothing(seeds_corpus):
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=SIZE) as pilot:
        before = selected(app)
        await pilot.press("v", "right", "down", "escape")
        assert not isinstance(app.screen, GridScreen)
        assert selected(app) is before
        assert "country:" not in header(app)


@pytest.mark.parametrize("key", ["question_mark", "f1"])
async def test_help_lists_bindings_and_closes(seeds_corpus, key):
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=(100, 60)) as pilot:
        await pilot.press(key)
        assert isinstance(app.screen, HelpScreen)
        text = read_screen(app)
        for words in ("Next year", "Next country", "Go to a year", "Filter by type", "Search"):
            assert words in text
        await pilot.press("question_mark")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press(key, "escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_q_quits_with_status_zero(seeds_corpus):
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
    assert app.return_value == 0


# -- the command palette ----------------------------------------------------------------


async def test_palette_go_to_year(seeds_corpus):
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await _palette(pilot, "Go to year 2013")
        assert selected(app).year == 2013


async def test_palette_go_to_year_prompt(seeds_corpus):
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await _palette(pilot, "Go to year…")
        assert isinstance(app.screen, YearPrompt)


async def test_palette_filter_by_country_type_and_clear(seeds_corpus):
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await _palette(pilot, "Filter by country: Laos")
        assert "country: Laos" in header(app)
        await _palette(pilot, "Filter by type: TIER")
        assert "type: TIER" in header(app)
        await _palette(pilot, "Clear filters")
        assert "country:" not in header(app) and "type:" not in header(app)


async def test_palette_open_article(seeds_corpus):
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await _palette(pilot, "Open article: Trafficking clampdown")
        assert isinstance(app.screen, ArticleScreen)
        assert "Trafficking clampdown" in app.screen.article.title
        await pilot.press("escape")
        await _palette(pilot, "Open article")
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.article.file == selected(app).article


# -- mouse ---------------------------------------------------------------------------------


async def test_click_selects_and_a_second_click_opens(seeds_corpus):
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=SIZE) as pilot:
        timeline = app.main.timeline
        row = timeline.rows.row_of(2)  # the third event
        await pilot.click(timeline, offset=(20, row))
        assert timeline.cursor == 2
        assert not isinstance(app.screen, ArticleScreen)
        await pilot.click(timeline, offset=(20, row))
        assert isinstance(app.screen, ArticleScreen)


async def test_double_click_opens(seeds_corpus):
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=SIZE) as pilot:
        timeline = app.main.timeline
        await pilot.double_click(timeline, offset=(20, timeline.rows.row_of(3)))
        assert isinstance(app.screen, ArticleScreen)


async def test_clicking_a_year_in_the_rail_jumps_there(seeds_corpus):
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=SIZE) as pilot:
        years = app.index.years()
        await pilot.click(YearRail, offset=(3, 1 + years.index(years[-1])))
        assert selected(app).year == years[-1]


# -- notices, empty states, batches ----------------------------------------------------------


async def test_warnings_show_as_notices(seeds_corpus):
    seeds_corpus.warnings = ["notes/[b]x[/b].bin: skipped: binary file (NUL bytes)"]
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert "notes/[b]x[/b].bin: skipped: binary file" in read_screen(app)


async def test_empty_corpus_says_so(empty_corpus):
    app = TimelineApp(empty_corpus)
    async with app.run_test(size=SIZE) as pilot:
        text = read_screen(app)
        assert "This corpus has no events" in text
        for key in ("j", "]", "}", "enter", "v", "y", "escape", "slash", "a", "escape", "G"):
            await pilot.press(key)
        assert app.is_running


async def test_filter_with_no_matches_says_so(seeds_corpus):
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=SIZE) as pilot:
        from timeline.filters import Filter

        app.main.apply_filters(Filter(years=(1900, 1900)))
        await pilot.pause()
        assert "No events match these filters. Press x to clear them." in read_screen(app)
        assert "No event selected" in detail(app)
        await pilot.press("j", "enter", "]", "x")
        assert selected(app) is not None


async def test_batches_merge_in_order_and_progress_hides_when_done(small_corpus):
    from timeline.synthetic import synthetic_corpus

    first = synthetic_corpus(300, events_per_article=10, seed=5, name="first")
    later = small_corpus
    app = TimelineApp(first)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(7):
            await pilot.press("j")
        kept = selected(app)
        app.set_progress(1, 2)
        await pilot.pause()
        assert app.main.query_one("#header").has_class("-loading")

        def worker() -> None:
            app.call_from_thread(app.add_batch, later.articles, later.events)
            app.call_from_thread(app.set_progress, 2, 2)

        await pilot.pause()
        import threading

        thread = threading.Thread(target=worker)
        thread.start()
        while thread.is_alive():
            await pilot.pause(0.01)
        await pilot.pause()
        assert selected(app) is kept
        assert "500/500 events" in header(app)
        events = app.index.events
        assert [e.sort_key for e in events] == sorted(e.sort_key for e in events)
        assert not app.main.query_one("#header").has_class("-loading")


async def test_opens_with_the_command_line_filters_and_search(seeds_corpus):
    from timeline.filters import Filter

    wanted = Filter(countries=frozenset({"Cambodia"}), years=(2009, 2012), search="convict")
    app = TimelineApp(seeds_corpus, filters=wanted)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = header(app)
        assert "years: 2009–2012" in text and "country: Cambodia" in text
        assert "/convict" in text
        shown = [app.index.events[i] for i in app.main.rows.view]
        assert shown == wanted.with_(search=None).apply(app.index.events)
        assert "convict" in selected(app).sentence.lower()


async def test_a_failing_index_search_falls_back_to_memory(seeds_corpus):
    def broken(query: str, in_article: bool = False) -> set[str]:
        raise RuntimeError("database is locked")

    app = TimelineApp(seeds_corpus, search=broken)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("slash", *"convict")
        await app.workers.wait_for_complete()
        await pilot.pause()
        expected = sum("convict" in e.sentence.lower() for e in seeds_corpus.events)
        assert f"{expected} matches" in header(app)
        assert "Index search failed" in read_screen(app)
        assert app.is_running


async def test_mouse_wheel_scrolls_the_list(small_corpus):
    from textual import events

    app = TimelineApp(small_corpus)
    async with app.run_test(size=SIZE) as pilot:
        timeline = app.main.timeline
        first_row_before = read_screen(app).splitlines()[1]
        wheel = dict(widget=timeline, x=5, y=5, delta_x=0, delta_y=1, button=0)
        wheel |= dict(shift=False, meta=False, ctrl=False)
        timeline.post_message(events.MouseScrollDown(**wheel))
        await pilot.pause()
        assert timeline.top == 3
        assert read_screen(app).splitlines()[1] != first_row_before
        timeline.post_message(events.MouseScrollUp(**wheel))
        await pilot.pause()
        assert timeline.top == 0
