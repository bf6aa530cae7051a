"""Plain-text and Markdown clippings: front matter, headline, body and article date."""

from __future__ import annotations

import re
from pathlib import Path

from timeline.model import Article
from timeline.reading.articledate import find_article_date, find_footer_date, infer_article_date
from timeline.reading.boilerplate import body_span
from timeline.reading.title import find_title

__all__ = ["parse_article", "read_front_matter"]

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FM_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")


def read_front_matter(text: str) -> tuple[dict[str, str], int]:
    """Simple ``key: value`` Markdown front matter and the offset where the body starts."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    fields: dict[str, str] = {}
    for line in match.group(1).splitlines():
        m = _FM_LINE.match(line)
        if m:
            value = m.group(2)
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            fields[m.group(1).lower()] = value
    return fields, match.end()


def parse_article(text: str, rel: str) -> Article:
    """Turn decoded text into an :class:`Article`: title, body span and article date."""
    fields, fm_end = read_front_matter(text)
    start, end = body_span(text, fm_end)
    top = start  # where the page's own lines begin (mastheads and headline included)
    title, title_end = find_title(text, fm_end, end)
    given = fields.get("title")
    headline_only = title_end is not None and not text[title_end:end].strip()
    headline_is_title = not given or _same(given, title)
    if title_end is not None and title_end > start and not headline_only and headline_is_title:
        start = title_end  # the headline is not part of the body
    if given:
        title = given
    if not title:
        title = Path(rel).stem
    article = Article(
        file=rel,
        title=title,
        text=text,
        body_start=start,
        body_end=end,
        source=fields.get("source"),
        url=fields.get("url"),
    )
    found = (
        find_article_date(text, start, end, fields.get("date"), top=top)
        or find_footer_date(text, start, end)
        or infer_article_date(text, start, end, top=top)
    )
    if found is not None:
        article.date = found.value
        article.precision = found.precision
        article.approximate = found.approximate
        article.date_span = found.span
    return article


def _same(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split())
