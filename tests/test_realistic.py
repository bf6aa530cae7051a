"""Extraction on articles written for testing, against their hand-annotated gold.

Two sets, each annotated before the extractor was run on it:

- ``tests/realistic/`` imitates what users' folders hold (wire stories, press
  releases, a government statement, a saved blog page, a Markdown clipping, a
  hard-wrapped newsletter, a feature, an op-ed, a brief, statistics, an
  undated piece). Rules were then tuned on it: first measured recall 45/65,
  9 extras; reached 64/65, 0 extras, types 0.975, countries 0.928.
- ``tests/heldout/`` was written after that tuning (a wire story, an NGO
  release, a government statement, a bylined local story, statistics, a court
  story, a ministerial meeting, a TIP report story): the honest measure of
  text the rules were not tuned on. First measured recall 29/35, precision
  0.878, types 0.972, countries 0.842; after general fixes for its misses
  35/35, types 0.977, countries 0.841, 2 extras.
- ``tests/heldout2/`` and ``tests/heldout3/`` were written later by people who
  had not seen the extractor or the sets above (web pages with menus, cookie
  banners and footers, wire copy, Q&A, year-in-review, court and TIP stories,
  a Markdown clipping; South and Southeast Asia, 2003-2024). First measured:
  heldout2 recall 71/96 (precision 0.76), heldout3 65/95 (precision 0.67,
  already after most of heldout2's fixes); after general fixes for their
  misses 92/96 and 91/95.
- ``tests/heldout4/`` came last, in the same way, on the seeds' beat
  (Cambodia, Thailand, Laos, Vietnam, Malaysia, 2005-2020). First measured,
  after every fix above: recall 83/105 (precision 0.82); with the code from
  before heldout2, 79/105 (precision 0.77). After general fixes for its misses
  98/105.
- ``tests/heldout5/`` was written last, as the honest measure of everything
  above: first measured 72/98 (precision about 0.76), against 64/98 (precision
  about 0.69) with the code from before heldout2. After general fixes for its
  misses 82/98.

Thresholds sit a little under the scores reached, so that a regression
fails. Matching is that of the seeds' gold, plus an optional ``dates`` list
of acceptable dates per entry.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from gold_scoring import Score, score

from timeline.pipeline import load_corpus


@dataclass(frozen=True)
class GoldSet:
    folder: str
    min_articles: int
    recall: float
    types: float
    countries: float
    extras: int


SETS = [
    GoldSet("realistic", 12, recall=0.95, types=0.93, countries=0.90, extras=2),
    GoldSet("heldout", 8, recall=0.94, types=0.93, countries=0.80, extras=5),
    GoldSet("heldout2", 12, recall=0.92, types=0.79, countries=0.84, extras=12),
    GoldSet("heldout3", 12, recall=0.93, types=0.85, countries=0.83, extras=19),
    GoldSet("heldout4", 12, recall=0.90, types=0.77, countries=0.85, extras=18),
    GoldSet("heldout5", 12, recall=0.81, types=0.76, countries=0.83, extras=28),
]


@pytest.fixture(scope="module", params=SETS, ids=lambda s: s.folder)
def gold_set(request) -> tuple[GoldSet, list[dict], Score]:
    folder = Path(__file__).parent / request.param.folder
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))["events"]
    return request.param, gold, score(load_corpus(folder).events, gold)


def test_every_article_is_annotated(gold_set):
    spec, gold, _ = gold_set
    folder = Path(__file__).parent / spec.folder
    files = {p.name for p in folder.iterdir() if p.suffix in (".txt", ".md")}
    assert len(files) >= spec.min_articles
    assert files == {g["article"] for g in gold}


def test_required_events_are_found(gold_set):
    spec, _, scores = gold_set
    assert scores.recall >= spec.recall, scores.misses


def test_types_are_right(gold_set):
    spec, _, scores = gold_set
    assert scores.type_accuracy >= spec.types


def test_countries_are_right(gold_set):
    spec, _, scores = gold_set
    assert scores.country_f1 >= spec.countries


def test_few_events_match_nothing_in_the_gold(gold_set):
    spec, _, scores = gold_set
    assert len(scores.extras) <= spec.extras, scores.extras
