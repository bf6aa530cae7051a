"""The persistent index: incremental updates, version bumps, skipped files, search."""

from __future__ import annotations

import dataclasses
import io
import os
import pickle
from pathlib import Path

import pytest

import timeline.extraction
import timeline.extraction.extract
import timeline.reading
from timeline.pipeline import load_corpus
from timeline.store import (
    IndexCancelled,
    LazyArticle,
    ProgressBar,
    clear_index,
    index_path,
    open_corpus,
)

COUNTRIES = ("Cambodia", "Thailand", "Vietnam", "Laos", "Myanmar")
MONTHS = ("January", "March", "May", "July", "September", "November")


def article_text(n: int, word: str = "") -> str:
    """A short news-like article with a few dated events; ``word`` is a searchable marker."""
    country = COUNTRIES[n % len(COUNTRIES)]
    year = 2005 + n % 10
    month = MONTHS[n % len(MONTHS)]
    return (
        f"{country} steps up its fight against trafficking, report {n}\n\n"
        f"[{5 + n % 20} {month} {year}]\n\n"
        f"The government of {country} launched a national task force against human "
        f"trafficking on 12 {month} {year}, officials said. {word}\n\n"
        f"In {year - 1}, police in {country} arrested 14 suspected traffickers in raids "
        f"on border towns.\n\n"
        f"Delegates from {country} and Thailand signed a memorandum of understanding on "
        f"the return of victims in {month} {year - 2}.\n"
    )


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "clippings"
    for n in range(6):
        write(folder, f"a{n}.txt", article_text(n))
    return folder


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "cache"
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(path))
    return path


