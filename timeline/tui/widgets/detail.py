"""The detail pane: the selected event's sentence, article, type and countries."""

from __future__ import annotations

from collections.abc import Callable

from rich.segment import Segment
from rich.text import Text
from textual.cache import LRUCache
from textual.strip import Strip

from timeline.model import Article, Event
from timeline.tui.render import detail_text, wrapped_without_dangling
from timeline.tui.render_sources import sources_text
from timeline.tui.state.annotations import Annotations
from timeline.tui.state.browse import Detail
from timeline.tui.state.stories import Sources
from timeline.tui.widgets.direct_lines import StyledLines

__all__ = ["EventDetail"]

_MARGIN = 1  # blank cells either side of the detail text


class EventDetail(StyledLines):
    """The selected event: evidence sentence, article, type and countries.

    A fixed-height pane drawn line by line from a small cache of wrapped
    texts, without a layout pass, so moving the cursor costs one frame. Stars
    and notes come from ``annotations``; texts are cached under its
    generation, so after a change a :meth:`refresh` draws the new one. The
    screen asks it to :meth:`prepare` the neighbours of the selection while
    the user reads. Text that does not fit is cut (the article screen shows
    it all). The rule above the text and the margin either side are drawn
    here rather than by CSS, so that cached lines go to the screen as they are
    (see :mod:`timeline.tui.widgets.direct_lines`).
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

    def __init__(
        self,
        annotations: Annotations | None = None,
        *,
        appendix: Callable[[Event], Text | None] | None = None,
        **kwargs,
    ) -> None:
        super().__init__(**kwargs)
        #: Stars and notes (None: nothing is starred or noted).
        self.annotations = annotations
        #: Optional more text after an event's (a callable, event -> Text or None).
        self.appendix = appendix
        self.event: Event | None = None
        self._source: tuple[Event | None, Article | None, int, Sources | None] = (
            None,
            None,
            0,
            None,
        )
        self._cache: LRUCache[tuple, list[Strip]] = LRUCache(64)

    def show(
        self,
        event: Event | None,
        article: Article | None,
        others: int,
        sources: Sources | None = None,
    ) -> None:
        """Show one event, or an empty note when ``event`` is None; ``sources``: the
        sources of its story and the group it is shown through, when it has them."""
        self.event = event
        self._source = (event, article, others, sources)
        self.refresh()

    def text_for(
        self,
        event: Event | None,
        article: Article | None,
        others: int,
        sources: Sources | None = None,
    ) -> Text:
        """The pane's text for one event (a story of several sources: its sources)."""
        if event is None:
            return Text("No event selected.", style="italic")
        style = self.get_component_rich_style
        if sources is not None and len(sources.tellings) > 1:
            return sources_text(
                sources,
                max(1, self.line_size.height - 1),
                label_style=style("detail--label", partial=True),
                dim_style=style("detail--dim", partial=True),
                star_style=style("detail--star", partial=True),
                info=self.annotations.info if self.annotations is not None else None,
            )
        info = self.annotations.info(event.id) if self.annotations is not None else None
        return detail_text(
            event,
            article,
            others,
            label_style=style("detail--label", partial=True),
            date_style=style("detail--date", partial=True),
            dim_style=style("detail--dim", partial=True),
            appendix=self.appendix,
            starred=info is not None and info.starred,
            note=info.note if info is not None else None,
            star_style=style("detail--star", partial=True),
            via=sources.via if sources is not None else None,
        )

    def _strips(
        self,
        event: Event | None,
        article: Article | None,
        others: int,
        sources: Sources | None = None,
    ) -> list[Strip]:
        """The pane's lines for one event: a rule, then the text with a margin either side."""
        size = self.line_size
        width = size.width
        generation = self.annotations.generation if self.annotations is not None else 0
        key = (id(event), event.id if event else None, width, others, generation, sources)
        if sources is not None:
            key += (size.height,)
        strips = self._cache.get(key)
        if strips is None:
            text = self.text_for(event, article, others, sources)
            console = self.app.console
            inner = max(1, width - 2 * _MARGIN)
            options = console.options.update_width(inner)
            text = wrapped_without_dangling(text, console, inner)
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

    def prepare(self, neighbours: list[Detail]) -> None:
        """Wrap the texts of events likely to be shown next."""
        if self.size.width:
            for detail in neighbours:
                self.finish_ahead(self._strips(*detail))

    def _forget_styles(self) -> None:
        super()._forget_styles()
        self._cache.clear()

    def render_line(self, y: int) -> Strip:
        """One line of the pane."""
        self._follow_theme()
        strips = self._strips(*self._source)
        if y < len(strips):
            return strips[y]
        return Strip.blank(self.line_size.width, self._base())
