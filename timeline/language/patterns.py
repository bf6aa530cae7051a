"""Patterns that carry their examples: the alternatives of a rule's regex, each with the
sentences it must find and must not find, and one compiled pattern for all of them.

Event-type rules (:mod:`timeline.extraction.kinds`) and the cues of ranking sentences
(:mod:`timeline.extraction.tiercues`) are written as tables of :class:`Alt`; one test
walks every table and checks each alternative against its examples.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Alt", "join_alternatives"]


@dataclass(frozen=True, slots=True)
class Alt:
    """One alternative of a pattern, with sentences it must and must not find.
    ``case``: the pattern is matched as written (by default, in any case)."""

    pattern: str
    match: tuple[str, ...]
    miss: tuple[str, ...] = ()
    case: bool = False

    def compiled(self) -> re.Pattern[str]:
        """The alternative alone, for checking its examples."""
        return re.compile(self.pattern, 0 if self.case else re.IGNORECASE)


def join_alternatives(alts: tuple[Alt, ...]) -> re.Pattern[str] | None:
    """One pattern for all alternatives, tried in their order; case-insensitive unless an
    alternative says not (None: no alternatives)."""
    if not alts:
        return None
    if not any(alt.case for alt in alts):
        return re.compile("|".join(f"(?:{alt.pattern})" for alt in alts), re.IGNORECASE)
    parts = [f"(?:{alt.pattern})" if alt.case else f"(?i:{alt.pattern})" for alt in alts]
    return re.compile("|".join(parts))
