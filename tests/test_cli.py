"""The command line: list, export, dates, filters and errors."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from timeline.cli import main
from timeline.resources import bundled_seeds_dir

SEED_003 = bundled_seeds_dir() / "003_ec04f9ea3d0db219.txt"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_is_chronological_with_undated_last(capsys):
    code, out, _ = run(capsys, "list")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:4] == ["DATE", "TYPE", "COUNTRIES", "SUMMARY"]
    dates = [line.split("  ")[0].strip() for line in lines[1:-1]]
    years = [d.lstrip("~")[-4:] for d in dates if d != "undated"]
    assert years == sorted(years)
    assert "2005" in years and "2016" in years
    assert all(d == "undated" for d in dates[len(years) :])
    assert "6 Apr 2007" in out and "task_force" in out
    assert lines[-1].startswith(f"{len(lines) - 2} of ")


def test_list_filters_by_year_range_country_alias_and_type(capsys):
    _, out, _ = run(capsys, "list", "--year", "2009-2010", "--country", "CAMBODIA")
    body = out.splitlines()[1:-1]
    assert body and all(line[:5].lstrip("~").startswith(("2009", "2010")) for line in body)
    _, out, _ = run(capsys, "list", "--country", "burma")
    assert "959 cases" in out
    _, out, _ = run(capsys, "list", "--type", "task_force")
    assert out.splitlines()[1].startswith("6 Apr 2007")
    assert len(out.splitlines()) == 3


def test_search_filter(capsys):
    _, out, _ = run(capsys, "list", "--search", "watchlist")
    # The tier change of "removed Cambodia from a watchlist", summarised as its tiers.
    assert "Cambodia: Tier 2 Watch List → Tier 2 (2010 report)" in out


@pytest.mark.parametrize(
    "argv, message",
    [
        (["list", "--type", "party"], "unknown event type: 'party'. Valid types: task_force"),
        (["list", "--country", "Atlantis"], "unknown country: 'Atlantis'. Countries in this"),
        (["list", "--year", "20x0"], "not a year or a year range"),
        (["list", "--corpus", "/no/such/folder"], "no such folder: /no/such/folder"),
    ],
)
def test_bad_input_is_a_clear_error_with_status_2(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert message in err
    assert "Traceback" not in err


def test_export_json_shape(capsys):
    code, out, _ = run(capsys, "export", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert {a["file"] for a in data["articles"]} == {
        p.name for p in bundled_seeds_dir().glob("*.txt")
    }
    article_keys = {"file", "title", "date", "precision", "approximate"}
    assert all(article_keys <= set(a) for a in data["articles"])
    event_keys = {"id", "date", "precision", "approximate", "type", "countries", "summary",
                  "article", "sentence", "start", "end"}  # fmt: skip
    texts = {p.name: p.read_text(encoding="utf-8") for p in bundled_seeds_dir().glob("*.txt")}
    for e in data["events"]:
        assert event_keys <= set(e)
        assert texts[e["article"]][e["start"] : e["end"]] == e["sentence"]


def test_export_ids_are_stable_across_runs(capsys):
    _, first, _ = run(capsys, "export")
    _, second, _ = run(capsys, "export")
    assert [e["id"] for e in json.loads(first)["events"]] == [
        e["id"] for e in json.loads(second)["events"]
    ]
    assert len({e["id"] for e in json.loads(first)["events"]}) == len(json.loads(first)["events"])


def test_export_to_file_with_filters(capsys, tmp_path):
    target = tmp_path / "out.json"
    code, out, err = run(capsys, "export", "--year", "2007", "-o", str(target))
    assert code == 0 and out == ""
    assert str(target) in err
    events = json.loads(target.read_text())["events"]
    assert [e["date"] for e in events] == ["2007-04-06"]


def test_dates_command_shows_spans_and_values(capsys):
    code, out, _ = run(capsys, "dates", str(SEED_003))
    assert code == 0
    assert "article date: 6 Apr 2007" in out
    row = next(line for line in out.splitlines() if line.endswith("Last year"))
    assert "2006" in row and "relative" in row


def test_dates_command_with_a_reference(capsys):
    _, out, _ = run(capsys, "dates", str(SEED_003), "--reference", "2010-01-01")
    row = next(line for line in out.splitlines() if line.endswith("Last year"))
    assert "2009" in row


def test_bad_files_warn_on_stderr_and_the_rest_still_works(capsys, tmp_path):
    (tmp_path / "good.txt").write_text(
        "Headline\n\nPolice arrested 12 traffickers in Laos in 2012."
    )
    (tmp_path / "bad.txt").write_bytes(b"\x00\x00binary")
    code, out, err = run(capsys, "list", "--corpus", str(tmp_path))
    assert code == 0
    assert "arrested 12 traffickers" in out
    assert err.strip() == "timeline: warning: bad.txt: skipped: binary file (NUL bytes)"


def test_python_dash_m_runs_without_stdin(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "timeline", "list", "--year", "2013"],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        cwd=tmp_path,
        env={"PYTHONPATH": str(Path(__file__).parent.parent), "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "25 Jun 2013" in result.stdout


def test_index_builds_then_reuses_and_clears(capsys, tmp_path):
    (tmp_path / "a.txt").write_text("Headline\n\nPolice arrested 12 traffickers in Laos in 2012.")
    code, out, _ = run(capsys, "index", str(tmp_path))
    assert code == 0 and "1 files: 1 read, 0 unchanged" in out and "1 events" in out
    _, out, _ = run(capsys, "index", str(tmp_path))
    assert "0 read, 1 unchanged" in out
    (tmp_path / "b.txt").write_text("Other\n\nThailand signed the convention in 2015.")
    _, out, _ = run(capsys, "index", str(tmp_path))
    assert "2 files: 1 read, 1 unchanged" in out
    _, out, _ = run(capsys, "index", "--clear", str(tmp_path))
    assert out.startswith("removed index ")
    _, out, _ = run(capsys, "index", "--clear", str(tmp_path))
    assert out.startswith("no index to remove")


def test_no_cache_gives_the_same_events(capsys):
    _, cached, _ = run(capsys, "export")
    _, uncached, _ = run(capsys, "export", "--no-cache")
    assert json.loads(cached) == json.loads(uncached)


def test_search_takes_phrases_prefixes_and_odd_input(capsys):
    _, out, _ = run(capsys, "list", "--search", '"task force"')
    assert "first national task force" in out
    _, out, _ = run(capsys, "list", "--search", "watchli*")
    assert "Cambodia: Tier 2 Watch List → Tier 2 (2010 report)" in out
    for odd in ['"', "*", "AND(", "x" * 10_000]:
        code, _, err = run(capsys, "list", "--search", odd)
        assert code == 0 and "Traceback" not in err


def test_stars_and_notes_show_in_list_notes_and_exports(capsys):
    from timeline.notes import NotesStore
    from timeline.pipeline import load_corpus

    event = next(e for e in load_corpus().events if e.type == "task_force")
    with NotesStore() as store:
        store.star(event)
        store.set_note(event, "check the BBC original")
    _, out, _ = run(capsys, "list", "--starred")
    assert "★ The Cambodian government has launched" in out
    assert "[note: check the BBC original]" in out
    assert out.splitlines()[-1].startswith("1 of ")
    _, out, _ = run(capsys, "notes")
    assert "check the BBC original" in out
    _, out, _ = run(capsys, "export", "--starred")
    (exported,) = json.loads(out)["events"]
    assert exported["starred"] is True and exported["note"] == "check the BBC original"


def test_orphaned_notes_are_listed(capsys, tmp_path):
    from timeline.notes import NotesStore

    article = tmp_path / "a.txt"
    article.write_text("Headline\n\nPolice arrested 12 traffickers in Laos in 2012.")
    _, out, _ = run(capsys, "export", "--corpus", str(tmp_path))
    from timeline.model import Event

    data = json.loads(out)["events"][0]
    event = Event(**{k: v for k, v in data.items() if k in Event.__slots__ and k != "countries"},
                  countries=tuple(data["countries"]))  # fmt: skip
    with NotesStore() as store:
        store.set_note(event, "source?")
    article.write_text("Headline\n\nPolice arrested 13 traffickers in Laos in 2012.")
    _, out, _ = run(capsys, "notes", "--orphaned", "--corpus", str(tmp_path))
    assert "source?" in out and "1 orphaned notes" in out


@pytest.mark.parametrize("fmt", ["csv", "ics", "timelinejs", "markdown"])
def test_every_export_format_from_the_command_line(capsys, tmp_path, fmt):
    target = tmp_path / f"out.{fmt}"
    code, _, err = run(
        capsys, "export", "--format", fmt, "--country", "cambodia", "-o", str(target)
    )
    assert code == 0
    assert "wrote " in err and str(target) in err
    assert "Cambodia" in target.read_text(encoding="utf-8")


# --- the folder, the filters and the messages, as a new user meets them (issue 15) ---------


def test_list_export_and_notes_take_the_folder_like_timeline_dir(capsys, tmp_path):
    (tmp_path / "a.txt").write_text("Headline\n\nPolice arrested 12 traffickers in Laos in 2012.")
    code, out, err = run(capsys, "list", str(tmp_path))
    assert code == 0 and "arrested 12 traffickers" in out and "1 of 1 events" in out
    code, out, _ = run(capsys, "export", str(tmp_path))
    assert code == 0 and json.loads(out)["corpus"]["folder"] == str(tmp_path.resolve())
    code, out, _ = run(capsys, "notes", str(tmp_path))
    assert code == 0 and "0 events with a star or a note" in out
    code, _, err = run(capsys, "list", str(tmp_path), "--corpus", str(SEED_003.parent))
    assert code == 2 and "two folders given" in err


def test_a_backwards_year_range_is_read_forwards_and_says_so(capsys):
    code, out, err = run(capsys, "list", "--year", "2012-2008")
    assert code == 0
    assert err.strip() == "timeline: note: --year 2012-2008 read as 2008-2012"
    _, forwards, _ = run(capsys, "list", "--year", "2008-2012")
    assert out == forwards


def test_a_country_no_event_names_says_so(capsys):
    code, out, err = run(capsys, "list", "--country", "France")
    assert code == 0 and out.splitlines()[-1].startswith("0 of ")
    assert "timeline: note: no event in this corpus names France" in err
    assert "Cambodia" in err  # the countries there are
    _, _, err = run(capsys, "list", "--country", "Cambodia")
    assert err == ""


def test_the_ics_message_names_the_file_then_what_was_left_out(capsys, tmp_path):
    target = tmp_path / "out.ics"
    code, _, err = run(capsys, "export", "--format", "ics", "-o", str(target))
    assert code == 0
    assert re.fullmatch(
        rf"wrote \d+ events to {re.escape(str(target))}; \d+ undated events? left out\n", err
    )


def test_ics_spans_from_the_command_line(capsys):
    import datetime as dt

    import icalendar

    def longest(*argv: str) -> dt.timedelta:
        _, out, _ = run(capsys, "export", "--format", "ics", "--type", "tier_change", *argv)
        vevents = icalendar.Calendar.from_ical(out).walk("VEVENT")
        return max(v.decoded("DTEND") - v.decoded("DTSTART") for v in vevents)

    assert longest() == dt.timedelta(days=1)
    assert longest("--ics-spans") >= dt.timedelta(days=365)


def test_dash_o_dash_is_standard_output_and_an_empty_name_is_refused(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "export", "-o", "-")
    assert code == 0 and json.loads(out)["events"]
    assert not (tmp_path / "-").exists()
    code, out, err = run(capsys, "export", "-o", "")
    assert code == 2 and out == ""
    assert err.strip() == "timeline: error: -o needs a file name (or - for standard output)"


@pytest.mark.parametrize(
    "limit", ["100000000000", "1" + "0" * 30, "9" * 5000], ids=["1e11", "1e30", "5000 digits"]
)
def test_absurd_size_limits_are_refused_clearly(capsys, limit):
    with pytest.raises(SystemExit) as exit_:
        main(["list", "--max-bytes", limit])
    err = capsys.readouterr().err
    assert exit_.value.code == 2
    assert "--max-bytes: at most 1,000,000,000" in err and "Traceback" not in err


def test_dates_on_a_folder_or_a_fifo_says_what_it_is(capsys, tmp_path):
    code, _, err = run(capsys, "dates", str(tmp_path))
    assert code == 2 and "is a folder" in err
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    code, _, err = run(capsys, "dates", str(fifo))  # returns at once: never opened
    assert code == 2 and err.strip() == f"timeline: error: not a regular file: {fifo}"
    code, _, err = run(capsys, "dates", str(tmp_path / "missing.txt"))
    assert code == 2 and "no such file" in err


def test_dates_of_a_collection_lists_each_record(tmp_path: Path, capsys):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        '{"title": "a", "text": "Police raided a brothel on 5 May 2010."}\n'
        '{"title": "b", "text": "The law passed in June 2011."}\n',
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "dates", str(feed))
    assert code == 0
    assert "== feed.jsonl#1" in out and "== feed.jsonl#2" in out
    first, second = out.split("== feed.jsonl#2")
    assert "2010-05-05" in first and "2011-06" in second


def test_country_asean_lists_the_group_s_events_without_doubt_or_repeats(capsys):
    code, out, err = run(capsys, "list", "--no-cache", "--country", "asean")
    assert code == 0
    assert "no event in this corpus names" not in err  # the group is named: no warning
    from timeline.pipeline import load_corpus

    rows = out.splitlines()[1:-1]
    assert len(rows) == sum(1 for e in load_corpus(None).events if "ASEAN" in e.regions) > 0
    assert not any("via ASEAN" in row for row in rows)  # the filter names the group itself


STORIES = Path(__file__).parent / "stories"


def test_list_key_shows_each_story_as_the_browser_and_the_exports_do(capsys):
    from timeline.export.common import told_stories
    from timeline.pipeline import load_corpus
    from timeline.table import key_events

    code, out, _ = run(capsys, "list", "--no-cache", "--corpus", str(STORIES), "--key", "3")
    assert code == 0
    corpus = load_corpus(STORIES)
    shown = [told.shown for told in told_stories(key_events(corpus.events, corpus, 3))]
    verdict = next(e for e in shown if e.date == "2017-07-19" and e.type == "enforcement")
    # The telling with the date most sources give, not the story's earliest (a month).
    assert any(
        line.startswith("19 Jul 2017  enforcement") and "×3" in line for line in out.splitlines()
    )
    assert verdict.summary[:40] in out


def test_notes_counts_one_event_in_the_singular(capsys, tmp_path, monkeypatch):
    from timeline.notes import DATA_DIR_ENV, NotesStore, default_notes_path
    from timeline.pipeline import load_corpus

    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    event = load_corpus(None).events[0]
    with NotesStore(default_notes_path()) as notes:
        notes.set_starred(event, True)
    code, out, _ = run(capsys, "notes")
    assert code == 0 and "1 event with a star or a note" in out
