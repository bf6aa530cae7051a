"""Which kind of event a sentence reports, and how firmly: the rules of :mod:`.rules`
applied through the shortcuts of :mod:`.prefilter`.

A verb under a negation in its clause ("has never prosecuted") does not
count; a verb in a wish, proposal or habit ("could ratify", "are trafficked")
narrates the action without telling it as done.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from timeline.extraction.kinds.prefilter import Checks, Fast, Needs, fold
from timeline.extraction.kinds.rules import HABITUAL, IRREALIS, NEGATION, RULES
from timeline.language.clauses import clause_start
from timeline.model import TYPES

__all__ = [
    "ACTION_PRIORITY",
    "CUE_PRIORITY",
    "SINGULAR_KINDS",
    "Kind",
    "classify",
    "classify_plainly",
]

#: Order in which types win when a sentence narrates several actions.
ACTION_PRIORITY: tuple[str, ...] = tuple(t.name for t in sorted(TYPES, key=lambda t: t.action_rank))
#: Order in which types win when a dated sentence only names cues.
CUE_PRIORITY: tuple[str, ...] = tuple(
    t.name for t in sorted(TYPES, key=lambda t: t.cue_rank or 0) if t.cue_rank is not None
)
#: Types that name one happening: a second sentence of the same type and date elaborates it.
SINGULAR_KINDS: frozenset[str] = frozenset(t.name for t in TYPES if t.singular)


@dataclass(frozen=True, slots=True)
class Kind:
    """The type a sentence reports and whether it narrates an action."""

    kind: str
    action: bool


@dataclass(frozen=True, slots=True)
class _Prepared:
    """One rule's patterns, prepared."""

    kind: str
    cue: Fast
    verb: Fast | None
    alone: Fast | None
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
    checks: Checks
    negation: Fast
    irrealis: Fast
    habitual: Fast


@cache
def _tables() -> _Tables:
    """Prepare every pattern (some milliseconds, on the first sentence classified)."""
    needs: list[Needs] = []
    rules: dict[str, _Prepared] = {}
    for rule in RULES:
        verb = Fast.of(rule.verb, needs) if rule.verb else None
        alone = Fast.of(rule.alone_verb, needs) if rule.alone_verb else None
        rules[rule.kind] = _Prepared(
            rule.kind,
            Fast.of(rule.cue, needs),
            verb,
            alone,
            verb.bits if verb else -1,
            alone.bits if alone else -1,
        )
    return _Tables(
        tuple(rules[k] for k in ACTION_PRIORITY if rules[k].verb or rules[k].alone),
        tuple(rules[k] for k in CUE_PRIORITY),
        Checks(needs),
        Fast.of(NEGATION),
        Fast.of(IRREALIS),
        Fast.of(HABITUAL),
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
    start = clause_start(s.text, at)
    clause = s.low[start:at]
    # Searched as a string of its own, where \b sees its edges.
    found = _tables().negation.pattern.search(clause)
    return found is not None and not _not_until(s.low, start + found.start())


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
    low = fold(sentence)
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
        start = clause_start(sentence, at)
        found = NEGATION.search(sentence[start:at])
        return found is not None and not _not_until(sentence, start + found.start())

    def done(at: int) -> bool:
        if HABITUAL.search(sentence, max(0, at - 40), at):
            return False
        start = max(sentence.rfind(";", 0, at), sentence.rfind(". ", 0, at), at - 120, 0)
        return not IRREALIS.search(sentence, start, at)

    actions: set[str] = set()
    dones: set[str] = set()
    cues: set[str] = set()
    for rule in RULES:
        spans = [m.span() for m in rule.cue.finditer(sentence) if not negated(m.start())]
        if spans:
            cues.add(rule.kind)
        for pattern in filter(None, (rule.verb if spans else None, rule.alone_verb)):
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
