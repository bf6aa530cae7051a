"""How fast each format is read, how the PDF libraries compare, and indexing web pages vs text.

Three measures, on generated articles (``bench_index.article``: about 3 kB of
news-like text with a dateline, the same bytes on every run), each written as
``.txt``, a saved web page with its furniture (navigation, share bars,
scripts, "most read", comments), a PDF (running header, page numbers,
hyphenated line ends), a ``.docx``, and records of one ``.jsonl`` and one
``.csv`` collection:

* reading: milliseconds per article to turn the file into its Article (text
  extraction; the first file, which pays for importing the reader's library,
  is timed apart), beside event extraction per article for comparison;
* ``--compare-pdf``: pypdfium2 and pypdf on the same PDFs: milliseconds per
  page, and how much of the source text comes out, word for word, after the
  same clean-up (furniture dropped, hyphens mended, lines joined);
* ``--index N``: ``timeline index`` of N web pages and of the same N
  articles as ``.txt``, each in a fresh process with an empty cache. Target:
  the web pages take at most twice as long.

Run: ``.venv/bin/python benchmarks/bench_formats.py [--articles 300] [--compare-pdf]
[--index 10000]``.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import io
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_index import article  # noqa: E402
from test_formats_fixtures import (  # noqa: E402
    Seed,
    jsonl_collection,
    pdf_document,
    web_page,
    word_document,
)

from timeline.reading import load_articles  # noqa: E402

FORMATS = ("txt", "html", "pdf", "docx", "jsonl", "csv")


def seed_of(n: int) -> Seed:
    """Generated article ``n`` as the fixture builders take it."""
    text = article(n)
    title, _, rest = text.partition("\n")
    paragraphs = [p.strip() for p in rest.split("\n") if p.strip()]
    m = re.match(r"\[(\d+) (\w+) (\d{4})\]", paragraphs[0])
    date = None
    if m:
        month = time.strptime(m.group(2), "%B").tm_mon
        date = f"{m.group(3)}-{month:02d}-{int(m.group(1)):02d}"
    return Seed(f"a{n:05d}", title, paragraphs, date)


def write(folder: Path, fmt: str, seeds: list[Seed]) -> list[Path]:
    """Write the articles in one format; the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    if fmt == "jsonl":
        path = folder / "all.jsonl"
        path.write_bytes(jsonl_collection(seeds))
        return [path]
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["title", "date", "url", "text"])
        for s in seeds:
            writer.writerow([s.title, s.date or "", f"https://x.example/{s.name}",
                             "\n".join(s.paragraphs)])  # fmt: skip
        path = folder / "all.csv"
        path.write_text(out.getvalue(), encoding="utf-8")
        return [path]
    paths = []
    for s in seeds:
        path = folder / f"{s.name}.{fmt}"
        if fmt == "txt":
            path.write_text(f"{s.title}\n\n" + "\n\n".join(s.paragraphs) + "\n", encoding="utf-8")
        else:
            writer = {"html": web_page, "pdf": pdf_document, "docx": word_document}[fmt]
            path.write_bytes(writer(s))
        paths.append(path)
    return paths


def time_reading(paths: list[Path]) -> tuple[float, float, list]:
    """(ms for the first file, ms per article after it, the articles)."""
    articles = []
    started = time.perf_counter()
    found, _ = load_articles(paths[0], paths[0].name)
    first = (time.perf_counter() - started) * 1000
    articles += found
    if len(paths) == 1:  # a collection: read it again, now warm
        started = time.perf_counter()
        found, _ = load_articles(paths[0], paths[0].name)
        return first, (time.perf_counter() - started) * 1000 / max(len(found), 1), found
    started = time.perf_counter()
    for path in paths[1:]:
        found, _ = load_articles(path, path.name)
        articles += found
    per = (time.perf_counter() - started) * 1000 / max(len(articles) - 1, 1)
    return first, per, articles


def bench_reading(count: int) -> None:
    from timeline.extraction.extract import extract_events

    seeds = [seed_of(n) for n in range(count)]
    print(f"reading {count} generated articles per format (ms per article)")
    print(f"{'format':<7} {'first file':>11} {'per article':>12} {'articles':>9}")
    extraction = None
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in FORMATS:
            paths = write(Path(tmp) / fmt, fmt, seeds)
            first, per, articles = time_reading(paths)
            print(f"{fmt:<7} {first:>9.1f} ms {per:>9.2f} ms {len(articles):>9}")
            if fmt == "txt":
                started = time.perf_counter()
                for a in articles:
                    extract_events(a)
                extraction = (time.perf_counter() - started) * 1000 / len(articles)
    print(f"event extraction, for comparison: {extraction:.2f} ms per article")


# --------------------------------------------------------------------------- PDF libraries


def _pdfium_pages(data: bytes) -> list[str]:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(data)
    pages = []
    for page in pdf:
        textpage = page.get_textpage()
        pages.append(textpage.get_text_range())
    pdf.close()
    return pages


