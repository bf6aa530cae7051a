"""The article's own date: read from its header, or inferred from its lead.

The header forms are the ones clippings carry: a bracketed dateline
(``[6 April 2007] - ...``), a date opening the first line before a colon or
dash (``June 25th, 2013: ...``), labelled lines (``Posted on ...``,
``Published ...``, ``Updated ...``, ``Released ...``, ``Date: ...``), a line
holding only a date, a wire dateline (``PHNOM PENH, June 3, 2013 -``) and
Markdown front matter (``date:``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline.language.dates import DateMention, find_dates, numeric_date_order
from timeline.language.lexicon import WEEKDAYS, alternation, month_forms, words
from timeline.model import Precision, precision_of
from timeline.reading.boilerplate import DATE_LABELS, text_lines

#: How far from the top a header date may stand (characters).
HEADER_CHARS = 2000
#: How many lines from the top are header lines.
HEADER_LINES = 8


@dataclass(frozen=True, slots=True)
class FoundDate:
    """An article date and where it came from."""

    value: str
    precision: Precision
    approximate: bool
    span: tuple[int, int] | None


# Labels ranked: the publication date beats an update or a release note.
_LABELS = tuple(
    (re.compile(rf"(?i)^\W*{alternation(words)}\b"), rank) for rank, words in enumerate(DATE_LABELS)
)
# What may stand before a dateline's date: brackets, a wire-service place name in capitals or
# in title case ("BANGKOK, ", "Phnom Penh (AFP), ").
_DATELINE_PREFIX = re.compile(
    r"^[\s\[(]*(?:(?:[A-Z][A-Z .'’-]+|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})"
    r"(?:,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})?"  # "TUAL, Indonesia, March 10, 2016"
    r"\s*(?:\([^)]*\))?,\s*)?$"
)
# A date standing between separators in a byline: "By A. Writer | 5 July 2021 | Labour".
_SEPARATED_BEFORE = re.compile(r"(?:^|\s[|·•]|\s[-–—]\s)\s*$")
_SEPARATED_AFTER = re.compile(r"^\s*(?:[|·•]|[-–—]\s|$)")
# What follows a dateline's date: a closing bracket, a colon or a dash, or the end of line.
_DATELINE_SUFFIX = re.compile(r"^\s*(?:[\])]\s*)?(?:[:\-–—|]|\(|$)")


def find_article_date(
    text: str, start: int, end: int, front_matter: str | None = None, top: int | None = None
) -> FoundDate | None:
    """The article date given in the header, or None.

    ``start`` is where the header begins (after front matter): header lines
    are read from there up to a little way into the body. ``top``, when
    before ``start``, is where the page's lines above the headline begin (a
    masthead, a date line): those are header lines too.
    """
    if front_matter:
        mention = _first_absolute(find_dates(front_matter))
        if mention is not None:
            return FoundDate(mention.value, mention.precision, False, None)  # type: ignore[arg-type]
    best: tuple[int, int, DateMention] | None = None
    order = numeric_date_order(text)
    above = []
    if top is not None and top < start:
        above = [
            (pos, line[:300]) for pos, line in _lines_between(text, top, start) if line.strip()
        ]
    lines = [
        *_labelled_lines_before(text, start),
        *above[:HEADER_LINES],
        *_header_lines(text, start, end),
    ]
    for rank_line, (line_start, line) in enumerate(lines):
        mentions = [m for m in find_dates(line, order=order) if m.value and not m.relative]
        if not mentions:
            continue
        rank = None
        for pattern, label_rank in _LABELS:
            at = _label_at(pattern, line)
            after_label = [m for m in mentions if at is not None and m.start >= at]
            if after_label:
                rank = label_rank
                mention = after_label[0]
                break
        else:
            mention = mentions[0]
            before, after = line[: mention.start], line[mention.end :]
            if _DATELINE_PREFIX.match(before) and (
                _DATELINE_SUFFIX.match(after)
                or (mention.precision == "day" and not before.strip())  # "Feb 2, 2012 The ..."
            ):
                rank = 4
            elif (
                mention.precision == "day"
                and _SEPARATED_BEFORE.search(before)
                and _SEPARATED_AFTER.match(after)
                and (_BYLINE_START.match(line) or _FIELD_SEPARATOR.search(line))
            ):
                # "By A. Writer | 5 July 2021 | Labour"; "THE WEEKEND FEATURE | Saturday
                # 14 December 2019": a full date as a field of a header line.
                rank = 1 if _BYLINE_START.match(line) else 3
            elif (
                mention.precision == "month"
                and _ISSUE.search(line)
                and _SEPARATED_BEFORE.search(before)
                and _SEPARATED_AFTER.match(after)
            ):
                rank = 5  # a periodical's issue: "Issue 76 | April 2016"
            elif mention.precision == "day" and len(mentions) == 1 and _label_line(line, mention):
                # "The Bangkok Ledger - Tuesday 28 July 2015", "PRESS STATEMENT | Central
                # Visayas Task Force | Cebu City, 21 September 2022": a short line of names
                # and labels around one full date.
                rank = 6
        if rank is None:
            continue
        shifted = _shifted(mention, line_start)
        if best is None or (rank, rank_line) < best[:2]:
            best = (rank, rank_line, shifted)
    if best is None:
        return None
    mention = best[2]
    return FoundDate(mention.value, mention.precision, False, (mention.start, mention.end))  # type: ignore[arg-type]


#: How many lines at the end of the body, and after it, may hold a footer's date line.
FOOTER_LINES = 4
TRAILER_LINES = 12


def find_footer_date(text: str, start: int, end: int) -> FoundDate | None:
    """The article date from the foot: a labelled line ("Posted on March 3, 2017 by ...")
    after the body (among the trailing furniture) or among its last lines, else a
    full date alone on one of those last lines (a press release's sign-off).

    Blogs, some news sites and press releases print the date only under the text.
    """
    order = numeric_date_order(text)
    body_tail = [(pos, line) for pos, line in _lines_between(text, start, end) if line.strip()][
        -FOOTER_LINES:
    ]
    best: tuple[int, DateMention] | None = None
    trailer = [(pos, line) for pos, line in _lines_between(text, end, len(text)) if line.strip()]
    for line_start, line in [*body_tail, *trailer[:TRAILER_LINES]]:
        for pattern, rank in _LABELS:
            at = _label_at(pattern, line)
            if at is None:
                continue
            found = [
                m
                for m in find_dates(line[:300], order=order)
                if m.value and not m.relative and m.start >= at
            ]
            if found and (best is None or rank < best[0]):
                m = found[0]
                best = (rank, _shifted(m, line_start))
            break
    if best is None:
        # A press release signed off with its date: "Department of Information\n1 July 2016".
        for line_start, line in reversed(body_tail):
            found = [m for m in find_dates(line[:300], order=order) if m.value]
            if (
                len(found) == 1
                and found[0].precision == "day"
                and not found[0].relative
                and not line[: found[0].start].strip(" ,.-–—[(")
                and not line[found[0].end :].strip(" .)]")
            ):
                best = (9, _shifted(found[0], line_start))
                break
    if best is None:
        return None
    mention = best[1]
    return FoundDate(mention.value, mention.precision, False, (mention.start, mention.end))  # type: ignore[arg-type]


def _lines_between(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """``(offset, line)`` for each line of ``text[start:end]``."""
    return [(pos, line) for pos, _stop, line in text_lines(text, start, end)]


def _shifted(m: DateMention, offset: int) -> DateMention:
    return m.shifted(offset)


#: The most words a header line of names and labels around a date may have.
LABEL_LINE_WORDS = 14
_LABEL_WORD = re.compile(r"[^\W\d_][\w’'.-]*")
_SMALL_WORDS = frozenset(words("of in on at for the and de del la le du von van y"))


# The page's tools printed beside a date: "Adjust font size:", "Print this page", "Share".
_PAGE_TOOLS = re.compile(
    r"(?i)\b(?:(?:adjust|change)\s+)?(?:font|text)\s+size\b|\bprint(?:\s+this\s+(?:page|article))?"
    r"\b|\be-?mail(?:\s+this)?\b|\bshare(?:\s+this)?\b|\bcomments?\b"
)


def _label_line(line: str, mention: DateMention) -> bool:
    """Whether a line is names and labels around its one full date, not a sentence: short,
    not ending like prose, its other words capitalised (small words aside)."""
    rest = _PAGE_TOOLS.sub(" ", line[: mention.start] + " " + line[mention.end :])
    found = _LABEL_WORD.findall(rest)
    if len(found) > LABEL_LINE_WORDS or rest.rstrip().endswith("."):
        return False
    lower = [w for w in found if w[0].islower() and w.lower() not in _SMALL_WORDS]
    return len(lower) <= len(found) // 4


# A periodical's issue line: "Issue 76 | April 2016", "Vol. 3 No. 2 · March 2011".
_ISSUE = re.compile(r"(?i)\b(?:issue|vol\.?|volume|no\.|number|edition)\s*\d")


# A labelled field may follow a byline on the same line: "By Bernama | Published 24 Feb 2023".
_FIELD_SEPARATOR = re.compile(r"[|·•]\s*")


def _label_at(pattern: re.Pattern[str], line: str) -> int | None:
    """Where a date label starts the line or one of its separated fields, else None."""
    if pattern.match(line):
        return 0
    for sep in _FIELD_SEPARATOR.finditer(line):
        if pattern.match(line[sep.end() :]):
            return sep.end()
    return None


def _header_lines(text: str, start: int, end: int):
    """``(offset, line)`` for the first non-blank lines from ``start``."""
    limit = min(len(text), start + HEADER_CHARS)
    pos, count = start, 0
    while pos < limit and count < HEADER_LINES:
        nl = text.find("\n", pos)
        stop = len(text) if nl == -1 else nl
        line = text[pos:stop]
        if line.strip():
            count += 1
            yield pos, line[:300]
        pos = stop + 1


_BYLINE_START = re.compile(r"(?i)^\W*(?:by|posted\s+by|written\s+by)\s+\S")
_FRONT_MATTER_END = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def _labelled_lines_before(text: str, start: int) -> list[tuple[int, str]]:
    """Labelled date lines ("Date: ...", "Posted on ...") and lines of separated fields
    ("FEATURE | Saturday 14 December 2019") above the headline, before ``start``.

    Page furniture and e-mail headers often stand above the headline and are
    not part of the body; a labelled date among them is still the article's.
    """
    fm = _FRONT_MATTER_END.match(text)
    pos = fm.end() if fm else 0
    found = []
    while pos < start:
        nl = text.find("\n", pos, start)
        stop = start if nl == -1 else nl
        line = text[pos:stop]
        if any(pattern.match(line) for pattern, _rank in _LABELS) or _FIELD_SEPARATOR.search(
            line[:300]
        ):
            found.append((pos, line[:300]))
        pos = stop + 1
    return found[:HEADER_LINES]


def _first_absolute(mentions: list[DateMention]) -> DateMention | None:
    for mention in mentions:
        if mention.value and not mention.relative:
            return mention
    return None


# "... report released Monday", "... published yesterday": the lead dates a publication.
_RELEASED_RELATIVE = re.compile(
    r"(?i)\b(?:released|published|issued|unveiled|launched|made\s+public|out)\s+(?:on\s+)?"
    rf"(?:last\s+)?(?:{alternation(WEEKDAYS)}|yesterday|today|"
    r"this\s+(?:week|morning))\b"
)
# "the annual 2010 Trafficking in Persons report", "its 2013 survey": a publication named by year.
_YEAR_TITLED = re.compile(
    r"(?i)\b(?:the|its|their|a|an|this)\s+(?:new\s+|latest\s+|annual\s+|yearly\s+)*"
    r"((?:19|20)\d\d)(?:\s+[\w’'-]+){0,6}?\s+"
    r"(?:report|survey|index|assessment|review|study|ranking|rankings|yearbook|census)\b"
)
LEAD_WINDOW = 900


# "THE YEAR IN REVIEW, 2023", "2019 in review", "Review of the year 2015".
_REVIEW = re.compile(
    r"(?i)\b(?:(?:the\s+)?year\s+in\s+review|in\s+review|review\s+of\s+the\s+year|"
    r"year[\s-]end\s+review|annual\s+review|yearbook)\b"
)
_YEAR = re.compile(r"(?<![\d,.])(?:19|20)\d\d(?![\d,])")


def infer_article_date(text: str, start: int, end: int, top: int | None = None) -> FoundDate | None:
    """An approximate article date inferred from the headline or the lead, or None.

    A review of a year ("THE YEAR IN REVIEW, 2023") is of that year. When
    the lead says a publication came out on a day relative to the article
    ("a report released Monday") and names a publication by its year ("the
    annual 2010 ... report"), the article is taken to be of that year, marked
    approximate.
    """
    head = [line for _pos, line in _lines_between(text, top if top is not None else start, start)]
    head += [line for _pos, line in _header_lines(text, start, end)][:2]
    for line in head:
        years = set(_YEAR.findall(line))
        if _REVIEW.search(line) and len(years) == 1:
            year = years.pop()
            return FoundDate(year, precision_of(year), True, None)
    dateline = _yearless_dateline(text, start, end)
    if dateline is not None:
        return dateline
    lead = text[start : min(end, start + LEAD_WINDOW)]
    if not _RELEASED_RELATIVE.search(lead):
        return _dated_lead(text, start, end)
    years = [int(m.group(1)) for m in _YEAR_TITLED.finditer(lead)]
    if not years:
        return None
    year = str(max(years))
    return FoundDate(year, precision_of(year), True, None)


# A wire dateline with a day but no year: "PHNOM PENH, Oct 4 (Xinhua) --".
# Also "PUTRAJAYA, Feb 9: ..." and "KUALA LUMPUR (Feb 24): ...".
_YEARLESS_DATELINE = re.compile(
    r"^[A-Z][A-Z .'’-]+(?:,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})?(?:,\s+|\s*\()"
    rf"(?P<date>{alternation(month_forms())}\.?\s+\d{{1,2}})"
    r"\)?\s*(?:\([^)\n]{2,30}\))?\s*(?:[-–—]+|:)\s"
)
# What puts a date ahead of the news: "will ... by 2025", "a plan until 2030".
_FUTURE_NEAR = re.compile(
    r"(?i)\b(?:will|would|plans?|planned|expected|targets?|aims?|scheduled|next)\b[^.]*$"
    r"|\b(?:by|until|till|through)\s+(?:the\s+end\s+of\s+)?$"
)


def _yearless_dateline(text: str, start: int, end: int) -> FoundDate | None:
    """A wire dateline's day ("Oct 4") in the latest year the story names outside plans,
    marked approximate: wire copy names the current year in its figures ("... in the
    first nine months of 2018"), and a dateline's day is the day of the news."""
    body = text[start:end].lstrip()
    m = _YEARLESS_DATELINE.match(body)
    if m is None:
        return None
    past = [
        mention.value
        for mention in find_dates(body)
        if mention.value
        and not mention.relative
        and not _FUTURE_NEAR.search(body, max(0, mention.start - 60), mention.start)
    ]
    if not past:
        return None
    year = max(int(value[:4]) for value in past)
    mentions = find_dates(f"{m.group('date')} {year}")
    if not mentions or mentions[0].value is None or mentions[0].precision != "day":
        return None
    day = mentions[0].value
    if any(len(value) > 4 and value[:7] >= day[:7] for value in past if value[:4] == day[:4]):
        # "SHIJIAZHUANG, May 6 -- ... In May 2014, police rescued ...": a month of that year
        # told as past lies at or after the dateline's, so the dateline is of the next year.
        mentions = find_dates(f"{m.group('date')} {year + 1}")
        if not mentions or mentions[0].value is None or mentions[0].precision != "day":
            return None
        day = mentions[0].value
    return FoundDate(day, "day", True, None)


#: How far into the body the opening paragraph may run when it dates the news.
OPENING_CHARS = 400
_PARAGRAPH_END = re.compile(r"\n\s*\n")
# A wire dateline without a date: "HANOI -", "AMBON, Indonesia —", "Hanoi (VNA) –".
_PLACE_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}(?:,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)?"
    r"|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?=\s*\())"
    r"\s*(?:\([^)\n]{2,30}\))?\s*[-–—]+\s"
)


def _dated_lead(text: str, start: int, end: int) -> FoundDate | None:
    """The full date of the news in the opening paragraph, as an approximate article date.

    Wire copy that opens with a place dateline ("Hanoi (VNA) – ...") tells
    what happened and when ("... received a delegation on November 17,
    2022"): it was written on or soon after that day. Only a day-precision
    date counts: a bare year in a lead ("... in 2009") is usually background.
    """
    body = text[start:end].lstrip()
    if not _PLACE_DATELINE.match(body):
        return None
    para_end = _PARAGRAPH_END.search(body)
    opening = body[: para_end.start() if para_end else len(body)][:OPENING_CHARS]
    for mention in find_dates(opening):
        if mention.value and not mention.relative and mention.precision == "day":
            # No span: the lead's date stays the date of the lead's own event.
            return FoundDate(mention.value, "day", True, None)
    return None
