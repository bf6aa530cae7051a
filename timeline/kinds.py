"""Event types: which kind of event a sentence reports, and how firmly.

Each type has *cue* words (nouns such as "task force", "Tier 2", "convention",
"959 cases") and *action* patterns (a cue together with a verb that narrates
it: "launched a task force", "was placed on the watchlist", "signed the
convention", "arrested 12 people"). A sentence with its own date becomes an
event on a cue alone; a sentence without a date must narrate an action. A
verb under a negation in its clause ("has never prosecuted") does not count.
"""

from __future__ import annotations

import functools
import itertools
import math
import operator
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

# ---------------------------------------------------------------- building blocks

_NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    r"hundred|thousand|dozens?|scores|hundreds|thousands|millions|billions"
)
_NUMBER = rf"(?:\d[\d,]*(?:\.\d+)?|(?:{_NUMBER_WORDS})(?:[\s-]+(?:{_NUMBER_WORDS}))*)"
_SCALE = r"(?:\s+(?:million|billion|thousand|hundred|m|bn|k))?"
_COUNT_NOUN = (
    r"(?:cases?|victims?|people|persons?|individuals|children|child|minors|women|men|girls|boys|"
    r"workers?|migrants?|labou?rers|convictions?|prosecutions?|arrests?|offenders?|traffickers?|"
    r"suspects?|defendants?|complaints?|offen[cs]es?|crimes|survivors?|families|households|"
    r"percent|per\s*cent|%|dollars|riels?|baht|dong|kip|kyat|euros?|pounds|rupees|yuan|"
    r"brides|sex\s+workers|refugees|deaths|incidents|rescues|raids|investigations|"
    r"participants|delegates|brothels|shelters|fishermen|fishers|seafarers|sailors|crew\s+members|"
    r"citizens|nationals|foreigners|residents|officers|officials|operations|recruiters|brokers|"
    r"employers|companies|agencies|returnees|deportees|trainees)"
)
# "959 cases", "12.3 million people", "thousands of children", "29.34 percent", "$150 billion"
_COUNT = (
    rf"(?:\b{_NUMBER}{_SCALE}(?:\s+(?:of|more|new|reported|suspected|identified|alleged|"
    rf"[a-z]+(?:ed|al|ic|an|ese)))?(?:\s+(?:of\s+)?[a-z-]+)?\s+{_COUNT_NOUN}\b"
    rf"|(?:US\$|\$|USD\s?|€|£)\s?\d[\d,.]*{_SCALE}"
    rf"|\b{_NUMBER}(?:\s*%|\s+per\s*cent|\s+percent))"
)
# "35,000 Nepalis were trafficked", "thousands of Cambodians are trafficked": a count of people
# told by what befell them, whoever they are.
_TRAFFICKED_COUNT = (
    rf"\b{_NUMBER}{_SCALE}\s+(?:of\s+)?(?:[a-z-]+\s+){{0,2}}(?:were|was|are|is|have\s+been|"
    rf"had\s+been|being)\s+(?:[a-z]+\s+)?(?:trafficked|smuggled|exploited|enslaved)\b"
)
_CHANGE = (
    rf"(?:\b(?:tripled|doubled|quadrupled|halved)\b|\b(?:rose|fell|dropped|declined|increased|"
    rf"decreased|jumped|surged|climbed|grew)\s+(?:by\s+|to\s+|from\s+)?(?:about\s+|around\s+|"
    rf"nearly\s+|almost\s+|more\s+than\s+)?{_NUMBER}|\b(?:up|down)\s+from\s+{_NUMBER})"
)


