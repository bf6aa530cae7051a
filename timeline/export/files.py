"""Writing an export to a file atomically: complete, or not at all.

The text is encoded first, then written to a temporary file beside the target
(a hidden ``.name.*.tmp``, so a corpus folder never sees a half-written
export as an article), flushed to disk (``fsync``) and renamed over the
target (``os.replace``), after which the folder is synced too. Any failure --
a full disk, a folder that cannot be written, text that cannot be encoded --
removes the temporary file, leaves an existing target exactly as it was, and
raises :class:`ExportError` with one line for the user.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

from timeline.textclean import clean_name

__all__ = ["ExportError", "write_atomic"]


class ExportError(Exception):
    """An export could not be written; ``message`` is one line for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _reason(error: BaseException) -> str:
    if isinstance(error, UnicodeError):
        return f"cannot encode the text as UTF-8 ({error.reason})"
    if isinstance(error, OSError):
        if error.errno == errno.ENOSPC:
            return "no space left on the disk"
        return error.strerror or type(error).__name__
    return str(error) or type(error).__name__


def _umask() -> int:
    """The process's umask, read without changing it (threads may be writing files)."""
    with (
        contextlib.suppress(OSError, ValueError),
        open("/proc/self/status", encoding="ascii", errors="replace") as status,
    ):
        for line in status:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    return 0o022


def write_atomic(path: str | Path, text: str | bytes) -> Path:
    """Write ``text`` (UTF-8) to ``path`` all at once; the path written.

    A symbolic link is followed, so the file it points at is replaced. Raises
    :class:`ExportError` (``path`` left untouched) on any failure.
    """
    target = Path(path)
    shown = clean_name(target)
    if str(path) == "":
        raise ExportError("no file name given")
    existed = target.exists()
    kept = f"{shown} left unchanged" if existed else "nothing written"
    try:
        data = text if isinstance(text, bytes) else text.encode("utf-8")
    except UnicodeError as error:
        raise ExportError(f"cannot write {shown}: {_reason(error)}; {kept}") from None
    if target.is_dir():
        raise ExportError(f"cannot write {shown}: it is a folder")
    if existed and not target.is_file():  # /dev/stdout, a pipe: nothing there to keep
        try:
            with open(target, "wb") as out:
                out.write(data)
        except OSError as error:
            raise ExportError(f"cannot write {shown}: {_reason(error)}") from None
        return target
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    folder = target.parent
    try:
        mode = stat.S_IMODE(target.stat().st_mode) if existed else 0o666 & ~_umask()
    except OSError:
        mode = 0o666 & ~_umask()
    temporary: str | None = None
    try:
        handle, temporary = tempfile.mkstemp(prefix=".timeline-", suffix=".tmp", dir=folder)
        with open(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
        temporary = None
        _sync_folder(folder)
    except OSError as error:
        raise ExportError(f"cannot write {shown}: {_reason(error)}; {kept}") from None
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
    return target


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (best effort: not every system can sync a folder)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
