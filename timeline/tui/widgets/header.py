"""The header pane: corpus name, what is shown of it, filters, search, loading progress."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.cache import LRUCache
from textual.containers import Horizontal
from textual.strip import Strip
from textual.widgets import ProgressBar

from timeline.tui.render import one_line
from timeline.tui.state.browse import HeaderFigures
from timeline.tui.widgets.direct_lines import DirectLines

__all__ = ["AppHeader", "HeaderLine"]


class HeaderLine(DirectLines):
    """Corpus name, events and articles shown of the total, filters, search.

    Articles are counted among those with events; how many have none is said
    apart: ``5 articles with events (15 without)``.

    One line that redraws without a layout pass, from a small cache of drawn
    lines that the screen can fill ahead of time (:meth:`prepare`).
    """

    DEFAULT_CSS = """
    HeaderLine { width: 1fr; height: 1; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._figures: HeaderFigures = ("", 0, 0, 0, 0, "", "", 0)
        self._cache: LRUCache[tuple, Strip] = LRUCache(32)
        self._theme = ""

    @property
    def text(self) -> str:
        """What the line says, as plain text."""
        return _header_text(self._figures).plain

    def show(
        self,
        name: str,
        shown: int,
        total: int,
        articles_shown: int,
        articles_total: int,
        filters: str,
        search: str,
        articles_without: int = 0,
    ) -> None:
        """Refresh the line with the given figures (all plain text); ``articles_total``
        counts the articles with events, ``articles_without`` the others."""
        figures = (name, shown, total, articles_shown, articles_total, filters, search,
                   articles_without)  # fmt: skip
        if figures != self._figures:
            self._figures = figures
            self.refresh()

    def prepare(self, figures: HeaderFigures) -> None:
        """Draw ahead of time the line that :meth:`show` with ``figures`` would show."""
        if self.size.width:
            self.finish_ahead([self._line(figures)])

    def notify_style_update(self) -> None:
        """CSS changed: draw the line again."""
        super().notify_style_update()
        self._cache.clear()

    def render_line(self, y: int) -> Strip:
        """The line, cut with an ellipsis to the width."""
        if self.app.theme != self._theme:
            self._theme = self.app.theme
            self._cache.clear()
        if y:
            return Strip.blank(self.line_size.width, self.rich_style)
        return self._line(self._figures)

    def _line(self, figures: HeaderFigures) -> Strip:
        width = self.line_size.width
        key = (figures, width)
        strip = self._cache.get(key)
        if strip is None:
            text = _header_text(figures)
            text.truncate(width, overflow="ellipsis", pad=True)
            strip = Strip(text.render(self.app.console), width).apply_style(self.rich_style)
            strip = self._cache[key] = strip.simplify()
        return strip


def _header_text(figures: HeaderFigures) -> Text:
    name, shown, total, articles_shown, articles_total, filters, search, without = figures
    text = Text(no_wrap=True, overflow="ellipsis", end="")
    text.append(" ")
    text.append(one_line(name) or "corpus", "bold")
    text.append("  ")
    articles = f"{articles_shown:,}"
    if articles_shown != articles_total:
        articles += f"/{articles_total:,}"
    noun = "article" if articles_shown == 1 and articles_total <= 1 else "articles"
    text.append(f"{shown:,}/{total:,} events · {articles} {noun} with events")
    if without:
        text.append(f" ({without:,} without)")
    if filters:
        text.append("  │  ")
        text.append(filters, "bold")
    if search:
        text.append("  │  ")
        text.append(search, "italic")
    return text


class AppHeader(Horizontal):
    """The top line, with a progress bar while events are still arriving."""

    DEFAULT_CSS = """
    AppHeader {
        height: 1;
        background: $panel;
        color: $foreground;
    }
    AppHeader ProgressBar { width: 36; display: none; }
    AppHeader.-loading ProgressBar { display: block; }
    AppHeader ProgressBar Bar { width: 20; }
    """

    def compose(self) -> ComposeResult:
        yield HeaderLine(id="header-line")
        yield ProgressBar(total=None, show_eta=False, id="progress")

    def set_progress(self, done: int, total: int | None) -> None:
        """Show progress; the bar hides itself once ``done`` reaches ``total``."""
        bar = self.query_one(ProgressBar)
        finished = total is not None and done >= total
        self.set_class(not finished, "-loading")
        bar.update(total=total, progress=done)
