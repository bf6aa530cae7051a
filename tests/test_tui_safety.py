"""Article text is data: markup shows literally, escapes never reach the terminal;
small terminals and odd corpora do not crash the browser."""

from __future__ import annotations

import pytest

from conftest import read_screen
from timeline.textclean import CleanMap, clean_line, clean_text
from timeline.tui.app import TimelineApp
from timeline.tui.screens.article import ArticleScreen


def _all_text(app) -> str:
    strips = app.screen._compositor.render_strips()
    return "".join(segment.text for strip in strips for segment in strip)


async def test_markup_shows_literally_and_runs_nothing(hostile_corpus):
    app = TimelineApp(hostile_corpus)
    async with app.run_test(size=(120, 30)) as pilot:
        text = read_screen(app)
        assert "[@click=app.quit]The [bold]task force[/bold] met red" in text
        assert "[bold]Loud[/bold] headline [@click=app.quit]quit[/]" in text
        assert "[b]hostile[/b]" in text
        # Clicking every cell of the row with the markup, then opening it, quits nothing.
        timeline = app.main.timeline
        for x in range(0, timeline.size.width, 7):
            await pilot.click(timeline, offset=(x, timeline.rows.row_of(0)))
            if isinstance(app.screen, ArticleScreen):
                await pilot.press("escape")
        await pilot.press("enter")
        assert isinstance(app.screen, ArticleScreen)
        article = read_screen(app)
        assert "[link=https://example.com]task force[/link]" in article
        assert "[red]markup[/red]" in article
        for x in range(0, 100, 5):
            await pilot.click(offset=(x, 5))
        assert app.is_running
        await pilot.press("escape")
        assert app.is_running


async def test_escape_sequences_and_controls_never_reach_the_screen(hostile_corpus):
    app = TimelineApp(hostile_corpus)
    async with app.run_test(size=(120, 30)) as pilot:
        screens = [_all_text(app)]
        await pilot.press("enter")
        screens.append(_all_text(app))
        await pilot.press("escape", "v")
        screens.append(_all_text(app))
        for shown in screens:
            assert "\x1b" not in shown and "\x07" not in shown and "\x9b" not in shown
            assert "pwned" not in shown
        assert "officials in Cambodia." in screens[1]
        assert "met red officials" in screens[1]


def test_cleaner_removes_sequences_and_keeps_offsets():
    text = (
        "a\x1b[31mred\x1b[0m b\x1b]8;;http://x\x07link\x1b]8;;\x07 "
        "c\x07d\x1b]0;t\x1b\\e\r\nf\x9b2Jg"
    )
    assert clean_text(text) == "ared blink cde\nfg"
    cleaned = CleanMap.build(text)
    assert cleaned.text == clean_text(text)
    for word in ("red", "link", "g"):
        start = text.index(word)
        a, b = cleaned.span(start, start + len(word))
        assert cleaned.text[a:b] == word
    assert clean_line("  a\n\n b\tc\u202e ") == "a b c"


@pytest.mark.parametrize("size", [(40, 12), (41, 13), (55, 15), (63, 17), (80, 24), (200, 60)])
async def test_every_screen_survives_small_and_large_terminals(seeds_corpus, size):
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.resize_terminal(*size)
        await pilot.pause()
        assert read_screen(app).strip()
        for keys in (("j", "]", "}"), ("enter", "n"), ("escape", "v", "right"), ("escape",)):
            await pilot.press(*keys)
            await pilot.resize_terminal(size[0] + 1, size[1] + 1)
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert read_screen(app).strip()
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.press("escape", "slash", "a")
        await pilot.pause()
        assert app.is_running


async def test_shrinking_step_by_step_to_40_by_12(small_corpus):
    app = TimelineApp(small_corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        for width, height in zip(range(120, 39, -8), range(40, 11, -3), strict=False):
            await pilot.resize_terminal(width, height)
            await pilot.pause()
        await pilot.resize_terminal(40, 12)
        await pilot.press("escape")
        await pilot.pause()
        text = read_screen(app)
        assert len(text.splitlines()) == 12
        assert app.is_running
