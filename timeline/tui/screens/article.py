"""The article screen: the whole text with the evidence sentence highlighted.

``n``/``p`` walk the article's events, ``s`` and ``a`` star and note the one
being read (through the main screen, which saves off the app's thread), ``/``
finds words in the text (every find highlighted, ``n``/``N`` going from one
to the next, wrapping round), ``g``/``G``, Space/``b`` move as in ``less``,
and ``?`` lists these keys.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Input, Static

from timeline.model import Article, Event, format_date
from timeline.tui.keymap import ARTICLE_KEYS, KeySpec, bindings
from timeline.tui.render import NOTE_MARK, STAR_MARK, one_line, type_label
from timeline.tui.state.annotations import Annotations
from timeline.tui.state.text_search import find_spans
from timeline.tui.widgets.article_body import ArticleBody
from timeline.tui.widgets.find_bar import FindBar
from timeline.tui.widgets.key_footer import KeyFooter

__all__ = ["ArticleScreen"]


class ArticleScreen(Screen[None]):
    """An article, its evidence sentence highlighted; n/p walk its events."""

    DEFAULT_CSS = """
    ArticleScreen #article-head {
        height: auto; max-height: 4; padding: 0 2;
        background: $panel; border-bottom: hkey $foreground 25%;
    }
    """

    #: Every key the screen binds, as ``?`` lists them.
    KEYS: tuple[KeySpec, ...] = ARTICLE_KEYS
    BINDINGS = bindings(ARTICLE_KEYS)

    def __init__(
        self,
        article: Article,
        events: list[Event],
        current: int,
        follow: Callable[[Event], None] | None = None,
        *,
        annotations: Annotations | None = None,
        star: Callable[[Event], None] | None = None,
        note: Callable[[Event], None] | None = None,
    ) -> None:
        super().__init__()
        self.article = article
        self.events = events
        self.current = current
        self.follow = follow
        #: Whose stars and notes the head shows; ``star``/``note`` change them.
        self.annotations = annotations
        self.star = star
        self.note = note
        #: What ``/`` typed, and where in the text it is found.
        self.typed = ""
        self.finds: list[tuple[int, int]] = []
        self.find_at = -1

    def compose(self) -> ComposeResult:
        yield Static(self._head(), id="article-head")
        yield ArticleBody(self.article, self.events, self.current, id="article-body")
        yield FindBar(placeholder="Search the article (Enter keeps, Esc clears)", id="find")
        yield KeyFooter()

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
            annotations = self.annotations
            if annotations is not None and annotations.is_starred(event.id):
                text.append(f" {STAR_MARK} starred", Style(bold=True))
            if annotations is not None and annotations.noted(event.id):
                text.append(f" {NOTE_MARK} noted", Style(bold=True))
        return text

    def annotations_changed(self) -> None:
        """A star or note changed: say so in the head."""
        self.query_one("#article-head", Static).update(self._head())

    @property
    def event(self) -> Event | None:
        """The event being read."""
        return self.events[self.current] if 0 <= self.current < len(self.events) else None

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
        self.event_read(self.events[self.current])
        self.query_one("#article-head", Static).update(self._head())
        if self.follow is not None:
            self.follow(self.events[self.current])

    def event_read(self, event: Event) -> None:
        """``n``/``p`` highlighted ``event`` (before the head is drawn again)."""

    def action_next_event(self) -> None:
        """The next find while searching, else the article's next event (both wrap round)."""
        if self.finds:
            self._step_find(1)
        else:
            self._go(1)

    def action_previous_event(self) -> None:
        """Highlight the article's previous event (wraps round)."""
        self._go(-1)

    def action_previous_match(self) -> None:
        """The previous find (wraps round)."""
        if self.finds:
            self._step_find(-1)

    def action_scroll_down(self) -> None:
        """Scroll the text down a line."""
        self.body.scroll_relative(y=1, animate=False)

    def action_scroll_up(self) -> None:
        """Scroll the text up a line."""
        self.body.scroll_relative(y=-1, animate=False)

    def action_page_down(self) -> None:
        """A screenful down."""
        self.body.page(1)

    def action_page_up(self) -> None:
        """A screenful up."""
        self.body.page(-1)

    def action_top(self) -> None:
        """The top of the article."""
        self.body.scroll_home(animate=False)

    def action_bottom(self) -> None:
        """The end of the article."""
        self.body.scroll_end(animate=False)

    def action_toggle_star(self) -> None:
        """Star or unstar the event being read."""
        if self.star is not None and self.event is not None:
            self.star(self.event)

    def action_edit_note(self) -> None:
        """Write a note on the event being read."""
        if self.note is not None and self.event is not None:
            self.note(self.event)

    def action_help(self) -> None:
        """This screen's keys."""
        from timeline.tui.dialogs.help import HelpScreen

        self.app.push_screen(HelpScreen(self.KEYS, title="Keys: the article screen"))

    # -- searching the text ------------------------------------------------------------

    def action_search(self) -> None:
        """Open the search field."""
        self.query_one(FindBar).open()

    @on(Input.Changed, "#find")
    def _typed(self, message: Input.Changed) -> None:
        self.find(message.value)

    def find(self, typed: str) -> None:
        """Highlight every find of ``typed`` and bring the first at or after the view in."""
        self.typed = typed.strip()
        body = self.body
        self.finds = find_spans(body.plain, self.typed) if self.typed else []
        self.find_at = -1
        if self.finds:
            top = body.lines[round(body.scroll_y)][0] if body.lines else 0
            self.find_at = next((n for n, (s, _e) in enumerate(self.finds) if s >= top), 0)
        body.show_matches(self.finds, self.find_at)
        self._count()

    def _count(self) -> None:
        bar = self.query_one(FindBar)
        if not self.typed:
            bar.show_count("")
        elif not self.finds:
            bar.show_count("no match")
        else:
            bar.show_count(f"{self.find_at + 1} of {len(self.finds)}")

    def _step_find(self, step: int) -> None:
        wrapped = not 0 <= self.find_at + step < len(self.finds)
        self.find_at = (self.find_at + step) % len(self.finds)
        if wrapped and len(self.finds) > 1:
            end = "first" if step > 0 else "last"
            self.notify(f"search wrapped to the {end} match", timeout=3)
        self.body.show_matches(self.finds, self.find_at)
        self._count()

    @on(Input.Submitted, "#find")
    def _find_done(self, message: Input.Submitted) -> None:
        bar = self.query_one(FindBar)
        bar.close()
        self.body.focus()
        if isinstance(message, FindBar.Closed):
            bar.value = ""
            self.find("")

    def action_back(self) -> None:
        """Esc clears a search in the article; else back to the timeline, where it was."""
        if self.finds or self.typed:
            self.query_one(FindBar).value = ""
            self.find("")
            return
        self.dismiss(None)
