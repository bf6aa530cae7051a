"""Line-API widgets that hand their cached strips straight to the compositor.

Textual passes every line a widget renders through its styles cache, which
builds a new ``Strip`` for each repainted line (to add borders, padding,
tint, opacity) and then runs the app's line filters over it, again into a
new ``Strip``. For a list that repaints a screenful on each key, that copying
costs several times what rendering the rows does, and it defeats the caches a
``Strip`` keeps for itself (filtered, divided and encoded forms).

A widget whose CSS adds nothing to its lines needs none of that: its own
strips, already the widget's width and background, are what the styles cache
would produce. :class:`DirectLines` returns them as they are, with the line
filters applied through each strip's own filter cache, and remembers what it
returned for each line until Textual marks that line dirty, so a frame that
changes two lines of a widget asks it for two lines. Any style that would
change a line (a border, padding, outline, tint, hatch or opacity) sends the
widget back through Textual's usual path.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.style import Style
from textual.color import Color
from textual.filter import LineFilter
from textual.geometry import Region, Size, Spacing
from textual.strip import Strip
from textual.widget import Widget

__all__ = ["DirectLines", "StyledLines"]

_NO_SPACING = Spacing(0, 0, 0, 0)


class DirectLines(Widget):
    """A widget whose ``render_line`` strips go to the screen unchanged when CSS allows."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        #: The strip last sent to the screen for each line, until the line is dirtied.
        self._shown: dict[int, Strip] = {}
        #: What those strips were made for: size, filters, background, theme.
        self._shown_for: tuple = ()
        self._frame_size: Size | None = None

    @property
    def line_size(self) -> Size:
        """The size lines are drawn at: known while a frame is drawn, looked up otherwise."""
        return self._frame_size or self.size

    def border_style(self, component: str) -> Style:
        """A component class's colour blended over the widget, as Textual blends a border's.

        For rules and edges drawn in the lines themselves instead of by CSS.
        """
        color = self.get_component_styles(component).color
        return Style(color=(self.background_colors[1] + color).rich_color)

    def _set_dirty(self, *regions: Region) -> None:
        # Every repaint Textual asks of a widget (a refresh, a resize, new
        # styles, a scroll) passes here; forget the lines it names.
        super()._set_dirty(*regions)
        shown = getattr(self, "_shown", None)
        if not shown:
            return
        if not regions:
            shown.clear()
            return
        for region in regions:
            for y in region.line_range:
                shown.pop(y, None)

    def _lines_are_plain(self) -> bool:
        """Whether the styles cache would return ``render_line``'s strips unchanged."""
        styles = self.styles
        if styles.gutter != _NO_SPACING or any(edge for edge, _color in styles.outline):
            return False
        if styles.tint.a or styles.text_opacity != 1.0 or self.opacity != 1.0:
            return False
        if styles.has_rule("hatch") and styles.hatch != "none":
            return False
        if self.auto_links:
            # Textual restyles lines only while the mouse is over a clickable link.
            hover = self.hover_style
            if hover._link_id and hover._meta and "@click" in hover.meta:
                return False
        return True

    def render_lines(self, crop: Region) -> list[Strip]:
        """The widget's lines in ``crop``, straight from ``render_line`` when they are plain."""
        if self.BLANK or not self._lines_are_plain():
            self._shown.clear()
            return super().render_lines(crop)
        size = self.size
        base_background, background = self.background_colors
        filters = tuple(self.get_line_filters())
        made_for = (size, filters, background, self.app.theme)
        if made_for != self._shown_for:
            self._shown.clear()
            self._shown_for = made_for
        shown = self._shown
        fill = Style(bgcolor=(base_background + background).rich_color)
        strips: list[Strip] = []
        self._frame_size = size
        try:
            for y in crop.line_range:
                strip = shown.get(y)
                if strip is None:
                    strip = _finish(self.render_line(y), size.width, fill, filters, background)
                    shown[y] = strip
                strips.append(strip)
        finally:
            self._frame_size = None
        if crop.column_span != (0, size.width):
            x1, x2 = crop.column_span
            strips = [strip.crop(x1, x2) for strip in strips]
        return strips

    def finish_ahead(self, strips: Iterable[Strip]) -> None:
        """Apply the line filters to strips that are about to be shown.

        Each strip keeps its filtered form, so a widget that renders lines
        ahead of time can have them filtered ahead of time too.
        """
        if not self._lines_are_plain():
            return
        size = self.size
        base_background, background = self.background_colors
        filters = tuple(self.get_line_filters())
        fill = Style(bgcolor=(base_background + background).rich_color)
        for strip in strips:
            _finish(strip, size.width, fill, filters, background)


class StyledLines(DirectLines):
    """:class:`DirectLines` keeping their rendered lines and style until CSS or the theme changes.

    A subclass extends :meth:`_forget_styles` to drop what it keeps (its
    rendered lines above all) and calls :meth:`_follow_theme` at the top of
    ``render_line``.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._base_style: Style | None = None
        self._theme = ""

    def notify_style_update(self) -> None:
        """CSS changed: forget rendered lines."""
        super().notify_style_update()
        self._forget_styles()

    def _forget_styles(self) -> None:
        self._base_style = None

    def _follow_theme(self) -> None:
        """A new theme: forget what was rendered in the old one."""
        if self.app.theme != self._theme:
            self._theme = self.app.theme
            self._forget_styles()

    def _base(self) -> Style:
        """The widget's own style (kept: computing it walks the DOM)."""
        if self._base_style is None:
            self._base_style = self.rich_style
        return self._base_style


def _finish(
    strip: Strip,
    width: int,
    fill: Style,
    filters: tuple[LineFilter, ...],
    background: Color,
) -> Strip:
    """``strip`` at the widget's width with the app's line filters applied (both cached)."""
    if strip.cell_length != width:
        strip = strip.adjust_cell_length(width, fill)
    for line_filter in filters:
        strip = strip.apply_filter(line_filter, background)
    return strip
