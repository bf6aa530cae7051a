"""Story-wise exports: one slide, bullet or calendar event per happening, citing every source,
and where each article comes from (outlet and address) in every format."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import icalendar
from markdown_it import MarkdownIt

from timeline.cli import main
from timeline.export import render
from timeline.model import Article, Event
from timeline.notes import NoteInfo

ARTICLES = [
    Article(
        file="bernama.txt",
        title="Asean leaders sign trafficking convention",
        text="x",
        source="Bernama",
        url="https://bernama.example/asean-convention",
    ),
    Article(
        file="ngo.html",
        title="A milestone for the region",
        text="x",
        source="Freedom Network",
        url="javascript:alert(1)",  # never a link
    ),
    Article(file="notes.md", title=None, text="x"),
]


def _event(n: int, article: str, date: str, story: str | None, sentence: str) -> Event:
    return Event(
        id=f"e{n}",
        date=date,
        precision="day",  # type: ignore[arg-type]
        approximate=False,
        type="agreement",
        countries=("Malaysia",),
        summary="ASEAN leaders sign the convention against trafficking",
        article=article,
        sentence=sentence,
        start=0,
        end=len(sentence),
        story=story,
    )


SIGNED = [
    _event(1, "bernama.txt", "2015-11-21", "s-asean", "The leaders signed it on Saturday."),
    _event(2, "ngo.html", "2015-11-22", "s-asean", "It was signed on Sunday 22nd November."),
    _event(3, "notes.md", "2015-11-21", "s-asean", "Signed in Kuala Lumpur on 21 November."),
]
ALONE = _event(4, "notes.md", "2016-03-01", "s-other", "A workshop followed in March.")
EVENTS = [*SIGNED, ALONE]
NOTES = {"e2": NoteInfo(True, "check the NGO's date", "t")}


def test_timelinejs_gives_one_slide_per_story_listing_and_linking_its_sources():
    data = json.loads(render("timelinejs", ARTICLES, EVENTS, notes=NOTES).text)
    slides = data["events"]
    assert len(slides) == 2
    story = slides[0]
    # Shown on the day most sources give, under the story's stable id.
    assert story["start_date"] == {"year": 2015, "month": 11, "day": 21}
    assert story["unique_id"] == "s-asean"
    text = story["text"]["text"]
    assert "Told by 3 sources" in text
    assert text.count("<li>") == 3
    assert '<a href="https://bernama.example/asean-convention">' in text
    assert "javascript" not in text  # a hostile address is shown as no link at all
    assert "Freedom Network" in text and "notes.md" in text
    assert "21 Nov 2015 (2 sources) · 22 Nov 2015 (1 source)" in text
    assert "check the NGO&#x27;s date" in text  # a story shows its events' notes


def test_every_event_option_gives_one_slide_per_event():
    result = render("timelinejs", ARTICLES, EVENTS, by_story=False)
    assert len(json.loads(result.text)["events"]) == 4
    assert result.message == "wrote 4 events"
    assert render("timelinejs", ARTICLES, EVENTS).message == "wrote 4 events as 2 stories"


def test_markdown_gives_one_bullet_per_story_citing_every_source_with_links():
    text = render("markdown", ARTICLES, EVENTS, notes=NOTES).text
    bullets = [line for line in text.splitlines() if line.startswith("- **")]
    assert len(bullets) == 2
    assert bullets[0].endswith("[^1][^2][^3]") and "★" in bullets[0]
    assert bullets[1].endswith(" (footnote 2)")  # notes.md, cited again
    assert "Told by 3 sources; they disagree: 21 Nov 2015 (2 sources)" in text
    html = MarkdownIt("commonmark").render(text)
    assert '<a href="https://bernama.example/asean-convention">' in html
    assert "javascript:" not in html
    assert "[^3]: A milestone for the region, Freedom Network, ngo.html" in text
    # The story's note is a quote of its own after "Told by", with no empty quoted line.
    assert html.count("<blockquote>") == 3  # two sentences, one note
    assert "<blockquote>\n<p><em>Note:</em> check the NGO’s date</p>" in html.replace("'", "’")


def test_ics_gives_one_event_per_story_with_its_sources_and_url():
    calendar = icalendar.Calendar.from_ical(render("ics", ARTICLES, EVENTS).text)
    vevents = calendar.walk("VEVENT")
    assert len(vevents) == 2
    story = vevents[0]
    assert str(story["UID"]) == "s-asean@timeline"
    assert story.decoded("DTSTART").isoformat() == "2015-11-21"
    assert str(story["URL"]) == "https://bernama.example/asean-convention"
    description = str(story["DESCRIPTION"])
    assert "Told by 3 sources:" in description
    assert "A milestone for the region (Freedom Network, ngo.html): 22 Nov 2015" in description
    assert "Sources disagree: 21 Nov 2015 (2 sources) · 22 Nov 2015 (1 source)" in description
    assert "URL" not in vevents[1]  # notes.md has no address


def test_json_and_csv_stay_one_row_per_event_with_story_source_and_url():
    rows = list(csv.DictReader(io.StringIO(render("csv", ARTICLES, EVENTS).text)))
    assert [row["story"] for row in rows] == ["s-asean"] * 3 + ["s-other"]
    assert rows[0]["article_source"] == "Bernama"
    assert rows[0]["article_url"] == "https://bernama.example/asean-convention"
    assert rows[1]["article_url"] == ""  # not a web address
    data = json.loads(render("json", ARTICLES, EVENTS).text)
    assert len(data["events"]) == 4
    assert data["articles"][0]["source"] == "Bernama"


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_export_of_a_corpus_gives_one_slide_per_story(tmp_path: Path, capsys):
    folder = Path(__file__).parent / "stories"
    out = tmp_path / "slides.json"
    args = ("export", str(folder), "--format", "timelinejs", "-o", str(out))
    code, _, err = run_cli(capsys, *args)
    assert code == 0
    every = json.loads(run_cli(capsys, "export", str(folder), "--format", "json")[1])["events"]
    dated = {e["story"] for e in every if e["date"]}
    slides = json.loads(out.read_text())["events"]
    assert len(slides) == len(dated) < len([e for e in every if e["date"]])
    assert re.search(r"wrote \d+ events as \d+ stories to ", err)
