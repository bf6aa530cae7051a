"""An event's one-line summary and stable id, and where a sentence's dateline ends."""

from __future__ import annotations

import hashlib
import re

from timeline.model import Article

__all__ = [
    "SUMMARY_WIDTH",
    "after_dateline",
    "comparison_summary",
    "dateline_length",
    "is_wire_dateline",
    "event_id",
    "summarize",
]

SUMMARY_WIDTH = 120


def summarize(sentence: str, width: int = SUMMARY_WIDTH) -> str:
    """A one-line summary: the sentence on one line, without datelines and outer quotes."""
    text = " ".join(sentence.split())
    text = re.sub(r"^\[[^\]]{4,40}\]\s*[-–—:]?\s*", "", text)  # "[6 April 2007] - "
    text = re.sub(
        r"^(?:[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4})"
        r"\s*[:–—-]\s*",
        "",
        text,
    )  # "June 25th, 2013: "
    text = text.strip(" \"“”‘’'«»")
    if len(text) <= width:
        return text
    cut = text.rfind(" ", 0, width - 1)
    if cut < width // 2:
        cut = width - 1
    return text[:cut].rstrip(" ,;:–—-") + "…"


# The rest of a baseline's clause after its date: "in the 2009[ assessment]".
_CLAUSE_END = re.compile(r"[^,;.!?()]{0,40}?(?=[,;.!?()]|$)")


def comparison_summary(text: str, lead: int, start: int, end: int) -> str:
    """The summary of the figure a comparison's baseline gives, beside the sentence's own
    (``text[start:end]`` the comparison up to its date): "Convictions of human trafficking
    offenders in Cambodia … up from 11 in the 2009 assessment", not the sentence's own
    figure ("tripled to 36") again."""
    head = summarize(text[lead:start], SUMMARY_WIDTH // 2).rstrip("…").rstrip(" ,;:–—-")
    tail = _CLAUSE_END.match(text, end)
    return summarize(f"{head} … {text[start : tail.end() if tail else end]}")


def event_id(file: str, sentence: str, date: str | None, occurrence: int) -> str:
    """A stable id from the article file, the sentence text, the date and a tie-breaker.

    ``e`` and 12 hex digits: the letter keeps spreadsheets from reading an id as a
    number (``310750663e83`` would become 3.1e+91, ``082504286833`` lose its zero).
    """
    key = f"{file}\0{' '.join(sentence.split())}\0{date or ''}\0{occurrence}"
    return "e" + hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:12]


_DATELINE_END = re.compile(r"[\s\])]*(?:\([^)]{1,40}\))?[\s\]:\-–—|]*[\]:\-–—|]\s*")


def dateline_length(article: Article, s_start: int) -> int:
    """How many characters of the sentence at ``s_start`` a dateline takes (0 for none)."""
    if not article.date_span or not s_start <= article.date_span[0] < s_start + 80:
        return 0
    return article.date_span[1] - s_start


def after_dateline(article: Article, s_start: int, sentence: str) -> int:
    """Where the text starts after a dateline that opens the sentence (0 when there is none)."""
    if not article.date_span:
        return 0
    ds, de = article.date_span
    if not (s_start <= ds and de - s_start <= 80):
        return 0
    m = _DATELINE_END.match(sentence, de - s_start)
    return m.end() if m else 0


# A wire dateline's place before its date ("KUALA LUMPUR, Aug 31 —", "HANOI (VNA) Oct 4:"):
# capitals, then maybe a country, at the start of a line or after a header's date.
_WIRE_PLACE = re.compile(
    r"(?:^|\n|\d)\s*[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}"
    r"(?:,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)?(?:,\s*|\s*\(\s*)"
    # the outlet before the date: "PHNOM PENH, (UrduPoint / Pakistan Point News - 12th Aug"
    r"(?:\(?\s*[A-Z][^()\n]{1,40}?\s[-–—]\s*)?$"
)
_WIRE_AFTER = re.compile(r"\s*\)?\s*(?:\([^)\n]{2,30}\))?\s*(?:[-–—]+\s|:\s*)")


def is_wire_dateline(text: str, start: int, end: int) -> bool:
    """Whether the date at ``text[start:end]`` stands in a wire dateline ("KUALA LUMPUR,
    Aug 31 — A total of ..."): the day the story was filed, not a day the sentence tells."""
    return bool(
        _WIRE_PLACE.search(text, max(0, start - 60), start) and _WIRE_AFTER.match(text, end)
    )
