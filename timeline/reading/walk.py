"""Walking a corpus folder: every article file under it, in a stable order."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from timeline.reading.decode import reason

__all__ = ["SUFFIXES", "Warn", "iter_files"]

SUFFIXES = (".txt", ".md")

Warn = Callable[[str], None]


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
            _warn(warn, rel or directory.name, f"skipped folder: {reason(exc)}")
            return
        key = (st.st_dev, st.st_ino)
        if key in seen_dirs:
            return  # a symlink loop or a second link to a folder already read
        seen_dirs.add(key)
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            _warn(warn, rel or str(directory), f"skipped folder: {reason(exc)}")
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


def _warn(warn: Warn | None, name: str, message: str) -> None:
    if warn:
        warn(f"{name}: {message}")
