"""Issue 11 in the browser: no note or star is lost or silently overwritten, and no save
freezes a key.

Races are run against another process writing the same notes file (a
``python -c`` child with its own :class:`~timeline.notes.NotesStore`), locks
against a second SQLite connection holding the write lock.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import read_screen, record_notices, until
from timeline.model import Event
from timeline.notes import NotesError, NotesStore
from timeline.tui.app import TimelineApp
from timeline.tui.dialogs.note_editor import MERGE_RULE, NoteEditor
from timeline.tui.widgets.detail import EventDetail

ROOT = Path(__file__).resolve().parent.parent
SIZE = (100, 30)

#: What the other process runs: open the notes file, change one event, close.
OTHER = """
import json, sys
from timeline.model import Event
from timeline.notes import NotesStore
path, fields, what, value = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3], sys.argv[4]
event = Event(**{k: tuple(v) if isinstance(v, list) else v for k, v in fields.items()})
with NotesStore(path) as store:
    if what == "note":
        store.set_note(event, value)
    else:
        store.set_starred(event, value == "1")
"""


def other_process(path: Path, event: Event, what: str, value: str) -> None:
    """Another program writes the same notes file (and has finished when this returns)."""
    fields = {
        k: getattr(event, k)
        for k in ("id", "date", "precision", "approximate", "type", "countries", "summary")
        + ("article", "sentence", "start", "end")
    }
    subprocess.run(
        [sys.executable, "-c", OTHER, str(path), json.dumps(fields), what, value],
        check=True,
        cwd=ROOT,
        timeout=120,
    )


@pytest.fixture
def notes_path(tmp_path) -> Path:
    return tmp_path / "data" / "notes.db"


@pytest.fixture
def store(notes_path):
    with NotesStore(notes_path) as notes:
        yield notes


def detail(app: TimelineApp) -> str:
    pane = app.main.query_one(EventDetail)
    return "\n".join(pane.render_line(y).text for y in range(1, pane.size.height))


def cursor_row(app: TimelineApp) -> str:
    view = app.main.timeline
    return view.render_line(view.cursor_row - view.top).text


async def open_editor(app: TimelineApp, pilot) -> NoteEditor:
    await pilot.press("a")
    assert await until(pilot, lambda: isinstance(app.screen, NoteEditor))
    return app.screen


# -- a note that cannot be saved stays in the editor ---------------------------------------------


@pytest.mark.parametrize(
    "why", ["attempt to write a readonly database", "database or disk is full"]
)
async def test_a_note_that_cannot_be_saved_stays_with_the_reason_until_saved(
    seeds_corpus, store, monkeypatch, why
):
    app = TimelineApp(seeds_corpus, notes=store)
    async with app.run_test(size=SIZE) as pilot:
        event = app.main.timeline.event
        editor = await open_editor(app, pilot)
        await pilot.press(*"keep me")
        real = store.save_note

        def fail(*args, **kwargs):
            raise NotesError(f"{store.path}: not saved ({why})")

        monkeypatch.setattr(store, "save_note", fail)
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: why in editor.status)
        assert app.screen is editor and editor.value == "keep me"
        monkeypatch.setattr(store, "save_note", real)  # the disk has room again
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: app.screen is app.main)
        assert store.get(event).note == "keep me"
        assert "Note: keep me" in detail(app)


async def test_removing_the_data_folder_fails_loudly_and_keeps_the_note(
    seeds_corpus, store, notes_path
):
    app = TimelineApp(seeds_corpus, notes=store)
    async with app.run_test(size=SIZE) as pilot:
        event = app.main.timeline.event
        editor = await open_editor(app, pilot)
        await pilot.press(*"written after the folder went")
        shutil.rmtree(notes_path.parent)
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: "removed while in use" in editor.status)
        assert app.screen is editor and editor.value == "written after the folder went"
        assert not notes_path.exists()
        await pilot.press("ctrl+s")  # again: a new notes file
        assert await until(pilot, lambda: app.screen is app.main)
        assert notes_path.exists()
        assert store.get(event).note == "written after the folder went"


# -- two browsers -------------------------------------------------------------------------------


async def test_a_save_over_a_change_it_has_not_seen_is_a_conflict_showing_both(
    seeds_corpus, store, notes_path
):
    app = TimelineApp(seeds_corpus, notes=store)
    async with app.run_test(size=SIZE) as pilot:
        event = app.main.timeline.event
        editor = await open_editor(app, pilot)
        await pilot.press(*"mine")
        other_process(notes_path, event, "note", "theirs, saved first")
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: editor.conflict is not None)
        assert app.screen is editor and editor.value == "mine"
        assert store.get(event).note == "theirs, saved first"  # nothing overwritten
        screen = read_screen(app)
        assert "theirs, saved first" in screen and "mine" in screen
        assert "Keep mine" in screen and "Merge both" in screen
        # The detail pane shows what the store holds now.
        assert "theirs, saved first" in detail(app)
        editor.merge()
        await pilot.pause()
        assert editor.value == f"mine\n\n{MERGE_RULE}\ntheirs, saved first"
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: app.screen is app.main)
        assert store.get(event).note == f"mine\n\n{MERGE_RULE}\ntheirs, saved first"


async def test_keep_mine_replaces_the_stored_note_once_seen(seeds_corpus, store, notes_path):
    app = TimelineApp(seeds_corpus, notes=store)
    async with app.run_test(size=SIZE) as pilot:
        event = app.main.timeline.event
        editor = await open_editor(app, pilot)
        await pilot.press(*"mine")
        other_process(notes_path, event, "note", "theirs")
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: editor.conflict is not None)
        await pilot.click("#note-mine")
        assert await until(pilot, lambda: app.screen is app.main)
        assert store.get(event).note == "mine"


async def test_s_sets_the_star_the_user_sees_whatever_another_browser_did(
    seeds_corpus, store, notes_path
):
    first, second = seeds_corpus.events[0], seeds_corpus.events[1]
    store.star(second)
    app = TimelineApp(seeds_corpus, notes=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        event = app.main.timeline.event
        assert "★" not in cursor_row(app)
        other_process(notes_path, event, "star", "1")  # starred elsewhere, not seen here
        await pilot.press("s")  # shown unstarred: the user asks for a star
        assert await until(pilot, lambda: not app.main.annotator.busy)
        assert store.get(event).starred  # a toggle would have taken it away
        assert "★" in cursor_row(app)
        assert app.main.select_event(second) is None and app.main.timeline.event.id == second.id
        assert await until(pilot, lambda: not app.main.annotator.busy)
        assert "★" in cursor_row(app)
        other_process(notes_path, second, "star", "0")
        await pilot.press("s")  # shown starred: the user asks for no star
        assert await until(pilot, lambda: not app.main.annotator.busy)
        assert store.get(second) is None
        assert "★" not in cursor_row(app)
        assert first.id == event.id


async def test_selecting_an_event_shows_what_another_browser_saved(seeds_corpus, store, notes_path):
    app = TimelineApp(seeds_corpus, notes=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        later = app.index.events[app.main.rows.view[1]]
        other_process(notes_path, later, "note", "written in the other browser")
        assert "written in the other browser" not in detail(app)
        await pilot.press("j")
        assert await until(pilot, lambda: "written in the other browser" in detail(app))
        assert "✎" in cursor_row(app)


# -- locks --------------------------------------------------------------------------------------


def stored_rows(path: Path) -> int:
    """How many stars and notes the file holds, read by a connection of its own."""
    reader = sqlite3.connect(path)
    try:
        return reader.execute("SELECT count(*) FROM notes").fetchone()[0]
    finally:
        reader.close()


def hold_write_lock(path: Path) -> sqlite3.Connection:
    """Another connection takes the notes file's write lock and keeps it."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    return other


