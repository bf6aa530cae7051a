"""Stars, notes and export in the browser, driven through Pilot."""

from __future__ import annotations

import csv
import io
import json

import pytest
from icalendar import Calendar

from conftest import palette as _palette
from conftest import read_screen, record_notices, until
from timeline.notes import NotesError, NotesStore
from timeline.tui.app import TimelineApp
from timeline.tui.dialogs.export_dialog import ExportDialog
from timeline.tui.dialogs.help import HelpScreen
from timeline.tui.dialogs.note_editor import NoteEditor
from timeline.tui.widgets.detail import EventDetail
from timeline.tui.widgets.header import HeaderLine

SIZE = (100, 30)


@pytest.fixture
def store(tmp_path):
    """A notes database of the test's own."""
    with NotesStore(tmp_path / "data" / "notes.db") as notes:
        yield notes


def fail_saving(monkeypatch, store: NotesStore) -> None:
    """Make every save fail the way a locked or read-only file does."""

    def fail(*args, **kwargs):
        raise NotesError(f"{store.path}: not saved (database is locked)")

    monkeypatch.setattr(store, "set_starred", fail)
    monkeypatch.setattr(store, "save_note", fail)


def header(app: TimelineApp) -> str:
    return app.main.query_one(HeaderLine).text


def detail(app: TimelineApp) -> str:
    pane = app.main.query_one(EventDetail)
    # Line 0 is the rule above the text.
    return "\n".join(pane.render_line(y).text for y in range(1, pane.size.height))


def timeline_rows(app: TimelineApp) -> list[str]:
    view = app.main.timeline
    return [view.render_line(y).text for y in range(view.size.height)]


def cursor_row(app: TimelineApp) -> str:
    view = app.main.timeline
    return view.render_line(view.cursor_row - view.top).text


# -- stars ----------------------------------------------------------------------------------


async def test_s_stars_and_unstars_the_selected_event(seeds_corpus, store):
    app = TimelineApp(seeds_corpus, notes=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "j")
        event = app.main.timeline.event
        assert "★" not in cursor_row(app)
        await pilot.press("s")
        assert "★" in cursor_row(app)  # shown at once, saved in the background
        assert detail(app).lstrip().startswith("★")
        assert await until(pilot, lambda: store.get(event) is not None)
        assert store.get(event).starred
        await pilot.press("s")
        assert "★" not in cursor_row(app) and "★" not in detail(app)
        assert await until(pilot, lambda: store.get(event) is None)
        assert sum("★" in row for row in timeline_rows(app)) == 0


