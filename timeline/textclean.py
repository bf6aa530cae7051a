"""Make article text safe to show in a terminal.

Article text is data. Before it reaches the screen (or an export meant for
people) control characters and terminal escape sequences (ANSI CSI, OSC such as
hyperlinks and window titles, DCS and friends) are removed, so a hostile file
cannot move the cursor, retitle the window or inject hyperlinks. Rich markup is
not this module's business: the browser renders text as plain ``Text``, which
never parses markup.

``clean_text`` keeps newlines and tabs; ``clean_line`` also folds every run of
whitespace to one space for one-line displays. ``CleanMap`` cleans a text and
maps character offsets in the original to offsets in the cleaned text, so spans
(evidence sentences, date mentions) still point at the right characters.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

__all__ = ["CleanMap", "clean_line", "clean_text", "UNSAFE"]

# Escape sequences first (so their payload goes with them), then lone controls.
#   ESC [ ... final      CSI (colours, cursor moves); \x9b is its 8-bit form
#   ESC ] ... BEL|ST     OSC (titles, hyperlinks, clipboard); \x9d 8-bit
#   ESC P/X/^/_ ... ST   DCS, SOS, PM, APC; 8-bit \x90 \x98 \x9e \x9f
#   ESC + one byte       two-character sequences (ESC c resets the terminal)
_ESCAPES = (
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|(?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\x1b\x9c]*(?:\x1b\\|\x9c)?"
    r"|\x1b[ -~]?"
)
# C0 controls except tab and newline, DEL, C1 controls, and the bidirectional
# overrides/isolates that can make a line display in a misleading order.
_CONTROLS = r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"

#: Everything the cleaner removes.
UNSAFE = re.compile(f"{_ESCAPES}|{_CONTROLS}")
_SPACE_RUN = re.compile(r"\s+")


def clean_text(text: str) -> str:
    """Remove escape sequences and control characters, keeping newlines and tabs."""
    return UNSAFE.sub("", text)


def clean_line(text: str) -> str:
    """Clean ``text`` for a one-line display: unsafe parts removed, whitespace folded."""
    return _SPACE_RUN.sub(" ", UNSAFE.sub("", text)).strip()


@dataclass(frozen=True, slots=True)
class CleanMap:
    """A cleaned text with a map from original offsets to cleaned offsets."""

    text: str
    #: Original start offset of each removed run, ascending.
    _starts: tuple[int, ...]
    #: Original end offset of each removed run.
    _ends: tuple[int, ...]
    #: Characters removed up to and including each run.
    _removed: tuple[int, ...]

    @classmethod
    def build(cls, original: str) -> CleanMap:
        """Clean ``original`` (as :func:`clean_text` does) and remember what went."""
        starts: list[int] = []
        ends: list[int] = []
        removed: list[int] = []
        total = 0
        pieces: list[str] = []
        last = 0
        for match in UNSAFE.finditer(original):
            start, end = match.span()
            if start == end:
                continue
            pieces.append(original[last:start])
            last = end
            total += end - start
            starts.append(start)
            ends.append(end)
            removed.append(total)
        pieces.append(original[last:])
        return cls("".join(pieces), tuple(starts), tuple(ends), tuple(removed))

    def offset(self, original_offset: int) -> int:
        """Where ``original_offset`` lands in the cleaned text.

        An offset inside a removed run maps to where that run was.
        """
        i = bisect_right(self._starts, original_offset) - 1
        if i < 0:
            return original_offset
        if original_offset < self._ends[i]:
            before = self._removed[i - 1] if i else 0
            return self._starts[i] - before
        return original_offset - self._removed[i]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map an original ``[start, end)`` span to the cleaned text."""
        return self.offset(start), self.offset(end)
