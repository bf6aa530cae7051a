"""A corpus of everything that can go wrong in a user's folder, built for tests."""

from __future__ import annotations

import os
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
}
#: Files that must be skipped, and the reason their warning gives.
BAD = {
    "binary.txt": "binary file",
    "empty.txt": "empty file",
    "huge.txt": "too large",
    "self.txt": "symbolic link loop",
    "fifo.txt": "not a regular file",
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
    small = folder / "many"
    small.mkdir()
    for i in range(many):
        (small / f"{i:05d}.txt").write_text(
            f"Police arrested {i % 50 + 2} people in Cambodia in {2000 + i % 17}.",
            encoding="utf-8",
        )
    return folder
