"""The warnings met while opening a corpus, gathered, and the one notice that sums them up.

No Textual here. Reading a folder of thousands of files can give thousands
of warnings (binary files, empty ones, unreadable ones, an index fault, the
notes file); the browser keeps them all in a :class:`Warnings` and says so
once, when loading is done: ``4 files skipped — w lists them``.
"""

from __future__ import annotations

from collections.abc import Iterable

from timeline.textclean import clean_line

__all__ = ["Warnings", "is_skip"]


def is_skip(warning: str) -> bool:
    """Whether a warning says a file (or a record of one) was skipped."""
    return ": skipped: " in warning or warning.endswith(" skipped")


class Warnings:
    """Every warning so far, in order (cleaned for the screen), and what to say of them."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        #: How many were there when the notice was last given.
        self.told = 0

    def add(self, warnings: Iterable[str]) -> None:
        """Take in more warnings."""
        self.lines.extend(clean_line(" ".join(w.split())) for w in warnings)

    def __len__(self) -> int:
        return len(self.lines)

    def summary(self) -> str:
        """``4 files skipped — w lists them``; a lone warning is told as it is ("" for
        none)."""
        total = len(self.lines)
        if not total:
            return ""
        if total == 1:
            return self.lines[0]
        skipped = sum(1 for line in self.lines if is_skip(line))
        parts = []
        if skipped:
            parts.append(f"{skipped:,} file{'s' if skipped != 1 else ''} skipped")
        others = total - skipped
        if others:
            word = "warning" if others == 1 else "warnings"
            parts.append(f"{others:,} {'other ' if skipped else ''}{word}")
        return f"{', '.join(parts)} — w lists them"

    def untold(self) -> bool:
        """Whether warnings came since the notice was last given (and marks them told)."""
        fresh = len(self.lines) > self.told
        self.told = len(self.lines)
        return fresh