def _rx(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile(pattern, flags)


@dataclass(frozen=True, slots=True)
class _Rule:
    """One event type: its cue pattern, and the verbs that make a cue an action."""

    kind: str
    cue: re.Pattern[str]
    verb: re.Pattern[str] | None
    #: Verbs that are an action on their own, without a cue word ("arrested", "met with").
    alone: re.Pattern[str] | None = None


RULES: tuple[_Rule, ...] = (
    _Rule(
        "task_force",
        _rx(
            r"\btask[\s-]?forces?\b|\b(?:new|national|joint|special|inter-?ministerial|"
            r"anti-?(?:human\s+)?trafficking|counter-?trafficking)\s+(?:committee|commission|"
            r"council|unit|working\s+group|police\s+unit|secretariat)s?\b"
        ),
        _rx(
            r"\b(?:launch(?:ed|es|ing)?|set(?:ting)?\s+up|sets\s+up|establish(?:ed|es|ing)?|"
            r"form(?:ed|s|ing)?|creat(?:ed|es|ing|e)|found(?:ed|ing)|inaugurat(?:ed|es|ing|e)|"
            r"unveil(?:ed|s|ing)?|new|first)\b"
        ),
    ),
    _Rule(
        "tier_change",
        _rx(
            r"\btier[\s-]*(?:[123]|I{1,3}|one|two|three)\b|\bwatch[\s-]?list\b|"
            r"\blowest\s+(?:level|rank|ranking|tier|grade|category)\b|\brankings?\b"
        ),
        _rx(
            r"\b(?:remov(?:ed|es|ing)|plac(?:ed|es|ing)|downgrad(?:ed|es|ing)|upgrad(?:ed|es|ing)|"
            r"elevat(?:ed|es|ing)|rais(?:ed|es|ing)|lower(?:ed|s|ing)|moved?|dropp(?:ed|ing)|"
            r"demot(?:ed|es|ing)|promot(?:ed|es|ing)|classif(?:ied|ies|y|ying)|rank(?:ed|s|ing)|"
            r"rat(?:ed|es)|considered|listed|relegated|lifted|kept|remain(?:ed|s)|put|"
            r"returned|fell|rose|slipped|categori[sz]ed|held(?:\s+on\s+to)?|stay(?:ed|s)?|"
            r"retain(?:ed|s)?|maintain(?:ed|s)?|keeps?|graded|fall(?:s|en)?)\b"
        ),
    ),
    _Rule(
        "agreement",
        _rx(
            r"\b(?:conventions?|treat(?:y|ies)|memorand(?:um|a)\s+of\s+understanding|MoUs?|"
            r"agreements?|accords?|protocols?|pacts?|declarations?|deals?|charter)\b"
        ),
        _rx(
            r"\b(?:sign(?:ed|s|ing)?|ratif(?:ied|ies|y|ying|ication)|conclud(?:ed|es)|"
            r"acced(?:ed|es)|accession|enter(?:ed|s)\s+into\s+force|c(?:a|o)me\s+into\s+force|"
            r"endors(?:ed|es)|ink(?:ed|s)|adopt(?:ed|s)|approv(?:ed|es)|join(?:ed|s)|"
            r"commit(?:ted|s)\s+(?:themselves\s+)?to)\b"
        ),
    ),
    _Rule(
        "law",
        re.compile(
            r"(?i:\b(?:laws?(?!\s+(?:enforcement|firms?|makers?|students?|schools?))|"
            r"legislation|bills?|decrees?|sub-decrees?|regulations?|guidelines|"
            r"(?:national|action)\s+plans?|amendments?|statutes?|ordinances?|penal\s+code|"
            r"criminal\s+code|prakas|moratori(?:um|a)|bans?\s+on|bann(?:ed|ing)|the\s+draft|"
            r"suspensions?\s+(?:of|on)))\b|\b[A-Z][\w-]*\s+Act\b|"
            r"\bthe\s+Act\b|\(Amendment\)\s+Act\b"
        ),
        _rx(
            r"\b(?:pass(?:ed|es)|adopt(?:ed|s)|enact(?:ed|s)|approv(?:ed|es)|promulgat(?:ed|es)|"
            r"amend(?:ed|s)|introduc(?:ed|es)|issu(?:ed|es)|took\s+effect|tak(?:es|e)\s+effect|"
            r"c(?:a|o)me\s+into\s+(?:force|effect)|signed\s+into\s+law|draft(?:ed|s)|"
            r"unveil(?:ed|s)|launch(?:ed|es)|rewr(?:ote|itten)|declar(?:ed|es)|impos(?:ed|es)|"
            r"lift(?:ed|s)|submitt(?:ed)|tabl(?:ed|es)|tighten(?:ed|s)|revis(?:ed|es)|order(?:ed|s))\b"
        ),
    ),
    _Rule(
        "conference",
        _rx(
            r"\b(?:conferences?|meetings?|summits?|workshops?|forums?|symposi(?:um|a)|seminars?|"
            r"round-?tables?|consultations?|congress|dialogues?|talks|visits?|trainings?|"
            r"training\s+courses?|delegations?)\b"
        ),
        _rx(
            r"\b(?:h[eo]ld(?:s|ing)?|host(?:ed|s|ing)?|co-host(?:ed|s)?|conven(?:ed|es)|"
            r"organi[sz](?:ed|es|e)|open(?:ed|s)|attend(?:ed|s)|took\s+place|tak(?:es|e)\s+place|"
            r"complet(?:ed|es)|receiv(?:ed|es)|welcom(?:ed|es)|l[eo]d|"
            r"gather(?:ed|s)|chair(?:ed|s)|join(?:ed|s)|clos(?:ed|es)|conclud(?:ed|es)|"
            r"wrapp?(?:ed)?\s+up|kick(?:ed|s)\s+off|beg(?:an|ins))\b"
        ),
        alone=_rx(
            r"\b(?:met|meets?|meeting)\s+(?:with|in|at)\b|\bvisit(?:ed|s)\s+(?-i:[A-Z])|"
            r"\bconvened\b|\bpaid\s+(?:an?\s+)?(?:official\s+|state\s+)?visit\b|"
            r"\b(?:received|welcomed|hosted)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}delegation\b|"
            r"\b(?:met|meet|meets)\s+(?:with\s+)?(?:their|his|her|its)\s+(?:[\w-]+\s+)?"
            r"counterparts?\b|"
            # "met the Deputy Prime Minister", "met Cambodia's interior minister"
            r"\b(?:met|meets)\s+(?:with\s+)?(?:the\s+)?(?:[\w’'-]+\s+){0,3}(?:ministers?|"
            r"president|premier|ambassadors?|envoys?|secretary|governor|king|queen|chancellor)\b"
        ),
    ),
    _Rule(
        "enforcement",
        _rx(
            r"\b(?:arrests?|raids?|convictions|prosecutions|crackdowns?|rescues?|rescue\s+operations?|"
            r"investigations|indictments|seizures|trials?|(?:joint|police|sting|undercover|security)\s+"
            r"operations?)\b"
        ),
        _rx(
            r"\b(?:arrested|detained|raided|rescued|charged|convicted|prosecuted|sentenced|jailed|"
            r"imprisoned|extradited|deported|indicted|seized|busted|cracked\s+down|freed|"
            r"intercepted|apprehended|fined|acquitted|repatriated|dismantled|"
            r"launch(?:ed|es|ing)|conduct(?:ed|s|ing)|carried\s+out|stag(?:ed|es|ing)|"
            r"open(?:ed|s)|beg(?:an|ins))\b"
        ),
        alone=_rx(
            r"\b(?:arrested|detained|raided|rescued|charged|convicted|prosecuted|sentenced|jailed|"
            r"imprisoned|extradited|indicted|busted|cracked\s+down|apprehended|acquitted|"
            r"t(?:ook|aken)\s+(?:into\s+)?custody|"
            r"arresting|detaining|raiding|rescuing|charging|convicting|sentencing|jailing|"
            r"dismantl(?:ed|ing)|broke(?:n)?\s+up|breaking\s+up)\b|"
            # Bringing people home: "received 266 nationals handed over", "were brought home",
            # "crossed back into Cambodia", "escorted 58 Thai nationals".
            r"\b(?:handed\s+over|brought\s+(?:[\w-]+\s+){0,3}?(?:home|back)|"
            r"(?:arrived|crossed|came)\s+(?:back|home)|escorted|"
            r"(?:were|was|been)\s+(?:[\w-]+\s+)?(?:repatriated|returned|deported|sent\s+home))\b|"
            # "freed 417 foreign nationals", "intercepted a trawler" (not "the men freed")
            r"\b(?:freed|intercepted)\s+(?:[\w-]+\s+){0,2}?(?:\d[\d,]*|dozens|hundreds|"
            r"thousands|scores|an?|the)\b|"
            # "police found 139 suspected graves", "the discovery of 26 bodies"
            r"\b(?:found|discovered|unearthed|exhumed|discovery\s+of)\s+(?:the\s+)?"
            r"(?:[\w,-]+\s+){0,3}(?:graves|bodies|remains)\b|"
            r"\bthe\s+(?:rescue|arrest|prosecution|conviction|extradition|indictment)\s+"
            r"(?:in\s+\w+\s+)?of\b|\braids?\s+on\b"
        ),
    ),
    _Rule(
        "statistic",
        _rx(rf"{_COUNT}|{_CHANGE}|{_TRAFFICKED_COUNT}"),
        _rx(
            r"\b(?:report(?:ed|s)|record(?:ed|s)|register(?:ed|s)|handl(?:ed|es)|dealt\s+with|"
            r"identifi(?:ed|es)|document(?:ed|s)|count(?:ed|s)|receiv(?:ed|es)|assist(?:ed|s)|"
            r"(?<!\ban\s)estimat(?:ed|es)|rescued|tripled|doubled|quadrupled|halved|rose|fell|"
            r"dropped|declined|increased|decreased|jumped|surged|climbed|grew|totall?ed|reached)\b"
        ),
    ),
    _Rule(
        "report",
        _rx(
            r"\b(?:reports?|stud(?:y|ies)|surveys?|assessments?|index|estimates?|census|findings|"
            r"reviews?|audits?|white\s+paper|yearbook|rankings?|investigations?|figures|data|"
            r"statistics)\b"
        ),
        _rx(
            r"\b(?:releas(?:ed|es)|publish(?:ed|es)|issu(?:ed|es)|launch(?:ed|es)|unveil(?:ed|s)|"
            r"(?<!\ban\s)estimat(?:ed|es)|found|show(?:ed|s)|reveal(?:ed|s)|conclud(?:ed|es)|"
            r"present(?:ed|s)|put\s+out)\b"
        ),
    ),
    _Rule(
        "other",
        _rx(
            r"\b(?:plan(?:s|ned)?\s+to|pledg(?:ed|es)|vow(?:ed|s)|promis(?:ed|es)|announc(?:ed|es)|"
            r"agreed\s+(?:in\s+[\w-]+\s+)?(?:to|on)|decided\s+to|began|started|launched|established|introduced|"
            r"set\s+up|created|opened)\b"
        ),
        None,
    ),
)

_BY_KIND = {rule.kind: rule for rule in RULES}
#: Order in which types win when a sentence narrates several actions.
ACTION_PRIORITY = (
    "task_force",
    "tier_change",
    "agreement",
    "law",
    "conference",
    "enforcement",
    "statistic",
    "report",
    "other",
)
#: Order in which types win when a dated sentence only names cues.
CUE_PRIORITY = (
    "tier_change",
    "statistic",
    "agreement",
    "law",
    "conference",
    "task_force",
    "enforcement",
    "other",
)

#: Types that name one happening: a second sentence of the same type and date elaborates it.
SINGULAR_KINDS = frozenset(
    {"task_force", "tier_change", "conference", "agreement", "law", "report"}
)

_NEGATION = _rx(
    r"\b(?:not|never|no|neither|nor|without|yet\s+to|failed\s+to|refused\s+to|cannot)\b|n[’']t\b"
)
# Words that put what follows in the realm of wishes and proposals, not of things done:
# "Malaysia could ratify the protocol", "he proposed that the two sides hold meetings".
_IRREALIS = _rx(
    r"\b(?:should|could|would|might|must|ought\s+to|propos(?:ed|es|e)|urg(?:ed|es|e)|"
    r"call(?:ed|s)?\s+(?:on|for)|suggest(?:ed|s)?|recommend(?:ed|s)?|hop(?:e|es|ed)\s+to|"
    r"want(?:s|ed)?\s+to|if|unless|whether)\b"
)
# A verb in the habitual present passive: "victims are still detained", "girls are trafficked".
_HABITUAL = _rx(r"\b(?:is|are|am|gets?)\s+(?:(?:still|often|also|usually|routinely|\w+ly)\s+)*$")
# Where a clause starts: negation does not reach across these.
_CLAUSE_BREAK = re.compile(r"[,;:–—(]|\b(?:but|while|whereas|and|although|though)\b")


@dataclass(frozen=True, slots=True)
class Kind:
    """The type a sentence reports and whether it narrates an action."""

    kind: str
    action: bool


# ---------------------------------------------------------------- fast matching
#
# classify() would run every pattern above on every sentence. Three exact shortcuts keep it
# cheap, all derived from the patterns themselves, so that the rules stay the one statement
# of what matches:
#
# * A case-insensitive pattern runs as a case-sensitive, lower-cased copy over the folded
#   sentence: Python's regex engine matches several times slower in IGNORECASE mode.
# * A pattern every match of which must contain one of a few strings ("sign", "ratif",
#   "conclud", ...), or a word that starts with one, is not run on a sentence without them.
# * Rules are tried in the order their results are ranked, and stop once the answer is
#   known (see classify()).

# Folding keeps every character in place and agrees with IGNORECASE matching of ASCII
# letters: ASCII capitals, plus the four non-ASCII letters the regex engine matches against
# ASCII ones (dotted and dotless i, the Kelvin sign, long s). Every other character is kept.
_FOLD_TABLE = str.maketrans(
    {chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)}
    | {"İ": "i", "ı": "i", "\u212a": "k", "ſ": "s"}
)
# Pattern text that lower-casing would change in meaning: escapes such as \S, \B or \x41,
# and inline flags such as (?-i:...).
_NOT_FOLDABLE = re.compile(r"\\[A-Z0-9xuN]|\(\?[aiLmsux]*-?[aiLmsux]+[:)]")


