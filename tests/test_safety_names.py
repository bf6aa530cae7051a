"""File names that are not valid UTF-8 work like any other (issue 11).

Python reads ``b'bad\\xff\\xfename.txt'`` as ``'bad\\udcff\\udcfename.txt'``; SQLite
TEXT cannot hold the lone surrogates, so every index run said "index is damaged",
stars could not be saved and exports broke. The names are now stored as their
bytes, shown with replacement characters and opened by their real bytes.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from safety import BAD_UTF8_NAME, forbidden_in, run, write_named

from timeline.export import EXPORT_FORMATS
from timeline.notes import NotesStore
from timeline.store import open_corpus

NAME = os.fsdecode(BAD_UTF8_NAME)  # 'bad\udcff\udcfename.txt'
SHOWN = "bad\ufffd\ufffdname.txt"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    write_named(folder, BAD_UTF8_NAME, b"Raid\n\nPolice arrested 12 traffickers in Laos in 2012.\n")
    (folder / "good.txt").write_text("Treaty\n\nThailand signed the convention in 2015.\n")
    return folder


def test_the_index_keeps_them_and_the_next_run_reads_nothing(folder):
    warnings: list[str] = []
    first = open_corpus(folder, warn=warnings.append)
    first.close()
    assert warnings == [] and first.report.saved and first.report.read == 2
    again = open_corpus(folder, warn=warnings.append)
    assert warnings == []
    assert again.report.unchanged == 2 and again.report.read == 0
    assert NAME in {article.file for article in again.articles}
    assert again.search("police")  # found through the index's own search
    # reopened by its real bytes
    assert (folder / NAME).read_bytes().startswith(b"Raid")
    os.unlink(os.path.join(os.fsencode(folder), BAD_UTF8_NAME))
    gone = open_corpus(folder, warn=warnings.append)
    assert warnings == [] and gone.report.removed == 1
    assert NAME not in {article.file for article in gone.articles}


def test_the_index_command_says_nothing_is_damaged(capsys, folder):
    for _ in range(2):
        code, out, err = run(capsys, "index", str(folder))
        assert code == 0 and err == ""
    assert "0 read, 2 unchanged" in out


def test_list_and_a_star_and_a_note_on_their_events(capsys, folder):
    code, out, err = run(capsys, "list", "--corpus", str(folder))
    assert code == 0 and err == "" and "arrested 12 traffickers" in out
    event = next(e for e in open_corpus(folder).events if e.article == NAME)
    with NotesStore() as store:
        store.star(event)
        store.set_note(event, "check the name")
    with NotesStore() as store:  # read back from the file
        assert store.get(event).starred and store.get(event).note == "check the name"
        assert store.all()[0].article == NAME
    code, out, err = run(capsys, "list", "--starred", "--corpus", str(folder))
    assert code == 0 and err == ""
    assert "★ Police arrested 12" in out and "[note: check the name]" in out


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_every_export_shows_the_name_with_replacement_characters(capsys, folder, tmp_path, fmt):
    target = tmp_path / f"out.{fmt}"
    code, _, err = run(
        capsys, "export", "--format", fmt, "--corpus", str(folder), "-o", str(target)
    )
    assert code == 0, err
    assert "Traceback" not in err and "damaged" not in err
    text = target.read_bytes().decode("utf-8")  # valid UTF-8 throughout
    assert forbidden_in(text, crlf=fmt == "ics") == []
    unfolded = text.replace("\r\n ", "")
    assert SHOWN in unfolded
    if fmt == "json":
        assert SHOWN in {article["file"] for article in json.loads(text)["articles"]}
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
        assert SHOWN in {row["article"] for row in rows}


def test_an_export_named_with_invalid_utf8_is_written(capsys, folder, tmp_path):
    target = Path(os.fsdecode(os.path.join(os.fsencode(tmp_path), b"out\xff.json")))
    code, _, err = run(capsys, "export", "--corpus", str(folder), "-o", str(target))
    assert code == 0, err
    assert err.strip() == f"wrote 2 events to {tmp_path}/out\ufffd.json"
    assert json.loads(target.read_bytes())["events"]
