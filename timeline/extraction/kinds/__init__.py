"""Event types: which kind of event a sentence reports (:func:`classify`), from the rules
of :mod:`.rules`; :mod:`.prefilter` makes it cheap and :func:`classify_plainly` is
its oracle."""

from timeline.extraction.kinds.classify import (
    ACTION_PRIORITY,
    CUE_PRIORITY,
    SINGULAR_KINDS,
    Kind,
    classify,
    classify_plainly,
)
from timeline.extraction.kinds.rules import RULES, Alt, Rule

__all__ = [
    "ACTION_PRIORITY",
    "CUE_PRIORITY",
    "RULES",
    "SINGULAR_KINDS",
    "Alt",
    "Kind",
    "Rule",
    "classify",
    "classify_plainly",
    "rule_for",
]


def rule_for(kind: str) -> Rule:
    """The rule of one type (for tests and explanations)."""
    return next(rule for rule in RULES if rule.kind == kind)