async def test_a_write_lock_held_elsewhere_never_freezes_the_keys(seeds_corpus, notes_path):
    with NotesStore(notes_path, busy_timeout=30.0) as store:
        app = TimelineApp(seeds_corpus, notes=store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            event = app.main.timeline.event
            other = hold_write_lock(notes_path)
            try:
                await pilot.press("s")
                assert "★" in cursor_row(app)
                # The save waits for the lock in its thread; the keys go on meanwhile.
                await pilot.press("j", "j", "k", "question_mark", "escape", "j")
                assert app.main.timeline.cursor == 2
                assert app.main.annotator.busy
                assert stored_rows(notes_path) == 0  # (the store itself waits on its saver)
            finally:
                other.execute("COMMIT")
                other.close()
            assert await until(pilot, lambda: not app.main.annotator.busy)
            assert store.get(event).starred


async def test_a_lock_that_outlasts_the_wait_is_a_notice_and_the_note_stays(
    seeds_corpus, store, notes_path
):
    app = TimelineApp(seeds_corpus, notes=store)
    notices = record_notices(app)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        event = app.main.timeline.event
        other = hold_write_lock(notes_path)
        try:
            await pilot.press("s")
            assert await until(pilot, lambda: any("locked" in n for n in notices))
            assert "★" not in cursor_row(app)  # not saved, so not shown
            editor = await open_editor(app, pilot)
            await pilot.press(*"while locked")
            await pilot.press("ctrl+s")
            assert await until(pilot, lambda: "locked by another process" in editor.status)
            assert app.screen is editor and editor.value == "while locked"
        finally:
            other.execute("COMMIT")
            other.close()
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: app.screen is app.main)
        assert store.get(event).note == "while locked"


