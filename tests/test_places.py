"""Tests for the country gazetteer (timeline.extraction.places)."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.extraction.places import COUNTRIES, CountryMention, canonical_country, find_countries

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def countries(text: str) -> list[str]:
    """The canonical countries found in ``text``, in order."""
    return [mention.country for mention in find_countries(text)]


def found(text: str) -> list[tuple[str, str]]:
    """(surface text, country) pairs found in ``text``."""
    return [(mention.text, mention.country) for mention in find_countries(text)]


# --- the data -------------------------------------------------------------------------


def test_data_file_ships_inside_the_package() -> None:
    data_file = resources.files("timeline.extraction").joinpath("countries.json")
    data = json.loads(data_file.read_text("utf-8"))
    assert len(data["countries"]) == len(COUNTRIES)


def test_countries_cover_un_members_and_others() -> None:
    assert len(COUNTRIES) >= 193 + 7
    assert list(COUNTRIES) == sorted(COUNTRIES)
    assert len(set(COUNTRIES)) == len(COUNTRIES)
    for name in (
        "Cambodia", "Vietnam", "Laos", "Thailand", "Myanmar", "United States", "United Kingdom",
        "South Korea", "North Korea", "China", "Russia", "Iran", "Syria", "Czech Republic",
        "Ivory Coast", "Taiwan", "Hong Kong", "Macau", "Palestine", "Kosovo", "Vatican City",
        "Western Sahara", "Timor-Leste", "Eswatini", "North Macedonia", "Tuvalu", "Palau",
    ):  # fmt: skip
        assert name in COUNTRIES, name


def test_every_canonical_name_finds_itself() -> None:
    for name in COUNTRIES:
        assert canonical_country(name) == name
        assert countries(f"News from {name} today.") == [name], name


# --- canonical_country ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("burma", "Myanmar"),
        ("Burma", "Myanmar"),
        ("khmer", "Cambodia"),
        ("Kampuchea", "Cambodia"),
        ("viet nam", "Vietnam"),
        ("  Viet   Nam ", "Vietnam"),
        ("us", "United States"),
        ("U.S.", "United States"),
        ("usa", "United States"),
        ("america", "United States"),
        ("uk", "United Kingdom"),
        ("great britain", "United Kingdom"),
        ("lao pdr", "Laos"),
        ("Lao People’s Democratic Republic", "Laos"),
        ("laotian", "Laos"),
        ("thai", "Thailand"),
        ("Thais", "Thailand"),
        ("cambodians", "Cambodia"),
        ("filipino", "Philippines"),
        ("the philippines", "Philippines"),
        ("czechia", "Czech Republic"),
        ("côte d'ivoire", "Ivory Coast"),
        ("holland", "Netherlands"),
        ("east timor", "Timor-Leste"),
        ("dprk", "North Korea"),
        ("republic of korea", "South Korea"),
        ("prc", "China"),
        ("nepalese", "Nepal"),
    ],
)
def test_canonical_country_ignores_case(name: str, expected: str) -> None:
    assert canonical_country(name) == expected


@pytest.mark.parametrize("name", ["", "Asean", "asia", "Europe", "atlantis", "Phnom Penh"])
def test_canonical_country_unknown(name: str) -> None:
    assert canonical_country(name) is None


# --- find_countries: names, aliases, demonyms, places -----------------------------------


def test_mentions_carry_spans_and_text() -> None:
    text = "Officials from Cambodia and Viet Nam met in Bangkok."
    mentions = find_countries(text)
    assert mentions == [
        CountryMention(15, 23, "Cambodia", "Cambodia"),
        CountryMention(28, 36, "Viet Nam", "Vietnam"),
        CountryMention(44, 51, "Bangkok", "Thailand"),
    ]
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("364 in Burma, 883 in Vietnam, 594 in Thailand", ["Myanmar", "Vietnam", "Thailand"]),
        ("Cambodian and Khmer officials", ["Cambodia", "Cambodia"]),
        ("Cambodians continue to look abroad", ["Cambodia"]),
        ("the Khmer Rouge regime", ["Cambodia"]),
        ("Thai and Lao police", ["Thailand", "Laos"]),
        ("Laotian and Burmese migrants", ["Laos", "Myanmar"]),
        ("a Filipino nurse and a Philippine court", ["Philippines", "Philippines"]),
        ("the Lao PDR and the Kingdom of Cambodia", ["Laos", "Cambodia"]),
        ("Americans and the British", ["United States", "United Kingdom"]),
        ("Nepali and Nepalese workers", ["Nepal", "Nepal"]),
        ("Korean and South Korean firms", ["South Korea", "South Korea"]),
        ("a North Korean defector", ["North Korea"]),
        ("Côte d’Ivoire and Czechia", ["Ivory Coast", "Czech Republic"]),
        ("Timor-Leste, once East Timor", ["Timor-Leste", "Timor-Leste"]),
        ("Mainland China and Taiwan", ["China", "Taiwan"]),
        ("the People's Republic of China", ["China"]),
        ("the Democratic People's Republic of Korea", ["North Korea"]),
        ("the Republic of Korea", ["South Korea"]),
        ("Holland, Britain and Great Britain", ["Netherlands", "United Kingdom", "United Kingdom"]),
    ],
)  # fmt: skip
def test_names_aliases_and_demonyms(text: str, expected: list[str]) -> None:
    assert countries(text) == expected


@pytest.mark.parametrize(
    ("place", "country"),
    [
        ("Phnom Penh", "Cambodia"),
        ("Siem Reap", "Cambodia"),
        ("Battambang", "Cambodia"),
        ("Poipet", "Cambodia"),
        ("Koh Kong", "Cambodia"),
        ("Sihanoukville", "Cambodia"),
        ("Bangkok", "Thailand"),
        ("Chiang Mai", "Thailand"),
        ("Pattaya", "Thailand"),
        ("Hanoi", "Vietnam"),
        ("Ho Chi Minh City", "Vietnam"),
        ("Saigon", "Vietnam"),
        ("Vientiane", "Laos"),
        ("Yangon", "Myanmar"),
        ("Rangoon", "Myanmar"),
        ("Naypyidaw", "Myanmar"),
        ("Mandalay", "Myanmar"),
        ("Kuala Lumpur", "Malaysia"),
        ("Manila", "Philippines"),
        ("Jakarta", "Indonesia"),
        ("Singapore", "Singapore"),
        ("Nairobi", "Kenya"),
        ("Ulaanbaatar", "Mongolia"),
        ("Birgunj", "Nepal"),
        ("West Bengal", "India"),
        ("Ambon", "Indonesia"),
        ("Erbil", "Iraq"),
        ("Tijuana", "Mexico"),
    ],
)
def test_cities_and_provinces(place: str, country: str) -> None:
    assert countries(f"A meeting in {place} on Monday.") == [country]


def test_multiword_names_across_a_line_break() -> None:
    assert found("held in Phnom\nPenh today") == [("Phnom\nPenh", "Cambodia")]


def test_possessive_and_hyphenated_forms() -> None:
    assert countries("Cambodia’s and Thailand's efforts") == ["Cambodia", "Thailand"]
    assert countries("the Thai-Cambodian border") == ["Thailand", "Cambodia"]


# --- case rules -----------------------------------------------------------------------


def test_all_caps_headline() -> None:
    assert found("CAMBODIA: Trafficking clampdown launched") == [("CAMBODIA", "Cambodia")]
    assert countries("THAI POLICE RAID BAR IN PATTAYA") == ["Thailand", "Thailand"]


@pytest.mark.parametrize(
    "text",
    [
        "a turkey for dinner",
        "fine china plates",
        "tell us about it",
        "Us Weekly reported",
        "Asean member states in Asia and Europe",
        "the jordan and the chad",
        "polish the floor",
        "the South-East Asian nation",
    ],
)
def test_not_countries(text: str) -> None:
    assert find_countries(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The US State Department", ["United States"]),
        ("the State Department's annual report", ["United States"]),
        ("a White House task force", ["United States"]),
        ("the U.S. report", ["United States"]),
        ("the USA and the U.S.A.", ["United States", "United States"]),
        ("the United States of America", ["United States"]),
        ("the UK and the U.K.", ["United Kingdom", "United Kingdom"]),
        ("paid in US$150 billion", []),
    ],
)
def test_united_states_and_kingdom_acronyms(text: str, expected: list[str]) -> None:
    assert countries(text) == expected


# --- ambiguity guards -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Papua New Guinea and Guinea-Bissau", ["Papua New Guinea", "Guinea-Bissau"]),
        ("Equatorial Guinea and Guinea", ["Equatorial Guinea", "Guinea"]),
        ("Niger and Nigeria", ["Niger", "Nigeria"]),
        ("Dominica and the Dominican Republic", ["Dominica", "Dominican Republic"]),
        ("South Sudan and Sudan", ["South Sudan", "Sudan"]),
        ("Congo and the Republic of the Congo", ["DR Congo", "Republic of the Congo"]),
        ("the Democratic Republic of the Congo", ["DR Congo"]),
        ("Korea", ["South Korea"]),
        ("North Korea", ["North Korea"]),
    ],
)
def test_longest_match_wins(text: str, expected: list[str]) -> None:
    assert countries(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "New Mexico and New Jersey",
        "the island of New Guinea",
        "the Indian Ocean",
        "Latin America and South America",
        "Latin American and North American markets",
        "Turkish delight",
        "the South China Sea",
    ],
)
def test_false_friends(text: str) -> None:
    assert find_countries(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Michael Jordan scored", []),
        ("Jordan Peterson said", []),
        ("Chad Smith said", []),
        ("Refugees in Jordan and Chad", ["Jordan", "Chad"]),
        ("Jordan has hosted refugees", ["Jordan"]),
        ("around Lake Chad", ["Chad"]),
        ("in Jordan Monday", ["Jordan"]),
        ("George Washington", []),
        ("talks in Washington and Paris", ["United States", "France"]),
        ("Tom Holland starred", []),
    ],
)
def test_name_like_countries(text: str, expected: list[str]) -> None:
    assert countries(text) == expected


def test_georgia_country_and_us_state() -> None:
    assert countries("Russia and Georgia fought; Tbilisi") == ["Russia", "Georgia", "Georgia"]
    assert countries("a factory in Atlanta, Georgia") == []
    assert countries("the US state of Georgia") == ["United States"]


# --- the seeds and properties ---------------------------------------------------------


def test_seed_articles() -> None:
    text = (SEEDS / "000_87005cab2153631f.txt").read_text(encoding="utf-8")
    names = set(countries(text))
    assert {"Cambodia", "Myanmar", "Vietnam", "Thailand", "Laos"} <= names
    assert "Asean" not in " ".join(names)
    text = (SEEDS / "003_ec04f9ea3d0db219.txt").read_text(encoding="utf-8")
    assert set(countries(text)) == {"Cambodia", "United States"}


@given(st.text(alphabet=st.sampled_from("CambodiaThUSKoren .'’-\nLaPhnomPenhGuineaNw")))
def test_mentions_are_sorted_non_overlapping_and_exact(text: str) -> None:
    previous_end = 0
    for mention in find_countries(text):
        assert previous_end <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text
        assert mention.country in COUNTRIES
        previous_end = mention.end
