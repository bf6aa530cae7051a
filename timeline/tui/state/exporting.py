"""Exporting the events shown: what the dialog says about them, and the writer it calls.

No Textual here. :func:`export_writer` takes the events, their articles and
their stars and notes at the moment it is made, so the writer it returns can
run in a thread while batches keep arriving.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from timeline.filters import Filter
from timeline.tui.state.annotations import Annotations
from timeline.tui.state.browse import describe
from timeline.tui.state.index import EventIndex

__all__ = ["Writer", "export_scope", "export_writer"]

#: ``write(format, path) -> confirmation``; raises OSError (or ValueError) on failure.
Writer = Callable[[str, Path], str]


def export_writer(index: EventIndex, view: Sequence[int], annotations: Annotations) -> Writer:
    """A writer of the events at ``view`` of ``index``, with their stars and notes."""
    events = [index.events[i] for i in view]
    files = {event.article for event in events}
    articles = [a for f, a in index.articles.items() if f in files]
    notes = annotations.notes_for(events)
    title = index.name

    def write(fmt: str, path: Path) -> str:
        from timeline.export import render

        result = render(fmt, articles, events, title=title, notes=notes)
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(result.text)
        return f"{result.message} → {path}"

    return write


def export_scope(event_filter: Filter, query: str) -> str:
    """`` (country: Laos · search /x not applied)``: what the export holds, "" for everything."""
    parts = [describe(event_filter)]
    if query:
        parts.append(f"search /{query} not applied")
    described = " · ".join(part for part in parts if part)
    return f" ({described})" if described else ""
