"""The cues of ranking sentences, each alternative with the sentences it must find and
must not find: how a ranking sentence is cut into clauses, which words tell a move, a
tier kept, a wish or a general statement, and how a report is named by its edition.

:mod:`timeline.extraction.tiers` reads the compiled patterns; ``CUES`` holds the tables
the rule-examples test walks.
"""

from __future__ import annotations

import re

from timeline.language.lexicon import alternation, either, verbs
from timeline.language.patterns import Alt, join_alternatives

__all__ = ["CUES", "MEETS_STANDARDS", "RUN_ORDINALS"]

#: "for a third straight year": how many years the run counts, by its ordinal.
RUN_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5}
_ORDINAL = alternation(RUN_ORDINALS)
_RUN_OF = r"\s+(?:consecutive|straight|successive|running)\s+year"

CUES: dict[str, tuple[Alt, ...]] = {
    # A run of years on one tier: "for a third straight year".
    "run_years": (
        Alt(
            rf"\b(?P<n>{_ORDINAL}){_RUN_OF}\b",
            ("Thailand stayed on the watch list for a second consecutive year.",),
            ("Cambodia was placed on Tier 2 for the second time.",),
        ),
    ),
    # A clause that keeps the tier of the year before.
    "continues": (
        Alt(
            either(verbs("remain", "stay", "keep"), verbs("retain", "maintain", only="base s ed")),
            ("Cambodia remained on Tier 2 in 2011.", "and kept its Tier 2 ranking"),
            ("Cambodia was upgraded to Tier 2.",),
        ),
        Alt(r"\b(?:still|held\s+on\s+to)\b", ("Malaysia is still on Tier 3.",)),
        Alt(
            rf"\bfor\s+(?:a|the)\s+{_ORDINAL}{_RUN_OF}\b",
            ("Laos was on the watch list for the third successive year.",),
            ("It was the third report in a row.",),
        ),
    ),
    # A clause told as the one before: "and so was Indonesia", "where it had been ranked".
    "same_as_before": (
        Alt(
            r"^\s*(?:so\s+(?:was|were|is|are|did|does)|as\s+(?:was|did|in|during)|where)\b",
            (" so was Indonesia", "as in 2010", "where it had been ranked since 2005"),
            ("Indonesia was also ranked",),
        ),
    ),
    # "automatically downgraded" after the two years on the watch list the law allows.
    "automatic": (
        Alt(
            r"\bautomatic(?:ally)?\s+(?:downgraded?|moved|relegated|demoted)\b",
            ("Thailand was automatically downgraded to Tier 3.", "an automatic downgrade"),
            ("Thailand was downgraded to Tier 3.",),
        ),
    ),
    # "a year away from an automatic downgrade": not one that happened.
    "avoided": (
        Alt(
            r"\b(?:away\s+from|avoid\w*|fac\w+|risk\w*|possible)\s+(?:an?\s+)?$",
            ("Malaysia avoided an ", "a year away from an ", "Thailand faces "),
            ("Thailand suffered an ",),
        ),
    ),
    # A ranking told as how things stand, in the present tense.
    "state_now": (
        Alt(
            r"\b(?:remains|stays|is|are|sits)\b",
            ("Cambodia remains on Tier 2.", "Myanmar sits on Tier 3."),
            ("Cambodia was moved to Tier 2.",),
        ),
    ),
    # A clause that names the report or the ranking itself (the subject of what follows).
    "the_report": (
        Alt(
            r"\b(?:report|ranking|rankings|assessment)\b",
            ("The 2010 report upgraded Cambodia.", "the ranking was released"),
            ("Cambodia was upgraded to Tier 2.",),
        ),
    ),
    # A move from one tier to another.
    "moves": (
        Alt(
            either(
                verbs("lift", "upgrade", "downgrade", only="base s ed"),
                verbs("elevate", "move", "promote", "demote", "relegate", "climb", only="s ed"),
                verbs("drop", "slip", only="ed"),
                verbs("regain"),
            ),
            ("Cambodia was upgraded to Tier 2.", "The US demoted Malaysia.", "it slipped"),
            ("Cambodia stayed on Tier 2.",),
        ),
        Alt(
            r"\b(?:fell|rose|slid|removed|raised|lowered|notch|placed|ranked|rated)\b",
            ("Thailand fell to Tier 3.", "Laos was placed on the watch list."),
            ("Laos is on the watch list.",),
        ),
    ),
    # A wish, a plan or a condition: nothing placed yet.
    "irrealis": (
        Alt(
            r"\b(?:if|unless|could|would|might)\b",
            ("Cambodia could face a downgrade.", "If it fails, Thailand would drop."),
            ("Cambodia was downgraded.",),
        ),
        Alt(
            r"\b(?:may\s+face|faces?\s+(?:a\s+)?possible|risks?)\b",
            ("Malaysia faces a possible downgrade.", "Thailand risks relegation."),
            ("Malaysia was downgraded.",),
        ),
        Alt(
            r"\b(?:calls?\s+on|urg(?:ed|es)|to\s+restore|aims?\s+to|wants?|hopes?|target|goal|"
            r"next\s+year)\b",
            ("NGOs urged Washington to restore Cambodia to Tier 2.", "hopes to rise next year"),
            ("Washington restored Cambodia to Tier 2.",),
        ),
    ),
    # A general statement of how the tiers work: "a country that spends two years ...".
    "generic": (
        Alt(
            r"\b(?:a|any|each|every)\s+country\s+(?:that|which|whose|placed|ranked|on|cannot|"
            r"can|must|may|is)\b",
            ("A country that spends two years on the watch list is downgraded.",),
            ("The country was downgraded.",),
        ),
        Alt(
            r"\bcountries\s+(?:that|which|placed|ranked)\b",
            ("Countries placed on Tier 3 may face sanctions.",),
            ("Both countries were downgraded.",),
        ),
        Alt(
            r"\btier[\s-]*(?:[123]|one|two|three)(?:\s+watch\s+list)?\s+countries\b",
            ("Tier 2 countries fall short of the minimum standards.",),
            ("Cambodia is a Tier 2 country.",),
        ),
        Alt(
            r"\b(?:rankings?|tiers?)\s+(?:are|is)\s+based\s+on\b",
            ("The rankings are based on efforts, not on the size of the problem.",),
        ),
    ),
    # Where one clause of a ranking sentence ends and the next begins (tried in order).
    "clause": (
        Alt(";|:\\s+", ("It fell in 2006; it rose in 2007.", "In 2010: Tier 2."), case=True),
        Alt(
            r"^(?:After|Before|Since|Following)\s+(?:the|a|an|its|their)\s+[^,]{3,60},\s+",
            ("After its downgrade in 2013, Malaysia rose to the watch list.",),
            ("after its downgrade in 2013, Malaysia rose",),
            case=True,
        ),
        Alt(
            r",\s+(?=as\s+(?!(?:did|do|does|was|were|is|are|well)\b))",
            ("Cambodia stayed on Tier 2, as in 2010.",),
            ("Cambodia stayed on Tier 2, as did Laos.",),
            case=True,
        ),
        Alt(
            r",\s+(?:and\s+|but\s+)?(?=(?:was|were|is|are|had|has|spent|remained|stayed|kept|"
            r"moved|slipped|fell|rose|dropped|climbed|slid|it|they|we)\b)",
            ("Cambodia was on Tier 3 in 2005, was lifted in 2006", "in 2009, but fell in 2010"),
            ("Cambodia, Laos and Vietnam were upgraded.",),
            case=True,
        ),
        Alt(
            r",\s+(?:and|but|while|whereas)\s+",
            ("Laos rose to Tier 2, while Myanmar fell to Tier 3.",),
            case=True,
        ),
        Alt(
            r",\s+(?=(?:which|who|where|after\s+being|having\s+been)\b)",
            ("It rose to Tier 2, where it had been in 2008.",),
            case=True,
        ),
        Alt(
            r"\s+(?:while|whereas)\s+",
            ("Laos rose to Tier 2 while Myanmar fell to Tier 3.",),
            case=True,
        ),
        Alt(
            r"\s+before\s+(?=(?:it|they|being|falling|slipping|moving|regaining|its)\b)",
            ("It spent two years on Tier 3 before regaining Tier 2.",),
            ("It spent two years on Tier 3 before 2010.",),
            case=True,
        ),
        Alt(
            r"\s+and\s+(?=(?:so|was|were|is|are|kept|stayed|remained|keeps|stays|remains)\b)",
            (
                "Cambodia rose to Tier 2 and remained there in 2011.",
                "Malaysia failed to act in 2015 and remains on the Watch List.",
            ),
            ("Cambodia and Laos rose to Tier 2.",),
            case=True,
        ),
        # "kept it on the watch list, a year after it bumped it up from Tier 3": two years.
        Alt(
            r",\s+(?=(?:a|one|two|three)\s+years?\s+(?:after|before)\s+(?:it|they)\b)",
            ("It kept Malaysia on the watch list, a year after it bumped it up from Tier 3.",),
            case=True,
        ),
        # "downgrading Myanmar to Tier 3, upgrading Thailand to the watch list": a move each.
        Alt(
            r",\s+(?=(?:downgrad|upgrad|mov|keep|plac|promot|demot|relegat|elevat|rais|lower|"
            r"lift|dropp|return|leav|rank)ing\b)",
            ("downgrading Myanmar to Tier 3, upgrading Thailand to the watch list",),
            ("downgrading Myanmar to Tier 3, a rare step",),
            case=True,
        ),
    ),
    # Clauses that lean on the one before them.
    "subordinate": (
        Alt(
            r"^\s*(?:which|who|where|when|after|before|following|having)\b",
            ("where it had been in 2008", "after being downgraded"),
            ("it was downgraded after 2008",),
        ),
    ),
    # A report named by its edition: "the 2010 report", "2019 Trafficking in Persons Report".
    "report_year": (
        Alt(
            r"\b(?P<y>(?:19|20)\d\d)\s+(?:edition|(?:annual\s+)?(?:trafficking\s+in\s+persons|"
            r"tip)(?:\s+\(tip\))?\s+report|report)\b",
            ("the 2010 report", "the 2019 Trafficking in Persons Report", "its 2014 edition"),
            ("the report of 2010",),
        ),
        Alt(
            r"\b(?P<this>this|last)\s+year[’']s\s+(?:annual\s+)?"
            r"(?:trafficking\s+in\s+persons\s+|tip\s+)?report\b",
            ("last year's TIP report", "this year’s annual Trafficking in Persons report"),
            ("last year, the report said",),
        ),
    ),
    # What makes a tier named the one a country came from ("from the bottommost Tier 3").
    "from_before": (
        Alt(
            r"\b(?:from|off|out\s+of|reversal\s+of\s+(?:last|the\s+previous)\s+year[’']s)"
            r"\s+(?:the\s+|its\s+|a\s+)?(?:[a-z]+\s+)?[“\"‘']?$",
            (
                "upgraded from the bottommost ",
                "a reversal of last year's ",
                "removing it from the “",
            ),
            ("upgraded to the ",),
        ),
    ),
    # "after two years at Tier 3": the tier named had that many years before.
    "years_on_before": (
        Alt(
            r"\b(?:after|following)\s+(?P<n>\w+)\s+(?:consecutive\s+|straight\s+|successive\s+)?"
            r"years?\s+(?:on|at|in)\s+(?:the\s+)?$",
            ("upgraded after two years at ", "following three consecutive years on the "),
            ("upgraded two years after ",),
        ),
    ),
    # "the lowest level on its human trafficking watch list": the list's name, inside the
    # name of a tier just given (matched between the two).
    "of_list": (
        Alt(
            r"\s+(?:on|of|in)\s+(?:its|the|their|a)\b[^,;.]{0,40}$",
            (" on its human trafficking ",),
            (", and the ",),
        ),
    ),
    # A possessive right before a tier: "the report's Tier 3".
    "possessive": (Alt(r"['’]s\s+$", ("the report's ", "Washington’s "), case=True),),
    # A date right after the tier it stands with: "on the Tier 2 Watch List in 2017 and 2018".
    "right_after": (
        Alt(
            r"\s+(?:in|during)\s+(?:both\s+)?(?:(?:19|20)\d\d(?:\s*,\s*|\s+and\s+|\s*[-–]\s*))*",
            (" in 2017 and ", " during both "),
            (" after 2017",),
        ),
    ),
    # A clause that is only a list of names ("Vietnam, Cambodia, and Brunei were dropped")
    # holds the first names of the list the next clause's verb tells of: it has no common
    # word (a lower-case word, small words aside) before the list's last ", and".
    "list_and": (Alt(r",\s+(?:and|or)\s+", ("Vietnam, Cambodia, and Brunei",), case=True),),
    # Tier 1 told by its definition: a country that (fully) meets the minimum standards;
    # not one that does not.
    "meets_standards": (
        Alt(
            r"(?<!not\s)(?<!n't\s)(?<!not\sfully\s)(?<!failing\sto\s)\b(?:fully\s+)?"
            r"(?:met|meets|meeting|compl(?:ied|ies|ying)\s+with)\s+(?:the\s+)?"
            r"(?:(?:US|U\.S\.|American|minimum|TVPA's)\s+)+standards\b",
            (
                "The first time the country met the US standards was in 2016.",
                "the government fully meets the minimum standards",
            ),
            (
                "governments that do not fully comply with the minimum standards",
                "it does not meet the minimum standards",
                "the standards it met",
            ),
        ),
    ),
    "common_word": (
        Alt(
            r"\b(?!(?:the|of|and|or)\b)[a-z]",
            ("Vietnam, which was downgraded",),
            ("Vietnam, Cambodia, the Philippines",),
            case=True,
        ),
    ),
}


def _cue(name: str) -> re.Pattern[str]:
    pattern = join_alternatives(CUES[name])
    assert pattern is not None
    return pattern


RUN_YEARS = _cue("run_years")
CONTINUES = _cue("continues")
SAME_AS_BEFORE = _cue("same_as_before")
AUTOMATIC = _cue("automatic")
AVOIDED = _cue("avoided")
STATE_NOW = _cue("state_now")
THE_REPORT = _cue("the_report")
MOVES = _cue("moves")
IRREALIS = _cue("irrealis")
GENERIC = _cue("generic")
CLAUSE = _cue("clause")
SUBORDINATE = _cue("subordinate")
REPORT_YEAR = _cue("report_year")
FROM_BEFORE = _cue("from_before")
YEARS_ON_BEFORE = _cue("years_on_before")
OF_LIST = _cue("of_list")
POSSESSIVE = _cue("possessive")
RIGHT_AFTER = _cue("right_after")
LIST_AND = _cue("list_and")
COMMON_WORD = _cue("common_word")
#: The pattern of Tier 1 told by its definition, for the tier names and the type's cues.
MEETS_STANDARDS = CUES["meets_standards"][0].pattern
