"""The small panes around the timeline: the header line and the event detail."""

from __future__ import annotations

from collections.abc import Callable

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.cache import LRUCache
from textual.containers import Horizontal
from textual.strip import Strip
from textual.widgets import ProgressBar

from timeline.model import Article, Event
from timeline.tui.direct_lines import DirectLines
from timeline.tui.render import detail_text, one_line

__all__ = ["AppHeader", "EventDetail", "HeaderFigures", "HeaderLine"]

_MARGIN = 1  # blank cells either side of the detail text


#: What the header line says: corpus name, events shown and in all, articles
#: shown and in all, the filters and the search (both plain text, may be empty).
HeaderFigures = tuple[str, int, int, int, int, str, str]


class HeaderLine(DirectLines):
    """Corpus name, events and articles shown of the total, filters, search.

    One line that redraws without a layout pass, from a small cache of drawn
    lines that the screen can fill ahead of time (:meth:`prepare`).
    """

    DEFAULT_CSS = """
    HeaderLine { width: 1fr; height: 1; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._figures: HeaderFigures = ("", 0, 0, 0, 0, "", "")
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
    ) -> None:
        """Refresh the line with the given figures (all plain text)."""
        figures = (name, shown, total, articles_shown, articles_total, filters, search)
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
    name, shown, total, articles_shown, articles_total, filters, search = figures
    text = Text(no_wrap=True, overflow="ellipsis", end="")
    text.append(" ")
    text.append(one_line(name) or "corpus", "bold")
    text.append("  ")
    text.append(f"{shown:,}/{total:,} events · {articles_shown:,}/{articles_total:,} articles")
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


class EventDetail(DirectLines):
    """The selected event: evidence sentence, article, type and countries.

    A fixed-height pane drawn line by line from a small cache of wrapped
    texts, without a layout pass, so moving the cursor costs one frame. The
    screen asks it to :meth:`prepare` the neighbours of the selection while
    the user reads. Text that does not fit is cut (the article screen shows
    it all). The rule above the text and the margin either side are drawn
    here rather than by CSS, so that cached lines go to the screen as they are
    (see :mod:`timeline.tui.direct_lines`).
    """

    DEFAULT_CSS = """
    EventDetail {
        height: 8;
        background: $surface;
    }
    EventDetail > .detail--rule { color: $foreground 25%; }
    EventDetail > .detail--label { text-style: bold; }
    EventDetail > .detail--date { text-style: bold underline; color: $text-warning; }
    EventDetail > .detail--dim { color: $foreground 65%; }
    EventDetail > .detail--star { color: $text-warning; }
    """

    COMPONENT_CLASSES = {
        "detail--label",
        "detail--date",
        "detail--dim",
        "detail--star",
        "detail--rule",
    }

    def __init__(self, *, extra: Callable[[Event], Text | None] | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.extra = extra
        self.event: Event | None = None
        self._key: tuple = ()
        self._source: tuple[Event | None, Article | None, int] = (None, None, 0)
        self._cache: LRUCache[tuple, list[Strip]] = LRUCache(64)
        self._base_style: Style | None = None
        self._theme = ""

    def show(self, event: Event | None, article: Article | None, others: int) -> None:
        """Show one event, or an empty note when ``event`` is None."""
        self.event = event
        self._source = (event, article, others)
        self.refresh()

    def text_for(self, event: Event | None, article: Article | None, others: int) -> Text:
        """The pane's text for one event."""
        if event is None:
            return Text("No event selected.", style="italic")
        style = self.get_component_rich_style
        return detail_text(
            event,
            article,
            others,
            label_style=style("detail--label", partial=True),
            date_style=style("detail--date", partial=True),
            dim_style=style("detail--dim", partial=True),
            extra=self.extra,
            star_style=style("detail--star", partial=True),
        )

    def _strips(self, event: Event | None, article: Article | None, others: int) -> list[Strip]:
        """The pane's lines for one event: a rule, then the text with a margin either side."""
        size = self.line_size
        width = size.width
        key = (id(event), event.id if event else None, width, others)
        strips = self._cache.get(key)
        if strips is None:
            text = self.text_for(event, article, others)
            console = self.app.console
            inner = max(1, width - 2 * _MARGIN)
            options = console.options.update_width(inner)
            lines = console.render_lines(text, options, pad=True, new_lines=False)
            base = self._base()
            edge = Segment(" " * _MARGIN, base)
            rule = Strip([Segment("▔" * width, base + self.border_style("detail--rule"))], width)
            strips = [rule] + [
                Strip([edge, *line, edge], width).apply_style(base).simplify()
                for line in lines[: max(0, size.height - 1)]
            ]
            self._cache[key] = strips
        return strips

    def refresh_event(self) -> None:
        """The shown event changed (a star, a note): wrap its text again."""
        self._cache.clear()
        self.refresh()

    def prepare(self, neighbours: list[tuple[Event, Article | None, int]]) -> None:
        """Wrap the texts of events likely to be shown next."""
        if self.size.width:
            for event, article, others in neighbours:
                self.finish_ahead(self._strips(event, article, others))

    def notify_style_update(self) -> None:
        """CSS changed: forget wrapped texts."""
        super().notify_style_update()
        self._forget_styles()

    def _forget_styles(self) -> None:
        self._cache.clear()
        self._base_style = None

    def render_line(self, y: int) -> Strip:
        """One line of the pane."""
        if self.app.theme != self._theme:
            self._theme = self.app.theme
            self._forget_styles()
        strips = self._strips(*self._source)
        if y < len(strips):
            return strips[y]
        return Strip.blank(self.line_size.width, self._base())

    def _base(self) -> Style:
        """The widget's own style (kept: computing it walks the DOM)."""
        if self._base_style is None:
            self._base_style = self.rich_style
        return self._base_style
