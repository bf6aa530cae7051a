"""Reading a folder of articles: files, decoding, boilerplate, title and article date.

Every failure on one file becomes a one-line warning naming the file and the
reason; the other files are still read.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path

from timeline.articledate import find_article_date, find_footer_date, infer_article_date
from timeline.boilerplate import body_span, find_title
from timeline.model import Article

DEFAULT_MAX_BYTES = 5_000_000
SUFFIXES = (".txt", ".md")

Warn = Callable[[str], None]


class SkipFile(Exception):
    """Raised when a file cannot be used; the message is the reason."""


def iter_files(folder: Path, warn: Warn | None = None) -> list[tuple[Path, str]]:
    """Every ``.txt``/``.md`` file under ``folder``, recursively, in a stable order.

    Returns ``(path, relative_name)`` pairs, the name in POSIX form relative to
    ``folder``. Symbolic links to folders are followed once; a link that leads
    back into a folder already walked (a loop) is passed over. A folder that
    cannot be listed gives a warning and is skipped.
    """
    folder = Path(folder)
    found: list[tuple[Path, str]] = []
    seen_dirs: set[tuple[int, int]] = set()

    def walk(directory: Path, rel: str) -> None:
        try:
            st = directory.stat()
        except OSError as exc:
            _warn(warn, rel or directory.name, f"skipped folder: {_reason(exc)}")
            return
        key = (st.st_dev, st.st_ino)
        if key in seen_dirs:
            return  # a symlink loop or a second link to a folder already read
        seen_dirs.add(key)
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            _warn(warn, rel or str(directory), f"skipped folder: {_reason(exc)}")
            return
        for entry in entries:
            name = f"{rel}/{entry.name}" if rel else entry.name
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                walk(Path(entry.path), name)
            elif entry.name.lower().endswith(SUFFIXES):
                found.append((Path(entry.path), name))

    walk(folder, "")
    return found


def decode(data: bytes) -> tuple[str, str | None]:
    """Decode file bytes: UTF-8 (BOM or not), UTF-16 with BOM, cp1252, else lossy UTF-8.

    Returns the text and a warning when characters had to be replaced.
    Raises :class:`SkipFile` for binary data (NUL bytes outside UTF-16).
    """
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), None
        except UnicodeDecodeError:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8", "replace"), _LOSSY
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError:
            return data.decode("utf-16", "replace"), _LOSSY
    if b"\x00" in data:
        raise SkipFile("binary file (NUL bytes)")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), None
    except UnicodeDecodeError:
        return data.decode("utf-8", "replace"), _LOSSY


_LOSSY = "not valid UTF-8, UTF-16 or cp1252: undecodable bytes shown as \ufffd"

_NEWLINES = re.compile(r"\r\n?|\u2028|\u2029")


def normalize_text(text: str) -> str:
    """Unify line endings so that spans mean the same thing on every platform."""
    return _NEWLINES.sub("\n", text)


def load_file(
    path: Path, rel: str, *, max_bytes: int = DEFAULT_MAX_BYTES, data: bytes | None = None
) -> tuple[Article | None, list[str]]:
    """Read one file into an :class:`Article`.

    Returns ``(None, [warning])`` when the file is skipped (missing, a
    folder, unreadable, too large, empty, binary); decoding trouble that
    still gives text returns the article with a warning. ``data``: the
    file's bytes when the caller has read them already (the index hashes
    them first), so the file is not read twice.
    """
    try:
        if data is None:
            text, note = read_text(path, max_bytes=max_bytes)
        else:
            text, note = text_of(data, max_bytes=max_bytes)
    except SkipFile as exc:
        return None, [f"{rel}: skipped: {exc}"]
    warnings = [f"{rel}: {note}"] if note else []
    return parse_article(text, rel), warnings


def read_text(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, str | None]:
    """The decoded, newline-normalised text of a file, and a decoding warning if any.

    Raises :class:`SkipFile` with a short reason when the file cannot be used.
    """
    try:
        st = path.stat()
    except OSError as exc:
        raise SkipFile(_reason(exc)) from None
    if stat.S_ISDIR(st.st_mode):
        raise SkipFile("is a folder, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise SkipFile("not a regular file")
    if st.st_size > max_bytes:
        raise SkipFile(f"too large ({_size(st.st_size)}, limit {_size(max_bytes)})")
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise SkipFile(_reason(exc)) from None
    return text_of(data, max_bytes=max_bytes)


def text_of(data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, str | None]:
    """Decoded, newline-normalised text of file bytes; :class:`SkipFile` when unusable."""
    if len(data) > max_bytes:  # grew since stat
        raise SkipFile(f"too large (over {_size(max_bytes)})")
    text, note = decode(data)
    if not text.strip():
        raise SkipFile("empty file")
    return normalize_text(text), note


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


def read_corpus(
    folder: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, warn: Warn | None = None
) -> list[Article]:
    """Read every article of a folder; bad files are skipped with a warning each."""
    articles = []
    for path, rel in iter_files(folder, warn):
        article, warnings = load_file(path, rel, max_bytes=max_bytes)
        for message in warnings:
            if warn:
                warn(message)
        if article is not None:
            articles.append(article)
    return articles


def _warn(warn: Warn | None, name: str, message: str) -> None:
    if warn:
        warn(f"{name}: {message}")


def _reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "unreadable (permission denied)"
    if isinstance(exc, FileNotFoundError):
        return "missing (broken link?)"
    if exc.errno == 40:  # ELOOP
        return "symbolic link loop"
    return f"unreadable ({exc.strerror or exc.__class__.__name__})"


def _size(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 1000:
        return f"{n / 1000:.0f} kB"
    return f"{n} bytes"
