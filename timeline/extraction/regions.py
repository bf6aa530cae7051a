"""Regional groups: find "ASEAN", "the Greater Mekong Subregion", "the Bali Process" in
text, and who their members are.

The data lives in ``regions.json`` beside this module. Names and aliases match
case-sensitively as written and in capitals (``Asean``, ``ASEAN``), as whole
words; the longest alias wins.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from timeline.extraction.mentions import Mention

__all__ = ["REGIONS", "RegionMention", "canonical_region", "find_regions", "members"]


class RegionMention(Mention):
    """A regional group named in a text: its span, the words used, the group's name."""

    __slots__ = ()

    @property
    def region(self) -> str:
        """The group's name."""
        return self.name


def _load() -> tuple[dict[str, frozenset[str]], dict[str, str]]:
    raw = resources.files(__package__).joinpath("regions.json").read_text(encoding="utf-8")
    groups: dict[str, frozenset[str]] = {}
    forms: dict[str, str] = {}
    for entry in json.loads(raw)["regions"]:
        name = entry["name"]
        groups[name] = frozenset(entry["members"])
        for form in (name, *entry.get("aliases", ())):
            forms[form] = name
            forms[form.upper()] = name
    return groups, forms


_MEMBERS, _FORMS = _load()
#: Every group's name, in the order of the data file.
REGIONS: tuple[str, ...] = tuple(_MEMBERS)
_LOOKUP = {form.casefold(): name for form, name in _FORMS.items()}


@cache
def _pattern() -> re.Pattern[str]:
    forms = sorted(_FORMS, key=len, reverse=True)
    body = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")


def find_regions(text: str) -> list[RegionMention]:
    """Every regional group named in ``text``, in order."""
    out = []
    for m in _pattern().finditer(text):
        surface = " ".join(m.group().split())
        out.append(RegionMention(m.start(), m.end(), m.group(), _FORMS[surface]))
    return out


def members(region: str) -> frozenset[str]:
    """The member countries of a group (empty for an unknown name)."""
    return _MEMBERS.get(region, frozenset())


def canonical_region(name: str) -> str | None:
    """A group's name for user input in any case ("asean", "the GMS"), else None."""
    key = " ".join(name.split()).casefold()
    return _LOOKUP.get(key) or (_LOOKUP.get(key[4:]) if key.startswith("the ") else None)
