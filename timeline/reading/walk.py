"""Walking a corpus folder: every article file under it, in a stable order.

The walk is iterative (any depth of folders), lists only the file kinds a
reader exists for (:data:`SUFFIXES`), passes over hidden entries and a saved
web page's ``*_files`` folder, follows a link to a folder once (never back
into a folder already walked, nor to a folder that holds the corpus, such as
``/``) and does not enter virtual file systems (``/proc``, ``/sys``, ``/dev``):
their trees are endless or their files never end.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path

from timeline.reading.decode import reason
from timeline.reading.formats import READERS

__all__ = ["SUFFIXES", "Warn", "iter_files", "virtual_fs"]

#: The file name endings read (lower case), one reader each (see :mod:`timeline.reading.formats`).
SUFFIXES: tuple[str, ...] = tuple(READERS)

Warn = Callable[[str], None]

#: File system types whose files are not articles: kernel interfaces, devices, automounters.
VIRTUAL_FS = frozenset(
    {
        "proc", "sysfs", "devtmpfs", "devfs", "devpts", "mqueue", "cgroup", "cgroup2",
        "debugfs", "tracefs", "securityfs", "pstore", "bpf", "configfs", "fusectl",
        "hugetlbfs", "binfmt_misc", "efivarfs", "selinuxfs", "rpc_pipefs", "nsfs", "autofs",
        "nfsd", "fdescfs", "procfs", "linprocfs", "linsysfs",
    }
)  # fmt: skip
#: Where those live when the mount table cannot be read.
_VIRTUAL_PATHS = ("/proc", "/sys", "/dev")
#: The folder a browser's "Save page as..." puts beside ``Page.html``, by the page's stem.
_SAVED_PAGE_FOLDERS = ("_files", "-Dateien", "_fichiers", "_archivos", "_arquivos", "_file")
_PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".mhtml")


def iter_files(folder: Path, warn: Warn | None = None) -> list[tuple[Path, str]]:
    """Every article file under ``folder``, recursively, in a stable order.

    Returns ``(path, relative_name)`` pairs, the name in POSIX form relative to
    ``folder`` (a name that is not valid UTF-8 keeps its bytes as surrogate
    escapes, so the path reopens the real file). Symbolic links to folders are
    followed once; a link that leads back into a folder already walked (a loop)
    is passed over. A folder that cannot be listed, a link to a folder holding
    the corpus and a virtual file system each give a warning and are skipped.
    """
    return list(_walk(Path(folder), warn))


def _walk(folder: Path, warn: Warn | None) -> Iterator[tuple[Path, str]]:
    seen_dirs: set[tuple[int, int]] = set()
    try:
        root_real = os.path.realpath(folder)
    except (OSError, ValueError):
        root_real = str(folder)
    virtual = _virtual_devices()

    def open_dir(directory: Path, rel: str, link: bool) -> list[os.DirEntry] | None:
        name = rel or str(directory)
        try:
            st = directory.stat()
        except OSError as exc:
            _warn(warn, name, f"skipped folder: {reason(exc)}")
            return None
        key = (st.st_dev, st.st_ino)
        if key in seen_dirs:
            return None  # a symlink loop or a second link to a folder already read
        fs = virtual.get(st.st_dev) or _virtual_path(directory)
        if fs is not None:
            what = "corpus" if not rel else "folder"
            _warn(warn, name, f"skipped {what}: a virtual file system ({fs}), not articles")
            return None
        if link and rel:
            target = os.path.realpath(directory)
            if _holds(target, root_real):
                _warn(warn, rel, f"skipped link: it leads to {target}, which holds the corpus")
                return None
        seen_dirs.add(key)
        try:
            with os.scandir(directory) as scan:
                return sorted(scan, key=lambda e: e.name)
        except OSError as exc:
            _warn(warn, name, f"skipped folder: {reason(exc)}")
            return None

    entries = open_dir(folder, "", False)
    if entries is None:
        return
    stack: list[tuple[Iterator[os.DirEntry], str, frozenset[str]]] = [
        (iter(entries), "", _page_stems(entries))
    ]
    while stack:
        it, rel, pages = stack[-1]
        entry = next(it, None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        name = f"{rel}/{entry.name}" if rel else entry.name
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            if _saved_page_folder(entry.name, pages):
                continue  # the images and scripts of a saved page
            try:
                link = entry.is_symlink()
            except OSError:
                link = False
            sub = open_dir(Path(entry.path), name, link)
            if sub is not None:
                stack.append((iter(sub), name, _page_stems(sub)))
        elif entry.name.lower().endswith(SUFFIXES):
            yield Path(entry.path), name


def _page_stems(entries: list[os.DirEntry]) -> frozenset[str]:
    """The stems of the web pages in a folder (``Page`` of ``Page.html``), lower case."""
    stems = set()
    for entry in entries:
        low = entry.name.lower()
        for suffix in _PAGE_SUFFIXES:
            if low.endswith(suffix):
                stems.add(low[: -len(suffix)])
    return frozenset(stems)


def _saved_page_folder(name: str, pages: frozenset[str]) -> bool:
    low = name.lower()
    return any(
        low.endswith(suffix.lower()) and low[: -len(suffix)] in pages
        for suffix in _SAVED_PAGE_FOLDERS
    )


def _holds(target: str, inner: str) -> bool:
    """True when folder ``target`` is ``inner`` or one of its ancestors."""
    if target == inner:
        return True
    prefix = target if target.endswith(os.sep) else target + os.sep
    return inner.startswith(prefix)


@lru_cache(maxsize=1)
def _mount_table() -> dict[int, str]:
    """Device number -> type of every virtual file system mounted (Linux mountinfo)."""
    found: dict[int, str] = {}
    try:
        with open("/proc/self/mountinfo", encoding="utf-8", errors="replace") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return found
    for line in lines:
        left, sep, right = line.partition(" - ")
        fields = left.split()
        if not sep or len(fields) < 3 or not right:
            continue
        fstype = right.split()[0]
        major, _, minor = fields[2].partition(":")
        if fstype in VIRTUAL_FS and major.isdigit() and minor.isdigit():
            found[os.makedev(int(major), int(minor))] = fstype
    return found


def _virtual_devices() -> dict[int, str]:
    return _mount_table() if sys.platform.startswith("linux") else {}


def _virtual_path(directory: Path) -> str | None:
    """The virtual file system a folder is on by its place, where no mount table says."""
    if sys.platform.startswith("linux") and _mount_table():
        return None
    try:
        real = os.path.realpath(directory)
    except (OSError, ValueError):
        return None
    for top in _VIRTUAL_PATHS:
        if real == top or real.startswith(top + "/"):
            return top.strip("/")
    return None


def virtual_fs(path: Path) -> str | None:
    """The type of virtual file system ``path`` is on (``proc``), or None for a real one."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISDIR(st.st_mode):
        return None
    return _virtual_devices().get(st.st_dev) or _virtual_path(path)


def _warn(warn: Warn | None, name: str, message: str) -> None:
    if warn:
        warn(f"{name}: {message}")