def _pypdf_pages(data: bytes) -> list[str]:
    import pypdf

    return [page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'’-]+", text.replace("’", "'"))


_UNICODE_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def unicode_pdf(seed: Seed) -> bytes:
    """The seed in an embedded TrueType font (curly quotes, dashes, ligature-prone words
    kept as they are): the harder case for mapping glyphs back to text."""
    from fpdf import FPDF
    from test_formats_fixtures import _lines

    doc = FPDF(format="A4")
    doc.add_font("DejaVu", "", str(_UNICODE_FONT))
    doc.add_page()
    doc.set_font("DejaVu", "", 10)
    for paragraph in [seed.title, *seed.paragraphs]:
        for line in _lines(doc, paragraph, doc.epw, True):
            doc.cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
        doc.ln(3)
    return bytes(doc.output())


def bench_pdf(count: int) -> None:
    from test_formats_fixtures import _latin, seeds

    from timeline.reading.pdftext import furniture_free, reflow

    docs = [*seeds(), *(seed_of(n) for n in range(count))]
    sets = [("core fonts, 2 pages, header and page numbers", [(s, pdf_document(s), True)
             for s in docs])]  # fmt: skip
    if _UNICODE_FONT.is_file():
        sets.append(("embedded TrueType font, curly quotes and dashes",
                     [(s, unicode_pdf(s), False) for s in docs]))  # fmt: skip
    for label, pdfs in sets:
        pages = sum(len(_pdfium_pages(data)) for _, data, _ in pdfs)
        print(f"\nPDF text libraries: {len(pdfs)} PDFs, {pages} pages ({label})")
        print(f"{'library':<10} {'ms/page':>8} {'words exact':>12} {'hyphens mended':>15} "
              f"{'furniture left':>15}")  # fmt: skip
        for name, extract in (("pypdfium2", _pdfium_pages), ("pypdf", _pypdf_pages)):
            extract(pdfs[0][1])  # import and warm up
            times, found, total, mended, broken, furniture = [], 0, 0, 0, 0, 0
            for seed, data, latin in pdfs:
                started = time.perf_counter()
                raw = extract(data)
                times.append((time.perf_counter() - started) * 1000 / max(len(raw), 1))
                text = "\n\n".join(reflow(lines) for lines in furniture_free(raw))
                source_text = " ".join([seed.title, *seed.paragraphs])
                source = _words(_latin(source_text) if latin else source_text)
                got = _words(text)
                matcher = difflib.SequenceMatcher(None, source, got, autojunk=False)
                found += sum(block.size for block in matcher.get_matching_blocks())
                total += len(source)
                pairs = re.findall(r"(\w+)(?:-[ \t]*\r?\n|\ufffe(?:\r?\n)?)(\w+)", "\n".join(raw))
                broken += len(pairs)
                whole = set(got)
                mended += sum(1 for head, tail in pairs if head + tail in whole)
                furniture += text.count("Trafficking Monitor") + len(
                    re.findall(r"Page \d of", text)
                )
            print(f"{name:<10} {statistics.median(times):>8.2f} {100 * found / total:>11.2f}% "
                  f"{100 * mended / max(broken, 1):>14.1f}% {furniture:>15}")  # fmt: skip


# --------------------------------------------------------------------------- indexing


def _index_seconds(folder: Path, cache: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds (the process and its workers) of ``timeline index``."""
    env = {**os.environ, "TIMELINE_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-m", "timeline", "index", str(folder)],
        capture_output=True, text=True, env=env, timeout=3600,
    )  # fmt: skip
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if out.returncode != 0:
        raise SystemExit(out.stderr[-2000:])
    print(f"  {folder.name}: {seconds:.1f} s wall, {cpu:.1f} s CPU: "
          f"{out.stdout.strip().splitlines()[-1].split(';')[0]}")  # fmt: skip
    return seconds, cpu


def bench_index(count: int) -> None:
    print(f"\nindexing {count} articles as .txt and as web pages (fresh process, empty cache)")
    seeds = [seed_of(n) for n in range(count)]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write(root / "txt", "txt", seeds)
        write(root / "html", "html", seeds)
        # alternated, the faster of two runs each: other work on the machine weighs less;
        # CPU seconds (all processes) are not slowed by other work at all
        times: dict[str, list[tuple[float, float]]] = {"txt": [], "html": []}
        for run in range(2):
            for fmt in ("txt", "html"):
                times[fmt].append(_index_seconds(root / fmt, root / f"cache-{fmt}-{run}"))
    txt, html = min(t for t, _ in times["txt"]), min(t for t, _ in times["html"])
    txt_cpu, html_cpu = min(c for _, c in times["txt"]), min(c for _, c in times["html"])
    ratio, cpu_ratio = html / txt, html_cpu / txt_cpu
    verdict = "meets" if ratio <= 2.0 else "MISSES"
    print(f"wall: txt {txt:.1f} s, web pages {html:.1f} s: ratio {ratio:.2f} "
          f"({verdict} the target <= 2)")  # fmt: skip
    print(f"CPU:  txt {txt_cpu:.1f} s, web pages {html_cpu:.1f} s: ratio {cpu_ratio:.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=300, help="articles per format")
    parser.add_argument("--compare-pdf", action="store_true", help="pypdfium2 against pypdf")
    parser.add_argument("--pdfs", type=int, default=40, help="generated PDFs to compare on")
    parser.add_argument("--index", type=int, default=0, metavar="N", help="index N web pages")
    args = parser.parse_args()
    bench_reading(args.articles)
    if args.compare_pdf:
        bench_pdf(args.pdfs)
    if args.index:
        bench_index(args.index)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
