"""Exports read back by their own readers and compared with the events they came from."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json

import icalendar
import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

import timeline
from timeline.export import (
    CSV_COLUMNS,
    CSV_FORMULA_STARTS,
    EXPORT_FORMATS,
    GENERATOR,
    default_extension,
    markdown_escape,
    render,
)
from timeline.model import Article, Event
from timeline.notes import NoteInfo
from timeline.textclean import clean_text

#: Sentences that break naive writers: quotes, separators, line ends, markup, HTML, pipes,
#: Markdown syntax, spreadsheet formulas and non-ASCII text.
AWKWARD = [
    'Officials said "no, never" - twice, and then "yes".',
    "Line one of a sentence\nline two, with a comma\r\nand line three.",
    "[bold red]Not markup[/bold red] and [@click=app.quit]quit[/] stay literal.",
    '<script>alert("x")</script> & <b>bold</b> are text, not HTML.',
    "A | pipe | table | row; semicolons; too.",
    "Phnom Penh, Việt Nam: “curly quotes” — ‘ünïcødé’ 日本語 ✓.",
    "*stars* _under_ `code` # hash [link](http://example.com) ![img](x.png) \\ backslash.",
    "1. Looks like a list item; - so does this.",
    "=SUM(A1:A2) and +1 and @mention.",
]

#: (date, precision, approximate) for each event, cycling: day, month, year, approximate, undated.
DATES = [
    ("2007-04-06", "day", False),
    ("2013-06", "month", False),
    ("2012", "year", False),
    ("2010-12-31", "day", True),
    (None, None, False),
]

COUNTRY_SETS = [
    ("Cambodia",),
    ("Thailand", "Cambodia"),
    (),
    ("Korea, Republic of", "Laos"),
]


def make_corpus() -> tuple[list[Article], list[Event]]:
    """Two articles whose events carry every awkward sentence at every precision."""
    articles: list[Article] = []
    events: list[Event] = []
    for a, file in enumerate(['a/first, "odd" name.txt', "second.md"]):
        parts: list[str] = [f"Title {a} <with> [markup] & more\n\n"]
        spans: list[tuple[int, int, str]] = []
        for sentence in AWKWARD:
            start = sum(len(p) for p in parts)
            parts.append(sentence)
            spans.append((start, start + len(sentence), sentence))
            parts.append(" ")
        text = "".join(parts)
        articles.append(Article(file=file, title=f"Title {a} <with> [markup] & more", text=text))
        for i, (start, end, sentence) in enumerate(spans):
            date, precision, approximate = DATES[(i + a) % len(DATES)]
            countries = COUNTRY_SETS[i % len(COUNTRY_SETS)]
            events.append(
                Event(
                    id=f"ev{a}{i:02d}",
                    date=date,
                    precision=precision,  # type: ignore[arg-type]
                    approximate=approximate,
                    type=["task_force", "tier_change", "statistic", "law", "other"][i % 5],
                    countries=countries,
                    summary=f"Summary {i}: {sentence[:30]}",
                    article=file,
                    sentence=sentence,
                    start=start,
                    end=end,
                    inherited=countries[1:2],
                )
            )
    return articles, events


ARTICLES, EVENTS = make_corpus()
DATED = [event for event in EVENTS if event.date]
UNDATED = [event for event in EVENTS if not event.date]
NOTES = {
    EVENTS[0].id: NoteInfo(True, 'My note, with "quotes"\nand a second line <b>x</b>', "t"),
    EVENTS[3].id: NoteInfo(True, None, "t"),
    EVENTS[6].id: NoteInfo(False, "- a note that looks like a list | with a pipe", "t"),
}


def test_formats_and_extensions():
    assert EXPORT_FORMATS == ("json", "csv", "ics", "timelinejs", "markdown")
    assert [default_extension(f) for f in EXPORT_FORMATS] == [
        ".json",
        ".csv",
        ".ics",
        ".json",
        ".md",
    ]
    with pytest.raises(ValueError, match="json, csv, ics, timelinejs, markdown"):
        render("xml", ARTICLES, EVENTS)
    with pytest.raises(ValueError):
        default_extension("pdf")


def test_fixture_spans_are_true():
    texts = {article.file: article.text for article in ARTICLES}
    for event in EVENTS:
        assert texts[event.article][event.start : event.end] == event.sentence


# --- JSON -----------------------------------------------------------------------------------


def cleaned(record: dict) -> dict:
    """A record as an export holds it: every string through the sanitiser."""
    return {k: clean_text(v) if isinstance(v, str) else v for k, v in record.items()}


def test_json_has_the_documented_shape_and_stable_note_fields():
    result = render("json", ARTICLES, EVENTS, title="My corpus", folder="/data/news")
    data = json.loads(result.text)
    assert list(data) == ["generator", "corpus", "articles", "events"]
    assert data["generator"] == GENERATOR == f"timeline {timeline.__version__}"
    assert data["corpus"] == {
        "name": "My corpus",
        "folder": "/data/news",
        "generated_with": GENERATOR,
    }
    assert data["articles"] == [article.to_dict() for article in ARTICLES]
    texts = {article.file: article.text for article in ARTICLES}
    for record, event in zip(data["events"], EVENTS, strict=True):
        assert record == {**cleaned(event.to_dict()), "starred": False, "note": None}
        # start/end are character offsets into the article text
        span = texts[record["article"]][record["start"] : record["end"]]
        assert clean_text(span) == record["sentence"]
    assert result.left_out == 0
    assert result.message == f"wrote {len(EVENTS)} events"


def test_json_carries_stars_and_notes():
    data = json.loads(render("json", ARTICLES, EVENTS, notes=NOTES).text)
    by_id = {record["id"]: record for record in data["events"]}
    for event in EVENTS:
        info = NOTES.get(event.id, NoteInfo())
        assert by_id[event.id]["starred"] is info.starred
        assert by_id[event.id]["note"] == info.note


# --- CSV ------------------------------------------------------------------------------------


def read_csv(text: str) -> list[dict[str, str]]:
    """The rows, each cell without the ``'`` that guards a formula-like start."""
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline="")))
    return [{k: unguard(v) for k, v in row.items()} for row in rows]


