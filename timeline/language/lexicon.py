"""The words every reader and rule shares, spelled once: months, weekdays, numbers,
things counted, verbs of saying, the words that open a clause, and verb inflection.

Each list is data (words written space-separated, easy to review); the few
helpers turn a list into the regular expression a rule needs, so that a rule
never spells a month, a weekday or a number word itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = [
    "ATTRIBUTION_VERBS",
    "COUNTED_CASES",
    "COUNTED_PEOPLE",
    "COUNTED_PLACES",
    "OTHER_COUNTED",
    "CURRENCIES",
    "CURRENCY_SIGNS",
    "ENFORCING_VERBS",
    "GATHERINGS",
    "MEASURES",
    "MONTHS",
    "MONTH_PREFIXES",
    "MONTH_ABBREVIATIONS",
    "NUMBER_WORDS",
    "QUANTITY_WORDS",
    "SCALE_WORDS",
    "SPEECH_VERBS",
    "WEEKDAYS",
    "WEEKDAY_ABBREVIATIONS",
    "alternation",
    "capitalised_alternation",
    "either",
    "month_forms",
    "month_number",
    "number_value",
    "inflections",
    "weekday_forms",
    "weekday_number",
    "PERCENT_WORDS",
    "COORDINATORS",
    "CONCESSIVES",
    "RELATIVE_PRONOUNS",
    "SUBORDINATORS",
    "RELATIVE_PREPOSITIONS",
    "number_word_pattern",
    "verbs",
    "words",
]


def words(spaced: str) -> tuple[str, ...]:
    """The words of a space-separated list, in order (easier to review than a literal)."""
    return tuple(spaced.split())


# --------------------------------------------------------------------------- calendar

#: Month names, January first.
MONTHS: tuple[str, ...] = words(
    "January February March April May June July August September October November December"
)
#: The short forms news writes, by month name ("Sept" as well as "Sep").
MONTH_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    name: (name[:3], "Sept") if name == "September" else (name[:3],) for name in MONTHS
}
_MONTH_NUMBERS = {name[:3].lower(): n for n, name in enumerate(MONTHS, 1)}
#: The first three letters of each month's name, lower-cased ("jan", "sep").
MONTH_PREFIXES = frozenset(_MONTH_NUMBERS)

#: Weekday names, Monday first.
WEEKDAYS: tuple[str, ...] = words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
#: The short forms news writes, by weekday name.
WEEKDAY_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "Monday": ("Mon",),
    "Tuesday": ("Tue", "Tues"),
    "Wednesday": ("Wed",),
    "Thursday": ("Thu", "Thur", "Thurs"),
    "Friday": ("Fri",),
    "Saturday": ("Sat",),
    "Sunday": ("Sun",),
}


def month_number(word: str) -> int:
    """1 to 12 for a month's name or short form, in any case (``"Sept."`` is 9)."""
    return _MONTH_NUMBERS[word[:3].lower()]


def weekday_number(word: str) -> int:
    """0 (Monday) to 6 for a weekday's name or short form, in any case."""
    return [name[:3].lower() for name in WEEKDAYS].index(word[:3].lower())


def month_forms(abbreviated: bool = True) -> list[str]:
    """Every month name, and (``abbreviated``) every short form."""
    out = list(MONTHS)
    if abbreviated:
        out += [form for forms in MONTH_ABBREVIATIONS.values() for form in forms]
    return out


def weekday_forms(abbreviated: bool = True) -> list[str]:
    """Every weekday name, and (``abbreviated``) every short form."""
    out = list(WEEKDAYS)
    if abbreviated:
        out += [form for forms in WEEKDAY_ABBREVIATIONS.values() for form in forms]
    return out


# --------------------------------------------------------------------------- numbers

#: Number words and their values, as counts and spans are written ("two years ago").
NUMBER_WORDS: dict[str, int] = dict(
    zip(
        words(
            "one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
            " fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty"
            " seventy eighty ninety"
        ),
        (*range(1, 21), 30, 40, 50, 60, 70, 80, 90),
        strict=True,
    )
)
#: Words for a large or vague number ("hundreds of children").
QUANTITY_WORDS: tuple[str, ...] = words(
    "hundred thousand dozen dozens scores hundreds thousands millions billions"
)
#: Words that scale a number ("12.3 million"), including the short forms of figures.
SCALE_WORDS: tuple[str, ...] = words("million billion thousand hundred trillion")


