"""Places below the country: the towns, districts and provinces a text names, and those
that hold them ("Padang Besar" is in Sadao district, which is in Songkhla province).

The hierarchy is the ``within`` map of each country in ``countries.json`` (a place to
the place of the same country that holds it), so a place is spelled once, in the
gazetteer. None of them is also a person's name, so they are matched as written (or in
capitals, or hard-wrapped) without the country finder's guards.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from timeline.extraction.places import fold_name, gazetteer, trie_regex

__all__ = ["localities"]


@cache
def _hierarchy() -> tuple[dict[str, str], dict[str, str]]:
    """Place as matched (and in capitals) -> its name; place -> the place that holds it."""
    names: dict[str, str] = {}
    parents: dict[str, str] = {}
    for entry in gazetteer()["countries"]:
        places = set(entry.get("places", ()))
        for place, parent in entry.get("within", {}).items():
            if place not in places or parent not in places:
                raise ValueError(f"countries.json: {place!r} within {parent!r}: not places")
            parents[place] = parent
            for name in (place, parent):
                names[name] = names[name.upper()] = name
    return names, parents


@cache
def _pattern() -> re.Pattern[str]:
    """The names of the hierarchy as one trie-shaped regex (the gazetteer's own)."""
    return re.compile(trie_regex(list(_hierarchy()[0])))


@lru_cache(maxsize=16384)
def localities(text: str) -> frozenset[str]:
    """The places below the country that ``text`` names, each with every place that holds
    it; only places the gazetteer puts in its hierarchy. "found graves near Padang Besar":
    Padang Besar, Sadao, Songkhla."""
    names, parents = _hierarchy()
    found: set[str] = set()
    for match in _pattern().finditer(text):
        place = names.get(fold_name(match.group()))
        while place is not None and place not in found:
            found.add(place)
            place = parents.get(place)
    return frozenset(found)


def inside_another(place: str) -> bool:
    """Whether a place of the hierarchy lies inside another (a town or a district)."""
    return place in _hierarchy()[1]
