"""Saved web pages (``.html``, ``.htm``, ``.xhtml``): the main text and what the page says of it.

trafilatura, the library made for news pages, finds the main text (scripts,
styles, navigation, share bars, related-story lists and comments are left
out) and the metadata: the title, the publication date (through htmldate,
from the page's markup: meta tags, JSON-LD, ``<time>``; not guessed from
text that may be a comment), the site's name and the canonical URL.

The article's text is the title line, then the main text, a paragraph a
block, so that the title and date rules of plain clippings apply and every
span indexes ``Article.text``. The page's own date wins over a date line in
its text. The encoding is the page's: a byte-order mark, else its
``<meta charset>`` (or XML declaration), else UTF-8 or cp1252 as for text.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import re
from functools import lru_cache
from urllib.parse import urlsplit

from timeline.model import Article
from timeline.reading.decode import DEFAULT_MAX_BYTES, SkipFile, decode_as
from timeline.reading.text import compose, parse_article

__all__ = ["declared_encoding", "read"]

_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml\b[^>]*?encoding\s*=\s*["']([A-Za-z0-9_:.+-]+)""", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml\b[^>]*\?>", re.I)
#: How far into the page a ``<meta charset>`` is looked for (browsers look at 1024 bytes).
SNIFF_BYTES = 4096
#: The libraries' own log lines would reach the terminal raw: they are not ours to print.
_QUIET = ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer")


def declared_encoding(data: bytes) -> str | None:
    """The encoding a page declares in its first bytes, or None."""
    head = data[:SNIFF_BYTES]
    m = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    return m.group(1).decode("ascii", "replace") if m else None


def read(
    data: bytes, rel: str, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[list[Article], list[str]]:
    """One saved web page as one article (its main text)."""
    html, note = decode_as(data, declared_encoding(data))
    warnings = [f"{rel}: {note}"] if note else []
    html = _XML_DECLARATION.sub("", html, count=1)  # lxml refuses text that declares bytes
    if not html.strip():
        raise SkipFile("empty file")
    doc = _extract(html)
    body = (getattr(doc, "text", None) or "") if doc is not None else ""
    title = getattr(doc, "title", None)
    if not _has_main_text(body, title):
        raise SkipFile("no main text found")
    meta = {
        "title": title,
        "date": getattr(doc, "date", None),
        "url": getattr(doc, "url", None),
        "source": getattr(doc, "sitename", None),
    }
    return [parse_article(compose(title, body), rel, meta=meta)], warnings


#: Fewer words than this beside the title is no main text (a menu item, a "Home" link).
MIN_WORDS = 4


def _has_main_text(body: str, title: str | None) -> bool:
    head = " ".join((title or "").split()).lower()
    words = [
        w for line in body.splitlines() if " ".join(line.split()).lower() != head
        for w in line.split()
    ]  # fmt: skip
    return len(words) >= MIN_WORDS


def _extract(html: str):
    """trafilatura's document for a page (None when it finds nothing): the main text from
    the page, the metadata from the page without its comments, sidebars and footer."""
    from trafilatura import bare_extraction  # heavy: only when a web page is read
    from trafilatura.utils import load_html

    options = _options()
    try:
        tree = load_html(html)
        if tree is None:
            return None
        doc = bare_extraction(tree, options=options)  # works on a copy of the tree
        if doc is None:
            return None
        meta = _metadata(_without_asides(tree))
    except (ValueError, TypeError, RecursionError) as exc:
        raise SkipFile(f"unreadable web page ({type(exc).__name__})") from None
    for name, value in meta.items():
        setattr(doc, name, value)
    return doc


@lru_cache(maxsize=1)
def _options():
    """The extraction settings, made once: the main text only (fast: trafilatura's own
    extractor, without comparing it with its fallbacks), no comments, tables kept."""
    from trafilatura.settings import Extractor

    _quiet()
    return Extractor(
        output_format="python", fast=True, comments=False, tables=True, dedup=False,
        with_metadata=False,
    )  # fmt: skip


def _metadata(tree) -> dict[str, str | None]:
    """Title, publication date, canonical URL and site name of a page (its meta tags,
    JSON-LD, ``<title>``/``<h1>``; the date by htmldate from the markup only)."""
    from htmldate import find_date
    from trafilatura import metadata as tm

    date_params = {
        "original_date": True,
        "extensive_search": False,  # markup only: a date in a comment is no article date
        "max_date": dt.date.today().isoformat(),
    }
    try:
        doc = tm.examine_meta(tree)
        with contextlib.suppress(Exception):  # trafilatura guards its JSON-LD reader too
            doc = tm.extract_meta_json(tree, doc)
        title = doc.title or tm.extract_title(tree)
        url = doc.url or tm.extract_url(tree)
        site = doc.sitename or tm.extract_sitename(tree)
    except AttributeError:  # another trafilatura: its full (slower) metadata extraction
        doc = tm.extract_metadata(tree, date_config=date_params)
        title, url, site = doc.title, doc.url, doc.sitename
    site = (site or "").lstrip("@").strip() or None
    if site is None and url:
        site = urlsplit(url).hostname
    return {"title": title, "date": find_date(tree, url=url, **date_params), "url": url,
            "sitename": site}  # fmt: skip


#: What is cut from a page before its date is looked for: the dates there are not the article's.
_ASIDE_WORDS = ("comment", "related", "sidebar", "most-read", "mostread", "popular")
_ASIDES = (
    "//aside|//nav|//footer|//*[not(self::html or self::body or self::main or self::article)]["
    + " or ".join(f"contains(@class, '{w}') or contains(@id, '{w}')" for w in _ASIDE_WORDS)
    + "]"
)


def _without_asides(tree):
    """The page (in place) without its comments, sidebars, related lists and footer."""
    for element in _aside_path()(tree):
        parent = element.getparent()
        if parent is not None:
            parent.remove(element)
    return tree


@lru_cache(maxsize=1)
def _aside_path():
    from lxml import etree

    return etree.XPath(_ASIDES)


def _quiet() -> None:
    for name in _QUIET:
        logger = logging.getLogger(name)
        if not logger.handlers:
            logger.addHandler(logging.NullHandler())
        logger.propagate = False