def unguard(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(CSV_FORMULA_STARTS) else cell


def test_csv_round_trips_every_field():
    result = render("csv", ARTICLES, EVENTS, notes=NOTES)
    assert result.text.splitlines()[0].split(",") == list(CSV_COLUMNS)
    rows = read_csv(result.text)
    assert len(rows) == len(EVENTS)
    titles = {article.file: article.title for article in ARTICLES}
    for row, event in zip(rows, EVENTS, strict=True):
        info = NOTES.get(event.id, NoteInfo())
        assert row["id"] == event.id
        assert row["date"] == (event.date or "")
        assert row["precision"] == (event.precision or "")
        assert row["approximate"] == ("true" if event.approximate else "false")
        assert row["type"] == event.type
        assert row["countries"].split("; ") if event.countries else row["countries"] == ""
        assert tuple(filter(None, row["countries"].split("; "))) == event.countries
        assert tuple(filter(None, row["inherited_countries"].split("; "))) == event.inherited
        assert row["summary"] == event.summary
        assert row["article"] == event.article
        assert row["article_title"] == titles[event.article]
        # quotes, commas and newlines survive; a CR LF is one newline
        assert row["sentence"] == event.sentence.replace("\r\n", "\n")
        assert (int(row["start"]), int(row["end"])) == (event.start, event.end)
        assert row["starred"] == ("true" if info.starred else "false")
        assert row["note"] == (info.note or "")


def test_csv_covers_every_json_event_field():
    record = json.loads(render("json", ARTICLES, EVENTS[:1]).text)["events"][0]
    assert set(record) <= set(CSV_COLUMNS)


# --- iCalendar ------------------------------------------------------------------------------


def expected_span(event: Event) -> tuple[dt.date, dt.date]:
    parts = [int(p) for p in event.date.split("-")]
    if event.precision == "day":
        start = dt.date(*parts)
        return start, start + dt.timedelta(days=1)
    if event.precision == "month":
        year, month = parts
        return dt.date(year, month, 1), dt.date(year + month // 12, month % 12 + 1, 1)
    return dt.date(parts[0], 1, 1), dt.date(parts[0] + 1, 1, 1)


def test_ics_reads_back_with_one_all_day_event_per_dated_event():
    result = render("ics", ARTICLES, EVENTS, title="My timeline", notes=NOTES)
    assert result.left_out == len(UNDATED) > 0
    assert result.message == (f"wrote {len(DATED)} events; {len(UNDATED)} undated events left out")
    assert result.message_to("out.ics") == (
        f"wrote {len(DATED)} events to out.ics; {len(UNDATED)} undated events left out"
    )
    calendar = icalendar.Calendar.from_ical(result.text)
    vevents = list(calendar.walk("VEVENT"))
    assert len(vevents) == len(DATED)
    by_uid = {str(vevent["UID"]): vevent for vevent in vevents}
    titles = {article.file: article.title for article in ARTICLES}
    for event in DATED:
        vevent = by_uid[f"{event.id}@timeline"]
        start, _ = expected_span(event)
        dtstart, dtend = vevent.decoded("DTSTART"), vevent.decoded("DTEND")
        assert type(dtstart) is dt.date and type(dtend) is dt.date  # all-day
        # one day, whatever the precision: a year is not shown on each of its 365 days
        assert dtstart == start and dtend - dtstart == dt.timedelta(days=1)
        if event.precision == "day":
            assert str(vevent["SUMMARY"]) == event.summary
        else:
            prefix = f"{event.display_date()} ({event.precision}): "
            assert str(vevent["SUMMARY"]) == prefix + event.summary
        description = str(vevent["DESCRIPTION"])
        assert event.sentence.replace("\r\n", "\n") in description
        assert titles[event.article] in description and event.article in description
        assert f"{event.precision} only" in description or event.precision == "day"
        if event.approximate:
            assert "approximate" in description
        info = NOTES.get(event.id)
        if info and info.note:
            assert info.note in description
        categories = [str(c) for c in vevent["CATEGORIES"].cats]
        assert categories == [event.type, *event.countries]


def test_ics_is_reproducible():
    first = render("ics", ARTICLES, EVENTS).text
    assert first == render("ics", ARTICLES, EVENTS).text
    stamps = {str(v.decoded("DTSTAMP")) for v in icalendar.Calendar.from_ical(first).walk("VEVENT")}
    assert len(stamps) == 1


def test_ics_year_and_month_events_are_one_day_saying_their_precision():
    base = EVENTS[0]
    cases = {"2010": ("year", "2010 (year): "), "2013-12": ("month", "Dec 2013 (month): ")}
    for value, (precision, prefix) in cases.items():
        event = Event(**{**_fields(base), "date": value, "precision": precision, "id": value})
        (vevent,) = icalendar.Calendar.from_ical(render("ics", [], [event]).text).walk("VEVENT")
        assert vevent.decoded("DTEND") - vevent.decoded("DTSTART") == dt.timedelta(days=1)
        assert str(vevent["SUMMARY"]) == prefix + event.summary
        assert f"first day of the {precision}" in str(vevent["DESCRIPTION"])


def test_ics_spans_cover_the_whole_month_or_year_when_asked():
    base = EVENTS[0]
    cases = {
        "2013-12": ("month", "2013-12-01", "2014-01-01", 31),
        "2016": ("year", "2016-01-01", "2017-01-01", 366),
    }
    for value, (precision, start, end, days) in cases.items():
        event = Event(**{**_fields(base), "date": value, "precision": precision, "id": value})
        text = render("ics", [], [event], ics_spans=True).text
        vevent = icalendar.Calendar.from_ical(text).walk("VEVENT")[0]
        assert vevent.decoded("DTSTART").isoformat() == start
        assert vevent.decoded("DTEND").isoformat() == end
        assert vevent.decoded("DTEND") - vevent.decoded("DTSTART") == dt.timedelta(days=days)
        assert str(vevent["SUMMARY"]) == event.summary


def _fields(event: Event) -> dict:
    return {name: getattr(event, name) for name in Event.__slots__ if name != "__weakref__"}


# --- TimelineJS -----------------------------------------------------------------------------

# The documented TimelineJS fields (timeline.knightlab.com/docs/json-format.html):
# additionalProperties is false so an undocumented field fails the check.
DATE_SCHEMA = {
    "type": "object",
    "required": ["year"],
    "properties": {
        **{k: {"type": "integer"} for k in ("year", "month", "day", "hour", "minute", "second")},
        "millisecond": {"type": "integer"},
        "display_date": {"type": "string"},
        "format": {"type": "string"},
    },
    "additionalProperties": False,
}
TEXT_SCHEMA = {
    "type": "object",
    "properties": {"headline": {"type": "string"}, "text": {"type": "string"}},
    "additionalProperties": False,
}
SLIDE_PROPERTIES = {
    "start_date": DATE_SCHEMA,
    "end_date": DATE_SCHEMA,
    "text": TEXT_SCHEMA,
    "media": {"type": "object"},
    "group": {"type": "string"},
    "display_date": {"type": "string"},
    "background": {"type": "object"},
    "autolink": {"type": "boolean"},
    "unique_id": {"type": "string"},
}
TIMELINEJS_SCHEMA = {
    "type": "object",
    "required": ["events"],
    "properties": {
        # not a TimelineJS field (TimelineJS reads title, events, eras and scale only):
        # the mark that keeps timeline from reading its own export as an article
        "generator": {"const": GENERATOR},
        "events": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["start_date"],
                "properties": SLIDE_PROPERTIES,
                "additionalProperties": False,
            },
        },
        "title": {"type": "object", "properties": SLIDE_PROPERTIES, "additionalProperties": False},
        "eras": {"type": "array"},
        "scale": {"enum": ["human", "cosmological"]},
    },
    "additionalProperties": False,
}


