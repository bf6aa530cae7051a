"""The seed articles in the formats users hold, built by the tests themselves.

Each seed (``seeds/*.txt``) becomes a saved web page with navigation, a share
bar, scripts, a "most read" list and a comments section with dates of their
own; a two-page PDF with a running header and page numbers; a Word file; and
a record of one JSONL collection. ``FURNITURE`` holds phrases of that page
furniture: no event may come from them. The builders are also used by
``benchmarks/bench_formats.py``; the tests here check the fixtures
themselves hold what they claim to.
"""

from __future__ import annotations

import html
import io
import json
from dataclasses import dataclass
from pathlib import Path

from timeline.reading import load_file
from timeline.resources import bundled_seeds_dir

SEEDS = bundled_seeds_dir()

#: Phrases of the furniture the fixtures add; an event sentence holding one came from it.
FURNITURE = (
    "arrested 99 traffickers",
    "karaoke bars",
    "labour deal with Myanmar",
    "arrested 30 traffickers",
    "my village",
    "Posted on 3 March 2019",
    "All rights reserved",
    "Share on Facebook",
    "Trafficking Monitor",
    "Page 1 of 2",
    "Page 2 of 2",
)


@dataclass(frozen=True)
class Seed:
    """A seed article as the builders use it: name, title, paragraphs, article date."""

    name: str
    title: str
    paragraphs: list[str]
    date: str | None  # the article date read from the text, when known to the day


def seeds() -> list[Seed]:
    """The bundled seeds, split into title and body paragraphs."""
    out = []
    for path in sorted(Path(SEEDS).glob("*.txt")):
        article, _ = load_file(path, path.name)
        assert article is not None
        body = article.text[article.body_start : article.body_end]
        paragraphs = [" ".join(p.split()) for p in body.split("\n") if p.strip()]
        known = article.date if article.precision == "day" and not article.approximate else None
        out.append(Seed(path.stem, article.title, paragraphs, known))
    return out


# --------------------------------------------------------------------------- web pages

_SCRIPT = """<script>
window.dataLayer = window.dataLayer || [];
var teaser = "Police arrested 99 traffickers in Phnom Penh on 4 May 2001.";
function share(n) { return "Share on Facebook " + n; }
</script>
<style>body { font-family: serif } .share a { color: #06c }</style>"""

_NAV = """<header class="site-header"><div class="logo">The Mekong Ledger</div>
<nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/cambodia">Cambodia</a></li><li><a href="/asia">Asia</a></li>
<li><a href="/opinion">Opinion</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<div class="breadcrumbs"><a href="/">Home</a> &gt; <a href="/news">News</a></div>"""

_SHARE = """<div class="share-bar social"><a href="#">Share on Facebook</a> <a href="#">Tweet</a>
<a href="#">WhatsApp</a> <a href="#">Email</a></div>"""

_MOST_READ = """<aside class="sidebar most-read"><h2>Most read</h2><ol>
<li><a href="/a">Police raid karaoke bars in Phnom Penh on 12 March 2019</a></li>
<li><a href="/b">Thailand signs labour deal with Myanmar in 2018</a></li>
<li><a href="/c">Floods hit the north for the third year running</a></li></ol></aside>"""

_COMMENTS = """<section id="comments" class="comments"><h3>3 comments</h3>
<div class="comment"><p class="comment-meta">Posted on 3 March 2019 by a reader</p>
<p>Police arrested 30 traffickers in 2015 near my village and nothing changed.</p></div>
<div class="comment"><p class="comment-meta">Posted on 4 March 2019 by Sok</p>
<p>The government signed another agreement in 2017, more words than action.</p></div>
</section>
<footer class="site-footer"><p>&copy; 2019 The Mekong Ledger. All rights reserved.</p>
<p><a href="/privacy">Privacy</a> | <a href="/terms">Terms</a> | <a href="/contact">Contact</a></p>
</footer>"""


