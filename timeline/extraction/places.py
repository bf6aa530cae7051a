"""Country gazetteer: find country names, aliases, demonyms and capitals in text.

The data lives in ``countries.json`` next to this module (one entry per
country, reviewable by hand). On first use every surface form is compiled into a
single trie-shaped regular expression, so :func:`find_countries` is one regex
scan per call whatever the size of the gazetteer.

Matching rules:

* Forms match case-sensitively as written (``Turkey``, not ``turkey``) and in
  ALL CAPS (``CAMBODIA:`` in a headline). Forms that are already all capitals
  (``US``, ``UK``, ``DPRK``) match only exactly, so ``us`` and ``Us`` are not
  the United States.
* Word boundaries on both sides; the longest form wins, so ``Papua New Guinea``
  is not ``Guinea`` and ``South Sudan`` is not ``Sudan``. Phrases listed under
  ``not_countries`` (``New Mexico``, ``Indian Ocean``, ``Latin America``) match
  as blockers and yield nothing, which keeps the shorter word inside them from
  matching.
* Words that are also given names or surnames (``Jordan``, ``Chad``,
  ``Georgia``, ``Holland``, capitals such as ``Paris`` or ``Washington``) are
  dropped when they sit inside what looks like a personal name: right after a
  capitalised word that is not a preposition or sentence opener (``Michael
  Jordan``) or right before another capitalised word (``Chad Smith``).
* ``Georgia`` is the country unless the text near it speaks of the US state
  (Atlanta, a neighbouring state, "state of Georgia"). Residual risk: a text
  about the US state with none of those cues still counts as Georgia.
* ``US``/``U.S.`` directly before ``$`` is a currency, not a place.
* Bare ``Congo``/``Congolese`` mean DR Congo; ``Korea``/``Korean`` mean South
  Korea (see ``_about`` in the data file for the other deliberate choices).
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from timeline.extraction.mentions import Mention
from timeline.language.lexicon import WEEKDAYS, month_forms

__all__ = [
    "COUNTRIES",
    "CountryMention",
    "canonical_country",
    "demonym_kind",
    "find_countries",
    "fold_name",
    "gazetteer",
    "trie_regex",
]


class CountryMention(Mention):
    """A country named in a text: its span, the words used and the canonical name."""

    __slots__ = ()

    @property
    def country(self) -> str:
        """The country's canonical name."""
        return self.name


# Apostrophe and hyphen look-alikes that the matcher accepts and the lookup folds.
_APOSTROPHES = "'’‘ʼ"
_HYPHENS = "-‐‑"
_FOLD = str.maketrans({**dict.fromkeys(_APOSTROPHES, "'"), **dict.fromkeys(_HYPHENS, "-")})

# Words that are also common first names or surnames: guarded against person names.
_NAME_LIKE = frozenset(
    {
        "Jordan", "Chad", "Georgia", "Holland", "Israel", "Paris", "London", "Sofia",
        "Washington", "Kingston", "Georgetown", "Santiago", "Lima", "Wellington", "Victoria",
        "Lagos", "Takeo", "Bago", "Kep", "America",
    }
)  # fmt: skip
# Capitalised words that may stand right before a country without making it a name.
_OK_BEFORE = frozenset(
    {
        "In", "To", "From", "Of", "And", "Or", "With", "For", "At", "On", "By", "Into", "Across",
        "Via", "Through", "Near", "Between", "Against", "Within", "Outside", "Inside", "Both",
        "The", "But", "While", "When", "As", "Since", "After", "Before", "Like", "Unlike",
        "Including", "Neighbouring", "Neighboring", "Visiting", "Lake", "Kingdom", "Republic",
        "Northern", "Southern", "Eastern", "Western", "Central", "North", "South", "East", "West",
        "Rural", "Urban", "Greater", "Downtown", "Today", "Now", "Only", "Even", "Also",
        "Meanwhile", "However", "Where", "Then", "Why", "How", "What", "Whether",
    }
)  # fmt: skip
# Capitalised words that may follow a country without making it a name.
_OK_AFTER = frozenset({*month_forms(), *WEEKDAYS, "And", "But", "In", "On", "The"})
_WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]*)[^\S\n]+\Z")
_WORD_AFTER = re.compile(r"[^\S\n]+([A-Z][\w'’-]*)")
_US_STATE_CONTEXT = re.compile(
    r"Atlanta|Savannah|Augusta|Macon|Alabama|Florida|Tennessee|Carolina|"
    r"U\.?S\.? state|state of Georgia|Georgia state|Georgia,? (?:U\.?S\.?A?|United States)\b"
)
_US_FORMS = frozenset({"US", "U.S.", "USA", "U.S.A."})


def _plural(word: str) -> str | None:
    """The -s plural of a demonym, or None when English does not form one that way."""
    if word.endswith(("ese", "ish", "ch", "sh", "s", "x", "z")) or word.isupper():
        return None
    return word + "s"


def fold_name(name: str) -> str:
    """Normalise spacing, apostrophes and hyphens so look-ups match the regex."""
    return " ".join(name.translate(_FOLD).split())


@cache
def gazetteer() -> dict:
    """The data file ``countries.json`` as read (once)."""
    raw = resources.files(__package__).joinpath("countries.json").read_text(encoding="utf-8")
    return json.loads(raw)


