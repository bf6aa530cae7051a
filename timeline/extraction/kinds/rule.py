"""What a rule is: alternatives that carry their examples, and sentences it must classify."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

__all__ = ["Alt", "Example", "Rule"]


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
