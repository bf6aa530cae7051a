"""The headline: the first line of a clipping that reads as one, masthead and menus aside."""

from __future__ import annotations

import re

from timeline.language.lexicon import MONTHS, WEEKDAYS, alternation, month_forms
from timeline.reading.boilerplate import WORD, is_header_junk, menu_lines, text_lines

__all__ = ["find_title"]

_BYLINE = re.compile(r"(?i)^\s*(?:by|posted\s+by|written\s+by|from)\s+[A-Z]")
# A line that carries a date ("Tuesday, 14 June 2011", "JUNE 20, 2014 / 11:04 AM").
_MONTH_WORD = alternation(month_forms()) + r"\.?"
_DATED_LINE = re.compile(
    rf"(?i)\b{alternation(WEEKDAYS)}\b"
    rf"|\b{_MONTH_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_WORD}\s+(?:19|20)\d\d\b"
    rf"|\b\d{{1,4}}[-/.]\d{{1,2}}[-/.]\d{{1,4}}\b"
)
_DATE_ONLY = re.compile(rf"(?i)^[\W\d]*(?:\d{{1,2}}|{alternation(n[:3] for n in MONTHS)})")


def find_title(text: str, start: int, end: int) -> tuple[str, int | None]:
    """The headline: the first line that reads as one, and the offset where it ends.

    A headline is a non-junk line of 1 to 25 words that is not a byline and
    does not end like a sentence of running prose. When the first real line is
    prose (no headline), the title is its opening words and the offset is None.
    """
    candidates = _title_candidates(text, start, end)
    for k, (stripped, line_end, masthead) in enumerate(candidates):
        if line_end is None:
            return stripped, None
        # A masthead or section label ("THE YANGON LEDGER", "Society") above a headline.
        below = next((c for c in candidates[k + 1 :] if not c[2]), None)
        if (
            masthead
            and below is not None
            and below[1] is not None
            and not _DATED_LINE.search(below[0])
        ):
            continue
        return stripped.rstrip(" :-–—"), line_end
    return "", None


def _title_candidates(text: str, start: int, end: int) -> list[tuple[str, int | None, bool]]:
    """``(line, end offset, masthead-shaped)`` of the lines that may be the headline, up to
    the first line of prose (whose end offset is None and which is given shortened).

    A line in capitals only, or of one word, is shaped like a masthead or a section label.
    """
    out: list[tuple[str, int | None, bool]] = []
    menu = menu_lines(text, start)
    for line_start, line_end, line in text_lines(text, start, end):
        stripped = line.strip()
        if not stripped or is_header_junk(stripped) or line_start in menu:
            continue
        words = WORD.findall(stripped)
        looks_like_prose = len(words) > 25 or (len(words) > 12 and stripped.endswith("."))
        if looks_like_prose:
            out.append((_shorten(stripped), None, False))
            break
        if _BYLINE.match(stripped) or (_DATE_ONLY.match(stripped) and len(words) <= 5):
            continue
        # A site's name stands right above its menu ("Khmer Daily Herald" / "Home" / ...).
        above_menu = line_end + 1 in menu
        out.append((stripped, line_end, stripped.isupper() or len(words) == 1 or above_menu))
    return out


def _shorten(line: str, limit: int = 80) -> str:
    if len(line) <= limit:
        return line
    cut = line.rfind(" ", 0, limit)
    return line[: cut if cut > 20 else limit].rstrip(" ,;:") + "…"
