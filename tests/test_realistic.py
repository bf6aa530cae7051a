"""Extraction on realistic articles written for testing, against their hand-annotated gold.

The articles in ``tests/realistic/`` imitate what users' folders hold (wire
stories, press releases, a government statement, a saved blog page, a
Markdown clipping, a hard-wrapped newsletter, a feature, an op-ed, a brief,
statistics, an undated piece); ``gold.json`` was annotated before the
extractor was run on them. The thresholds sit a little under the scores
reached, so that a regression fails. Matching is that of the seeds' gold,
plus an optional ``dates`` list of acceptable dates per entry.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from gold_scoring import Score, score

from timeline.extract import load_corpus

HERE = Path(__file__).parent / "realistic"
GOLD = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))["events"]


@pytest.fixture(scope="module")
def scores() -> Score:
    return score(load_corpus(HERE).events, GOLD)


def test_every_article_is_annotated():
    files = {p.name for p in HERE.iterdir() if p.suffix in (".txt", ".md")}
    assert len(files) >= 12
    assert files == {g["article"] for g in GOLD}


def test_required_events_are_found(scores):
    # Reached 64/65; the miss is a tier sentence repeating what the lead already said.
    assert scores.recall >= 0.95, scores.misses


def test_types_are_right(scores):
    assert scores.type_accuracy >= 0.93  # reached 0.975


def test_countries_are_right(scores):
    assert scores.country_f1 >= 0.90  # reached 0.928


def test_few_events_match_nothing_in_the_gold(scores):
    assert len(scores.extras) <= 2, scores.extras  # reached 0
