"""Key maps, kept apart from the actions they trigger (as harlequin does).

Each screen names its actions in code; which keys reach them is decided
here, in one table per screen, which also feeds the footer and the help
screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding

__all__ = [
    "ARTICLE_KEYS",
    "FOOTER_KEEP",
    "GRID_KEYS",
    "KeySpec",
    "MAIN_KEYS",
    "NOTE_KEYS",
    "SOURCE_KEYS",
    "STORY_KEYS",
    "TIERS_KEYS",
    "bindings",
]


@dataclass(frozen=True, slots=True)
class KeySpec:
    """Keys (comma separated, as Textual spells them) bound to one action."""

    action: str
    keys: str
    description: str
    group: str
    #: Shown in the footer as well as in the help screen.
    footer: bool = False
    #: How the help screen spells the keys.
    label: str = ""
    #: Bound ahead of focused widgets (e.g. in dialogs with inputs).
    priority: bool = False
    #: The footer's short word for it (default: the description).
    short: str = ""


def _footer(
    action: str,
    keys: str,
    description: str,
    group: str,
    label: str,
    short: str = "",
    *,
    priority: bool = False,
) -> KeySpec:
    """A key shown in the footer as well as in the help screen (``short``: the footer's word)."""
    return KeySpec(action, keys, description, group, True, label, priority=priority, short=short)


def _cell_moves(group: str) -> tuple[KeySpec, ...]:
    """A cell cursor's four moves (arrows, or h j k l), listed in help as one line."""
    return (
        KeySpec("move(0,-1)", "up,k", "Move", group, label="↑ ↓ ← →"),
        KeySpec("move(0,1)", "down,j", "Move", group),
        KeySpec("move(-1,0)", "left,h", "Move", group),
        KeySpec("move(1,0)", "right,l", "Move", group),
    )


#: The keys of the six moves up and down a list or a page, the same on every screen, and how
#: the help screen spells them.
_UP_AND_DOWN_KEYS = (
    ("down,j", "↓ j"),
    ("up,k", "↑ k"),
    ("pagedown", "PgDn"),
    ("pageup", "PgUp"),
    ("home,g", "Home g"),
    ("end,G", "End G"),
)


def _up_and_down(
    group: str, *moves: tuple[str, str], pages: tuple[tuple[str, str], ...] = ()
) -> tuple[KeySpec, ...]:
    """A screen's six moves up and down (action, description), in the order of
    ``_UP_AND_DOWN_KEYS``; ``pages``: a key and its label for paging down and up as well
    (as ``less`` pages with Space and b)."""
    spelled = list(_UP_AND_DOWN_KEYS)
    for n, (key, label) in enumerate(pages, start=2):
        keys, labels = spelled[n]
        spelled[n] = (f"{key},{keys}", f"{label} {labels}")
    return tuple(
        KeySpec(action, keys, description, group, label=label)
        for (action, description), (keys, label) in zip(moves, spelled, strict=True)
    )


MAIN_KEYS: tuple[KeySpec, ...] = (
    *_up_and_down(
        "Move",
        ("cursor_down", "Next event"),
        ("cursor_up", "Previous event"),
        ("page_down", "Page down"),
        ("page_up", "Page up"),
        ("first", "First event"),
        ("last", "Last event"),
    ),
    _footer("next_year", "]", "Next year", "Jump", "]", "Year"),
    KeySpec("previous_year", "[", "Previous year", "Jump", label="["),
    _footer("next_country", "}", "Next country", "Jump", "}", "Country"),
    KeySpec("previous_country", "{", "Previous country", "Jump", label="{"),
    KeySpec("go_to_year", "y", "Go to a year (2008-2012: filter to a range)", "Jump", label="y"),
    _footer("pick_countries", "c", "Filter by country", "Filter", "c", "Countries"),
    _footer("pick_types", "t", "Filter by type", "Filter", "t", "Types"),
    KeySpec("clear_filters", "x", "Clear filters", "Filter", label="x"),
    # Priority: handled as the key arrives, so a query typed straight after it reaches the field.
    _footer("search", "/", "Search", "Search", "/", priority=True),
    KeySpec("next_match", "n", "Next match", "Search", label="n"),
    KeySpec("previous_match", "N", "Previous match", "Search", label="N"),
    KeySpec("clear_search", "escape", "Clear search", "Search", label="Esc"),
    KeySpec("toggle_star", "s", "Star or unstar the event", "Stars, notes, export", label="s"),
    KeySpec("edit_note", "a", "Write a note on the event", "Stars, notes, export", label="a"),
    KeySpec(
        "starred_only",
        "asterisk",
        "Only starred and noted events (again: all)",
        "Stars, notes, export",
        label="*",
    ),
    KeySpec("notes_list", "A", "List starred and noted events", "Stars, notes, export", label="A"),
    KeySpec("export", "e", "Export the events shown", "Stars, notes, export", label="e"),
    _footer("open_article", "enter", "Open article", "View", "Enter", "Open"),
    _footer("grid", "v", "Year × country grid", "View", "v", "Grid"),
    KeySpec("reload", "r", "Read the folder again (cursor kept)", "View", label="r"),
    KeySpec("warnings", "w", "Warnings met while reading (files skipped…)", "View", label="w"),
    _footer("help", "question_mark,f1", "Help", "View", "? F1"),
    KeySpec("command_palette", "ctrl+p", "Command palette", "View", label="ctrl+p"),
    _footer("quit", "q", "Quit", "View", "q"),
)

#: The footer's keys, most needed first: when the terminal is too narrow for all of them,
#: the keys not named here go first, then these from the end.
FOOTER_KEEP: tuple[str, ...] = (
    "help",
    "quit",
    "back",
    "search",
    "save",
    "cancel",
    "open_article",
    "choose",
    "next_event",
    "previous_event",
    "toggle_star",
    "edit_note",
    "next_source",
    "previous_source",
    "next_year",
    "next_country",
    "pick_countries",
    "pick_types",
    "grid",
)

ARTICLE_KEYS: tuple[KeySpec, ...] = (
    _footer(
        "next_event", "n", "Next event in article (searching: next match)", "Article", "n", "Next"
    ),
    _footer("previous_event", "p", "Previous event in article", "Article", "p", "Previous"),
    KeySpec("previous_match", "N", "Previous match (searching)", "Article", label="N"),
    _footer("search", "slash", "Search in the article", "Article", "/", "Search"),
    *_up_and_down(
        "Article",
        ("scroll_down", "Scroll down"),
        ("scroll_up", "Scroll up"),
        ("page_down", "Page down"),
        ("page_up", "Page up"),
        ("top", "Top of the article"),
        ("bottom", "End of the article"),
        pages=(("space", "Space"), ("b", "b")),
    ),
    _footer("toggle_star", "s", "Star or unstar the event being read", "Article", "s", "Star"),
    _footer("edit_note", "a", "Write a note on the event being read", "Article", "a", "Note"),
    _footer("help", "question_mark,f1", "The article screen's keys", "Article", "?", "Help"),
    _footer("back", "escape,q", "Back to the timeline (searching: Esc clears)", "Article",
            "Esc q", "Back"),
)  # fmt: skip

NOTE_KEYS: tuple[KeySpec, ...] = (
    _footer("save", "ctrl+s", "Save the note (empty: delete it)", "Note editor", "ctrl+s", "Save",
            priority=True),
    _footer("cancel", "escape", "Close, unchanged", "Note editor", "Esc", "Cancel", priority=True),
)  # fmt: skip

#: The main screen's keys for stories, key events and the tiers (bound with MAIN_KEYS).
STORY_KEYS: tuple[KeySpec, ...] = (
    KeySpec("toggle_stories", "S", "One row per story / every event", "Stories", label="S"),
    KeySpec("key_events", "K", "Key events only: top stories a year (again: all)", "Stories",
            label="K"),
    KeySpec("more_key_events", "plus,equals_sign", "More key events a year", "Stories",
            label="+"),
    KeySpec("fewer_key_events", "minus", "Fewer key events a year", "Stories", label="-"),
    KeySpec("tiers", "T", "TIP tiers: countries × report years", "View", label="T"),
)  # fmt: skip

#: The article screen's keys for a story's other sources.
SOURCE_KEYS: tuple[KeySpec, ...] = (
    _footer("next_source", "greater_than_sign", "Next source of the story",
            "Stories (article screen)", ">", "Next source"),
    _footer("previous_source", "less_than_sign", "Previous source of the story",
            "Stories (article screen)", "<", "Prev source"),
)  # fmt: skip

#: The tiers screen: a cell cursor, the cell's evidence.
TIERS_KEYS: tuple[KeySpec, ...] = (
    *_cell_moves("Tiers"),
    _footer("evidence", "enter", "The cell's evidence sentences", "Tiers", "Enter", "Evidence"),
    _footer("back", "escape,T,q", "Back to the timeline", "Tiers", "Esc", "Back"),
)

GRID_KEYS: tuple[KeySpec, ...] = (
    *_cell_moves("Grid"),
    _footer("choose", "enter", "Filter the timeline to this cell", "Grid", "Enter", "Filter"),
    _footer("back", "escape,v,q", "Back, unchanged", "Grid", "Esc", "Back"),
)


def bindings(specs: tuple[KeySpec, ...], *, priority: bool = False) -> list[Binding]:
    """Textual bindings for a key table (the footer shows the first key of a spec).

    ``priority`` binds every key of the table ahead of the focused widget.
    """
    return [
        Binding(
            spec.keys,
            spec.action,
            spec.short or spec.description,
            show=spec.footer,
            tooltip=spec.description,
            key_display=spec.label.split(" ")[0] if spec.label else None,
            priority=spec.priority or priority,
        )
        for spec in specs
        if spec.action != "command_palette"
    ]
