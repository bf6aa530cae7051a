"""A list of evidence sentences (a tiers cell's); Enter opens one in its article."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from timeline.model import Article, Event, format_date
from timeline.tui.render import one_line

__all__ = ["EvidenceList"]


def evidence_prompt(event: Event, article: Article | None) -> Text:
    """One item: the date and the article (title, outlet or file), then the sentence."""
    text = Text(end="")
    text.append(format_date(event.date, event.approximate), "bold")
    text.append("  ")
    title = one_line(article.title) if article is not None else ""
    where = one_line(article.source or article.file) if article is not None else ""
    text.append(" · ".join(part for part in (title, where or one_line(event.article)) if part))
    text.append("\n")
    text.append(one_line(event.sentence), "italic")
    return text


class EvidenceList(ModalScreen[None]):
    """The sentences behind something, one per item: Enter opens the article at one, Esc
    closes (the article's Esc comes back here)."""

    DEFAULT_CSS = """
    EvidenceList { align: center middle; }
    EvidenceList > Vertical {
        width: 90%; max-width: 110; height: auto; max-height: 90%; padding: 0 1;
        border: round $accent; background: $panel;
    }
    EvidenceList OptionList { height: auto; max-height: 24; border: none; }
    EvidenceList .hint { color: $text-muted; }
    """

    BINDINGS = [Binding("escape,q", "close", "Close", show=False)]

    def __init__(
        self,
        title: str,
        events: list[Event],
        articles: Mapping[str, Article],
        open_event: Callable[[Event], None] | None = None,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.events = events
        self.articles = articles
        self.open_event = open_event

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text(self.title_text, style="bold"))
            yield OptionList(
                *(
                    Option(evidence_prompt(e, self.articles.get(e.article)), id=str(n))
                    for n, e in enumerate(self.events)
                ),
                id="evidence",
            )
            yield Label("↑ ↓ choose · Enter opens the article at it · Esc closes", classes="hint")

    def on_mount(self) -> None:
        """Start with the list focused."""
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, message: OptionList.OptionSelected) -> None:
        """Open the chosen sentence's article, the sentence highlighted."""
        if self.open_event is not None and message.option_id is not None:
            self.open_event(self.events[int(message.option_id)])

    def action_close(self) -> None:
        """Back to the table."""
        self.dismiss(None)