def test_timelinejs_matches_the_documented_schema_and_the_events():
    result = render("timelinejs", ARTICLES, EVENTS, title="Counter-trafficking <2005>", notes=NOTES)
    data = json.loads(result.text)
    jsonschema.validate(data, TIMELINEJS_SCHEMA)
    assert result.left_out == len(UNDATED)
    assert html.unescape(data["title"]["text"]["headline"]) == "Counter-trafficking <2005>"
    slides = {slide["unique_id"]: slide for slide in data["events"]}
    assert len(slides) == len(data["events"]) == len(DATED)
    for event in DATED:
        slide = slides[event.id]
        parts = [int(p) for p in event.date.split("-")]
        assert list(slide["start_date"].values()) == parts
        assert list(slide["start_date"]) == ["year", "month", "day"][: len(parts)]
        assert slide["display_date"] == event.display_date()
        assert html.unescape(slide["text"]["headline"]) == " ".join(event.summary.split())
        body = html.unescape(slide["text"]["text"].replace("<br>", "\n"))
        assert event.sentence.replace("\r\n", "\n") in body  # the summary tells only a part
        assert html.unescape(html.escape(ARTICLES[0].title)) in body or ARTICLES[1].title in body
        assert slide["group"] == (event.countries[0] if event.countries else "No country")


