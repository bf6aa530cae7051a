"""What a rule is: alternatives that carry their examples, and sentences it must classify."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from timeline.language.patterns import Alt, join_alternatives

__all__ = ["Alt", "Rule"]


@dataclass(frozen=True)
class Rule:
    """One event type: its cues, the verbs that make a cue an action, the verbs that are
    an action on their own, and sentences :func:`classify` must give this type."""

    kind: str
    cues: tuple[Alt, ...]
    verbs: tuple[Alt, ...] = ()
    alone: tuple[Alt, ...] = ()
    examples: tuple[str, ...] = ()

    @cached_property
    def cue(self) -> re.Pattern[str]:
        """The cue pattern (every cue alternative)."""
        pattern = join_alternatives(self.cues)
        assert pattern is not None
        return pattern

    @cached_property
    def verb(self) -> re.Pattern[str] | None:
        """The pattern of verbs that narrate a cue, or None."""
        return join_alternatives(self.verbs)

    @cached_property
    def alone_verb(self) -> re.Pattern[str] | None:
        """The pattern of verbs that narrate on their own, or None."""
        return join_alternatives(self.alone)
