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
import re
from pathlib import Path

import pytest

from timeline.extract import load_corpus

HERE = Path(__file__).parent / "realistic"
GOLD = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))["events"]
ALIASES = {"burma": "myanmar", "viet nam": "vietnam", "lao pdr": "laos", "us": "united states"}


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().lower()


def canon(country: str) -> str:
    return ALIASES.get(norm(country), norm(country))


def date_ok(got: str | None, accepted: list[str | None]) -> bool:
    return any((a is None and not got) or (a and got and got.startswith(a)) for a in accepted)


@pytest.fixture(scope="module")
def scores() -> dict:
    events = load_corpus(HERE).events
    used: set[int] = set()
    required = hits = types_ok = 0
    country_f1: list[float] = []
    misses: list[str] = []
    for g in GOLD:
        accepted = g.get("dates", [g["date"]])
        found = None
        for k, e in enumerate(events):
            if k in used or e.article != g["article"]:
                continue
            if norm(g["anchor"]) in norm(e.sentence) and date_ok(e.date, accepted):
                found = k
                break
        if found is not None:
            used.add(found)
            e = events[found]
            types_ok += e.type in g["types"]
            gc, ec = {canon(c) for c in g["countries"]}, {canon(c) for c in e.countries}
            country_f1.append(1.0 if not gc and not ec else 2 * len(gc & ec) / (len(gc) + len(ec)))
        if g["required"]:
            required += 1
            hits += found is not None
            if found is None:
                misses.append(f"{g['article']} {accepted} {g['anchor']!r}")
    matched = {(events[k].article, events[k].date, norm(events[k].sentence)) for k in used}
    extras = [
        f"{e.article} {e.date} {e.type} {e.summary!r}"
        for k, e in enumerate(events)
        if k not in used and (e.article, e.date, norm(e.sentence)) not in matched
    ]
    return {
        "recall": hits / required,
        "type_accuracy": types_ok / max(len(used), 1),
        "country_f1": sum(country_f1) / max(len(country_f1), 1),
        "extras": extras,
        "misses": misses,
    }


def test_every_article_is_annotated():
    files = {p.name for p in HERE.iterdir() if p.suffix in (".txt", ".md")}
    assert len(files) >= 12
    assert files == {g["article"] for g in GOLD}


def test_required_events_are_found(scores):
    # Reached 64/65; the miss is a tier sentence repeating what the lead already said.
    assert scores["recall"] >= 0.95, scores["misses"]


def test_types_are_right(scores):
    assert scores["type_accuracy"] >= 0.93  # reached 0.975


def test_countries_are_right(scores):
    assert scores["country_f1"] >= 0.90  # reached 0.928


def test_few_events_match_nothing_in_the_gold(scores):
    assert len(scores["extras"]) <= 2, scores["extras"]  # reached 0