def _fold(text: str) -> str:
    """``text`` with the letters IGNORECASE treats as ASCII letters lower-cased, same length."""
    return text.lower() if text.isascii() else text.translate(_FOLD_TABLE)


def _plain(ch: str) -> bool:
    """True for a character that folding maps exactly as IGNORECASE matching does."""
    return ch.isascii() or ch.lower() == ch == ch.upper()


def _folded_copy(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A case-sensitive copy of a case-insensitive pattern, to run on folded text; else None."""
    source = pattern.pattern
    if (
        not pattern.flags & re.IGNORECASE
        or pattern.flags & re.ASCII  # then İ is not i: folding would not agree
        or _NOT_FOLDABLE.search(source)
        or not all(map(_plain, source))
    ):
        return None
    return re.compile(source.lower(), pattern.flags & ~re.IGNORECASE)


# Required strings are folded text; one that starts with _WORD_START must start a word (it
# follows \b in the pattern), and _DIGIT stands for any digit (\d).
_WORD_START = "\x01"
_DIGIT = "\x02"
_WORD_CHARS = re.compile(r"\w+")


def _implies(a: str, b: str) -> bool:
    """True when a sentence holding required string ``a`` surely holds ``b`` too."""
    if _DIGIT in (a, b):
        return False
    if b.startswith(_WORD_START):
        return a.startswith(b)
    return b in a.removeprefix(_WORD_START)


def _reduced(strings: set[str]) -> frozenset[str]:
    """Drop the strings that imply another one: finding the other one is enough."""
    return frozenset(a for a in strings if not any(b != a and _implies(a, b) for b in strings))


@cache
def _weight(s: str) -> int:
    """How rarely a required string occurs in text, roughly: its length, more for rare kinds."""
    if s == _DIGIT:
        return 2  # years and counts: found in many sentences
    word = s.removeprefix(_WORD_START)
    if not any(c.isalnum() for c in word):
        return 4  # "$", "%": rare
    return len(word) + (word != s)  # a word start is rarer than the same letters anywhere


def _strength(strings: frozenset[str]) -> tuple[int, int]:
    """Sort key, most selective first: the rarest weakest string, then the fewest strings."""
    return -min(map(_weight, strings)), len(strings)


def _best(sets: list[frozenset[str]], keep: int = 3) -> list[frozenset[str]]:
    """Up to ``keep`` of ``sets``: the most selective, then the next ones that differ from it.

    Sets that mostly overlap would mostly be met by the same sentences: a set
    is kept only when a third of its strings are new.
    """
    chosen: list[frozenset[str]] = []
    for s in sorted(set(sets), key=lambda s: (*_strength(s), sorted(s))):
        if len(chosen) < keep and all(3 * len(s - c) >= len(s) for c in chosen):
            chosen.append(s)
    return chosen


def _required(items: list, ops: Any, word_start: bool = False) -> list[frozenset[str]]:
    """Sets of required strings: every match of the parsed ``items`` holds one of each set.

    A run of literal characters gives one string (marked when it follows
    ``\\b``); a group or a repetition of at least once gives what its content
    requires; a small class of literal characters gives those characters, and
    ``\\d`` gives :data:`_DIGIT`. An alternation requires the union of one set
    required by each alternative (the most selective of such unions). Anything
    else requires nothing.
    """
    repeats = (ops.MAX_REPEAT, ops.MIN_REPEAT, getattr(ops, "POSSESSIVE_REPEAT", None))
    sets: list[frozenset[str]] = []
    run: list[str] = []
    run_at_word_start = False
    for op, av in items:
        if op is ops.LITERAL and _plain(chr(av)):
            if not run:
                run_at_word_start = word_start
            run.append(chr(av).lower())
            word_start = False
            continue
        if run:
            sets.append(frozenset({_WORD_START * run_at_word_start + "".join(run)}))
            run = []
        if op is ops.SUBPATTERN:
            sets += _required(av[3], ops, word_start)
        elif op is ops.ATOMIC_GROUP:
            sets += _required(av, ops, word_start)
        elif op in repeats and av[0] >= 1:
            sets += _required(av[2], ops, word_start)
        elif op is ops.BRANCH:
            ranked = [_best(_required(alternative, ops, word_start)) for alternative in av[1]]
            if all(ranked):
                if math.prod(map(len, ranked)) > 64:
                    ranked = [r[:1] for r in ranked]
                sets += _best([frozenset().union(*c) for c in itertools.product(*ranked)])
        elif op is ops.IN and av == [(ops.CATEGORY, ops.CATEGORY_DIGIT)]:
            sets.append(frozenset({_DIGIT}))
        elif (
            op is ops.IN
            and len(av) <= 10
            and all(o is ops.LITERAL and _plain(chr(v)) for o, v in av)
        ):
            sets.append(frozenset(chr(v).lower() for _, v in av))
        # A word starts after \b, and after white space (\s, \s+).
        space = (ops.IN, [(ops.CATEGORY, ops.CATEGORY_SPACE)])
        word_start = (
            (op is ops.AT and av is ops.AT_BOUNDARY)
            or (op, av) == space
            or (op in repeats and av[0] >= 1 and list(av[2]) == [space])
        )
    if run:
        sets.append(frozenset({_WORD_START * run_at_word_start + "".join(run)}))
    return sets


@dataclass(frozen=True, slots=True)
class _Needs:
    """One set of required strings, split by how a sentence is checked for them."""

    #: Starts of required words (of the folded sentence's words), two letters or more.
    word_starts: frozenset[str]
    #: Strings looked for anywhere.
    anywhere: tuple[str, ...]
    #: Whether any digit will do.
    digit: bool

    @classmethod
    def of(cls, strings: frozenset[str]) -> _Needs:
        """Sort required strings by how they are looked for."""
        starts: set[str] = set()
        anywhere: set[str] = set()
        for s in _reduced(strings - {_DIGIT}):
            word = s.removeprefix(_WORD_START)
            # A word starts with the word characters the string starts with.
            head = _WORD_CHARS.match(word)
            if s != word and head and len(head.group()) >= 2:
                starts.add(head.group())
            else:
                anywhere.add(word)
        return cls(frozenset(starts), tuple(sorted(anywhere)), _DIGIT in strings)


def _needs(pattern: re.Pattern[str]) -> list[_Needs]:
    """At most three sets of strings, each holding a part of every match of ``pattern``.

    Derived from the regex engine's own parse of the pattern; should that
    private interface be missing or different, nothing is required (the
    pattern always runs), which is slower but never wrong. So is a pattern
    whose \\b and \\w are ASCII-only, unlike the words :class:`_Checks` finds.
    """
    if pattern.flags & re.ASCII or re.search(r"\(\?[imsxLu]*a", pattern.pattern):
        return []
    try:
        from re import _constants as ops
        from re import _parser

        sets = _required(list(_parser.parse(pattern.pattern, pattern.flags)), ops)
    except Exception:  # noqa: BLE001 - a private interface: never fail because of it
        return []
    # A set with a one- or two-letter string would be met by most sentences.
    useful = [s for s in sets if all(x == _DIGIT or _weight(x) >= 3 for x in s)]
    return [_Needs.of(s) for s in _best(useful, keep=3)]


def _trie(words: list[str]) -> str:
    """A regex matching any of ``words``, trie-shaped (the longest where one is another's start)."""
    node: dict[str, list[str]] = {}
    for word in words:
        node.setdefault(word[:1], []).append(word[1:])
    ends = "" in node
    branches = [re.escape(ch) + _trie(rest) for ch, rest in sorted(node.items()) if ch]
    if not branches:
        return ""
    group = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
    return group + "?" if ends else group


class _Checks:
    """Finds which of many needs a sentence meets, at once, as a bit mask."""

    def __init__(self, needs: list[_Needs]) -> None:
        #: Word start -> the needs it meets.
        self.by_start: dict[str, int] = {}
        self.anywhere: list[tuple[int, tuple[str, ...]]] = []
        self.digit = 0
        for i, n in enumerate(needs):
            bit = 1 << i
            for start in n.word_starts:
                self.by_start[start] = self.by_start.get(start, 0) | bit
            if n.anywhere:
                self.anywhere.append((bit, n.anywhere))
            if n.digit:
                self.digit |= bit
        # The longest word start of each word of a folded sentence that some need names
        # (starts hold only word characters, so matches never overlap), and what it meets
        # together with the shorter starts it begins with.
        self.starts = re.compile(
            r"(?<!\w)" + _trie(sorted(self.by_start)) if self.by_start else "^$"
        )
        self.meets = {
            start: functools.reduce(
                operator.or_, (bits for s, bits in self.by_start.items() if start.startswith(s))
            )
            for start in self.by_start
        }

    def met(self, text: str, low: str) -> int:
        """The needs that ``text`` (folded: ``low``) meets."""
        meets = self.meets
        met = 0
        for start in self.starts.findall(low):
            met |= meets.get(start, 0)
        for bit, strings in self.anywhere:
            if not met & bit:
                for string in strings:
                    if string in low:
                        met |= bit
                        break
        if self.digit & ~met and _ANY_DIGIT.search(text):
            met |= self.digit
        return met


_ANY_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class _Fast:
    """A pattern prepared for quick matching: skipped, or run on the folded sentence."""

    pattern: re.Pattern[str]
    folded: bool
    #: The needs (bits of :meth:`_Checks.met`) a sentence must meet for a match.
    bits: int = 0

    @classmethod
    def of(cls, pattern: re.Pattern[str], needs: list[_Needs] | None = None) -> _Fast:
        """Prepare ``pattern``, adding what it needs to ``needs`` (when given)."""
        copy = _folded_copy(pattern)
        bits = 0
        if needs is not None:
            for n in _needs(pattern):
                bits |= 1 << len(needs)
                needs.append(n)
        return cls(copy or pattern, copy is not None, bits)

    def finditer(self, s: _Sentence) -> Iterator[re.Match[str]]:
        """The matches of the pattern in the sentence."""
        if s.met & self.bits != self.bits:
            return iter(())
        return self.pattern.finditer(s.low if self.folded else s.text)

    def search(self, s: _Sentence, start: int, end: int) -> re.Match[str] | None:
        """The first match of the pattern in ``s.text[start:end]``, positions as in the text."""
        return self.pattern.search(s.low if self.folded else s.text, start, end)


@dataclass(frozen=True, slots=True)
class _Prepared:
    """One rule's patterns, prepared."""

    kind: str
    cue: _Fast
    verb: _Fast | None
    alone: _Fast | None
    #: The bits of :meth:`_Checks.met` the verbs and the lone verbs need (-1: never match).
    verb_bits: int = -1
    alone_bits: int = -1


@dataclass(frozen=True, slots=True)
class _Tables:
    """Everything classify() uses, prepared on first use."""

    #: Rules that can narrate an action, in ACTION_PRIORITY order.
    acting: tuple[_Prepared, ...]
    #: Rules in CUE_PRIORITY order.
    cue_order: tuple[_Prepared, ...]
    checks: _Checks
    negation: _Fast
    irrealis: _Fast
    habitual: _Fast


@cache
def _tables() -> _Tables:
    """Prepare every pattern (some milliseconds, on the first sentence classified)."""
    needs: list[_Needs] = []
    rules: dict[str, _Prepared] = {}
    for rule in RULES:
        verb = _Fast.of(rule.verb, needs) if rule.verb else None
        alone = _Fast.of(rule.alone, needs) if rule.alone else None
        rules[rule.kind] = _Prepared(
            rule.kind,
            _Fast.of(rule.cue, needs),
            verb,
            alone,
            verb.bits if verb else -1,
            alone.bits if alone else -1,
        )
    return _Tables(
        tuple(rules[k] for k in ACTION_PRIORITY if rules[k].verb or rules[k].alone),
        tuple(rules[k] for k in CUE_PRIORITY),
        _Checks(needs),
        _Fast.of(_NEGATION),
        _Fast.of(_IRREALIS),
        _Fast.of(_HABITUAL),
    )


@dataclass(slots=True)
class _Sentence:
    """A sentence being classified: folded, what it holds, and the cues found so far."""

    text: str
    low: str
    #: The needs it meets (:meth:`_Checks.met`).
    met: int
    #: Whether each rule's cue is named (unnegated), once known.
    cues: dict[str, bool]
    #: Where each rule's cue is named (unnegated), once asked for.
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)


def _negated(s: _Sentence, at: int) -> bool:
    """True when a negation stands in the clause before position ``at``."""
    window_start = max(0, at - 80)
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(s.text[window_start:at])]
    clause_start = window_start + (breaks[-1] if breaks else 0)
    clause = s.low[clause_start:at]
    # Searched as a string of its own, where \b sees its edges.
    found = _tables().negation.pattern.search(clause)
    return found is not None and not _not_until(s.low, clause_start + found.start())


