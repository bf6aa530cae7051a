"""The one sanitiser: text from files made safe wherever it leaves the tool.

Article text and file names are data. Whatever the tool writes -- the
browser's screen, stdout, stderr, every export and every file -- carries no
C0 or C1 control character other than newline and tab, no terminal escape
sequence (ANSI CSI, OSC such as hyperlinks, window titles and the clipboard,
DCS and friends; removed with their payload), no bidi embedding, override or
isolate (U+202A-U+202E, U+2066-U+2069), and no lone surrogate (a file name
that is not valid UTF-8 shows with U+FFFD replacement characters). Rich markup
is not this module's business: the browser renders text as plain ``Text``,
which never parses markup.

- :func:`clean_text` keeps newlines and tabs (a CR alone becomes a newline,
  CR LF one newline); :func:`clean_line` also folds every run of whitespace
  to one space, for one-line displays, warnings and notices; :func:`clean_name`
  is the same for a file name.
- :class:`SafeStream` wraps a text stream so that every write is cleaned: the
  command line writes stdout and stderr through it, so no output path can
  forget the sanitiser.
- :class:`CleanMap` cleans a text and maps character offsets in the original
  to offsets in the cleaned text, so spans (evidence sentences, date mentions)
  still point at the right characters.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import TextIO

__all__ = [
    "CleanMap",
    "plural",
    "FORBIDDEN",
    "SafeStream",
    "UNSAFE",
    "clean_line",
    "clean_name",
    "clean_text",
    "is_clean",
]

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
# Lone surrogates: Python's stand-ins for the bytes of a name that is not UTF-8.
_SURROGATES = r"[\ud800-\udfff]"

#: Everything the cleaner removes or replaces.
UNSAFE = re.compile(f"{_ESCAPES}|{_CONTROLS}|{_SURROGATES}")
#: The characters no output may hold (what :func:`is_clean` checks).
FORBIDDEN = re.compile(f"{_CONTROLS}|{_SURROGATES}")
_SPACE_RUN = re.compile(r"\s+")


def _replacement(match: re.Match[str]) -> str:
    """What a match becomes: U+FFFD for a surrogate, a newline for a CR alone, else nothing."""
    found = match.group()
    if "\ud800" <= found <= "\udfff":
        return "\ufffd"
    if found == "\r" and not match.string.startswith("\n", match.end()):
        return "\n"
    return ""


def clean_text(text: str) -> str:
    """Remove escape sequences and control characters, keeping newlines and tabs."""
    return UNSAFE.sub(_replacement, text)


def clean_line(text: str) -> str:
    """Clean ``text`` for a one-line display: unsafe parts removed, whitespace folded."""
    return _SPACE_RUN.sub(" ", UNSAFE.sub(_replacement, text)).strip()


def clean_name(name: object) -> str:
    """A file name (or path) as it may be shown: one clean line, U+FFFD for undecodable bytes."""
    return clean_line(str(name))


def is_clean(text: str, *, crlf: bool = False) -> bool:
    """True when ``text`` holds no forbidden character (``crlf``: CR LF line ends allowed)."""
    if crlf:
        text = text.replace("\r\n", "\n")
    return FORBIDDEN.search(text) is None


class SafeStream:
    """A text stream whose every write is cleaned (:func:`clean_text`) on the way out.

    Characters the underlying stream cannot encode are replaced rather than
    raising. ``write(text, crlf=True)`` keeps CR LF line ends, for a format
    whose standard requires them (iCalendar); every other CR is cleaned.
    Everything else (``flush``, ``isatty``, ``fileno``, ``encoding``...) is the
    wrapped stream's.
    """

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str, *, crlf: bool = False) -> int:
        if crlf:
            cleaned = "\r\n".join(clean_text(part) for part in text.split("\r\n"))
        else:
            cleaned = clean_text(text)
        try:
            self.stream.write(cleaned)
        except UnicodeEncodeError:
            encoding = getattr(self.stream, "encoding", None) or "ascii"
            self.stream.write(cleaned.encode(encoding, "replace").decode(encoding))
        return len(text)

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str):
        return getattr(self.stream, name)


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
            replacement = _replacement(match)
            pieces.append(original[last:start])
            pieces.append(replacement)
            last = end
            total += end - start - len(replacement)
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


def plural(n: int, noun: str, nouns: str | None = None) -> str:
    """``1 event``, ``2,000 events`` (``nouns`` when the plural is not ``noun + s``)."""
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {nouns or noun + 's'}"
