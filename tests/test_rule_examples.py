"""Every rule carries its examples: this walks them all.

Each alternative of an event-type rule finds the sentences it lists and not
the ones it must miss; each rule's example sentences get its type; each date
family reads its texts as it says; each header-date form dates its clippings.
"""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.extraction.counts import EXAMPLES as COUNT_EXAMPLES
from timeline.extraction.counts import acted_counts
from timeline.extraction.kinds import RULES, Kind, classify
from timeline.extraction.shapes import (
    CAPTION_EXAMPLES,
    GATHERING_EXAMPLES,
    caption_spans,
    gathering_of_signing,
)
from timeline.extraction.tiercues import CUES as TIER_CUES
from timeline.language.dates import EXAMPLES as DATE_EXAMPLES
from timeline.language.dates import find_dates
from timeline.reading import parse_article
from timeline.reading.headerforms import HEADER_FORMS
from timeline.reading.outlet import OUTLET_FORMS


def _alternatives():
    for rule in RULES:
        for part in ("cues", "verbs", "alone"):
            for n, alt in enumerate(getattr(rule, part)):
                yield pytest.param(alt, id=f"{rule.kind}-{part}-{n}")
    for name, alts in TIER_CUES.items():
        for n, alt in enumerate(alts):
            yield pytest.param(alt, id=f"tier-{name}-{n}")


@pytest.mark.parametrize("alt", list(_alternatives()))
def test_each_pattern_alternative_finds_its_examples_and_misses_the_others(alt) -> None:
    assert alt.match, "an alternative without an example it must match"
    pattern = alt.compiled()
    for sentence in alt.match:
        assert pattern.search(sentence), sentence
    for sentence in alt.miss:
        assert not pattern.search(sentence), sentence


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        pytest.param(sentence, rule.kind, id=f"{rule.kind}-{n}")
        for rule in RULES
        for n, sentence in enumerate(rule.examples)
    ],
)
def test_each_rule_example_gets_its_type(sentence: str, kind: str) -> None:
    found = classify(sentence)
    assert found is not None and found.kind == kind


def test_every_rule_has_examples() -> None:
    assert all(rule.examples for rule in RULES)


@pytest.mark.parametrize(
    "example",
    [
        pytest.param(ex, id=f"{family}-{n}")
        for family, examples in DATE_EXAMPLES.items()
        for n, ex in enumerate(examples)
    ],
)
def test_each_date_family_reads_its_examples(example) -> None:
    reference = dt.date.fromisoformat(example.reference) if example.reference else None
    mentions = find_dates(example.text, reference, example.reference_precision)
    assert tuple((m.text, m.value) for m in mentions) == example.found


@pytest.mark.parametrize(
    ("text", "date"),
    [
        pytest.param(text, date, id=f"{form.name}-{kind}{n}")
        for form in HEADER_FORMS
        for kind, pairs in (("match", form.match), ("miss", form.miss))
        for n, (text, date) in enumerate(pairs)
    ],
)
def test_each_header_date_form_dates_its_clippings(text: str, date: str | None) -> None:
    assert parse_article(text, "clipping.txt").date == date


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        pytest.param(line, outlet, id=f"{form.name}-{kind}{n}")
        for form in OUTLET_FORMS
        for kind, pairs in (
            ("match", form.match),
            ("miss", tuple((line, None) for line in form.miss)),
        )
        for n, (line, outlet) in enumerate(pairs)
    ],
)
def test_each_outlet_form_reads_its_date_lines(line: str, outlet: str | None) -> None:
    # The line stands under a headline as a clipping's date line; [...] marks its date.
    start, end = line.index("["), line.index("]")
    text = f"Raids in the capital\n\n{line[:start]}{line[start + 1 : end]}{line[end + 1 :]}\n\n"
    text += "Police raided three karaoke bars and arrested 12 suspects, officials said.\n"
    article = parse_article(text, "clipping.txt")
    assert article.date is not None  # the date line is read as the article's date
    assert article.source == outlet


@pytest.mark.parametrize(
    ("sentence", "counts"),
    [pytest.param(s, c, id=f"count-{n}") for n, (s, c) in enumerate(COUNT_EXAMPLES)],
)
def test_each_counted_act_example_reads_its_counts(sentence: str, counts: frozenset[int]) -> None:
    assert acted_counts(sentence) == counts


@pytest.mark.parametrize(
    ("sentence", "named"),
    [pytest.param(s, n, id=f"gathering-{k}") for k, (s, n) in enumerate(GATHERING_EXAMPLES)],
)
def test_each_signing_example_names_its_gathering_or_not(sentence: str, named: bool) -> None:
    assert bool(gathering_of_signing(sentence, Kind("agreement", True))) == named


@pytest.mark.parametrize(
    ("paragraph", "caption"),
    [pytest.param(p, c, id=f"caption-{k}") for k, (p, c) in enumerate(CAPTION_EXAMPLES)],
)
def test_each_caption_example_is_read_as_one_or_not(paragraph: str, caption: bool) -> None:
    text = f"Story before.\n\n{paragraph}\n\nStory after."
    spans = caption_spans(text, 0, len(text))
    assert [text[a:b] for a, b in spans] == ([paragraph] if caption else [])
