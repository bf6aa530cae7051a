"""Plain-text and Markdown clippings: front matter, headline, body and article date."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from timeline.model import Article
from timeline.reading.articledate import (
    FoundDate,
    find_article_date,
    find_footer_date,
    infer_article_date,
)
from timeline.reading.boilerplate import body_span
from timeline.reading.decode import DEFAULT_MAX_BYTES, SkipFile, text_of
from timeline.reading.outlet import outlet_near
from timeline.reading.title import find_title

__all__ = ["compose", "parse_article", "read", "read_front_matter"]

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FM_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")
# A Markdown export of timeline from before it carried ``generator: timeline``.
_OLD_EXPORT = re.compile(r"\A# [^\n]*\n\n\d[\d,]* events? from \d[\d,]* articles?\.\n")


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


def read(
    data: bytes, rel: str, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[list[Article], list[str]]:
    """A ``.txt`` or ``.md`` file as one article (a Markdown export of timeline is skipped)."""
    text, note = text_of(data, max_bytes=max_bytes)
    fields, _ = read_front_matter(text)
    if fields.get("generator", "").lower().startswith("timeline") or _OLD_EXPORT.match(text):
        from timeline.reading.formats import EXPORT_SKIP

        raise SkipFile(EXPORT_SKIP)
    return [parse_article(text, rel)], [f"{rel}: {note}"] if note else []


def compose(title: str | None, body: str) -> str:
    """An article text from a format's title and main text: the title line first (unless the
    text opens with it already), then the text, paragraphs apart by a blank line."""
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n|\n", body)]
    paragraphs = [p for p in paragraphs if p]
    head = " ".join((title or "").split())
    if head and not (paragraphs and _same(paragraphs[0], head)):
        paragraphs.insert(0, head)
    return "\n\n".join(paragraphs) + "\n" if paragraphs else ""


def parse_article(
    text: str,
    rel: str,
    *,
    meta: Mapping[str, str | None] | None = None,
    fallback_title: str | None = None,
    fallback_date: FoundDate | None = None,
) -> Article:
    """Turn decoded text into an :class:`Article`: title, body span and article date.

    ``meta``: what the file's format says beside its text (``title``, ``date``,
    ``url``, ``source``), taken as Markdown front matter is (front matter in the
    text wins). ``fallback_title``/``fallback_date``: the format's metadata used
    only when the text gives no headline or no date (a PDF's or Word file's
    properties; the date should be marked approximate).
    """
    fields, fm_end = read_front_matter(text)
    if meta:
        fields = {**{k: v for k, v in meta.items() if v}, **fields}
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
        title = " ".join((fallback_title or "").split()) or Path(rel).stem
    article = Article(
        file=rel,
        title=title,
        text=text,
        body_start=start,
        body_end=end,
        source=fields.get("source"),
        url=fields.get("url"),
    )
    header = find_article_date(text, start, end, fields.get("date"), top=top)
    if header is not None and header.span and article.source is None:
        article.source = outlet_near(text, header.span)  # "BANGKOK, June 20 (Reuters) -"
    found = (
        header
        or find_footer_date(text, start, end)
        or infer_article_date(text, start, end, top=top)
        or fallback_date
    )
    if found is not None:
        article.date = found.value
        article.precision = found.precision
        article.approximate = found.approximate
        article.date_span = found.span
    return article


def _same(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split())
