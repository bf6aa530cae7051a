"""The article's text, wrapped and drawn line by line, its events marked."""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from timeline.model import Article, Event
from timeline.textclean import CleanMap

__all__ = ["ArticleBody", "wrap_offsets"]

_WORD = re.compile(r"\S+\s*|\s+")


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """``(start, end)`` of each display line when ``text`` is wrapped to ``width`` cells.

    Lines break at newlines and between words; a word wider than the line is
    cut. Every character keeps its offset, so spans can be found on screen.
    """
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    at = 0
    for paragraph in text.split("\n"):
        start = at
        used = 0
        line_start = start
        for match in _WORD.finditer(paragraph):
            word_start, word_end = match.start() + start, match.end() + start
            word = match.group()
            stripped = cell_len(word.rstrip())
            if used and used + stripped > width:
                lines.append((line_start, word_start))
                line_start, used = word_start, 0
            while cell_len(text[word_start:word_end].rstrip()) > width - used and used == 0:
                # A word longer than the line: cut it at the width.
                cut = word_start
                cells = 0
                while cut < word_end and cells + cell_len(text[cut]) <= width:
                    cells += cell_len(text[cut])
                    cut += 1
                if cut == word_start:
                    cut += 1
                lines.append((line_start, cut))
                line_start = word_start = cut
                if word_start >= word_end:
                    break
            used += cell_len(text[word_start:word_end])
        lines.append((line_start, start + len(paragraph)))
        at = start + len(paragraph) + 1
    return lines


class ArticleBody(ScrollView, can_focus=True):
    """The article text, wrapped, drawn line by line."""

    COMPONENT_CLASSES = {
        "article--evidence",
        "article--event",
        "article--date",
        "article--match",
        "article--match-current",
    }

    DEFAULT_CSS = """
    ArticleBody {
        overflow-x: hidden;
        overflow-y: scroll;
        padding: 0 2;
        background: $surface;
        scrollbar-size-vertical: 1;
    }
    ArticleBody > .article--evidence {
        background: $primary 45%; color: $foreground; text-style: bold;
    }
    ArticleBody > .article--event { text-style: underline; color: $text-primary; }
    ArticleBody > .article--date { text-style: bold underline reverse; }
    ArticleBody > .article--match { background: $warning 50%; color: $foreground; }
    ArticleBody > .article--match-current {
        background: $warning; color: $background; text-style: bold;
    }
    """

    def __init__(self, article: Article, events: list[Event], current: int, **kwargs) -> None:
        super().__init__(**kwargs)
        self.article = article
        self.events = events
        self.current = current
        self._clean = CleanMap.build(article.text)
        # Tabs and carriage returns become spaces so offsets stay put.
        self._plain = self._clean.text.replace("\t", " ")
        self._lines: list[tuple[int, int]] = []
        self._text = Text(self._plain)
        self._width = 0
        #: Spans of the text that a search in the article found, and the one shown.
        self.matches: list[tuple[int, int]] = []
        self.current_match = -1

    @property
    def lines(self) -> list[tuple[int, int]]:
        """Offsets of the display lines (after the first layout)."""
        return self._lines

    def styled_text(self) -> Text:
        """The cleaned text with event sentences marked and the current one highlighted."""
        text = Text(self._plain, end="")
        event_style = self.get_component_rich_style("article--event", partial=True)
        for n, event in enumerate(self.events):
            if n != self.current:
                start, end = self._clean.span(event.start, event.end)
                text.stylize(event_style, start, end)
        if 0 <= self.current < len(self.events):
            event = self.events[self.current]
            start, end = self._clean.span(event.start, event.end)
            text.stylize(
                self.get_component_rich_style("article--evidence", partial=True), start, end
            )
            if event.date_start is not None and event.date_end is not None:
                d_start, d_end = self._clean.span(event.date_start, event.date_end)
                text.stylize(
                    self.get_component_rich_style("article--date", partial=True), d_start, d_end
                )
        match_style = self.get_component_rich_style("article--match", partial=True)
        current_style = self.get_component_rich_style("article--match-current", partial=True)
        for n, (start, end) in enumerate(self.matches):
            text.stylize(current_style if n == self.current_match else match_style, start, end)
        return text

    @property
    def plain(self) -> str:
        """The text as shown (cleaned, tabs made spaces): what a search looks in."""
        return self._plain

    def line_of(self, offset: int) -> int:
        """The display line holding character ``offset`` of :attr:`plain`."""
        for n, (line_start, line_end) in enumerate(self._lines):
            if line_start <= offset < max(line_end, line_start + 1) or line_start > offset:
                return n
        return max(0, len(self._lines) - 1)

    def show_matches(self, spans: list[tuple[int, int]], current: int = -1) -> None:
        """Highlight ``spans`` (a search's finds), ``current`` the one brought into view."""
        self.matches = spans
        self.current_match = current
        self._text = self.styled_text()
        self.refresh()
        if 0 <= current < len(spans):
            line = self.line_of(spans[current][0])
            height = self.scrollable_content_region.height or self.size.height
            if not self.scroll_y <= line < self.scroll_y + height:
                self.scroll_to(y=max(0, line - height // 3), animate=False)

    def page(self, step: int) -> None:
        """Scroll a screenful down (``step`` 1) or up (-1)."""
        height = self.scrollable_content_region.height or self.size.height
        self.scroll_relative(y=step * max(1, height - 1), animate=False)

    def evidence_line(self) -> int:
        """The display line where the current event's sentence starts."""
        if not (0 <= self.current < len(self.events)) or not self._lines:
            return 0
        start = self._clean.offset(self.events[self.current].start)
        for n, (line_start, line_end) in enumerate(self._lines):
            if line_start <= start < max(line_end, line_start + 1) or line_start > start:
                return n
        return len(self._lines) - 1

    def show_event(self, current: int) -> None:
        """Highlight event number ``current`` and scroll it into view."""
        self.current = current
        self._text = self.styled_text()
        self.refresh()
        self.scroll_to_evidence()

    def scroll_to_evidence(self) -> None:
        """Put the evidence sentence about a third of the way down."""
        line = self.evidence_line()
        height = self.scrollable_content_region.height or self.size.height
        self.scroll_to(y=max(0, line - height // 3), animate=False)

    def on_mount(self) -> None:
        """Style the text once the theme is known."""
        self._text = self.styled_text()

    def notify_style_update(self) -> None:
        """Restyle when the theme changes."""
        super().notify_style_update()
        if self.is_mounted:
            self._text = self.styled_text()

    def on_resize(self, event: events.Resize) -> None:
        """Re-wrap to the new width and keep the evidence in view."""
        width = self.scrollable_content_region.width
        if width != self._width:
            self._width = width
            self._lines = wrap_offsets(self._plain, width)
            self.virtual_size = Size(width, len(self._lines))
            self.scroll_to_evidence()

    def render_line(self, y: int) -> Strip:
        """One wrapped line of the article."""
        width = self._width or self.size.width
        line = round(self.scroll_y) + y
        if line >= len(self._lines):
            return Strip.blank(width, self.rich_style)
        start, end = self._lines[line]
        text = self._text[start:end]
        text.rstrip()
        text.truncate(width, pad=True)
        return Strip(text.render(self.app.console), width).apply_style(self.rich_style)
