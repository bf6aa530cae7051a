"""Extraction on the bundled seeds against the hand-annotated gold events.

The matching rules are those of ``gold_seeds.json`` (and of the shared
``score_events.py``): same article, the evidence sentence contains the
anchor (case and spacing ignored), the date equals or refines an accepted
date (``null`` = undated).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from timeline.extract import load_corpus

GOLD = json.loads((Path(__file__).parent / "gold_seeds.json").read_text(encoding="utf-8"))
ALIASES = {"burma": "myanmar", "viet nam": "vietnam", "lao pdr": "laos", "us": "united states"}


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().lower()


def canon(country: str) -> str:
    return ALIASES.get(norm(country), norm(country))


def date_ok(got: str | None, accepted: list[str | None]) -> bool:
    return any((a is None and not got) or (a and got and got.startswith(a)) for a in accepted)


def score(events: list[dict]) -> dict:
    """Recall of required gold events, type accuracy, country F1, and unmatched extras."""
    used: set[int] = set()
    required = hits = types_ok = 0
    country_f1: list[float] = []
    misses = []
    for g in GOLD["events"]:
        accepted = g.get("dates", [g.get("date")])
        anchors = [norm(a) for a in [g["anchor"], *g.get("alt_anchors", [])]]
        found = None
        for k, e in enumerate(events):
            if k in used or e["article"].split("/")[-1] != g["article"]:
                continue
            if any(a in norm(e["sentence"]) for a in anchors) and date_ok(e["date"], accepted):
                found = k
                break
        if found is not None:
            used.add(found)
            e = events[found]
            types_ok += e["type"] in g["types"]
            gc = {canon(c) for c in g["countries"]}
            ec = {canon(c) for c in e["countries"]}
            country_f1.append(1.0 if not gc and not ec else 2 * len(gc & ec) / (len(gc) + len(ec)))
        if g["required"]:
            required += 1
            hits += found is not None
            if found is None:
                misses.append(g["anchor"])
    matched = {(events[k]["article"], events[k]["date"], norm(events[k]["sentence"])) for k in used}
    gold_articles = {g["article"] for g in GOLD["events"]}
    extras = [
        e
        for k, e in enumerate(events)
        if k not in used
        and e["article"].split("/")[-1] in gold_articles
        and (e["article"], e["date"], norm(e["sentence"])) not in matched
    ]
    return {
        "required": required,
        "hits": hits,
        "misses": misses,
        "type_acc": types_ok / max(len(used), 1),
        "country_f1": sum(country_f1) / max(len(country_f1), 1),
        "extras": [(e["article"], e["date"], e["sentence"][:70]) for e in extras],
    }


@pytest.fixture(scope="module")
def seed_events() -> list[dict]:
    corpus = load_corpus()
    return [e.to_dict() for e in corpus.events]


def test_every_required_gold_event_is_found(seed_events):
    result = score(seed_events)
    assert result["required"] == 13
    assert result["misses"] == []


def test_types_and_countries_match_gold(seed_events):
    result = score(seed_events)
    assert result["type_acc"] >= 0.9
    assert result["country_f1"] >= 0.9


def test_few_events_outside_gold(seed_events):
    assert len(score(seed_events)["extras"]) <= 3, score(seed_events)["extras"]


def test_evidence_spans_point_into_the_article_text(seed_events):
    corpus = load_corpus()
    texts = {a.file: a.text for a in corpus.articles}
    for e in seed_events:
        assert texts[e["article"]][e["start"] : e["end"]] == e["sentence"]
