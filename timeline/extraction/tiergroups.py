"""The countries of a ranking sentence grouped by the ranking each is given: "Vietnam
was upgraded to Tier 2, while Laos stayed on the watch list" is two tier events.

Read by :mod:`timeline.extraction.extract` for every tier-change sentence.
"""

from __future__ import annotations

from timeline.extraction.countries import RANKER
from timeline.extraction.state import SentenceState
from timeline.extraction.tiers import TierFacts
from timeline.language.dates import DateMention

__all__ = ["tier_groups"]


def tier_groups(
    sentence: SentenceState, countries: tuple[str, ...], mention: DateMention | None
) -> list[tuple[tuple[str, ...], TierFacts | None]]:
    """The countries of a tier event, grouped by the ranking each is given.

    The ranked countries of the clause the date stands in (of every clause that
    tells a ranking, for an event without a date of its own) come first, each
    group with the ranker after it; countries named only in clauses that tell
    no ranking ("... found dead in Essex, England") are not ranked ("Vietnam was
    upgraded to Tier 2, while Laos stayed on the watch list": two groups).
    """
    ranking = sentence.ranking
    ranked = [c for c in countries if c != RANKER] or list(countries)
    ranker = (RANKER,) if RANKER in countries and RANKER not in ranked else ()
    clause_of: dict[str, set[int]] = {}
    for m in sentence.places:
        at = m.start - sentence.start
        if ranking.ranked_at(at):
            clause_of.setdefault(m.country, set()).add(ranking.clause_at(at))
        else:
            clause_of.setdefault(m.country, set())
    telling = {k for k in range(len(ranking.clauses)) if ranking.facts_of(k) is not None}
    by_facts: dict[TierFacts | None, list[str]] = {}
    if mention is not None:
        at = (mention.start - sentence.start, mention.end - sentence.start)
        facts = ranking.facts_at(at)
        k = ranking.dated_clause(at)  # "released the report yesterday, downgrading Myanmar"
        here = [c for c in ranked if k in clause_of.get(c, ())]
        back = k
        while not here and back > 0 and ranking.subordinate(back):
            # "..., while Myanmar remained on Tier 3, where it has been since 2018"
            back -= 1
            here = [c for c in ranked if back in clause_of.get(c, ())]
        main = ranking.main()
        chosen = here or [
            c
            for c in ranked
            if c not in clause_of or main in clause_of[c] or clause_of[c] & telling
        ]
        by_facts[facts] = chosen or ranked[:1]
        # "in 2006 the Philippines was ranked Tier 2, and so was Indonesia": a ranking told in
        # a clause without a date of its own shares the sentence's date.
        dated = {ranking.clause_at(m.start - sentence.start) for m in sentence.dates}
        for country in ranked if not ranking.subordinate(k) else ():
            undated = sorted(clause_of.get(country, set()) & telling - dated)
            if undated and country not in by_facts[facts]:
                by_facts.setdefault(ranking.facts_of(undated[0]), []).append(country)
    else:
        for country in ranked:
            ks = sorted(clause_of.get(country, set()) & telling)
            if ks:
                facts = ranking.facts_of(ks[0])
            elif country not in clause_of:
                facts = ranking.main_facts()  # inherited: the sentence's own ranking
            else:
                continue
            by_facts.setdefault(facts, []).append(country)
        if not by_facts:
            by_facts[ranking.main_facts()] = ranked[:1] or list(countries[:1])
    # Countries named only beside the ranking ("... found dead in Essex, England") are not
    # the tier event's countries. Each country ranked is an event of its own ("Vietnam,
    # Cambodia, and Brunei were dropped down to Tier 3": three countries' rankings).
    return [((country, *ranker), facts) for facts, group in by_facts.items() for country in group]
