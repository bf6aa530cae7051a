"""Index faults: each one costs a one-line warning, never a traceback or a wrong result."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import timeline.store.db
from timeline.pipeline import load_corpus
from timeline.store import index_path, open_corpus
from timeline.store.db import Store


def article_text(n: int, word: str = "") -> str:
    """A short news-like article with dated events; ``word`` is a searchable marker."""
    country = ("Cambodia", "Thailand", "Vietnam", "Laos")[n % 4]
    year = 2006 + n % 9
    return (
        f"{country} and its neighbours against trafficking, part {n}\n\n"
        f"[{3 + n % 20} June {year}]\n\n"
        f"The government of {country} launched a national task force against human "
        f"trafficking on 12 June {year}, officials said. {word}\n\n"
        f"In {year - 1}, police in {country} arrested 9 suspected traffickers.\n"
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    for n in range(5):
        (folder / f"n{n}.txt").write_text(article_text(n), encoding="utf-8")
    return folder


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "cache"
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(path))
    return path


def opened(folder: Path, **kwargs):
    """open_corpus, also returning the warnings passed to ``warn``."""
    warnings: list[str] = []
    corpus = open_corpus(folder, warn=warnings.append, **kwargs)
    return corpus, warnings


def correct(corpus, folder: Path) -> None:
    """Same events and articles as the in-memory reader, and search agrees with the text."""
    ref = load_corpus(folder)
    assert [e.to_dict() for e in corpus.events] == [e.to_dict() for e in ref.events]
    assert [a.text for a in corpus.articles] == [a.text for a in ref.articles]
    expected = {e.id for e in ref.events if "okapi" in ref.article(e.article).text}
    assert corpus.search("okapi", in_article=True) == expected


def one_index_warning(warnings: list[str], *words: str) -> str:
    index_lines = [w for w in warnings if w.startswith("index:")]
    assert len(index_lines) == 1, warnings
    line = index_lines[0]
    assert "\n" not in line and "Traceback" not in line
    for word in words:
        assert word in line, line
    return line


def build(folder: Path) -> Path:
    corpus = open_corpus(folder)
    corpus.close()
    return corpus.report.index


def change(folder: Path) -> None:
    (folder / "n1.txt").write_text(article_text(1, "okapi"), encoding="utf-8")
    (folder / "n9.txt").write_text(article_text(9, "okapi sighting"), encoding="utf-8")
    (folder / "n3.txt").unlink()


# --- a damaged database is rebuilt ---------------------------------------------------


def test_truncated_database_is_rebuilt(folder: Path, cache: Path) -> None:
    path = build(folder)
    change(folder)
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        handle.truncate(size // 3)
    corpus, warnings = opened(folder)
    one_index_warning(warnings, "rebuilding")
    correct(corpus, folder)
    again, warnings = opened(folder)
    assert not warnings and again.report.unchanged == 5
    correct(again, folder)


def test_garbage_database_is_rebuilt(folder: Path, cache: Path) -> None:
    path = index_path(folder)
    path.parent.mkdir(parents=True)
    path.write_bytes(bytes(range(256)) * 64)
    corpus, warnings = opened(folder)
    one_index_warning(warnings, "rebuilding")
    correct(corpus, folder)
    assert open_corpus(folder).report.unchanged == 5


def test_garbage_pages_inside_the_database_are_rebuilt(folder: Path, cache: Path) -> None:
    path = build(folder)
    data = bytearray(path.read_bytes())
    for offset in range(4096, len(data), 4096):  # keep the header page, ruin every other
        data[offset : offset + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))
    change(folder)
    corpus, warnings = opened(folder)
    one_index_warning(warnings, "rebuilding")
    correct(corpus, folder)


def test_unreadable_records_are_read_again(folder: Path, cache: Path) -> None:
    path = build(folder)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE files SET events = x'00ff00ff' WHERE path IN ('n0.txt', 'n2.txt')")
        conn.execute("UPDATE files SET article = x'0102' WHERE path = 'n4.txt'")
    corpus, warnings = opened(folder)
    one_index_warning(warnings, "3 unreadable records", "reading those files again")
    assert (corpus.report.read, corpus.report.unchanged) == (3, 2)
    correct(corpus, folder)
    again, warnings = opened(folder)
    assert not warnings and again.report.unchanged == 5


def test_schema_from_another_version_is_rebuilt(folder: Path, cache: Path) -> None:
    path = index_path(folder)
    path.parent.mkdir(parents=True)
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE files (path TEXT, stuff BLOB)")
        conn.execute("INSERT INTO files VALUES ('n1.txt', x'00')")
        conn.execute("PRAGMA user_version=7")
    corpus, warnings = opened(folder)
    one_index_warning(warnings, "rebuilding", "schema")
    correct(corpus, folder)
    assert open_corpus(folder).report.unchanged == 5


def test_damaged_search_index_falls_back_to_memory(folder: Path, cache: Path) -> None:
    change(folder)
    path = build(folder)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE article_fts_data SET block = x'ffffffffffff' WHERE id > 10")
        conn.execute("UPDATE sentence_fts_data SET block = x'ffffffffffff' WHERE id > 10")
    corpus, warnings = opened(folder)
    assert not warnings
    correct(corpus, folder)  # searching met the damage and searched in memory instead
    one_index_warning(warnings, "search")


# --- a busy database: wait, then carry on in memory ----------------------------------


def test_exclusively_locked_database_runs_in_memory(folder: Path, cache: Path) -> None:
    path = build(folder)
    change(folder)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("INSERT INTO meta VALUES('held', 'yes')")
    try:
        corpus, warnings = opened(folder, timeout=0.2)
        one_index_warning(warnings, "locked", "in memory")
        assert not corpus.report.saved
        correct(corpus, folder)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    after, warnings = opened(folder)
    assert not warnings
    correct(after, folder)


def test_writer_lock_keeps_changes_for_this_run(folder: Path, cache: Path) -> None:
    path = build(folder)
    change(folder)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process in the middle of writing
    try:
        corpus, warnings = opened(folder, timeout=0.2)
        one_index_warning(warnings, "locked", "this run only")
        assert not corpus.report.saved and corpus.report.read == 2
        correct(corpus, folder)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    after, warnings = opened(folder)
    assert not warnings and after.report.saved
    correct(after, folder)


def test_locked_but_unchanged_folder_is_read_from_the_index(folder: Path, cache: Path) -> None:
    path = build(folder)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        corpus, warnings = opened(folder, timeout=0.2)
        assert not warnings and corpus.report.unchanged == 5
        correct(corpus, folder)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


# --- nowhere to write ----------------------------------------------------------------


def test_missing_cache_directory_is_created(folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "deep" / "er" / "cache"
    corpus, warnings = opened(folder, cache_dir=target)
    assert not warnings and corpus.report.saved
    assert corpus.report.index.parent.parent == target


def test_cache_directory_that_cannot_be_created_runs_in_memory(
    folder: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    corpus, warnings = opened(folder, cache_dir=blocker / "cache")
    one_index_warning(warnings, "in memory")
    assert corpus.report.index is None
    correct(corpus, folder)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only folders anyway")
def test_read_only_cache_directory_runs_in_memory(folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "ro-cache"
    (cache / "index").mkdir(parents=True)
    (cache / "index").chmod(0o500)
    try:
        corpus, warnings = opened(folder, cache_dir=cache)
        one_index_warning(warnings, "in memory")
        correct(corpus, folder)
    finally:
        (cache / "index").chmod(0o700)


def read_only_connections(monkeypatch: pytest.MonkeyPatch) -> None:
    """Open every index read-only, as on a read-only file system (tests run as root)."""
    real = sqlite3.connect

    def connect(target, *args, **kwargs):
        if target != ":memory:":
            target = f"file:{target}?mode=ro"
            kwargs["uri"] = True
        return real(target, *args, **kwargs)

    monkeypatch.setattr(timeline.store.db.sqlite3, "connect", connect)


def test_read_only_index_with_changes_runs_in_memory(
    folder: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(folder)
    change(folder)
    read_only_connections(monkeypatch)
    corpus, warnings = opened(folder)
    one_index_warning(warnings, "cannot write")
    correct(corpus, folder)


def test_read_only_cache_without_an_index_runs_in_memory(
    folder: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read_only_connections(monkeypatch)
    corpus, warnings = opened(folder)
    one_index_warning(warnings, "in memory")
    change(folder)
    correct(open_corpus(folder, warn=warnings.append), folder)


# --- a full disk ---------------------------------------------------------------------


def small_disk(monkeypatch: pytest.MonkeyPatch, spare_pages: int) -> None:
    """Let each index grow only ``spare_pages`` pages past its size when opened."""
    real = Store._prepare

    def prepare(self, fingerprint):
        real(self, fingerprint)
        if self.path is not None:  # the disk, not memory
            pages = self.conn.execute("PRAGMA page_count").fetchone()[0]
            self.conn.execute(f"PRAGMA max_page_count={pages + spare_pages}")

    monkeypatch.setattr(Store, "_prepare", prepare)


def test_full_disk_while_indexing_keeps_results_for_this_run(
    folder: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(folder)
    for n in range(10, 40):
        (folder / f"big{n}.txt").write_text(article_text(n, "okapi " * 300), encoding="utf-8")
    small_disk(monkeypatch, spare_pages=3)
    corpus, warnings = opened(folder)
    one_index_warning(warnings, "full", "this run only")
    correct(corpus, folder)
    monkeypatch.undo()
    again, warnings = opened(folder)  # space again: the index catches up
    assert not warnings and again.report.saved
    correct(again, folder)
    assert open_corpus(folder).report.read == 0


def test_full_disk_reported_by_sqlite_on_write(
    folder: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(folder)
    change(folder)

    def full(self, files):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(Store, "write", timeline.store.db.faults()(full))
    corpus, warnings = opened(folder)
    one_index_warning(warnings, "disk is full")
    correct(corpus, folder)


# --- two processes at once -----------------------------------------------------------

_CHILD = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    from timeline.store import open_corpus
    start_at = float(sys.argv[2])
    while time.time() < start_at:
        time.sleep(0.001)
    warnings = []
    corpus = open_corpus(Path(sys.argv[1]), warn=warnings.append, parallel_threshold=40)
    print(json.dumps({
        "events": [e.to_dict() for e in corpus.events],
        "warnings": warnings,
        "read": corpus.report.read,
        "saved": corpus.report.saved,
        "hits": sorted(corpus.search("okapi", in_article=True)),
    }))
    """
)


