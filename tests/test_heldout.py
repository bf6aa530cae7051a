"""Extraction on held-out articles, annotated before the extractor was run or its rules read.

The articles in ``tests/heldout/`` were written after extraction had been tuned
on the seeds and on ``tests/realistic/``: a wire story, an NGO release with a
"Posted on" line and a footer, a government statement, a local story with a
byline, statistics, a court story, a ministerial meeting with a joint
declaration and a US TIP report story. They measure how extraction fares on
text it was not tuned on. The thresholds sit a little under the scores first
measured (recorded next to each: the held-out figure, before any fix, and
after general fixes for the misses it showed), so that a regression fails.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from gold_scoring import Score, score

from timeline.extract import load_corpus

HERE = Path(__file__).parent / "heldout"
GOLD = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))["events"]


@pytest.fixture(scope="module")
def scores() -> Score:
    return score(load_corpus(HERE).events, GOLD)


def test_every_article_is_annotated():
    files = {p.name for p in HERE.iterdir() if p.suffix in (".txt", ".md")}
    assert len(files) >= 8
    assert files == {g["article"] for g in GOLD}


def test_required_events_are_found(scores):
    # First measured 29/35 = 0.829; 34/35 after the fixes. The miss: the article date sits in
    # "By Bernama | Published 24 Feb 2023, 6:42 pm", which is not read, so "on Friday" is undated.
    assert scores.recall >= 0.94, scores.misses


def test_types_are_right(scores):
    assert scores.type_accuracy >= 0.93  # first measured 0.972; 0.977 after the fixes


def test_countries_are_right(scores):
    assert scores.country_f1 >= 0.80  # first measured 0.842; 0.837 after the fixes


def test_few_events_match_nothing_in_the_gold(scores):
    assert len(scores.extras) <= 5, scores.extras  # first measured 5; 4 after the fixes
