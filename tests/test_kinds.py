"""The fast classifier gives exactly what the rules say when run plainly."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extraction.kinds import classify, classify_plainly
from timeline.extraction.sentences import split_sentences
from timeline.reading import parse_article

HERE = Path(__file__).parent
TEXTS = [*sorted((HERE / "realistic").glob("*.*")), *sorted((HERE.parent / "seeds").glob("*.txt"))]


def corpus_sentences() -> list[str]:
    out = []
    for path in TEXTS:
        if path.suffix not in (".txt", ".md"):
            continue
        article = parse_article(path.read_text(encoding="utf-8"), path.name)
        out += [article.text[a:b] for a, b in split_sentences(article.text)]
    return out


def test_fast_and_plain_classifiers_agree_on_real_sentences():
    sentences = corpus_sentences()
    assert len(sentences) > 200
    for sentence in sentences:
        for variant in (sentence, sentence.upper(), sentence.title(), sentence.replace("i", "İ")):
            assert classify(variant) == classify_plainly(variant), variant


WORDS = st.sampled_from(
    [
        "police",
        "arrested",
        "convicted",
        "36",
        "cases",
        "Tier",
        "2",
        "watchlist",
        "signed",
        "the",
        "convention",
        "task",
        "force",
        "launched",
        "meeting",
        "held",
        "report",
        "released",
        "estimated",
        "million",
        "percent",
        "never",
        "not",
        "law",
        "passed",
        "plans",
        "to",
        "in",
        "2012",
        "last",
        "year,",
        "and",
        "while",
        "İ",
        "ı",
        "K",
        "ſ",
        "“quoted”",
        "Cambodia",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(WORDS, st.text(max_size=8)), max_size=25).map(" ".join))
def test_fast_and_plain_classifiers_agree_on_any_text(sentence):
    assert classify(sentence) == classify_plainly(sentence)


def test_discoveries_of_graves_and_bodies_are_events() -> None:
    for sentence in (
        "Later that month, Malaysian police found 139 suspected graves at 28 camps.",
        "The crackdown followed the discovery of 26 bodies in a hillside camp.",
    ):
        assert classify(sentence) == classify_plainly(sentence)
        kind = classify(sentence)
        assert kind is not None and kind.kind == "enforcement" and kind.action


def test_not_until_tells_when_it_was_done() -> None:
    sentence = "Thailand did not ratify the Palermo Protocol until October 2013."
    assert classify(sentence) == classify_plainly(sentence)
    kind = classify(sentence)
    assert kind is not None and kind.kind == "agreement" and kind.action
    assert classify("Cambodia has not ratified the protocol.") is None


def test_a_verb_narrates_only_a_cue_near_it() -> None:
    # "issued" and "laws" are forty words apart: the statement is no law.
    sentence = (
        "In a statement issued on Thursday ahead of the report, the ministry said police had "
        "prosecuted 674 trafficking cases in 2013, and that the country had registered more "
        "than a million migrant workers to bring them under labour protection laws."
    )
    assert classify(sentence) == classify_plainly(sentence)
    kind = classify(sentence)
    assert kind is not None and kind.kind == "enforcement"


def test_rescues_trials_and_new_committees() -> None:
    cases = {
        "Police in Preah Sihanouk on Friday freed 417 foreign nationals from two compounds.": (
            "enforcement"
        ),
        "The trial of 92 defendants opened at Bangkok Criminal Court last November.": (
            "enforcement"
        ),
        "The government said it would set up a new committee to oversee labour policy.": (
            "task_force"
        ),
        "Tokyo tightened the visa regulations in 2005.": "law",
    }
    for sentence, expected in cases.items():
        assert classify(sentence) == classify_plainly(sentence)
        kind = classify(sentence)
        assert kind is not None and kind.kind == expected, sentence
    # A participle is no rescue: "the men who were freed are still waiting".
    kind = classify("The men who were freed are still waiting for justice.")
    assert kind is None or kind.kind != "enforcement"


def test_drafts_and_suspensions_are_law() -> None:
    for sentence in (
        "Late last year, the cabinet approved the draft, which defines forced labour.",
        "The same month, the prime minister ordered a suspension on sending maids to Malaysia.",
    ):
        assert classify(sentence) == classify_plainly(sentence)
        kind = classify(sentence)
        assert kind is not None and kind.kind == "law", sentence


def test_bringing_people_home_is_enforcement() -> None:
    for sentence in (
        "Myanmar authorities on Sunday received 266 nationals handed over at the border.",
        "In Poipet, police on Sunday escorted 58 Thai nationals across the checkpoint.",
        "The four women were brought home in December 2017 with the help of police.",
    ):
        assert classify(sentence) == classify_plainly(sentence)
        kind = classify(sentence)
        assert kind is not None and kind.kind == "enforcement", sentence
    # A yearly count of repatriations stays a figure.
    kind = classify("Authorities repatriated 1,284 trafficking victims across borders in 2010.")
    assert kind is not None and kind.kind == "statistic"


def test_people_returned_or_deported_is_enforcement() -> None:
    sentence = (
        "Eleven of the crew were repatriated through the Poipet checkpoint in December 2016, "
        "while the Myanmar men were returned via Mae Sot the following month."
    )
    assert classify(sentence) == classify_plainly(sentence)
    kind = classify(sentence)
    assert kind is not None and kind.kind == "enforcement"
