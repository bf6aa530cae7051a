"""The seeds as web pages, PDFs, Word files and one JSONL collection, scored against gold.

Each format must give the seeds' 13 required events, with precision >= 0.8
(matched gold entries over matched plus extra events, as
``shared/tools/score_events.py`` counts), and no event from the furniture
the fixtures add (navigation, share bars, scripts, "most read", comments,
running headers, page numbers).
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from gold_scoring import date_ok, norm, score
from test_formats_fixtures import FURNITURE, build

from timeline.pipeline import load_corpus
from timeline.store import open_corpus

GOLD = json.loads((Path(__file__).parent / "gold_seeds.json").read_text(encoding="utf-8"))["events"]
FORMATS = ("html", "pdf", "docx", "jsonl")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, tuple[Path, dict[str, str]]]:
    root = tmp_path_factory.mktemp("formats")
    return {fmt: (root / fmt, build(root / fmt, fmt)) for fmt in FORMATS}


def scored(corpus, names: dict[str, str]):
    """The gold score of a corpus whose article names map to the seeds' file names, and its
    precision: gold entries matched over those plus the extra events."""
    events = [dataclasses.replace(e, article=names[e.article]) for e in corpus.events]
    result = score(events, GOLD)
    matched = _matched_entries(events)
    precision = matched / (matched + len(result.extras)) if matched + len(result.extras) else 0
    return result, precision, events


def _matched_entries(events) -> int:
    """How many gold entries an event matches (each event one entry), as the scorer counts."""
    used: set[int] = set()
    for g in GOLD:
        accepted = g.get("dates", [g.get("date")])
        anchors = [norm(a) for a in [g["anchor"], *g.get("alt_anchors", [])]]
        for k, e in enumerate(events):
            if k in used or e.article != g["article"]:
                continue
            if any(a in norm(e.sentence) for a in anchors) and date_ok(e.date, accepted):
                used.add(k)
                break
    return len(used)


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_format_gives_the_required_seed_events(built, fmt):
    folder, names = built[fmt]
    corpus = load_corpus(folder)
    assert sorted(names) == sorted(a.file for a in corpus.articles), corpus.warnings
    assert corpus.warnings == []
    result, precision, events = scored(corpus, names)
    print(f"{fmt}: required {result.hits}/{result.required}, precision {precision:.3f}, "
          f"extras {result.extras}")  # fmt: skip
    assert result.required == 13
    assert result.misses == []
    assert precision >= 0.8, result.extras
    for event in events:
        assert not any(part.lower() in event.sentence.lower() for part in FURNITURE), event


@pytest.mark.parametrize("fmt", FORMATS)
def test_spans_index_the_article_text_and_the_index_gives_the_same(built, fmt, tmp_path):
    folder, _ = built[fmt]
    corpus = open_corpus(folder, cache_dir=tmp_path)
    texts = {a.file: a.text for a in corpus.articles}
    for e in corpus.events:
        assert texts[e.article][e.start : e.end] == e.sentence
    ref = load_corpus(folder)
    assert [e.to_dict() for e in corpus.events] == [e.to_dict() for e in ref.events]
    again = open_corpus(folder, cache_dir=tmp_path)
    assert again.report.read == 0
    assert [e.to_dict() for e in again.events] == [e.to_dict() for e in ref.events]
