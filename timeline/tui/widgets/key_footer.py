"""The footer: the keys that fit the terminal's width, the least needed dropped first.

Textual's footer lays out every key shown and lets the last ones fall off the
edge (at 80 columns: ``… v Gr▏^p palette``, without Help or Quit).
:class:`KeyFooter` keeps the keys in their order but, when they do not fit,
drops them by :data:`~timeline.tui.keymap.FOOTER_KEEP` (keys named there are
kept longest, in that order; others go first), so ``? Help`` and ``q Quit``
stay on any width where anything is shown.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from timeline.tui.keymap import FOOTER_KEEP

__all__ = ["KeyFooter", "fit_keys"]

#: Cells the command palette's key takes on the right (its border, key and word).
PALETTE_CELLS = 14


def _cells(binding: Binding, key_display: str) -> int:
    """What one key takes in the footer: `` key `` then ``description `` (Textual's padding)."""
    return (
        cell_len(key_display)
        + 2
        + (cell_len(binding.description) + 1 if binding.description else 0)
    )


def _rank(action: str) -> int:
    """How long a key is kept: by :data:`FOOTER_KEEP`, unnamed keys first to go."""
    name = action.rpartition(".")[2].split("(")[0]
    return FOOTER_KEEP.index(name) if name in FOOTER_KEEP else len(FOOTER_KEEP)


def fit_keys(keys: list[tuple[str, int]], width: int) -> list[int]:
    """Which of ``keys`` (``(action, cells)``, in footer order) fit ``width``, as indexes in
    footer order: the most needed first, until one does not fit."""
    order = sorted(range(len(keys)), key=lambda n: (_rank(keys[n][0]), n))
    taken: list[int] = []
    used = 0
    for n in order:
        if used + keys[n][1] > width:
            break
        taken.append(n)
        used += keys[n][1]
    return sorted(taken)


class KeyFooter(Footer):
    """Textual's footer, showing only the keys that fit, chosen by how much they matter."""

    def compose(self) -> ComposeResult:
        """The keys shown that fit the width, then the command palette's key."""
        if not self._bindings_ready:
            return
        active = self.screen.active_bindings
        shown: dict[str, tuple[Binding, bool, str]] = {}
        for _node, binding, enabled, tooltip in active.values():
            if binding.show and binding.action not in shown:
                shown[binding.action] = (binding, enabled, tooltip)
        entries = list(shown.values())
        displays = [self.app.get_key_display(binding) for binding, _e, _t in entries]
        cells = [(b.action, _cells(b, d)) for (b, _e, _t), d in zip(entries, displays, strict=True)]
        palette = self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE
        room = (self.size.width or self.app.size.width) - (PALETTE_CELLS if palette else 0)
        for n in fit_keys(cells, room):
            binding, enabled, tooltip = entries[n]
            yield FooterKey(
                binding.key,
                displays[n],
                binding.description,
                binding.action,
                disabled=not enabled,
                tooltip=tooltip,
            ).data_bind(compact=Footer.compact)
        if palette:
            try:
                _node, binding, enabled, tooltip = active[self.app.COMMAND_PALETTE_BINDING]
            except KeyError:
                return
            yield FooterKey(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                classes="-command-palette",
                disabled=not enabled,
                tooltip=binding.tooltip or binding.description,
            )

    def on_resize(self, event: events.Resize) -> None:
        """Another width: choose the keys again."""
        if event.size.width != getattr(self, "_fitted_width", None):
            self._fitted_width = event.size.width
            self.call_after_refresh(self.recompose)
