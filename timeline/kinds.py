"""Event types: which kind of event a sentence reports, and how firmly.

Each type has *cue* words (nouns such as "task force", "Tier 2", "convention",
"959 cases") and *action* patterns (a cue together with a verb that narrates
it: "launched a task force", "was placed on the watchlist", "signed the
convention", "arrested 12 people"). A sentence with its own date becomes an
event on a cue alone; a sentence without a date must narrate an action. A
verb under a negation in its clause ("has never prosecuted") does not count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
            r"\btask[\s-]?forces?\b|\b(?:national|joint|special|inter-?ministerial|"
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
            r"endors(?:ed|es)|ink(?:ed|s)|adopt(?:ed|s)|approv(?:ed|es)|join(?:ed|s))\b"
        ),
    ),
    _Rule(
        "law",
        re.compile(
            r"(?i:\b(?:laws?(?!\s+(?:enforcement|firms?|makers?|students?|schools?))|"
            r"legislation|bills?|decrees?|sub-decrees?|regulations?|guidelines|"
            r"(?:national|action)\s+plans?|amendments?|statutes?|ordinances?|penal\s+code|"
            r"criminal\s+code|prakas|moratori(?:um|a)|bans?\s+on))\b|\b[A-Z][\w-]*\s+Act\b|"
            r"\bthe\s+Act\b|\(Amendment\)\s+Act\b"
        ),
        _rx(
            r"\b(?:pass(?:ed|es)|adopt(?:ed|s)|enact(?:ed|s)|approv(?:ed|es)|promulgat(?:ed|es)|"
            r"amend(?:ed|s)|introduc(?:ed|es)|issu(?:ed|es)|took\s+effect|tak(?:es|e)\s+effect|"
            r"c(?:a|o)me\s+into\s+(?:force|effect)|signed\s+into\s+law|draft(?:ed|s)|"
            r"unveil(?:ed|s)|launch(?:ed|es)|rewr(?:ote|itten)|declar(?:ed|es)|impos(?:ed|es)|"
            r"lift(?:ed|s)|submitt(?:ed)|tabled)\b"
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
            r"counterparts?\b"
        ),
    ),
    _Rule(
        "enforcement",
        _rx(
            r"\b(?:arrests|raids|convictions|prosecutions|crackdowns?|rescue\s+operations?|"
            r"investigations|indictments|seizures|(?:joint|police|sting|undercover|security)\s+"
            r"operations?)\b"
        ),
        _rx(
            r"\b(?:arrested|detained|raided|rescued|charged|convicted|prosecuted|sentenced|jailed|"
            r"imprisoned|extradited|deported|indicted|seized|busted|cracked\s+down|freed|"
            r"intercepted|apprehended|fined|acquitted|repatriated|dismantled|"
            r"launch(?:ed|es|ing)|conduct(?:ed|s|ing)|carried\s+out|stag(?:ed|es|ing))\b"
        ),
        alone=_rx(
            r"\b(?:arrested|detained|raided|rescued|charged|convicted|prosecuted|sentenced|jailed|"
            r"imprisoned|extradited|indicted|busted|cracked\s+down|apprehended|acquitted|"
            r"arresting|detaining|raiding|rescuing|charging|convicting|sentencing|jailing|"
            r"dismantl(?:ed|ing)|broke(?:n)?\s+up|breaking\s+up)\b|"
            r"\bthe\s+(?:rescue|arrest|prosecution|conviction|extradition|indictment)\s+"
            r"(?:in\s+\w+\s+)?of\b|\braids?\s+on\b"
        ),
    ),
    _Rule(
        "statistic",
        _rx(rf"{_COUNT}|{_CHANGE}"),
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


def _negated(sentence: str, at: int) -> bool:
    """True when a negation stands in the clause before position ``at``."""
    window = sentence[max(0, at - 80) : at]
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(window)]
    clause = window[breaks[-1] :] if breaks else window
    return bool(_NEGATION.search(clause))


def _has_unnegated(pattern: re.Pattern[str], sentence: str) -> bool:
    return any(not _negated(sentence, m.start()) for m in pattern.finditer(sentence))


def _told_as_done(sentence: str, at: int) -> bool:
    """True when the verb at ``at`` tells something done, not wished, proposed or habitual."""
    if _HABITUAL.search(sentence, max(0, at - 40), at):
        return False
    start = max(sentence.rfind(";", 0, at), sentence.rfind(". ", 0, at), at - 120, 0)
    return not _IRREALIS.search(sentence, start, at)


def _narrates(rule: _Rule, sentence: str, has_cue: bool) -> tuple[bool, bool]:
    """Whether the rule's action is narrated, and whether as a thing done."""
    narrated = False
    for pattern in (rule.verb if has_cue else None, rule.alone):
        if pattern is None:
            continue
        for m in pattern.finditer(sentence):
            if _negated(sentence, m.start()):
                continue
            narrated = True
            if _told_as_done(sentence, m.start()):
                return True, True
    return narrated, False


def classify(sentence: str) -> Kind | None:
    """The event type a sentence reports, or None when it names no event cue at all."""
    actions: set[str] = set()
    done: set[str] = set()
    cues: set[str] = set()
    for rule in RULES:
        has_cue = _has_unnegated(rule.cue, sentence)
        if has_cue:
            cues.add(rule.kind)
        narrated, as_done = _narrates(rule, sentence, has_cue)
        if narrated:
            actions.add(rule.kind)
        if as_done:
            done.add(rule.kind)
    if "report" in cues and "report" not in actions:
        cues.discard("report")  # "the report states": commentary, not a publication
    if "other" in cues:
        cues.discard("other")
        cues.add("other")  # "plans to", "announced": only an event with a date of its own
    for kind in ACTION_PRIORITY:
        if kind in actions:
            # A wished or habitual action still types a dated sentence, but does not make an
            # undated one an event.
            return Kind(kind, bool(done & actions))
    for kind in CUE_PRIORITY:
        if kind in cues:
            return Kind(kind, False)
    return None


def rule_for(kind: str) -> _Rule:
    """The rule of one type (for tests and explanations)."""
    return _BY_KIND[kind]