def test_timelinejs_text_does_not_repeat_the_headline():
    sentence = "[6 April 2007] - Cambodia launched its first national task force in 2007."
    base = {**_fields(EVENTS[0]), "date": "2007-04-06", "precision": "day", "countries": ()}
    told = Event(**{**base, "sentence": sentence, "summary": sentence[17:], "id": "told"})
    cut = Event(**{**base, "sentence": sentence * 3, "summary": sentence[:60] + "…", "id": "cut"})
    slides = json.loads(render("timelinejs", ARTICLES, [told, cut]).text)["events"]
    texts = {slide["unique_id"]: html.unescape(slide["text"]["text"]) for slide in slides}
    assert "launched its first" not in texts["told"]  # the headline says it all
    assert "Title" in texts["told"]  # the source is still given
    assert sentence in texts["cut"]  # a summary cut short: the whole sentence adds to it
    assert {slide["group"] for slide in slides} == {"No country"}


def test_timelinejs_escapes_html_from_articles():
    text = render("timelinejs", ARTICLES, EVENTS, notes=NOTES).text
    data = json.loads(text)
    for slide in [data["title"], *data["events"]]:
        for value in slide["text"].values():
            stripped = value
            for tag in ("<p>", "</p>", "<em>", "</em>", "<strong>", "</strong>", "<br>"):
                stripped = stripped.replace(tag, "")
            assert "<" not in stripped and ">" not in stripped, value


