"""Everything the tool writes is free of control and bidi characters (issue 11).

File names and article text leave the tool through one sanitiser: the table of
``list``, ``notes``, every export (to stdout and to a file), the warnings on
stderr and the progress bar.
"""

from __future__ import annotations

import io
import os
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from safety import ATTACK, FORBIDDEN, forbidden_in, hostile_folder, run, write_named

from timeline.export import EXPORT_FORMATS
from timeline.textclean import SafeStream, clean_line, clean_name, clean_text


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return hostile_folder(tmp_path)


def star_everything(folder: Path) -> None:
    from timeline.notes import NotesStore
    from timeline.pipeline import load_corpus

    with NotesStore() as store:
        for event in load_corpus(folder).events:
            store.star(event)
            store.set_note(event, f"note {ATTACK} on it")


def test_the_sanitiser_removes_controls_bidi_and_lone_surrogates():
    text = f"a{ATTACK}b\r\nc\rd\te\udcff\x7f\x85f\u202ag\u2069h"
    assert clean_text(text) == "ab\nc\nd\te\ufffdfgh"
    assert not FORBIDDEN.search(clean_text(text))
    assert clean_line(text) == "ab c d e\ufffdfgh"
    assert clean_name("bad\udcff\udcfename.txt") == "bad\ufffd\ufffdname.txt"


def test_a_safe_stream_cleans_every_write():
    raw = io.StringIO()
    stream = SafeStream(raw)
    print(f"title {ATTACK}here", file=stream)
    stream.write("bad\udcffname\n")
    assert raw.getvalue() == "title here\nbad\ufffdname\n"


def test_list_cleans_names_and_sentences(capsys, folder):
    code, out, err = run(capsys, "list", "--corpus", str(folder))
    assert code == 0, err
    assert "Police arrested 12 traffickers in Cambodia" in out
    assert forbidden_in(out) == [] and forbidden_in(err) == []
    assert "pwned" not in out + err


def test_warnings_on_stderr_name_the_file_without_its_controls(capsys, folder):
    _, _, err = run(capsys, "list", "--corpus", str(folder))
    (line,) = [line for line in err.splitlines() if "binary file" in line]
    assert line.startswith("timeline: warning: binary")
    assert "\ufffd.txt: skipped: binary file" in line
    assert forbidden_in(err) == []


def test_notes_and_orphaned_notes_are_clean(capsys, folder):
    star_everything(folder)
    code, out, err = run(capsys, "notes", "--corpus", str(folder))
    assert code == 0 and "events with a star or a note" in out
    assert "[note: note on it]" in out
    assert forbidden_in(out + err) == []
    (folder / "plain.txt").unlink()
    for name in os.listdir(os.fsencode(folder)):
        if name.startswith(b"evil"):
            os.unlink(os.path.join(os.fsencode(folder), name))
    code, out, err = run(capsys, "notes", "--orphaned", "--corpus", str(folder))
    assert code == 0 and "2 orphaned notes" in out
    assert "\ufffd" in out  # the undecodable name, shown with replacement characters
    assert forbidden_in(out + err) == []


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_every_export_is_clean_on_stdout_and_in_a_file(capsys, folder, tmp_path, fmt):
    star_everything(folder)
    code, out, err = run(capsys, "export", "--format", fmt, "--corpus", str(folder))
    assert code == 0, err
    assert "Cambodia" in out
    assert forbidden_in(out, crlf=fmt == "ics") == [] and forbidden_in(err) == []
    target = tmp_path / f"out-{fmt}"
    code, _, err = run(
        capsys, "export", "--format", fmt, "--corpus", str(folder), "-o", str(target)
    )
    assert code == 0, err
    written = target.read_bytes().decode("utf-8")
    assert forbidden_in(written, crlf=fmt == "ics") == []
    assert forbidden_in(err) == []


def test_the_progress_bar_draws_on_the_terminal_and_its_label_is_clean():
    from timeline.cli import progress_bar

    raw = io.StringIO()
    raw.isatty = lambda: True  # type: ignore[method-assign]
    bar = progress_bar(f"index {ATTACK}", raw)
    bar(5, 5)
    drawn = raw.getvalue()
    assert "index " in drawn and "5/5 files" in drawn
    # the bar's own carriage return and erase-line are its only control characters
    assert forbidden_in(drawn.replace("\r", "").replace("\x1b[K", "")) == []


# --- random names and texts ---------------------------------------------------------------

HOSTILE_CHARS = (
    [chr(c) for c in range(0x20) if c not in (0x0A, 0x2F)]
    + [chr(c) for c in range(0x7F, 0xA0)]
    + [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]
    + ["\x1b[31m", "\x1b]0;t\x07", "\x1b]8;;http://x\x1b\\", "\x9b2J", "\x1bc"]
)
hostile_text = st.lists(
    st.one_of(st.sampled_from(HOSTILE_CHARS), st.sampled_from(list(string.ascii_letters + " "))),
    max_size=30,
).map("".join)
# File names: any bytes but NUL and '/', so invalid UTF-8 too (never hidden dot-files).
name_bytes = st.binary(min_size=1, max_size=40).map(
    lambda b: b"n" + b.replace(b"\0", b"").replace(b"/", b"") + b".txt"
)


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(name=name_bytes, junk=hostile_text, bad_name=name_bytes)
def test_random_hostile_names_and_texts_never_reach_the_output(
    capsys, tmp_path_factory, name, junk, bad_name
):
    if name == bad_name:
        bad_name = b"x" + bad_name
    folder = tmp_path_factory.mktemp("random")
    text = f"Headline {junk}\n\nPolice arrested 12 traffickers {junk} in Cambodia in 2012.\n"
    write_named(folder, name, text.encode("utf-8", "surrogatepass"))
    write_named(folder, bad_name, b"\x00binary")  # its warning names it
    star_everything(folder)
    outputs = []
    for argv in (["list"], ["notes"], ["notes", "--orphaned"], ["index"]):
        code, out, err = run(capsys, *argv, "--corpus", str(folder))
        assert code == 0, err
        outputs.append((out, False))
        outputs.append((err, False))
    assert any("skipped: binary file" in err for err, _ in outputs)
    for fmt in EXPORT_FORMATS:
        code, out, err = run(capsys, "export", "--format", fmt, "--corpus", str(folder))
        assert code == 0, err
        outputs += [(out, fmt == "ics"), (err, False)]
        target = folder.parent / f"{folder.name}-out.{fmt}"
        code, _, err = run(
            capsys, "export", "--format", fmt, "--corpus", str(folder), "-o", str(target)
        )
        assert code == 0, err
        outputs += [(target.read_bytes().decode("utf-8"), fmt == "ics"), (err, False)]
    for text, crlf in outputs:
        assert forbidden_in(text, crlf=crlf) == [], text


def test_the_warnings_the_browser_shows_as_notices_are_clean_lines(folder):
    from timeline.store import open_corpus

    warnings: list[str] = []
    open_corpus(folder, warn=warnings.append).close()
    assert any("skipped: binary file" in line for line in warnings)
    assert all(clean_line(line) == line and forbidden_in(line) == [] for line in warnings)
