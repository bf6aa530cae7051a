"""Readers of web pages, PDFs, Word files and collections: what they read, and bad input.

Every bad file gives one warning line naming the file (and the record or
page) and the reason; the other files are read; nothing raises.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from test_formats_fixtures import Seed, pdf_document, seeds, web_page, word_document

from timeline.reading import load_articles, read_corpus
from timeline.reading.formats import EXPORT_SKIP

ROOT = Path(__file__).parent.parent
SEED = Seed(
    "raid",
    "Police raid in Laos",
    ["[3 May 2012] - Police arrested 12 traffickers in Vientiane, officials said."],
    "2012-05-03",
)


def read(tmp_path: Path, name: str, data: bytes | str, **kwargs):
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return load_articles(path, name, **kwargs)


# --------------------------------------------------------------------------- web pages


def test_a_web_page_gives_its_main_text_title_date_site_and_url(tmp_path):
    (article,), warnings = read(tmp_path, "page.html", web_page(seeds()[3]))
    assert warnings == []
    assert article.title == "CAMBODIA: Trafficking clampdown launched"
    assert (article.date, article.precision, article.approximate) == ("2007-04-06", "day", False)
    assert article.source == "The Mekong Ledger"
    assert article.url == "https://ledger.example/news/003_ec04f9ea3d0db219"
    assert article.text.startswith("CAMBODIA: Trafficking clampdown launched\n\n")
    for furniture in ("Share on Facebook", "Most read", "arrested 99", "my village", "Privacy"):
        assert furniture not in article.text


@pytest.mark.parametrize("charset", ["windows-1252", "iso-8859-1", "utf-8"])
def test_the_page_says_its_encoding(tmp_path, charset):
    seed = Seed(
        "x", "Café owners charged", ["Police in Laos charged the café’s owners in 2012."], None
    )
    (article,), _ = read(tmp_path, "page.htm", web_page(seed, charset=charset))
    assert "café’s owners" in article.text


def test_a_byte_order_mark_wins_over_a_wrong_meta_charset(tmp_path):
    seed = Seed(
        "x", "Café owners charged", ["Police in Laos charged the café’s owners in 2012."], None
    )
    page = web_page(seed, charset="utf-8").replace(b'charset="utf-8"', b'charset="shift_jis"')
    (article,), _ = read(tmp_path, "page.xhtml", b"\xef\xbb\xbf" + page)
    assert "café’s owners" in article.text


def test_a_web_page_over_the_size_limit_is_skipped(tmp_path):
    articles, warnings = read(tmp_path, "big.html", web_page(seeds()[0]), max_bytes=1000)
    assert articles == []
    assert len(warnings) == 1 and warnings[0].startswith("big.html: skipped: too large")


def test_a_web_page_with_no_main_text_is_skipped(tmp_path):
    page = (
        "<html><head><title>Home</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    )
    articles, warnings = read(tmp_path, "empty.html", page)
    assert articles == []
    assert warnings == ["empty.html: skipped: no main text found"]


# --------------------------------------------------------------------------- PDFs


def test_a_pdf_loses_its_running_header_and_page_numbers_and_mends_hyphens(tmp_path):
    (article,), warnings = read(tmp_path, "doc.pdf", pdf_document(seeds()[1]))
    assert warnings == []
    assert article.title == "Anti-trafficking efforts rewarded"
    assert "Trafficking Monitor" not in article.text and "Page 1 of 2" not in article.text
    assert (
        "-\n" not in article.text and "\ufffe" not in article.text and "\u00ad" not in article.text
    )
    assert "anti-trafficking efforts" in article.text  # a compound keeps its hyphen
    assert "\n\n" in article.text  # paragraphs


def test_a_pdf_without_a_date_in_its_text_takes_its_creation_date_as_approximate(tmp_path):
    seed = Seed("x", "Police raid in Laos", ["Police arrested 12 traffickers in Vientiane."], None)
    data = pdf_document(seed).replace(b"D:20160101", b"D:20120503")
    (article,), _ = read(tmp_path, "doc.pdf", data)
    assert (article.date, article.approximate) == ("2012-05-03", True)


def test_a_truncated_or_corrupt_pdf_is_skipped(tmp_path):
    whole = pdf_document(SEED)
    for name, data in (
        ("cut.pdf", whole[: len(whole) // 3]),
        ("junk.pdf", b"%PDF-1.4\n" + b"x" * 500),
    ):
        articles, warnings = read(tmp_path, name, data)
        assert articles == []
        assert len(warnings) == 1 and warnings[0].startswith(f"{name}: skipped: "), warnings
        assert "PDF" in warnings[0] or "no text layer" in warnings[0]


def test_an_encrypted_pdf_is_skipped(tmp_path):
    import pypdf

    writer = pypdf.PdfWriter(clone_from=io.BytesIO(pdf_document(SEED)))
    writer.encrypt("secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    articles, warnings = read(tmp_path, "locked.pdf", out.getvalue())
    assert articles == []
    assert warnings == ["locked.pdf: skipped: encrypted PDF (a password is needed)"]


def test_a_pdf_with_no_text_layer_is_skipped(tmp_path):
    from fpdf import FPDF

    doc = FPDF()
    doc.add_page()
    doc.rect(20, 20, 100, 60, style="F")  # a "scan": marks, no text
    articles, warnings = read(tmp_path, "scan.pdf", bytes(doc.output()))
    assert articles == []
    assert warnings == ["scan.pdf: skipped: no text layer (scanned?)"]


# --------------------------------------------------------------------------- Word files


def test_a_word_file_gives_its_paragraphs_title_and_date(tmp_path):
    (article,), warnings = read(tmp_path, "doc.docx", word_document(SEED))
    assert warnings == []
    assert article.title == "Police raid in Laos"
    assert (article.date, article.approximate) == ("2012-05-03", False)  # from the text
    assert "Police arrested 12 traffickers in Vientiane" in article.text


def test_a_word_file_without_a_date_in_its_text_takes_its_core_properties(tmp_path):
    seed = Seed(
        "x", "Police raid in Laos", ["Police arrested 12 traffickers in Vientiane."], "2012-05-03"
    )
    seed = Seed(seed.name, seed.title, seed.paragraphs, seed.date)
    (article,), _ = read(tmp_path, "doc.docx", word_document(seed))
    assert (article.date, article.approximate) == ("2012-05-03", True)


def test_a_docx_that_is_not_a_zip_is_skipped(tmp_path):
    articles, warnings = read(tmp_path, "fake.docx", "Police arrested 12 traffickers in 2012.")
    assert articles == []
    assert warnings == ["fake.docx: skipped: not a Word file (not a zip archive)"]


def test_a_docx_that_would_unpack_beyond_the_limit_is_refused_before_unpacking(
    tmp_path, monkeypatch
):
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", " " * 20_000_000)  # 20 MB of spaces, ~20 kB packed
    assert len(bomb.getvalue()) < 100_000

    import docx

    def never(*args, **kwargs):
        raise AssertionError("unpacked")

    monkeypatch.setattr(docx, "Document", never)
    articles, warnings = read(tmp_path, "bomb.docx", bomb.getvalue())
    assert articles == []
    assert len(warnings) == 1
    assert warnings[0].startswith("bomb.docx: skipped: unpacks to 20.0 MB, over the limit")
    assert "refused before unpacking" in warnings[0]


# --------------------------------------------------------------------------- collections


def test_news_please_newspaper4k_and_trafilatura_outputs_just_work(tmp_path):
    news_please = {
        "title": "Police raid in Laos", "maintext": "Police arrested 12 traffickers in 2012.",
        "text": None, "date_publish": "2012-05-03 10:00:00", "source_domain": "vt.example",
        "url": "https://vt.example/raid",
    }  # fmt: skip
    newspaper4k = [
        {"url": "https://np.example/a", "title": "Treaty signed", "publish_date":
         "2014-02-01T09:00:00+07:00", "meta_site_name": "NP", "text": "Vietnam signed it in 2014."}
    ]  # fmt: skip
    trafilatura = {
        "title": "Task force", "source": "https://tf.example/b", "source-hostname": "TF Daily",
        "date": "2007-04-06", "text": "Cambodia launched a task force on 6 April 2007.",
    }  # fmt: skip
    (tmp_path / "np.json").write_text(json.dumps(news_please))
    (tmp_path / "n4k.json").write_text(json.dumps(newspaper4k))
    (tmp_path / "tf.jsonl").write_text(json.dumps(trafilatura) + "\n")
    warnings: list[str] = []
    got = {a.file: a for a in read_corpus(tmp_path, warn=warnings.append)}
    assert warnings == []
    assert sorted(got) == ["n4k.json#1", "np.json", "tf.jsonl#1"]
    a = got["np.json"]
    assert (a.title, a.date, a.source, a.url) == (
        "Police raid in Laos", "2012-05-03", "vt.example", "https://vt.example/raid"
    )  # fmt: skip
    b = got["n4k.json#1"]
    assert (b.date, b.source, b.url) == ("2014-02-01", "NP", "https://np.example/a")
    c = got["tf.jsonl#1"]
    assert (c.date, c.source, c.url) == ("2007-04-06", "TF Daily", "https://tf.example/b")
    assert c.text.startswith("Task force\n\n")


def test_a_csv_collection_with_a_header(tmp_path):
    text = (
        "title,pubDate,link,body\n"
        'Raid,"Thu, 03 May 2012 10:00:00 GMT",https://x.example/1,"Police arrested 12 in 2012."\n'
        '"A, quoted",2013-01-02,,"Two\nlines, one record"\n'
    )
    articles, warnings = read(tmp_path, "feed.csv", text)
    assert warnings == []
    assert [(a.file, a.title, a.date) for a in articles] == [
        ("feed.csv#1", "Raid", "2012-05-03"),
        ("feed.csv#2", "A, quoted", "2013-01-02"),
    ]
    assert articles[0].url == "https://x.example/1"


def test_a_jsonl_file_with_a_broken_line_skips_that_record_with_its_line_number(tmp_path):
    lines = [
        '{"text": "Police arrested 12 in 2012."}',
        "",
        '{"text": broken',
        '{"text": "More in 2013."}',
    ]
    articles, warnings = read(tmp_path, "feed.jsonl", "\n".join(lines) + "\n")
    assert [a.file for a in articles] == ["feed.jsonl#1", "feed.jsonl#3"]
    assert len(warnings) == 1
    assert warnings[0].startswith("feed.jsonl#2 (line 3): skipped: not valid JSON")


def test_a_csv_without_a_text_column_names_the_columns_looked_for(tmp_path):
    articles, warnings = read(tmp_path, "table.csv", "name,year\nCambodia,2012\n")
    assert articles == []
    assert warnings == [
        "table.csv: skipped: no text column (looked for text, body, content, maintext; "
        "the columns are name, year)"
    ]


def test_a_record_whose_text_is_not_a_string(tmp_path):
    records = [{"text": ["a", "list"]}, {"text": "Police arrested 12 in 2012."}, {"body": 7}]
    articles, warnings = read(tmp_path, "list.json", json.dumps(records))
    assert [a.file for a in articles] == ["list.json#2"]
    assert warnings == [
        "list.json#1: skipped: its 'text' is not a string (a list)",
        "list.json#3: skipped: its 'body' is not a string (a number)",
    ]


def test_a_json_file_that_is_no_collection_is_skipped_with_one_warning(tmp_path):
    for name, data in (("conf.json", '{"name": "x"}'), ("n.json", "42"), ("bad.json", "{")):
        articles, warnings = read(tmp_path, name, data)
        assert articles == [] and len(warnings) == 1, warnings
        assert warnings[0].startswith(f"{name}: skipped: ")


# --------------------------------------------------------------------------- the tool's own exports


@pytest.mark.parametrize(
    "name, data",
    [
        ("report.md", "---\ngenerator: timeline 0.1.0\ntitle: x\n---\n\n# x\n\n- 2012: a raid\n"),
        ("events.json", json.dumps({"generator": "timeline 0.1.0", "articles": [], "events": []})),
        ("events.csv", "\ufeffid,date,precision,approximate,type,countries,summary\n"),
        ("old.json", json.dumps({"articles": [{"file": "a.txt"}], "events": []})),
        ("old.md", "# bundled seeds\n\n17 events from 5 articles.\n\n## 2005\n"),
    ],
)
def test_the_tools_own_exports_are_skipped(tmp_path, name, data):
    articles, warnings = read(tmp_path, name, data)
    assert articles == []
    assert warnings == [f"{name}: skipped: {EXPORT_SKIP}"]


@pytest.mark.parametrize("fmt, suffix", [("json", "json"), ("csv", "csv"), ("markdown", "md")])
def test_exports_written_into_the_corpus_are_not_read_back(tmp_path, fmt, suffix):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in sorted(Path(ROOT / "seeds").glob("*.txt"))[:2]:
        (corpus / path.name).write_bytes(path.read_bytes())
    env_dirs = ["--no-cache"]
    out = subprocess.run(
        [sys.executable, "-m", "timeline", "export", "--corpus", str(corpus), "--format", fmt,
         "-o", str(corpus / f"export.{suffix}"), *env_dirs],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    articles: list = []
    warnings: list[str] = []
    articles = read_corpus(corpus, warn=warnings.append)
    assert sorted(a.file for a in articles) == sorted(p.name for p in corpus.glob("*.txt"))
    assert warnings == [f"export.{suffix}: skipped: {EXPORT_SKIP}"]


# --------------------------------------------------------------------------- heavy libraries


def test_a_txt_only_run_imports_no_reader_library(tmp_path):
    code = (
        "import sys, runpy; sys.argv = ['timeline', 'list', '--no-cache'];"
        "import timeline.cli as c\n"
        "try:\n    c.main(['list', '--no-cache'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('trafilatura', 'lxml', 'pypdfium2', 'docx', 'htmldate') "
        "if m in sys.modules]\n"
        "print('HEAVY', heavy)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert "HEAVY []" in out.stdout, out.stdout[-500:] + out.stderr[-2000:]
