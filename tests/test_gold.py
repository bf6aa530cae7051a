"""Extraction on the bundled seeds against the hand-annotated gold events.

The matching rules are those of ``gold_seeds.json`` (and of the shared
``score_events.py``): same article, the evidence sentence contains the
anchor (case and spacing ignored), the date equals or refines an accepted
date (``null`` = undated).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from gold_scoring import score

from timeline.pipeline import load_corpus

GOLD = json.loads((Path(__file__).parent / "gold_seeds.json").read_text(encoding="utf-8"))["events"]


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


@pytest.fixture(scope="module")
def result(corpus):
    return score(corpus.events, GOLD)


def test_every_required_gold_event_is_found(result):
    assert result.required == 13
    assert result.misses == []


def test_types_and_countries_match_gold(result):
    assert result.type_accuracy >= 0.9
    assert result.country_f1 >= 0.9


def test_few_events_outside_gold(result):
    assert len(result.extras) <= 3, result.extras


def test_evidence_spans_point_into_the_article_text(corpus):
    texts = {a.file: a.text for a in corpus.articles}
    for e in corpus.events:
        assert texts[e.article][e.start : e.end] == e.sentence
