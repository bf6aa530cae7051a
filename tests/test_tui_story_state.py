"""The browser's stories without Textual: rows per story, their sources, key events."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.export.common import told_stories
from timeline.filters import Filter
from timeline.model import Corpus
from timeline.pipeline import load_corpus
from timeline.synthetic import synthetic_corpus, tell_synthetic_stories
from timeline.table import key_events
from timeline.tui.state.annotations import Annotations
from timeline.tui.state.browse import Browse
from timeline.tui.state.index import EventIndex
from timeline.tui.state.stories import StoryIndex, ViewMode

STORIES = load_corpus(Path(__file__).parent / "stories")
INDEX = EventIndex(STORIES)
COUNTRIES = sorted({c for e in STORIES.events for c in (*e.countries, *e.regions)})
TYPES = sorted({e.type for e in STORIES.events})

filters = st.builds(
    Filter,
    countries=st.frozensets(st.sampled_from(COUNTRIES), max_size=2),
    types=st.frozensets(st.sampled_from(TYPES), max_size=2),
    years=st.none() | st.sampled_from([(2015, 2015), (2014, 2017), (2022, 2023)]),
)


def check_rows(index: EventIndex, stories: StoryIndex, event_filter: Filter) -> None:
    """One row per story with an event that passes; the row is one of those, the story's
    own choice when that passes; the count is of the sources that pass."""
    view = index.view(event_filter)
    shown = stories.shown(view, ViewMode())
    events = index.events
    passing: dict[str, list[int]] = defaultdict(list)
    for i in view:
        passing[events[i].story or events[i].id].append(i)
    if shown is None:
        assert all(len(found) == 1 for found in passing.values())
        return
    assert list(shown.events) == list(view)
    rows = list(shown.view)
    assert rows == sorted(rows)
    assert len(rows) == len(passing)
    for row in rows:
        found = passing[events[row].story or events[row].id]
        assert row in found
        first = stories.first_of(row)
        if first in found:
            assert row == first
        articles = len({events[i].article for i in found})
        assert shown.told.get(row, 1) == articles
        for member in found:
            assert stories.row_of(shown, member) == row


def test_the_whole_corpus_shows_each_story_once_as_the_exports_do():
    stories = StoryIndex(INDEX)
    shown = stories.shown(INDEX.view(Filter()), ViewMode())
    assert shown is not None
    rows = {INDEX.events[i].id for i in shown.view}
    expected = {told.shown.id for told in told_stories(INDEX.events)}
    assert rows == expected
    assert max(shown.told.values()) == 4
    check_rows(INDEX, stories, Filter())


@settings(max_examples=80, deadline=None)
@given(filters)
def test_a_story_row_stands_for_the_events_that_pass(f):
    check_rows(INDEX, StoryIndex(INDEX), f)


@settings(max_examples=60, deadline=None)
@given(filters, st.integers(1, 6))
def test_key_events_are_the_command_lines(f, per_year):
    stories = StoryIndex(INDEX)
    view = INDEX.view(f)
    passing = [INDEX.events[i] for i in view]
    expected = key_events(passing, STORIES, per_year)
    for by_story in (True, False):
        shown = stories.shown(view, ViewMode(by_story=by_story, key=per_year))
        assert shown is not None
        assert [INDEX.events[i].id for i in shown.events] == [e.id for e in expected]
        rows = {INDEX.events[i].story for i in shown.view}
        assert rows == {e.story for e in expected}
        if by_story:
            assert len(shown.view) == len(rows)
        else:
            assert list(shown.view) == list(shown.events)


def test_without_stories_of_several_events_the_rows_are_the_events():
    corpus = synthetic_corpus(300)
    index = EventIndex(corpus)
    stories = StoryIndex(index)
    assert stories.shown(index.view(Filter()), ViewMode()) is None
    assert not stories.shared
    keyed = stories.shown(index.view(Filter()), ViewMode(key=2))
    assert keyed is not None and len(keyed.view) <= 2 * (len(index.years()) + 1)


@pytest.mark.parametrize("size", [1000, 5000])
def test_synthetic_stories_at_scale(size):
    corpus = synthetic_corpus(size)
    tell_synthetic_stories(corpus)
    index = EventIndex(corpus)
    stories = StoryIndex(index)
    assert stories.shared
    for countries in ([], ["Laos"], ["Laos", "Vietnam"]):
        check_rows(index, stories, Filter(countries=frozenset(countries)))
    check_rows(index, stories, Filter(types=frozenset({"law"}), years=(2000, 2010)))


def test_stories_learnt_in_a_worker_are_refused_once_the_events_have_changed():
    corpus = synthetic_corpus(400)
    tell_synthetic_stories(corpus)
    index = EventIndex(Corpus("x", corpus.articles[:10], corpus.events[:200]))
    stories = StoryIndex(index)
    learnt = stories.learn(stories.epoch + 1)
    index.add(corpus.articles[10:], corpus.events[200:])
    assert not stories.adopt(learnt)
    assert stories.adopt(stories.learn(stories.epoch + 1))
    check_rows(index, stories, Filter())


def test_the_header_says_the_mode_and_counts_events_and_stories():
    browse = Browse(INDEX, Annotations())
    figures = browse.header_figures(browse.rows, browse.filter, "")
    shown, total, described = figures[1], figures[2], figures[5]
    stories = len({e.story for e in STORIES.events})
    assert (shown, total) == (len(STORIES.events), len(STORIES.events))
    assert described == f"{stories} stories"
    browse.mode = ViewMode(by_story=False, key=5)
    browse.show(Filter(countries=frozenset({"Thailand"})))
    described = browse.header_figures(browse.rows, browse.filter, "")[5]
    assert described == "every event · key events: top 5 a year · country: Thailand"
    plain = Browse(EventIndex(synthetic_corpus(50)), Annotations())
    assert plain.header_figures(plain.rows, plain.filter, "")[5] == ""  # no stories of several