def web_page(seed: Seed, charset: str = "utf-8") -> bytes:
    """A saved news page around the seed, with every kind of furniture."""
    e = html.escape
    date_meta = (
        f'<meta property="article:published_time" content="{seed.date}T08:00:00+07:00">'
        if seed.date
        else ""
    )
    body = "\n".join(f"<p>{e(p)}</p>" for p in seed.paragraphs)
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="{charset}">
<title>{e(seed.title)} | The Mekong Ledger</title>
<meta property="og:site_name" content="The Mekong Ledger">
<meta property="og:title" content="{e(seed.title)}">
{date_meta}
<link rel="canonical" href="https://ledger.example/news/{seed.name}">
{_SCRIPT}
</head><body>
{_NAV}
<main><article class="story">
<h1 class="headline">{e(seed.title)}</h1>
{_SHARE}
<div class="story-body">
{body}
</div>
{_SHARE}
</article>
{_MOST_READ}
{_COMMENTS}
</main></body></html>
"""
    return page.encode(charset, "xmlcharrefreplace")


# --------------------------------------------------------------------------- PDFs


def pdf_document(seed: Seed, *, hyphenate: bool = True) -> bytes:
    """A two-page PDF of the seed: a running header and "Page N of 2" on every page.

    The body is split between the two pages; with ``hyphenate`` a long word at a
    line end is broken with a hyphen, as typesetters do.
    """
    from fpdf import FPDF

    class Doc(FPDF):
        def header(self):
            self.set_font("Helvetica", "I", 8)
            self.cell(0, 8, "Trafficking Monitor - Regional News Digest", align="C")
            self.ln(12)

        def footer(self):
            self.set_y(-15)
            self.set_font("Helvetica", "", 8)
            self.cell(0, 10, f"Page {self.page_no()} of 2", align="C")

    doc = Doc(format="A4")
    doc.set_auto_page_break(False)
    doc.set_title(seed.title)
    doc.set_creation_date(_creation(seed))
    paragraphs = [_latin(p) for p in seed.paragraphs]
    half = max(1, (len(paragraphs) + 1) // 2)
    for page, chunk in enumerate((paragraphs[:half], paragraphs[half:])):
        doc.add_page()
        if page == 0:
            doc.set_font("Helvetica", "B", 15)
            doc.multi_cell(0, 8, _latin(seed.title))
            doc.ln(3)
        doc.set_font("Helvetica", "", 10)
        for paragraph in chunk:
            lines = _lines(doc, paragraph, doc.epw, hyphenate)
            for line in lines:
                doc.cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
            doc.ln(3)
    return bytes(doc.output())


def _creation(seed: Seed):
    import datetime as dt

    day = dt.date.fromisoformat(seed.date) if seed.date else dt.date(2016, 1, 1)
    return dt.datetime(day.year, day.month, day.day, 9, 0, tzinfo=dt.UTC)


def _latin(text: str) -> str:
    """Text in the core fonts' Latin-1 (curly quotes and dashes made plain)."""
    table = {"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "...", "\xa0": " "}
    for a, b in table.items():
        text = text.replace(a, b)
    return text.encode("latin-1", "replace").decode("latin-1")


def _lines(doc, text: str, width: float, hyphenate: bool) -> list[str]:
    """Break a paragraph into lines that fit ``width``, hyphenating long words."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if doc.get_string_width(trial) <= width:
            line = trial
            continue
        if hyphenate and len(word) >= 8 and word.isalpha():
            for cut in range(len(word) - 3, 3, -1):
                head = f"{line} {word[:cut]}-".strip()
                if doc.get_string_width(head) <= width:
                    lines.append(head)
                    word = word[cut:]
                    break
            else:
                lines.append(line)
        else:
            lines.append(line)
        line = word
    if line:
        lines.append(line)
    return lines


# --------------------------------------------------------------------------- Word files


def word_document(seed: Seed) -> bytes:
    """A .docx of the seed: the title as a heading, a paragraph each, core properties set."""
    import datetime as dt

    import docx

    document = docx.Document()
    document.core_properties.title = seed.title
    document.core_properties.created = _creation(seed)
    document.core_properties.modified = _creation(seed) + dt.timedelta(days=30)
    document.add_heading(seed.title, level=1)
    for paragraph in seed.paragraphs:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# --------------------------------------------------------------------------- a collection


def jsonl_collection(items: list[Seed]) -> bytes:
    """One JSONL line per seed, in news-please's field names."""
    lines = []
    for seed in items:
        record = {
            "title": seed.title,
            "maintext": "\n".join(seed.paragraphs),
            "text": None,
            "date_publish": f"{seed.date} 08:00:00" if seed.date else None,
            "source_domain": "ledger.example",
            "url": f"https://ledger.example/news/{seed.name}",
            "language": "en",
        }
        lines.append(json.dumps(record, ensure_ascii=False))
    return ("\n".join(lines) + "\n").encode("utf-8")


def build(folder: Path, fmt: str) -> dict[str, str]:
    """Write the seeds in one format under ``folder``; article name -> seed file name."""
    folder.mkdir(parents=True, exist_ok=True)
    names: dict[str, str] = {}
    items = seeds()
    if fmt == "jsonl":
        (folder / "seeds.jsonl").write_bytes(jsonl_collection(items))
        return {f"seeds.jsonl#{n}": f"{s.name}.txt" for n, s in enumerate(items, 1)}
    writer = {"html": web_page, "pdf": pdf_document, "docx": word_document}[fmt]
    for seed in items:
        (folder / f"{seed.name}.{fmt}").write_bytes(writer(seed))
        names[f"{seed.name}.{fmt}"] = f"{seed.name}.txt"
    return names


# ---------------------------------------------------------------------- the fixtures' own tests


def test_the_web_pages_hold_all_the_furniture():
    page = web_page(seeds()[3]).decode()
    for part in ("<nav", "Share on Facebook", "<script>", "Most read", "comments", "<footer"):
        assert part in page
    assert 'content="2007-04-06T08:00:00+07:00"' in page


def test_the_pdfs_have_two_pages_a_running_header_and_page_numbers():
    import pypdfium2

    pdf = pypdfium2.PdfDocument(pdf_document(seeds()[1]))
    assert len(pdf) == 2
    for n in range(2):
        text = pdf[n].get_textpage().get_text_range()
        assert "Trafficking Monitor" in text and f"Page {n + 1} of 2" in text
    first = pdf[0].get_textpage().get_text_range()
    assert "\ufffe" in first or any(line.endswith("-") for line in first.splitlines())  # hyphens


def test_the_collection_has_a_record_per_seed():
    lines = jsonl_collection(seeds()).decode().splitlines()
    assert len(lines) == 5 and all(json.loads(line)["maintext"] for line in lines)
