"""How the main screen is drawn: never a stale line, fitted to the terminal, keys typed.

The list, the rail, the detail pane and the header hand their cached lines
straight to Textual's compositor and remember what they last drew (see
``timeline.tui.widgets.direct_lines``). These tests check what the terminal would
show against what each widget draws now, through every kind of change.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.strip import Strip

from conftest import read_screen
from timeline.query import parse
from timeline.tui.app import TimelineApp
from timeline.tui.widgets.detail import EventDetail
from timeline.tui.widgets.direct_lines import DirectLines
from timeline.tui.widgets.header import HeaderLine
from timeline.tui.widgets.search_bar import SearchBar
from timeline.tui.widgets.timeline_view import TimelineView
from timeline.tui.widgets.year_rail import YearRail

SIZE = (100, 30)


def assert_nothing_stale(app: TimelineApp, when: str) -> None:
    """Each drawn widget's lines, as the compositor gets them, are what it draws now."""
    for kind in (TimelineView, YearRail, EventDetail, HeaderLine):
        widget = app.main.query_one(kind)
        if not widget.display or not widget.size:
            continue
        width, height = widget.size
        shown = [strip.text for strip in widget.render_lines(Region(0, 0, width, height))]
        fresh = [widget.render_line(y).text for y in range(height)]
        assert shown == fresh, f"{kind.__name__} shows a stale line after {when}"


async def test_the_screen_never_shows_a_stale_line(small_corpus):
    app = TimelineApp(small_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert_nothing_stale(app, "start")
        steps = [
            ("j",),
            ("j", "j", "k"),
            ("right_square_bracket",),
            ("right_square_bracket", "left_square_bracket"),
            ("right_curly_bracket",),
            ("right_curly_bracket", "right_curly_bracket", "left_curly_bracket"),
            ("pagedown",),
            ("G",),
            ("g",),
            ("s",),  # star: the row and the detail pane change in place
            ("x",),
            ("slash", "a", "enter"),
            ("n", "n"),
            ("escape",),
        ]
        for keys in steps:
            await pilot.press(*keys)
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert_nothing_stale(app, " ".join(keys))
        app.theme = "textual-light"
        await pilot.pause()
        assert_nothing_stale(app, "a theme change")
        for size in ((80, 24), (120, 40), (60, 16), SIZE):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert_nothing_stale(app, f"a resize to {size}")
        app.theme = "textual-dark"
        await pilot.pause()
        assert_nothing_stale(app, "the theme changed back")
        rows = app.main.timeline
        shown = read_screen(app).splitlines()[1 : 1 + rows.size.height]
        assert [line[17:].rstrip() for line in shown] == [
            rows.render_line(y).text.rstrip() for y in range(rows.size.height)
        ]


async def test_the_list_fills_the_terminal_at_every_shape(seeds_corpus):
    """Rail and detail pane go when there is no room; the list takes the space they leave."""
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        for width, height, rail, detail in (
            (120, 40, True, True),
            (60, 16, False, False),  # narrow and short
            (50, 30, False, True),  # narrow
            (100, 16, True, False),  # short
        ):
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            main = app.main
            timeline = main.timeline
            assert main.query_one(YearRail).display is rail
            assert main.query_one(EventDetail).display is detail
            # Header and footer take a line each; the detail pane 8 when shown.
            assert timeline.size.height == height - 2 - (8 if detail else 0)
            assert timeline.size.width == width - (17 if rail else 0)
            screen = read_screen(app).splitlines()
            assert len(screen) == height
            assert screen[1].strip()  # the first row of the list, drawn


async def test_keys_are_typed_into_the_search_field_not_obeyed(seeds_corpus):
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = app.main.timeline.event
        await pilot.press("slash", *"j]}qx", "k", "n", "question_mark")
        await pilot.pause()
        bar = app.main.query_one(SearchBar)
        assert bar.value == "j]}qxkn?"
        assert app.is_running and len(app.screen_stack) == 1
        assert app.main.filters.countries == frozenset()  # } did not filter
        assert app.main.timeline.event is before  # j, k and n did not move it
        await pilot.press("escape")
        await pilot.press("j")
        assert app.main.timeline.event is not before  # the keys work again


async def test_a_long_query_scrolls_inside_the_search_field(seeds_corpus):
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=(60, 20)) as pilot:
        query = "trafficking" * 8 + "END"
        await pilot.press("slash", *query)
        await pilot.pause()
        bar = app.main.query_one(SearchBar)
        assert bar.value.endswith("END")
        assert any(line.rstrip(" ▎").endswith("END") for line in read_screen(app).splitlines())


class Padded(DirectLines):
    """A line widget that CSS gives padding: Textual's own path must draw it."""

    DEFAULT_CSS = "Padded { padding: 0 3; height: 2; background: red; }"

    def render_line(self, y: int) -> Strip:
        return Strip.blank(0).extend_cell_length(self.size.width) if y else _text("xy")


def _text(text: str) -> Strip:
    from rich.segment import Segment

    return Strip([Segment(text)], len(text))


class PaddedApp(App):
    def compose(self) -> ComposeResult:
        yield Padded()


async def test_a_line_widget_with_padding_still_gets_its_padding():
    app = PaddedApp()
    async with app.run_test(size=(20, 4)) as pilot:
        await pilot.pause()
        assert read_screen(app).splitlines()[0] == "   xy"


async def test_only_rows_that_match_the_whole_query_are_highlighted(seeds_corpus):
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("slash", *"tier", "space", *"cambodia")
        await app.workers.wait_for_complete()
        await pilot.pause()
        timeline = app.main.timeline
        match = timeline.get_component_rich_style("timeline--match", partial=True)
        lit, plain = [], []
        for y in range(timeline.size.height):
            row = timeline.top + y
            if row >= len(timeline.rows):
                break
            _group, position = timeline.rows.row(row)
            if position is None:
                continue
            index = timeline.rows.view[position]
            event = app.index.events[index]
            strip = timeline.render_line(y)
            highlighted = [s.text for s in strip if s.style and s.style.bgcolor == match.bgcolor]
            if app.index.matches(index, parse("tier cambodia*")):
                lit.append(highlighted)
            elif "Cambodia" in event.countries:
                plain.append(highlighted)
        assert lit and all(lit)  # every matching row is marked
        assert plain and not any(plain)  # Cambodia alone lights nothing up
