"""Regional groups in the browser: a member country's filter shows the group's events
"via ASEAN", the grid has a row per group, the country picker offers the groups."""

from __future__ import annotations

import pytest
from browser_text import detail, header

from conftest import read_screen
from timeline.filters import Filter, via_region
from timeline.tui.app import TimelineApp
from timeline.tui.dialogs.picker import Picker
from timeline.tui.screens.grid import GridScreen
from timeline.tui.state.index import EventIndex

SIZE = (120, 34)


@pytest.mark.parametrize(
    "countries",
    [{"Cambodia"}, {"ASEAN"}, {"Thailand", "Laos"}, {"European Union"}, {"Syria"}],
)
def test_views_by_country_agree_with_the_shared_filter(stories_corpus, countries):
    index = EventIndex(stories_corpus)
    wanted = Filter(countries=frozenset(countries))
    expected = [i for i, e in enumerate(index.events) if wanted.matches(e)]
    assert list(index.view(wanted)) == expected
    typed = wanted.with_(types=frozenset({"agreement"}), years=(2015, 2015))
    assert list(index.view(typed)) == [i for i, e in enumerate(index.events) if typed.matches(e)]


async def test_a_member_country_shows_the_groups_events_via_the_group(stories_corpus):
    app = TimelineApp(stories_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("S")  # every event, so each via row can be looked at
        app.main.filter_country("Cambodia")
        await pilot.pause()
        cambodia = frozenset({"Cambodia"})
        events = [app.index.events[i] for i in app.main.rows.view]
        via = [e for e in events if "Cambodia" not in e.countries]
        assert via and all(via_region(e, cambodia) == "ASEAN" for e in via)
        for event in via:
            app.main.select_event(event)
            await pilot.pause()
            timeline = app.main.timeline
            line = timeline.render_line(timeline.cursor_row - timeline.top).text
            assert "via ASEAN" in line
            assert "via ASEAN" in detail(app).splitlines()[0]
        direct = next(e for e in events if "Cambodia" in e.countries)
        app.main.select_event(direct)
        await pilot.pause()
        assert "via" not in detail(app).splitlines()[0]


async def test_the_grid_has_a_row_per_group_and_enter_filters_to_it(stories_corpus):
    app = TimelineApp(stories_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, GridScreen)
        rows = screen.table.countries
        assert rows[-2:] == ["ASEAN", "European Union"]  # the groups after the countries
        assert "ASEAN" in read_screen(app)
        screen.table.place(2015, "ASEAN")
        await pilot.press("enter")
        await pilot.pause()
        assert "country: ASEAN" in header(app) and "year: 2015" in header(app)
        shown = [app.index.events[i] for i in app.main.rows.events]
        expected = [e for e in stories_corpus.events if "ASEAN" in e.regions and e.year == 2015]
        assert sorted(e.id for e in shown) == sorted(e.id for e in expected)


async def test_the_country_picker_offers_the_groups(stories_corpus):
    app = TimelineApp(stories_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, Picker)
        values = [value for _label, value, _count in picker.options]
        assert "ASEAN" in values and "European Union" in values
        labels = [label for label, _value, _count in picker.options]
        assert "ASEAN (group)" in labels
        picker.dismiss(frozenset({"ASEAN"}))
        await pilot.pause()
        assert "country: ASEAN" in header(app)
        shown = [app.index.events[i] for i in app.main.rows.events]
        assert shown and all("ASEAN" in e.regions for e in shown)


def test_the_country_picker_counts_what_each_country_s_filter_shows(stories_corpus):
    from timeline.tui.state.annotations import Annotations
    from timeline.tui.state.browse import Browse

    browse = Browse(EventIndex(stories_corpus), Annotations())
    options = browse.country_options()
    assert any(label == "Vietnam" for label, _value, _n in options)
    for _label, value, count in options:  # a member's count includes its groups' events
        browse.show(Filter(countries=frozenset({value})))
        assert count == len(browse.rows.events), value
