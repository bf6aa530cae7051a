"""The main screen's actions for stories, key events, sources and the tiers view.

A mixin of :class:`~timeline.tui.screens.main.MainScreen`, kept apart so the
screen stays small: ``S`` switches between one row per story and every
event, ``K`` shows only the key events (the top stories of each year by
distinct sources) and ``+``/``-`` change how many, Enter on a story row opens
its sources one after another (:class:`StorySourcesScreen`), ``T`` opens the
TIP tiers. What the rows are is decided by the Textual-free
:class:`~timeline.tui.state.stories.StoryIndex`; the keys live in
:data:`~timeline.tui.keymap.STORY_KEYS`.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from textual import work

from timeline.model import Event
from timeline.tui.screens.article import ArticleScreen
from timeline.tui.screens.story_article import StorySourcesScreen
from timeline.tui.screens.tiers import TiersScreen
from timeline.tui.state.stories import KEY_DEFAULT, Learnt, ViewMode

if TYPE_CHECKING:
    from timeline.filters import Filter
    from timeline.tui.screens.panes import MainPanes
    from timeline.tui.state.browse import Browse
    from timeline.tui.state.index import EventIndex
    from timeline.tui.state.search import Search

__all__ = ["KEY_MOST", "StoryActions"]

#: The most key events a year ``+`` goes to.
KEY_MOST = 50


class StoryActions:
    """Stories, key events and tiers on the main screen (a mixin: see the module)."""

    if TYPE_CHECKING:
        browse: Browse
        index: EventIndex
        panes: MainPanes
        filters: Filter
        search: Search

        def apply_filters(self, filters: Filter, *, top: bool = ..., current: ...) -> None: ...
        def notify(self, message: str, **kwargs: object) -> None: ...
        def select_event(self, event: Event) -> None: ...
        def open_article(self, event: Event | None = ..., file: str | None = ...) -> None: ...
        def article_hooks(self) -> dict[str, Any]: ...

    #: How many key events a year ``K`` shows (``+`` and ``-`` change it).
    key_per_year: int = KEY_DEFAULT

    def set_mode(self, mode: ViewMode) -> None:
        """Show the rows of ``mode`` (the cursor stays on its story or the nearest one)."""
        self.browse.mode = mode
        self.search_by_story()
        self.apply_filters(self.filters)

    def search_by_story(self) -> None:
        """With one row per story, a story matches a search when any of its tellings
        does ("Kuala Lumpur" finds the convention's row, whichever telling it shows)."""
        stories = self.browse.stories
        self.search.set_members(stories.members if self.browse.mode.by_story else None)

    def action_toggle_stories(self) -> None:
        """One row per story, or one per event."""
        mode = self.browse.mode
        self.set_mode(replace(mode, by_story=not mode.by_story))

    def action_key_events(self) -> None:
        """Only the key events (the top stories of each year), or everything again."""
        mode = self.browse.mode
        self.set_mode(replace(mode, key=None if mode.key is not None else self.key_per_year))

    def _key_step(self, step: int) -> None:
        self.key_per_year = max(1, min(KEY_MOST, self.key_per_year + step))
        self.set_mode(replace(self.browse.mode, key=self.key_per_year))

    def action_more_key_events(self) -> None:
        """One more key event a year (showing the key events)."""
        self._key_step(1)

    def action_fewer_key_events(self) -> None:
        """One key event fewer a year (showing the key events)."""
        self._key_step(-1)

    def retold(self) -> None:
        """The events' stories were told (loading has ended): learn them in a worker
        thread, the rows staying as they are meanwhile, then show them."""
        self._learn_stories()

    @work(thread=True, exclusive=True, group="stories")
    def _learn_stories(self) -> None:
        stories = self.browse.stories
        learnt = stories.learn(stories.epoch + 1)
        with suppress(RuntimeError):  # the app has closed meanwhile
            self.app.call_from_thread(self.stories_learnt, learnt)  # type: ignore[attr-defined]

    def stories_learnt(self, learnt: Learnt) -> None:
        """Show the stories a worker learnt (unless events arrived meanwhile: then they
        are learnt again when next shown)."""
        if not self.browse.retold(learnt):
            self.browse.retold()
        self.search_by_story()
        self.apply_filters(self.filters)

    # -- a story's sources ------------------------------------------------------------------

    def open_story(self, event: Event) -> bool:
        """Open the sources of ``event``'s story row, the first shown; False when the row
        is not a story of several sources (then its article is opened as usual)."""
        opened, at = self.browse.story_sources(event)
        if len(opened) < 2:
            return False
        screen = StorySourcesScreen(
            opened,
            at,
            follow=self.select_event,
            sources_of=self.browse.story_sources,
            **self.article_hooks(),
        )
        self.app.push_screen(screen)  # type: ignore[attr-defined]
        return True

    # -- tiers --------------------------------------------------------------------------------

    def action_tiers(self) -> None:
        """Show each country's TIP tier by report year."""
        country = next(iter(self.filters.countries), None) if self.filters.countries else None
        self.app.push_screen(  # type: ignore[attr-defined]
            TiersScreen(self.index, country, open_event=self.open_event_article)
        )

    def open_event_article(self, event: Event) -> None:
        """Open the article of ``event`` itself (not its story's), its sentence highlighted."""
        found = self.browse.article_of(event)
        if found is None:
            self.notify("That article is not loaded.", severity="error")
            return
        self.app.push_screen(  # type: ignore[attr-defined]
            ArticleScreen(*found, **self.article_hooks())
        )
