"""Bytes to text: the encodings clippings come in, and the reasons a file is skipped."""

from __future__ import annotations

import codecs
import os
import re
import stat
from pathlib import Path

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SkipFile",
    "decode",
    "decode_as",
    "normalize_text",
    "read_bytes",
    "read_text",
    "text_of",
]

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
    strays = _utf8_strays(data)
    if strays is not None:
        return strays
    try:
        return data.decode("cp1252"), None
    except UnicodeDecodeError:
        return data.decode("utf-8", "replace"), _LOSSY


_LOSSY = "not valid UTF-8, UTF-16 or cp1252: undecodable bytes shown as \ufffd"
_ESCAPED = re.compile("[\udc80-\udcff]+")
_NON_ASCII = re.compile("[^\x00-\x7f\udc80-\udcff]")


def _utf8_strays(data: bytes) -> tuple[str, str] | None:
    """UTF-8 text with a few stray bytes: the text with \ufffd for them, and a warning.

    None when the bytes do not read as UTF-8 with strays: no valid multi-byte
    UTF-8 sequence at all, or more undecodable runs than valid sequences (then
    cp1252 is the better guess: ``café`` written by an old editor).
    """
    escaped = data.decode("utf-8", "surrogateescape")
    strays = len(_ESCAPED.findall(escaped))
    valid = len(_NON_ASCII.findall(escaped))
    if not valid or strays > valid:
        return None
    places = "1 place" if strays == 1 else f"{strays} places"
    return (
        _ESCAPED.sub("\ufffd", escaped),
        f"not valid UTF-8 in {places}: undecodable bytes shown as \ufffd",
    )


def decode_as(data: bytes, encoding: str | None) -> tuple[str, str | None]:
    """Decode bytes in an encoding the file declares (an HTML ``<meta charset>``).

    A byte-order mark wins over the declaration; an unknown or wrong
    declaration falls back to :func:`decode`. Labels that browsers read as
    windows-1252 (``iso-8859-1``, ``latin1``, ``ascii``) are read so too.
    """
    if not encoding or data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode(data)
    try:
        name = codecs.lookup(encoding.strip().strip("\"'")).name
    except (LookupError, ValueError):
        return decode(data)
    if name in ("latin-1", "iso8859-1", "ascii"):
        name = "cp1252"
    if name.startswith("utf-16") or name.startswith("utf-32"):
        return decode(data)  # a declaration in an 8-bit file that says UTF-16 is wrong
    if name == "utf-8":
        return decode(data)
    if b"\x00" in data:
        raise SkipFile("binary file (NUL bytes)")
    try:
        return data.decode(name), None
    except UnicodeDecodeError:
        return decode(data)


_NEWLINES = re.compile(r"\r\n?|\u2028|\u2029")


def normalize_text(text: str) -> str:
    """Unify line endings so that spans mean the same thing on every platform."""
    return _NEWLINES.sub("\n", text)


def read_text(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, str | None]:
    """The decoded, newline-normalised text of a file, and a decoding warning if any.

    Raises :class:`SkipFile` with a short reason when the file cannot be used.
    """
    return text_of(read_bytes(path, max_bytes=max_bytes), max_bytes=max_bytes)


_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


def read_bytes(path: Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a regular file (at most ``max_bytes + 1`` of them).

    Only regular files are opened: a folder, a FIFO, a socket or a device (a
    link to ``/dev/stdin``) raises :class:`SkipFile` before anything is read,
    and the file is opened without blocking and checked again once open, so
    one swapped for a FIFO in between cannot hang the run either.
    """
    try:
        st = os.stat(path)
    except (OSError, ValueError) as exc:
        raise SkipFile(reason(exc)) from None
    _check_regular(st, max_bytes)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise SkipFile(reason(exc)) from None
    try:
        _check_regular(os.fstat(fd), max_bytes)
        chunks = []
        left = max_bytes + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise SkipFile(reason(exc)) from None
    finally:
        os.close(fd)


def _check_regular(st: os.stat_result, max_bytes: int) -> None:
    if stat.S_ISDIR(st.st_mode):
        raise SkipFile("is a folder, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise SkipFile(f"not a regular file ({_kind(st.st_mode)})")
    if st.st_size > max_bytes:
        raise SkipFile(f"too large ({size_text(st.st_size)}, limit {size_text(max_bytes)})")


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "special file"


def text_of(data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, str | None]:
    """Decoded, newline-normalised text of file bytes; :class:`SkipFile` when unusable."""
    if len(data) > max_bytes:  # grew since stat
        raise SkipFile(f"too large (over {size_text(max_bytes)})")
    text, note = decode(data)
    if not text.strip():
        raise SkipFile("empty file")
    return normalize_text(text), note


def reason(exc: OSError | ValueError) -> str:
    """A short, plain reason for an error met opening or reading a file."""
    if isinstance(exc, ValueError):  # a NUL in the name
        return "unreadable (bad file name)"
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
