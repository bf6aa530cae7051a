"""Sentence splitting that returns character spans into the original text.

Two passes. The line pass cuts the text into segments that no sentence may
cross: a blank line always ends one; a single line break ends one unless the
paragraph is hard-wrapped prose (the next line starts lower-case, or the
previous line is so long that the next word would not have fitted on it), or
the previous line is a bare dateline such as ``[6 April 2007]``. Bullet items
(``•``, ``-``, ``*``, ``1.``) start a new segment and their marker is left out.

The punctuation pass then splits each segment after ``.``, ``!``, ``?`` or an
ellipsis (with any closing quotes or brackets) that is followed by white
space, unless the next word starts lower-case or the period ends an
abbreviation. Titles (``Mr.``, ``H.E.``, ``Gen.``) never end a sentence;
letter-dot abbreviations (``U.S.``, ``a.m.``), single initials and words such
as ``etc.``, ``Inc.`` or ``Co.`` end one only before a typical sentence
opener (``The``, ``He``, ``But``...) or an opening quote; ``No.``, ``Vol.``,
month and letter-dot abbreviations (``B.E. 2551``) do not end one before a
number. A footnote's number may follow a full stop (``fashion.22 The``). Decimals, URLs and
e-mail addresses never split, since their periods are not followed by space.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from timeline.language.lexicon import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS, alternation, words

__all__ = ["split_sentences"]

# Terminal punctuation, then closing quotes or brackets, then white space.
# A footnote's number may follow a word's full stop ("in a complex fashion.22 The").
_TERMINAL = re.compile(r"(?P<p>[.!?…]+)(?P<c>[\"'”’»)\]]*)(?:(?<=[^\W\d_][.!?])\d{1,3})?(?=\s)")
_LINE_BREAK = re.compile(r"\r\n|[\n\r\u2028\u2029]")
_NON_SPACE = re.compile(r"\S")
_BULLET = re.compile(
    r"(?:[•◦▪▫●○■□‣⁃∙·*–-]|\d{1,3}[.)]|\(\d{1,3}\)|[a-z]\))[^\S\n\r\u2028\u2029]+(?=\S)"
)
_WORD = re.compile(r"[^\W\d_]+")
_LETTER_DOTS = re.compile(r"[A-Za-z]{1,2}(?:\.[A-Za-z]{1,2})+")

_MONTH_ABBRS = [form for forms in MONTH_ABBREVIATIONS.values() for form in forms]
_MONTH = alternation((*MONTHS, *_MONTH_ABBRS)) + r"\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = (
    rf"(?:{alternation(WEEKDAYS)},?\s+)?"
    rf"(?:{_DAY}\s+{_MONTH},?\s+\d{{4}}|{_MONTH}\s+{_DAY},?\s+\d{{4}}|{_MONTH}\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{4}})"
)
# A line holding nothing but a dateline, e.g. "[6 April 2007] -" or "PHNOM PENH, June 25, 2013:".
_DATELINE = re.compile(rf"(?:[A-Z][A-Za-z .'-]{{1,40}},\s*)?[\[(]?{_DATE}[\])]?\s*[-–—:|]?")


def _words(spaced: str) -> frozenset[str]:
    """A set of words written space-separated (easier to review than a list literal)."""
    return frozenset(words(spaced))


_CLOSING_QUOTES = "\"'”’»"
_OPENING = "\"'“‘«([{"
#: Abbreviations that stand before a name and never end a sentence.
_TITLES = _words(
    "Mr Mrs Ms Mx Messrs Mmes Dr Prof Gen Lt Col Maj Capt Cpt Sgt Cpl Pvt Adm Brig Cmdr "
    "Sen Rep Gov Pres Amb Rev Hon Fr Insp Supt Mt H.E"
)
#: Abbreviations that stand before a number and do not end a sentence before one.
_BEFORE_NUMBER = _words(
    "No Nos no nos Vol Vols vol Art art Fig Figs fig p pp Ch ch Sec sec Para para Op op Tel tel"
) | frozenset(_MONTH_ABBRS)
#: Lower-case abbreviations that never end a sentence.
_NEVER_FINAL = _words("vs v e.g i.e cf viz approx ca")
#: Abbreviations that may end a sentence: split only before a clear sentence opener.
_MAYBE_FINAL = _words("etc Inc Ltd Co Corp Bros Jr Sr St Esq al Plc PLC Dept Univ")
#: Capitalised words that typically open a sentence (used after ambiguous abbreviations).
_OPENERS = _words(
    """The A An In On At As After Before But And Or So Yet Since While When Where Whereas
    Although Though Despite However Meanwhile Moreover Furthermore Also Still Then Thus
    Therefore Instead Indeed Last Next This That These Those There Here It Its He She They We
    I You His Her Their Our My Your Some Many Most More Other Others One Two Three Several
    Few According If For From With Without By Under Over During Today Yesterday Now Such
    Each Every All No None Both Neither Either What Why How Who Which Until Unless"""
)


class _Line(NamedTuple):
    """One non-blank line: where it starts, where its content starts and ends."""

    start: int
    content_start: int
    content_end: int
    bullet: bool


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` covering the non-blank content of ``text[start:end]``.

    Spans index into ``text``, come in order, never overlap, are never empty
    and have no white space at either end. Bullet markers at line starts are
    left out; every other non-space character lies in some span.
    """
    length = len(text)
    end = length if end is None else max(0, min(end, length))
    start = max(0, min(start, end))
    spans: list[tuple[int, int]] = []
    for seg_start, seg_end in _segments(text, start, end):
        _split_segment(text, seg_start, seg_end, spans)
    return spans