def _load() -> tuple[
    dict[str, str | None], dict[str, str], tuple[str, ...], frozenset[str], frozenset[str]
]:
    """Read the data file: surface form -> country (None for blockers), look-up table, names,
    the demonyms, and their plurals (nouns for people: "Bangladeshis")."""
    data = gazetteer()
    forms: dict[str, str | None] = {}
    lookup: dict[str, str] = {}
    names: list[str] = []
    plurals: set[str] = set()
    demonyms: set[str] = set()

    def add(form: str, country: str | None, *, for_lookup: bool) -> None:
        form = fold_name(form)
        variants = {form, form.upper()}
        for variant in variants:
            previous = forms.get(variant, country)
            if previous != country:
                raise ValueError(f"countries.json: {variant!r} means {previous} and {country}")
            forms[variant] = country
        if for_lookup and country is not None:
            lookup.setdefault(form.casefold(), country)

    for entry in data["countries"]:
        name = entry["name"]
        names.append(name)
        add(name, name, for_lookup=True)
        for alias in entry.get("aliases", ()):
            add(alias, name, for_lookup=True)
        for demonym in entry.get("demonyms", ()):
            add(demonym, name, for_lookup=True)
            demonyms.update((fold_name(demonym), fold_name(demonym).upper()))
            plural = _plural(demonym)
            if plural:
                add(plural, name, for_lookup=True)
                plurals.update((fold_name(plural), fold_name(plural).upper()))
        for place in entry.get("places", ()):
            add(place, name, for_lookup=False)
    for phrase in data.get("not_countries", ()):
        add(phrase, None, for_lookup=False)
    named = {
        fold_name(form)
        for entry in data["countries"]
        for form in (entry["name"], *entry.get("aliases", ()))
    }
    named |= {form.upper() for form in named}
    # "Laos" is a name before it is the plural of "Lao".
    return (
        forms,
        lookup,
        tuple(sorted(names)),
        frozenset(demonyms - named),
        frozenset(plurals - named),
    )


def _char_pattern(ch: str) -> str:
    """The regex for one character of a form, tolerant of typographic variants."""
    if ch == " ":
        # Any run of horizontal space, possibly with one line break (hard-wrapped text).
        return r"(?:[^\S\n]+\n?|\n)[^\S\n]*"
    if ch == "'":
        return f"[{_APOSTROPHES}]"
    if ch == "-":
        return f"[{_HYPHENS}]"
    return re.escape(ch)


def trie_regex(words: list[str]) -> str:
    """One regex matching any of ``words`` as a whole word, trie-shaped, longer words first.

    The left word boundary is tested just after each word's first character
    (``(?<!\\w.)``) rather than before it: a pattern that starts with plain
    letters lets the regex engine skip ahead to candidate first letters in C,
    which makes the scan several times faster.
    """
    trie: dict = {}
    for word in words:
        if not word[:1].isalnum():
            raise ValueError(f"countries.json: {word!r} must start with a letter or digit")
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends_here = "" in node
        alternatives = [
            _char_pattern(ch) + build(child) for ch, child in sorted(node.items()) if ch
        ]
        if not alternatives:
            return ""
        if len(alternatives) == 1 and not ends_here:
            return alternatives[0]
        group = "(?:" + "|".join(alternatives) + ")"
        return group + "?" if ends_here else group

    first = (re.escape(ch) + r"(?<!\w.)" + build(child) for ch, child in sorted(trie.items()))
    return "(?:" + "|".join(first) + r")(?!\w)"


_FORMS, _LOOKUP, _NAMES, _DEMONYMS, _PLURAL_DEMONYMS = _load()


def demonym_kind(surface: str) -> str | None:
    """``"plural"`` for a noun for people ("Bangladeshis"), ``"demonym"`` for an adjective
    or singular ("Bangladeshi", "Thai"), None for a name, alias or place."""
    form = fold_name(surface)
    if form in _PLURAL_DEMONYMS:
        return "plural"
    return "demonym" if form in _DEMONYMS else None


@cache
def _pattern() -> re.Pattern[str]:
    """The gazetteer regex, compiled on first use.

    Compiling takes a tenth of a second or more; commands that import the
    extractor without finding countries start faster without it.
    """
    return re.compile(trie_regex(list(_FORMS)))


#: Every canonical country name, sorted.
COUNTRIES: tuple[str, ...] = _NAMES


def canonical_country(name: str) -> str | None:
    """The canonical name for a country name, alias or demonym, ignoring case; else None.

    ``canonical_country("burma") == "Myanmar"``, ``canonical_country("us") ==
    "United States"``. A leading "the" is ignored. Cities are not looked up.
    """
    key = fold_name(name).casefold()
    found = _LOOKUP.get(key)
    if found is None and key.startswith("the "):
        found = _LOOKUP.get(key[4:])
    return found


def _looks_like_person(text: str, start: int, end: int) -> bool:
    """True when a name-like word at ``text[start:end]`` sits inside a personal name."""
    after = _WORD_AFTER.match(text, end)
    if after and after.group(1) not in _OK_AFTER and not after.group(1).isupper():
        return True
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return bool(before and before.group(1) not in _OK_BEFORE and not before.group(1).isupper())


def _keep(text: str, start: int, end: int, form: str, country: str) -> bool:
    """Apply the ambiguity guards to one candidate match."""
    if form in _NAME_LIKE and _looks_like_person(text, start, end):
        return False
    if country == "Georgia" and _US_STATE_CONTEXT.search(
        text, max(0, start - 200), min(len(text), end + 200)
    ):
        return False
    return not (form in _US_FORMS and text.startswith("$", end))


def find_countries(text: str) -> list[CountryMention]:
    """Every country mention in ``text``: sorted, non-overlapping, longest match first."""
    mentions: list[CountryMention] = []
    for match in _pattern().finditer(text):
        surface = match.group()
        form = surface if surface in _FORMS else fold_name(surface)
        country = _FORMS.get(form)
        if country is None:
            continue
        start, end = match.span()
        if _keep(text, start, end, form, country):
            mentions.append(CountryMention(start, end, surface, country))
    return mentions
