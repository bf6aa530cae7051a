"""The Markdown report: events grouped by year, each quoting its sentence, sources as notes.

Read back by CommonMark parsers and pandoc alike: the quoted sentence is a
block quote inside its bullet (a blank line before it, which pandoc needs),
and each article is one footnote, referenced once -- by the first event that
cites it; later events name the note in words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from timeline.export.common import GENERATOR, Context, plural
from timeline.model import Event
from timeline.textclean import clean_text

#: The front matter a Markdown export starts with.
MARKDOWN_FRONT_MATTER = f"---\ngenerator: {GENERATOR}\n---\n"

# Backslash-escapes every ASCII punctuation character that can start Markdown
# syntax inline (CommonMark allows a backslash before any ASCII punctuation).
_MD_INLINE = re.compile(r"([\\`*_{}\[\]<>#!|~&$])")
# At the start of a line (the text may open a blockquote line) a list marker, a
# setext underline or an ordered-list number is syntax too.
_MD_LINE_START = re.compile(r"^([-+=])|^(\d+)([.)])")


def markdown_escape(text: str) -> str:
    """Escape ``text`` so a Markdown renderer shows it literally, on one line."""
    text = " ".join(clean_text(text).split())
    text = _MD_INLINE.sub(r"\\\1", text)
    return _MD_LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", text)


def render_markdown(ctx: Context, events: Sequence[Event]) -> tuple[str, int]:
    """Front matter, a title, a section per year (undated last) and the sources."""
    ordered = sorted(events, key=lambda event: event.sort_key)
    citations: dict[str, int] = {}
    for event in ordered:
        citations.setdefault(event.article, len(citations) + 1)
    out = [MARKDOWN_FRONT_MATTER, f"# {markdown_escape(ctx.title)}", ""]
    out.append(f"{plural(len(events), 'event')} from {plural(len(citations), 'article')}.")
    group: object = ()
    cited: set[str] = set()
    for event in ordered:
        year = event.year
        if year != group:
            group = year
            out += ["", f"## {year if year is not None else 'Undated'}"]
        first = event.article not in cited
        cited.add(event.article)
        out += ["", *_markdown_bullet(ctx, event, citations[event.article], first)]
    if citations:
        out += ["", "## Sources", ""]
        for file, number in citations.items():
            title = ctx.by_file[file].title if file in ctx.by_file else None
            label = f"{markdown_escape(title)}, " if title else ""
            out.append(f"[^{number}]: {label}{markdown_escape(file)}")
    return "\n".join(out) + "\n", len(events)


def _markdown_bullet(ctx: Context, event: Event, citation: int, first: bool) -> list[str]:
    countries = ", ".join(
        f"{name} (inherited)" if name in event.inherited else name for name in event.countries
    )
    fields = [event.display_date(), event.type.replace("_", " ")]
    if countries:
        fields.append(countries)
    head = " · ".join(markdown_escape(field) for field in fields)
    info = ctx.note_of(event)
    star = " ★" if info.starred else ""
    cite = f"[^{citation}]" if first else f" (note {citation})"
    lines = [
        f"- **{head}**{star}: {markdown_escape(event.summary)}{cite}",
        "",
        f"  > {markdown_escape(event.sentence)}",
    ]
    note_lines = [markdown_escape(line) for line in (info.note or "").splitlines() if line.strip()]
    if note_lines:
        note_lines[0] = f"*Note:* {note_lines[0]}"
        lines.append("  >")
        # A trailing backslash is a hard line break: the note keeps its lines.
        lines += [f"  > {line}\\" for line in note_lines[:-1]] + [f"  > {note_lines[-1]}"]
    return lines
