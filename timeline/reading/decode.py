"""Bytes to text: the encodings clippings come in, and the reasons a file is skipped."""

from __future__ import annotations

import codecs
import re
import stat
from pathlib import Path

__all__ = ["DEFAULT_MAX_BYTES", "SkipFile", "decode", "normalize_text", "read_text", "text_of"]

DEFAULT_MAX_BYTES = 5_000_000


class SkipFile(Exception):
    """Raised when a file cannot be used; the message is the reason."""


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


def read_text(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, str | None]:
    """The decoded, newline-normalised text of a file, and a decoding warning if any.

    Raises :class:`SkipFile` with a short reason when the file cannot be used.
    """
    try:
        st = path.stat()
    except OSError as exc:
        raise SkipFile(reason(exc)) from None
    if stat.S_ISDIR(st.st_mode):
        raise SkipFile("is a folder, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise SkipFile("not a regular file")
    if st.st_size > max_bytes:
        raise SkipFile(f"too large ({size_text(st.st_size)}, limit {size_text(max_bytes)})")
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise SkipFile(reason(exc)) from None
    return text_of(data, max_bytes=max_bytes)


def text_of(data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, str | None]:
    """Decoded, newline-normalised text of file bytes; :class:`SkipFile` when unusable."""
    if len(data) > max_bytes:  # grew since stat
        raise SkipFile(f"too large (over {size_text(max_bytes)})")
    text, note = decode(data)
    if not text.strip():
        raise SkipFile("empty file")
    return normalize_text(text), note


def reason(exc: OSError) -> str:
    """A short, plain reason for an error met opening or reading a file."""
    if isinstance(exc, PermissionError):
        return "unreadable (permission denied)"
    if isinstance(exc, FileNotFoundError):
        return "missing (broken link?)"
    if exc.errno == 40:  # ELOOP
        return "symbolic link loop"
    return f"unreadable ({exc.strerror or exc.__class__.__name__})"


def size_text(n: int) -> str:
    """A byte count for people: ``12 kB``, ``5.0 MB``."""
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 1000:
        return f"{n / 1000:.0f} kB"
    return f"{n} bytes"