def _lines(text: str, start: int, end: int) -> Iterator[_Line | None]:
    """The lines of ``text[start:end]``; None stands for a blank line."""
    pos = start
    while True:
        brk = _LINE_BREAK.search(text, pos, end)
        line_end = brk.start() if brk else end
        first = _NON_SPACE.search(text, pos, line_end)
        if first is None:
            yield None
        else:
            content_end = pos + len(text[pos:line_end].rstrip())
            content_start = first.start()
            bullet = _BULLET.match(text, content_start, content_end)
            if bullet:
                content_start = bullet.end()
            yield _Line(pos, content_start, content_end, bullet is not None)
        if brk is None:
            return
        pos = brk.end()


def _segments(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Spans that no sentence crosses: paragraphs, unwrapped lines, bullet items."""
    block: list[_Line] = []
    for line in _lines(text, start, end):
        if line is None:
            yield from _block_segments(text, block)
            block = []
        else:
            block.append(line)
    yield from _block_segments(text, block)


def _block_segments(text: str, block: list[_Line]) -> Iterator[tuple[int, int]]:
    """Cut one paragraph (lines without a blank line between them) into segments."""
    if not block:
        return
    width = max(line.content_end - line.start for line in block)
    seg_start, seg_end = block[0].content_start, block[0].content_end
    for before, after in zip(block, block[1:], strict=False):
        if _continues(text, before, after, width):
            seg_end = after.content_end
        else:
            yield seg_start, seg_end
            seg_start, seg_end = after.content_start, after.content_end
    yield seg_start, seg_end


def _continues(text: str, before: _Line, after: _Line, width: int) -> bool:
    """True when the line break between ``before`` and ``after`` is inside a sentence."""
    if after.bullet:
        return False
    if _DATELINE.fullmatch(text, before.content_start, before.content_end):
        return True
    if text[after.content_start].islower():
        return True
    if text[before.content_end - 1] in _CLOSING_QUOTES:
        return False  # '…is new”' then a capitalised line: the quote closed the sentence
    # Hard-wrapped prose: a full-width line whose successor's first word would not have fitted.
    if not 40 <= width <= 100:
        return False
    used = before.content_end - before.start
    first_word = text[after.content_start : after.content_end].split(None, 1)[0]
    return used >= 0.6 * width and used + 1 + len(first_word) > width


def _split_segment(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Split one segment at its sentence boundaries, appending the spans."""
    current = start
    for match in _TERMINAL.finditer(text, start, end):
        following = _NON_SPACE.search(text, match.end(), end)
        if following is None:  # cannot happen: the segment ends with a non-space character
            break
        if _is_boundary(text, current, match, following.start(), end):
            spans.append((current, match.end()))
            current = following.start()
    spans.append((current, end))


def _is_boundary(text: str, current: int, match: re.Match[str], following: int, end: int) -> bool:
    """Decide whether the punctuation in ``match`` ends a sentence."""
    pos = following
    while pos < end and text[pos] in _OPENING:
        pos += 1
    opened = pos > following
    first = text[pos] if pos < end else ""
    if first.islower():
        return False  # "cases… most", "“Why?” she asked", "etc. and"
    punct = match.group("p")
    if "?" in punct or "!" in punct:
        return True
    starts_word = first.isalnum() or opened
    if "…" in punct or len(punct) > 1:  # an ellipsis
        return opened or first.isupper()
    if not starts_word:
        return False  # ". . ." or a stray period before a dash
    if match.group("c"):
        return True  # '…he said.” Next'
    token = _token_before(text, current, match.start())
    if first.isdigit():
        # "Act B.E. 2551 (2008)": news style spells out a number opening a sentence, so a
        # letter-dot abbreviation before one ends none.
        return (
            token not in _BEFORE_NUMBER
            and token not in _TITLES
            and not _LETTER_DOTS.fullmatch(token)
        )
    if token in _TITLES or token in _NEVER_FINAL:
        return False
    if (
        token in _MAYBE_FINAL
        or _LETTER_DOTS.fullmatch(token)
        or (len(token) == 1 and token.isupper())
    ):
        word = _WORD.match(text, pos, end)
        return opened or (word is not None and word.group() in _OPENERS)
    return True


def _token_before(text: str, start: int, pos: int) -> str:
    """The word right before ``pos`` (not before ``start``), without opening quotes."""
    before = text[max(start, pos - 40) : pos]
    if not before or before[-1].isspace():
        return ""
    return before.rsplit(None, 1)[-1].lstrip(_OPENING)
