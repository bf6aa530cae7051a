"""What the browser shows, as text, for the Pilot tests of stories, tiers and regions."""

from __future__ import annotations

from timeline.model import Event
from timeline.tui.app import TimelineApp
from timeline.tui.widgets.detail import EventDetail
from timeline.tui.widgets.header import HeaderLine


def header(app: TimelineApp) -> str:
    """The header line."""
    return app.main.query_one(HeaderLine).text


def detail(app: TimelineApp) -> str:
    """The detail pane's lines (line 0, the rule above them, left out)."""
    pane = app.main.query_one(EventDetail)
    return "\n".join(pane.render_line(y).text for y in range(1, pane.size.height))


def row_line(app: TimelineApp, event: Event) -> str:
    """The screen line of ``event``'s row, the cursor put on it."""
    main = app.main
    main.select_event(event)
    timeline = main.timeline
    return timeline.render_line(timeline.cursor_row - timeline.top).text
