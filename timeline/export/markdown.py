"""The Markdown report: events grouped by year, each quoting its sentence, sources as notes.

Read back by CommonMark parsers and pandoc alike: the quoted sentence is a
block quote inside its bullet (a blank line before it, which pandoc needs),
and each article is one footnote, referenced once -- by the first event that
cites it; later events name the note in words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from timeline.export.common import GENERATOR, Context, Told, safe_url, told_stories
from timeline.model import Event
from timeline.textclean import clean_text, plural

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
    """Front matter, a title, a section per year (undated last) and the sources: one
    bullet per story, citing every article that tells it."""
    ordered = sorted(events, key=lambda event: event.sort_key)
    stories = told_stories(ordered, ctx.by_story)
    stories.sort(key=lambda told: told.shown.sort_key)
    citations: dict[str, int] = {}
    for told in stories:
        for telling in told.tellings:
            citations.setdefault(telling.article, len(citations) + 1)
    out = [MARKDOWN_FRONT_MATTER, f"# {markdown_escape(ctx.title)}", ""]
    counted = f"{plural(len(events), 'event')} from {plural(len(citations), 'article')}"
    if len(stories) < len(events):
        counted = f"{plural(len(stories), 'story', 'stories')}: {counted}"
    out.append(counted + ".")
    group: object = ()
    cited: set[str] = set()
    for told in stories:
        year = told.shown.year
        if year != group:
            group = year
            out += ["", f"## {year if year is not None else 'Undated'}"]
        cites = []
        for article in dict.fromkeys(telling.article for telling in told.tellings):
            number = citations[article]
            cites.append(f"[^{number}]" if article not in cited else f" (footnote {number})")
            cited.add(article)
        out += ["", *_markdown_bullet(ctx, told, "".join(cites))]
    if citations:
        out += ["", "## Sources", ""]
        for file, number in citations.items():
            out.append(f"[^{number}]: {_source_line(ctx, file)}")
    return "\n".join(out) + "\n", len(events)


def _source_line(ctx: Context, file: str) -> str:
    """``Title, Outlet, file``; the title links the article's address when known."""
    article = ctx.by_file.get(file)
    title = article.title if article else None
    url = safe_url(article.url) if article else None
    parts = []
    if title:
        name = markdown_escape(title)
        parts.append(f"[{name}](<{url}>)" if url else name)
    elif url:
        parts.append(f"<{url}>")
    if article is not None and article.source:
        parts.append(markdown_escape(article.source))
    parts.append(markdown_escape(file))
    return ", ".join(parts)


def _markdown_bullet(ctx: Context, told: Told, cites: str) -> list[str]:
    event = told.shown
    countries = ", ".join(
        f"{name} (inherited)" if name in event.inherited else name for name in event.countries
    )
    fields = [event.display_date(), event.type.replace("_", " ")]
    if countries:
        fields.append(countries)
    head = " · ".join(markdown_escape(field) for field in fields)
    star = " ★" if ctx.starred_in(told.tellings) else ""
    lines = [
        f"- **{head}**{star}: {markdown_escape(event.summary)}{cites}",
        "",
        f"  > {markdown_escape(event.sentence)}",
    ]
    if len(told.tellings) > 1:
        told_by = f"Told by {plural(len(told.tellings), 'source')}"
        if disagreement := told.disagreement():
            told_by += f"; they disagree: {disagreement}"
        lines += ["", f"  *{markdown_escape(told_by)}.*"]
    note_lines = [
        markdown_escape(line)
        for note in ctx.notes_in(told.tellings)
        for line in note.splitlines()
        if line.strip()
    ]
    if note_lines:
        note_lines[0] = f"*Note:* {note_lines[0]}"
        # Under the sentence's quote, a quoted blank line goes on; after "Told by", a new quote.
        lines.append("  >" if lines[-1].startswith("  >") else "")
        # A trailing backslash is a hard line break: the note keeps its lines.
        lines += [f"  > {line}\\" for line in note_lines[:-1]] + [f"  > {note_lines[-1]}"]
    return lines
