"""Web-page leftovers around an article: header boilerplate, the headline, trailing lists.

Clippings saved from news sites carry navigation and log-in lines above the
headline and "related stories", comment prompts and video lists below the
text. These rules recognise such lines by their shape and vocabulary, not by
the wording of any one site.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from timeline.language.lexicon import alternation

WORD = re.compile(r"[\w’'-]+")

# Words of page furniture at the top: navigation, log-in, sharing, adverts.
_JUNK_WORD = re.compile(
    r"""(?ix)\b(?:search|form|log\s?-?\s?in|login|logout|sign|register|subscribe|follow|us|
    share|menu|skip|navigation|advert\w*|sponsored|cookies?|newsletter|e-?mail|print|facebook|
    twitter|whatsapp|linkedin|instagram|youtube|toggle|home|account|on|to|content|main)\b"""
)
_JUNK_STRONG = re.compile(
    r"""(?ix)\b(?:search\s+form|log\s?-?\s?in|login|sign\s?(?:in|up)|register|subscribe|
    follow\s+us|share|menu|skip\s+to|advertis\w*|sponsored|cookies?|newsletter)\b"""
)
# A line that is a logo's or picture's alt text, a row of separated links or a breadcrumb.
_JUNK_SHAPE = re.compile(
    r"(?i)^\W*(?:logo|image|photo|picture|credit|caption|you\s+are\s+here)\b|"
    r"\w\s*[|»›>]\s*\w|\w\s+/\s+\w"
)
# The bullets that set apart the items of a list of other stories' headlines on one line:
# "2nd LD: China's exports down 2.8 pct in May  • Roundup: ...  • Tokyo shares end lower".
_LIST_BULLET = re.compile(r"\s[•·▪]\s")
# A cookie or consent banner, however long.
_CONSENT = re.compile(
    r"(?i)\bcookies?\b.*\b(?:accept\w*|agree\w*|consent\w*|continu\w*|privacy|policy|settings|"
    r"preferences)\b|\b(?:accept\w*|agree\w*|consent\w*)\b.*\bcookies?\b"
)
# Items of a navigation row set apart by runs of spaces or tabs: "Home  News  Asia  Opinion".
_WIDE_GAP = re.compile(r"\t|\s{2,}")
# A line that ends like a sentence of running prose.
_PROSE_END = re.compile(r"[.!…][\"'”’)\]]*\s*$")
# E-mail header fields ("From: ...", "Subject: ...") and section labels above a headline.
_MAIL_HEADER = re.compile(r"(?i)^\s*(?:from|to|cc|bcc|sent|subject|reply-to|date)\s*:\s*\S")
_RUBRIC = re.compile(
    r"""(?ix)^\W*(?:opinion|analysis|commentary|editorial|op-?ed|feature|features|explainer|
    (?:press|news|media)\s+(?:release|statement)|press\s+briefing|statement|breaking(?:\s+news)?|
    exclusive|world|asia(?:-pacific)?|news)\W*$"""
)
# Header lines that carry the article date rather than a headline.
#: Words that label a line with the article's date, ranked: the publication date beats a
#: posting, a release note or an update.
DATE_LABELS: tuple[tuple[str, ...], ...] = (
    ("published", "first published"),
    ("posted", "date", "dated", "filed", "created"),
    ("released", "press release", "news release", "media release"),
    ("updated", "update", "last updated"),
)
_DATE_LABEL = re.compile(r"(?i)^\s*" + alternation(w for ws in DATE_LABELS for w in ws) + r"\b")

# Lines that open the trailing furniture: everything from here on is not the article.
_TRAILER = re.compile(
    r"""(?ix)^\W*(?:
    related(?:\s+(?:stories|articles|news|posts|content|coverage|links|topics|reading))?|
    read\s+(?:more|also|next)|see\s+also|more\s+(?:from|on|stories|news|in)\b.*|
    you\s+(?:may|might)\s+also\s+like|recommended(?:\s+for\s+you)?|trending(?:\s+now)?|
    most\s+(?:read|popular|viewed|shared)|latest\s+(?:video|videos|news|stories|articles)|
    (?:leave|post|add|write)\s+a\s+(?:comment|reply)|comments?(?:\s*\(\d+\))?|
    .*\blog\s?-?in\s+or\s+register\b.*|.*\bto\s+post\s+a\s+comment\b.*|
    \d+\s+(?:thoughts|responses|replies|comments)\s+(?:on|to)\b.*|
    \(?(?:reporting|writing|additional\s+reporting)\s+by\b.*|editing\s+by\b.*|
    end\s?item|ends|-+\s*ends?\s*-+|\#{3}|
    about\s+(?-i:[A-Z])[\w’'&.-]*(?:\s+[\w’'&.-]+){0,6}|
    (?:media|press)\s+(?:contacts?|enquiries|inquiries)\b.*|for\s+(?:more|further)\s+information\b.*|
    notes?\s+(?:to|for)\s+editors?\b.*|you\s+are\s+receiving\s+this\b.*|unsubscribe\b.*|
    previous\s+(?:article|post|story|page)|next\s+(?:article|post|story|page)|
    share\s+(?:this|on)\b.*|tags?\s*:.*|topics?\s*:.*|filed\s+under\b.*|
    advertisement|sponsored\s+content|further\s+information|exit\s+mobile\s+version|
    back\s+to\s+top|sign\s+up\s+for\b.*|subscribe\s+to\b.*|
    (?:copyright|©)\b.*|all\s+rights\s+reserved\b.*
    )\W*$"""
)


def text_lines(text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    """``(line_start, line_end, line)`` for each line of ``text[start:end]``."""
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        yield pos, stop, text[pos:stop]
        pos = stop + 1


def is_header_junk(line: str) -> bool:
    """True for a short line of page furniture (navigation, log-in, share, logo, advert)."""
    words = WORD.findall(line)
    if not words:
        return True
    if len(words) <= 80 and _CONSENT.search(line):
        return True
    if _is_headline_list(line):
        return True
    if len(words) > 14:
        return False
    if _is_nav_row(line):
        return True
    lowered = [w.lower() for w in words]
    if len(words) >= 2 and len(set(lowered)) == 1:  # "cellcard cellcard": logo/ad alt text
        return True
    if _JUNK_SHAPE.search(line) or _DATE_LABEL.match(line) or _MAIL_HEADER.match(line):
        return True
    if _RUBRIC.match(line):
        return True
    if len(words) <= 3 and all(_JUNK_WORD.fullmatch(w) for w in words):  # "Search ...", "Menu"
        return True
    if not _JUNK_STRONG.search(line):
        return False
    # A headline may use one such word ("Police register 500 cases"); furniture is mostly them.
    junk = sum(1 for w in words if _JUNK_WORD.fullmatch(w))
    return junk / len(words) >= 0.5


def _is_headline_list(line: str) -> bool:
    """Three or more headlines on one line set apart by bullets, none of them a sentence
    ("Roundup: ...  • Tokyo shares end lower  • Interview: ...")."""
    items = [item.strip() for item in _LIST_BULLET.split(line) if item.strip()]
    return len(items) >= 3 and all(
        len(WORD.findall(item)) <= 16 and not _PROSE_END.search(item) for item in items
    )


def _is_nav_row(line: str) -> bool:
    """Three or more short items set apart by wide gaps, none of them a sentence."""
    items = [item for item in _WIDE_GAP.split(line.strip()) if item]
    if len(items) < 3:
        return False
    return all(len(WORD.findall(item)) <= 3 and not _PROSE_END.search(item) for item in items)


def is_trailer(line: str) -> bool:
    """True for a short line that opens trailing furniture (related stories, comments...)."""
    stripped = line.strip()
    if not stripped or len(WORD.findall(stripped)) > 14:
        return False
    return bool(_TRAILER.match(stripped))


def body_span(text: str, start: int = 0) -> tuple[int, int]:
    """The span of ``text`` that holds the article, without header and trailing furniture.

    Header junk lines before the first real line are passed over; the text is
    cut at the first trailer line that comes after at least one paragraph of
    prose.
    """
    end = len(text)
    body_start = None
    prose_seen = False
    menu = menu_lines(text, start)
    for line_start, _line_end, line in text_lines(text, start, end):
        if not line.strip():
            continue
        if body_start is None:
            if is_header_junk(line) or line_start in menu:
                continue
            body_start = line_start
        if prose_seen and is_trailer(line):
            return body_start, _rstrip_end(text, body_start, line_start)
        if prose_seen or line_start == body_start:
            continue
        # Prose: a line of running text, not a headline (which seldom ends with a full
        # stop) nor a row of "a | b | c" links.
        words = len(WORD.findall(line))
        if words >= 20 or (words >= 8 and _PROSE_END.search(line)):
            prose_seen = not _JUNK_SHAPE.search(line)
    if body_start is None:
        body_start = start
    return body_start, _rstrip_end(text, body_start, end)


def _rstrip_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


#: How many lines from the top may hold a navigation menu.
MENU_SEARCH_LINES = 60
#: The fewest consecutive short lines that make a menu.
MENU_RUN = 3


@lru_cache(maxsize=2)  # the article being read (texts may be large)
def menu_lines(text: str, start: int) -> frozenset[int]:
    """Starts of the lines of navigation menus near the top: runs of at least
    :data:`MENU_RUN` consecutive lines of one or two words each ("Home", "National",
    "Business", ...), none of them a sentence or a date, and the label of a list of other
    stories' headlines ("Off the wire" above "Roundup: ... • Tokyo shares ... • ...")."""
    found: set[int] = set()
    run: list[int] = []
    label: int | None = None  # a short line that may head a list of headlines
    for count, (line_start, _line_end, line) in enumerate(text_lines(text, start, len(text))):
        stripped = line.strip()
        if stripped and label is not None and _is_headline_list(stripped):
            found.add(label)  # "Off the wire" above "Roundup: ... • Tokyo shares ... • ..."
        if stripped:
            small = len(WORD.findall(stripped)) <= 4 and not _PROSE_END.search(stripped)
            label = line_start if small else None
        short = (
            stripped
            and len(stripped) <= 40
            and len(WORD.findall(stripped)) <= 2
            and not _PROSE_END.search(stripped)
            and not any(c.isdigit() for c in stripped)
        )
        if short:
            run.append(line_start)
            continue
        if len(run) >= MENU_RUN:
            found.update(run)
        run = []
        if count >= MENU_SEARCH_LINES:
            break
    if len(run) >= MENU_RUN:
        found.update(run)
    return frozenset(found)
