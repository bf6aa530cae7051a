"""Tests for sentence splitting (timeline.extraction.sentences)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.extraction.sentences import split_sentences

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def sentences(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """The sentences of ``text`` as strings."""
    return [text[a:b] for a, b in split_sentences(text, start, end)]


def seed(prefix: str) -> str:
    """The text of the seed article whose file name starts with ``prefix``."""
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


# --- basics ---------------------------------------------------------------------------


def test_simple_sentences_and_spans() -> None:
    text = "  The task force met. It agreed a plan!  Was it enough?  "
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == [
        "The task force met.",
        "It agreed a plan!",
        "Was it enough?",
    ]
    assert spans[0] == (2, 21)


@pytest.mark.parametrize("text", ["", "   ", "\n\n \t\n"])
def test_blank_text_has_no_sentences(text: str) -> None:
    assert split_sentences(text) == []


def test_range_limits_the_spans() -> None:
    text = "Header line\n\nFirst one. Second one. Third one."
    start = text.index("Second")
    end = text.index("Third") - 1
    assert sentences(text, start, end) == ["Second one."]
    assert split_sentences(text, start, end) == [(start, start + len("Second one."))]


# --- abbreviations --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Annette Lyth of the U.N. agency said so.",
        "The U.S. State Department released its report.",
        "Officials from the U.K. Home Office attended.",
        "Ms. Lyth, Mr. Savoeun and Mrs. Sok met Dr. Chan and Prof. Lee.",
        "The meeting included H.E. Ith Rady of the ministry.",
        "They met on St. Patrick's day with Gen. Tea Banh and Lt. Col. Sok.",
        "Sen. Smith, Rep. Jones and Gov. Brown spoke.",
        "It was signed on Jan. 5 and ratified on Sept. 12 and Dec. 3.",
        "See No. 5 and Nos. 6 to 9 in Vol. 2 of the series.",
        "It was Cambodia vs. Thailand in the final.",
        "They seized drugs, guns, etc. and arrested four people.",
        "Some countries, e.g. Laos, and some agencies, i.e. the police, agreed.",
        "Acme Inc. and Widgets Ltd. signed with Mekong Co. and Asia Corp. on Monday.",
        "The report by J. Smith and K. L. Jones was cited.",
        "Police arrived at 9 a.m. Monday and left at 5 p.m. on Tuesday.",
    ],
)
def test_abbreviations_do_not_split(text: str) -> None:
    assert sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "He moved to the U.S. The move was sudden.",
            ["He moved to the U.S.", "The move was sudden."],
        ),
        (
            "The aid came from the U.S. It arrived late.",
            ["The aid came from the U.S.", "It arrived late."],
        ),
        (
            "They sold shoes, bags, etc. The police seized them all.",
            ["They sold shoes, bags, etc.", "The police seized them all."],
        ),
        (
            "The deal was signed by Acme Inc. But it was never honoured.",
            ["The deal was signed by Acme Inc.", "But it was never honoured."],
        ),
        (
            "The raid happened at 5 a.m. He was arrested.",
            ["The raid happened at 5 a.m.", "He was arrested."],
        ),
    ],
)
def test_abbreviation_at_the_end_before_a_sentence_opener(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_ambiguous_us_before_a_name_prefers_one_sentence() -> None:
    text = "Talks were held in the U.S. Cambodia sent a delegation."
    assert sentences(text) == [text]


# --- numbers, URLs, ellipses ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "At least 12.3 million people were subjected to forced labour.",
        "The industry brings in $1.5bn a year.",
        "Cases fell by 29.34 percent in 2016.",
        "Version v2.0 of the database was released.",
        "The story is at http://news.bbc.co.uk/2/hi/asia-pacific/6532181.stm today.",
        "Write to info@example.org.kh for a copy.",
        "These are the reported cases... most cases are not reported.",
        "These are the reported cases… most cases are not reported.",
    ],
)
def test_numbers_urls_and_ellipses_do_not_split(text: str) -> None:
    assert sentences(text) == [text]


def test_url_at_the_end_of_a_sentence() -> None:
    text = "Details are at www.example.com. The site is in Khmer."
    assert sentences(text) == ["Details are at www.example.com.", "The site is in Khmer."]


def test_ellipsis_before_a_capital_splits() -> None:
    assert sentences("It went on and on... Then it stopped.") == [
        "It went on and on...",
        "Then it stopped.",
    ]


# --- quotes and brackets --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "“We did it,” he said.” Next came the vote.",
            ["“We did it,” he said.”", "Next came the vote."],
        ),
        (
            "“It is over,” she said. “Next we rebuild.”",
            ["“It is over,” she said.", "“Next we rebuild.”"],
        ),
        (
            '"We admire Cambodia." The report agreed.',
            ['"We admire Cambodia."', "The report agreed."],
        ),
        ("“Hello,” she said.", ["“Hello,” she said."]),
        ("“Why?” she asked.", ["“Why?” she asked."]),
        ("“Stop!” he shouted at them.", ["“Stop!” he shouted at them."]),
        ("“Why?” She left the room.", ["“Why?”", "She left the room."]),
        (
            "Profits rose (see the annex.) The board was pleased.",
            ["Profits rose (see the annex.)", "The board was pleased."],
        ),
    ],
)
def test_quotes_and_brackets(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


# --- line structure -------------------------------------------------------------------


def test_blank_line_always_ends_a_sentence() -> None:
    assert sentences("Clearer picture\n\nAnti-trafficking is a cause") == [
        "Clearer picture",
        "Anti-trafficking is a cause",
    ]
    assert sentences("He met Mr.\n\nSmith later.") == ["He met Mr.", "Smith later."]


def test_newline_after_terminal_punctuation_or_closing_quote() -> None:
    text = (
        "“We have worked hard to combat human trafficking because all officials cooperated,” he "
        "said.\nBith Kimhong said officials plan to focus on cross-border problems this year.\n"
        "“The government is more committed and dedicated to tackling this problem and that is new”"
        "\nSome observers agreed that Cambodia has made strides in the last twelve months."
    )
    assert len(sentences(text)) == 4


def test_heading_lines_stand_alone() -> None:
    text = (
        "Governments target trafficking\n"
        "Pech Sotheary / Khmer Times Share:\n"
        "Officials from Cambodia, Vietnam and Laos attended the conference in Phnom Penh today."
    )
    assert sentences(text) == text.split("\n")


def test_bullet_items_are_sentences_without_their_markers() -> None:
    text = (
        "Those challenges included:\n"
        "  • Some victims could not identify their traffickers\n"
        "  - Some could not read\n"
        "* Some did not trust the courts\n"
        "1. Lack of training\n"
        "2) Lack of cooperation between Cambodia and Thailand"
    )
    assert sentences(text) == [
        "Those challenges included:",
        "Some victims could not identify their traffickers",
        "Some could not read",
        "Some did not trust the courts",
        "Lack of training",
        "Lack of cooperation between Cambodia and Thailand",
    ]


def test_bullet_item_wrapped_onto_a_lower_case_line() -> None:
    text = "• Some victims could not identify\n  their traffickers.\n• Others could."
    assert sentences(text) == [
        "Some victims could not identify\n  their traffickers.",
        "Others could.",
    ]


HARD_WRAPPED = """\
The US State Department has removed Cambodia from a watchlist of countries
judged to be making insufficient gains in fighting human trafficking, said
Ms. Lyth, the regional project manager of the U.N. Inter-Agency Project on
Human Trafficking. She spoke at the close of a two-day conference held in
Phnom Penh. Officials from Cambodia, Vietnam and Laos attended the meeting
in the capital.
"""


def test_hard_wrapped_prose_joins_lines() -> None:
    assert [" ".join(s.split()) for s in sentences(HARD_WRAPPED)] == [
        "The US State Department has removed Cambodia from a watchlist of countries judged to be "
        "making insufficient gains in fighting human trafficking, said Ms. Lyth, the regional "
        "project manager of the U.N. Inter-Agency Project on Human Trafficking.",
        "She spoke at the close of a two-day conference held in Phnom Penh.",
        "Officials from Cambodia, Vietnam and Laos attended the meeting in the capital.",
    ]


def test_windows_line_endings() -> None:
    text = "First line ends here.\r\nSecond line.\r\n\r\nThird paragraph."
    assert sentences(text) == ["First line ends here.", "Second line.", "Third paragraph."]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        (
            "[6 April 2007] - The Cambodian government has launched a task force. It met.",
            "[6 April 2007] - The Cambodian government has launched a task force.",
        ),
        (
            "June 25th, 2013: The UN hosted a meeting in Phnom Penh. It went well.",
            "June 25th, 2013: The UN hosted a meeting in Phnom Penh.",
        ),
        (
            "[6 April 2007]\nThe Cambodian government has launched a task force. It met.",
            "[6 April 2007]\nThe Cambodian government has launched a task force.",
        ),
        (
            "PHNOM PENH, Jan. 5, 2013 -\nThe government launched a task force. It met.",
            "PHNOM PENH, Jan. 5, 2013 -\nThe government launched a task force.",
        ),
    ],
)
def test_dateline_stays_with_its_sentence(text: str, first: str) -> None:
    assert sentences(text)[0] == first


# --- the seed articles ----------------------------------------------------------------


def test_seed_000_quote_with_ellipsis_and_ms() -> None:
    found = sentences(seed("000"))
    assert (
        "“These are the reported cases… most cases are not reported and there are no reliable "
        "estimates,” Ms. Lyth said."
    ) in found
    assert any(s.startswith("“Now, we are looking at educating people") for s in found)


def test_seed_001_numbers_and_wrapped_quote() -> None:
    found = sentences(seed("001"))
    assert (
        "A 2005 report from the International Labour Organisation estimated there were at least "
        "12.3 million people subjected to forced labour worldwide."
    ) in found
    assert (
        "Bith Kimhong said officials plan to focus on cross-border trafficking problems "
        "this year." in found
    )


def test_seed_002_lines_are_sentences() -> None:
    found = sentences(seed("002"))
    assert "Pech Sotheary / Khmer Times Share:" in found
    assert (
        "In 2016, his organization handled 90 cases of trafficking, while in 2015, they "
        "dealt with 100." in found
    )
    assert any(s.startswith("Mr. Savoeun would not confirm") for s in found)


def test_seed_003_dateline() -> None:
    found = sentences(seed("003"))
    assert found[0] == "CAMBODIA: Trafficking clampdown launched"
    assert found[1].startswith("[6 April 2007] - The Cambodian government has launched")
    assert found[1].endswith("to combat human trafficking.")


def test_seed_004_his_excellency_and_bullets() -> None:
    found = sentences(seed("004"))
    assert any(s.startswith("June 25th, 2013: The United Nations") for s in found)
    (rady,) = [s for s in found if "Ith Rady (Undersecretary" in s]
    assert rady.startswith("More than 100 participants joined the meeting, including H.E. Ith Rady")
    assert "Some victims could not read and write because they did not study Khmer." in found


# --- properties -----------------------------------------------------------------------

_LINE_BREAK = re.compile(r"[\n\r\u2028\u2029]")
_MARKER = re.compile(r"[•◦▪▫●○■□‣⁃∙·*–-]|\d{1,3}[.)]|\(\d{1,3}\)|[a-z]\)")

ALPHABET = st.sampled_from(
    list("abcXYZ Ms U.S. H.E. e.g. 12.3 …!?“”\"'()•*-1\n\n\t\r") + ["\u2028", " ", "Mr.", "The"]
)
TEXTS = st.one_of(st.text(), st.lists(ALPHABET, max_size=80).map("".join))


@given(TEXTS, st.data())
def test_spans_are_ordered_trimmed_and_cover_the_range(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    spans = split_sentences(text, start, end)
    previous = start
    for a, b in spans:
        assert previous <= a < b <= end
        assert not text[a].isspace() and not text[b - 1].isspace()
        previous = b
    covered = [False] * len(text)
    for a, b in spans:
        covered[a:b] = [True] * (b - a)
    i = start
    while i < end:
        if covered[i] or text[i].isspace():
            i += 1
            continue
        # An uncovered run must be a bullet marker: first thing on its line, then white space.
        j = i
        while j < end and not covered[j] and not text[j].isspace():
            j += 1
        breaks = [m.end() for m in _LINE_BREAK.finditer(text, start, i)]
        line_start = breaks[-1] if breaks else start
        assert text[line_start:i].strip() == "", (text, i)
        assert _MARKER.fullmatch(text, i, j), (text, i, j)
        assert j < end and text[j].isspace()
        i = j


def test_a_letter_dot_abbreviation_before_a_number_ends_no_sentence() -> None:
    text = "The Act B.E. 2551 (2008) was amended in 2015. Penalties rose."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "The Act B.E. 2551 (2008) was amended in 2015.",
        "Penalties rose.",
    ]
