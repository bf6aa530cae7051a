"""Timeline rows: search matches highlighted exactly where the terms occur."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.style import Style

from timeline.model import Event
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


def _highlighted(summary: str, terms: tuple[str, ...]) -> tuple[str, set[int]]:
    """The row's text and the offsets, within the summary, drawn in the match style."""
    segments = event_row(
        _event(summary),
        200,
        style=PLAIN,
        date_style=PLAIN,
        country_style=PLAIN,
        match_style=MATCH,
        terms=terms,
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


def test_every_occurrence_of_every_term_is_highlighted_case_insensitively():
    summary = "Trafficking cases: the task force traced TRAFFICKERS"
    text, marked = _highlighted(summary, ("traffick", "task"))
    assert summary in text
    words = {summary[i] for i in marked}
    assert words <= set("TraffickingRAFICKtask")
    expected = set(range(0, 8)) | set(range(23, 27)) | set(range(41, 49))
    assert marked == expected


def test_overlapping_and_touching_terms_make_one_highlight():
    _text, marked = _highlighted("abcabc", ("abc", "bca"))
    assert marked == set(range(6))


@given(
    st.text(alphabet="abcAB c", min_size=1, max_size=40),
    st.lists(st.text(alphabet="abc", min_size=1, max_size=3), min_size=1, max_size=3),
)
def test_highlights_are_exactly_the_occurrences(summary, terms):
    summary = " ".join(summary.split()) or "a"  # rows fold whitespace
    terms = tuple(terms)
    text, marked = _highlighted(summary, terms)
    assert summary in text  # nothing lost or reordered
    lower = summary.lower()
    expected = {
        i
        for term in terms
        for start in range(len(lower))
        if lower.startswith(term, start)
        for i in range(start, start + len(term))
    }
    assert marked == expected
