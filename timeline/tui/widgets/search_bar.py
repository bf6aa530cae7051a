"""The search field under the timeline, and the worker that finds every match of it.

Each change of the text is handed straight to the screen (which shows the
first match near the cursor at once); the screen then asks the bar to
:meth:`~SearchBar.find` every match, which a worker thread does through the
Textual-free :class:`~timeline.tui.state.search.Search`, posting
:class:`SearchBar.Found` when done. Tab (or ctrl+a) toggles searching the
articles' text too, shown in the bar as ``[ ] in articles`` / ``[x] in
articles``; the bar's title says how many events match, or ``no match``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Self

from textual import work
from textual.binding import Binding
from textual.content import Content
from textual.css.scalar import Unit
from textual.geometry import Region
from textual.message import Message
from textual.worker import get_current_worker

from timeline.tui.state.search import Search
from timeline.tui.widgets.find_bar import FindBar

__all__ = ["SearchBar"]


#: How the bar shows the in-articles toggle.
IN_ARTICLES = ("[ ] in articles", "[x] in articles")


class SearchBar(FindBar):
    """The search field: typing searches, Enter keeps the search, Esc clears it (its look,
    Esc and :class:`Closed` are :class:`~timeline.tui.widgets.find_bar.FindBar`'s)."""

    BINDINGS = [Binding("tab,ctrl+a", "toggle_in_article", "In articles", show=False)]

    class Found(Message):
        """Every match of ``query`` (``in_article``: in articles too) is known: ``found``,
        sorted event indexes."""

        def __init__(self, query: str, found: list[int], in_article: bool = False) -> None:
            super().__init__()
            self.query = query
            self.found = found
            self.in_article = in_article

    class Toggled(Message):
        """The in-articles toggle changed (to ``in_article``)."""

        def __init__(self, in_article: bool) -> None:
            super().__init__()
            self.in_article = in_article

    def __init__(self, search: Search, *, typed: Callable[[str], None], **kwargs) -> None:
        super().__init__(**kwargs)
        self.search = search
        self.typed = typed
        self._count = ""
        self.show_status("")

    @property
    def status(self) -> str:
        """What the bar's title says: the match count and the toggle, as plain text."""
        count = f"{self._count} · " if self._count else ""
        return f"{count}{IN_ARTICLES[self.search.in_article]} (Tab)"

    def action_toggle_in_article(self) -> None:
        """Search the articles' text too, or only the evidence sentences."""
        self.post_message(self.Toggled(not self.search.in_article))

    def show_status(self, count: str) -> None:
        """The bar's title: the match count (``no match`` marks the bar), and the toggle."""
        self._count = count
        self.set_class(count == "no match", "-no-match")
        self.border_title = Content(self.status)  # plain: "[x]" is no markup

    def open(self) -> None:
        """Show the field and give it focus; when it has focus already, type ``/``.

        ``/`` is a priority key and focus moves at once (``Widget.focus`` waits
        for the message queue, ``Screen.set_focus`` does not), so a query
        typed straight after ``/`` goes to the field rather than to the keys.
        """
        if self.screen.focused is self:
            self.insert_text_at_cursor("/")
            return
        self.add_class("-open")
        self.screen.set_focus(self)

    def find(self, query: str, in_article: bool = False) -> None:
        """Find every match of ``query`` in a worker, unless the search has changed since."""
        if (query, in_article) == self.search.key:
            self._find(query, in_article)

    def stop(self) -> None:
        """Stop looking (the search was cleared)."""
        self.workers.cancel_group(self, "search")

    @work(thread=True, exclusive=True, group="search")
    def _find(self, query: str, in_article: bool) -> None:
        worker = get_current_worker()

        def warn(message: str) -> None:
            self.app.call_from_thread(self.notify, message, severity="warning", markup=False)

        cancelled = lambda: worker.is_cancelled  # noqa: E731
        found = self.search.run(query, cancelled, warn, in_article)
        if not worker.is_cancelled:
            self.post_message(self.Found(query, found, in_article))

    def watch_value(self, value: str) -> None:
        """Hand each change straight to the screen (a Changed message costs a hop)."""
        self.typed(value)

    def refresh(
        self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False
    ) -> Self:
        """Repaint without laying the screen out again when only the text changed.

        ``Input`` asks for a layout on every key (its virtual size follows the
        text), which re-arranges the whole screen; the bar's own size never
        depends on its text (docked, full width, fixed height), so a repaint
        is all a typed letter needs.
        """
        if layout and self.styles.width.unit is not Unit.AUTO:
            layout = False
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)
