"""The search field under the timeline, and the worker that finds every match of it.

Each change of the text is handed straight to the screen (which shows the
first match near the cursor at once); the screen then asks the bar to
:meth:`~SearchBar.find` every match, which a worker thread does through the
Textual-free :class:`~timeline.tui.state.search.Search`, posting
:class:`SearchBar.Found` when done.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Self

from textual import work
from textual.binding import Binding
from textual.css.scalar import Unit
from textual.geometry import Region
from textual.message import Message
from textual.widgets import Input
from textual.worker import get_current_worker

from timeline.tui.state.search import Search

__all__ = ["SearchBar"]


class SearchBar(Input):
    """The search field: typing searches, Enter keeps the search, Esc clears it."""

    DEFAULT_CSS = """
    SearchBar { dock: bottom; display: none; border: tall $accent; height: 3; }
    SearchBar.-open { display: block; }
    """

    BINDINGS = [Binding("escape", "close", "Clear search", show=False)]

    class Found(Message):
        """Every match of ``query`` is known: ``found``, sorted event indexes."""

        def __init__(self, query: str, found: list[int]) -> None:
            super().__init__()
            self.query = query
            self.found = found

    def __init__(self, search: Search, *, typed: Callable[[str], None], **kwargs) -> None:
        super().__init__(**kwargs)
        self.search = search
        self.typed = typed

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

    def find(self, query: str) -> None:
        """Find every match of ``query`` in a worker, unless the query has changed since."""
        if query == self.search.query:
            self._find(query)

    def stop(self) -> None:
        """Stop looking (the search was cleared)."""
        self.workers.cancel_group(self, "search")

    @work(thread=True, exclusive=True, group="search")
    def _find(self, query: str) -> None:
        worker = get_current_worker()

        def warn(message: str) -> None:
            self.app.call_from_thread(self.notify, message, severity="warning", markup=False)

        found = self.search.run(query, cancelled=lambda: worker.is_cancelled, warn=warn)
        if not worker.is_cancelled:
            self.post_message(self.Found(query, found))

    def watch_value(self, value: str) -> None:
        """Hand each change straight to the screen (a Changed message costs a hop)."""
        self.typed(value)

    class Closed(Input.Submitted):
        """Esc in the search field."""

    def action_close(self) -> None:
        """Esc: tell the screen to clear the search."""
        self.post_message(self.Closed(self, self.value))

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
