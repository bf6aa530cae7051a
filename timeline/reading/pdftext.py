"""PDFs: the text layer, with the page furniture taken out and the lines made paragraphs.

pypdfium2 (PDFium, the engine of Chromium's viewer) reads the text: on the
test PDFs it was as exact as pypdf and several times faster (see
``benchmarks/bench_formats.py --compare-pdf``). Then:

- a line that repeats at the top or the bottom of the pages (a running
  header, ``Page 3 of 12``: numbers may differ) is dropped, and so is a lone
  page number there;
- a word broken by a hyphen at a line end is joined (``traf-`` / ``ficking``),
  a compound broken at its own hyphen keeps it (``anti-`` / ``trafficking``);
- the lines of a paragraph are joined; a blank or a short line ends one, and
  a page break always does.

The article date is read from the text first; failing that, the document's
creation date, marked approximate. The title is the text's headline, else
the document's Title.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from timeline.model import Article
from timeline.reading.decode import DEFAULT_MAX_BYTES, SkipFile
from timeline.reading.metadata import metadata_date
from timeline.reading.text import compose, parse_article

__all__ = ["furniture_free", "pages_text", "read", "reflow"]

#: How many lines at the top and at the bottom of a page may be running furniture.
EDGE_LINES = 3
_PAGE_NUMBER = re.compile(
    r"(?i)^\W*(?:page\s+|p\.\s*)?(?:\d{1,4}|[ivxlc]{1,6})(?:\s*(?:of|/|von|de)\s*\d{1,4})?\W*$"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")
_SOFT_HYPHEN_END = re.compile(r"[\u00ad\x02\ufffe]\s*$")
#: Compounds written with a hyphen that keep it when broken there at a line end.
_HYPHEN_PREFIXES = frozenset(
    {
        "anti", "counter", "co", "non", "self", "cross", "ex", "pre", "post", "multi", "inter",
        "intra", "well", "long", "short", "mid", "semi", "quasi", "pro", "vice", "sub", "trans",
    }
)  # fmt: skip
#: A line further below the one before than this many usual line pitches starts a paragraph.
PARAGRAPH_GAP = 1.3


def read(
    data: bytes, rel: str, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[list[Article], list[str]]:
    """One PDF as one article."""
    pages, meta, warnings = _pdfium_pages(data, rel)
    if not any(page.strip() for page in pages):
        raise SkipFile("no text layer (scanned?)")
    kept = furniture_free(pages)
    filled = [line.strip() for page in kept for line in page if line.strip()]
    width = _usual_width(filled)
    vocabulary = _vocabulary(filled)
    body = "\n\n".join(p for p in (reflow(lines, width, vocabulary) for lines in kept) if p)
    text = compose(None, body)
    if not text.strip():
        raise SkipFile("no text layer (scanned?)")
    article = parse_article(
        text,
        rel,
        fallback_title=meta.get("Title") or None,
        fallback_date=metadata_date(meta.get("CreationDate") or meta.get("ModDate")),
    )
    return [article], warnings


def _pdfium_pages(data: bytes, rel: str) -> tuple[list[str], dict[str, str], list[str]]:
    """Each page's text, the document information and warnings for pages that failed."""
    import pypdfium2  # heavy: only when a PDF is read

    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            raise SkipFile("encrypted PDF (a password is needed)") from None
        detail = re.search(r"PDFium: ([^)]*)", message)
        why = detail.group(1).strip().lower() if detail else "unreadable"
        raise SkipFile(f"corrupt or truncated PDF ({why})") from None
    except (ValueError, TypeError, OSError) as exc:
        raise SkipFile(f"corrupt or truncated PDF ({type(exc).__name__})") from None
    pages: list[str] = []
    warnings: list[str] = []
    try:
        for n in range(len(pdf)):
            try:
                page = pdf[n]
                textpage = page.get_textpage()
                pages.append(_with_gaps(textpage, textpage.get_text_range()))
                textpage.close()
                page.close()
            except (pypdfium2.PdfiumError, ValueError, OSError) as exc:
                warnings.append(f"{rel}: page {n + 1}: unreadable ({exc})")
                pages.append("")
        try:
            meta = {k: v for k, v in pdf.get_metadata_dict().items() if isinstance(v, str)}
        except (pypdfium2.PdfiumError, ValueError):
            meta = {}
    finally:
        pdf.close()
    return pages, meta, warnings