def number_word_pattern(up_to: int, *, article: bool = True) -> str:
    """A regex alternation of the number words up to ``up_to`` ("an?" too, for "a year")."""
    found = [word for word, value in NUMBER_WORDS.items() if value <= up_to]
    return "|".join((["an?"] if article else []) + found)


def number_value(word: str) -> int:
    """The value of a number word, ``a``/``an`` or digits."""
    low = word.lower()
    if low.isdigit():
        return int(low)
    if low in ("a", "an"):
        return 1
    return NUMBER_WORDS[low]


# --------------------------------------------------------------------------- things counted

#: People counted in figures ("36 victims", "2,000 people").
COUNTED_PEOPLE: tuple[str, ...] = words(
    """people persons person individuals children child minors women men girls boys workers
    worker migrants migrant labourers laborers traffickers trafficker suspects suspect
    defendants defendant offenders offender survivors survivor victims victim families
    households brides refugees citizens nationals foreigners residents officers officials
    participants delegates fishermen fishers seafarers sailors recruiters brokers employers
    returnees deportees trainees prisoners inmates adults babies infants
    fugitives fugitive"""
) + ("sex workers", "crew members")
#: Cases and acts counted ("959 cases", "44 convictions").
COUNTED_CASES: tuple[str, ...] = words(
    """cases case convictions conviction prosecutions prosecution arrests arrest complaints
    complaint offences offence offenses offense crimes deaths incidents rescues raids
    investigations operations dead injured"""
)
#: Places and bodies counted ("12 brothels", "30 companies", "87 trafficking rings").
COUNTED_PLACES: tuple[str, ...] = words(
    "companies agencies brothels shelters rings networks syndicates gangs camps graves"
)
#: Other things counted: a number before them is a count, not a year, but not one of the
#: figures this beat reports ("200 police", "45 members", "30 villages").
OTHER_COUNTED: tuple[str, ...] = words(
    """troops soldiers police members students employees patients visitors tourists firms
    organisations organizations ngos schools villages homes houses"""
)
#: The verbs of enforcement, as lemmas ("arrested 12 suspects", "were acquitted").
ENFORCING_VERBS: tuple[str, ...] = (
    "arrest", "detain", "raid", "rescue", "charge", "convict", "prosecute", "sentence", "jail",
    "imprison", "extradite", "deport", "indict", "seize", "bust", "crack down", "free",
    "intercept", "apprehend", "fine", "acquit", "repatriate", "dismantle", "catch",
)  # fmt: skip
#: Money ("$150 billion", "3,000 riels").
CURRENCIES: tuple[str, ...] = words(
    "dollars usd riel riels baht dong kip kyat euros euro pounds rupees yuan"
)
#: Signs and codes written before an amount ("$150 billion", "THB 3.6 billion", "RM 2 million").
CURRENCY_SIGNS: tuple[str, ...] = words(
    "US$ $ USD € £ ¥ THB RM MYR VND PHP IDR KHR LAK MMK SGD EUR"
)
#: Units and spans that follow a number without making it a date ("12 km", "3 years").
MEASURES: tuple[str, ...] = words(
    """km kilometres kilometers miles metres meters feet ft kg kilograms tons tonnes lbs units
    hours minutes days weeks months years times votes seats signatures pages words copies items
    beds acres hectares square vehicles cars trucks boats ships planes aircraft jobs pc"""
)
#: Words for a share ("29.34 percent").
PERCENT_WORDS: tuple[str, ...] = ("percent", "per cent")


# --------------------------------------------------------------------------- gatherings

#: Gatherings named as events ("the 18th Asean Summit in Indonesia, 2011").
GATHERINGS: tuple[str, ...] = words(
    """summit summits conference conferences meeting meetings forum forums congress dialogue
    workshop workshops seminar seminars symposium session sessions assembly games"""
)


# --------------------------------------------------------------------------- saying

#: Verbs that attribute what a sentence reports to a speaker ("..., officials said").
ATTRIBUTION_VERBS: tuple[str, ...] = words("said told added stated noted reported")
#: Verbs of saying, announcing and confirming.
SPEECH_VERBS: tuple[str, ...] = ATTRIBUTION_VERBS + words(
    "says explained confirmed announced declared"
)


# --------------------------------------------------------------------------- clauses

#: Conjunctions that join two clauses of equal rank.
COORDINATORS: tuple[str, ...] = words("and but while whereas")
#: Conjunctions that concede.
CONCESSIVES: tuple[str, ...] = words("although though")
#: Pronouns that open a relative clause.
RELATIVE_PRONOUNS: tuple[str, ...] = words("which who whom whose")
#: Conjunctions that open a subordinate clause of time or cause.
SUBORDINATORS: tuple[str, ...] = words("after before since when as because")
#: Prepositions that open a relative clause before "which" ("under which ...").
RELATIVE_PREPOSITIONS: tuple[str, ...] = words("under by in for through with from")


