"""The search language: whole words, prefixes, phrases, OR, NOT, brackets; an event matches
by its sentence (and with --in-article by its article), the same with and without the index."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.cli import main
from timeline.query import as_typed, fold, parse
from timeline.store import open_corpus
from timeline.store.search import MemorySearcher


def matches(query: str, text: str) -> bool:
    parsed = parse(query)
    return parsed is not None and parsed.matches(fold(text))


@pytest.mark.parametrize(
    ("query", "text", "expected"),
    [
        ("watch", "the Tier 2 Watch List", True),
        ("watch", "a watchdog said", False),
        ("watch*", "a watchdog said", True),
        ("watch", "the watch-list", True),  # a hyphen splits words
        ('"task force"', "a task force on trafficking", True),
        ('"task force"', "to force a task", False),
        ("task force", "to force a task", True),  # words in any order
        ("laos OR vietnam", "Vietnam signed", True),
        ("laos OR vietnam", "Thailand signed", False),
        ("trafficking NOT labour", "labour trafficking", False),
        ("trafficking NOT labour", "sex trafficking", True),
        ("NOT raid", "a conference", True),
        ("NOT raid", "a raid", False),
        ("(laos OR vietnam) raid", "a raid in Laos", True),
        ("(laos OR vietnam) raid", "a summit in Laos", False),
        ("viet", "Việt Nam", True),  # diacritics folded
        ("VIỆT", "viet nam", True),
        ("or", "this or that", True),  # a lower-case operator is a word
        ("anti-trafficking", "the anti trafficking law", True),  # punctuation: a phrase
        ("Penh's", "Phnom Penh's port", True),
        ('"task fo"*', "the task force", True),
        ("2010", "the 2010 report", True),
        ("201", "the 2010 report", False),
    ],
)
def test_the_language(query: str, text: str, expected: bool) -> None:
    assert matches(query, text) is expected


@pytest.mark.parametrize("query", ["", "   ", '"', "()", "NOT", "OR AND", "***", "-", "'"])
def test_queries_that_say_nothing_are_none(query: str) -> None:
    assert parse(query) is None


def test_a_query_being_typed_ends_in_a_prefix() -> None:
    assert as_typed("cambo") == "cambo*"
    assert as_typed("cambodia ") == "cambodia "  # a space ends the word
    assert as_typed('"task fo') == '"task fo"*'
    assert as_typed('"task force"') == '"task force"'
    assert as_typed("laos OR") == "laos OR"
    assert parse(as_typed("co")) == parse("co", prefix_last=True)


# -- on the seeds: the numbers the issue gives -----------------------------------------------


def listed(capsys, *argv: str) -> list[str]:
    assert main(["list", *argv]) == 0
    out = capsys.readouterr().out
    return out.splitlines()[1:-1]


def test_seeds_watch_is_one_sentence_and_watch_prefix_three(capsys) -> None:
    assert len(listed(capsys, "--search", "watch")) == 1
    assert len(listed(capsys, "--search", "watch*")) == 3
    assert len(listed(capsys, "--no-cache", "--search", "watch*")) == 3


def test_seeds_in_article_is_an_explicit_choice(capsys, seeds_corpus) -> None:
    sentences = listed(capsys, "--search", '"task force"')
    articles = listed(capsys, "--search", '"task force"', "--in-article")
    having = {a.file for a in seeds_corpus.articles if "task force" in a.text.lower()}
    assert len(sentences) == sum("task force" in e.sentence.lower() for e in seeds_corpus.events)
    assert len(articles) == sum(e.article in having for e in seeds_corpus.events)
    assert len(sentences) < len(articles)


# -- the same answers with and without the index ---------------------------------------------

QUERIES = [
    "watch",
    "watch*",
    '"task force"',
    "cambodia OR thailand",
    "NOT trafficking",
    "trafficking NOT cambodia",
    "(tier OR report) NOT 2010",
    "Cambódia",
    "traffick* convict*",
    '"ministry of"*',
    "anti-trafficking",
    "x" * 500,
]


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    import os

    cache = tmp_path_factory.mktemp("cache")
    before = os.environ.get("TIMELINE_CACHE_DIR")
    os.environ["TIMELINE_CACHE_DIR"] = str(cache)
    try:
        indexed = open_corpus(None)
        memory = MemorySearcher(indexed.articles, indexed.events)
        yield indexed, memory
        indexed.close()
    finally:
        if before is None:
            os.environ.pop("TIMELINE_CACHE_DIR", None)
        else:
            os.environ["TIMELINE_CACHE_DIR"] = before


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("in_article", [False, True])
def test_index_and_memory_agree(both, query: str, in_article: bool) -> None:
    indexed, memory = both
    assert indexed.search(query, in_article) == memory.event_ids(query, in_article)


_WORDS = st.sampled_from(
    ["cambodia", "thailand", "tier", "trafficking", "task", "force", "watch", "2010", "police"]
)
_PIECES = st.one_of(
    _WORDS,
    _WORDS.map(lambda w: w[:3] + "*"),
    st.lists(_WORDS, min_size=2, max_size=3).map(lambda ws: '"' + " ".join(ws) + '"'),
    st.sampled_from(["OR", "NOT", "AND", "(", ")"]),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=6))
def test_any_query_gives_the_same_events_with_and_without_the_index(both, pieces) -> None:
    indexed, memory = both
    query = " ".join(pieces)
    assert indexed.search(query) == memory.event_ids(query)


def test_a_search_of_a_folder_without_index_needs_no_cache(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Raids in Cambodia\n\n[5 May 2010]\n\nPolice in Cambodia raided three brothels "
        "on 4 May 2010, officials said.\n",
        encoding="utf-8",
    )
    with_index = listed(capsys, str(folder), "--search", "raid*")
    without = listed(capsys, str(folder), "--no-cache", "--search", "raid*")
    assert with_index == without and len(with_index) == 1
