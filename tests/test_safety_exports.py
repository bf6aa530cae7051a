"""An export replaces its target only when complete (issue 11).

The text is written to a temporary file beside the target, synced and renamed
over it; a full disk, an unwritable folder or text that cannot be encoded
leaves an existing file exactly as it was, with one line saying why.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from safety import BAD_UTF8_NAME, run, write_named

import timeline.export.files
from timeline.export import ExportError, export_to_file, render, write_atomic
from timeline.pipeline import load_corpus

ROOT = Path(__file__).resolve().parent.parent
OLD = b"the previous export, which must survive\n"


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "out" / "report.json"
    path.parent.mkdir()
    path.write_bytes(OLD)
    return path


def leftovers(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name != "report.json")


def test_a_full_disk_leaves_the_old_export_and_no_temporary_file(capsys, target, monkeypatch):
    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(timeline.export.files.os, "fsync", full)
    code, out, err = run(capsys, "export", "-o", str(target))
    assert code == 1 and out == ""
    assert err == (
        f"timeline: error: cannot write {target}: no space left on the disk; "
        f"{target} left unchanged\n"
    )
    assert target.read_bytes() == OLD
    assert leftovers(target.parent) == []


def test_a_new_file_that_cannot_be_written_is_not_left_half_written(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr(timeline.export.files.os, "replace", _fail_eio)
    target = tmp_path / "new.csv"
    code, _, err = run(capsys, "export", "--format", "csv", "-o", str(target))
    assert code == 1 and err.endswith("; nothing written\n") and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def _fail_eio(*args):
    raise OSError(errno.EIO, os.strerror(errno.EIO))


def test_text_that_cannot_be_encoded_leaves_the_target(target):
    with pytest.raises(ExportError, match="cannot encode the text as UTF-8.*left unchanged"):
        write_atomic(target, "a lone surrogate \udcff")
    assert target.read_bytes() == OLD


@pytest.mark.parametrize(
    "where, message",
    [("folder", "it is a folder"), ("missing/out.json", "nothing written")],
)
def test_a_folder_or_a_missing_folder_is_one_clear_line(capsys, tmp_path, where, message):
    (tmp_path / "folder").mkdir()
    code, _, err = run(capsys, "export", "-o", str(tmp_path / where))
    assert code == 1 and message in err and err.count("\n") == 1
    assert "Traceback" not in err


def test_the_new_file_has_the_usual_mode_and_a_replaced_one_keeps_its_own(tmp_path):
    umask = os.umask(0o022)
    os.umask(umask)
    fresh = write_atomic(tmp_path / "fresh.json", "{}")
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask
    kept = tmp_path / "kept.json"
    kept.write_text("old")
    kept.chmod(0o600)
    write_atomic(kept, "new")
    assert kept.read_text() == "new" and stat.S_IMODE(kept.stat().st_mode) == 0o600


def test_a_link_is_followed_and_the_file_it_names_replaced(tmp_path):
    real = tmp_path / "real.md"
    real.write_text("old")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink() and real.read_text() == "new"


def test_the_browser_export_function_writes_atomically_and_says_what_it_did(tmp_path):
    corpus = load_corpus()
    path = tmp_path / "seeds.csv"
    result = export_to_file("csv", corpus.articles, corpus.events, path, title=corpus.name)
    assert path.read_bytes() == result.encoded()
    assert path.read_bytes().startswith(b"\xef\xbb\xbfid,")
    assert result.message_to(path) == f"wrote {len(corpus.events)} events to {path}"
    path.write_bytes(OLD)
    with pytest.raises(ExportError):
        export_to_file("csv", corpus.articles, corpus.events, tmp_path / "no" / "x.csv")
    assert path.read_bytes() == OLD


def test_exports_of_a_corpus_with_undecodable_names_never_truncate_the_target(
    capsys, tmp_path, target
):
    folder = tmp_path / "corpus"
    folder.mkdir()
    write_named(folder, BAD_UTF8_NAME, b"Raid\n\nPolice arrested 12 traffickers in Laos in 2012.\n")
    code, _, err = run(capsys, "export", "--corpus", str(folder), "-o", str(target))
    assert code == 0, err
    assert json.loads(target.read_bytes())["articles"][0]["file"] == "bad\ufffd\ufffdname.txt"


_FULL_DISK = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from timeline.cli import main
    target = Path(sys.argv[1]) / "report.json"
    old = b"the previous export, which must survive\\n"
    target.write_bytes(old)
    filler = Path(sys.argv[1]) / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:  # fill the disk
        while True:
            os.write(fd, b"x" * 4096)
    except OSError:
        pass
    os.close(fd)
    os.truncate(filler, max(0, filler.stat().st_size - 8192))  # but for two blocks
    code = main(["export", "-o", str(target)])
    kept = target.read_bytes() == old
    print("CODE", code, "CONTENT", kept, "FILES", sorted(os.listdir(sys.argv[1])), flush=True)
    """
)


@pytest.mark.skipif(shutil.which("unshare") is None, reason="needs unshare for a private tmpfs")
def test_a_real_full_disk_leaves_the_old_export(tmp_path):
    mount = tmp_path / "disk"
    mount.mkdir()
    script = (
        f"mount -t tmpfs -o size=256k tmpfs {mount} && "
        f"exec {sys.executable} -c '{_FULL_DISK}' {mount}"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        ["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    if "mount" in result.stderr and "CODE" not in result.stdout:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
    assert "CODE 1 CONTENT True FILES ['filler', 'report.json']" in result.stdout, result
    assert "no space left on the disk" in result.stderr and "Traceback" not in result.stderr


def test_render_alone_writes_nothing(tmp_path):
    corpus = load_corpus()
    render("json", corpus.articles, corpus.events)
    assert list(tmp_path.iterdir()) == []


def test_a_device_or_a_pipe_is_written_to_as_it_is(tmp_path):
    write_atomic("/dev/null", "nothing to keep there")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)  # not replaced by a file
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_atomic(fifo, "through the pipe")
    reader.join(10)
    assert received == [b"through the pipe"] and stat.S_ISFIFO(os.stat(fifo).st_mode)