# -- q leaves, whatever is running ---------------------------------------------------------------

#: The real way out (``run_app``) with a loader that never returns and a save waiting (ten
#: minutes) on a lock held by the test; the program must still end when q is pressed.
BLOCKED = """
import sys, threading
from timeline.model import Corpus
from timeline.notes import NotesStore
from timeline.pipeline import load_corpus
from timeline.tui.app import TimelineApp, run_app

corpus = load_corpus(None)
never = threading.Event()

def source(*, warn, progress, on_batch, cancel):
    on_batch(corpus.articles, corpus.events)
    never.wait()  # deaf to cancel: a loader stuck in a read

async def keys(pilot):
    for _ in range(1000):
        if pilot.app.main.rows.view:
            break
        await pilot.pause(0.01)
    await pilot.press("s", "j", "q")

# A save that would wait ten minutes for the lock, which the test takes once this is open.
notes = NotesStore(sys.argv[1], busy_timeout=600)
print("open", flush=True)
sys.stdin.readline()
app = TimelineApp(Corpus("blocked", [], []), source=source, notes=notes)
code = run_app(app, headless=True, auto_pilot=keys, size=(100, 30))
print("exited", code, flush=True)
"""


@pytest.mark.slow
def test_q_ends_the_program_while_a_loader_blocks_and_a_save_waits(notes_path):
    NotesStore(notes_path).close()
    child = subprocess.Popen(
        [sys.executable, "-c", BLOCKED, str(notes_path)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    other = None
    try:
        assert child.stdout.readline().strip() == "open"
        other = hold_write_lock(notes_path)
        # the timeout only makes a hang fail the test instead of stopping the run
        out, err = child.communicate("go\n", timeout=120)
    finally:
        child.kill()
        if other is not None:
            other.execute("COMMIT")
            other.close()
    assert child.returncode == 0, err[-2000:]
    assert "exited 0" in out


async def test_q_leaves_the_app_while_the_loader_blocks(seeds_corpus):
    import threading

    never = threading.Event()

    def source(*, warn, progress, on_batch, cancel):
        on_batch(seeds_corpus.articles, seeds_corpus.events)
        never.wait()  # deaf to cancel

    app = TimelineApp(seeds_corpus.__class__("blocked", [], []), source=source)
    try:
        async with app.run_test(size=SIZE) as pilot:
            assert await until(pilot, lambda: bool(app.main.rows.view))
            await pilot.press("q")
            assert await until(pilot, lambda: not app.is_running)
        assert app.return_code == 0
        assert app.loader is not None and app.loader.thread.is_alive()  # left behind, a daemon
    finally:
        never.set()
