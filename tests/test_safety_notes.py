"""Stars and notes with two writers, a lock held elsewhere and a removed data folder (issue 11).

A save never overwrites a change it has not seen (versions), ``s`` sets the state
the user sees (never a toggle), another process's write lock costs a quarter of a
second and a clear "locked" error rather than a frozen browser, and a save into a
notes file that was removed fails loudly.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from timeline.model import Event
from timeline.notes import NoteConflict, NotesError, NotesGone, NotesLocked, NotesStore

ROOT = Path(__file__).resolve().parent.parent
SENTENCE = "Cambodia launched a national task force in 2007."


def make_event(sentence: str = SENTENCE, article: str = "a.txt") -> Event:
    return Event(
        "e1", "2007", "year", False, "task_force", ("Cambodia",), "Task force", article,
        sentence, 0, len(sentence),
    )  # fmt: skip


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "notes.db"


# --- versions, in one process ---------------------------------------------------------------


def test_load_gives_a_version_and_a_save_over_it_moves_it_on(db):
    event = make_event()
    with NotesStore(db) as store:
        empty = store.load(event)
        assert (empty.starred, empty.note, empty.version) == (False, None, 0)
        saved = store.save_note(event, "first", empty.version)
        assert saved.note == "first" and saved.version > 0
        again = store.save_note(event, "second", saved.version)
        assert again.version > saved.version
        assert store.load(event).note == "second" and store.load(event).version == again.version


def test_a_save_over_a_version_it_has_not_seen_is_a_conflict_holding_both(db):
    event = make_event()
    with NotesStore(db) as a, NotesStore(db) as b:
        seen_by_b = b.load(event)
        a.save_note(event, "A's note", a.load(event).version)
        with pytest.raises(NoteConflict) as conflict:
            b.save_note(event, "B's note", seen_by_b.version)
        assert conflict.value.current.note == "A's note"
        assert conflict.value.mine == "B's note"
        assert isinstance(conflict.value, NotesError)
        assert a.load(event).note == "A's note"  # nothing overwritten
        # B saw both and keeps its own: a save over the version it was shown
        b.save_note(event, "B's note", conflict.value.current.version)
        assert a.load(event).note == "B's note"


def test_a_deleted_note_and_a_new_one_never_share_a_version(db):
    event = make_event()
    with NotesStore(db) as a, NotesStore(db) as b:
        first = a.save_note(event, "x", 0)
        seen = b.load(event)
        assert seen.version == first.version
        a.save_note(event, "", first.version)  # deleted
        a.save_note(event, "y", 0)  # and written again
        with pytest.raises(NoteConflict):
            b.save_note(event, "z", seen.version)


def test_a_star_is_set_to_the_state_asked_for(db):
    event = make_event()
    with NotesStore(db) as a, NotesStore(db) as b:
        a.set_starred(event, True)
        b.set_starred(event, True)  # B's screen showed no star: B wants one
        assert a.load(event).starred
        a.save_note(event, "kept", a.load(event).version)
        b.set_starred(event, False)
        assert a.load(event).note == "kept" and not a.load(event).starred


def test_a_schema_1_notes_file_gets_versions_and_keeps_its_notes(db):
    db.parent.mkdir(parents=True)
    conn = sqlite3.connect(db)
    conn.execute(
        "CREATE TABLE notes (key TEXT NOT NULL, date TEXT NOT NULL DEFAULT '', article TEXT "
        "NOT NULL, sentence TEXT NOT NULL, summary TEXT NOT NULL DEFAULT '', starred INTEGER "
        "NOT NULL DEFAULT 0, note TEXT, updated TEXT NOT NULL, PRIMARY KEY (key, date))"
    )
    from timeline.notes import event_key

    event = make_event()
    conn.execute(
        "INSERT INTO notes VALUES (?, '2007', 'a.txt', ?, 's', 1, 'old note', 't')",
        (event_key("a.txt", SENTENCE), SENTENCE),
    )
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with NotesStore(db) as store:
        info = store.load(event)
        assert info.note == "old note" and info.starred and info.version > 0
        assert store.save_note(event, "new", info.version).version > info.version


# --- two processes --------------------------------------------------------------------------

_CHILD = textwrap.dedent(
    """
    import json, sys
    from timeline.model import Event
    from timeline.notes import NoteConflict, NotesStore

    sentence = "Cambodia launched a national task force in 2007."
    event = Event("e1", "2007", "year", False, "task_force", ("Cambodia",), "Task force",
                  "a.txt", sentence, 0, len(sentence))
    store = NotesStore(sys.argv[1])
    what = sys.argv[2]
    shown = store.load(event)                  # what this browser shows
    print("loaded", flush=True)
    sys.stdin.readline()                       # the user types meanwhile
    try:
        if what == "note":
            store.save_note(event, "B's note", shown.version)
            print(json.dumps({"saved": True}))
        else:
            # the user presses s on an event shown unstarred: a star is what they want
            store.set_starred(event, not shown.starred)
            print(json.dumps({"saved": True}))
    except NoteConflict as conflict:
        print(json.dumps({"conflict": conflict.current.note, "mine": conflict.mine}))
    """
)


def _browser_b(db: Path, what: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(db), what],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdout.readline().strip() == "loaded"
    return child


def test_two_processes_a_note_saved_in_between_is_not_overwritten(db):
    event = make_event()
    with NotesStore(db) as a:
        a.load(event)
        child = _browser_b(db, "note")  # B opened the editor on the empty note
        a.save_note(event, "A's note", 0)  # A saves first
        out, _ = child.communicate("\n", timeout=60)
        assert json.loads(out) == {"conflict": "A's note", "mine": "B's note"}
        assert a.load(event).note == "A's note"


def test_two_processes_a_star_set_in_between_is_not_removed(db):
    event = make_event()
    with NotesStore(db) as a:
        child = _browser_b(db, "star")  # B shows the event unstarred
        a.set_starred(event, True)  # A stars it
        out, _ = child.communicate("\n", timeout=60)  # B presses s: it wants a star
        assert json.loads(out) == {"saved": True}
        assert a.load(event).starred  # A's star stays (a toggle removed it)


_LOCKER = textwrap.dedent(
    """
    import sqlite3, sys, time
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    print("locked", flush=True)
    time.sleep(30)
    """
)


def test_a_write_lock_held_elsewhere_fails_fast_with_a_clear_error(db):
    event = make_event()
    with NotesStore(db) as store:
        store.set_starred(event, True)
        locker = subprocess.Popen(
            [sys.executable, "-c", _LOCKER, str(db)], stdout=subprocess.PIPE, text=True
        )
        try:
            assert locker.stdout.readline().strip() == "locked"
            started = time.monotonic()
            with pytest.raises(NotesLocked, match="locked by another process"):
                store.set_starred(event, False)
            assert time.monotonic() - started < 1.5
            with pytest.raises(NotesLocked):
                store.save_note(event, "later", store.load(event).version)
            assert store.load(event).starred  # reading is never blocked, nothing changed
        finally:
            locker.kill()
            locker.wait()
        assert not store.set_starred(event, False).starred  # retried once the lock is gone


# --- a removed data folder ------------------------------------------------------------------


def test_a_save_after_the_data_folder_was_removed_fails_loudly(db):
    event = make_event()
    store = NotesStore(db)
    store.set_starred(event, True)
    shutil.rmtree(db.parent)
    with pytest.raises(NotesGone, match="removed"):
        store.save_note(event, "would be lost", store.load(event).version)
    with pytest.raises(NotesGone):
        store.set_starred(event, False)
    assert not db.exists()
    store.reopen()  # a new file at the path, on the user's say-so
    store.save_note(event, "saved now", 0)
    store.close()
    with NotesStore(db) as again:
        assert again.load(event).note == "saved now"


def test_a_notes_file_replaced_under_the_store_is_not_written_through(db):
    event = make_event()
    with NotesStore(db) as store:
        store.set_starred(event, True)
        os.replace(db, db.with_name("moved.db"))
        with NotesStore(db) as other:
            other.set_starred(event, False)
        with pytest.raises(NotesGone):
            store.set_starred(event, True)


def test_opening_while_another_process_holds_the_write_lock_does_not_wait(db):
    NotesStore(db).close()  # the file exists, with the current schema
    locker = subprocess.Popen(
        [sys.executable, "-c", _LOCKER, str(db)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert locker.stdout.readline().strip() == "locked"
        started = time.monotonic()
        with NotesStore(db) as store:
            assert time.monotonic() - started < 1.5
            assert store.persistent and store.warnings == []
            assert store.load(make_event()).version == 0
    finally:
        locker.kill()
        locker.wait()
