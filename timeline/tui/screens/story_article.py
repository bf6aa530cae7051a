"""The article screen for a story: its sources one after another, each one's sentence
highlighted."""

from __future__ import annotations

from collections.abc import Callable

from rich.style import Style
from rich.text import Text
from textual.widgets import Static

from timeline.model import Event
from timeline.tui.keymap import ARTICLE_KEYS, SOURCE_KEYS, KeySpec, bindings
from timeline.tui.screens.article import ArticleScreen
from timeline.tui.state.annotations import Annotations
from timeline.tui.state.browse import Opened
from timeline.tui.widgets.article_body import ArticleBody

__all__ = ["Opened", "StorySourcesScreen"]


class StorySourcesScreen(ArticleScreen):
    """An article screen that steps through a story's sources with ``>`` and ``<``.

    ``sources`` are the articles of the story's tellings, the row's own first;
    ``n``/``p`` still walk the events of the article shown, and the sources become
    those of the story of the event they highlight (``sources_of`` tells them: the
    sources and which is the event's).
    """

    DEFAULT_CSS = """
    StorySourcesScreen #article-head { max-height: 5; }
    """

    KEYS: tuple[KeySpec, ...] = (*ARTICLE_KEYS, *SOURCE_KEYS)
    BINDINGS = bindings(SOURCE_KEYS)

    def __init__(
        self,
        sources: list[Opened],
        at: int = 0,
        follow: Callable[[Event], None] | None = None,
        *,
        annotations: Annotations | None = None,
        star: Callable[[Event], None] | None = None,
        note: Callable[[Event], None] | None = None,
        sources_of: Callable[[Event], tuple[list[Opened], int]] | None = None,
    ) -> None:
        self.sources = sources
        self.sources_of = sources_of
        #: Which source is shown.
        self.at = max(0, min(at, len(sources) - 1))
        super().__init__(
            *sources[self.at], follow=follow, annotations=annotations, star=star, note=note
        )

    def _head(self) -> Text:
        text = super()._head()
        if len(self.sources) < 2:
            return text
        text.append("\n")
        text.append(f"source {self.at + 1} of {len(self.sources)} of this story", Style(bold=True))
        text.append(" · > next source · < previous", Style(dim=True))
        return text

    def event_read(self, event: Event) -> None:
        """The sources become those of ``event``'s story (only its article: one source)."""
        sources, at = self.sources_of(event) if self.sources_of is not None else ([], 0)
        if not sources:
            sources, at = [(self.article, self.events, self.current)], 0
        self.sources, self.at = sources, at

    async def _show_source(self, step: int) -> None:
        """Show the source ``step`` away (wrapping round), its telling highlighted."""
        if len(self.sources) < 2:
            return
        self.at = (self.at + step) % len(self.sources)
        self.article, self.events, self.current = self.sources[self.at]
        await self.body.remove()
        body = ArticleBody(self.article, self.events, self.current, id="article-body")
        await self.mount(body, after=self.query_one("#article-head"))
        self.query_one("#article-head", Static).update(self._head())
        body.focus()
        if self.follow is not None and self.events:
            self.follow(self.events[self.current])

    async def action_next_source(self) -> None:
        """The story's next source."""
        await self._show_source(1)

    async def action_previous_source(self) -> None:
        """The story's previous source."""
        await self._show_source(-1)
