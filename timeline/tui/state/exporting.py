"""Exporting the events shown: what the dialog says about them, and the writer it calls.

No Textual here. :func:`export_writer` takes the events, their articles and
their stars and notes at the moment it is made, so the writer it returns can
run in a thread while batches keep arriving; it writes through
:func:`timeline.export.export_to_file`, which replaces a file only once the
whole export is on disk. :func:`default_folder` chooses where a file name
typed without a folder goes: the current folder, unless that is inside the
corpus (an export among the articles), then the home folder.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from timeline.filters import Filter
from timeline.tui.state.annotations import Annotations
from timeline.tui.state.browse import describe
from timeline.tui.state.index import EventIndex

__all__ = ["Writer", "default_folder", "export_scope", "export_writer", "inside"]

#: ``write(format, path) -> confirmation``; raises ``ExportError`` (one-line ``message``).
Writer = Callable[[str, Path], str]


def export_writer(
    index: EventIndex,
    view: Sequence[int],
    annotations: Annotations,
    folder: Path | None = None,
) -> Writer:
    """A writer of the events at ``view`` of ``index``, with their stars and notes
    (``folder``: the corpus folder, which the JSON export names)."""
    events = [index.events[i] for i in view]
    files = {event.article for event in events}
    articles = [a for f, a in index.articles.items() if f in files]
    notes = annotations.notes_for(events)
    title = index.name

    def write(fmt: str, path: Path) -> str:
        from timeline.export import export_to_file

        result = export_to_file(fmt, articles, events, path, title=title, notes=notes,
                                folder=folder)  # fmt: skip
        return result.message_to(path)

    return write


def inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` is ``folder`` or lies under it (both made absolute)."""
    path, folder = path.absolute(), folder.absolute()
    return path == folder or folder in path.parents


def default_folder(cwd: Path, corpus: Path | None, home: Path) -> tuple[Path, str]:
    """Where an export goes by default, and a remark when that is not ``cwd``: never
    inside the ``corpus`` folder when it can be helped (the home folder instead), and
    said when it cannot."""
    if corpus is None or not inside(cwd, corpus):
        return cwd, ""
    if not inside(home, corpus):
        return home, "The current folder is inside the corpus: the export goes to your home."
    return cwd, "This folder is inside the corpus (timeline passes over its own exports)."


def export_scope(event_filter: Filter, query: str) -> str:
    """`` (country: Laos · search /x not applied)``: what the export holds, "" for everything."""
    parts = [describe(event_filter)]
    if query:
        parts.append(f"search /{query} not applied")
    described = " · ".join(part for part in parts if part)
    return f" ({described})" if described else ""
