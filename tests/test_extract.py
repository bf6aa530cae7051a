"""Events from articles: when a sentence is an event, its date, type, countries and id."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.corpus import parse_article
from timeline.extract import extract_events, summarize
from timeline.kinds import classify
from timeline.model import EVENT_TYPES


def events_of(text: str, name: str = "a.txt"):
    return extract_events(parse_article(text, name))


def one(text: str):
    events = events_of(text)
    assert len(events) == 1, [(e.date, e.type, e.sentence) for e in events]
    return events[0]


HEAD = "Headline about trafficking\n\n[3 May 2012] - "


def test_an_undated_report_takes_the_article_date():
    e = one(HEAD + "The Thai government has launched a national task force on trafficking.")
    assert (e.date, e.precision, e.approximate, e.type) == (
        "2012-05-03",
        "day",
        False,
        "task_force",
    )
    assert e.countries == ("Thailand",)


def test_without_an_article_date_it_is_undated():
    e = one("Headline\n\nThe Thai government has launched a national task force on trafficking.")
    assert (e.date, e.precision) == (None, None)


def test_a_date_in_the_sentence_wins_over_the_article_date():
    e = one(HEAD + "Police arrested 12 suspects in Laos in 2010, officials said.")
    assert (e.date, e.type, e.countries) == ("2010", "enforcement", ("Laos",))


def test_one_event_per_distinct_date_in_a_sentence():
    events = events_of(HEAD + "Police rescued 90 victims in 2016, while in 2015 they rescued 100.")
    assert [e.date for e in events] == ["2016", "2015"]
    assert len({e.id for e in events}) == 2
    assert len({(e.article, e.sentence, e.date) for e in events}) == 2


def test_each_date_is_typed_by_its_own_clause():
    text = HEAD + (
        "Thailand and Myanmar signed a memorandum of understanding in 2016, "
        "and officials will meet in Yangon in 2018 to review it."
    )
    assert [(e.date, e.type) for e in events_of(text)] == [
        ("2016", "agreement"),
        ("2018", "conference"),
    ]


def test_relative_dates_resolve_against_the_article_date():
    e = one(HEAD + "Last year, the United States elevated the country from the lowest tier.")
    assert e.date == "2011"
    assert e.type == "tier_change"
    assert e.countries == ("United States",)  # no main country named in this article


def test_a_date_relative_to_an_approximate_article_date_is_approximate():
    text = (
        "Report praises Cambodia\n\nThe US removed Cambodia from a watchlist, according to a "
        "report released Monday. The annual 2010 Trafficking in Persons report ranks Cambodia "
        "Tier 2.\n\nPolice arrested 20 traffickers in Cambodia last year."
    )
    events = events_of(text)
    assert [(e.date, e.approximate, e.type) for e in events] == [
        ("2010", True, "tier_change"),
        ("2009", True, "enforcement"),
    ]


def test_quoted_remarks_and_negated_actions_without_dates_are_not_events():
    text = HEAD + (
        "“We arrested many traffickers,” the chief said.\n\n"
        "The government has never prosecuted any recruiters.\n\n"
        "Thousands of people are trafficked through the country every year."
    )
    assert events_of(text) == []


def test_headings_and_captions_are_not_events():
    assert events_of(HEAD + "Talks held\n\nMeeting in 2012\n\nThe weather was fine.") == []


def test_a_later_sentence_elaborating_the_same_event_adds_nothing():
    text = HEAD + (
        "The ministry hosted a regional meeting on trafficking in Phnom Penh, Cambodia. "
        "More than 100 participants joined the meeting."
    )
    assert [e.type for e in events_of(text)] == ["conference"]


def test_countries_inherit_the_main_country_marked_as_inherited():
    text = HEAD + (
        "Cambodia and Cambodian officials met Thai police. "
        "Police arrested 40 suspects in 2011.\n\n"
        "An estimated 21 million people worldwide were trafficked in 2011, the report found."
    )
    by_type = {e.type: e for e in events_of(text)}
    assert by_type["enforcement"].countries == ("Cambodia",)
    assert by_type["enforcement"].inherited == ("Cambodia",)
    assert by_type["report"].countries == ()  # a world-scale sentence inherits nothing


def test_demonyms_and_aliases_give_canonical_countries():
    e = one(HEAD + "Burmese and Lao workers were rescued by Khmer police in 2013.")
    assert set(e.countries) == {"Myanmar", "Laos", "Cambodia"}


def test_ids_are_stable_and_depend_on_the_text_not_on_offsets():
    text = "Headline\n\nPolice arrested 12 suspects in Laos in 2010."
    first = one(text)
    again = one(text)
    shifted = one("Headline\n\nOpening words.\n\nPolice arrested 12 suspects in Laos in 2010.")
    assert first.id == again.id == shifted.id
    assert first.start != shifted.start


def test_summary_is_one_line_without_dateline_and_cut_to_width():
    assert (
        summarize("[6 April 2007] - The  government\nlaunched it.") == "The government launched it."
    )
    long = summarize("word " * 60)
    assert len(long) <= 120 and long.endswith("…")


def test_types_cover_the_vocabulary():
    cases = {
        "The ministry set up a new anti-trafficking task force.": "task_force",
        "The US downgraded Malaysia to Tier 3.": "tier_change",
        "Both countries signed a memorandum of understanding.": "agreement",
        "Parliament passed a new anti-trafficking law.": "law",
        "Officials attended a regional workshop in Bangkok.": "conference",
        "Police arrested five brothel owners.": "enforcement",
        "A total of 959 cases were reported.": "statistic",
        "The UN released a report on forced labour.": "report",
    }
    for sentence, kind in cases.items():
        assert classify(sentence).kind == kind, sentence
    assert set(cases.values()) | {"other"} == set(EVENT_TYPES)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_extraction_never_raises_and_spans_hold(text):
    article = parse_article(text, "random.txt")
    for e in extract_events(article):
        assert article.text[e.start : e.end] == e.sentence
        assert e.type in EVENT_TYPES
        assert e.date is None or e.precision is not None


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Police arrested 12 people in 2010.",
                "Last year the task force was launched.",
                "In March, Cambodia signed the convention.",
                "“Quote,” he said on Friday.",
                "[6 April 2007] - ",
                "\n\n",
                " ",
                "Related Stories\n",
                "The U.S. ranked Laos Tier 2 in 2008–2009.",
            ]
        ),
        max_size=12,
    )
)
def test_extraction_on_newsy_fragments(parts):
    article = parse_article("".join(parts) or " ", "n.txt")
    events = extract_events(article)
    assert len({(e.sentence, e.start, e.date) for e in events}) == len(events)
    for e in events:
        assert article.text[e.start : e.end] == e.sentence
