"""The browser's Textual-free state: annotations, browsing, search, prefetch, export.

No app is started here: each state object is driven directly, as the main
screen drives it.
"""

from __future__ import annotations

import json

import pytest

from timeline.filters import Filter
from timeline.model import Corpus
from timeline.notes import NoteInfo, NotesError, NotesStore
from timeline.query import parse
from timeline.synthetic import synthetic_corpus
from timeline.tui.state import prefetch
from timeline.tui.state.annotations import Annotations
from timeline.tui.state.browse import Browse
from timeline.tui.state.exporting import export_scope, export_writer
from timeline.tui.state.index import EventIndex
from timeline.tui.state.search import Search

CORPUS = synthetic_corpus(400, events_per_article=10, seed=12)


@pytest.fixture
def store(tmp_path):
    with NotesStore(tmp_path / "notes.db") as notes:
        yield notes


def browse_of(corpus: Corpus = CORPUS, annotations: Annotations | None = None) -> Browse:
    index = EventIndex(corpus)
    return Browse(index, annotations if annotations is not None else Annotations())


# -- annotations ------------------------------------------------------------------------------


def test_every_change_bumps_the_generation_and_events_are_left_alone():
    annotations = Annotations()
    event = CORPUS.events[0]
    fields = event.to_dict()
    assert annotations.generation == 0 and not annotations.is_starred(event.id)
    assert annotations.toggle_star(event) is True
    assert annotations.is_starred(event.id) and annotations.generation == 1
    assert annotations.set_note(event, "check\nthis") == "check\nthis"
    assert annotations.info(event.id) == NoteInfo(True, "check\nthis")
    assert annotations.generation == 2
    assert annotations.toggle_star(event) is False
    assert annotations.note(event.id) == "check\nthis" and event.id not in annotations.starred_ids
    assert annotations.set_note(event, "   ") is None
    assert annotations.info(event.id) is None and len(annotations) == 0
    assert annotations.generation == 4
    assert event.to_dict() == fields


def test_stars_and_notes_are_read_from_the_store_and_saved_through_it(store):
    starred, noted = CORPUS.events[3], CORPUS.events[40]
    store.star(starred)
    store.set_note(noted, "a note")
    annotations = Annotations(store)
    found = annotations.lookup(CORPUS.events)
    assert annotations.generation == 0  # looking up changes nothing (it runs in a thread)
    assert annotations.apply(found) == 2
    assert annotations.generation == 1
    assert annotations.starred_ids == {starred.id}
    assert annotations.note(noted.id) == "a note"
    assert annotations.apply(found) == 2 and annotations.generation == 1  # nothing new
    annotations.toggle_star(noted)
    assert store.get(noted).starred and store.get(noted).note == "a note"
    assert annotations.notes_for(CORPUS.events) == {
        starred.id: NoteInfo(True, None),
        noted.id: NoteInfo(True, "a note"),
    }


def test_without_notes_the_store_is_asked_one_small_question(store):
    annotations = Annotations(store)
    assert annotations.lookup(CORPUS.events) == {}
    assert Annotations().lookup(CORPUS.events) == {}


def test_a_save_that_fails_changes_nothing(store, monkeypatch):
    annotations = Annotations(store)

    def fail(*args, **kwargs):
        raise NotesError("notes.db: not saved (database is locked)")

    monkeypatch.setattr(store, "set_starred", fail)
    monkeypatch.setattr(store, "save_note", fail)
    event = CORPUS.events[5]
    with pytest.raises(NotesError):
        annotations.toggle_star(event)
    with pytest.raises(NotesError):
        annotations.set_note(event, "lost")
    assert annotations.info(event.id) is None and annotations.generation == 0


# -- starred views key on the generation -------------------------------------------------------


