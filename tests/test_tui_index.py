"""The browser's index: chronological order, filter views, rows, batches, search."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.filters import Filter
from timeline.model import EVENT_TYPES, Corpus
from timeline.synthetic import SYNTHETIC_COUNTRIES, synthetic_corpus
from timeline.tui.state.index import EventIndex, chronological
from timeline.tui.state.rows import TimelineRows

CORPUS = synthetic_corpus(600, events_per_article=12, seed=3)
INDEX = EventIndex(CORPUS)


def test_chronological_matches_the_model_sort_key():
    events = list(reversed(CORPUS.events))
    assert chronological(events) == sorted(events, key=lambda e: e.sort_key)
    assert chronological(CORPUS.events) == sorted(CORPUS.events, key=lambda e: e.sort_key)


filters = st.builds(
    Filter,
    countries=st.frozensets(st.sampled_from(SYNTHETIC_COUNTRIES), max_size=3),
    types=st.frozensets(st.sampled_from(EVENT_TYPES), max_size=3),
    years=st.one_of(
        st.none(),
        st.tuples(st.integers(1990, 2030), st.integers(0, 8)).map(lambda t: (t[0], t[0] + t[1])),
    ),
)


@settings(max_examples=150, deadline=None)
@given(filters)
def test_views_agree_with_the_shared_event_filter(f):
    view = INDEX.view(f)
    expected = [i for i, e in enumerate(INDEX.events) if f.matches(e)]
    assert list(view) == expected
    shared = Filter(years=f.years, countries=f.countries, types=f.types)
    assert [INDEX.events[i] for i in view] == shared.apply(INDEX.events)


@settings(max_examples=60, deadline=None)
@given(filters)
def test_rows_put_a_header_before_each_year_and_undated_last(f):
    rows = TimelineRows.build(INDEX, INDEX.view(f))
    seen_events = []
    last_label = None
    for row in range(len(rows)):
        group, position = rows.row(row)
        if position is None:
            assert group.label != last_label
            last_label = group.label
            continue
        event = INDEX.events[rows.view[position]]
        assert (str(event.year) if event.year else "Undated") == group.label
        assert rows.row_of(position) == row
        seen_events.append(event)
    assert seen_events == [INDEX.events[i] for i in rows.view]
    if any(g.year is None for g in rows.groups):
        assert rows.groups[-1].year is None


def test_nearest_keeps_the_date_when_the_event_is_filtered_out():
    index = EventIndex(CORPUS)
    at = 300
    event = index.events[at]
    other = next(c for c in SYNTHETIC_COUNTRIES if c not in event.countries)
    rows = TimelineRows.build(index, index.view(Filter(countries=frozenset({other}))))
    position = rows.nearest(index, at, event)
    chosen = index.events[rows.view[position]]
    gaps = [abs((index.events[i].year or 0) - (event.year or 0)) for i in rows.view]
    assert abs((chosen.year or 0) - (event.year or 0)) == min(gaps)


def test_batches_merge_like_a_full_sort():
    first = synthetic_corpus(300, seed=1, name="a")
    second = synthetic_corpus(250, seed=2, name="b")
    index = EventIndex(first)
    index.by_country()
    index.add(second.articles, second.events)
    whole = sorted(first.events + second.events, key=lambda e: e.sort_key)
    assert index.events == whole
    assert len(index.articles) == len(first.articles) + len(second.articles)
    f = Filter(countries=frozenset({"Laos"}))
    assert [index.events[i] for i in index.view(f)] == [e for e in whole if f.matches(e)]


def test_warm_builds_the_same_tables():
    cold, warm = EventIndex(CORPUS), EventIndex(CORPUS)
    warm.warm()
    assert warm.by_country() == cold.by_country()
    assert warm.articles_in(range(50)) == cold.articles_in(range(50))
    assert warm.article_count(CORPUS.events[0].article) == 12


def test_search_is_case_insensitive_over_summary_sentence_type_countries_and_title():
    index = INDEX
    found = set(index.search("LAOS"))
    assert found == {i for i, e in enumerate(index.events) if "Laos" in e.countries} | {
        i for i, e in enumerate(index.events) if "laos" in index.articles[e.article].title.lower()
    }
    assert set(index.search("task_force")) >= {
        i for i, e in enumerate(index.events) if e.type == "task_force"
    }


def test_empty_corpus():
    index = EventIndex(Corpus(name="none", articles=[], events=[]))
    assert index.years() == [] and list(index.view(Filter())) == []
    rows = TimelineRows.build(index, index.view(Filter()))
    assert len(rows) == 0
