"""Tests for :mod:`timeline.language.dates`: the date mentions a reader would see in news text."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.language.dates import DateMention, find_dates, work_done

#: A Tuesday.
REF = dt.date(2013, 6, 25)
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def found(text: str, reference: dt.date | None = REF, precision: str = "day") -> list[tuple]:
    """(text, value, precision) of every mention, after checking each span."""
    mentions = find_dates(text, reference, precision)  # type: ignore[arg-type]
    for m in mentions:
        assert text[m.start : m.end] == m.text
    return [(m.text, m.value, m.precision) for m in mentions]


def only(text: str, reference: dt.date | None = REF, precision: str = "day") -> DateMention:
    """The single mention in ``text``."""
    mentions = find_dates(text, reference, precision)  # type: ignore[arg-type]
    assert len(mentions) == 1, mentions
    return mentions[0]


def assert_only(text: str, expected: str, value: str | None, precision: str | None) -> None:
    """``text`` holds exactly one mention, ``expected``, with that value and precision."""
    m = only(text)
    start = text.index(expected)
    assert (m.start, m.end, m.text) == (start, start + len(expected), expected)
    assert (m.value, m.precision) == (value, precision)


# --------------------------------------------------------------------------- full dates


@pytest.mark.parametrize(
    ("text", "expected", "value"),
    [
        ("It happened on 6 April 2007 in Phnom Penh.", "6 April 2007", "2007-04-06"),
        ("It was signed April 6, 2007, by both sides.", "April 6, 2007", "2007-04-06"),
        ("June 25th, 2013: The United Nations hosted", "June 25th, 2013", "2013-06-25"),
        ("The law passed on 21st October 2014.", "21st October 2014", "2014-10-21"),
        ("Talks opened Feb 2, 2012 in Hanoi.", "Feb 2, 2012", "2012-02-02"),
        ("Talks opened Feb. 2, 2012 in Hanoi.", "Feb. 2, 2012", "2012-02-02"),
        ("The raid came on Sept. 3, 2012 at dawn.", "Sept. 3, 2012", "2012-09-03"),
        ("Published Tuesday, 14 June 2011 by staff", "Tuesday, 14 June 2011", "2011-06-14"),
        ("Updated 2019-02-11 10:30", "2019-02-11", "2019-02-11"),
        ("Updated 2019-02-11T10:30:00Z", "2019-02-11", "2019-02-11"),
        ("Filed 13/07/2005 in court", "13/07/2005", "2005-07-13"),
        ("Filed 07/13/2005 in court", "07/13/2005", "2005-07-13"),
        ("Filed 07/07/2005 in court", "07/07/2005", "2005-07-07"),
        ("Filed 13.07.2005 in court", "13.07.2005", "2005-07-13"),
        ("JUNE 25, 2013 - PHNOM PENH", "JUNE 25, 2013", "2013-06-25"),
        ("on the 6th of April 2007 they met", "6th of April 2007", "2007-04-06"),
        ("a summit held 6-8 April 2007 in Manila", "6-8 April 2007", "2007-04-06"),
        ("a summit held April 6–8, 2007 in Manila", "April 6–8, 2007", "2007-04-06"),
        ("It began on 6\xa0April\xa02007.", "6\xa0April\xa02007", "2007-04-06"),
    ],
)
def test_full_dates(text: str, expected: str, value: str) -> None:
    assert_only(text, expected, value, "day")
    assert not only(text).relative


@pytest.mark.parametrize(
    ("text", "expected", "value"),
    [
        ("The deal of 31 February 2012 was void.", "31 February 2012", "2012-02"),
        ("Stamped 2019-02-30 by mistake.", "2019-02-30", "2019-02"),
    ],
)
def test_impossible_day_is_not_a_day_precision_date(text: str, expected: str, value: str) -> None:
    assert_only(text, expected, value, "month")


@pytest.mark.parametrize(
    "text", ["Filed 05/07/2005 in court", "version 1.2.2010 released", "In 12/2010/45 it says"]
)
def test_ambiguous_numeric_dates_are_left_out(text: str) -> None:
    assert found(text) == []


# --------------------------------------------------------------------------- month and year


@pytest.mark.parametrize(
    ("text", "expected", "value"),
    [
        ("The task force met in May 2010 in Hanoi.", "May 2010", "2010-05"),
        ("It was ratified in December 2012.", "December 2012", "2012-12"),
        ("It was ratified in Dec. 2012.", "Dec. 2012", "2012-12"),
        ("It was ratified in May of 2010.", "May of 2010", "2010-05"),
        ("Talks resumed in early December 2012.", "early December 2012", "2012-12"),
        ("Talks resumed in mid-March 2011.", "mid-March 2011", "2011-03"),
    ],
)
def test_month_and_year(text: str, expected: str, value: str) -> None:
    assert_only(text, expected, value, "month")
    assert not only(text).relative


@pytest.mark.parametrize(
    ("text", "expected", "value", "precision"),
    [
        ("The meeting was held in March.", "March", "2013-03", "month"),
        ("The law was signed on 12 May.", "12 May", "2013-05-12", "day"),
        ("On May 12 the ministry signed it.", "May 12", "2013-05-12", "day"),
        ("Raids were stepped up in early December.", "early December", "2012-12", "month"),
        ("They met last October in Bangkok.", "last October", "2012-10", "month"),
        ("They will meet next March in Bangkok.", "next March", "2014-03", "month"),
        ("It was held in mid-March.", "mid-March", "2013-03", "month"),
        ("Talks since May have stalled.", "May", "2013-05", "month"),
        ("The Dec. talks: they met in Dec. and agreed.", "Dec.", "2012-12", "month"),
    ],
)
def test_month_without_year_takes_the_reference_year(
    text: str, expected: str, value: str, precision: str
) -> None:
    m = only(text)
    start = text.rindex(expected)
    assert (m.start, m.end, m.text) == (start, start + len(expected), expected)
    assert (m.value, m.precision, m.relative) == (value, precision, True)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # October lies after the reference (25 June 2013): past tense means last year's.
        ("The report was released in October.", "2012-10"),
        ("The agreement was signed on 30 June.", "2012-06-30"),
        # March lies before the reference: future tense means next year's.
        ("The conference will be held in March.", "2014-03"),
        ("The convention is scheduled to be ratified by March.", "2014-03"),
        # No tense either way: the reference year.
        ("The October talks in October are important.", "2013-10"),
        ("The meeting was held in March.", "2013-03"),
        ("The ministers will meet in October.", "2013-10"),
    ],
)
def test_tense_chooses_the_year_of_a_bare_month(text: str, value: str) -> None:
    mentions = find_dates(text, REF)
    assert [m.value for m in mentions] == [value]


def test_last_and_next_month_name_are_strict() -> None:
    assert only("They met last June.").value == "2012-06"
    assert only("They met last May.").value == "2013-05"
    assert only("They meet next June.").value == "2014-06"
    assert only("They meet next July.").value == "2013-07"
    assert only("They met last October.", dt.date(2013, 11, 5)).value == "2013-10"


def test_months_and_days_without_reference_are_unresolved() -> None:
    for text in ("It was held in March.", "It was signed on 12 May.", "They met last October."):
        m = only(text, None)
        assert (m.value, m.precision, m.relative) == (None, None, True)


# --------------------------------------------------------------------------- years


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("959 cases were reported in 2012 in Cambodia.", [("2012", "2012")]),
        ("up from 11 in the 2009 assessment", [("2009", "2009")]),
        ("The annual 2010 Trafficking in Persons report", [("2010", "2010")]),
        ("to be ratified by the end of 2015, and", [("2015", "2015")]),
        ("It has grown since 2005.", [("2005", "2005")]),
        ("A 2005 report from the ILO", [("2005", "2005")]),
        ("In 2005, it was considered Tier 3.", [("2005", "2005")]),
        ("Cases rose in 2011 and 2012.", [("2011", "2011"), ("2012", "2012")]),
        (
            "Cases rose in 2010, 2011 and 2012.",
            [("2010", "2010"), ("2011", "2011"), ("2012", "2012")],
        ),
        ("the 2008–2009 crisis", [("2008", "2008"), ("2009", "2009")]),
        ("the 2008—2009 crisis", [("2008", "2008"), ("2009", "2009")]),
        ("the 2008-09 budget", [("2008", "2008"), ("09", "2009")]),
        ("the 2012/13 season", [("2012", "2012"), ("13", "2013")]),
        ("from 2008 to 2009", [("2008", "2008"), ("2009", "2009")]),
        ("between 2008 and 2010", [("2008", "2008"), ("2010", "2010")]),
        ("It opens in early 2012.", [("early 2012", "2012")]),
        ("It opens in late 2012.", [("late 2012", "2012")]),
        ("It opened mid-2012.", [("mid-2012", "2012")]),
        ("Spending for fiscal 2012 fell.", [("2012", "2012")]),
        ("2012's budget and 2013’s plans", [("2012", "2012"), ("2013", "2013")]),
        ("Cambodia’s 2010 budget rose.", [("2010", "2010")]),
        ("in spring 2014 they met", [("2014", "2014")]),
        ("36 in 2012 and 15 in 2013", [("2012", "2012"), ("2013", "2013")]),
        ("down from 2008 levels", [("2008", "2008")]),
        ("The 2012 elections were disputed.", [("2012", "2012")]),
        # A year after "in" is not a count: a count of 2017 would be written 2,017.
        ("In 2017 police found 250 victims.", [("2017", "2017")]),
        ("Since 2009 officials have made 40 arrests.", [("2009", "2009")]),
        ("In 2010-11 officials made 40 arrests.", [("2010", "2010"), ("11", "2011")]),
    ],
)
def test_years_in_context(text: str, expected: list[tuple[str, str]]) -> None:
    mentions = find_dates(text, REF)
    assert [(m.text, m.value, m.precision, m.relative) for m in mentions] == [
        (t, v, "year", False) for t, v in expected
    ]
    cursor = 0
    for m, (t, _) in zip(mentions, expected, strict=True):
        start = text.index(t, cursor)
        assert (m.start, m.end) == (start, start + len(t))
        cursor = m.end


def test_decades_are_left_out() -> None:
    assert found("Trafficking grew in the 1990s and 2000s.") == []


def test_years_outside_1900_2099_are_not_read() -> None:
    assert found("It was founded in 1850 and closes in 2150.") == []
    assert found("A treaty of 6 April 1850 still holds.") == []


# --------------------------------------------------------------------------- relative


@pytest.mark.parametrize(
    ("text", "expected", "value", "precision"),
    [
        ("Last year, the US elevated it.", "Last year", "2012", "year"),
        ("Last year’s report criticised it.", "Last year", "2012", "year"),
        ("last year's report criticised it", "last year", "2012", "year"),
        ("They plan more raids this year.", "this year", "2013", "year"),
        ("It will be ratified next year.", "next year", "2014", "year"),
        ("It improved in the past year.", "the past year", "2013", "year"),
        ("Convictions during the last year tripled.", "the last year", "2013", "year"),
        ("It made strides over the last 12 months.", "the last 12 months", "2013", "year"),
        ("It was found a year ago.", "a year ago", "2012", "year"),
        ("It was found two years ago.", "two years ago", "2011", "year"),
        ("It was found 3 months ago.", "3 months ago", "2013-03", "month"),
        ("Prices rose last month.", "last month", "2013-05", "month"),
        ("Prices rose this month.", "this month", "2013-06", "month"),
        ("Prices rise next month.", "next month", "2013-07", "month"),
        ("The chief said yesterday.", "yesterday", "2013-06-24", "day"),
        ("The chief said today.", "today", "2013-06-25", "day"),
        ("The vote is tonight.", "tonight", "2013-06-25", "day"),
        ("The vote is tomorrow.", "tomorrow", "2013-06-26", "day"),
        ("He was arrested last night.", "last night", "2013-06-24", "day"),
        ("He spoke this morning.", "this morning", "2013-06-25", "day"),
        ("He spoke this afternoon.", "this afternoon", "2013-06-25", "day"),
        ("He speaks this evening.", "this evening", "2013-06-25", "day"),
        ("Talks began this week.", "this week", "2013-06", "month"),
        ("Talks began last week.", "last week", "2013-06", "month"),
        ("Talks begin next week.", "next week", "2013-07", "month"),
        ("It was set up earlier this year.", "earlier this year", "2013", "year"),
        ("It opens later this month.", "later this month", "2013-06", "month"),
    ],
)
def test_relative_expressions(text: str, expected: str, value: str, precision: str) -> None:
    m = only(text)
    start = text.index(expected)
    assert (m.start, m.end, m.text) == (start, start + len(expected), expected)
    assert (m.value, m.precision, m.relative) == (value, precision, True)
    # Without a reference the same mention is found but left unresolved.
    m = only(text, None)
    assert (m.text, m.value, m.precision, m.relative) == (expected, None, None, True)


def test_relative_dates_with_a_datetime_reference() -> None:
    assert only("It rose last year.", dt.datetime(2013, 6, 25, 12, 0)).value == "2012"


def test_week_precision_follows_the_day_it_points_to() -> None:
    assert only("Talks began last week.", dt.date(2013, 6, 3)).value == "2013-05"
    assert only("Talks begin next week.", dt.date(2013, 6, 3)).value == "2013-06"


@pytest.mark.parametrize(
    ("text", "expected", "value"),
    [
        ("Experts said Friday at the close", "Friday", "2013-06-21"),
        ("Experts said Tuesday at the close", "Tuesday", "2013-06-25"),
        ("Friday’s meeting was short.", "Friday", "2013-06-21"),
        ("He left last Friday for Hanoi.", "last Friday", "2013-06-21"),
        ("He left last Tuesday for Hanoi.", "last Tuesday", "2013-06-18"),
        ("They will meet next Friday.", "next Friday", "2013-06-28"),
        ("They will meet next Tuesday.", "next Tuesday", "2013-07-02"),
        ("They will meet on Friday.", "Friday", "2013-06-28"),
        ("They met on Friday.", "Friday", "2013-06-21"),
        ("The bill is scheduled for a vote Monday.", "Monday", "2013-07-01"),
    ],
)
def test_weekdays(text: str, expected: str, value: str) -> None:
    m = only(text)
    start = text.index(expected)
    assert (m.start, m.end, m.text) == (start, start + len(expected), expected)
    assert (m.value, m.precision, m.relative) == (value, "day", True)
    assert only(text, None).value is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a report released Monday", "2010"),
        ("Prices rose last month.", "2010"),
        ("The chief said yesterday.", "2010"),
        ("Talks began last week.", "2010"),
        ("They met last October.", "2010"),
        ("Last year’s report criticised it.", "2009"),
        ("It will be ratified next year.", "2011"),
        ("It was found two years ago.", "2008"),
        ("It improved in the past year.", "2010"),
    ],
)
def test_year_only_reference_truncates_to_year(text: str, value: str) -> None:
    m = only(text, dt.date(2010, 1, 1), "year")
    assert (m.value, m.precision, m.relative) == (value, "year", True)


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("It was held in March.", "2010-03", "month"),
        ("It was signed on 12 May.", "2010-05-12", "day"),
    ],
)
def test_a_month_named_under_a_year_only_reference_keeps_its_precision(
    text: str, value: str, precision: str
) -> None:
    m = only(text, dt.date(2010, 1, 1), "year")
    assert (m.value, m.precision, m.relative) == (value, precision, True)


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("The chief said yesterday.", "2010-06", "month"),
        ("a report released Monday", "2010-06", "month"),
        ("Prices rose last month.", "2010-05", "month"),
        ("It was signed on 12 May.", "2010-05-12", "day"),  # named outright: kept
        ("It was released in October.", "2009-10", "month"),
        ("Last year’s report criticised it.", "2009", "year"),
    ],
)
def test_month_reference_truncates_to_month(text: str, value: str, precision: str) -> None:
    m = only(text, dt.date(2010, 6, 1), "month")
    assert (m.value, m.precision) == (value, precision)


def test_absolute_dates_ignore_reference_precision() -> None:
    m = only("It began on 6 April 2007.", dt.date(2010, 1, 1), "year")
    assert (m.value, m.precision, m.relative) == ("2007-04-06", "day", False)


# --------------------------------------------------------------------------- not dates


@pytest.mark.parametrize(
    "text",
    [
        "There were 36 convictions last",
        "a total of 959 cases of trafficking",
        "with 364 in Burma, 883 in Vietnam",
        "at least 12.3 million people",
        "more than $150 billion per year",
        "about 2,000 were rescued",
        "more than 5,000 people were",
        "decreased by 29.34 percent",
        "More than 100 participants joined",
        "detained for 90 days",
        "more than 2000 people marched",
        "in 2000 people were freed",
        "sent 1500 troops",
        "the 2000 victims",
        "20 percent of 2000 respondents said so",
        "Between 2000 and 3000 workers were freed.",
        "About 1,900 people, or 2010 persons by another count.",
        "Vision 2030 aims high.",
        "The office is at 2012 Norodom Boulevard.",
        "Law No. 2008/11 on trafficking",
        "Trafficking may be exacerbated as people move.",
        "May I ask a question?",
        "Protesters march on the ministry.",
        "They marched on the ministry.",
        "They March on the ministry.",
        "He sat down. Sat on it. The Sun reported. Wed to a diplomat.",
        "Tuesday Weld starred in the film.",
        "Shops close on Good Friday.",
        "Shops close every Friday.",
        "Markets open on Fridays.",
        "USA Today reported the figures.",
        "In today’s world technology changes fast.",
        "under Resolution 2012/45 of the council",
        "certified to ISO 9001 standards",
        "along Route 1960 near the border",
        "a Boeing 737 landed",
        "Case No. 2010 was heard.",
        "Call +855 23 555 2012 for help.",
        "Call 555-2012 for help.",
        "the form A-2010-XY is due",
        "see http://news.example.com/2010/05/story-2012.html for more",
        "saved in C:\\reports\\2010\\summary.txt and /var/data/2012/file.txt",
        "open report_2010.pdf",
        "see https://example.com/2013/06/25/story and www.example.com/news/2013-06-25-talks",
        "see https://example.com/news/May-2010-report.html",
        "pages 1995-2003 of the annex",
        "the 1990s",
        "The ministry said, 2012, that it would act.",
        "2012 was a hard year for the ministry.",
        "Jan said the Mar office was closed.",
    ],
)
def test_not_dates(text: str) -> None:
    assert found(text) == []


def test_may_and_march_with_context_are_months() -> None:
    assert found("It was held in May.") == [("May", "2013-05", "month")]
    assert found("Since March they have met.") == [("March", "2013-03", "month")]
    assert found("May 2010 was hot.") == [("May 2010", "2010-05", "month")]
    assert found("In May 2000 people marched.") == [("May", "2013-05", "month")]
    assert found("In May 2012 police raided 40 bars.") == [("May 2012", "2012-05", "month")]
    assert found("In May 12 people were arrested.") == [("May", "2013-05", "month")]


# --------------------------------------------------------------------------- ordering


def test_mentions_are_sorted_and_longest_wins() -> None:
    text = "On Tuesday, 14 June 2011, and in May 2010, and last year, and in 2009."
    assert found(text) == [
        ("Tuesday, 14 June 2011", "2011-06-14", "day"),
        ("May 2010", "2010-05", "month"),
        ("last year", "2012", "year"),
        ("2009", "2009", "year"),
    ]


def test_text_whose_lower_case_changes_length() -> None:
    text = "İstanbul talks ended last year, in 2012."
    assert found(text) == [("last year", "2012", "year"), ("2012", "2012", "year")]
    assert text.index("last year") == find_dates(text, REF)[0].start


def test_empty_text() -> None:
    assert find_dates("") == []
    assert find_dates("", REF) == []


# --------------------------------------------------------------------------- properties

_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_FRAGMENTS = [
    "6 April 2007",
    "April 6, 2007",
    "in 2012",
    "2008–09",
    "the 2009 ",
    "last year",
    "Friday",
    "next Friday",
    "in March",
    "12 May",
    "31 February",
    "2019-02-30",
    "13/07/2005",
    "two years ago",
    "mid-",
    "early ",
    "’s",
    " ",
    ", ",
    ".",
    "\xa0",
    "—",
    "-",
    "/",
    "99",
    "2099",
    "1900",
    "Sept.",
    "today",
    "was ",
    "will ",
    "İ",
]


def _check(text: str, mentions: list[DateMention]) -> None:
    last_end = 0
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.start >= last_end
        last_end = m.end
        assert (m.value is None) == (m.precision is None)
        if m.value is not None:
            assert _ISO.match(m.value)
            parts = [int(p) for p in m.value.split("-")]
            dt.date(*(parts + [1] * (3 - len(parts))))
            assert m.precision == {4: "year", 7: "month", 10: "day"}[len(m.value)]


@settings(max_examples=300, deadline=None)
@given(
    text=st.text() | st.lists(st.sampled_from(_FRAGMENTS) | st.text(max_size=4)).map("".join),
    reference=st.none() | st.dates(),
    precision=st.sampled_from(["year", "month", "day"]),
)
def test_find_dates_never_raises_and_is_well_formed(
    text: str, reference: dt.date | None, precision: str
) -> None:
    _check(text, find_dates(text, reference, precision))  # type: ignore[arg-type]


# --------------------------------------------------------------------------- seed articles


def _seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def _around(text: str, phrase: str, mentions: list[DateMention]) -> list[tuple]:
    """The mentions inside the first occurrence of ``phrase``."""
    start = text.index(phrase)
    end = start + len(phrase)
    return [(m.text, m.value) for m in mentions if start <= m.start and m.end <= end]


def test_seed_articles_give_the_dates_a_reader_sees() -> None:
    text = _seed("001")
    mentions = find_dates(text, dt.date(2010, 1, 1), "year")
    assert _around(text, "The annual 2010 Trafficking in Persons report", mentions) == [
        ("2010", "2010")
    ]
    assert _around(text, "more than tripled to 36, the report states", mentions) == []
    assert _around(text, "up from 11 in the 2009 assessment", mentions) == [("2009", "2009")]
    assert _around(text, "Last year’s report", mentions) == [("Last year", "2009")]
    assert _around(text, "at least 12.3 million people", mentions) == []
    assert _around(text, "In 2005, it was considered", mentions) == [("2005", "2005")]
    assert _around(text, "human trafficking may be exacerbated", mentions) == []

    text = _seed("000")
    mentions = find_dates(text, dt.date(2013, 12, 13))
    assert _around(text, "959 cases of human trafficking were reported in 2012", mentions) == [
        ("2012", "2012")
    ]
    assert _around(text, "with 364 in Burma, 883 in Vietnam", mentions) == []
    assert _around(text, "by the end of 2015", mentions) == [("2015", "2015")]

    text = _seed("002")
    mentions = find_dates(text, dt.date(2017, 1, 10))
    assert _around(text, "chief said yesterday", mentions) == [("yesterday", "2017-01-09")]
    assert _around(text, "decrease by 29.34 percent", mentions) == []
    assert _around(text, "more than $150 billion per year", mentions) == []

    text = _seed("003")
    mentions = find_dates(text, dt.date(2007, 4, 6))
    assert _around(text, "[6 April 2007]", mentions) == [("6 April 2007", "2007-04-06")]
    assert _around(text, "more than 5,000 people", mentions) == []
    assert _around(text, "Last year, the United States", mentions) == [("Last year", "2006")]
    assert _around(text, "http://news.bbc.co.uk/2/hi/asia-pacific/6532181.stm", mentions) == []

    text = _seed("004")
    mentions = find_dates(text)
    assert _around(text, "June 25th, 2013:", mentions) == [("June 25th, 2013", "2013-06-25")]
    assert _around(text, "More than 100 participants", mentions) == []


def test_seed_articles_are_well_formed_with_any_reference() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for reference in (None, REF):
            _check(text, find_dates(text, reference))


def test_a_spaced_dash_after_a_year_is_punctuation_not_a_count():
    text = "Thai police arrested 5 people in 2011 – officials said."
    assert [(m.text, m.value) for m in find_dates(text)] == [("2011", "2011")]


# --------------------------------------------------------------------------- ranges


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "From January to June 2021, police rescued 40 people.",
            [("January", "2021-01"), ("June 2021", "2021-06")],
        ),
        (
            "Raids rose between March and May 2019 in the north.",
            [("March", "2019-03"), ("May 2019", "2019-05")],
        ),
        ("Raids rose January–June 2021.", [("January", "2021-01"), ("June 2021", "2021-06")]),
        (
            "Talks ran from 3 to 5 May 2019 in Hanoi.",
            [("3", "2019-05-03"), ("5 May 2019", "2019-05-05")],
        ),
        (
            "Talks ran from 3 May to 5 June 2019 in Hanoi.",
            [("3 May", "2019-05-03"), ("5 June 2019", "2019-06-05")],
        ),
        # The start lies after the end in the named year: it belongs to the year before.
        (
            "Raids ran from November to March 2020.",
            [("November", "2019-11"), ("March 2020", "2020-03")],
        ),
        # A list shares its year too.
        (
            "Cases rose in March, April and May 2019.",
            [("March", "2019-03"), ("April", "2019-04"), ("May 2019", "2019-05")],
        ),
    ],
)
def test_a_year_after_a_range_applies_to_its_start(
    text: str, expected: list[tuple[str, str]]
) -> None:
    for reference in (dt.date(2012, 5, 3), None):
        mentions = find_dates(text, reference)
        assert [(m.text, m.value) for m in mentions] == expected
        assert not any(m.relative for m in mentions)


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        # December lies after the reference month in a past-tense sentence: both ends are 2022.
        (
            "The ministry brought back 1,287 citizens between January and December, and said"
            " more would follow.",
            dt.date(2023, 3, 12),
            [("January", "2022-01"), ("December", "2022-12")],
        ),
        (
            "Raids were carried out between January and March.",
            dt.date(2023, 6, 12),
            [("January", "2023-01"), ("March", "2023-03")],
        ),
        # A range across a new year: the end is the later one.
        (
            "Raids were carried out from October to February.",
            dt.date(2023, 6, 12),
            [("October", "2022-10"), ("February", "2023-02")],
        ),
        (
            "The campaign will run from October to February.",
            dt.date(2023, 6, 12),
            [("October", "2023-10"), ("February", "2024-02")],
        ),
        (
            "The campaign will run from January to March.",
            dt.date(2023, 6, 12),
            [("January", "2024-01"), ("March", "2024-03")],
        ),
        (
            "Talks were held between 3 and 5 May.",
            dt.date(2023, 3, 12),
            [("3", "2022-05-03"), ("5 May", "2022-05-05")],
        ),
        # A year named at the start carries on to the end.
        (
            "Raids ran from December 2019 to March.",
            dt.date(2023, 6, 12),
            [("December 2019", "2019-12"), ("March", "2020-03")],
        ),
    ],
)
def test_a_range_without_a_year_lies_in_one_year_and_runs_forward(
    text: str, reference: dt.date, expected: list[tuple[str, str]]
) -> None:
    assert [(m.text, m.value) for m in find_dates(text, reference)] == expected


@pytest.mark.parametrize(
    "text", ["LONDON, June 25, 2017 – May said on Monday.", "In June 2017 - May called a vote."]
)
def test_a_dash_after_a_dateline_does_not_open_a_range(text: str) -> None:
    assert "May" not in [m.text for m in find_dates(text, REF)]


def test_a_range_without_a_year_or_reference_stays_unresolved() -> None:
    mentions = find_dates("Raids were carried out between January and December.")
    assert [(m.text, m.value, m.relative) for m in mentions] == [
        ("January", None, True),
        ("December", None, True),
    ]


# --------------------------------------------------------------------------- "a year later"

_Y17 = ("2017", "2017")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In 2017 police found 250 victims, up from 216 the year before.",
            [_Y17, ("the year before", "2016")],
        ),
        ("In 2017 the law passed; a year earlier it failed.", [_Y17, ("a year earlier", "2016")]),
        (
            "In 2017 the law passed; the previous year it failed.",
            [_Y17, ("the previous year", "2016")],
        ),
        (
            "The law passed in 2017 and took effect the following year.",
            [_Y17, ("the following year", "2018")],
        ),
        ("The law passed in 2017. A year later it took effect.", [_Y17, ("A year later", "2018")]),
        (
            "The law passed in 2017. Two years later it took effect.",
            [_Y17, ("Two years later", "2019")],
        ),
        ("The law passed in 2017. Raids rose that year.", [_Y17, ("that year", "2017")]),
        (
            "The law passed in March 2017; later the same year it took effect.",
            [("March 2017", "2017-03"), ("the same year", "2017")],
        ),
        # Counted from the nearest mention with a value before it, itself perhaps counted.
        (
            "In 2010 there were 36 cases and in 2017 250; the year before 216, and the year"
            " before that 180.",
            [("2010", "2010"), _Y17, ("the year before", "2016"), ("the year before", "2015")],
        ),
        (
            "Last year 250 victims were found, up from 216 the year before.",
            [("Last year", "2012"), ("the year before", "2011")],
        ),
    ],
)
def test_years_counted_from_the_year_named_before(
    text: str, expected: list[tuple[str, str]]
) -> None:
    for reference in (REF, None):
        mentions = find_dates(text, reference)
        if reference is None and expected[0][0] == "Last year":
            expected = [("Last year", None), ("the year before", None)]
        assert [(m.text, m.value) for m in mentions] == expected
        for m in mentions:
            if "year" in m.text.lower():
                assert m.relative
                assert m.precision == ("year" if m.value else None)


def test_a_year_later_without_a_year_before_is_unresolved() -> None:
    m = only("A year later the law took effect.")
    assert (m.text, m.value, m.precision, m.relative) == ("A year later", None, None, True)


@pytest.mark.parametrize(
    "text",
    [
        "the year before the election was calm",
        "In 2017 the year after the coup began was calm",
        "In 2017 it finished a year earlier than planned.",
        "In 2017 prices rose year after year.",
        "In 2017 it began that year-long campaign.",
    ],
)
def test_a_year_before_something_named_is_not_counted(text: str) -> None:
    assert [m.text for m in find_dates(text, REF) if "year" in m.text.lower()] == []


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Thai police arrested 5 people in 2011 – officials said.", ["2011"]),
        ("Thai police arrested 5 people in 2011—officials said.", ["2011"]),
        ("Cases fell in 2000 - officials said.", ["2000"]),
        ("Cases fell in 2000\n\nPeople were freed later.", ["2000"]),
        # A hyphen joined to both sides, or a line break inside a sentence, keeps the count.
        ("A 2,000-strong force arrived in 2011.", ["2011"]),
        ("A 2000-strong force arrived in 2011.", ["2011"]),
        ("They sent 2000-odd troops.", []),
        ("Police found in 2000\npeople held in camps.", []),
    ],
)
def test_a_dash_or_line_break_after_a_number(text: str, years: list[str]) -> None:
    assert [m.value for m in find_dates(text)] == years


# ------------------------------------------------------ numeric order, months, anaphora


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("08.01.2020 - 10:35 Hanoi (VNA) reported", "2020-01-08"),  # dots: day first
        ("Published: 12/05/2016 | Last updated: 13/05/2016", "2016-05-12"),  # the page's order
        ("Posted 05/12/2016, updated 05/13/2016", "2016-05-12"),
    ],
)
def test_ambiguous_numeric_dates_follow_the_pages_convention(text: str, value: str) -> None:
    from timeline.language.dates import numeric_date_order

    mentions = find_dates(text, order=numeric_date_order(text))
    assert mentions[0].value == value


def test_numeric_date_order_is_unknown_without_evidence_or_with_both() -> None:
    from timeline.language.dates import numeric_date_order

    assert numeric_date_order("Filed 05/07/2005 in court") is None
    assert numeric_date_order("13/05/2016 and 05/13/2016") is None
    assert numeric_date_order("version 1.2.2010, then 13/05/2016") == "dmy"


@pytest.mark.parametrize(
    ("text", "expected", "value"),
    [
        ("In May last year, thousands were abandoned.", "May last year", "2012-05"),
        ("The law passed on 3 March this year.", "3 March this year", "2013-03-03"),
        ("Talks are set for June of next year.", "June of next year", "2014-06"),
    ],
)
def test_month_with_a_relative_year(text: str, expected: str, value: str) -> None:
    assert_only(text, expected, value, "day" if value.count("-") == 2 else "month")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Bodies were found on 1 May 2015. Later that month, police found graves.",
            [("1 May 2015", "2015-05-01", "day"), ("Later that month", "2015-05", "month")],
        ),
        (
            "They agreed on 20 May 2015 to shelter them. Nine days later, 17 countries met.",
            [("20 May 2015", "2015-05-20", "day"), ("Nine days later", "2015-05-29", "day")],
        ),
        (
            "The raid was on 3 March 2014. The next day he resigned.",
            [("3 March 2014", "2014-03-03", "day"), ("The next day", "2014-03-04", "day")],
        ),
        (
            # Too coarse to count days from; the same month keeps what is known.
            "A law passed in 2015. Two weeks later it took effect. That month, police acted.",
            [
                ("2015", "2015", "year"),
                ("Two weeks later", None, None),
                ("That month", "2015", "year"),
            ],
        ),
    ],
)
def test_days_and_months_counted_from_the_date_before(text: str, expected: list) -> None:
    assert found(text) == expected


def test_a_span_counted_from_an_event_is_not_a_date() -> None:
    assert found("Two days after the raid, police arrested him.") == []


def test_the_year_a_figure_covers() -> None:
    text = (
        "Police found 160 cases in 2019, a report said on Tuesday. "
        "They rescued 352 during the year."
    )
    assert found(text)[-1] == ("during the year", "2019", "year")
    assert found("They handled 89 cases in the first eight months of the year.") == [
        ("the first eight months of the year", "2013", "year")
    ]
    # "By the end of the year" is the article's year, whatever year was named before.
    assert found("The plan for 2022-2026 will be adopted before the end of the year.")[-1] == (
        "before the end of the year",
        "2013",
        "year",
    )


def test_the_same_period_is_the_period_named_before() -> None:
    text = (
        "Investigations rose from 158 in 2015 to 326 in 2016. "
        "During the same period, 42 officials were detained."
    )
    assert found(text)[-1] == ("During the same period", "2016", "year")
    # A date after it names the period itself.
    assert [m[0] for m in found("Arrests rose 16% on the same period last year.")] == ["last year"]
    assert [m[0] for m in found("It was twice as many as in the same period of 2014.")] == ["2014"]


def test_a_weekday_after_a_sentence_opener_is_a_date() -> None:
    # REF is Tuesday 25 June 2013.
    assert found("With Sunday's group, 1,092 citizens have now come home.") == [
        ("Sunday", "2013-06-23", "day")
    ]
    assert found("Good Friday is a holiday.") == []


def test_the_year_is_a_year_named_not_one_counted() -> None:
    text = (
        "Police found 160 cases in 2019, down 14.9 percent from the previous year. "
        "They rescued 352 victims during the year."
    )
    assert found(text)[-1] == ("during the year", "2019", "year")


def test_as_early_as_a_year() -> None:
    assert found("As early as 2005, a field survey found brides.") == [("2005", "2005", "year")]


def test_the_same_month_counts_from_the_last_month_named() -> None:
    text = (
        "Raids began in June 2008, a year after last year's report. "
        "The same month, a directive went out."
    )
    assert found(text)[-1] == ("The same month", "2008-06", "month")


def test_a_relative_clause_has_its_own_tense() -> None:
    # REF is Tuesday 25 June 2013: "will host ... on Friday" is this Friday.
    text = "Thailand will host a meeting on Friday, which Myanmar has agreed to attend."
    assert found(text) == [("Friday", "2013-06-28", "day")]


def test_an_attribution_does_not_set_the_tense_of_what_was_said() -> None:
    # REF is Tuesday 25 June 2013: a meeting "due" on 2 July is this year's.
    text = "Ministers are due to meet on July 2, officials said."
    assert found(text) == [("July 2", "2013-07-02", "day")]
    # "said on Friday" is when it was said.
    text = "The minister said on Friday that a committee would review the findings."
    assert found(text) == [("Friday", "2013-06-21", "day")]


def test_a_day_named_by_its_number_is_in_the_month_named_before() -> None:
    text = "In March, police handed over 19 women on the 12th. Two days later, seven more came."
    assert found(text) == [
        ("March", "2013-03", "month"),
        ("on the 12th", "2013-03-12", "day"),
        ("Two days later", "2013-03-14", "day"),
    ]


def test_a_prepositional_relative_clause_has_its_own_tense() -> None:
    # Signed in the past; "would recruit" belongs to the clause "under which ...".
    text = "They signed a memorandum on 18 February under which Malaysia would recruit workers."
    assert found(text, dt.date(2016, 4, 1), "month") == [("18 February", "2016-02-18", "day")]


# --------------------------------------------------------------------------- real news (issue 16)


def test_a_year_named_just_before_a_day_and_month_gives_it_its_year() -> None:
    text = "its 2018 trafficking in persons report released on 28 June"
    assert [m.value for m in find_dates(text, None)] == ["2018", "2018-06-28"]
    assert [m.value for m in find_dates(text, dt.date(2013, 3, 22))] == ["2018", "2018-06-28"]
    # The end of a period is no such year: the month is the article's.
    period = "A plan covering 2021-2025 was launched in March."
    assert [m.value for m in find_dates(period, REF)][-1] == "2013-03"


def test_without_a_reference_a_month_takes_the_year_of_the_story_told_before() -> None:
    text = (
        "Officers patrol the coast, 20 May 2015. Warrants were issued since 1 May. "
        "A suspect turned himself in on 18 May."
    )
    assert [m.value for m in find_dates(text, None)] == ["2015-05-20", "2015-05-01", "2015-05-18"]
    # A bare year is background or a baseline, not a point of the story.
    background = "Police rescued 272 in 2008. It was kept there in June."
    assert [m.value for m in find_dates(background, None)] == ["2008", None]


def test_a_month_after_the_reference_in_a_story_of_the_year_before_is_of_that_year() -> None:
    march = dt.date(2013, 3, 22)
    told = "In 2012 the police made 300 arrests. In July, a crackdown on brothels."
    assert [m.value for m in find_dates(told, march)] == ["2012", "2012-07"]
    # A tense still decides; and without a story of last year it is the reference year.
    assert only("The summit will be held in July.", march).value == "2013-07"
    assert only("In July, a crackdown on brothels.", march).value == "2013-07"


def test_a_weekday_of_the_reference_day_is_that_day_in_any_tense() -> None:
    friday = dt.date(2013, 3, 22)
    assert only("The report will be released on Friday.", friday).value == "2013-03-22"
    assert only("The report was released on Friday.", friday).value == "2013-03-22"
    assert only("The report will be released next Friday.", friday).value == "2013-03-29"


def test_a_year_after_a_gathering_s_place_and_a_publication_is_read() -> None:
    assert only("during the 18th Asean Summit in Indonesia, 2011, leaders").value == "2011"
    assert only("In issuing its Trafficking in Persons (TIP) report 2016, it").value == "2016"
    assert found("It plans to ratify the Work in Fishing Convention, 2007 (No. 188).") == []


def test_a_weekday_before_an_ambiguous_numeric_date_tells_its_order() -> None:
    assert only("Fri, 07/03/2015 - 14:26").value == "2015-07-03"
    assert only("Sat, 07/03/2015 - 14:26").value == "2015-03-07"
    assert found("Sun, 07/03/2015 - 14:26") == []  # neither reading is a Sunday


@pytest.mark.parametrize(
    "unit",
    [
        "May ",
        "in 2012 and ",
        "Posted on May May ",
        "May 3 and ",
        "The report was released in October, officials said. ",
        "the year before the year before ",
        "on the 12th of the past year, said ",
    ],
)
def test_find_dates_does_linear_work_on_pathological_text(unit: str) -> None:
    """The steps taken (matches weighed, candidates, tense markers looked at) on 500 kB of a
    hostile text are about ten times those on 50 kB: no step scans what others scanned."""
    small, large = unit * (50_000 // len(unit)), unit * (500_000 // len(unit))
    ratio = work_done(large, REF) / max(1, work_done(small, REF))
    assert ratio < 15, ratio