#: "did not ratify the protocol until October 2013": the thing was done, then.
_UNTIL = re.compile(r"[^,;.]*?\b(?:until|till)\b", re.IGNORECASE)


def _not_until(text: str, at: int) -> bool:
    """True when the negation at ``at`` is a "not ... until" that tells when it was done."""
    word = text[at : at + 3].lower()
    return word in ("not", "n't", "n’t") and _UNTIL.match(text, at + 3) is not None


def _cue_spans(rule: _Prepared, s: _Sentence) -> list[tuple[int, int]]:
    """Where the sentence names the rule's cue outside a negation (remembered)."""
    found = s.spans.get(rule.kind)
    if found is None:
        found = [m.span() for m in rule.cue.finditer(s) if not _negated(s, m.start())]
        s.spans[rule.kind] = found
        s.cues[rule.kind] = bool(found)
    return found


def _has_cue(rule: _Prepared, s: _Sentence) -> bool:
    """True when the sentence names the rule's cue outside a negation (remembered)."""
    found = s.cues.get(rule.kind)
    if found is None:
        found = any(not _negated(s, m.start()) for m in rule.cue.finditer(s))
        s.cues[rule.kind] = found
    return found


#: How far (characters between them) a verb may stand from its cue and still narrate it:
#: "launched ... a task force", not "a statement issued ... under labour laws".
NEAR = 60


