"""A corpus of everything that can go wrong in a user's folder, built for tests."""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

MARKUP_LINE = (
    "[bold red]Loud[/] [@click=app.quit]Click me[/] [link=file:///etc/passwd]passwd[/link] "
    "\x1b[31mred\x1b[0m \x1b]0;evil title\x07 "
    "\x1b]8;;http://example.com\x1b\\osc link\x1b]8;;\x1b\\"
)

#: Files that must give events, and a phrase of each event's sentence.
GOOD = {
    "good.txt": "arrested 12 traffickers",
    "cp1252.txt": "Thai police arrested 5 people",
    "utf16.txt": "Vietnam signed the convention",
    "invalid-utf8.txt": "Laos ratified the convention",
    "markup.txt": "Police arrested 3 people in Cambodia",
    "page.html": "Police detained 17 smugglers",
    "feed.jsonl": "Myanmar police rescued 41 women",
}
#: Files (and records) that must be skipped, and the reason their warning gives.
BAD = {
    "binary.txt": "binary file",
    "empty.txt": "empty file",
    "huge.txt": "too large",
    "self.txt": "symbolic link loop",
    "fifo.txt": "not a regular file",
    "huge.html": "too large",
    "nav.html": "no main text",
    "junk.pdf": "corrupt or truncated PDF",
    "locked.pdf": "encrypted PDF",
    "scan.pdf": "no text layer (scanned?)",
    "fake.docx": "not a Word file (not a zip archive)",
    "bomb.docx": "refused before unpacking",
    "table.csv": "no text column (looked for text, body, content, maintext",
    "feed.jsonl#2 (line 2)": "not valid JSON",
    "feed.jsonl#3 (line 3)": "is not a string",
    "export.md": "an export of timeline, not an article",
    "pipe.txt": "not a regular file",
}
#: A good file whose name is not valid UTF-8 (Python: lone surrogates), and its phrase.
UNDECODABLE_NAME = b"bad\xff\xfename.txt"
GOOD[os.fsdecode(UNDECODABLE_NAME)] = "Myanmar police arrested 7 people"
#: A binary file whose name would retitle the terminal and colour it.
ESCAPE_NAME = b"evil\x1b]0;pwned\x07\x1b[41m\xe2\x80\xae.txt"
MANY = 10_000


def build_hostile_corpus(root: Path, many: int = MANY) -> Path:
    """Write the hostile corpus under ``root`` and return its folder."""
    folder = root / "hostile"
    folder.mkdir()
    (folder / "good.txt").write_text(
        "Police raid\n\n[3 May 2012] - Police arrested 12 traffickers in Laos.\n", encoding="utf-8"
    )
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "cp1252.txt").write_bytes(
        "Café raid\n\nThai police arrested 5 people in 2011, officials said “today”.".encode(
            "cp1252"
        )
    )
    (folder / "utf16.txt").write_bytes(
        "Treaty story\n\nVietnam signed the convention in 2014.".encode("utf-16")
    )
    (folder / "invalid-utf8.txt").write_bytes(
        b"Bad bytes \x81\x8d\n\nLaos ratified the convention in 2013. \xff\x81 \x9d"
    )
    with open(folder / "huge.txt", "wb") as handle:  # 20 MB
        handle.write(b"Police arrested 4 people in 2001. " * 600_000)
    words = "police arrested people in 2012 the task force was launched Cambodia convention"
    line = " ".join(words.split()[i % 12] for i in range(150_000))  # one ~1 MB line
    (folder / "one-line.txt").write_text(line, encoding="utf-8")
    (folder / "markup.txt").write_text(
        f"{MARKUP_LINE}\n\n{MARKUP_LINE}. Police arrested 3 people in Cambodia in 2010. "
        f"{MARKUP_LINE}\n",
        encoding="utf-8",
    )
    raw = os.fsencode(folder)
    with open(os.path.join(raw, UNDECODABLE_NAME), "wb") as handle:
        handle.write(b"Raid\n\nMyanmar police arrested 7 people in 2014.\n")
    with open(os.path.join(raw, ESCAPE_NAME), "wb") as handle:
        handle.write(b"\x00\x01 binary")
    os.mkfifo(folder / "fifo.txt")  # opening it for reading would wait for a writer
    (folder / "loop").symlink_to(folder)  # a folder loop
    (folder / "self.txt").symlink_to(folder / "self.txt")  # a file loop
    (folder / "secret.txt").write_text("Secret\n\nPolice arrested 9 people in 2009.")
    os.chmod(folder / "secret.txt", 0)
    (folder / "folder.txt").mkdir()  # a .txt that is really a folder
    _formats(folder)
    small = folder / "many"
    small.mkdir()
    for i in range(many):
        (small / f"{i:05d}.txt").write_text(
            f"Police arrested {i % 50 + 2} people in Cambodia in {2000 + i % 17}.",
            encoding="utf-8",
        )
    return folder


def _formats(folder: Path) -> None:
    """Web pages, PDFs, Word files and collections, good and bad."""
    from fpdf import FPDF

    (folder / "page.html").write_text(
        "<html><head><title>Raid</title></head><body><nav><a href='/'>Home</a></nav>"
        "<article><h1>Smugglers held</h1><p>Police detained 17 smugglers near the Thai border "
        "on 4 June 2015, officials in Cambodia said.</p></article>"
        "<div class='comments'><p>Police arrested 88 people in 1999.</p></div></body></html>",
        encoding="utf-8",
    )
    with open(folder / "huge.html", "wb") as handle:  # 6 MB
        handle.write(b"<html><body>" + b"<p>Police arrested 4 people in 2001.</p>" * 150_000)
    (folder / "nav.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (folder / "junk.pdf").write_bytes(b"%PDF-1.4\n" + b"garbage " * 200)
    doc = FPDF()
    doc.add_page()
    doc.set_font("Helvetica", size=12)
    doc.cell(0, 10, "Police arrested 6 people in Laos in 2014.")
    import pypdf

    writer = pypdf.PdfWriter(clone_from=io.BytesIO(bytes(doc.output())))
    writer.encrypt("secret", algorithm="RC4-128")
    with open(folder / "locked.pdf", "wb") as handle:
        writer.write(handle)
    scan = FPDF()
    scan.add_page()
    scan.rect(20, 20, 100, 60, style="F")
    (folder / "scan.pdf").write_bytes(bytes(scan.output()))
    (folder / "fake.docx").write_text("Police arrested 7 people in 2016.")
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", " " * 30_000_000)
    (folder / "bomb.docx").write_bytes(bomb.getvalue())
    (folder / "table.csv").write_text("country,year\nCambodia,2012\n")
    records = [
        json.dumps({"title": "Rescue", "text": "Myanmar police rescued 41 women in May 2013."}),
        '{"title": "broken", "text": ',
        json.dumps({"title": "not text", "text": {"nested": True}}),
    ]
    (folder / "feed.jsonl").write_text("\n".join(records) + "\n")
    (folder / "export.md").write_text("---\ngenerator: timeline\n---\n\n# Events\n\n- 2012: x\n")
    os.mkfifo(folder / "pipe.txt")  # reading it would wait for a writer forever
