"""Stars and notes: keys that survive re-indexing, batching, durability and damaged files."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

import platformdirs
import pytest

from timeline.model import Event
from timeline.notes import (
    DATA_DIR_ENV,
    NotesError,
    NotesStore,
    default_notes_path,
    event_key,
)

ROOT = Path(__file__).resolve().parent.parent


def make_event(
    sentence: str = "Cambodia launched a task force in 2007.",
    date: str | None = "2007",
    *,
    article: str = "a.txt",
    id: str | None = None,
    summary: str = "Task force launched",
) -> Event:
    return Event(
        id=id or f"{article}:{sentence[:12]}:{date}",
        date=date,
        precision="year" if date else None,
        approximate=False,
        type="task_force",
        countries=("Cambodia",),
        summary=summary,
        article=article,
        sentence=sentence,
        start=0,
        end=len(sentence),
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "notes.db"


# --- where notes live -----------------------------------------------------------------------


def test_default_location_is_the_user_data_dir_not_the_cache(monkeypatch):
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    path = default_notes_path()
    assert path.parent == Path(platformdirs.user_data_dir("timeline"))
    assert not path.is_relative_to(platformdirs.user_cache_dir("timeline"))


def test_env_var_moves_the_data_dir(monkeypatch, tmp_path):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "elsewhere"))
    with NotesStore() as store:
        store.star(make_event())
        assert store.path == tmp_path / "elsewhere" / "notes.db"
        assert store.persistent
    assert (tmp_path / "elsewhere" / "notes.db").is_file()


def test_database_is_wal_with_full_sync(db):
    with NotesStore(db) as store:
        assert store._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store._conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


# --- keys -----------------------------------------------------------------------------------


def test_event_key_ignores_whitespace_but_not_article_or_words():
    key = event_key("a.txt", "Cambodia launched a task force in 2007.")
    assert key == event_key("a.txt", "  Cambodia launched a\n task\tforce in 2007. ")
    assert key != event_key("b.txt", "Cambodia launched a task force in 2007.")
    assert key != event_key("a.txt", "Cambodia launched a task force in 2008.")


def test_notes_survive_reindexing_and_extractor_changes(db):
    with NotesStore(db) as store:
        store.star(make_event())
        store.set_note(make_event(), "check the ministry's press release")
    # Re-extracted: new id, type, summary and line breaks, same article and sentence.
    later = replace(
        make_event("Cambodia launched a task\nforce in 2007."),
        id="new-id",
        type="law",
        summary="Another summary",
    )
    with NotesStore(db) as store:
        info = store.get(later)
        assert info is not None and info.starred
        assert info.note == "check the ministry's press release"
        assert store.annotate([later]) == {"new-id": info}


# --- stars and notes ------------------------------------------------------------------------


def test_star_unstar_toggle_and_notes(db):
    event = make_event()
    with NotesStore(db) as store:
        assert store.get(event) is None
        assert store.star(event) is True
        assert store.get(event).starred
        assert store.toggle_star(event) is False
        assert store.get(event) is None
        assert store.toggle_star(event) is True
        assert store.unstar(event) is False
        store.set_note(event, "first line\nsecond line")
        info = store.get(event)
        assert info.note == "first line\nsecond line" and not info.starred and info.updated
        store.star(event)
        store.set_note(event, "   ")  # empty text deletes the note, keeps the star
        assert store.get(event).note is None and store.get(event).starred
        store.unstar(event)
        assert store.get(event) is None
        assert store.all() == []


def test_notes_persist_across_reopening(db):
    events = [make_event(f"Sentence {i} in 2007.", id=f"e{i}") for i in range(5)]
    with NotesStore(db) as store:
        for i, event in enumerate(events):
            store.set_note(event, f"note {i}")
        store.star(events[2])
    with NotesStore(db) as store:
        notes = store.annotate(events)
        assert {k: v.note for k, v in notes.items()} == {f"e{i}": f"note {i}" for i in range(5)}
        assert [k for k, v in notes.items() if v.starred] == ["e2"]


def test_two_dates_in_one_sentence_keep_their_own_stars(db):
    sentence = "Talks held in 2007 led to the 2008 agreement."
    first, second = make_event(sentence, "2007", id="e07"), make_event(sentence, "2008", id="e08")
    with NotesStore(db) as store:
        store.annotate([first, second])
        store.star(first)
        store.set_note(second, "the agreement")
        notes = store.annotate([first, second])
        assert notes["e07"].starred and notes["e07"].note is None
        assert not notes["e08"].starred and notes["e08"].note == "the agreement"
        # Toggling the unstarred sibling stars it; the other keeps its star.
        assert store.toggle_star(second) is True
        assert store.toggle_star(second) is False
        assert store.annotate([first, second])["e07"].starred


def test_note_follows_its_sentence_when_the_extractor_changes_the_date(db):
    sentence = "The law was passed last year."
    with NotesStore(db) as store:
        store.set_note(make_event(sentence, "2007", id="old"), "important")
    moved = make_event(sentence, "2008", id="new")
    with NotesStore(db) as store:
        assert store.annotate([moved])["new"].note == "important"
        assert store.orphaned([moved]) == []
        store.star(moved)  # saving moves the row to the new date: nothing left behind
        rows = store.all()
        assert [(row.date, row.note, row.starred) for row in rows] == [("2008", "important", True)]


def test_orphaned_notes_are_listed_and_never_dropped(db):
    kept, gone = make_event("Kept sentence.", id="k"), make_event("Gone sentence.", id="g")
    with NotesStore(db) as store:
        store.set_note(kept, "kept note")
        store.set_note(gone, "orphan note")
        store.star(gone)
    with NotesStore(db) as store:
        # The corpus changed: the second sentence is no longer there.
        assert set(store.annotate([kept])) == {"k"}
        orphans = store.orphaned([kept])
        assert [(o.article, o.sentence, o.note, o.starred) for o in orphans] == [
            ("a.txt", "Gone sentence.", "orphan note", True)
        ]
        store.star(kept)
    with NotesStore(db) as store:
        assert len(store.all()) == 2
        assert store.annotate([gone])["g"].note == "orphan note"  # back when the event is


def test_annotate_reads_many_events_in_one_query(db):
    events = [make_event(f"Event sentence number {i}.", id=f"e{i}") for i in range(100_000)]
    with NotesStore(db) as store:
        for event in events[::10_000]:
            store.star(event)
        statements: list[str] = []
        store._conn.set_trace_callback(statements.append)
        notes = store.annotate(events)
        store._conn.set_trace_callback(None)
    assert sorted(notes) == sorted(event.id for event in events[::10_000])
    assert sum(s.lstrip().upper().startswith("SELECT") for s in statements) == 1


# --- durability -----------------------------------------------------------------------------

WRITER = textwrap.dedent(
    """
    import sys
    from timeline.model import Event
    from timeline.notes import NotesStore

    store = NotesStore(sys.argv[1])
    padding = "x" * 20000  # long notes keep the process inside a save most of the time
    i = 0
    while True:
        sentence = f"Sentence {i} about an event in 2007."
        event = Event(f"e{i}", "2007", "year", False, "other", (), "s", "a.txt", sentence,
                      0, len(sentence))
        store.set_note(event, f"note {i} {padding}")
        if i % 3 == 0:
            store.star(event)
        print(i, flush=True)
        i += 1
    """
)


@pytest.mark.slow
@pytest.mark.parametrize("kill_after", [5, 60, 200])
def test_sigkill_mid_save_loses_no_earlier_note(db, kill_after):
    db.parent.mkdir(parents=True)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db)], stdout=subprocess.PIPE, text=True, env=env
    )
    last = -1
    try:
        assert process.stdout is not None
        for line in process.stdout:
            last = int(line)
            if last >= kill_after:
                break
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert last >= kill_after
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    with NotesStore(db) as store:
        assert store.warnings == []
        by_sentence = {record.sentence: record for record in store.all()}
        for i in range(last + 1):
            record = by_sentence[f"Sentence {i} about an event in 2007."]
            assert record.note.startswith(f"note {i} ")
            assert record.starred == (i % 3 == 0)


# --- damaged and unusable files -------------------------------------------------------------


def test_garbage_notes_file_is_moved_aside_not_replaced(db):
    db.parent.mkdir(parents=True)
    garbage = b"this is not an SQLite database\n" * 100
    db.write_bytes(garbage)
    warnings: list[str] = []
    with NotesStore(db, warn=warnings.append) as store:
        assert store.persistent
        store.star(make_event())
    aside = db.with_name("notes.db.corrupt-1")
    assert aside.read_bytes() == garbage
    assert len(warnings) == 1 and "\n" not in warnings[0] and "notes.db.corrupt-1" in warnings[0]
    with NotesStore(db) as store:
        assert store.get(make_event()).starred and store.warnings == []
    # A second damaged file goes to the next free name.
    db.write_bytes(garbage)
    for suffix in ("-wal", "-shm"):
        db.with_name(db.name + suffix).unlink(missing_ok=True)
    with NotesStore(db) as store:
        assert "notes.db.corrupt-2" in store.warnings[0]
    assert aside.read_bytes() == db.with_name("notes.db.corrupt-2").read_bytes() == garbage


def test_damaged_pages_are_moved_aside(db):
    with NotesStore(db) as store:
        for i in range(300):
            store.set_note(make_event(f"Sentence {i}.", id=f"e{i}"), f"note {i} " + "y" * 200)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(db.read_bytes())
    page = 4096
    data[2 * page : 2 * page + 200] = b"\xff" * 200  # wreck a b-tree page, keep the header
    db.write_bytes(bytes(data))
    with NotesStore(db) as store:
        assert store.persistent
        assert len(store.warnings) == 1 and "moved aside" in store.warnings[0]
        assert store.all() == []
    assert db.with_name("notes.db.corrupt-1").read_bytes() == bytes(data)


def test_unusable_data_dir_gives_a_memory_store(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    warnings: list[str] = []
    with NotesStore(blocker / "notes.db", warn=warnings.append) as store:
        assert not store.persistent
        assert len(warnings) == 1 and "in memory" in warnings[0]
        assert store.star(make_event()) is True
        assert store.get(make_event()).starred
    assert blocker.read_text() == "not a directory"


def test_notes_path_that_is_a_directory_is_left_alone(db):
    db.mkdir(parents=True)
    with NotesStore(db) as store:
        assert not store.persistent and "cannot read" in store.warnings[0]
    assert db.is_dir()


def test_unwritable_notes_file_is_opened_as_a_read_only_copy(db, monkeypatch):
    event = make_event()
    with NotesStore(db) as store:
        store.set_note(event, "keep me")
    before = db.read_bytes()

    def refuse(self, path):
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(NotesStore, "_connect", refuse)
    with NotesStore(db) as store:
        assert not store.persistent
        assert len(store.warnings) == 1 and "in memory" in store.warnings[0]
        assert store.get(event).note == "keep me"  # the notes are still shown
        store.set_note(event, "changed in memory")
        assert store.get(event).note == "changed in memory"
    assert db.read_bytes() == before
    monkeypatch.undo()
    with NotesStore(db) as store:
        assert store.get(event).note == "keep me"


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_data_dir_gives_a_memory_store(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with NotesStore(folder / "notes.db") as store:
            assert not store.persistent and store.warnings
            store.star(make_event())
    finally:
        folder.chmod(0o755)


def test_a_failed_save_raises_a_clear_error_and_changes_nothing(db):
    event = make_event()
    with NotesStore(db) as store:
        store.set_note(event, "before")
        store._conn.execute("PRAGMA query_only = ON")  # every write now fails, as on a full disk
        with pytest.raises(NotesError, match="notes.db: not saved"):
            store.set_note(event, "after")
        with pytest.raises(NotesError):
            store.star(event)
        store._conn.execute("PRAGMA query_only = OFF")
        assert store.get(event).note == "before" and not store.get(event).starred


def test_saving_without_knowing_the_siblings_never_moves_a_siblings_star(db):
    sentence = "Talks held in 2007 led to the 2008 agreement."
    first, second = make_event(sentence, "2007", id="e07"), make_event(sentence, "2008", id="e08")
    with NotesStore(db) as store:
        store.star(first)
    with NotesStore(db) as store:
        # No annotate() yet: the 2007 row might have been left by a date change, so it shows.
        assert store.get(second).starred
        assert store.toggle_star(second) is False  # saved as the 2008 event's own row
        notes = store.annotate([first, second])
        assert notes["e07"].starred and "e08" not in notes


def test_stars_and_notes_reach_every_export(db):
    import json

    from timeline.export import EXPORT_FORMATS, render

    events = [make_event(f"Sentence {i} of 2007.", id=f"e{i}") for i in range(3)]
    with NotesStore(db) as store:
        store.star(events[1])
        store.set_note(events[2], "a note for the report")
        notes = store.annotate(events)
    data = json.loads(render("json", [], events, notes=notes).text)
    assert [(e["starred"], e["note"]) for e in data["events"]] == [
        (False, None),
        (True, None),
        (False, "a note for the report"),
    ]
    for fmt in EXPORT_FORMATS:
        text = render(fmt, [], events, notes=notes).text.replace("\r\n ", "")  # unfold ics
        assert "a note for the report" in text


def test_saving_on_a_closed_store_is_a_notes_error(tmp_path):
    from timeline.notes import NotesError

    store = NotesStore(tmp_path / "notes.db")
    event = _closed_store_event()
    store.close()
    with pytest.raises(NotesError):
        store.set_note(event, "lost")


def _closed_store_event():
    from timeline.model import Event

    return Event("e1", "2012", "year", False, "other", (), "s", "a.txt", "A sentence.", 0, 11)