def test_a_starred_view_follows_the_stars_without_being_cleared():
    annotations = Annotations()
    browse = browse_of(annotations=annotations)
    index = browse.index
    starred_only = Filter(starred=True)
    assert list(index.view(starred_only, annotations)) == []
    first, second = index.events[10], index.events[200]
    annotations.toggle_star(second)
    annotations.toggle_star(first)
    assert list(index.view(starred_only, annotations)) == [10, 200]
    everything = index.view(Filter(), annotations)
    annotations.toggle_star(first)
    assert list(index.view(starred_only, annotations)) == [200]
    assert index.view(Filter(), annotations) is everything  # views without stars stay
    browse.show(starred_only)
    rows = browse.rows
    annotations.set_note(second, "a note")
    assert browse.rows_for(starred_only) is not rows  # a new generation, new rows
    assert list(browse.rows_for(starred_only).view) == [200]
    expected = [e for e in index.events if starred_only.matches(e, annotations.starred_ids)]
    assert [index.events[i] for i in index.view(starred_only, annotations)] == expected


# -- browsing ---------------------------------------------------------------------------------


def test_braces_cycle_all_then_each_country_then_all():
    browse = browse_of()
    countries = browse.index.countries
    seen = []
    for _ in range(len(countries) + 1):
        browse.show(browse.country_filter(1))
        seen.append(browse.filter.countries)
    assert seen == [frozenset({c}) for c in countries] + [frozenset()]
    assert browse.country_filter(-1) == Filter(countries=frozenset({countries[-1]}))
    assert browse_of(Corpus("none", [], [])).country_filter(1) is None


def test_year_moves_and_jumps():
    browse = browse_of()
    groups = browse.rows.groups
    assert browse.next_year(0) == groups[1].start
    assert browse.previous_year(groups[1].start + 1) == groups[0].start
    assert browse.previous_year(3) == 0 and browse.previous_year(0) is None
    assert browse.next_year(len(browse.rows.view) - 1) is None
    year = groups[2].year
    assert browse.year_jump(year).position == groups[2].start
    far = browse.year_jump(1900)
    assert far.position == groups[0].start and far.notice.startswith("No events in 1900")
    assert browse.year_jump(1900, exact=True).notice == ""
    assert browse.year_jump(None).position == groups[-1].start  # the undated group
    browse.show(Filter(years=(1800, 1800)))
    nothing = browse.year_jump(2000)
    assert nothing.position is None and nothing.warning


def test_what_the_panes_say():
    browse = browse_of()
    index = browse.index
    figures = browse.header_figures(browse.rows, browse.filter, "")
    assert figures == (
        "synthetic",
        len(index),
        len(index),
        len(index.articles),
        len(index.articles),
        "",
        "",
        0,
    )
    entries = browse.rail_entries(browse.rows)
    assert sum(count for _year, count in entries) == len(index)
    assert entries[-1][0] is None  # the undated events, last
    assert "No events match" in (browse.show(Filter(years=(1800, 1800))), browse.empty_message)[1]
    browse.show(Filter(starred=True))
    assert browse.empty_message.startswith("No starred or noted events")
    assert browse_of(Corpus("none", [], [])).empty_message.startswith("This corpus has no events")


def test_the_cursor_keeps_its_date_when_the_filter_changes():
    browse = browse_of()
    event = browse.index.events[150]
    other = next(c for c in browse.index.countries if c not in event.countries)
    position = browse.show(Filter(countries=frozenset({other})), event)
    chosen = browse.rows.view[position]
    gaps = [abs((browse.index.events[i].year or 0) - (event.year or 0)) for i in browse.rows.view]
    assert abs((browse.index.events[chosen].year or 0) - (event.year or 0)) == min(gaps)
    assert browse.position_of(event) == -1
    browse.show(Filter())
    assert browse.position_of(event) == 150


# -- search -----------------------------------------------------------------------------------


