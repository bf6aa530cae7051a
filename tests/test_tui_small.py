"""An 80×24 terminal: the footer keeps Help and Quit, dialogs' hints fit, help scrolls."""

from __future__ import annotations

import pytest

from conftest import read_screen, until
from timeline.tui.app import TimelineApp
from timeline.tui.dialogs.help import HelpScreen
from timeline.tui.widgets.key_footer import fit_keys

SMALL = (80, 24)


def footer_line(app: TimelineApp) -> str:
    return read_screen(app).splitlines()[-1]


@pytest.mark.parametrize("width", [80, 64, 100, 160])
async def test_the_footer_keeps_help_and_quit_at_any_width(seeds_corpus, width):
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=(width, 24)) as pilot:
        assert await until(pilot, lambda: "? Help" in footer_line(app))
        line = footer_line(app)
        assert "q Quit" in line and "^p palette" in line
        if width >= 160:
            assert "v Grid" in line and "c Countries" in line
        await pilot.press("enter")  # the article screen's footer too
        assert await until(pilot, lambda: "? Help" in footer_line(app))
        assert "Esc Back" in footer_line(app)


def test_the_least_needed_keys_go_first():
    keys = [("next_year", 8), ("grid", 8), ("search", 10), ("help", 8), ("quit", 8)]
    assert fit_keys(keys, 100) == [0, 1, 2, 3, 4]
    assert fit_keys(keys, 34) == [0, 2, 3, 4]  # the grid goes first
    assert fit_keys(keys, 16) == [3, 4]


@pytest.mark.parametrize(
    "keys, hint",
    [
        (["a"], "ctrl+s saves · Esc discards"),
        (["e"], "Esc cancels"),
        (["c"], "Space ticks · Enter applies · x none · Esc cancels"),
        (["t"], "Space ticks · Enter applies · x none · Esc cancels"),
        (["y"], "Years with events"),
        (["A"], "Enter jumps · Esc closes"),
        (["v"], "Esc Back"),
    ],
)
async def test_dialog_hints_fit_at_80x24(seeds_corpus, keys, hint):
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press(*keys)
        assert await until(pilot, lambda: " ".join(read_screen(app).split()).count(hint) >= 1)


async def test_help_scrolls_with_j_k_and_pages_and_says_there_is_more(seeds_corpus):
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("question_mark")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        pane = help_screen.scroller
        assert await until(pilot, lambda: "↓ more" in read_screen(app))
        assert pane.scroll_y == 0 and pane.max_scroll_y > 10
        await pilot.press("j", "j", "j")
        assert pane.scroll_y == 3
        assert "↑↓ more" in help_screen.more
        await pilot.press("k")
        assert pane.scroll_y == 2
        await pilot.press("pagedown")
        assert pane.scroll_y > 10
        await pilot.press("down", "up", "pageup")
        assert pane.scroll_y == 2
        await pilot.press("G")
        assert pane.scroll_y == pane.max_scroll_y
        assert await until(pilot, lambda: "↑ more" in read_screen(app))
        assert "= other" in read_screen(app)  # the last line of the types' legend
        await pilot.press("g")
        assert pane.scroll_y == 0
        await pilot.press("escape")
        assert app.screen is app.main