# --- Markdown -------------------------------------------------------------------------------


def test_markdown_groups_by_year_with_undated_last():
    result = render("markdown", ARTICLES, EVENTS, title="Report", notes=NOTES)
    headings = [line for line in result.text.splitlines() if line.startswith("## ")]
    years = sorted({event.year for event in DATED})
    assert headings == [f"## {year}" for year in years] + ["## Undated", "## Sources"]
    assert result.left_out == 0
    bullets = [line for line in result.text.splitlines() if line.startswith("- ")]
    assert len(bullets) == len(EVENTS)


def test_markdown_renders_article_text_literally():
    result = render("markdown", ARTICLES, EVENTS, title="Report *x*", notes=NOTES)
    rendered = MarkdownIt("commonmark").enable("table").enable("strikethrough").render(result.text)
    # Only the report's own structure becomes HTML: no link, image, code, table or script
    # from article text.
    for tag in ("<a ", "<img", "<code>", "<table", "<script", "<ol", "<h3", "<b>"):
        assert tag not in rendered
    text = html.unescape(rendered)
    for event in EVENTS:
        assert " ".join(event.sentence.split()) in text
        assert " ".join(event.summary.split()) in text
    assert "Report *x*" in text
    assert 'My note, with "quotes"' in text and "- a note that looks like a list | with" in text


def test_markdown_cites_each_article_file():
    result = render("markdown", ARTICLES, EVENTS)
    rendered = html.unescape(MarkdownIt("commonmark").render(result.text))
    for article in ARTICLES:
        assert article.file in rendered and article.title in rendered


def test_markdown_escape_keeps_plain_words():
    assert markdown_escape("Cambodia and Thailand signed") == "Cambodia and Thailand signed"
    assert markdown_escape("a\nb") == "a b"
    assert markdown_escape("- x") == "\\- x"


# --- every format ---------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_empty_event_list(fmt):
    result = render(fmt, [], [])
    assert result.left_out == 0 and result.message == "wrote 0 events"


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_malformed_dates_are_left_out_not_crashed_on(fmt):
    bad = Event(**{**_fields(EVENTS[0]), "date": "2013-02-30", "precision": "day"})
    big = Event(**{**_fields(EVENTS[0]), "date": "9999", "precision": "year", "id": "y9999"})
    result = render(fmt, ARTICLES, [bad, big])
    assert result.written + result.left_out == 2


text_st = st.text(st.characters(codec="utf-8"), max_size=60)


@settings(max_examples=40, deadline=None)
@given(sentence=text_st, summary=text_st, title=text_st, note=text_st)
def test_any_text_exports_in_every_format(sentence, summary, title, note):
    article = Article(file="f.txt", title=title, text=sentence)
    event = Event(
        id="e1",
        date="2011-05",
        precision="month",
        approximate=False,
        type="other",
        countries=(summary[:10],),
        summary=summary,
        article="f.txt",
        sentence=sentence,
        start=0,
        end=len(sentence),
    )
    for fmt in EXPORT_FORMATS:
        result = render(fmt, [article], [event], title=title, notes={"e1": NoteInfo(True, note)})
        assert result.written == 1
    rows = read_csv(render("csv", [article], [event]).text)
    assert rows[0]["sentence"] == clean_text(sentence)