def _near(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when one of ``spans`` lies within :data:`NEAR` characters of ``start:end``."""
    return any(cs - end <= NEAR and start - ce <= NEAR for cs, ce in spans)


def _told_as_done(s: _Sentence, at: int) -> bool:
    """True when the verb at ``at`` tells something done, not wished, proposed or habitual."""
    tables = _tables()
    if tables.habitual.search(s, max(0, at - 40), at):
        return False
    text = s.text
    start = max(text.rfind(";", 0, at), text.rfind(". ", 0, at), at - 120, 0)
    return not tables.irrealis.search(s, start, at)


def _narrates(rule: _Prepared, s: _Sentence) -> tuple[bool, bool]:
    """Whether the rule's action is narrated, and whether as a thing done.

    The verbs count only with the rule's cue, which is looked for only when a
    verb might be there.
    """
    met = s.met
    verb, alone = rule.verb, rule.alone
    if verb is not None and (met & verb.bits != verb.bits or not _has_cue(rule, s)):
        verb = None
    if alone is not None and met & alone.bits != alone.bits:
        alone = None
    narrated = False
    for pattern in (verb, alone):
        if pattern is None:
            continue
        spans = _cue_spans(rule, s) if pattern is verb else None
        for m in pattern.finditer(s):
            if _negated(s, m.start()) or (spans is not None and not _near(spans, *m.span())):
                continue
            narrated = True
            if _told_as_done(s, m.start()):
                return True, True
    return narrated, False


def classify(sentence: str) -> Kind | None:
    """The event type a sentence reports, or None when it names no event cue at all.

    The first narrated action in :data:`ACTION_PRIORITY` gives the type; it is
    told as done when any narrated action is. Without an action, the first
    cue in :data:`CUE_PRIORITY` gives the type.
    """
    tables = _tables()
    low = _fold(sentence)
    s = _Sentence(sentence, low, tables.checks.met(sentence, low), {})
    met = s.met
    first: str | None = None
    for rule in tables.acting:
        verb_bits, alone_bits = rule.verb_bits, rule.alone_bits
        if met & verb_bits != verb_bits and met & alone_bits != alone_bits:
            continue  # neither the verbs nor the lone verbs can match
        narrated, done = _narrates(rule, s)
        if done:
            return Kind(first or rule.kind, True)
        if narrated and first is None:
            first = rule.kind
    if first is not None:
        return Kind(first, False)
    for rule in tables.cue_order:
        if met & rule.cue.bits == rule.cue.bits and _has_cue(rule, s):
            return Kind(rule.kind, False)
    return None


def classify_plainly(sentence: str) -> Kind | None:
    """:func:`classify` without its shortcuts: every pattern run as written, in rule order.

    Slow; the reference that :func:`classify` must always agree with (tests and
    ``benchmarks/bench_extract.py --check`` compare the two).
    """

    def negated(at: int) -> bool:
        window_start = max(0, at - 80)
        window = sentence[window_start:at]
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(window)]
        clause_start = window_start + (breaks[-1] if breaks else 0)
        found = _NEGATION.search(sentence[clause_start:at])
        return found is not None and not _not_until(sentence, clause_start + found.start())

    def done(at: int) -> bool:
        if _HABITUAL.search(sentence, max(0, at - 40), at):
            return False
        start = max(sentence.rfind(";", 0, at), sentence.rfind(". ", 0, at), at - 120, 0)
        return not _IRREALIS.search(sentence, start, at)

    actions: set[str] = set()
    dones: set[str] = set()
    cues: set[str] = set()
    for rule in RULES:
        spans = [m.span() for m in rule.cue.finditer(sentence) if not negated(m.start())]
        if spans:
            cues.add(rule.kind)
        for pattern in filter(None, (rule.verb if spans else None, rule.alone)):
            for m in pattern.finditer(sentence):
                if pattern is rule.verb and not _near(spans, *m.span()):
                    continue
                if not negated(m.start()):
                    actions.add(rule.kind)
                    if done(m.start()):
                        dones.add(rule.kind)
    for kind in ACTION_PRIORITY:
        if kind in actions:
            return Kind(kind, bool(dones))
    for kind in CUE_PRIORITY:
        if kind in cues:
            return Kind(kind, False)
    return None


def rule_for(kind: str) -> _Rule:
    """The rule of one type (for tests and explanations)."""
    return _BY_KIND[kind]