@pytest.fixture
def extracted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files extract_events is called on (in this process)."""
    calls: list[str] = []
    real = timeline.extraction.extract.extract_events

    def counting(article):
        calls.append(article.file)
        return real(article)

    monkeypatch.setattr(timeline.extraction.extract, "extract_events", counting)
    return calls


def same_as_reader(corpus, folder: Path, max_bytes: int | None = None) -> None:
    """The indexed corpus equals what the in-memory reader gives."""
    kwargs = {} if max_bytes is None else {"max_bytes": max_bytes}
    ref = load_corpus(folder, **kwargs)
    assert [e.to_dict() for e in corpus.events] == [e.to_dict() for e in ref.events]
    assert [dataclasses.astuple(a) for a in corpus.articles] == [
        dataclasses.astuple(a) for a in ref.articles
    ]
    assert sorted(corpus.warnings) == sorted(ref.warnings)


def test_first_open_equals_the_in_memory_reader(corpus_dir: Path, cache: Path) -> None:
    corpus = open_corpus(corpus_dir)
    assert corpus.report.read == 6 and corpus.report.unchanged == 0
    assert corpus.events, "the test articles hold events"
    same_as_reader(corpus, corpus_dir)
    assert corpus.report.saved and corpus.report.index == index_path(corpus_dir)
    assert corpus.report.index.is_file()
    assert corpus.report.index.parent.parent == cache


def test_bundled_seeds_through_the_index(cache: Path) -> None:
    first = open_corpus(None)
    second = open_corpus(None)
    ref = load_corpus(None)
    assert second.report.unchanged == len(ref.articles) and second.report.read == 0
    assert second.name == ref.name
    assert [e.to_dict() for e in second.events] == [e.to_dict() for e in ref.events]
    assert [e.to_dict() for e in first.events] == [e.to_dict() for e in ref.events]


def test_unchanged_folder_reads_nothing(corpus_dir: Path, cache: Path, extracted) -> None:
    first = open_corpus(corpus_dir)
    extracted.clear()
    second = open_corpus(corpus_dir)
    assert extracted == []
    assert (second.report.read, second.report.unchanged) == (0, 6)
    assert [e.to_dict() for e in second.events] == [e.to_dict() for e in first.events]
    same_as_reader(second, corpus_dir)


def test_add_change_remove_touch_exactly_those(corpus_dir: Path, cache: Path, extracted) -> None:
    open_corpus(corpus_dir)
    write(corpus_dir, "sub/new.txt", article_text(7, "zebrafinch"))
    write(corpus_dir, "a1.txt", article_text(1, "okapi"))
    (corpus_dir / "a2.txt").unlink()
    extracted.clear()

    corpus = open_corpus(corpus_dir)

    assert sorted(extracted) == ["a1.txt", "sub/new.txt"]
    report = corpus.report
    assert (report.read, report.unchanged, report.removed) == (2, 4, 1)
    assert {a.file for a in corpus.articles} == {
        "a0.txt", "a1.txt", "a3.txt", "a4.txt", "a5.txt", "sub/new.txt",
    }  # fmt: skip
    same_as_reader(corpus, corpus_dir)
    new_ids = {e.id for e in corpus.events if e.article == "sub/new.txt"}
    assert corpus.search("zebrafinch", in_article=True) == new_ids
    assert corpus.search("okapi", in_article=True) == {
        e.id for e in corpus.events if e.article == "a1.txt"
    }

    # and the index now holds the new state
    extracted.clear()
    again = open_corpus(corpus_dir)
    assert extracted == [] and again.report.unchanged == 6
    assert again.search("zebrafinch", in_article=True) == new_ids


def test_touched_file_with_same_bytes_is_not_extracted(
    corpus_dir: Path, cache: Path, extracted
) -> None:
    open_corpus(corpus_dir)
    path = corpus_dir / "a3.txt"
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
    extracted.clear()
    corpus = open_corpus(corpus_dir)
    assert extracted == []
    assert corpus.report.unchanged == 6
    same_as_reader(corpus, corpus_dir)


def test_extractor_version_bump_reextracts_everything(
    corpus_dir: Path, cache: Path, extracted, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_corpus(corpus_dir)
    monkeypatch.setattr(timeline.extraction, "EXTRACTOR_VERSION", "999-test")
    extracted.clear()
    corpus = open_corpus(corpus_dir)
    assert sorted(extracted) == [f"a{n}.txt" for n in range(6)]
    assert corpus.report.read == 6 and not corpus.warnings
    extracted.clear()
    assert open_corpus(corpus_dir).report.unchanged == 6 and extracted == []


def test_skipped_files_are_remembered_and_reread_when_changed(
    corpus_dir: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (corpus_dir / "scan.txt").write_bytes(b"\x00\x01binary\x00" * 50)
    write(corpus_dir, "huge.txt", article_text(9) * 40)
    limit = 5000
    first = open_corpus(corpus_dir, max_bytes=limit)
    assert first.report.skipped == 2
    assert any(w.startswith("scan.txt: skipped") for w in first.warnings)
    assert any(w.startswith("huge.txt: skipped") for w in first.warnings)

    loaded: list[str] = []
    real = timeline.reading.load_articles

    def counting(path, rel, **kwargs):
        loaded.append(rel)
        return real(path, rel, **kwargs)

    monkeypatch.setattr(timeline.reading, "load_articles", counting)
    second = open_corpus(corpus_dir, max_bytes=limit)
    assert loaded == []
    assert second.warnings == first.warnings  # repeated without reading the files

    write(corpus_dir, "scan.txt", article_text(11, "pangolin"))
    third = open_corpus(corpus_dir, max_bytes=limit)
    assert loaded == ["scan.txt"]
    assert "scan.txt" in {a.file for a in third.articles}
    assert third.search("pangolin", in_article=True)
    same_as_reader(third, corpus_dir, max_bytes=limit)

    # a larger limit lets the big file in, a smaller one keeps it out again
    loaded.clear()
    bigger = open_corpus(corpus_dir)
    assert loaded == ["huge.txt"] and "huge.txt" in {a.file for a in bigger.articles}
    loaded.clear()
    smaller = open_corpus(corpus_dir, max_bytes=limit)
    assert loaded == ["huge.txt"] and "huge.txt" not in {a.file for a in smaller.articles}
    same_as_reader(smaller, corpus_dir, max_bytes=limit)


def test_no_cache_never_touches_the_cache(corpus_dir: Path, cache: Path) -> None:
    corpus = open_corpus(corpus_dir, no_cache=True)
    assert not cache.exists()
    assert corpus.report.index is None and not corpus.report.saved
    same_as_reader(corpus, corpus_dir)
    assert corpus.search('"task force"')  # search works in memory too


def test_clear_index(corpus_dir: Path, cache: Path) -> None:
    assert clear_index(corpus_dir) is None
    path = open_corpus(corpus_dir).report.index
    corpus = open_corpus(corpus_dir)
    corpus.close()
    assert clear_index(corpus_dir) == path
    assert not path.exists()
    assert open_corpus(corpus_dir).report.read == 6


def test_folders_get_separate_indexes(tmp_path: Path, cache: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "x" / "one"
    write(one, "a.txt", article_text(1, "alpha"))
    write(two, "a.txt", article_text(2, "beta"))
    assert index_path(one) != index_path(two)
    first, second = open_corpus(one), open_corpus(two)
    assert first.search("alpha", True) and not first.search("beta", True)
    assert second.search("beta", True) and not second.search("alpha", True)


def test_batches_add_up_to_the_corpus_and_progress_ends_full(corpus_dir: Path, cache: Path) -> None:
    open_corpus(corpus_dir)
    write(corpus_dir, "a0.txt", article_text(0, "changed"))
    write(corpus_dir, "b.txt", article_text(12))
    batches: list[tuple[list, list]] = []
    ticks: list[tuple[int, int]] = []
    corpus = open_corpus(
        corpus_dir,
        on_batch=lambda a, e: batches.append((a, e)),
        progress=lambda d, t: ticks.append((d, t)),
    )
    assert len(batches) >= 2  # the unchanged files first, then what was read
    assert {a.file for a in batches[0][0]} == {f"a{n}.txt" for n in range(1, 6)}
    assert sorted(a.file for b in batches for a in b[0]) == sorted(a.file for a in corpus.articles)
    assert sorted(e.id for b in batches for e in b[1]) == sorted(e.id for e in corpus.events)
    assert ticks[0] == (0, 2) and ticks[-1] == (2, 2)


def test_cancel_stops_and_keeps_what_was_indexed(
    corpus_dir: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    import timeline.store.indexer

    monkeypatch.setattr(timeline.store.indexer, "CHUNK_FILES", 2)
    stop = threading.Event()

    def progress(done: int, total: int) -> None:
        if done >= 2:
            stop.set()  # e.g. the user quit the browser while it was indexing

    with pytest.raises(IndexCancelled):
        open_corpus(corpus_dir, cancel=stop, progress=progress)
    resumed = open_corpus(corpus_dir)
    assert (resumed.report.unchanged, resumed.report.read) == (2, 4)
    same_as_reader(resumed, corpus_dir)


def test_parallel_extraction_gives_the_same_corpus(
    corpus_dir: Path, cache: Path, tmp_path: Path
) -> None:
    for n in range(6, 30):
        write(corpus_dir, f"more/m{n:02d}.txt", article_text(n))
    parallel = open_corpus(corpus_dir, parallel_threshold=0, workers=2)
    assert parallel.report.read == 30
    same_as_reader(parallel, corpus_dir)
    assert open_corpus(corpus_dir).report.unchanged == 30


# --- lazy article text ---------------------------------------------------------------


def test_indexed_articles_load_their_text_lazily(corpus_dir: Path, cache: Path) -> None:
    open_corpus(corpus_dir)
    corpus = open_corpus(corpus_dir)
    article = corpus.articles[0]
    assert isinstance(article, LazyArticle)
    expected = (corpus_dir / article.file).read_text(encoding="utf-8")
    assert article.text == expected
    assert article.body == expected[article.body_start : article.body_end]
    for event in corpus.events:
        text = corpus.article(event.article).text
        assert text[event.start : event.end] == event.sentence
    copy = dataclasses.replace(article, title="Other")
    assert copy.text == expected and copy.title == "Other"
    assert pickle.loads(pickle.dumps(corpus.articles[1])).text == corpus.articles[1].text


# --- search --------------------------------------------------------------------------


@pytest.fixture(params=[False, True], ids=["index", "memory"])
def searchable(request, corpus_dir: Path, cache: Path):
    write(corpus_dir, "tf.txt", article_text(20, "The joint task force met in Phnom Penh's port."))
    return open_corpus(corpus_dir, no_cache=request.param)


def test_phrase_search_matches_the_phrase_only(searchable) -> None:
    corpus = searchable
    hits = corpus.search_hits('"task force"')
    assert hits.events == {e.id for e in corpus.events if "task force" in e.sentence}
    assert hits.events and hits.events == hits.in_sentence
    assert corpus.search('"force task"') == set()
    assert corpus.search('"joint task force"', in_article=True) == {
        e.id for e in corpus.events if e.article == "tf.txt"
    }


def test_an_event_matches_by_its_sentence_and_in_article_by_its_article(searchable) -> None:
    corpus = searchable
    # "memorandum" is only in the agreement sentence: its events match, the others do not
    hits = corpus.search_hits("memorandum")
    assert hits.events == {e.id for e in corpus.events if "memorandum" in e.sentence}
    assert hits.events == hits.in_sentence and not hits.articles
    # in the article text, every article says it: every event matches
    in_articles = corpus.search_hits("memorandum", in_article=True)
    assert in_articles.events == {e.id for e in corpus.events}
    assert in_articles.in_sentence == hits.in_sentence
    assert in_articles.articles == {a.file for a in corpus.articles}
    assert corpus.search("memorandum NOT memorandum") == set()
    assert corpus.search("memorandum NOT memorandum", in_article=True) == set()


@pytest.mark.parametrize(
    "query", ["memorandum", '"task force"', "traffick*", "memorandum NOT joint", "AND(", "zzz"]
)
def test_quick_search_equals_the_full_result(searchable, query: str) -> None:
    assert searchable.search(query) == searchable.search_hits(query).events


def test_not_query_keeps_sentence_matches_of_excluded_articles(searchable) -> None:
    corpus = searchable
    hits = corpus.search("memorandum NOT joint")
    tf_memo = {e.id for e in corpus.events if e.article == "tf.txt" and "memorandum" in e.sentence}
    tf_rest = {e.id for e in corpus.events if e.article == "tf.txt"} - tf_memo
    assert tf_memo and tf_memo <= hits and not tf_rest & hits


def test_prefix_search(searchable) -> None:
    corpus = searchable
    assert corpus.search("traffick*", in_article=True) == {e.id for e in corpus.events}
    assert corpus.search("traffick*") == {
        e.id for e in corpus.events if "traffick" in e.sentence.lower()
    }
    assert corpus.search("traffick") == set()  # a whole word only
    assert corpus.search("zzzq*") == set()
    assert corpus.search("memo*") == corpus.search("memorandum") != set()


def test_search_is_case_and_accent_insensitive(searchable) -> None:
    assert searchable.search("CAMBODIA") == searchable.search("cambodia") != set()
    assert searchable.search("Cambódia") == searchable.search("cambodia")


@pytest.mark.parametrize(
    "query",
    ['"', "*", "AND(", "AND", "(", ")", "NEAR(", "^", "-", ":", "sentence:", "a:b", "'", "\\",
     '"unterminated', "OR OR", "NOT", "x" * 10_000, "task " * 2000, "\x00", "", "   ",
     "Penh's", "anti-trafficking", "%_", "😀"],
)  # fmt: skip
def test_odd_queries_never_raise(searchable, query: str) -> None:
    result = searchable.search(query)
    assert isinstance(result, set)
    assert result <= {e.id for e in searchable.events}


def test_queries_with_punctuation_mean_their_words(searchable) -> None:
    corpus = searchable
    tf = {e.id for e in corpus.events if e.article == "tf.txt"}
    assert corpus.search("Penh's port", in_article=True) == tf  # "penh s" as a phrase
    assert corpus.search("joint task force AND(", in_article=True) == tf  # a stray bracket
    assert corpus.search('"joint task', in_article=True) == tf  # an unclosed quote
    assert corpus.search("Phnom-Penh's", in_article=True) == tf


# --- progress bar --------------------------------------------------------------------


class FakeTTY(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


def test_progress_bar_draws_only_on_a_terminal() -> None:
    quiet = FakeTTY(False)
    bar = ProgressBar(stream=quiet, delay=0, interval=0)
    bar(5, 10)
    bar.close()
    assert quiet.getvalue() == ""

    tty = FakeTTY(True)
    bar = ProgressBar(stream=tty, delay=0, interval=0)
    bar(5, 10)
    bar(10, 10)
    assert "10/10 files" in tty.getvalue() and "100%" in tty.getvalue()
    bar.close()
    assert tty.getvalue().endswith("\r\x1b[K")


def test_progress_bar_fits_the_width() -> None:
    bar = ProgressBar(stream=FakeTTY(True), force=True)
    for width in (10, 40, 80, 200):
        line = bar.render(3, 7, 65.0, width=width)
        assert len(line) < width
    assert "3/7 files" in bar.render(3, 7, 65.0, width=80)
    assert "1:05" in bar.render(3, 7, 65.0, width=80)


def test_missing_folder_leaves_no_index(tmp_path: Path, cache: Path) -> None:
    warnings: list[str] = []
    corpus = open_corpus(tmp_path / "nowhere", warn=warnings.append)
    assert corpus.events == [] and corpus.report.index is None
    assert warnings and not cache.exists()


# ------------------------------------------------- collections (several articles a file)


def jsonl(texts: list[str]) -> str:
    import json

    return "".join(json.dumps({"title": t.split("\n", 1)[0], "text": t}) + "\n" for t in texts)


@pytest.fixture
def collection_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "collected"
    write(folder, "plain.txt", article_text(0))
    write(folder, "feed.jsonl", jsonl([article_text(n, f"marker{n}") for n in range(1, 5)]))
    write(folder, "bad.jsonl", '{"text": "Police arrested 4 people in 2001."}\n{oops\n')
    return folder


def test_a_collection_is_indexed_record_by_record(collection_dir: Path, cache: Path) -> None:
    first = open_corpus(collection_dir)
    names = [a.file for a in first.articles]
    assert names == [
        "bad.jsonl#1",
        "feed.jsonl#1",
        "feed.jsonl#2",
        "feed.jsonl#3",
        "feed.jsonl#4",
        "plain.txt",
    ]
    assert first.report.files == 3 and first.report.articles == 6
    assert "bad.jsonl#2 (line 2): skipped: not valid JSON" in " ".join(first.warnings)
    same_as_reader(first, collection_dir)
    second = open_corpus(collection_dir)
    assert (second.report.read, second.report.unchanged) == (0, 3)
    same_as_reader(second, collection_dir)
    # an article-text hit names the record, and brings the events of that record only
    hits = second.search_hits("marker3", in_article=True)
    assert hits.articles == {"feed.jsonl#3"}
    assert {e.article for e in second.events if e.id in hits.events} == {"feed.jsonl#3"}


def test_a_changed_collection_is_read_again_whole(
    collection_dir: Path, cache: Path, extracted
) -> None:
    open_corpus(collection_dir)
    extracted.clear()
    write(collection_dir, "feed.jsonl", jsonl([article_text(n, f"new{n}") for n in range(7, 9)]))
    changed = open_corpus(collection_dir)
    assert sorted(extracted) == ["feed.jsonl#1", "feed.jsonl#2"]
    assert changed.report.read == 1
    same_as_reader(changed, collection_dir)
    # the records that went are gone from the index
    assert not changed.search("marker3", in_article=True)
    assert changed.search_hits("new8", in_article=True).articles == {"feed.jsonl#2"}
    again = open_corpus(collection_dir)
    same_as_reader(again, collection_dir)
    assert not again.search("marker4", in_article=True)


def test_a_collection_that_turns_bad_or_goes_leaves_no_record(
    collection_dir: Path, cache: Path
) -> None:
    open_corpus(collection_dir)
    write(collection_dir, "feed.jsonl", "not json at all\n")
    broken = open_corpus(collection_dir)
    assert [a.file for a in broken.articles] == ["bad.jsonl#1", "plain.txt"]
    assert any(w.startswith("feed.jsonl: skipped: ") for w in broken.warnings)
    assert not broken.search("marker2", in_article=True)
    (collection_dir / "bad.jsonl").unlink()
    gone = open_corpus(collection_dir)
    assert [a.file for a in gone.articles] == ["plain.txt"]
    assert gone.report.removed == 1
    same_as_reader(gone, collection_dir)
    import sqlite3

    with sqlite3.connect(index_path(collection_dir)) as conn:
        paths = sorted(row[0] for row in conn.execute("SELECT path FROM files"))
    assert paths == ["feed.jsonl", "plain.txt"]


def test_collections_read_in_worker_processes_give_the_same_corpus(
    collection_dir: Path, cache: Path
) -> None:
    for n in range(5):
        write(collection_dir, f"more{n}.jsonl", jsonl([article_text(n + k) for k in range(3)]))
    pooled = open_corpus(collection_dir, workers=2, parallel_threshold=1)
    same_as_reader(pooled, collection_dir)
    assert len(pooled.articles) == 6 + 15