def test_search_status_step_and_first_match():
    index = EventIndex(CORPUS)
    search = Search(index)
    view = range(len(index))
    assert search.status(view) == ""
    assert search.set_query("  laos ") and not search.set_query("laos ")
    assert search.status(view) == "/laos · searching…"
    first = search.first_match(view, 0)
    assert first is not None and index.matches(view[first], parse("laos"))
    assert not search.pending_jump
    found = search.run("laos")
    assert found == index.search("laos")
    assert not search.done("other", found) and search.matches is None
    assert search.done("laos", found)
    assert search.status(view) == f"/laos · {len(found):,} matches"
    assert search.count_in(view) == len(found) == search.count_in(list(view))
    assert search.step(view, found[0], 1) == found[1]
    assert search.step(view, found[1], -1) == found[0]
    assert search.step(view, found[0], -1) in (None, *found)
    assert search.step(view, found[-1], 1) is None
    assert search.at_or_after(view, found[1]) == found[1]
    assert found[-1] + 1 < len(view)  # none after: the first, as n wraps
    assert search.at_or_after(view, found[-1] + 1) == found[0]


def test_a_search_with_no_match_nearby_jumps_once_all_are_known():
    index = EventIndex(CORPUS)
    search = Search(index)
    search.set_query("zzzqx")
    assert search.first_match(range(len(index)), 0) is None and search.pending_jump
    assert search.first_match(range(len(index)), -1) is None and not search.pending_jump


def test_a_failing_index_search_warns_and_searches_in_memory():
    index = EventIndex(CORPUS)

    def broken(query: str, in_article: bool = False) -> set[str]:
        raise RuntimeError("database is locked")

    warnings: list[str] = []
    search = Search(index, broken)
    assert search.run("laos", warn=warnings.append) == index.search("laos")
    assert warnings == ["Index search failed (RuntimeError); searching in memory."]
    wanted = index.events[7]
    search.function = lambda query, in_article: {wanted.id, "no such id"}
    assert search.run("anything") == [7]


# -- prefetch ---------------------------------------------------------------------------------


def test_prefetch_plans_the_neighbours_years_and_countries():
    browse = browse_of()
    search = Search(browse.index)
    cursor = browse.rows.groups[1].start + 1
    ahead = prefetch.plan(browse, search, cursor, countries=False)
    positions = [(t.position, t.header) for t in ahead.lists]
    groups = browse.rows.groups
    assert positions == [
        (cursor + 1, False),
        (cursor - 1, False),
        (groups[2].start, True),
        (groups[0].start, True),
    ]
    assert [r.year for r in ahead.rails] == [groups[2].year, groups[0].year]
    assert all(r.entries is None for r in ahead.rails) and ahead.headers == []
    assert len(ahead.details) == len(ahead.lists)
    wider = prefetch.plan(browse, search, cursor, countries=True)
    assert len(wider.lists) == 6 and len(wider.headers) == 2
    countries = browse.index.countries
    assert [t.first for t in wider.lists[4:]] == [
        frozenset({countries[0]}),
        frozenset({countries[-1]}),
    ]
    assert prefetch.plan(browse, search, -1, countries=True).lists == []


# -- export -----------------------------------------------------------------------------------


def test_export_scope_and_writer(tmp_path):
    assert export_scope(Filter(), "") == ""
    scope = export_scope(Filter(countries=frozenset({"Laos"})), "raid")
    assert scope == " (country: Laos · search /raid not applied)"
    annotations = Annotations()
    browse = browse_of(annotations=annotations)
    browse.show(Filter(countries=frozenset({"Laos"})))
    annotations.toggle_star(browse.event_at(0))
    write = export_writer(browse.index, browse.rows.view, annotations)
    annotations.toggle_star(browse.event_at(0))  # later changes do not reach the writer
    path = tmp_path / "out.json"
    message = write("json", path)
    assert message.startswith("wrote ") and message.endswith(f" to {path}")
    events = json.loads(path.read_text(encoding="utf-8"))["events"]
    assert len(events) == len(browse.rows.view)
    assert events[0]["starred"] is True and not any(e["starred"] for e in events[1:])