# --------------------------------------------------------------------------- regex helpers


def alternation(items: Iterable[str]) -> str:
    """A non-capturing regex group matching any of ``items`` literally (spaces: ``\\s+``).

    Longer items come first, so that "per cent" is tried before "per".
    """
    unique = sorted(set(items), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in unique) + ")"


def either(*patterns: str) -> str:
    """Regex patterns as the alternatives of one: ``either(verbs("meet"), r"\\btalks\\b")``."""
    return "|".join(patterns)


def capitalised_alternation(items: Iterable[str]) -> str:
    """Like :func:`alternation`, the first letter as written, the rest in any case.

    ``Jan`` and ``JUNE`` are months, ``may`` (the modal) is not: names must
    start with a capital, and headlines write them in capitals.
    """
    by_first: dict[str, list[str]] = {}
    for item in set(items):
        by_first.setdefault(item[0], []).append(item[1:])
    groups = []
    for first, rests in sorted(by_first.items()):
        ordered = sorted(set(rests), key=lambda w: (-len(w), w))
        groups.append(re.escape(first) + "(?i:" + "|".join(map(re.escape, ordered)) + ")")
    return "(?:" + "|".join(groups) + ")"


# --------------------------------------------------------------------------- verbs

#: Past forms (and participles) that do not end in -ed.
IRREGULAR: dict[str, tuple[str, ...]] = {
    "begin": ("began", "begun"),
    "break": ("broke", "broken"),
    "bring": ("brought",),
    "catch": ("caught",),
    "come": ("came",),
    "fall": ("fell", "fallen"),
    "find": ("found",),
    "hold": ("held",),
    "keep": ("kept",),
    "lead": ("led",),
    "meet": ("met",),
    "put": ("put",),
    "rise": ("rose", "risen"),
    "rewrite": ("rewrote", "rewritten"),
    "send": ("sent",),
    "set": ("set",),
    "sink": ("sank", "sunk"),
    "slide": ("slid",),
    "take": ("took", "taken"),
    "write": ("wrote", "written"),
}
#: Verbs whose last consonant doubles before -ed and -ing ("drop", "dropped").
DOUBLING: frozenset[str] = frozenset(
    words("drop stop ban commit submit plan wrap admit slip ship step put set begin get run cut")
    + ("acquit",)
)


def inflections(lemma: str) -> list[str]:
    """A verb's forms: base, third person, past (and participle), present participle.

    ``inflections("establish")`` gives establish, establishes, established,
    establishing. A phrasal verb inflects its first word ("set up", "sets up",
    "setting up").
    """
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    if head.endswith("ee"):
        forms = [head, head + "s", head + "d", head + "ing"]
    elif head.endswith("e"):
        stem = head[:-1]
        forms = [head, head + "s", stem + "ed", stem + "ing"]
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        stem = head[:-1]
        forms = [head, stem + "ies", stem + "ied", head + "ing"]
    elif head in DOUBLING:
        forms = [head, head + "s", head + head[-1] + "ed", head + head[-1] + "ing"]
    elif head.endswith(("s", "sh", "ch", "x", "z")):
        forms = [head, head + "es", head + "ed", head + "ing"]
    else:
        forms = [head, head + "s", head + "ed", head + "ing"]
    if head in IRREGULAR:
        forms = [forms[0], forms[1], *IRREGULAR[head], forms[3]]
    return [form + tail for form in forms]


def verbs(*lemmas: str, only: str = "") -> str:
    """A regex group matching every form of the given verbs as whole words.

    ``verbs("launch", "set up")`` matches launch, launches, launched,
    launching, set up, sets up, setting up. ``only`` keeps some forms:
    ``"ed"`` the past (and participle), ``"s"`` the third person,
    ``"ing"`` the participle, ``"base"`` the base form (several may be given,
    space-separated).
    """
    wanted = set(only.split()) if only else {"base", "s", "ed", "ing"}
    found: list[str] = []
    for lemma in lemmas:
        forms = inflections(lemma)
        base, third, *past, participle = forms
        if "base" in wanted:
            found.append(base)
        if "s" in wanted:
            found.append(third)
        if "ed" in wanted:
            found += past
        if "ing" in wanted:
            found.append(participle)
    return r"\b" + alternation(found) + r"\b"
