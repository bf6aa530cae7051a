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

from timeline.extraction.kinds.actions import ACTIONS
from timeline.extraction.kinds.happenings import HAPPENINGS
from timeline.extraction.kinds.rule import Alt, Rule

__all__ = ["HABITUAL", "IRREALIS", "NEGATION", "RULES", "Alt", "Rule"]


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


#: Every event type's rule (which wins when several match comes from the registry's ranks).
RULES: tuple[Rule, ...] = (*HAPPENINGS, *ACTIONS)