async def test_stars_saved_before_are_shown_and_filter_with_asterisk(seeds_corpus, store):
    wanted = [seeds_corpus.events[3], seeds_corpus.events[9]]
    for event in wanted:
        store.star(event)
    app = TimelineApp(seeds_corpus, notes=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert sum("★" in row for row in timeline_rows(app)) == 2
        await pilot.press("asterisk")
        assert "starred or noted" in header(app)
        shown = [app.index.events[i] for i in app.main.rows.view]
        assert {e.id for e in shown} == {e.id for e in wanted}
        assert f"2/{len(seeds_corpus.events)} events" in header(app)
        # Unstarring in the starred view takes the event out of it.
        await pilot.press("s")
        assert len(app.main.rows.view) == 1
        await pilot.press("s")
        assert len(app.main.rows.view) == 0
        assert "No starred or noted events" in read_screen(app)
        await pilot.press("asterisk")
        assert "starred" not in header(app)
        assert len(app.main.rows.view) == len(seeds_corpus.events)


async def test_star_that_cannot_be_saved_is_a_notice(seeds_corpus, store, monkeypatch):
    app = TimelineApp(seeds_corpus, notes=store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        fail_saving(monkeypatch, store)
        await pilot.press("s")
        assert await until(pilot, lambda: "database is locked" in read_screen(app))
        assert "★" not in cursor_row(app)  # the star shown is taken back
        assert app.is_running


async def test_notes_file_warnings_are_notices(seeds_corpus, tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is not a database, it is garbage" * 100)
    with NotesStore(path) as damaged:
        app = TimelineApp(seeds_corpus, notes=damaged)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.pause()
            assert "damaged notes file" in read_screen(app)


async def test_without_a_store_stars_last_for_the_session(seeds_corpus):
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        assert "★" in cursor_row(app)


# -- notes ----------------------------------------------------------------------------------


async def test_a_writes_a_note_that_the_detail_pane_shows_and_the_store_keeps(seeds_corpus, store):
    app = TimelineApp(seeds_corpus, notes=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j")
        event = app.main.timeline.event
        await pilot.press("a")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"Check the [bold]ILO[/] figure", "enter", *"second line")
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not isinstance(app.screen, NoteEditor))
        text = detail(app)
        assert "Note: Check the [bold]ILO[/] figure" in text and "second line" in text
        assert store.get(event).note == "Check the [bold]ILO[/] figure\nsecond line"
        # The editor opens on the saved note; Esc changes nothing.
        await pilot.press("a")
        assert await until(pilot, lambda: isinstance(app.screen, NoteEditor))
        assert app.screen.value == "Check the [bold]ILO[/] figure\nsecond line"
        await pilot.press(*" more", "escape")
        assert store.get(event).note == "Check the [bold]ILO[/] figure\nsecond line"
        # An emptied note is deleted.
        await pilot.press("a")
        assert await until(pilot, lambda: isinstance(app.screen, NoteEditor))
        app.screen.query_one("#note-text").clear()
        await pilot.click("#note-save")
        assert await until(pilot, lambda: store.get(event) is None)
        assert "Note:" not in detail(app)


async def test_a_note_that_cannot_be_saved_is_a_notice(seeds_corpus, store, monkeypatch):
    app = TimelineApp(seeds_corpus, notes=store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("a", *"lost")
        fail_saving(monkeypatch, store)
        await pilot.press("ctrl+s")
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        assert await until(pilot, lambda: "database is locked" in editor.status)
        # The editor stays open with the text and the reason, until saved or discarded.
        assert app.screen is editor and editor.value == "lost"
        assert await until(pilot, lambda: "tries again" in read_screen(app))
        assert "Note:" not in detail(app)
        assert app.is_running


async def test_keys_on_an_empty_view_do_nothing_harmful(empty_corpus, store):
    app = TimelineApp(empty_corpus, notes=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s", "a", "e", "asterisk", "asterisk")
        assert app.screen is app.main
        assert store.all() == []


# -- export ---------------------------------------------------------------------------------


def _parse(fmt: str, text: str) -> int:
    """How many events an export holds, reading it as its readers would."""
    if fmt == "json":
        return len(json.loads(text)["events"])
    if fmt == "csv":
        return len(list(csv.DictReader(io.StringIO(text, newline=""))))
    if fmt == "ics":
        return len(Calendar.from_ical(text).walk("VEVENT"))
    if fmt == "timelinejs":
        return len(json.loads(text)["events"])
    return sum(1 for line in text.splitlines() if line.startswith("- "))


async def test_e_exports_the_filtered_view_as_csv(seeds_corpus, store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = TimelineApp(seeds_corpus, notes=store)
    notices = record_notices(app)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("s")
        starred = app.main.timeline.event
        await pilot.press("a", *'a note, with "quotes"', "enter", *"and lines", "ctrl+s")
        await pilot.press("right_curly_bracket")  # one country
        shown = [app.index.events[i] for i in app.main.rows.view]
        await pilot.press("e")
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("down", "enter")  # the second format: CSV
        assert app.screen.query_one("#export-file").value == "timeline-export.csv"
        await pilot.click("#export-ok")
        await app.workers.wait_for_complete()  # the file is written in a thread
        await pilot.pause()
        assert not isinstance(app.screen, ExportDialog)
        path = tmp_path / "timeline-export.csv"
        assert f"wrote {len(shown)} events to {path}" in notices
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["id"] for row in rows] == [e.id for e in shown]
    mine = next(row for row in rows if row["id"] == starred.id)
    assert mine["starred"] == "true"
    assert mine["note"] == 'a note, with "quotes"\nand lines'


@pytest.mark.parametrize("fmt", ["json", "csv", "ics", "timelinejs", "markdown"])
async def test_every_format_exports_and_parses(seeds_corpus, tmp_path, monkeypatch, fmt):
    monkeypatch.chdir(tmp_path)
    app = TimelineApp(seeds_corpus)
    notices = record_notices(app)
    dated = sum(1 for e in seeds_corpus.events if e.date)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("e")
        dialog = app.screen
        dialog.choose(fmt)
        dialog.query_one("#export-file").focus()
        await pilot.pause()
        await pilot.press("enter")
        await app.workers.wait_for_complete()  # the file is written in a thread
        await pilot.pause()
        files = list(tmp_path.iterdir())
        assert len(files) == 1
        text = files[0].read_text(encoding="utf-8")
        wanted = dated if fmt in ("ics", "timelinejs") else len(seeds_corpus.events)
        assert _parse(fmt, text) == wanted
        if wanted < len(seeds_corpus.events):
            assert "undated event left out" in notices[-1]


async def test_export_error_is_shown_and_the_dialog_stays(seeds_corpus, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = TimelineApp(seeds_corpus)
    notices = record_notices(app)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("e")
        field = app.screen.query_one("#export-file")
        field.value = str(tmp_path / "no-such-folder" / "out.json")
        field.focus()
        await pilot.pause()
        await pilot.press("enter")
        await app.workers.wait_for_complete()  # the file is written in a thread
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        error = str(app.screen.query_one("#export-error").content)
        assert error.startswith("Not written: ") and "\n" not in error
        assert notices[-1] == error
        field.value = str(tmp_path)  # a folder
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        assert "is a folder" in str(app.screen.query_one("#export-error").content)
        field.value = "fixed.json"
        await pilot.press("enter")
        await app.workers.wait_for_complete()  # the file is written in a thread
        await pilot.pause()
        assert not isinstance(app.screen, ExportDialog)
        assert (tmp_path / "fixed.json").exists()
        await pilot.press("e", "escape")
        assert app.screen is app.main


# -- palette and help --------------------------------------------------------------------------


async def test_palette_entries_for_stars_notes_and_export(seeds_corpus, store):
    app = TimelineApp(seeds_corpus, notes=store)
    async with app.run_test(size=SIZE) as pilot:
        await _palette(pilot, "Star or unstar")
        assert store.get(app.main.timeline.event).starred
        await _palette(pilot, "Show only starred")
        assert "starred" in header(app)
        await _palette(pilot, "Edit note")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press("escape")
        await _palette(pilot, "Export")
        assert isinstance(app.screen, ExportDialog)


async def test_help_lists_the_new_keys(seeds_corpus):
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=(100, 80)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = read_screen(app)
        for words in ("Star or unstar", "Write a note", "Only starred", "Export the events"):
            assert words in text


# -- notes in the list ------------------------------------------------------------------------


async def test_a_noted_event_is_marked_in_its_row_in_a_column_of_its_own(seeds_corpus, store):
    noted, starred = seeds_corpus.events[2], seeds_corpus.events[4]
    store.set_note(noted, "why \x1b[31mthis\x1b[0m")
    store.star(starred)
    app = TimelineApp(seeds_corpus, notes=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        rows = {app.index.events[i].id: i for i in app.main.rows.view}
        view = app.main.timeline
        lines = [view.render_line(y).text for y in range(view.size.height)]
        marked = [line for line in lines if "✎" in line]
        assert len(marked) == 1 and noted.summary[:20] in marked[0]
        starred_line = next(line for line in lines if "★" in line)
        # the marks take the same two cells on every row: summaries stay aligned
        assert marked[0].index("✎") == starred_line.index("★") + 1
        other = next(e for e in seeds_corpus.events if e not in (noted, starred) and e.date)
        plain = next(line for line in lines if other.summary[:20] in line)
        at = starred_line.index("★")
        assert plain[at : at + 3] == "   " and plain.index(other.summary[:20]) == at + 3
        assert all("\x1b" not in line for line in lines)
        assert rows


async def test_asterisk_shows_starred_and_noted_events(seeds_corpus, store):
    noted, starred = seeds_corpus.events[2], seeds_corpus.events[4]
    store.set_note(noted, "a note")
    store.star(starred)
    app = TimelineApp(seeds_corpus, notes=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("asterisk")
        shown = {app.index.events[i].id for i in app.main.rows.view}
        assert shown == {noted.id, starred.id}
        assert "starred or noted" in header(app)


async def test_A_lists_every_starred_and_noted_event_and_enter_jumps(seeds_corpus, store):
    from timeline.tui.dialogs.notes_list import NotesList

    events = sorted(seeds_corpus.events, key=lambda e: e.sort_key)
    noted, starred = events[-1], events[3]
    store.set_note(noted, "first line of the note\nsecond line")
    store.star(starred)
    app = TimelineApp(seeds_corpus, notes=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x", "right_curly_bracket")  # a filter that hides the undated one
        await pilot.press("A")
        assert isinstance(app.screen, NotesList)
        text = read_screen(app)
        assert "Starred and noted events (2)" in text
        assert "first line of the note" in text and "second line" not in text
        assert noted.display_date() in text or "Undated" in text or "—" in text
        await pilot.press("down", "enter")
        assert app.screen is app.main
        assert app.main.timeline.event.id == noted.id
        await pilot.press("A", "enter")
        assert app.main.timeline.event.id == starred.id
        await _palette(pilot, "List starred")
        assert isinstance(app.screen, NotesList)
