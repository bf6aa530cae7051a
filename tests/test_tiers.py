"""Who a ranking is about, which tier it gives, and the tiers table (issue 13)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline.cli import main
from timeline.extraction.extract import extract_events
from timeline.extraction.regions import canonical_region, find_regions, members
from timeline.extraction.tiers import EXAMPLES, Ranking
from timeline.filters import Filter, parse_countries
from timeline.pipeline import load_corpus
from timeline.reading import parse_article
from timeline.tiers import tier_cells

HERE = Path(__file__).parent


def events_of(text: str, name: str = "a.txt"):
    return extract_events(parse_article(text, name))


def tiers_of(text: str):
    return [e for e in events_of(text) if e.type == "tier_change"]


HEAD = "US trafficking report\n\nPublished: 21 June 2014\n\n"


@pytest.mark.parametrize(
    "example", EXAMPLES, ids=[f"{n}-{ex.sentence[:30]}" for n, ex in enumerate(EXAMPLES)]
)
def test_each_tier_example_gives_its_facts(example) -> None:
    ranking = Ranking(example.sentence)
    if example.date:
        at = example.sentence.index(example.date)
        if example.date == "2017" and "2018" in example.sentence:
            at = example.sentence.index(example.date)
        else:
            at = example.sentence.rindex(example.date)
        assert ranking.facts_at((at, at + len(example.date))) == example.facts
    else:
        assert ranking.main_facts() == example.facts


# --------------------------------------------------------------------------- tier phrases


@pytest.mark.parametrize(
    ("sentence", "tier", "previous"),
    [
        ("Myanmar was elevated from the lowest level of the US ranking.", None, "3"),
        ("Thailand was upgraded to Tier 2 from the Tier 2 Watch List.", "2", "2WL"),
        ("Malaysia was removed from the watch list.", None, "2WL"),
        ("Cambodia dropped a notch to the watch list.", "2WL", None),
        (
            "Cambodia slipped to the watch list, a reversal of last year's Tier Two ranking.",
            "2WL",
            "2",
        ),
        ("Thailand was automatically downgraded after two years on the watch list.", "3", "2WL"),
        (
            "Vietnam remained on the Tier 2 Watch List for the second consecutive year.",
            "2WL",
            "2WL",
        ),
    ],
)
def test_tier_phrases_become_values(sentence: str, tier, previous) -> None:
    (event,) = [e for e in tiers_of(HEAD + sentence) if e.report_year == 2014]
    assert (event.tier, event.previous) == (tier, previous)


def test_last_years_tier_named_beside_this_years_dates_last_year() -> None:
    text = HEAD + "Cambodia slipped to the watch list, a reversal of last year's Tier Two ranking."
    assert {(e.report_year, e.tier) for e in tiers_of(text)} == {(2014, "2WL"), (2013, "2")}


def test_a_consecutive_year_gives_the_year_before_the_same_tier() -> None:
    events = tiers_of(
        HEAD + "Vietnam remained on the Tier 2 Watch List for the second consecutive year."
    )
    cells = {(c.country, c.year): c for c in tier_cells(events)}
    assert cells[("Vietnam", 2014)].tier == "2WL" and cells[("Vietnam", 2013)].tier == "2WL"


def test_two_years_named_give_two_cells_and_the_later_its_previous_tier() -> None:
    events = tiers_of(HEAD + "Thailand was ranked Tier 3 in 2012 and 2013.")
    assert [(e.date, e.tier) for e in events] == [("2012", "3"), ("2013", "3")]
    cells = {(c.country, c.year): c for c in tier_cells(events)}
    assert cells[("Thailand", 2013)].previous == "3"


def test_each_year_of_a_history_sentence_takes_the_tier_of_its_clause() -> None:
    text = (
        "Cambodia ranking\n\nTuesday, 15 June 2010\n\nCambodia had been on Tier 3 in 2005, was "
        "lifted in 2006, and spent 2007 and 2008 on the Tier 2 Watch List before it was "
        "upgraded to Tier Two last year."
    )
    got = {e.date: (e.tier, e.previous) for e in tiers_of(text)}
    assert got["2005"] == ("3", None)
    assert got["2006"] == (None, None)
    assert got["2007"] == got["2008"] == ("2WL", None)
    assert got["2009"][0] == "2"


def test_a_condition_or_a_wish_is_no_ranking() -> None:
    text = (
        HEAD + "If Cambodia is still on the watch list next year, it could face the lowest ranking."
    )
    assert tier_cells(events_of(text)) == []


def test_a_general_explanation_of_the_tiers_is_no_event() -> None:
    text = (
        HEAD + "A country that spends two years on the Tier 2 Watch List is downgraded to Tier 3."
    )
    assert tiers_of(text) == []


def test_the_seeds_read_as_the_issue_says() -> None:
    corpus = load_corpus(None)
    cells = {c.year: c for c in tier_cells(corpus.events, {"Cambodia"})}
    assert cells[2005].tier == "3"
    assert cells[2006].tier is None and cells[2006].previous == "3" and cells[2006].arrow == "↑"
    assert cells[2009].tier == "2WL"
    assert cells[2010].tier == "2"
    summaries = [e.summary for e in corpus.events if e.type == "tier_change"]
    assert "Cambodia: Tier 2 Watch List → Tier 2 (2010 report)" in summaries


def test_the_seeds_tier_changes_never_list_the_united_states_first() -> None:
    tiers = [e for e in load_corpus(None).events if e.type == "tier_change"]
    assert tiers and all(e.countries[0] != "United States" for e in tiers)


# --------------------------------------------------------------------------- roles


@pytest.mark.parametrize(
    ("sentence", "wanted", "left_out"),
    [
        (
            "Laos remained on the watch list, a space it shares regionally with China and "
            "Papua New Guinea.",
            ("Laos",),
            {"China", "Papua New Guinea"},
        ),
        (
            "Thailand dropped to Tier 3, alongside North Korea and Syria.",
            ("Thailand",),
            {"North Korea", "Syria"},
        ),
        ("Vietnam, like Malaysia, stayed on the Tier 2 Watch List.", ("Vietnam",), {"Malaysia"}),
        ("Cambodia rose to Tier 2, as did Laos.", ("Cambodia",), {"Laos"}),
        (
            "Thailand slid to Tier 3 - the same category as North Korea and Syria.",
            ("Thailand",),
            {"North Korea", "Syria"},
        ),
        (
            "The US State Department downgraded Thailand to Tier 3.",
            ("Thailand", "United States"),
            set(),
        ),
    ],
)
def test_the_ranked_country_comes_first_and_comparisons_are_left_out(
    sentence: str, wanted: tuple, left_out: set
) -> None:
    (event,) = tiers_of(HEAD + sentence)
    assert event.countries[: len(wanted)] == wanted
    assert not left_out & set(event.countries)


def test_the_release_of_the_rankings_is_about_the_countries_ranked() -> None:
    text = (
        "Thailand downgraded\n\nPublished: 2 July 2014\n\nBANGKOK - When the US State "
        "Department published its annual Trafficking in Persons report in June, Thailand was "
        "in the same category as North Korea and Syria.\n\nIn the 2018 TIP report, released "
        "by Washington on 28 June, the findings were read out."
    )
    reports = [e for e in events_of(text) if e.type == "report"]
    assert reports
    for event in reports:  # the ranker after the ranked, comparisons left out
        assert event.countries[0] == "Thailand", event.countries
        assert not {"North Korea", "Syria"} & set(event.countries)


def test_the_nation_joining_others_on_tier_3_is_the_article_s_country() -> None:
    text = (
        "Thailand downgraded\n\nPublished: 21 June 2014\n\nBANGKOK - Thailand was placed on "
        "Tier 3 of the US report on Friday.\n\nThe nation joins Iran, North Korea and Saudi "
        "Arabia, which were also listed Tier 3 this year."
    )
    countries = {c for e in tiers_of(text) for c in e.countries}
    assert "Thailand" in countries and not {"Iran", "North Korea", "Saudi Arabia"} & countries


def test_countries_with_different_tiers_in_one_sentence_get_an_event_each() -> None:
    events = tiers_of(
        HEAD + "Vietnam was upgraded to Tier 2 from the watch list, while Laos stayed on the Tier "
        "2 Watch List."
    )
    assert {(e.countries, e.tier, e.previous) for e in events} == {
        (("Vietnam",), "2", "2WL"),
        (("Laos",), "2WL", "2WL"),
    }


def test_timelinejs_lanes_are_the_ranked_countries() -> None:
    from timeline.export import render

    corpus = load_corpus(None)
    data = json.loads(render("timelinejs", corpus.articles, corpus.events).text)
    groups = {s["group"] for s in data["events"] if "Tier" in s["text"]["headline"]}
    assert "United States" not in groups


# --------------------------------------------------------------------------- regions


def test_regional_groups_are_found_with_their_members() -> None:
    found = find_regions("The 10 leaders of Asean met the Greater Mekong Sub-region's COMMIT.")
    assert [m.region for m in found] == ["ASEAN", "Greater Mekong Subregion", "COMMIT"]
    assert "Cambodia" in members("ASEAN") and members("COMMIT") >= {"Laos", "China"}
    assert canonical_region("the gms") == "Greater Mekong Subregion"
    assert canonical_region("bali process") == "Bali Process"


def test_an_event_of_a_group_shows_for_its_members_and_for_the_group() -> None:
    text = (
        "ASEAN convention\n\nPublished: 22 November 2015\n\nThe 10 leaders of Asean signed the "
        "convention against trafficking in persons on Saturday."
    )
    (event,) = events_of(text)
    assert event.regions == ("ASEAN",)
    assert Filter(countries=parse_countries(["Cambodia"])).matches(event)
    assert Filter(countries=parse_countries(["asean"])).matches(event)
    assert not Filter(countries=parse_countries(["France"])).matches(event)


def test_the_list_marks_an_event_shown_through_its_group(tmp_path: Path, capsys) -> None:
    (tmp_path / "a.txt").write_text(
        "ASEAN convention\n\nPublished: 22 November 2015\n\nThe 10 leaders of Asean signed the "
        "convention against trafficking in persons on Saturday.",
        encoding="utf-8",
    )
    assert main(["list", "--no-cache", "--corpus", str(tmp_path), "--country", "Cambodia"]) == 0
    assert "via ASEAN" in capsys.readouterr().out


# --------------------------------------------------------------------------- the tiers table


def test_the_tier_set_is_read_with_no_contradiction(capsys) -> None:
    """``tests/tiers``: articles written by someone who had not seen the rules."""
    gold = json.loads((HERE / "tiers" / "gold.json").read_text(encoding="utf-8"))
    assert main(["tiers", "--no-cache", "--corpus", str(HERE / "tiers"), "--format", "json"]) == 0
    cells = {(c["country"], c["year"]): c for c in json.loads(capsys.readouterr().out)}
    found = contradicted = 0
    for g in gold["cells"]:
        c = cells.get((g["country"], g["year"]))
        found += c is not None and (g["tier"] is None or c["tier"] == g["tier"])
        contradicted += c is not None and bool(
            (g["tier"] and c["tier"] and c["tier"] != g["tier"])
            or (g.get("previous") and c["previous"] and c["previous"] != g["previous"])
        )
    assert found >= 0.9 * len(gold["cells"])
    assert contradicted == 0


def test_tiers_json_and_csv_have_the_documented_fields(capsys) -> None:
    assert main(["tiers", "--no-cache", "--format", "json"]) == 0
    cells = json.loads(capsys.readouterr().out)
    assert set(cells[0]) == {
        "country",
        "year",
        "tier",
        "previous",
        "events",
        "articles",
        "conflict",
    }
    assert main(["tiers", "--no-cache", "--format", "csv", "--country", "khmer"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "country,year,tier,previous,events,articles,conflict"
    assert all(line.startswith("Cambodia,") for line in lines[1:])
