"""Keys typed straight after a dialog opens reach its list (``c Down Down Space Enter``).

A key that arrives while a dialog is being put on screen, before its list has
the focus, goes to the dialog itself and was lost: typed quickly, ``c`` then
``Down Down Space Enter`` applied an empty filter. Each dialog with a list
binds the list's keys on the dialog too (:func:`list_bindings`); once the
list has the focus it answers them itself, before the dialog sees them, so
nothing is done twice.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import OptionList

__all__ = ["forward_to_list", "list_bindings"]

#: The list keys a dialog answers while its list has not got the focus yet.
_KEYS = {
    "down": "cursor_down",
    "up": "cursor_up",
    "pagedown": "page_down",
    "pageup": "page_up",
    "home": "first",
    "end": "last",
}


def list_bindings(*, space: bool = True, enter: bool = False) -> list[Binding]:
    """Bindings of the list's keys on the dialog (``space`` ticks, ``enter`` chooses)."""
    keys = dict(_KEYS)
    if space:
        keys["space"] = "select"
    if enter:
        keys["enter"] = "select"
    return [Binding(key, f"list('{action}')", show=False) for key, action in keys.items()]


def forward_to_list(screen: Screen, action: str) -> None:
    """Run the list's own ``action`` (``cursor_down``, ``select``…), focusing the list.

    An action that answers through a message (``select``) is answered after the
    keys before it, never before: they all wait in the same queue.
    """
    options = screen.query_one(OptionList)
    if screen.focused is not options:
        screen.set_focus(options)
    getattr(options, f"action_{action}")()
