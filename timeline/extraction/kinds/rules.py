"""The event-type rules, as data: each alternative beside the sentences it must and
must not match.

Each type has *cue* alternatives (nouns such as "task force", "Tier 2",
"convention", "959 cases") and *verb* alternatives (a verb that narrates a cue
near it: "launched a task force", "was placed on the watchlist", "signed the
convention"); some types also have *alone* alternatives, verbs that narrate on
their own ("arrested", "met with"). A sentence with its own date becomes an
event on a cue alone; a sentence without a date must narrate an action.

The examples are tests: ``tests/test_rule_examples.py`` checks that every
alternative finds each of its ``match`` sentences and none of its ``miss``
sentences, and that :func:`~timeline.extraction.kinds.classify` gives each
rule example its type. Change a rule, change its examples.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from timeline.language.lexicon import (
    COUNTED_CASES,
    COUNTED_PEOPLE,
    COUNTED_PLACES,
    CURRENCIES,
    PERCENT_WORDS,
    QUANTITY_WORDS,
    alternation,
    number_word_pattern,
    verbs,
)

__all__ = ["RULES", "Alt", "Example", "Rule"]


@dataclass(frozen=True, slots=True)
class Alt:
    """One alternative of a rule's cue or verb pattern, with sentences it must and must
    not find. ``case``: the pattern is matched as written (by default, in any case)."""

    pattern: str
    match: tuple[str, ...]
    miss: tuple[str, ...] = ()
    case: bool = False

    def compiled(self) -> re.Pattern[str]:
        """The alternative alone, for checking its examples."""
        return re.compile(self.pattern, 0 if self.case else re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Example:
    """A sentence and the type :func:`classify` must give it (None: no event type)."""

    sentence: str
    kind: str | None


def _join(alts: tuple[Alt, ...]) -> re.Pattern[str] | None:
    """One pattern for all alternatives; case-insensitive unless an alternative says not."""
    if not alts:
        return None
    if not any(alt.case for alt in alts):
        return re.compile("|".join(f"(?:{alt.pattern})" for alt in alts), re.IGNORECASE)
    parts = [f"(?:{alt.pattern})" if alt.case else f"(?i:{alt.pattern})" for alt in alts]
    return re.compile("|".join(parts))


@dataclass(frozen=True)
class Rule:
    """One event type: its cues, the verbs that make a cue an action, the verbs that are
    an action on their own, and sentences it must classify."""

    kind: str
    cues: tuple[Alt, ...]
    verbs: tuple[Alt, ...] = ()
    alone: tuple[Alt, ...] = ()
    examples: tuple[Example, ...] = ()

    @cached_property
    def cue(self) -> re.Pattern[str]:
        """The cue pattern (every cue alternative)."""
        pattern = _join(self.cues)
        assert pattern is not None
        return pattern

    @cached_property
    def verb(self) -> re.Pattern[str] | None:
        """The pattern of verbs that narrate a cue, or None."""
        return _join(self.verbs)

    @cached_property
    def alone_verb(self) -> re.Pattern[str] | None:
        """The pattern of verbs that narrate on their own, or None."""
        return _join(self.alone)


# ---------------------------------------------------------------- building blocks

_NUMBER_WORD = f"(?:{number_word_pattern(90, article=False)}|{'|'.join(QUANTITY_WORDS)})"
_NUMBER = rf"(?:\d[\d,]*(?:\.\d+)?|{_NUMBER_WORD}(?:[\s-]+{_NUMBER_WORD})*)"
_SCALE = r"(?:\s+(?:million|billion|thousand|hundred|m|bn|k))?"
_COUNT_NOUN = alternation(
    (*COUNTED_PEOPLE, *COUNTED_CASES, *COUNTED_PLACES, *CURRENCIES, *PERCENT_WORDS, "percent")
)
_PERCENT = r"(?:\s*%|\s+per\s*cent|\s+percent)"

NEGATION = re.compile(
    r"\b(?:not|never|no|neither|nor|without|yet\s+to|failed\s+to|refused\s+to|cannot)\b|n[’']t\b",
    re.IGNORECASE,
)
# Words that put what follows in the realm of wishes and proposals, not of things done:
# "Malaysia could ratify the protocol", "he proposed that the two sides hold meetings".
IRREALIS = re.compile(
    r"\b(?:should|could|would|might|must|ought\s+to|propos(?:ed|es|e)|urg(?:ed|es|e)|"
    r"call(?:ed|s)?\s+(?:on|for)|suggest(?:ed|s)?|recommend(?:ed|s)?|hop(?:e|es|ed)\s+to|"
    r"want(?:s|ed)?\s+to|if|unless|whether)\b",
    re.IGNORECASE,
)
# A verb in the habitual present passive: "victims are still detained", "girls are trafficked".
HABITUAL = re.compile(
    r"\b(?:is|are|am|gets?)\s+(?:(?:still|often|also|usually|routinely|\w+ly)\s+)*$", re.IGNORECASE
)

# ---------------------------------------------------------------- the rules

RULES: tuple[Rule, ...] = (
    Rule(
        "task_force",
        cues=(
            Alt(r"\btask[\s-]?forces?\b", ("Police set up a task force.", "a new task-force")),
            Alt(
                r"\b(?:new|national|joint|special|inter-?ministerial|anti-?(?:human\s+)?"
                r"trafficking|counter-?trafficking)\s+(?:committee|commission|council|unit|"
                r"working\s+group|police\s+unit|secretariat)s?\b",
                ("It formed a national committee.", "an anti-human trafficking police unit"),
                ("The committee met.",),
            ),
        ),
        verbs=(
            Alt(
                verbs("launch", "set up", "establish", "form", "create", "inaugurate", "unveil")
                + "|"
                + verbs("found", only="ed ing"),
                ("The ministry launched it.", "They set up one.", "It was founded in 2007."),
                ("Police found bodies.",),
            ),
            Alt(r"\b(?:new|first)\b", ("a new unit", "its first task force")),
        ),
        examples=(
            Example(
                "In 2007 Cambodia launched a national task force on trafficking.", "task_force"
            ),
            Example("The task force was established by sub-decree.", "task_force"),
        ),
    ),
    Rule(
        "tier_change",
        cues=(
            Alt(
                r"\btier[\s-]*(?:[123]|I{1,3}|one|two|three)\b",
                ("It was ranked Tier 3.", "a Tier-2 country", "Tier Two"),
                ("The tiered seating.",),
            ),
            Alt(r"\bwatch[\s-]?list\b", ("on the Tier 2 Watch List", "a watchlist")),
            Alt(
                r"\blowest\s+(?:level|rank|ranking|tier|grade|category)\b",
                ("elevated from the lowest level",),
                ("the lowest price",),
            ),
            Alt(r"\brankings?\b", ("the US rankings", "its ranking")),
        ),
        verbs=(
            Alt(
                verbs(
                    "remove",
                    "place",
                    "downgrade",
                    "upgrade",
                    "elevate",
                    "raise",
                    "lower",
                    "demote",
                    "promote",
                    only="s ed ing",
                )
                + "|"
                + verbs("move", only="base ed")
                + "|"
                + verbs("drop", only="ed ing")
                + "|"
                + verbs("relegate", "lift", "return", "slip", only="ed")
                + "|"
                + verbs("fall", only="base s ed")
                + "|"
                + verbs("rise", only="ed"),
                ("Cambodia was removed from the list.", "It was downgraded.", "Thailand fell."),
                ("It moves on.",),
            ),
            Alt(
                verbs("classify")
                + "|"
                + verbs("rank", only="s ed ing")
                + "|"
                + verbs("rate", only="s ed")
                + "|"
                + verbs("consider", "list", "categorise", "categorize", "grade", "put", only="ed"),
                ("The report classifies Cambodia as Tier 2.", "it was considered a Tier 3 country"),
            ),
            Alt(
                verbs("remain", only="s ed")
                + "|"
                + verbs("stay", "retain", "maintain", "keep", only="base s ed")
                + "|"
                + verbs("hold", only="ed"),
                (
                    "It remained on the watch list.",
                    "Malaysia retained its ranking.",
                    "kept at Tier 2",
                ),
            ),
        ),
        examples=(
            Example("The US removed Cambodia from a watchlist in 2010.", "tier_change"),
            Example("Thailand was downgraded to Tier 3 in the 2014 report.", "tier_change"),
            Example("Laos stayed on the Tier 2 Watch List.", "tier_change"),
        ),
    ),
    Rule(
        "agreement",
        cues=(
            Alt(
                r"\b(?:conventions?|treat(?:y|ies)|protocols?|charter)\b",
                ("the ASEAN convention", "a treaty", "the Palermo Protocol"),
            ),
            Alt(
                r"\b(?:memorand(?:um|a)\s+of\s+understanding|MoUs?)\b",
                ("signed a memorandum of understanding", "two MoUs"),
            ),
            Alt(
                r"\b(?:agreements?|accords?|pacts?|deals?|declarations?)\b",
                ("a bilateral agreement", "the Bali Declaration", "a deal"),
            ),
        ),
        verbs=(
            Alt(
                verbs("sign", "ratify")
                + r"|\bratification\b|"
                + verbs("conclude", "accede", only="s ed")
                + r"|\baccession\b",
                ("They signed it.", "It was ratified.", "its ratification", "Laos acceded."),
            ),
            Alt(
                verbs("enter into force", only="s ed")
                + "|"
                + verbs("come into force", only="base ed"),
                ("It entered into force in 2017.", "The pact came into force."),
            ),
            Alt(
                verbs("endorse", "ink", "adopt", "approve", "join", only="s ed")
                + r"|\bcommit(?:ted|s)\s+(?:themselves\s+)?to\b",
                ("Leaders endorsed the declaration.", "They committed themselves to it."),
            ),
        ),
        examples=(
            Example(
                "Cambodia and Thailand signed a memorandum of understanding in 2003.", "agreement"
            ),
            Example("The convention is scheduled to be ratified by the end of 2015.", "agreement"),
        ),
    ),
    Rule(
        "law",
        cues=(
            Alt(
                r"\blaws?\b(?!\s+(?:enforcement|firms?|makers?|students?|schools?))",
                ("a new law", "the laws"),
                ("law enforcement officers", "law students"),
            ),
            Alt(
                r"\b(?:legislation|bills?|decrees?|sub-decrees?|regulations?|guidelines|"
                r"amendments?|statutes?|ordinances?|penal\s+code|criminal\s+code|prakas)\b",
                ("a sub-decree", "the penal code", "new guidelines", "a prakas"),
            ),
            Alt(r"\b(?:national|action)\s+plans?\b", ("a national plan", "its action plan")),
            Alt(
                r"\b(?:moratori(?:um|a)|bans?\s+on|bann(?:ed|ing)|suspensions?\s+(?:of|on))\b",
                ("a moratorium", "a ban on recruitment", "banned the practice"),
            ),
            Alt(r"\bthe\s+draft\b", ("approved the draft",)),
            Alt(
                r"\b[A-Z][\w-]*\s+Act\b|\bthe\s+Act\b|\(Amendment\)\s+Act\b",
                ("the Trafficking Act", "under the Act", "the (Amendment) Act"),
                ("They act quickly.",),
                case=True,
            ),
        ),
        verbs=(
            Alt(
                verbs(
                    "pass",
                    "adopt",
                    "enact",
                    "approve",
                    "promulgate",
                    "amend",
                    "introduce",
                    "issue",
                    "draft",
                    "revise",
                    "tighten",
                    "order",
                    only="s ed",
                )
                + r"|\bsigned\s+into\s+law\b",
                ("Parliament passed the law.", "It was promulgated.", "signed into law"),
            ),
            Alt(
                verbs("take effect", only="base s ed")
                + "|"
                + verbs("come into force", "come into effect", only="base ed"),
                ("The law took effect in 2008.", "It came into effect."),
            ),
            Alt(
                verbs("unveil", "launch", "declare", "impose", "lift", "table", only="s ed")
                + "|"
                + verbs("rewrite", "submit", only="ed"),
                ("The ministry unveiled a plan.", "It imposed a ban on ...", "the bill was tabled"),
            ),
        ),
        examples=(
            Example("The anti-trafficking law was promulgated in February 2008.", "law"),
            Example("Parliament passed a new law on human trafficking in 2008.", "law"),
        ),
    ),
    Rule(
        "conference",
        cues=(
            Alt(
                r"\b(?:conferences?|meetings?|summits?|workshops?|forums?|symposi(?:um|a)|"
                r"seminars?|round-?tables?|consultations?|congress|dialogues?|talks)\b",
                ("a two-day conference", "the ASEAN Summit", "talks"),
            ),
            Alt(
                r"\b(?:visits?|trainings?|training\s+courses?|delegations?)\b",
                ("an official visit", "a training course", "a delegation"),
            ),
        ),
        verbs=(
            Alt(
                verbs("hold", "host")
                + "|"
                + verbs("co-host", "organise", "organize", only="base s ed")
                + "|"
                + verbs("convene", "open", "attend", "chair", "gather", only="s ed"),
                ("Officials held a meeting.", "Hanoi hosted the summit.", "ministers attended"),
            ),
            Alt(
                verbs("take place", only="base s ed")
                + "|"
                + verbs("complete", "receive", "welcome", "join", "close", "conclude", only="s ed")
                + "|"
                + verbs("lead", only="ed")
                + "|"
                + verbs("wrap up", only="base ed")
                + "|"
                + verbs("kick off", "begin", only="s ed"),
                ("The forum took place in Bangkok.", "The talks wrapped up.", "It began."),
            ),
        ),
        alone=(
            Alt(r"\b(?:met|meets?|meeting)\s+(?:with|in|at)\b", ("Officials met with NGOs.",)),
            Alt(
                r"\bvisit(?:ed|s)\s+(?-i:[A-Z])",
                ("The minister visited Phnom Penh.",),
                ("She visited the shelter.",),
            ),
            Alt(r"\bconvened\b", ("The council convened.",)),
            Alt(
                r"\bpaid\s+(?:an?\s+)?(?:official\s+|state\s+)?visit\b",
                ("He paid an official visit to Laos.",),
            ),
            Alt(
                r"\b(?:received|welcomed|hosted)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}delegation\b",
                ("Hanoi received a Cambodian delegation.",),
            ),
            Alt(
                r"\b(?:met|meet|meets)\s+(?:with\s+)?(?:their|his|her|its)\s+(?:[\w-]+\s+)?"
                r"counterparts?\b",
                ("The minister met his Thai counterpart.",),
            ),
            Alt(
                r"\b(?:met|meets)\s+(?:with\s+)?(?:the\s+)?(?:[\w’'-]+\s+){0,3}(?:ministers?|"
                r"president|premier|ambassadors?|envoys?|secretary|governor|king|queen|"
                r"chancellor)\b",
                ("She met the Deputy Prime Minister.", "He met Cambodia's interior minister."),
            ),
        ),
        examples=(
            Example("The United Nations hosted a two-day conference in Phnom Penh.", "conference"),
            Example("The minister met his Thai counterpart on Friday.", "conference"),
        ),
    ),
    Rule(
        "enforcement",
        cues=(
            Alt(
                r"\b(?:arrests?|raids?|convictions|prosecutions|crackdowns?|indictments|seizures|"
                r"trials?)\b",
                ("a raid", "the crackdown", "36 convictions"),
            ),
            Alt(
                r"\b(?:rescues?|rescue\s+operations?|investigations|(?:joint|police|sting|"
                r"undercover|security)\s+operations?)\b",
                ("a rescue operation", "a joint operation", "investigations"),
            ),
        ),
        verbs=(
            Alt(
                verbs(
                    "arrest",
                    "detain",
                    "raid",
                    "rescue",
                    "charge",
                    "convict",
                    "prosecute",
                    "sentence",
                    "jail",
                    "imprison",
                    "extradite",
                    "deport",
                    "indict",
                    "seize",
                    "bust",
                    "crack down",
                    "free",
                    "intercept",
                    "apprehend",
                    "fine",
                    "acquit",
                    "repatriate",
                    "dismantle",
                    only="ed",
                ),
                ("Police arrested 12.", "They were convicted.", "cracked down on brothels"),
            ),
            Alt(
                verbs("launch", "conduct", "stage", only="s ed ing")
                + "|"
                + verbs("carry out", only="ed")
                + "|"
                + verbs("open", "begin", only="s ed"),
                ("Police launched raids.", "It carried out a raid.", "The trial opened."),
            ),
        ),
        alone=(
            Alt(
                verbs(
                    "arrest",
                    "detain",
                    "raid",
                    "rescue",
                    "charge",
                    "convict",
                    "prosecute",
                    "sentence",
                    "jail",
                    "imprison",
                    "extradite",
                    "indict",
                    "bust",
                    "crack down",
                    "apprehend",
                    "acquit",
                    only="ed",
                )
                + r"|\bt(?:ook|aken)\s+(?:into\s+)?custody\b|"
                + verbs(
                    "arrest",
                    "detain",
                    "raid",
                    "rescue",
                    "charge",
                    "convict",
                    "sentence",
                    "jail",
                    only="ing",
                )
                + "|"
                + verbs("dismantle", only="ed ing")
                + r"|\bbroke(?:n)?\s+up\b|\bbreaking\s+up\b",
                ("Police arrested three men.", "They were taken into custody.", "broke up a ring"),
            ),
            # Bringing people home: "received 266 nationals handed over", "were brought home",
            # "crossed back into Cambodia", "escorted 58 Thai nationals".
            Alt(
                r"\b(?:handed\s+over|brought\s+(?:[\w-]+\s+){0,3}?(?:home|back)|"
                r"(?:arrived|crossed|came)\s+(?:back|home)|escorted|"
                r"(?:were|was|been)\s+(?:[\w-]+\s+)?(?:repatriated|returned|deported|sent\s+home))\b",
                ("58 were brought home.", "They crossed back into Cambodia.", "were repatriated"),
            ),
            # "freed 417 foreign nationals", "intercepted a trawler" (not "the men freed")
            Alt(
                r"\b(?:freed|intercepted)\s+(?:[\w-]+\s+){0,2}?(?:\d[\d,]*|dozens|hundreds|"
                r"thousands|scores|an?|the)\b",
                ("Police freed 417 people.", "The navy intercepted a trawler."),
                ("The men freed by the court went home.",),
            ),
            # "police found 139 suspected graves", "the discovery of 26 bodies"
            Alt(
                r"\b(?:found|discovered|unearthed|exhumed|discovery\s+of)\s+(?:the\s+)?"
                r"(?:[\w,-]+\s+){0,3}(?:graves|bodies|remains)\b",
                ("Police found 139 suspected graves.", "the discovery of 26 bodies"),
            ),
            Alt(
                r"\bthe\s+(?:rescue|arrest|prosecution|conviction|extradition|indictment)\s+"
                r"(?:in\s+\w+\s+)?of\b|\braids?\s+on\b",
                ("the arrest of a broker", "raids on karaoke bars"),
            ),
        ),
        examples=(
            Example("Police arrested 12 suspected traffickers on Friday.", "enforcement"),
            Example("In 2016 police raided three brothels in Svay Pak.", "enforcement"),
        ),
    ),
    Rule(
        "statistic",
        cues=(
            # "959 cases", "12.3 million people", "thousands of children", "$150 billion"
            Alt(
                rf"\b{_NUMBER}{_SCALE}(?:\s+(?:of|more|new|reported|suspected|identified|alleged|"
                rf"[a-z]+(?:ed|al|ic|an|ese)))?(?:\s+(?:of\s+)?[a-z-]+)?\s+{_COUNT_NOUN}\b"
                rf"|(?:US\$|\$|USD\s?|€|£)\s?\d[\d,.]*{_SCALE}|\b{_NUMBER}{_PERCENT}",
                (
                    "959 cases of trafficking",
                    "thousands of children",
                    "$150 billion",
                    "29.34 percent",
                ),
                ("Room 101 is closed.",),
            ),
            Alt(
                rf"\b(?:tripled|doubled|quadrupled|halved)\b|\b(?:rose|fell|dropped|declined|"
                rf"increased|decreased|jumped|surged|climbed|grew)\s+(?:by\s+|to\s+|from\s+)?"
                rf"(?:about\s+|around\s+|nearly\s+|almost\s+|more\s+than\s+)?{_NUMBER}"
                rf"|\b(?:up|down)\s+from\s+{_NUMBER}",
                ("Convictions more than tripled.", "rose to 36", "up from 11"),
            ),
            # "35,000 Nepalis were trafficked": a count of people told by what befell them.
            Alt(
                rf"\b{_NUMBER}{_SCALE}\s+(?:of\s+)?(?:[a-z-]+\s+){{0,2}}(?:were|was|are|is|have\s+"
                rf"been|had\s+been|being)\s+(?:[a-z]+\s+)?(?:trafficked|smuggled|exploited|enslaved)\b",
                ("35,000 Nepalis were trafficked", "thousands of Cambodians are trafficked"),
            ),
        ),
        verbs=(
            Alt(
                verbs(
                    "report",
                    "record",
                    "register",
                    "handle",
                    "identify",
                    "document",
                    "count",
                    "receive",
                    "assist",
                    only="s ed",
                )
                + r"|\bdealt\s+with\b|(?<!\ban\s)\bestimat(?:ed|es)\b",
                ("The NGO handled 90 cases.", "Police recorded 12 cases.", "It estimated 3,000"),
                ("an estimated 3,000",),
            ),
            Alt(
                verbs(
                    "rescue",
                    "triple",
                    "double",
                    "quadruple",
                    "halve",
                    "drop",
                    "decline",
                    "increase",
                    "decrease",
                    "jump",
                    "surge",
                    "climb",
                    "total",
                    "reach",
                    only="ed",
                )
                + r"|\btotalled\b|\b(?:rose|fell|grew)\b",
                ("Cases rose to 959.", "Arrests doubled.", "Convictions totalled 44."),
            ),
        ),
        examples=(
            Example("959 cases of human trafficking were reported in 2012.", "statistic"),
            Example("In 2015, they dealt with 100 cases.", "statistic"),
        ),
    ),
    Rule(
        "report",
        cues=(
            Alt(
                r"\b(?:reports?|stud(?:y|ies)|surveys?|assessments?|index|estimates?|census|"
                r"findings|reviews?|audits?|white\s+paper|yearbook)\b",
                ("a 2005 report", "the study", "a survey"),
            ),
            Alt(
                r"\b(?:rankings?|investigations?|figures|data|statistics)\b",
                ("new figures", "official data"),
            ),
        ),
        verbs=(
            Alt(
                verbs(
                    "release",
                    "publish",
                    "issue",
                    "launch",
                    "unveil",
                    "reveal",
                    "conclude",
                    "present",
                    "show",
                    only="s ed",
                )
                + r"|(?<!\ban\s)\bestimat(?:ed|es)\b|\bfound\b|\bput\s+out\b",
                ("The ILO released a report.", "A study found that ...", "It put out figures."),
            ),
        ),
        examples=(
            Example(
                "A 2005 report from the International Labour Organisation found abuse.", "report"
            ),
        ),
    ),
    Rule(
        "other",
        cues=(
            Alt(
                r"\b(?:plan(?:s|ned)?\s+to|pledg(?:ed|es)|vow(?:ed|s)|promis(?:ed|es)|"
                r"announc(?:ed|es)|agreed\s+(?:in\s+[\w-]+\s+)?(?:to|on)|decided\s+to)\b",
                ("The ministry plans to act.", "Officials vowed to act.", "agreed in principle to"),
            ),
            Alt(
                r"\b(?:began|started|launched|established|introduced|set\s+up|created|opened)\b",
                ("The shelter opened in 2009.", "It began work."),
            ),
        ),
        examples=(Example("The ministry announced new shelter funding in 2014.", "other"),),
    ),
)
