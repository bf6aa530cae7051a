"""Pickers: keys typed in one burst are never lost; boxes visible on any theme; both names."""

from __future__ import annotations

from textual import events

from conftest import color_distance, read_screen
from timeline.model import TYPES
from timeline.tui.app import TimelineApp
from timeline.tui.dialogs.help import HelpScreen
from timeline.tui.dialogs.picker import Picker
from timeline.tui.widgets.header import HeaderLine

SIZE = (100, 30)

_CHARS = {"space": " ", "enter": "\r", "down": None, "up": None}


async def burst(app: TimelineApp, pilot, *keys: str) -> None:
    """Send ``keys`` the way a terminal does when they are typed quickly: all at once,
    none waiting for the one before to be handled; then let the app handle them all."""
    for key in keys:
        app._driver.send_message(events.Key(key, _CHARS.get(key, key)))
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def header(app: TimelineApp) -> str:
    return app.main.query_one(HeaderLine).text


async def test_keys_typed_quickly_into_the_country_picker_all_count(seeds_corpus):
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        countries = app.index.countries
        await burst(app, pilot, "c", "down", "down", "space", "enter")
        assert app.screen is app.main
        assert f"country: {countries[2]}" in header(app)
        await pilot.press("x")
        await pilot.press("c", "down", "down", "space", "enter")  # the same through Pilot
        assert f"country: {countries[2]}" in header(app)


async def test_keys_typed_quickly_into_the_type_picker_all_count(seeds_corpus):
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        kinds = [value for _label, value, _count in app.main.browse.type_options()]
        await burst(app, pilot, "t", "down", "down", "space", "up", "space", "enter")
        assert app.screen is app.main
        shown = {app.index.events[i].type for i in app.main.rows.view}
        assert shown == {kinds[1], kinds[2]}


def _box_styles(picker: Picker):
    choices = picker.query_one("#choices")
    styles = {}
    for name in ("selection-list--button", "selection-list--button-selected"):
        style = choices.get_component_rich_style(name)
        styles[name] = (style.color.get_truecolor(), style.bgcolor.get_truecolor())
    return styles, choices.rich_style.bgcolor.get_truecolor()


async def test_unticked_boxes_are_visible_on_dark_and_light_themes(seeds_corpus):
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=SIZE) as pilot:
        for theme in ("textual-dark", "textual-light"):
            app.theme = theme
            await pilot.press("c")
            assert isinstance(app.screen, Picker)
            styles, panel = _box_styles(app.screen)
            _mark, box = styles["selection-list--button"]
            assert color_distance(box, panel) >= 60, (theme, box, panel)  # an empty box shows
            ticked, _ = styles["selection-list--button-selected"]
            assert color_distance(ticked, box) >= 100, (theme, ticked, box)  # and a tick in it
            await pilot.press("escape")


async def test_the_type_picker_and_the_help_name_each_type_both_ways(seeds_corpus):
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=(100, 60)) as pilot:
        await pilot.press("t")
        text = read_screen(app)
        for kind in TYPES:
            if kind.name in app.index.types:
                assert f"{kind.label}" in text and f"= {kind.name}" in text
        await pilot.press("escape", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("G")
        text = read_screen(app)
        assert "Event types" in text
        for kind in TYPES:
            line = next(line for line in text.splitlines() if f"= {kind.name} " in line)
            assert kind.label in line
