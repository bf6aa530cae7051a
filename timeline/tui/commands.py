"""Command palette entries: years, filters, articles, stars, notes and export."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from timeline.model import type_label
from timeline.tui.render import one_line

__all__ = ["TimelineCommands"]

#: Entries listed when nothing is typed (the first of ``_commands``).
MAIN_ENTRIES = 11


class TimelineCommands(Provider):
    """The browser's commands, found by fuzzy search in the palette."""

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        from timeline.tui.screens.main import MainScreen

        screen = self.screen
        if not isinstance(screen, MainScreen):
            return []
        index = screen.index
        commands: list[tuple[str, Callable[[], object], str]] = [
            ("Go to year…", screen.action_go_to_year, "Type a year to jump to"),
            ("Filter by country…", screen.action_pick_countries, "Pick countries"),
            ("Filter by type…", screen.action_pick_types, "Pick event types"),
            ("Clear filters", screen.action_clear_filters, "Show every event again"),
            ("Open article", screen.action_open_article, "Open the selected event's article"),
            ("Star or unstar event", screen.action_toggle_star, "Star the selected event (s)"),
            ("Edit note…", screen.action_edit_note, "Write a note on the selected event (a)"),
            (
                "Show all events"
                if screen.filters.starred
                else "Show only starred and noted events",
                screen.action_starred_only,
                "Toggle the starred-and-noted filter (*)",
            ),
            (
                "List starred and noted events…",
                screen.action_notes_list,
                "List every starred or noted event; Enter jumps to it (A)",
            ),
            ("Export…", screen.action_export, "Write the events shown to a file (e)"),
            ("Warnings…", screen.action_warnings, "List the warnings met while reading (w)"),
        ]

        mode = screen.browse.mode
        key = "Show all events again" if mode.key is not None else None
        key = key or f"Key events: top {screen.key_per_year} a year"
        commands += [
            (
                "Show every event" if mode.by_story else "Show one row per story",
                screen.action_toggle_stories,
                "Stories told by several sources as one row, or every event (S)",
            ),
            (
                key,
                screen.action_key_events,
                "The stories of each year told by the most sources (K; + and - change how many)",
            ),
            ("Key events: more a year", screen.action_more_key_events, "One more a year (+)"),
            ("Key events: fewer a year", screen.action_fewer_key_events, "One fewer a year (-)"),
            ("TIP tiers by country and year", screen.action_tiers, "Countries × report years (T)"),
        ]
        for year in index.years():
            commands.append((f"Go to year {year}", partial(screen.go_to_year, year), ""))
        for country in index.countries:
            name = one_line(country)
            commands.append(
                (f"Filter by country: {name}", partial(screen.filter_country, country), "")
            )
        for region in index.regions:
            name = one_line(region)
            commands.append(
                (f"Filter by group: {name}", partial(screen.filter_country, region), "")
            )
        for kind in index.types:
            label = f"{type_label(kind)} = {kind}"
            commands.append((f"Filter by type: {label}", partial(screen.filter_type, kind), ""))
        for article in sorted(index.articles.values(), key=lambda a: a.file)[:2000]:
            # The file name is part of what is matched: found by its title or its name.
            file = one_line(article.file)
            title = one_line(article.title)
            named = f"{title} · {file}" if title and title != file else file
            commands.append(
                (
                    f"Open article: {named}",
                    partial(screen.open_article, None, article.file),
                    file,
                )
            )
        return commands

    async def discover(self) -> Hits:
        """The main entries when nothing is typed."""
        for title, command, help_text in self._commands()[:MAIN_ENTRIES]:
            yield DiscoveryHit(title, command, help=help_text)

    async def search(self, query: str) -> Hits:
        """Every entry that fuzzily matches ``query``."""
        matcher = self.matcher(query)
        for title, command, help_text in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), command, text=title, help=help_text)
