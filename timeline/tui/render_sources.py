"""Rich ``Text`` for a story's sources in the detail pane.

A story row stands for several tellings of one happening. The pane lists
them, the row's own first: the date each gives, the article's title, its
outlet (or file when the outlet is not known) and the sentence, and says
where the sources disagree on the day. Everything from an article goes
through :func:`~timeline.tui.render.one_line` (the one sanitiser) into plain
``Text``. No Textual import.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import cell_len, set_cell_size
from rich.style import Style
from rich.text import Text

from timeline.model import Article, Event, format_date
from timeline.model import type_label as _type_name_label
from timeline.notes import NoteInfo
from timeline.textclean import plural
from timeline.tui.render import countries_text, one_line, type_label
from timeline.tui.state.stories import Sources

__all__ = ["source_label", "sources_text"]


#: Cells of a title in a source's line, so the outlet after it stays in view.
TITLE_CELLS = 48


def source_label(event: Event, article: Article | None) -> str:
    """``Title · Outlet`` (or ``Title · file`` when the outlet is not known), one line;
    a long title is cut."""
    title = one_line(article.title) if article is not None else ""
    if cell_len(title) > TITLE_CELLS:
        title = set_cell_size(title, TITLE_CELLS - 1).rstrip() + "…"
    where = one_line(article.source or article.file) if article is not None else ""
    where = where or one_line(event.article)
    return f"{title} · {where}" if title else where


def sources_text(
    sources: Sources,
    lines: int,
    *,
    label_style: Style,
    dim_style: Style,
    star_style: Style,
    info: Callable[[str], NoteInfo | None] | None = None,
) -> Text:
    """The pane's text for a story: a line on the story, where the sources disagree,
    then each source (its date, title and outlet, then its sentence on a line of its
    own while ``lines`` leave room, else on the same line); lines are cut, not wrapped."""
    text = Text(end="", no_wrap=True, overflow="ellipsis")
    tellings = sources.tellings
    shown = tellings[0]

    def note_of(event: Event) -> NoteInfo | None:
        return info(event.id) if info is not None else None

    if any((found := note_of(e)) is not None and found.starred for e in tellings):
        text.append("★ ", label_style + star_style)
    text.append(format_date(shown.date, shown.approximate), label_style)
    text.append("  ")
    text.append_text(type_label(shown.type, len(_type_name_label(shown.type)) + 2))
    text.append("  ")
    if sources.via:
        text.append(f"via {one_line(sources.via)}", label_style)
    else:
        text.append(countries_text(shown), label_style)
    count = len(tellings)
    text.append(f"  ·  story told by {plural(count, 'source')}", label_style)
    if sources.total > count:
        text.append(f" ({sources.total - count} more hidden by the filters)", dim_style)
    used = 1
    if sources.disagreement:
        text.append("\nSources disagree: ", dim_style)
        text.append(sources.disagreement)
        used += 1
    noted = [(n, i.note) for n, e in enumerate(tellings) if (i := note_of(e)) and i.note]
    if noted:
        number, note = noted[0]
        text.append("\n✎ Note", label_style)
        text.append(f" (source {number + 1}): " if count > 1 else ": ", label_style)
        text.append(one_line(note))
        used += 1
    room = max(1, lines - used)
    listed = count if count <= room else max(1, room - 1)
    # Lines left over give the first sources their sentence on a line of its own.
    spare = room - listed - (listed < count)
    for number, (event, article) in enumerate(zip(tellings, sources.articles, strict=True)):
        if number >= listed:
            break
        text.append("\n")
        text.append("▸ " if number == 0 else "  ", label_style)
        text.append(format_date(event.date, event.approximate).ljust(13), label_style)
        found = note_of(event)
        if found is not None and found.starred:
            text.append("★ ", star_style)
        if found is not None and found.note:
            text.append("✎ ", dim_style)
        text.append(source_label(event, article))
        sentence = one_line(event.sentence)
        if number < spare:
            text.append("\n    ")
            text.append(sentence, dim_style)
        else:
            text.append("  ")
            text.append(sentence, dim_style)
    if listed < count:
        text.append(f"\n  … and {count - listed} more: Enter opens the first, > and < the others")
    return text
