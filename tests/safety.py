"""Helpers for the safety tests: hostile names and texts, and what must never come out."""

from __future__ import annotations

import os
import re
from pathlib import Path

from timeline.cli import main

#: What no output of the tool may hold: C0 controls but tab and newline, DEL, C1 controls,
#: bidi embeddings, overrides and isolates, and lone surrogates (undecodable file names).
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")

#: Terminal attacks: a window title (OSC 0 ... BEL), colours (CSI), the clipboard (OSC 52),
#: a bidi override, an 8-bit CSI and a bell.
ATTACK = "\x1b]0;pwned\x07\x1b[41m\x1b]52;c;cHduZWQ=\x07\u202e\u2066\x9b2J\x07"

#: A file name as raw bytes: the attack, then bytes that are not UTF-8.
HOSTILE_NAME = b"evil" + ATTACK.encode() + b"\xff\xfe name.txt"
#: Plain bytes that are not UTF-8 (Python sees 'bad\udcff\udcfename.txt').
BAD_UTF8_NAME = b"bad\xff\xfename.txt"


def forbidden_in(text: str, *, crlf: bool = False) -> list[str]:
    """The forbidden characters in ``text`` (``crlf``: CR LF line ends are allowed)."""
    if crlf:
        text = text.replace("\r\n", "\n")
    return FORBIDDEN.findall(text)


def write_named(folder: Path, name: bytes, data: bytes) -> Path:
    """Write ``data`` to a file whose name is the raw bytes ``name``; its str path."""
    path = os.path.join(os.fsencode(folder), name)
    with open(path, "wb") as handle:
        handle.write(data)
    return Path(os.fsdecode(path))


def hostile_folder(root: Path) -> Path:
    """A corpus whose names and texts carry terminal attacks and undecodable bytes."""
    folder = root / "hostile-names"
    folder.mkdir()
    text = (
        f"Raid {ATTACK} headline\n\n[3 May 2012] - Police arrested 12 traffickers{ATTACK} "
        "in Cambodia in 2012.\n"
    )
    write_named(folder, HOSTILE_NAME, text.encode())
    write_named(folder, BAD_UTF8_NAME, b"Treaty\n\nThailand signed the convention in 2015.\n")
    write_named(folder, b"binary" + ATTACK.encode() + b"\xff.txt", b"\x00\x01binary")
    (folder / "plain.txt").write_text("Laws\n\nLaos adopted a new law in 2010.\n")
    return folder


def run(capsys, *argv: str) -> tuple[int, str, str]:
    """The command line in this process; its status, stdout and stderr."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def slow_chunk(tasks):
    """A chunk reader for worker processes that takes far longer than anyone waits."""
    import time

    time.sleep(60)
    return []
