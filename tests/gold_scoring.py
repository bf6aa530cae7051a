"""Scoring extracted events against hand-annotated gold, by the gold files' matching rules.

An extracted event matches a gold entry when it comes from the same article,
its evidence sentence contains the anchor (or an alternative anchor; case and
spacing ignored) and its date equals or refines an accepted date (``null``:
undated). Each extracted event matches at most one entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from timeline.model import Event

ALIASES = {"burma": "myanmar", "viet nam": "vietnam", "lao pdr": "laos", "us": "united states"}


def norm(text: str) -> str:
    """Lower-cased, single-spaced, straight apostrophes."""
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().lower()


def canon(country: str) -> str:
    """A country name as the scorer compares it."""
    return ALIASES.get(norm(country), norm(country))


def date_ok(got: str | None, accepted: list[str | None]) -> bool:
    """True when ``got`` equals or refines an accepted date (None: undated)."""
    return any((a is None and not got) or (a and got and got.startswith(a)) for a in accepted)


@dataclass
class Score:
    """Recall of required entries, type accuracy, country F1, and what did not match."""

    required: int = 0
    hits: int = 0
    type_accuracy: float = 0.0
    country_f1: float = 0.0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        """Share of required entries found."""
        return self.hits / self.required if self.required else 1.0


def score(events: list[Event], gold: list[dict]) -> Score:
    """Match ``events`` to the ``gold`` entries and score them."""
    result = Score()
    used: set[int] = set()
    types_ok = 0
    f1s: list[float] = []
    for g in gold:
        accepted = g.get("dates", [g.get("date")])
        anchors = [norm(a) for a in [g["anchor"], *g.get("alt_anchors", [])]]
        found = None
        for k, e in enumerate(events):
            if k in used or e.article.split("/")[-1] != g["article"]:
                continue
            if any(a in norm(e.sentence) for a in anchors) and date_ok(e.date, accepted):
                found = k
                break
        if found is not None:
            used.add(found)
            e = events[found]
            types_ok += e.type in g["types"]
            gc, ec = {canon(c) for c in g["countries"]}, {canon(c) for c in e.countries}
            f1s.append(1.0 if not gc and not ec else 2 * len(gc & ec) / (len(gc) + len(ec)))
        if g["required"]:
            result.required += 1
            result.hits += found is not None
            if found is None:
                result.misses.append(f"{g['article']} {accepted} {g['anchor']!r}")
    matched = {(events[k].article, events[k].date, norm(events[k].sentence)) for k in used}
    articles = {g["article"] for g in gold}
    result.extras = [
        f"{e.article} {e.date} {e.type} {e.summary!r}"
        for k, e in enumerate(events)
        if k not in used
        and e.article.split("/")[-1] in articles
        and (e.article, e.date, norm(e.sentence)) not in matched
    ]
    result.type_accuracy = types_ok / max(len(used), 1)
    result.country_f1 = sum(f1s) / max(len(f1s), 1)
    return result