def _with_gaps(textpage, text: str) -> str:
    """The page's text, a line a row (PDFium joins the two rows of a hyphenated word: they
    are split again after its U+FFFE), with a blank line where the space between two rows
    is wider than the usual line pitch (a paragraph break, or a larger headline above)."""
    pieces = re.split(r"(\r\n|\ufffe)", text)
    rows = pieces[0::2]
    ends = [*pieces[1::2], ""]
    try:
        if textpage.count_chars() != len(text):
            return text  # characters outside the BMP: offsets would not match the boxes
        bottoms: list[float | None] = []
        offset = 0
        for row, end in zip(rows, ends, strict=True):
            k = next((i for i, ch in enumerate(row) if not ch.isspace()), None)
            box = None if k is None else textpage.get_charbox(offset + k, loose=True)
            bottoms.append(None if box is None else box[1])
            offset += len(row) + len(end)
    except Exception:  # noqa: BLE001 - boxes are a refinement; the text is what counts
        return text
    pitches = [a - b for a, b in zip(bottoms, bottoms[1:], strict=False)
               if a is not None and b is not None and a > b]  # fmt: skip
    if len(pitches) < 2:
        return text
    usual = sorted(pitches)[len(pitches) // 5]  # most pitches within paragraphs are alike
    out = []
    for n, (row, end) in enumerate(zip(rows, ends, strict=True)):
        out.append(row + ("\ufffe" if end == "\ufffe" else ""))
        below = bottoms[n + 1] if n + 1 < len(rows) else None
        if (
            bottoms[n] is not None
            and below is not None
            and bottoms[n] - below > PARAGRAPH_GAP * usual
        ):
            out.append("")
    return "\n".join(out)


def pages_text(pages: list[str]) -> list[list[str]]:
    """Each page as its lines, control characters out and right ends stripped."""
    out = []
    for page in pages:
        page = page.replace("\r\n", "\n").replace("\r", "\n")
        out.append([_CONTROL.sub("", line).rstrip() for line in _keep_soft(page).split("\n")])
    return out


def _keep_soft(page: str) -> str:
    # PDFium marks a hyphen it found at a line end as U+FFFE (or \x02) and may join the two
    # lines there: keep the line end, with a soft hyphen that reflow() mends
    return re.sub(r"[\ufffe\x02][ \t]*(?:\n|(?=\S))", "\u00ad\n", page)


def furniture_free(pages: list[str]) -> list[list[str]]:
    """The lines of each page without the running headers, footers and page numbers."""
    lines = pages_text(pages)
    if len(lines) < 2:
        return lines
    top: Counter[str] = Counter()
    bottom: Counter[str] = Counter()
    for page in lines:
        head, foot = _edges(page)
        top.update({_key(page[i]) for i in head})
        bottom.update({_key(page[i]) for i in foot})
    need = max(2, math.ceil(0.6 * sum(1 for page in lines if any(s.strip() for s in page))))
    repeated_top = {k for k, n in top.items() if n >= need}
    repeated_bottom = {k for k, n in bottom.items() if n >= need}
    out = []
    for page in lines:
        head, foot = _edges(page)
        drop = {i for i in head if _key(page[i]) in repeated_top}
        drop |= {i for i in foot if _key(page[i]) in repeated_bottom}
        drop |= {i for i in (*head, *foot) if _PAGE_NUMBER.match(page[i].strip())}
        out.append([line for i, line in enumerate(page) if i not in drop])
    return out


def _edges(page: list[str]) -> tuple[list[int], list[int]]:
    filled = [i for i, line in enumerate(page) if line.strip()]
    return filled[:EDGE_LINES], filled[-EDGE_LINES:]


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.lower().split()))


def _usual_width(filled: list[str]) -> int:
    """The length of a full line: the 90th percentile of the line lengths."""
    if not filled:
        return 0
    lengths = sorted(len(line) for line in filled)
    return lengths[int(0.9 * (len(lengths) - 1))]


def reflow(lines: list[str], width: int | None = None, words: set[str] | None = None) -> str:
    """A page's lines as paragraphs: lines joined, hyphenated words mended, a blank line
    between paragraphs. A line shorter than 3/4 of the usual width (``width``, by default
    the page's) ends one. ``words``: the document's words, to tell a broken word (joined)
    from a compound broken at its hyphen (kept)."""
    filled = [line.strip() for line in lines if line.strip()]
    if not filled:
        return ""
    if width is None:
        width = _usual_width(filled)
    words_seen = words if words is not None else _vocabulary(filled)
    paragraphs: list[str] = []
    current = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            if current:
                paragraphs.append(current)
                current = ""
            continue
        current = _join(current, line, words_seen) if current else line
        if len(raw.strip()) < 0.75 * width and not _SOFT_HYPHEN_END.search(line):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return "\n\n".join(p.replace("\u00ad", "") for p in paragraphs)


def _join(current: str, line: str, words_seen: set[str]) -> str:
    """``current`` continued by the next line, mending a word broken at the line end."""
    if _SOFT_HYPHEN_END.search(current):
        return _SOFT_HYPHEN_END.sub("", current) + line
    m = re.search(r"(\w+)-$", current)
    n = re.match(r"(\w+)", line)
    if m and n and not line[0].islower():
        return current + line  # "Counter-" / "Trafficking": a compound of capitals
    if m and n and line[0].islower():
        head, tail = m.group(1), n.group(1)
        whole = (head + tail).lower()
        compound = f"{head}-{tail}".lower()
        if compound in words_seen or (head.lower() in _HYPHEN_PREFIXES and whole not in words_seen):
            return current + line  # a compound broken at its own hyphen
        return current[:-1] + line
    return f"{current} {line}"


def _vocabulary(lines: list[str]) -> set[str]:
    return {w.lower() for line in lines for w in re.findall(r"\w+(?:-\w+)*", line)}