@pytest.mark.slow
def test_two_processes_index_the_same_folder_at_once(folder: Path, cache: Path) -> None:
    import time

    for n in range(10, 70):
        (folder / f"more{n}.txt").write_text(article_text(n, "okapi" * (n % 2)), "utf-8")
    start_at = time.time() + 1.5
    env = {**os.environ, "TIMELINE_CACHE_DIR": str(cache)}
    children = [
        subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(folder), str(start_at)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for _ in range(2)
    ]
    outputs = [child.communicate(timeout=300) for child in children]
    ref = load_corpus(folder)
    expected_hits = sorted(e.id for e in ref.events if "okapi" in ref.article(e.article).text)
    for child, (out, err) in zip(children, outputs, strict=True):
        assert child.returncode == 0, err
        assert "Traceback" not in err
        result = json.loads(out)
        assert result["warnings"] == []
        assert result["events"] == [e.to_dict() for e in ref.events]
        assert result["hits"] == expected_hits
    after, warnings = opened(folder)
    assert not warnings and after.report.unchanged == 65
    correct(after, folder)


def test_searching_without_the_index_needs_no_sqlite(
    folder: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    change(folder)
    corpus, warnings = opened(folder, no_cache=True)

    def broken(*args, **kwargs):
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(sqlite3, "connect", broken)
    correct(corpus, folder)
    assert not warnings
    assert corpus.search('"task force" AND(') == {
        e.id for e in corpus.events if "task force" in e.sentence
    }


def test_another_version_resetting_the_index_midway_gets_none_of_our_rows(
    folder: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import timeline.store.indexer

    monkeypatch.setattr(timeline.store.indexer, "CHUNK_FILES", 2)
    path = index_path(folder)

    def progress(done: int, total: int) -> None:
        if done == 2:  # an older or newer timeline opens the same corpus now
            Store.open(path, fingerprint="another version").close()

    corpus, warnings = opened(folder, progress=progress)
    one_index_warning(warnings, "another version", "this run only")
    correct(corpus, folder)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM files").fetchone()[0] == 0
