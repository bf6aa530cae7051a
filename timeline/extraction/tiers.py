"""TIP tiers as values: which tier a ranking sentence gives a country, the tier before,
and the report's edition.

A ranking sentence names tiers in many words ("Tier 2 Watch List", "the
watchlist", "Tier Two", "the lowest ranking", "the blacklist", "the top
tier") and in two roles: the tier a country is placed on, and the tier it
came from ("from the watch list", "after two years at Tier 3", "a reversal
of last year's Tier Two ranking"). A sentence may tell several years
("Cambodia had been on Tier 3 in 2005, was lifted in 2006, and spent 2007
and 2008 on the Tier 2 Watch List"): :class:`Ranking` cuts it into clauses
and each date takes the facts of its own clause. A clause that only
continues ("and remained there in 2017", "and so was Indonesia", "where it
had been ranked") takes the tier named before it; a wish or a condition
("could face the lowest ranking", "to restore Cambodia to Tier 2") and a
general explanation ("a country that spends two years on the watch list")
give no facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from timeline.extraction.tiercues import (
    AUTOMATIC,
    AVOIDED,
    CLAUSE,
    COMMON_WORD,
    CONTINUES,
    FROM_BEFORE,
    GENERIC,
    IRREALIS,
    LIST_AND,
    MEETS_STANDARDS,
    MOVES,
    OF_LIST,
    POSSESSIVE,
    REPORT_YEAR,
    RIGHT_AFTER,
    RUN_ORDINALS,
    RUN_YEARS,
    SAME_AS_BEFORE,
    STATE_NOW,
    SUBORDINATE,
    THE_REPORT,
    YEARS_ON_BEFORE,
)
from timeline.language.lexicon import number_value

__all__ = [
    "EXAMPLES",
    "TIER_NAMES",
    "Ranking",
    "TierExample",
    "TierFacts",
    "report_year",
    "tier_summary",
]

#: How the tiers are written out, by their codes.
TIER_NAMES: dict[str, str] = {
    "1": "Tier 1",
    "2": "Tier 2",
    "2WL": "Tier 2 Watch List",
    "3": "Tier 3",
}

# Tier names, most specific first: "Tier 2 Watch List" before "Tier 2".
_TIER_FORMS: tuple[tuple[str, str], ...] = (
    ("2WL", r"\btier[\s-]*(?:2|two|ii)[\s-]+(?:[a-z]+\s+)?(?:watch[\s-]?list|wl)\b"),
    ("2WL", r"\btier[\s-]*2wl\b"),
    ("2WL", r"\bwatch[\s-]?list\b"),
    ("1", r"\btier[\s-]*(?:1|one|i)\b|\b(?:top|highest)\s+(?:tier|rank|ranking|rung)\b"),
    ("2", r"\btier[\s-]*(?:2|two|ii)\b"),
    ("1", MEETS_STANDARDS),
    ("3", r"\btier[\s-]*(?:3|three|iii)\b|\bblack[\s-]?list\b"),
    ("3", r"\b(?:lowest|bottom)\s+(?:level|rank|rung|ranking|tier|grade|category)\b"),
    # The tiers as a translation names them: "List 2 for follow-up" is the watch list.
    ("2WL", r"(?-i:\bList\s+(?:2|II))\s+for\s+follow\s*-?\s*up\b"),
    ("1", r"(?-i:\bList\s+(?:1|I)\b)"),
    ("2", r"(?-i:\bList\s+(?:2|II)\b)"),
    ("3", r"(?-i:\bList\s+(?:3|III)\b)"),
)
_TIER_RE = re.compile("|".join(f"(?P<t{n}>{p})" for n, (_, p) in enumerate(_TIER_FORMS)), re.I)
_TIER_CODES = [code for code, _ in _TIER_FORMS]


@dataclass(frozen=True, slots=True)
class TierFacts:
    """What a ranking says of one year: the tier (None: a move without a tier), the tier
    before it when the text gives it, and how many years before this one the text says
    had the tier before ("for a third straight year": 2)."""

    tier: str | None
    previous: str | None = None
    years_before: int = 0


class _Named(NamedTuple):
    start: int
    end: int
    code: str
    came_from: bool
    #: For "after two years at Tier 3": how many years it was that tier.
    years: int


class TierExample(NamedTuple):
    """A ranking sentence, the date in it the facts are for (None: the sentence's main
    ranking), and the facts it must give (None: no ranking told)."""

    sentence: str
    date: str | None
    facts: TierFacts | None


EXAMPLES: tuple[TierExample, ...] = (
    TierExample(
        "It was upgraded to Tier 2 from the Tier 2 Watch List.", None, TierFacts("2", "2WL", 1)
    ),
    TierExample("Malaysia was removed from the watch list.", None, TierFacts(None, "2WL", 1)),
    TierExample("Myanmar was elevated from the lowest level.", None, TierFacts(None, "3", 1)),
    TierExample(
        "The US elevated it from the lowest level on its trafficking watch list.",
        None,
        TierFacts(None, "3", 1),
    ),
    TierExample(
        "It dropped a notch to the watch list, a reversal of last year's Tier Two ranking.",
        None,
        TierFacts("2WL", "2", 1),
    ),
    TierExample(
        "Vietnam remained on the Tier 2 Watch List for the second consecutive year.",
        None,
        TierFacts("2WL", "2WL", 1),
    ),
    TierExample(
        "Phnom Penh remained at Tier 3 for a third straight year.", None, TierFacts("3", "3", 2)
    ),
    TierExample(
        "Thailand was automatically downgraded after two years on the watch list.",
        None,
        TierFacts("3", "2WL", 2),
    ),
    TierExample("Thailand was ranked Tier 3 in 2014 and 2015.", "2015", TierFacts("3")),
    TierExample(
        "Cambodia had been on Tier 3 in 2005, was lifted in 2006, and spent 2007 "
        "and 2008 on the Tier 2 Watch List.",
        "2006",
        TierFacts(None),
    ),
    TierExample(
        "Cambodia had been on Tier 3 in 2005, was lifted in 2006, and spent 2007 "
        "and 2008 on the Tier 2 Watch List.",
        "2008",
        TierFacts("2WL"),
    ),
    TierExample(
        "Thailand was ranked Tier 3 in 2014, moved up to the Tier 2 Watch List in 2016, "
        "and remained there in 2017.",
        "2017",
        TierFacts("2WL", "2WL", 1),
    ),
    TierExample("In 2014 Thailand was on the blacklist.", "2014", TierFacts("3")),
    TierExample("The report placed it in the top tier.", None, TierFacts("1")),
    TierExample(
        "In 2006 the Philippines was ranked Tier 2, and so was Indonesia.", None, TierFacts("2")
    ),
    TierExample(
        "It rejects the 2019 report, which downgraded Cambodia to Tier 3, following two "
        "years on the Tier 2 Watch List in 2017 and 2018.",
        "2019",
        TierFacts("3", "2WL", 2),
    ),
    TierExample(
        "It rejects the 2019 report, which downgraded Cambodia to Tier 3, following two "
        "years on the Tier 2 Watch List in 2017 and 2018.",
        "2017",
        TierFacts("2WL"),
    ),
    TierExample(
        "Kerry released the report, downgrading Myanmar from the Tier 2 Watch List to Tier 3, "
        "upgrading Thailand from Tier 3 to the Tier 2 Watch List, and keeping Malaysia at "
        "Tier 2 Watch List.",
        None,
        TierFacts("3", "2WL", 1),
    ),
    TierExample("Vietnam, Cambodia, and Brunei were dropped down to Tier 3.", None, TierFacts("3")),
    TierExample(
        "In its Report 2016 it kept Malaysia on its Tier 2 Watch List, a year after it bumped "
        "the country up to that position from the bottommost Tier 3 rank.",
        "2016",
        TierFacts("2WL", "2WL", 1),
    ),
    TierExample(
        "The report continued to put Vietnam on Tier 2 Watch List, as in 2010.",
        "2010",
        TierFacts("2WL"),
    ),
    # No ranking told: a condition, a wish, a general rule.
    TierExample(
        "If it is still on the watch list in 2012, it could face the lowest ranking.", "2012", None
    ),
    TierExample(
        "It calls on the US to restore Cambodia to Tier 2 in next year's report.", None, None
    ),
    TierExample(
        "A country that spends two years on the watch list is moved to Tier 3.", None, None
    ),
    TierExample(
        "Tier 2 countries fall short of the minimum standards but are making efforts.", None, None
    ),
    TierExample(
        "This year's rankings are based on governments' efforts from April 2015.", None, None
    ),
)


@dataclass(frozen=True, slots=True)
class _Clause:
    start: int
    end: int
    text: str
    named: tuple[_Named, ...]


class Ranking:
    """A ranking sentence cut into clauses, each read for the tier facts it tells."""

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence
        self.named = _named(sentence)
        self._facts: dict[tuple[int, tuple[int, int] | None], TierFacts | None] = {}
        spans, start = [], 0
        for m in CLAUSE.finditer(sentence):
            if LIST_AND.fullmatch(m.group()) and not COMMON_WORD.search(sentence, start, m.start()):
                continue  # "Vietnam, Cambodia, | and Brunei were dropped": one clause
            spans.append((start, m.start()))
            start = m.end()
        spans.append((start, len(sentence)))
        self.clauses = [
            _Clause(a, b, sentence[a:b], tuple(n for n in self.named if a <= n.start < b))
            for a, b in spans
        ]

    def ranked_at(self, pos: int) -> bool:
        """Whether a country named at ``pos`` is one the ranking places: named before the
        tier of its clause or right after a verb of moving ("downgraded Thailand to Tier
        3"), not in what follows ("... to the watch list, months before ... in Essex")."""
        clause = self.clauses[self.clause_at(pos)]
        if not clause.named or pos < clause.named[-1].start:
            return True
        return bool(MOVES.search(self.sentence, max(clause.start, pos - 30), pos))

    def subordinate(self, k: int) -> bool:
        """Whether clause ``k`` leans on the one before ("where it has been since 2018")."""
        return bool(SUBORDINATE.match(self.clauses[k].text))

    def explains(self) -> bool:
        """Whether the sentence explains how the tiers work rather than telling a ranking."""
        return bool(GENERIC.search(self.sentence)) and self.main() is None

    def clause_at(self, pos: int) -> int:
        """The number of the clause holding position ``pos``."""
        for k, clause in enumerate(self.clauses):
            if pos < clause.end + 1:
                return k
        return len(self.clauses) - 1

    def facts_of(self, k: int, at: tuple[int, int] | None = None) -> TierFacts | None:
        """The facts clause ``k`` tells (of the date at ``at``, when given)."""
        key = (k, at)
        if key not in self._facts:
            self._facts[key] = self._read_facts(k, at)
        return self._facts[key]

    def _read_facts(self, k: int, at: tuple[int, int] | None) -> TierFacts | None:
        clause = self.clauses[k]
        text = clause.text
        generic = GENERIC.search(text)
        if IRREALIS.search(text) or (
            generic
            and (not clause.named or clause.start + generic.start() <= clause.named[0].start)
        ):
            return None
        placed = [n for n in clause.named if not n.came_from]
        came = [n for n in clause.named if n.came_from]
        if at is not None:
            came_from = self._history(clause, at)
            if came_from is not None:
                return TierFacts(came_from)
        run = RUN_YEARS.search(text)
        continues = bool(CONTINUES.search(text))
        years_before = RUN_ORDINALS[run.group("n").lower()] - 1 if run else int(continues)
        tier = placed[-1].code if placed else None
        previous = came[0].code if came else None
        if tier is None and previous is None:
            before = [n for n in self.named if n.start < clause.start]
            if before and (continues or SAME_AS_BEFORE.search(text)):
                tier = before[-1].code  # "and remained there", "and so was Indonesia"
            elif not MOVES.search(text):
                return None
        automatic = AUTOMATIC.search(text)
        if automatic and not AVOIDED.search(
            text, max(0, automatic.start() - 24), automatic.start()
        ):
            tier, previous = tier or "3", previous or "2WL"
            years_before = max(years_before, 2)
        if came:
            # A move tells the tier of the report before ("lifted from Tier 3 to the watch
            # list" in 2015: Tier 3 in 2014), or of the years it names ("after two years").
            years_before = max(years_before, came[0].years or 1)
        if continues and tier and previous is None:
            previous = tier
        return TierFacts(tier, previous, years_before if (tier or previous) else 0)

    def _history(self, clause: _Clause, at: tuple[int, int]) -> str | None:
        """The tier a date is a year of when it dates the tier a country came from ("after
        two years on the watch list in 2017 and 2018", "last year's Tier Two ranking")."""
        if not clause.named:
            return None
        nearest = min(clause.named, key=lambda n: min(abs(n.start - at[1]), abs(at[0] - n.end)))
        if nearest.came_from and (
            (nearest.years and RIGHT_AFTER.fullmatch(self.sentence, nearest.end, at[0]))
            or POSSESSIVE.match(self.sentence, at[1], nearest.start)
        ):
            return nearest.code
        return None

    def facts_at(self, at: tuple[int, int]) -> TierFacts | None:
        """The facts of the year a date at ``at`` (a span in the sentence) dates."""
        k = self.dated_clause(at)
        return self.facts_of(k, at if k == self.clause_at(at[0]) else None)

    def dated_clause(self, at: tuple[int, int]) -> int:
        """The clause a date at ``at`` dates: its own, or the one it leads into ("rejects
        the 2019 report, which downgraded ...", "In 2005, it was considered", "The 2012
        report, released in June, kept Malaysia on the watch list")."""
        k = self.clause_at(at[0])
        clause = self.clauses[k]
        if self.facts_of(k, at) is None and not clause.named and k + 1 < len(self.clauses):
            following = self.clauses[k + 1].text
            if (
                re.match(r"(?i)\s*(?:which|that)\b", following)
                or len(clause.text.split()) <= 5
                or THE_REPORT.search(clause.text)
            ):
                return k + 1
        return k

    def dates(self, at: tuple[int, int]) -> bool:
        """Whether a date at ``at`` dates a ranking (its clause tells one, or names the report)."""
        return self.facts_at(at) is not None

    def main(self) -> int | None:
        """The number of the clause that tells the sentence's own ranking, or None."""
        told = [k for k in range(len(self.clauses)) if self.facts_of(k) is not None]
        if not told:
            return None
        lead = [k for k in told if not SUBORDINATE.match(self.clauses[k].text)]
        return (lead or told)[0]

    def main_facts(self) -> TierFacts | None:
        """The facts of the sentence's own ranking, or None."""
        k = self.main()
        return None if k is None else self.facts_of(k)

    def undated_main(self, date_spans: list[tuple[int, int]]) -> bool:
        """Whether the sentence's own ranking stands in a clause without a date of its own
        ("placed on the watch list, after being ranked Tier 3 in 2021 and 2022"), told as
        news rather than as the state things are in ("the country remains on the watch
        list, where it was placed in 2006")."""
        k = self.main()
        if k is None or not date_spans or STATE_NOW.search(self.clauses[k].text):
            return False
        return all(
            self.dated_clause(span) != k or self._history(self.clauses[k], span) is not None
            for span in date_spans
        )


def _named(sentence: str) -> list[_Named]:
    found: list[_Named] = []
    for m in _TIER_RE.finditer(sentence):
        code = _TIER_CODES[int(m.lastgroup[1:])]  # type: ignore[index]
        if found and code == "2WL" and OF_LIST.match(sentence, found[-1].end, m.start()):
            continue
        before = sentence[max(0, m.start() - 60) : m.start()]
        years = YEARS_ON_BEFORE.search(before)
        came_from = bool(FROM_BEFORE.search(before) or years)
        found.append(_Named(m.start(), m.end(), code, came_from, _count(years) if years else 0))
    return found


def _count(m: re.Match[str]) -> int:
    try:
        return number_value(m.group("n"))
    except KeyError:
        return 0


def report_year(sentence: str, date: str | None, article_year: int | None) -> int | None:
    """The report's edition: the year the event is dated, else a report named by its year
    ("the 2010 report"), else "this year's report" read from the article's year."""
    if date:
        return int(date[:4])
    m = REPORT_YEAR.search(sentence)
    if m and m.group("y"):
        return int(m.group("y"))
    if m and article_year is not None:
        return article_year - (m.group("this").lower() == "last")
    return article_year


def tier_summary(countries: tuple[str, ...], facts: TierFacts, edition: int | None) -> str:
    """``Cambodia: Tier 2 Watch List → Tier 2 (2010 report)``."""
    names = ", ".join(countries) or "?"
    after = TIER_NAMES.get(facts.tier or "", "")
    before = TIER_NAMES.get(facts.previous or "", "")
    if before and after:
        move = f"{after}, as before" if before == after else f"{before} → {after}"
    elif after:
        move = after
    elif before:
        way = {"3": "up from", "1": "down from"}.get(facts.previous or "", "moved from")
        move = f"{way} {before}"
    else:
        move = "tier changed"
    return f"{names}: {move}" + (f" ({edition} report)" if edition else "")
