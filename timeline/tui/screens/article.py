"""The article screen: the whole text with the evidence sentence highlighted."""

from __future__ import annotations

from collections.abc import Callable

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Static

from timeline.model import Article, Event, format_date
from timeline.tui.keymap import ARTICLE_KEYS, bindings
from timeline.tui.render import one_line, type_label
from timeline.tui.widgets.article_body import ArticleBody

__all__ = ["ArticleScreen"]


class ArticleScreen(Screen[None]):
    """An article, its evidence sentence highlighted; n/p walk its events."""

    DEFAULT_CSS = """
    ArticleScreen #article-head {
        height: auto; max-height: 4; padding: 0 2;
        background: $panel; border-bottom: hkey $foreground 25%;
    }
    """

    BINDINGS = bindings(ARTICLE_KEYS)

    def __init__(
        self,
        article: Article,
        events: list[Event],
        current: int,
        follow: Callable[[Event], None] | None = None,
    ) -> None:
        super().__init__()
        self.article = article
        self.events = events
        self.current = current
        self.follow = follow

    def compose(self) -> ComposeResult:
        yield Static(self._head(), id="article-head")
        yield ArticleBody(self.article, self.events, self.current, id="article-body")
        yield Footer()

    def _head(self) -> Text:
        article = self.article
        # One line each (title, date and outlet, address, event): cut, never wrapped.
        text = Text(end="", no_wrap=True, overflow="ellipsis")
        text.append(one_line(article.title) or "(untitled)", Style(bold=True))
        text.append("\n")
        date = article.date_value
        if date is not None:
            text.append(
                f"{date.display()} ({date.precision}{', approximate' if date.approximate else ''})"
            )
        else:
            text.append("undated")
        if article.source:
            text.append(" · ")
            text.append(one_line(article.source))
        text.append(" · ")
        text.append(one_line(article.file), Style(dim=True))
        if article.url:
            text.append("\n")
            text.append(one_line(article.url), Style(dim=True))
        if self.events and 0 <= self.current < len(self.events):
            event = self.events[self.current]
            text.append("\n")
            text.append(f"event {self.current + 1} of {len(self.events)}: ")
            text.append(format_date(event.date, event.approximate), Style(bold=True))
            text.append(" ")
            text.append_text(type_label(event.type))
        return text

    @property
    def body(self) -> ArticleBody:
        """The text widget."""
        return self.query_one(ArticleBody)

    def on_mount(self) -> None:
        """Focus the text for scrolling keys."""
        self.body.focus()

    def _go(self, delta: int) -> None:
        if not self.events:
            return
        self.current = (self.current + delta) % len(self.events)
        self.body.show_event(self.current)
        self.query_one("#article-head", Static).update(self._head())
        if self.follow is not None:
            self.follow(self.events[self.current])

    def action_next_event(self) -> None:
        """Highlight the article's next event (wraps round)."""
        self._go(1)

    def action_previous_event(self) -> None:
        """Highlight the article's previous event (wraps round)."""
        self._go(-1)

    def action_scroll_down(self) -> None:
        """Scroll the text down a line."""
        self.body.scroll_relative(y=1, animate=False)

    def action_scroll_up(self) -> None:
        """Scroll the text up a line."""
        self.body.scroll_relative(y=-1, animate=False)

    def action_back(self) -> None:
        """Back to the timeline, where it was."""
        self.dismiss(None)