# --- what their programs make of them (issue 15) and the guards (issue 11) ------------------


def test_markdown_quotes_each_sentence_as_a_block_quote_inside_its_bullet():
    result = render("markdown", ARTICLES, EVENTS, notes=NOTES)
    lines = result.text.splitlines()
    bullets = [i for i, line in enumerate(lines) if line.startswith("- ")]
    assert len(bullets) == len(EVENTS)
    for i in bullets:  # pandoc needs the blank line before the quote
        assert lines[i + 1] == "" and lines[i + 2].startswith("  > "), lines[i : i + 3]
    tokens = MarkdownIt("commonmark").parse(result.text)
    nesting = []
    quoted = 0
    for token in tokens:
        if token.type == "blockquote_open" and "list_item_open" in nesting:
            quoted += 1
        if token.nesting == 1:
            nesting.append(token.type)
        elif token.nesting == -1:
            nesting.pop()
    assert quoted == len(EVENTS)


def test_markdown_has_one_footnote_per_article_referenced_once():
    from mdit_py_plugins.footnote import footnote_plugin

    text = render("markdown", ARTICLES, EVENTS).text
    for number in range(1, len(ARTICLES) + 1):
        assert text.count(f"[^{number}]:") == 1  # one note
        assert text.count(f"[^{number}]") == 2  # referenced once, and defined
    rendered = MarkdownIt("commonmark").use(footnote_plugin).render(text)
    assert rendered.count('class="footnote-item"') == len(ARTICLES)
    assert rendered.count('class="footnote-ref"') == len(ARTICLES)
    assert "(footnote 1)" in text and "(footnote 2)" in text  # later events name their note


def test_markdown_starts_with_front_matter_naming_the_generator():
    text = render("markdown", ARTICLES, EVENTS).text
    assert text.startswith(f"---\ngenerator: {GENERATOR}\n---\n\n# ")


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", '=HYPERLINK("x")'])
def test_csv_cells_that_would_be_formulas_are_guarded(cell):
    base = _fields(EVENTS[0])
    event = Event(**{**base, "sentence": cell, "summary": cell, "countries": (cell,)})
    article = Article(file=cell + ".txt", title=cell, text=cell)
    event = Event(**{**_fields(event), "article": article.file})
    (row,) = csv.DictReader(io.StringIO(render("csv", [article], [event]).text))
    for column in ("sentence", "summary", "countries", "article_title"):
        assert row[column] == "'" + cell, column
    assert row["article"] == "'" + cell + ".txt"
    assert read_csv(render("csv", [article], [event]).text)[0]["sentence"] == cell


def test_csv_bytes_start_with_a_byte_order_mark_and_ids_are_not_numbers():
    result = render("csv", ARTICLES, EVENTS)
    data = result.encoded()
    assert data.startswith(b"\xef\xbb\xbfid,date,")
    assert not result.text.startswith("\ufeff")  # the mark is the file's, not the text's
    for row in read_csv(data.decode("utf-8-sig")):
        with pytest.raises(ValueError):
            float(row["id"])


def test_every_export_is_recognised_as_one_and_articles_are_not():
    from timeline.export import is_export
    from timeline.resources import bundled_seeds_dir

    for fmt in EXPORT_FORMATS:
        head = render(fmt, ARTICLES, EVENTS).encoded()[:1024].decode("utf-8", "replace")
        assert is_export(head) == (fmt != "ics"), fmt  # no reader takes .ics files
    for path in bundled_seeds_dir().iterdir():
        assert not is_export(path.read_text(encoding="utf-8")[:1024])
    assert not is_export("---\ntitle: A story\n---\nText")
    assert not is_export('[{"text": "an article", "title": "x"}]')
