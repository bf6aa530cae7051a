"""Timeline rows: search matches highlighted exactly where the query's terms occur."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st
from rich.style import Style

from timeline.model import Event
from timeline.query import parse
from timeline.tui.render import event_row

PLAIN = Style(color="#ffffff")
MATCH = Style(bgcolor="#aa0000")


def _event(summary: str, countries: tuple[str, ...] = ("Cambodia",)) -> Event:
    return Event(
        id="x",
        date="2007-04-06",
        precision="day",
        approximate=False,
        type="task_force",
        countries=countries,
        summary=summary,
        article="a.txt",
        sentence=summary,
        start=0,
        end=len(summary),
    )


def _highlighted(summary: str, query: str) -> tuple[str, set[int]]:
    """The row's text and the offsets, within the summary, drawn in the match style."""
    segments = event_row(
        _event(summary),
        200,
        style=PLAIN,
        date_style=PLAIN,
        country_style=PLAIN,
        match_style=MATCH,
        terms=parse(query),
    )
    text = "".join(s.text for s in segments)
    at = text.rindex(summary)  # the summary ends the row (before its padding)
    marked: set[int] = set()
    offset = 0
    for segment in segments:
        if segment.style is not None and segment.style.bgcolor == MATCH.bgcolor:
            marked.update(range(offset - at, offset - at + len(segment.text)))
        offset += len(segment.text)
    return text, {i for i in marked if 0 <= i < len(summary)}


def test_every_occurrence_of_every_term_is_highlighted_in_any_case():
    summary = "Trafficking cases: the task force traced TRAFFICKERS"
    text, marked = _highlighted(summary, "traffick* task")
    assert summary in text
    expected = set(range(0, 8)) | set(range(23, 27)) | set(range(41, 49))
    assert marked == expected


def test_a_whole_word_is_highlighted_only_where_it_is_a_whole_word():
    _text, marked = _highlighted("watch the watchdog watch-list", "watch")
    assert marked == set(range(0, 5)) | set(range(19, 24))


def test_a_phrase_is_highlighted_as_one_and_negated_terms_are_not():
    summary = "a task force, not a force task"
    _text, marked = _highlighted(summary, '"task force" NOT task OR force')
    # the phrase and the word "force" light up; "task" under NOT does not on its own
    assert marked == set(range(2, 12)) | set(range(20, 25))


def test_overlapping_and_touching_terms_make_one_highlight():
    _text, marked = _highlighted("abc abc", 'abc "abc abc"')
    assert marked == set(range(7))


@given(
    st.text(alphabet="abcAB c", min_size=1, max_size=40),
    st.lists(st.text(alphabet="abc", min_size=1, max_size=3), min_size=1, max_size=3),
)
def test_highlights_are_exactly_the_whole_word_occurrences(summary, terms):
    summary = " ".join(summary.split()) or "a"  # rows fold whitespace
    text, marked = _highlighted(summary, " ".join(terms))
    assert summary in text  # nothing lost or reordered
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", summary.lower())]
    expected = {
        i for start, end in words if summary.lower()[start:end] in terms for i in range(start, end)
    }
    assert marked == expected
